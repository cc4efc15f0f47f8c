"""Submissions against the reference server over loopback: exactly once, offline, purge, lookups."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from devserver.testing import DevServer
from kiosk.logging_setup import configure_logging
from kiosk.submissions.drafts import ComplaintDraft, ConsultationDraft, Contact, EvaluationDraft
from kiosk.submissions.rules import SubmissionPolicy
from kiosk.submissions.service import SubmissionService
from offline_cache.api_client import CentralClient
from offline_cache.db import database_proxy, open_database
from offline_cache.events import pending_batch
from offline_cache.outbox import Outbox, outbox_counts
from offline_cache.retry import Backoff
from offline_cache.schema import ensure_schema
from offline_cache.submission_log import ensure_submission_log

PHONE = "13812345678"
ID_NUMBER = "110105194912310021"
CARD = Contact("张小三", PHONE, "resident", ID_NUMBER, verified=True)


@pytest.fixture
def server() -> Iterator[DevServer]:
    with DevServer("empty") as running:
        yield running


@pytest.fixture
def database(tmp_path: Path) -> Iterator[SqliteDatabase]:
    db = open_database(tmp_path / "kiosk.sqlite3")
    ensure_schema(db)
    ensure_submission_log(db)
    yield db
    db.close()
    database_proxy.initialize(None)


def make_service(
    database: SqliteDatabase, server: DevServer, read_timeout: float = 5.0
) -> SubmissionService:
    def client() -> CentralClient:
        return CentralClient(
            server.url,
            server.token,
            server.kiosk_id,
            connect_timeout=1.0,
            read_timeout=read_timeout,
        )

    policy = SubmissionPolicy.from_config(server.config()["config"])
    return SubmissionService(
        kiosk_id=server.kiosk_id,
        # Tiny backoff so that retries come quickly; the rules of backoff have their own tests.
        outbox=Outbox(database, b"k" * 32, backoff=Backoff(base=0.01, cap=0.05)),
        secret=b"s" * 32,
        policy=lambda: policy,
        client=client(),
        delivery_client=client(),
    )


def consultation(serial: int, contact: Contact = CARD) -> ConsultationDraft:
    return ConsultationDraft(
        category="labour",
        subject=f"拖欠工资问题{serial}",
        content=f"公司拖欠工资三个月（第{serial}次询问），请问我应该怎么维权？",
        contact=contact,
    )


def drain(service: SubmissionService, rounds: int = 200) -> None:
    """Delivery rounds (each far enough in the future to skip any backoff) until none is left."""
    future = 0.0
    for _ in range(rounds):
        if outbox_counts().undelivered == 0:
            return
        future += 3600.0
        import time

        service.deliver_due(time.time() + future)
    raise AssertionError(f"outbox not drained: {outbox_counts()}")


def refs_on_server(server: DevServer) -> list[str]:
    return [s["client_ref"] for s in server.submissions()]


def test_exactly_once_through_503s_slow_replies_and_lost_responses(
    database: SqliteDatabase, server: DevServer
) -> None:
    service = make_service(database, server, read_timeout=0.5)
    receipts = [
        service.confirm(consultation(n, Contact("李四", f"1390000{n:04d}"))) for n in range(6)
    ]
    server.fault("/submissions", "status", status=503, retry_after=0, count=2)
    server.fault("/submissions", "slow", delay_s=1.0, count=2)  # longer than the read timeout
    server.fault("/submissions", "drop_after_commit", count=2)
    server.fault("/submissions", "close_connection", count=1)
    drain(service)
    stored = server.submissions()
    assert sorted(refs_on_server(server)) == sorted(r.client_ref for r in receipts)
    assert {s["client_id"] for s in stored} == {r.client_id for r in receipts}
    assert any(s["deliveries"] > 1 for s in stored)  # resends happened and were absorbed
    assert outbox_counts().delivered == 6 and outbox_counts().failed == 0


def test_offline_for_the_whole_session_then_delivered(
    database: SqliteDatabase, server: DevServer
) -> None:
    service = make_service(database, server)
    server.stop()  # the platform is down before the citizen arrives
    service.deliver_due()
    receipt = service.confirm(consultation(1))
    service.deliver_due()
    assert service.online is False
    assert outbox_counts().pending == 1
    found = service.lookup_by_reference(receipt.client_ref, PHONE[-4:])
    assert found.online is False and [s.state for s in found.local] == ["queued"]
    later = service.confirm(consultation(2))
    assert later.online is False
    server.start()
    drain(service)
    assert sorted(refs_on_server(server)) == sorted([receipt.client_ref, later.client_ref])
    assert service.online is True


def test_personal_data_is_gone_from_database_logs_and_events_after_delivery(
    database: SqliteDatabase, server: DevServer, tmp_path: Path
) -> None:
    handler = configure_logging(tmp_path / "logs", "DEBUG", stderr=False)
    try:
        service = make_service(database, server)
        complaint = ComplaintDraft(
            "fees",
            "某某律师事务所",
            None,
            None,
            "收费远高于合同约定的金额，要求退还多收的费用",
            CARD,
        )
        service.confirm(consultation(1))
        service.confirm(complaint)
        logging.getLogger("test").info("citizen %s %s", PHONE, ID_NUMBER)  # masked by the filter
        drain(service)
        uploader = CentralClient(server.url, server.token, server.kiosk_id)
        batch = pending_batch()
        assert [e["type"] for e in batch] == ["submission_queued", "submission_queued"]
        assert uploader.post_events(batch) == 2
    finally:
        if handler is not None:
            handler.flush()
        configure_logging(None, "WARNING", stderr=False)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.execute_sql("VACUUM")
    files = [p for p in tmp_path.glob("kiosk.sqlite3*")] + list((tmp_path / "logs").glob("*"))
    assert files
    for path in files:
        raw = path.read_bytes()
        for secret in (PHONE, ID_NUMBER, "张小三"):
            assert secret.encode() not in raw, (path.name, secret)
    events = str(server.events())
    assert "submission_queued" in events
    assert PHONE not in events and ID_NUMBER not in events
    # The platform itself legitimately holds the submissions, personal data included.
    stored = server.submissions()
    assert {s["body"]["citizen"]["id_number"] for s in stored} == {ID_NUMBER}


def test_status_answer_and_evaluation(database: SqliteDatabase, server: DevServer) -> None:
    service = make_service(database, server)
    receipt = service.confirm(consultation(1))
    assert service.lookup_by_reference(receipt.client_ref, PHONE[-4:]).local[0].state == "queued"
    drain(service)
    [stored] = server.submissions()
    tracking_no = stored["tracking_no"]
    server.answer(tracking_no, "可以向劳动争议仲裁委员会申请仲裁。", "王某 律师（某某律师事务所）")
    by_ref = service.lookup_by_reference(receipt.client_ref, PHONE[-4:])
    assert by_ref.online is True
    [status] = by_ref.remote
    assert status["answer"]["answered_by"] == "王某 律师（某某律师事务所）"
    assert status["evaluation_allowed"] is True
    assert by_ref.local[0].state == "delivered" and by_ref.local[0].tracking_no == tracking_no
    by_tracking = service.lookup_by_reference(tracking_no, PHONE[-4:])
    assert by_tracking.remote[0]["client_ref"] == receipt.client_ref  # both numbers resolve
    assert by_tracking.local[0].client_ref == receipt.client_ref
    wrong = service.lookup_by_reference(receipt.client_ref, "0000")
    assert wrong.remote == [] and wrong.local == [] and wrong.problem == "not_found"
    by_card = service.lookup_by_identity(CARD)
    assert [s["tracking_no"] for s in by_card.remote] == [tracking_no]
    service.confirm(EvaluationDraft(tracking_no, 5, 4, 5, "解答很清楚", CARD))
    drain(service)
    assert outbox_counts().failed == 0
    after = service.lookup_by_reference(receipt.client_ref, PHONE[-4:]).remote[0]
    assert after["evaluation_allowed"] is False


def test_refused_submissions_stay_visible_to_staff(
    database: SqliteDatabase, server: DevServer
) -> None:
    service = make_service(database, server)
    server.fault("/submissions", "status", status=422, count=1)
    receipt = service.confirm(consultation(1))
    report = service.deliver_due()
    assert report.failed == [receipt.client_ref]
    counts = outbox_counts()
    assert counts.failed == 1 and counts.pending == 0
    found = service.lookup_by_reference(receipt.client_ref, PHONE[-4:])
    assert [s.state for s in found.local] == ["failed"]
    # An evaluation of a submission that was never answered is refused by the platform: failed too.
    service.confirm(EvaluationDraft("ZX-NOPE", 3, 3, 3, "", CARD))
    service.deliver_due()
    assert outbox_counts().failed == 2
