"""Citizen submissions: idempotent delivery, status look-ups, and staff answers.

Rules (contract ``POST /submissions``): ``client_id`` is the idempotency key;
the same key with a body equal as JSON answers 200 with the first receipt; with
a different body 409; a ``client_ref`` reused by its kiosk for another key 422
``duplicate_client_ref``; a payload that is another kind's 422 ``kind_mismatch``;
an evaluation must name an answered submission of the same citizen.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from devserver import contract
from devserver.store import Store

CHINA = dt.timezone(dt.timedelta(hours=8))
_PREFIX = {"consultation": "ZX", "complaint": "TS", "evaluation": "PJ"}
_PAYLOAD_SCHEMAS = {
    "consultation": "ConsultationPayload",
    "complaint": "ComplaintPayload",
    "evaluation": "EvaluationPayload",
}
STATUSES = ("received", "processing", "answered", "closed", "rejected")


def now_iso() -> str:
    return dt.datetime.now(CHINA).isoformat(timespec="seconds")


@dataclass
class Outcome:
    """An HTTP status and the JSON body that goes with it."""

    status: int
    body: dict[str, Any]
    stored: bool = False
    headers: dict[str, str] = field(default_factory=dict)


def error(
    status: int, code: str, message: str, fields: list[dict[str, str]] | None = None
) -> Outcome:
    body: dict[str, Any] = {"error": code, "message": message}
    if fields:
        body["fields"] = fields
    return Outcome(status, body)


def _canonical(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _validation_outcome(body: Any) -> Outcome | None:
    errors = contract.validate("Submission", body)
    if not errors:
        return None
    fields = [e.as_dict() for e in errors]
    kind = body.get("kind") if isinstance(body, dict) else None
    payload = body.get("payload") if isinstance(body, dict) else None
    only_payload = all(e.field == "payload" or e.field.startswith("payload.") for e in errors)
    if only_payload and kind in _PAYLOAD_SCHEMAS and isinstance(payload, dict):
        fitting = [k for k, name in _PAYLOAD_SCHEMAS.items() if contract.is_valid(name, payload)]
        if fitting:
            return error(
                422,
                "kind_mismatch",
                f"kind is {kind} but the payload is a {fitting[0]} payload",
                fields,
            )
    return error(422, "validation_failed", "the submission breaks the contract", fields)


def _same_citizen(row: sqlite3.Row, citizen: dict[str, Any]) -> bool:
    number = citizen.get("id_number")
    if number and row["id_number"]:
        return str(row["id_number"]).upper() == str(number).upper()
    return bool(row["phone"] == citizen.get("phone"))


def accept(store: Store, kiosk_id: str, body: Any) -> Outcome:
    """Apply the idempotency and validation rules to one delivered submission."""
    with store.transaction() as conn:
        client_id = body.get("client_id") if isinstance(body, dict) else None
        if isinstance(client_id, str):
            row = conn.execute(
                "SELECT canonical, receipt FROM submissions WHERE client_id = ?", (client_id,)
            ).fetchone()
            if row is not None:
                if row["canonical"] == _canonical(body):
                    conn.execute(
                        "UPDATE submissions SET deliveries = deliveries + 1 WHERE client_id = ?",
                        (client_id,),
                    )
                    return Outcome(200, json.loads(row["receipt"]))
                return error(
                    409,
                    "duplicate_client_id",
                    "this client_id was delivered before with a different body",
                )
        invalid = _validation_outcome(body)
        if invalid is not None:
            return invalid
        assert isinstance(body, dict)
        taken = conn.execute(
            "SELECT 1 FROM submissions WHERE kiosk_id = ? AND client_ref = ?",
            (kiosk_id, body["client_ref"]),
        ).fetchone()
        if taken is not None:
            return error(
                422,
                "duplicate_client_ref",
                "this client_ref was used by this kiosk for another submission",
                [{"field": "client_ref", "code": "duplicate", "message": "already used"}],
            )
        citizen = body["citizen"]
        target: sqlite3.Row | None = None
        if body["kind"] == "evaluation":
            target = conn.execute(
                "SELECT * FROM submissions WHERE tracking_no = ?",
                (body["payload"]["tracking_no"],),
            ).fetchone()
            problem = None
            if target is None or not _same_citizen(target, citizen):
                problem = "no submission of this citizen has this tracking number"
            elif target["kind"] == "evaluation":
                problem = "an evaluation cannot be evaluated"
            elif target["status"] != "answered" or target["evaluated"]:
                problem = "the submission is not answered, or was evaluated already"
            if problem is not None:
                return error(
                    422,
                    "evaluation_not_allowed",
                    problem,
                    [{"field": "payload.tracking_no", "code": "not_evaluable", "message": problem}],
                )
        received_at = now_iso()
        count = int(conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]) + 1
        today = dt.datetime.now(CHINA).strftime("%Y%m%d")
        tracking_no = f"{_PREFIX[body['kind']]}{today}{count:06d}"
        receipt = {
            "tracking_no": tracking_no,
            "client_id": client_id,
            "status": "received",
            "received_at": received_at,
        }
        conn.execute(
            "INSERT INTO submissions (client_id, kiosk_id, client_ref, tracking_no, kind, body, "
            "canonical, receipt, received_at, phone, id_type, id_number) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                client_id,
                kiosk_id,
                body["client_ref"],
                tracking_no,
                body["kind"],
                Store.dumps(body),
                _canonical(body),
                Store.dumps(receipt),
                received_at,
                citizen["phone"],
                citizen.get("id_type") or ("resident" if citizen.get("id_number") else None),
                citizen.get("id_number"),
            ),
        )
        if target is not None:
            conn.execute(
                "UPDATE submissions SET evaluated = 1, status = 'closed' WHERE tracking_no = ?",
                (target["tracking_no"],),
            )
        return Outcome(201, receipt, stored=True)


def status_of(row: sqlite3.Row) -> dict[str, Any]:
    """A stored submission as the contract's ``SubmissionStatus``."""
    body = json.loads(row["body"])
    subject = body.get("payload", {}).get("subject") if row["kind"] == "consultation" else None
    answer = None
    if row["answer_text"] is not None:
        answer = {
            "text": row["answer_text"],
            "answered_at": row["answered_at"],
            "answered_by": row["answered_by"],
        }
    return {
        "tracking_no": row["tracking_no"],
        "client_ref": row["client_ref"],
        "kind": row["kind"],
        "subject": subject,
        "status": row["status"],
        "submitted_at": body.get("created_at") or row["received_at"],
        "answer": answer,
        "rejection_reason": row["rejection_reason"],
        "evaluation_allowed": row["status"] == "answered"
        and row["kind"] != "evaluation"
        and not row["evaluated"],
    }


