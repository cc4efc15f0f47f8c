"""What the kiosk remembers of each submission for the platform's rules, without personal data.

The outbox holds the submission itself (personal part encrypted, purged after
delivery). This log keeps only keyed digests: who submitted (a keyed digest of
the ID number or phone, not reversible without the kiosk's key), what was
submitted (a keyed digest of the text), and a keyed check of the phone's last
four digits, so that "same content within 24 h", "at most N a day" and "show
what the kiosk holds" work offline and after the purge. It also hands out the
per-day counter of the human reference numbers (``HALL01-20261122-0007``).
"""

from __future__ import annotations

from collections.abc import Iterable

from peewee import CharField, FloatField, IntegerField, Model, SqliteDatabase

from offline_cache.db import database_proxy


class _Base(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SubmissionLogEntry(_Base):
    client_ref = CharField(primary_key=True, max_length=40)
    client_id = CharField(max_length=36, unique=True)
    kind = CharField(max_length=20)
    citizen_key = CharField(max_length=64, index=True)
    content_digest = CharField(max_length=64)
    ref_check = CharField(max_length=64)
    created_at = FloatField(index=True)


class ClientRefCounter(_Base):
    """Last number handed out per kiosk day (YYYYMMDD)."""

    day = CharField(primary_key=True, max_length=8)
    last = IntegerField(default=0)


SUBMISSION_LOG_MODELS = (SubmissionLogEntry, ClientRefCounter)


def ensure_submission_log(db: SqliteDatabase) -> None:
    """Create the log's tables when missing (after the main schema is in place)."""
    db.create_tables(SUBMISSION_LOG_MODELS, safe=True)


def next_counter(day: str) -> int:
    """The next number of ``day``; call inside the transaction that stores the submission."""
    ClientRefCounter.insert(day=day, last=0).on_conflict_ignore().execute()
    ClientRefCounter.update(last=ClientRefCounter.last + 1).where(
        ClientRefCounter.day == day
    ).execute()
    return int(ClientRefCounter.get_by_id(day).last)


def record(
    *,
    client_ref: str,
    client_id: str,
    kind: str,
    citizen_key: str,
    content_digest: str,
    ref_check: str,
    created_at: float,
) -> None:
    SubmissionLogEntry.create(
        client_ref=client_ref,
        client_id=client_id,
        kind=kind,
        citizen_key=citizen_key,
        content_digest=content_digest,
        ref_check=ref_check,
        created_at=created_at,
    )


def entries_of_citizen(citizen_key: str, since: float) -> list[SubmissionLogEntry]:
    query = SubmissionLogEntry.select().where(
        (SubmissionLogEntry.citizen_key == citizen_key) & (SubmissionLogEntry.created_at >= since)
    )
    return list(query.order_by(SubmissionLogEntry.created_at.desc()))


def all_of_citizen(citizen_key: str) -> list[SubmissionLogEntry]:
    query = SubmissionLogEntry.select().where(SubmissionLogEntry.citizen_key == citizen_key)
    return list(query.order_by(SubmissionLogEntry.created_at.desc()))


def find(client_ref: str) -> SubmissionLogEntry | None:
    return SubmissionLogEntry.get_or_none(SubmissionLogEntry.client_ref == client_ref)


def refs(entries: Iterable[SubmissionLogEntry]) -> list[str]:
    return [entry.client_ref for entry in entries]


def state_of(client_ref: str) -> tuple[str, str | None]:
    """("queued" | "delivered" | "failed" | "unknown", tracking number) from the outbox tables."""
    from offline_cache.models import OutboxEntry, Submission

    submission = Submission.get_or_none(Submission.client_ref == client_ref)
    if submission is None:
        return "unknown", None
    if submission.delivered_at is not None or submission.tracking_no:
        return "delivered", submission.tracking_no
    entry = OutboxEntry.get_or_none(OutboxEntry.submission == submission)
    if entry is not None and entry.status == OutboxEntry.FAILED:
        return "failed", None
    return "queued", None


def client_ref_of_tracking_no(tracking_no: str) -> str | None:
    from offline_cache.models import Submission

    submission = Submission.get_or_none(Submission.tracking_no == tracking_no)
    return str(submission.client_ref) if submission is not None else None
