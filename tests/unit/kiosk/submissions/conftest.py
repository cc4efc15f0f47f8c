"""A real SQLite file with the kiosk schema and the submission log, and a service over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from kiosk.submissions.rules import SubmissionPolicy
from kiosk.submissions.service import SubmissionService
from offline_cache.db import database_proxy, open_database
from offline_cache.outbox import Outbox
from offline_cache.schema import ensure_schema
from offline_cache.submission_log import ensure_submission_log

CHINA = timezone(timedelta(hours=8))


class SteppingClock:
    """The one fake: a clock the test moves by hand."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SqliteDatabase]:
    db = open_database(tmp_path / "kiosk.sqlite3")
    ensure_schema(db)
    ensure_submission_log(db)
    yield db
    db.close()
    database_proxy.initialize(None)


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(datetime(2026, 11, 22, 9, 30, tzinfo=CHINA))


@pytest.fixture
def offline_service(database: SqliteDatabase, clock: SteppingClock) -> SubmissionService:
    policy = SubmissionPolicy.from_config(
        {
            "consultation": {
                "categories": [{"code": "labour", "name_zh": "劳动争议", "name_en": "Labour"}],
                "answer_within_hours": 5,
                "max_per_citizen_per_day": 3,
            },
            "sensitive_words": ["赌博"],
        }
    )
    return SubmissionService(
        kiosk_id="HALL01",
        outbox=Outbox(database, b"o" * 32, clock=lambda: clock().timestamp()),
        secret=b"d" * 32,
        policy=lambda: policy,
        client=None,
        clock=clock,
    )