def find_for_citizen(
    store: Store, kiosk_id: str, ref: str, phone_last4: str
) -> dict[str, Any] | None:
    """The submission ``ref`` names (tracking number or client_ref) when the phone matches."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM submissions WHERE tracking_no = ? OR client_ref = ? "
            "ORDER BY (kiosk_id = ?) DESC, n DESC",
            (ref, ref, kiosk_id),
        ).fetchall()
    for row in rows:
        if str(row["phone"]).endswith(phone_last4):
            return status_of(row)
    return None


def lookup_by_identity(store: Store, id_type: str, id_number: str) -> list[dict[str, Any]]:
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT * FROM submissions WHERE UPPER(id_number) = UPPER(?) "
            "AND COALESCE(id_type, 'resident') = ? ORDER BY n DESC",
            (id_number, id_type),
        ).fetchall()
    return [status_of(row) for row in rows]


def _row_by_ref(conn: sqlite3.Connection, ref: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM submissions WHERE tracking_no = ? OR client_ref = ? OR client_id = ? "
        "ORDER BY n DESC LIMIT 1",
        (ref, ref, ref),
    ).fetchone()
    return row


def answer(store: Store, ref: str, text: str, answered_by: str | None) -> dict[str, Any] | None:
    with store.transaction() as conn:
        row = _row_by_ref(conn, ref)
        if row is None:
            return None
        conn.execute(
            "UPDATE submissions SET status = 'answered', answer_text = ?, answered_at = ?, "
            "answered_by = ? WHERE n = ?",
            (text, now_iso(), answered_by, row["n"]),
        )
        updated = conn.execute("SELECT * FROM submissions WHERE n = ?", (row["n"],)).fetchone()
    return status_of(updated)


def set_status(
    store: Store, ref: str, status: str, rejection_reason: str | None
) -> dict[str, Any] | None:
    with store.transaction() as conn:
        row = _row_by_ref(conn, ref)
        if row is None:
            return None
        conn.execute(
            "UPDATE submissions SET status = ?, rejection_reason = ? WHERE n = ?",
            (status, rejection_reason, row["n"]),
        )
        updated = conn.execute("SELECT * FROM submissions WHERE n = ?", (row["n"],)).fetchone()
    return status_of(updated)


def all_stored(store: Store) -> list[dict[str, Any]]:
    """Every stored submission with its body and delivery count (dev control)."""
    with store.reading() as conn:
        rows = conn.execute("SELECT * FROM submissions ORDER BY n").fetchall()
    return [
        {
            "client_id": row["client_id"],
            "client_ref": row["client_ref"],
            "kiosk_id": row["kiosk_id"],
            "tracking_no": row["tracking_no"],
            "kind": row["kind"],
            "status": row["status"],
            "received_at": row["received_at"],
            "deliveries": row["deliveries"],
            "body": json.loads(row["body"]),
            "answer_text": row["answer_text"],
        }
        for row in rows
    ]
