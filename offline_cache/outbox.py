"""The outbox: what a citizen submits is stored first, then delivered exactly once.

``enqueue`` writes the submission and its outbox entry in one transaction;
that write is what the citizen's receipt stands on. The request body
(citizen's name, phone, ID number and the text) is sealed with AES-GCM under a
key from the kiosk's secret file, so no personal data sits in the database in
clear. Delivery claims one entry at a time in an ``IMMEDIATE`` transaction,
sends the exact stored body under its ``client_id`` (the platform's
idempotency key), and settles the entry per the contract:

- 201/200: delivered; the tracking number is kept and the sealed body is
  deleted, leaving a receipt without personal data;
- 400/404/409/413/422: failed, kept (still sealed) and shown to staff;
- 401: kept pending, flagged as an enrolment problem, retried rarely;
- 408/429/5xx, timeouts, malformed answers: retried with backoff and full
  jitter, never sooner than ``Retry-After``.

Entries left ``in_flight`` by a crash are reset to pending at start-up; the
platform answers the resend with 200 and the same receipt, so nothing is
delivered twice.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from peewee import SqliteDatabase, fn

from offline_cache.api_client import (
    AuthError,
    CentralClient,
    CentralError,
    PermanentError,
    TransientError,
)
from offline_cache.models import OutboxEntry, Submission
from offline_cache.retry import Backoff

log = logging.getLogger(__name__)

KINDS = ("consultation", "complaint", "evaluation")
LANGUAGES = ("zh", "en")
AUTH_RETRY_S = 15 * 60.0
# A platform's error message may quote the body; keep phone and ID numbers out of the row.
_LONG_NUMBER = re.compile(r"\d{6,}[\dXx]*")


class OutboxError(ValueError):
    """A submission that cannot be queued (bad kind, duplicate reference...)."""


@dataclass(frozen=True)
class OutboxRecord:
    """What staff and the citizen's receipt see of one submission (no personal data)."""

    entry_id: int
    client_id: str
    client_ref: str
    kind: str
    subject: str | None
    created_at: str
    status: str
    attempts: int
    next_attempt_at: float
    last_error: str | None
    last_status: int | None
    auth_problem: bool
    tracking_no: str | None
    delivered_at: float | None
    personal_data_purged: bool


@dataclass(frozen=True)
class OutboxCounts:
    pending: int = 0
    in_flight: int = 0
    delivered: int = 0
    failed: int = 0
    auth_problem: bool = False

    @property
    def undelivered(self) -> int:
        return self.pending + self.in_flight


@dataclass
class DeliveryReport:
    delivered: list[str] = field(default_factory=list)  # client_refs
    failed: list[str] = field(default_factory=list)
    retry_later: list[str] = field(default_factory=list)
    auth_problem: bool = False
    stopped_early: str | None = None  # why the round ended before the due entries ran out


def _now_rfc3339(moment: float) -> str:
    return dt.datetime.fromtimestamp(moment, dt.UTC).astimezone().isoformat(timespec="seconds")


def outbox_counts() -> OutboxCounts:
    """Counts by status; needs no key (for heartbeats and the staff panel)."""
    query: Any = (
        OutboxEntry.select(OutboxEntry.status, fn.COUNT(OutboxEntry.id))
        .group_by(OutboxEntry.status)
        .tuples()
    )
    by_status: dict[str, int] = dict(query)
    auth = (
        OutboxEntry.select()
        .where((OutboxEntry.auth_problem == True) & (OutboxEntry.status == OutboxEntry.PENDING))  # noqa: E712
        .exists()
    )
    return OutboxCounts(
        pending=by_status.get(OutboxEntry.PENDING, 0),
        in_flight=by_status.get(OutboxEntry.IN_FLIGHT, 0),
        delivered=by_status.get(OutboxEntry.DELIVERED, 0),
        failed=by_status.get(OutboxEntry.FAILED, 0),
        auth_problem=bool(auth),
    )


def reset_in_flight(database: SqliteDatabase, now: float | None = None) -> int:
    """At start-up: entries a crash left in flight go back to pending (resent as is)."""
    with database.atomic():
        return int(
            OutboxEntry.update(
                status=OutboxEntry.PENDING,
                next_attempt_at=0.0,
                updated_at=time.time() if now is None else now,
            )
            .where(OutboxEntry.status == OutboxEntry.IN_FLIGHT)
            .execute()
        )


