"""Submitting consultations, complaints and evaluations, and looking them up again.

``confirm`` is the moment of truth: the submission, its outbox entry, its
reference number and its (personal-data-free) log row are written in ONE local
transaction before the citizen is told anything. The receipt stands on that
write; delivery to the platform happens afterwards, off the UI thread (see
``kiosk.submissions.delivery``), exactly once per ``client_id``.

Personal data (name, phone, ID number) goes into the outbox only, where it is
encrypted and purged after the platform acknowledges it; this module never
logs it and never puts it in an event.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from kiosk.submissions import rules
from kiosk.submissions.consent import CONSENT_VERSION, ConsentText, consent_text
from kiosk.submissions.delivery import DeliveryThread
from kiosk.submissions.drafts import (
    ComplaintDraft,
    ConsultationDraft,
    Contact,
    Draft,
    EvaluationDraft,
)
from kiosk.submissions.results import (
    LocalSubmission,
    LookupResult,
    Receipt,
    SubmissionRejected,
)
from kiosk.submissions.rules import Problem, SubmissionPolicy
from offline_cache import submission_log
from offline_cache.api_client import AuthError, CentralClient, CentralError, PermanentError
from offline_cache.events import queue_event
from offline_cache.outbox import DeliveryReport, Outbox

__all__ = [
    "CONSENT_VERSION",
    "ComplaintDraft",
    "ConsultationDraft",
    "Contact",
    "EvaluationDraft",
    "LocalSubmission",
    "LookupResult",
    "Receipt",
    "SubmissionRejected",
    "SubmissionService",
]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
BATCH_SIZE = 50
CLIENT_REF_MAX = 40  # the contract's maxLength
MAX_BATCHES_PER_ROUND = 10


def local_now() -> datetime:
    return datetime.now().astimezone()


class SubmissionService:
    """Validation, confirmation with receipts, and lookups; one per kiosk process."""

    def __init__(
        self,
        *,
        kiosk_id: str,
        outbox: Outbox,
        secret: bytes,
        policy: Callable[[], SubmissionPolicy],
        client: CentralClient | None,
        delivery_client: CentralClient | None = None,
        clock: Clock = local_now,
    ):
        self._kiosk_id = kiosk_id
        self._outbox = outbox
        self._secret = secret
        self._policy = policy
        self._client = client
        # A requests session is not meant to be shared between threads: delivery gets its own.
        self._delivery_client = delivery_client or client
        self._clock = clock
        # Last known reachability of the platform, learnt from delivery rounds.
        self._online = client is not None
        self._delivery: DeliveryThread | None = None
        # Set by stop_delivery: a round in progress ends before its next submission.
        self._stopping = threading.Event()

    # --- delivery ------------------------------------------------------------------------
    @property
    def online(self) -> bool:
        """Whether the last delivery round reached the platform (False without a platform)."""
        return self._online

    def deliver_due(self, now: float | None = None) -> DeliveryReport:
        """One delivery round (blocking, network): what the delivery thread runs."""
        if self._delivery_client is None:
            return DeliveryReport(stopped_early="no_platform")
        report = DeliveryReport()
        # A backlog (after a long outage) drains in batches without waiting for the timer;
        # bounded so that a stop request is honoured within a few seconds.
        for _ in range(MAX_BATCHES_PER_ROUND):
            batch = self._outbox.deliver_due(
                self._delivery_client, now, limit=BATCH_SIZE, should_stop=self._stopping.is_set
            )
            report.delivered += batch.delivered
            report.failed += batch.failed
            report.retry_later += batch.retry_later
            report.auth_problem = report.auth_problem or batch.auth_problem
            report.stopped_early = batch.stopped_early
            if batch.stopped_early or len(batch.delivered) + len(batch.failed) < BATCH_SIZE:
                break
        if report.delivered:
            self._online = True
        if report.stopped_early in ("unreachable", "auth"):
            self._online = False
        return report

    def start_delivery(self, interval_ms: int = 5000) -> DeliveryThread:
        """Start delivering in the background (idempotent); returns the thread's owner."""
        if self._delivery is None:
            self._stopping.clear()
            database = self._outbox.database
            self._delivery = DeliveryThread(
                lambda now: self.deliver_due(now), interval_ms, close=database.close
            )
            self._delivery.start()
        return self._delivery

    def stop_delivery(self, timeout_ms: int = 30_000) -> bool:
        if self._delivery is None:
            return True
        self._stopping.set()
        stopped = self._delivery.stop(timeout_ms)
        if stopped:
            self._delivery = None
        else:
            # Still in a request (a slow server): keep the thread's owner, since Qt
            # aborts the whole process when a running thread is destroyed. The
            # thread ends after that request; a later call waits again, and until
            # then start_delivery() returns this one rather than start a second.
            log.warning("outbox delivery did not stop within %d ms", timeout_ms)
        return stopped

    # --- agreement -----------------------------------------------------------------------
    @staticmethod
    def consent(language: str) -> ConsentText:
        return consent_text(language)

    @property
    def consent_version(self) -> str:
        return CONSENT_VERSION

    @property
    def policy(self) -> SubmissionPolicy:
        return self._policy()

    # --- validation ----------------------------------------------------------------------
    def form_problems(self, draft: object) -> list[Problem]:
        """Rules that look at the form alone (cheap: run on every change)."""
        policy = self._policy()
        if isinstance(draft, ConsultationDraft):
            return rules.consultation_problems(draft, policy)
        if isinstance(draft, ComplaintDraft):
            return rules.complaint_problems(draft, policy)
        if isinstance(draft, EvaluationDraft):
            return rules.evaluation_problems(draft) + rules.contact_problems(draft.contact)
        return [Problem("form", "wrong_kind")]

    def validate(self, draft: object, language: str = "zh") -> list[Problem]:
        """Every rule, including the ones that need the kiosk's history and the payload size."""
        problems = self.form_problems(draft)
        if problems or not isinstance(draft, ConsultationDraft | ComplaintDraft | EvaluationDraft):
            return problems
        now = self._clock()
        key = rules.citizen_key(self._secret, draft.contact)
        digest = rules.content_digest(self._secret, draft.kind + "\n" + draft.text_for_duplicates())
        since = (now - rules.DUPLICATE_WINDOW).timestamp()
        recent = submission_log.entries_of_citizen(key, since)
        history = [
            rules.PriorSubmission(
                e.citizen_key,
                e.content_digest,
                e.client_ref,
                datetime.fromtimestamp(e.created_at).astimezone(now.tzinfo),
            )
            for e in recent
        ]
        problems += rules.duplicate_problems(key, digest, history, now)
        if not isinstance(draft, EvaluationDraft):
            midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
            today = [
                e for e in recent if e.kind != "evaluation" and e.created_at >= midnight.timestamp()
            ]
            problems += rules.daily_limit_problems(len(today), self._policy())
        body = self._body(draft, "00000000-0000-0000-0000-000000000000", "X" * 40, now, language)
        problems += rules.payload_size_problems(len(_encode(body)))
        return problems

    # --- confirmation --------------------------------------------------------------------
    def confirm(self, draft: Draft, language: str = "zh") -> Receipt:
        """Store the submission durably and return its receipt, or raise SubmissionRejected.

        Everything is written in one transaction; when this returns, the
        submission survives a power cut and will be delivered.
        """
        with self._outbox.database.atomic("IMMEDIATE"):
            # Checked inside the write transaction so that two confirmations of the same
            # draft (a double tap) cannot both pass the duplicate rule.
            problems = self.validate(draft, language)
            if problems:
                raise SubmissionRejected(problems)
            now = self._clock()
            day = now.strftime("%Y%m%d")
            client_ref = make_client_ref(self._kiosk_id, day, submission_log.next_counter(day))
            body = self._body(draft, "", client_ref, now, language)
            record = self._outbox.enqueue(
                draft.kind, client_ref, body["citizen"], body["payload"], body["language"]
            )
            client_id = record.client_id
            submission_log.record(
                client_ref=client_ref,
                client_id=client_id,
                kind=draft.kind,
                citizen_key=rules.citizen_key(self._secret, draft.contact),
                content_digest=rules.content_digest(
                    self._secret, draft.kind + "\n" + draft.text_for_duplicates()
                ),
                ref_check=self._ref_check(client_ref, draft.contact.phone),
                created_at=now.timestamp(),
            )
            # Statistics only: the kind and language, never who or what.
            queue_event(
                "submission_queued",
                {"kind": draft.kind, "language": body["language"]},
                now.timestamp(),
            )
        log.info("submission %s (%s) stored in the outbox", client_ref, draft.kind)
        policy = self._policy()
        hours = policy.answer_within_hours if draft.kind == "consultation" else None
        days = policy.complaint_handling_days if draft.kind == "complaint" else None
        promised = now + timedelta(hours=hours) if hours else None
        if days:
            promised = now + timedelta(days=days)
        if self._delivery is not None:
            self._delivery.wake()
        return Receipt(client_ref, client_id, draft.kind, now, promised, hours, days, self._online)

    def _body(
        self, draft: Draft, client_id: str, client_ref: str, now: datetime, language: str
    ) -> dict[str, Any]:
        return {
            "client_id": client_id or str(uuid.uuid4()),
            "client_ref": client_ref,
            "kind": draft.kind,
            "created_at": now.isoformat(timespec="seconds"),
            "language": "en" if language.lower().startswith("en") else "zh",
            "citizen": draft.contact.as_citizen(),
            "payload": draft.payload(CONSENT_VERSION),
        }

    def _ref_check(self, client_ref: str, phone: str) -> str:
        last4 = re.sub(r"\D", "", phone or "")[-4:]
        return hmac.new(
            self._secret, f"{client_ref.upper()}|{last4}".encode(), hashlib.sha256
        ).hexdigest()

    # --- lookups -------------------------------------------------------------------------
    def lookup_by_reference(self, ref: str, phone_last4: str) -> LookupResult:
        """One submission by its number (the kiosk's or the platform's) and the phone's last 4.

        Blocking (network): call it from a worker, never the UI thread.
        """
        ref = (ref or "").strip()
        last4 = (phone_last4 or "").strip()
        if not ref or len(ref) > 64 or not re.fullmatch(r"\d{4}", last4):
            return LookupResult(online=self._client is not None, problem="invalid")
        local = self._local_by_reference(ref, last4)
        if self._client is None:
            return LookupResult(online=False, local=local)
        try:
            found = self._client.submission_status(ref, last4)
        except PermanentError as error:
            if error.status == 404:
                # Not (yet) on the platform: a queued submission is still ours to show.
                return LookupResult(True, [], local, None if local else "not_found")
            return LookupResult(True, [], local, "invalid")
        except AuthError:
            return LookupResult(False, [], local, "auth")
        except CentralError:
            return LookupResult(False, [], local)
        return LookupResult(True, [found], local)

    def lookup_by_identity(self, contact: Contact) -> LookupResult:
        """Every submission of a citizen who logged in with an ID card. Blocking (network)."""
        if not (contact.verified and contact.id_number):
            return LookupResult(online=self._client is not None, problem="invalid")
        key = rules.citizen_key(self._secret, contact)
        local = [self._local_view(e) for e in submission_log.all_of_citizen(key)]
        if self._client is None:
            return LookupResult(online=False, local=local)
        try:
            found = self._client.lookup_citizen(contact.id_type or "resident", contact.id_number)
        except AuthError:
            return LookupResult(False, [], local, "auth")
        except PermanentError:
            return LookupResult(True, [], local, "invalid")
        except CentralError:
            return LookupResult(False, [], local)
        return LookupResult(True, found, local)

    def _local_by_reference(self, ref: str, last4: str) -> list[LocalSubmission]:
        entry = submission_log.find(ref)
        if entry is None:
            tracked = submission_log.client_ref_of_tracking_no(ref)
            entry = submission_log.find(tracked) if tracked else None
        if entry is None or not hmac.compare_digest(
            entry.ref_check, self._ref_check(entry.client_ref, last4)
        ):
            return []
        return [self._local_view(entry)]

    @staticmethod
    def _local_view(entry: submission_log.SubmissionLogEntry) -> LocalSubmission:
        state, tracking_no = submission_log.state_of(entry.client_ref)
        return LocalSubmission(
            entry.client_ref,
            entry.kind,
            datetime.fromtimestamp(entry.created_at).astimezone(),
            state,
            tracking_no,
        )


def make_client_ref(kiosk_id: str, day: str, number: int) -> str:
    """``HALL01-20261122-0007``; a long kiosk id is shortened so the whole fits 40 characters."""
    suffix = f"-{day}-{number:04d}"
    return kiosk_id[: CLIENT_REF_MAX - len(suffix)] + suffix


def _encode(body: dict[str, Any]) -> bytes:
    # ASCII escapes are the larger encoding: measuring with them never under-counts.
    return json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii")
