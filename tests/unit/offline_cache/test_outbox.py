"""The outbox over real HTTP on loopback: exactly-once delivery and purged personal data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from offline_cache.api_client import CentralClient
from offline_cache.models import OutboxEntry, Submission
from offline_cache.outbox import Outbox, OutboxError, reset_in_flight
from tests.http_stub import Fault, PlatformState, running_platform

KEY = bytes(range(32))
PHONE = "13912345678"
ID_NUMBER = "11010519491231002X"
NAME = "王小明"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def platform() -> Iterator[tuple[str, PlatformState]]:
    with running_platform() as served:
        yield served


@pytest.fixture
def client(platform: tuple[str, PlatformState]) -> CentralClient:
    url, state = platform
    return CentralClient(url, state.token, state.kiosk_id, read_timeout=2.0)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(database: SqliteDatabase, clock: Clock) -> Outbox:
    return Outbox(database, KEY, clock=clock)


def enqueue(outbox: Outbox, ref: str = "HALL01-20261122-0001") -> None:
    outbox.enqueue(
        "consultation",
        ref,
        {
            "verified": True,
            "id_type": "resident",
            "id_number": ID_NUMBER,
            "name": NAME,
            "phone": PHONE,
        },
        {
            "category": "labor",
            "subject": "公司拖欠三个月工资",
            "content": f"我叫{NAME}，电话{PHONE}，公司拖欠工资怎么办？",
            "is_public": False,
            "in_litigation": False,
            "consent_version": "2026-01",
        },
        "zh",
    )


def database_bytes(database: SqliteDatabase) -> bytes:
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(database.database)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_personal_data_never_in_clear_and_purged_after_delivery(
    outbox: Outbox,
    client: CentralClient,
    platform: tuple[str, PlatformState],
    database: SqliteDatabase,
) -> None:
    _, state = platform
    enqueue(outbox)
    raw = database_bytes(database)
    for secret in (PHONE, ID_NUMBER, NAME):
        assert secret.encode() not in raw
    assert Submission.get().sealed_body is not None
    report = outbox.deliver_due(client)
    assert report.delivered == ["HALL01-20261122-0001"]
    sent = next(iter(state.submissions.values()))["body"]
    assert sent["citizen"]["phone"] == PHONE and sent["citizen"]["id_number"] == ID_NUMBER
    receipt = outbox.get("HALL01-20261122-0001")
    assert (
        receipt is not None and receipt.status == "delivered" and receipt.tracking_no == "GD000001"
    )
    assert receipt.personal_data_purged and receipt.subject is None
    assert Submission.get().sealed_body is None
    raw = database_bytes(database)
    for secret in (PHONE, ID_NUMBER, NAME):
        assert secret.encode() not in raw


def test_lost_answer_is_retried_and_delivered_exactly_once(
    outbox: Outbox, client: CentralClient, platform: tuple[str, PlatformState], clock: Clock
) -> None:
    _, state = platform
    enqueue(outbox)
    state.fault("/submissions", Fault("drop_after_commit"))
    report = outbox.deliver_due(client)
    assert report.retry_later and not report.delivered
    assert len(state.received) == 1  # the platform has it; the kiosk does not know yet
    entry = OutboxEntry.get()
    assert entry.status == "pending" and entry.attempts == 1 and entry.last_error
    clock.now = entry.next_attempt_at
    report = outbox.deliver_due(client)
    assert report.delivered and len(state.received) == 1
    assert OutboxEntry.get().status == "delivered"
    assert outbox.deliver_due(client).delivered == []  # nothing sent again


def test_retry_after_is_honoured(
    outbox: Outbox, client: CentralClient, platform: tuple[str, PlatformState], clock: Clock
) -> None:
    _, state = platform
    enqueue(outbox)
    state.fault("/submissions", Fault("status", status=503, retry_after=120))
    outbox.deliver_due(client)
    entry = OutboxEntry.get()
    assert entry.next_attempt_at >= clock.now + 120 and entry.last_status == 503
    clock.now += 60
    assert outbox.deliver_due(client).delivered == []  # not due yet
    clock.now += 61
    assert outbox.deliver_due(client).delivered


def test_permanent_refusal_fails_visibly_and_staff_can_retry(
    outbox: Outbox, client: CentralClient, platform: tuple[str, PlatformState]
) -> None:
    _, state = platform
    enqueue(outbox)
    state.fault("/submissions", Fault("status", status=422))
    report = outbox.deliver_due(client)
    assert report.failed == ["HALL01-20261122-0001"]
    failed = outbox.failed_entries()
    assert len(failed) == 1 and failed[0].last_status == 422 and not failed[0].personal_data_purged
    assert outbox.counts().failed == 1
    assert outbox.retry_failed(failed[0].entry_id)
    assert outbox.deliver_due(client).delivered


def test_auth_problem_keeps_entry_pending_and_flags_it(
    outbox: Outbox, platform: tuple[str, PlatformState], clock: Clock
) -> None:
    url, _ = platform
    enqueue(outbox)
    enqueue(outbox, "HALL01-20261122-0002")
    report = outbox.deliver_due(CentralClient(url, "revoked", "HALL01"))
    assert report.auth_problem and report.stopped_early == "auth"
    counts = outbox.counts()
    assert counts.pending == 2 and counts.auth_problem
    assert OutboxEntry.get(OutboxEntry.attempts == 1).next_attempt_at >= clock.now + 15 * 60


def test_in_flight_rows_reset_at_start_up(outbox: Outbox, database: SqliteDatabase) -> None:
    enqueue(outbox)
    OutboxEntry.update(status="in_flight").execute()
    assert reset_in_flight(database) == 1
    assert OutboxEntry.get().status == "pending"


def test_wrong_key_fails_the_entry_instead_of_crashing(
    database: SqliteDatabase, client: CentralClient, clock: Clock
) -> None:
    enqueue(Outbox(database, KEY, clock=clock))
    report = Outbox(database, os.urandom(32), clock=clock).deliver_due(client)
    assert report.failed and "cannot open" in (OutboxEntry.get().last_error or "")


def test_bad_submissions_are_refused_before_queueing(outbox: Outbox) -> None:
    enqueue(outbox)
    with pytest.raises(OutboxError):
        enqueue(outbox)  # same client_ref
    with pytest.raises(OutboxError):
        outbox.enqueue("gossip", "R2", {}, {}, "zh")
    assert Submission.select().count() == 1


def test_a_stop_request_ends_the_round_before_the_next_submission(
    outbox: Outbox, client: CentralClient, platform: tuple[str, PlatformState]
) -> None:
    """The kiosk shutting down: it waits for one request at most, not a whole backlog."""
    _, state = platform
    enqueue(outbox, "HALL01-20261122-0001")
    enqueue(outbox, "HALL01-20261122-0002")
    stop_after_first = iter([False, True])
    report = outbox.deliver_due(client, should_stop=lambda: next(stop_after_first))
    assert report.delivered == ["HALL01-20261122-0001"] and len(state.received) == 1
    waiting = outbox.get("HALL01-20261122-0002")
    assert waiting is not None and waiting.status == "pending"
    assert outbox.deliver_due(client).delivered == ["HALL01-20261122-0002"]  # next time