class Outbox:
    def __init__(
        self,
        database: SqliteDatabase,
        key: bytes,
        clock: Callable[[], float] = time.time,
        backoff: Backoff | None = None,
        auth_retry_s: float = AUTH_RETRY_S,
    ):
        self.database = database
        self._cipher = AESGCM(key)
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.auth_retry_s = auth_retry_s

    # ------------------------------------------------------------- sealing
    def _seal(self, client_id: str, body: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._cipher.encrypt(nonce, body, client_id.encode("ascii"))

    def _open(self, client_id: str, sealed: bytes) -> bytes:
        return self._cipher.decrypt(sealed[:12], sealed[12:], client_id.encode("ascii"))

    # ------------------------------------------------------------- queueing
    def enqueue(
        self,
        kind: str,
        client_ref: str,
        citizen: Mapping[str, Any],
        payload: Mapping[str, Any],
        language: str,
    ) -> OutboxRecord:
        """Store a confirmed submission for delivery; returns its receipt record."""
        if kind not in KINDS:
            raise OutboxError(f"unknown submission kind {kind!r}")
        if language not in LANGUAGES:
            raise OutboxError(f"unknown language {language!r}")
        if not 1 <= len(client_ref) <= 40:
            raise OutboxError("client_ref must have 1 to 40 characters")
        now = self.clock()
        client_id = str(uuid.uuid4())
        created_at = _now_rfc3339(now)
        body = {
            "client_id": client_id,
            "client_ref": client_ref,
            "kind": kind,
            "created_at": created_at,
            "language": language,
            "citizen": dict(citizen),
            "payload": dict(payload),
        }
        sealed = self._seal(client_id, json.dumps(body, ensure_ascii=False).encode("utf-8"))
        subject = payload.get("subject") if kind == "consultation" else None
        with self.database.atomic("IMMEDIATE"):
            if Submission.select().where(Submission.client_ref == client_ref).exists():
                raise OutboxError(f"client_ref {client_ref} is already used")
            submission = Submission.create(
                client_id=client_id,
                client_ref=client_ref,
                kind=kind,
                language=language,
                subject=subject if isinstance(subject, str) else None,
                created_at=created_at,
                sealed_body=sealed,
            )
            entry = OutboxEntry.create(submission=submission, next_attempt_at=now, updated_at=now)
        log.info("queued %s %s", kind, client_ref)
        return self._record(entry, submission)

    # ------------------------------------------------------------- delivery
    def _claim(self, now: float) -> tuple[int, Submission] | None:
        with self.database.atomic("IMMEDIATE"):
            entry = (
                OutboxEntry.select()
                .where(
                    (OutboxEntry.status == OutboxEntry.PENDING)
                    & (OutboxEntry.next_attempt_at <= now)
                )
                .order_by(OutboxEntry.next_attempt_at, OutboxEntry.id)
                .first()
            )
            if entry is None:
                return None
            OutboxEntry.update(
                status=OutboxEntry.IN_FLIGHT, attempts=OutboxEntry.attempts + 1, updated_at=now
            ).where(OutboxEntry.id == entry.id).execute()
            return entry.id, Submission.get_by_id(entry.submission_id)

    def deliver_due(
        self,
        client: CentralClient,
        now: float | None = None,
        limit: int = 50,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> DeliveryReport:
        """Deliver entries that are due; stops at the first sign the platform is unreachable,
        and before the next entry once ``should_stop()`` (the kiosk is shutting down)."""
        report = DeliveryReport()
        for _ in range(limit):
            if should_stop():
                break
            current = self.clock() if now is None else now
            claimed = self._claim(current)
            if claimed is None:
                break
            entry_id, submission = claimed
            outcome = self._deliver_one(client, entry_id, submission, current, report)
            if outcome == "stop":
                break
        return report

    def _deliver_one(
        self,
        client: CentralClient,
        entry_id: int,
        submission: Submission,
        now: float,
        report: DeliveryReport,
    ) -> str:
        ref = submission.client_ref
        try:
            if submission.sealed_body is None:
                raise ValueError("no stored body")
            body = json.loads(self._open(submission.client_id, bytes(submission.sealed_body)))
        except (InvalidTag, ValueError) as error:
            log.error("submission %s cannot be opened: %s", ref, type(error).__name__)
            self._settle(
                entry_id, OutboxEntry.FAILED, now, "cannot open the stored body (key changed?)"
            )
            report.failed.append(ref)
            return "next"
        try:
            receipt = client.post_submission(body)
        except PermanentError as error:
            log.warning("submission %s refused for good: %s", ref, error)
            self._settle(entry_id, OutboxEntry.FAILED, now, str(error), error.status)
            report.failed.append(ref)
            return "next"
        except AuthError as error:
            log.error("submission %s: the platform refused this kiosk's credentials", ref)
            wait = max(self.auth_retry_s, self.backoff.delay(self._attempts(entry_id)))
            self._settle(entry_id, OutboxEntry.PENDING, now, str(error), error.status, wait, True)
            report.auth_problem = True
            report.retry_later.append(ref)
            report.stopped_early = "auth"
            return "stop"
        except TransientError as error:
            wait = self.backoff.delay(self._attempts(entry_id), error.retry_after)
            log.info("submission %s not delivered yet (%s); next try in %.0f s", ref, error, wait)
            self._settle(entry_id, OutboxEntry.PENDING, now, str(error), error.status, wait)
            report.retry_later.append(ref)
            report.stopped_early = "unreachable"
            return "stop"
        except (CentralError, Exception) as error:  # a bug must not lose the submission
            log.exception("submission %s: unexpected delivery error", ref)
            wait = self.backoff.delay(self._attempts(entry_id))
            self._settle(entry_id, OutboxEntry.PENDING, now, type(error).__name__, None, wait)
            report.retry_later.append(ref)
            report.stopped_early = "error"
            return "stop"
        self._mark_delivered(entry_id, submission, receipt.tracking_no, now)
        report.delivered.append(ref)
        log.info("submission %s delivered as %s", ref, receipt.tracking_no)
        return "next"

    def _attempts(self, entry_id: int) -> int:
        return int(OutboxEntry.get_by_id(entry_id).attempts)

    def _settle(
        self,
        entry_id: int,
        status: str,
        now: float,
        error: str,
        http_status: int | None = None,
        wait: float = 0.0,
        auth_problem: bool = False,
    ) -> None:
        with self.database.atomic("IMMEDIATE"):
            OutboxEntry.update(
                status=status,
                last_error=_LONG_NUMBER.sub("…", error)[:500],
                last_status=http_status,
                next_attempt_at=now + wait,
                auth_problem=auth_problem,
                updated_at=now,
            ).where(OutboxEntry.id == entry_id).execute()

    def _mark_delivered(
        self, entry_id: int, submission: Submission, tracking_no: str, now: float
    ) -> None:
        # Overwrite freed pages so the sealed body does not linger in the file.
        self.database.execute_sql("PRAGMA secure_delete = ON")
        with self.database.atomic("IMMEDIATE"):
            # The subject is the citizen's own words and may name people: once the
            # platform holds it, the kiosk keeps only the non-personal receipt.
            Submission.update(
                tracking_no=tracking_no,
                delivered_at=now,
                purged_at=now,
                sealed_body=None,
                subject=None,
            ).where(Submission.id == submission.id).execute()
            OutboxEntry.update(
                status=OutboxEntry.DELIVERED,
                last_error=None,
                last_status=None,
                auth_problem=False,
                updated_at=now,
            ).where(OutboxEntry.id == entry_id).execute()

    # ------------------------------------------------------------- staff view
    def counts(self) -> OutboxCounts:
        return outbox_counts()

    @staticmethod
    def _record(entry: OutboxEntry, submission: Submission) -> OutboxRecord:
        return OutboxRecord(
            entry_id=entry.id,
            client_id=submission.client_id,
            client_ref=submission.client_ref,
            kind=submission.kind,
            subject=submission.subject,
            created_at=submission.created_at,
            status=entry.status,
            attempts=entry.attempts,
            next_attempt_at=entry.next_attempt_at,
            last_error=entry.last_error,
            last_status=entry.last_status,
            auth_problem=bool(entry.auth_problem),
            tracking_no=submission.tracking_no,
            delivered_at=submission.delivered_at,
            personal_data_purged=submission.sealed_body is None,
        )

    def _records(self, condition: Any, limit: int) -> list[OutboxRecord]:
        query = (
            OutboxEntry.select(OutboxEntry, Submission)
            .join(Submission)
            .where(condition)
            .order_by(OutboxEntry.id.desc())
            .limit(limit)
        )
        return [self._record(entry, entry.submission) for entry in query]

    def failed_entries(self, limit: int = 200) -> list[OutboxRecord]:
        return self._records(OutboxEntry.status == OutboxEntry.FAILED, limit)

    def entries(self, limit: int = 200) -> list[OutboxRecord]:
        return self._records(True, limit)

    def get(self, client_ref: str) -> OutboxRecord | None:
        found = self._records(Submission.client_ref == client_ref, 1)
        return found[0] if found else None

    def retry_failed(self, entry_id: int) -> bool:
        """Staff chose to try a failed entry again (e.g. after fixing enrolment)."""
        now = self.clock()
        with self.database.atomic("IMMEDIATE"):
            changed = (
                OutboxEntry.update(
                    status=OutboxEntry.PENDING,
                    next_attempt_at=now,
                    auth_problem=False,
                    updated_at=now,
                )
                .where((OutboxEntry.id == entry_id) & (OutboxEntry.status == OutboxEntry.FAILED))
                .execute()
            )
        return bool(changed)


def failed_bodies(outbox: Outbox, limit: int = 500) -> list[dict[str, Any]]:
    """Decrypted bodies of the failed entries, for staff's encrypted export by hand.

    An entry whose body can no longer be opened (wrong key, purged) is skipped.
    """
    bodies: list[dict[str, Any]] = []
    rows = (
        Submission.select(Submission.client_id, Submission.sealed_body)
        .join(OutboxEntry, on=(OutboxEntry.submission == Submission.id))
        .where(OutboxEntry.status == OutboxEntry.FAILED)
        .order_by(OutboxEntry.id)
        .limit(limit)
    )
    for row in rows:
        if row.sealed_body is None:
            continue
        try:
            opened = outbox._open(row.client_id, bytes(row.sealed_body))
        except (InvalidTag, ValueError):
            log.warning("failed entry %s cannot be opened for export", row.client_id)
            continue
        bodies.append(json.loads(opened))
    return bodies
