from __future__ import annotations

import threading

from peewee import SqliteDatabase

from offline_cache import submission_log
from offline_cache.models import OutboxEntry, Submission


def test_counter_counts_per_day_and_survives_reopening(database: SqliteDatabase) -> None:
    submission_log.ensure_submission_log(database)
    assert [submission_log.next_counter("20261122") for _ in range(3)] == [1, 2, 3]
    assert submission_log.next_counter("20261123") == 1
    database.close()
    database.connect()
    assert submission_log.next_counter("20261122") == 4


def test_counter_never_repeats_across_threads(database: SqliteDatabase) -> None:
    submission_log.ensure_submission_log(database)
    seen: list[int] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(20):
            with database.atomic("IMMEDIATE"):
                number = submission_log.next_counter("20261122")
            with lock:
                seen.append(number)
        database.close()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == list(range(1, 81))


def test_entries_and_state(database: SqliteDatabase) -> None:
    submission_log.ensure_submission_log(database)
    for number, at in ((1, 100.0), (2, 200.0)):
        submission_log.record(
            client_ref=f"HALL01-20261122-000{number}",
            client_id=f"id-{number}",
            kind="consultation",
            citizen_key="k",
            content_digest=f"d{number}",
            ref_check="r",
            created_at=at,
        )
    assert submission_log.refs(submission_log.entries_of_citizen("k", 150.0)) == [
        "HALL01-20261122-0002"
    ]
    assert len(submission_log.all_of_citizen("k")) == 2
    assert submission_log.all_of_citizen("other") == []
    assert submission_log.state_of("HALL01-20261122-0001") == ("unknown", None)
    submission = Submission.create(
        client_id="id-1",
        client_ref="HALL01-20261122-0001",
        kind="consultation",
        language="zh",
        created_at="2026-11-22T12:00:00+08:00",
        sealed_body=b"x",
    )
    entry = OutboxEntry.create(submission=submission, updated_at=1.0)
    assert submission_log.state_of("HALL01-20261122-0001") == ("queued", None)
    entry.status = OutboxEntry.FAILED
    entry.save()
    assert submission_log.state_of("HALL01-20261122-0001") == ("failed", None)
    submission.tracking_no = "T-9"
    submission.delivered_at = 5.0
    submission.save()
    assert submission_log.state_of("HALL01-20261122-0001") == ("delivered", "T-9")
    assert submission_log.client_ref_of_tracking_no("T-9") == "HALL01-20261122-0001"
    assert submission_log.client_ref_of_tracking_no("T-0") is None
