"""The ``/_dev`` control endpoints: what a developer or a test does to the platform.

Not part of the contract and not authenticated; the server listens on loopback
only unless told otherwise. Described in docs/devserver.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, Response, request

from devserver import contract, submissions
from devserver.faults import FaultBoard, FaultSpecError
from devserver.feed import CONTENT_TYPES
from devserver.kiosk_config import config_etag, merge_patch
from devserver.store import Store

_SCHEMA_OF = {
    "law": "Law",
    "practitioner": "Practitioner",
    "institution": "Institution",
    "case": "Case",
    "faq": "Faq",
    "guide": "Guide",
    "announcement": "Announcement",
}


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status, mimetype="application/json")


def _problem(status: int, message: str, fields: list[dict[str, str]] | None = None) -> Response:
    body: dict[str, Any] = {
        "error": "bad_request" if status == 400 else "not_found",
        "message": message,
    }
    if status == 422:
        body["error"] = "validation_failed"
    if fields:
        body["fields"] = fields
    return _json(body, status)


def _body() -> Any:
    try:
        return json.loads(request.get_data(cache=True).decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError):
        return None


def register_control(
    app: Flask,
    store: Store,
    faults: FaultBoard,
    kiosk_config: Callable[[], dict[str, Any]],
    save_config: Callable[[dict[str, Any]], str],
) -> None:
    """Mount ``/_dev`` on ``app``."""
    dev = Blueprint("dev", __name__, url_prefix="/_dev")

    @dev.get("/state")
    def state() -> Response:
        with store.reading() as conn:
            head = store.head_seq(conn)
            generation = int(store.meta_get("generation", conn) or "1")
            dataset = store.meta_get("dataset", conn)
        return _json(
            {
                "head_seq": head,
                "generation": generation,
                "dataset": dataset,
                "counts": store.content_counts(),
                "faults": faults.active(),
                "config_etag": config_etag(kiosk_config()),
            }
        )

    @dev.post("/content")
    def upsert() -> Response:
        body = _body()
        if not isinstance(body, dict):
            return _problem(400, "a JSON object {type, id, data, version?}")
        type_, id_, data = body.get("type"), body.get("id"), body.get("data")
        version = body.get("version")
        if type_ not in CONTENT_TYPES:
            return _problem(400, f"type: one of {', '.join(CONTENT_TYPES)}")
        if not isinstance(id_, str) or not 1 <= len(id_) <= 80:
            return _problem(400, "id: a string of 1 to 80 characters")
        if version is not None and (not isinstance(version, int) or version < 1):
            return _problem(400, "version: a positive integer")
        if not body.get("unchecked"):
            errors = contract.validate(_SCHEMA_OF[type_], data)
            if errors:
                return _problem(422, "data breaks the contract", [e.as_dict() for e in errors])
        with store.transaction() as conn:
            current = store.item_state(conn, type_, id_)
            if version is None:
                version = 1 if current is None else current.version + 1
            seq = store.append_change(conn, type_, id_, "upsert", version, Store.dumps(data))
        change = {
            "seq": seq,
            "type": type_,
            "id": id_,
            "op": "upsert",
            "version": version,
            "data": data,
        }
        return _json(change, 201)

    @dev.delete("/content/<type_>/<path:id_>")
    def delete(type_: str, id_: str) -> Response:
        with store.transaction() as conn:
            current = store.item_state(conn, type_, id_)
            if current is None or current.deleted:
                return _problem(404, f"no {type_} {id_}")
            version = current.version + 1
            seq = store.append_change(conn, type_, id_, "delete", version, None)
        change = {
            "seq": seq,
            "type": type_,
            "id": id_,
            "op": "delete",
            "version": version,
            "data": None,
        }
        return _json(change, 201)

    @dev.post("/compact")
    def compact() -> Response:
        head = store.compact()
        return _json({"head_seq": head, "generation": int(store.meta_get("generation") or "1")})

    @dev.post("/faults")
    def add_fault() -> Response:
        try:
            fault = faults.add(_body())
        except FaultSpecError as error:
            return _problem(400, str(error))
        return _json(fault.as_dict(), 201)

    @dev.get("/faults")
    def list_faults() -> Response:
        return _json({"faults": faults.active()})

    @dev.post("/faults/clear")
    def clear_faults() -> Response:
        faults.clear()
        return _json({"faults": []})

    @dev.get("/submissions")
    def list_submissions() -> Response:
        return _json({"submissions": submissions.all_stored(store)})

    @dev.post("/submissions/<path:ref>/answer")
    def answer(ref: str) -> Response:
        body = _body()
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return _problem(400, "a JSON object {text, answered_by?}")
        answered_by = body.get("answered_by")
        found = submissions.answer(
            store, ref, body["text"], answered_by if isinstance(answered_by, str) else None
        )
        return _json(found) if found is not None else _problem(404, f"no submission {ref}")

    @dev.post("/submissions/<path:ref>/status")
    def set_status(ref: str) -> Response:
        body = _body()
        if not isinstance(body, dict) or body.get("status") not in submissions.STATUSES:
            return _problem(400, f"status: one of {', '.join(submissions.STATUSES)}")
        reason = body.get("rejection_reason")
        found = submissions.set_status(
            store, ref, body["status"], reason if isinstance(reason, str) else None
        )
        return _json(found) if found is not None else _problem(404, f"no submission {ref}")

    @dev.get("/events")
    def list_events() -> Response:
        with store.reading() as conn:
            rows = conn.execute("SELECT * FROM events ORDER BY received_at, id").fetchall()
        return _json(
            {
                "events": [
                    {
                        "id": row["id"],
                        "kiosk_id": row["kiosk_id"],
                        "received_at": row["received_at"],
                        "times_received": row["times_received"],
                        "event": json.loads(row["body"]),
                    }
                    for row in rows
                ]
            }
        )

    @dev.get("/heartbeats")
    def list_heartbeats() -> Response:
        with store.reading() as conn:
            rows = conn.execute("SELECT * FROM heartbeats ORDER BY n").fetchall()
        return _json(
            {
                "heartbeats": [
                    {
                        "kiosk_id": row["kiosk_id"],
                        "received_at": row["received_at"],
                        "heartbeat": json.loads(row["body"]),
                    }
                    for row in rows
                ]
            }
        )

    @dev.get("/handoffs")
    def list_handoffs() -> Response:
        with store.reading() as conn:
            rows = conn.execute("SELECT * FROM handoffs ORDER BY created_at").fetchall()
        return _json(
            {
                "handoffs": [
                    {
                        "token": row["token"],
                        "kiosk_id": row["kiosk_id"],
                        "context": json.loads(row["context"]),
                        "expires_at": row["expires_at"],
                    }
                    for row in rows
                ]
            }
        )

    def _config_answer(etag: str) -> Response:
        return _json({"etag": etag, "config": kiosk_config()})

    @dev.get("/config")
    def get_config() -> Response:
        current = kiosk_config()
        return _json({"etag": config_etag(current), "config": current})

    @dev.post("/config")
    def patch_config() -> Response:
        patch = _body()
        if not isinstance(patch, dict):
            return _problem(400, "a JSON merge patch object")
        new = merge_patch(kiosk_config(), patch)
        errors = contract.validate("KioskConfig", new)
        if errors:
            return _problem(
                422, "the patched configuration breaks the contract", [e.as_dict() for e in errors]
            )
        return _config_answer(save_config(new))

    @dev.post("/maintenance")
    def maintenance() -> Response:
        body = _body()
        if not isinstance(body, dict) or not isinstance(body.get("active"), bool):
            return _problem(400, "a JSON object {active, message_zh?, message_en?, until?}")
        section: dict[str, Any] = {"active": body["active"], "until": body.get("until")}
        previous = kiosk_config().get("maintenance", {})
        for key in ("message_zh", "message_en"):
            value = body.get(key, previous.get(key))
            if value is not None:
                section[key] = value
        new = {**kiosk_config(), "maintenance": section}
        errors = contract.validate("KioskConfig", new)
        if errors:
            return _problem(
                422, "the maintenance section breaks the contract", [e.as_dict() for e in errors]
            )
        return _config_answer(save_config(new))

    app.register_blueprint(dev)
