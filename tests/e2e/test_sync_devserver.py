"""The kiosk's data layer against the reference server (devserver/) over loopback HTTP.

The truth to compare with is the server's own full feed, read page by page
with plain requests: after every scenario the kiosk must hold exactly those
items at exactly those versions — nothing skipped, nothing duplicated, nothing
stale.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from peewee import fn

from offline_cache.api_client import CentralClient, MalformedResponse, TransientError
from offline_cache.bootstrap import prepare_database
from offline_cache.content_store import ContentStore
from offline_cache.db import database_proxy
from offline_cache.models import CONTENT_MODELS, LawArticle, OutboxEntry
from offline_cache.outbox import Outbox
from offline_cache.sync import SyncEngine

testing = pytest.importorskip("devserver.testing")

ROOT = Path(__file__).resolve().parents[2]
KEY = bytes(range(32))
PHONE = "13912345678"
ID_NUMBER = "11010519491231002X"


@pytest.fixture(scope="module")
def _template_warm() -> None:
    """Build the demo dataset template once for the module (the server copies it)."""
    with testing.DevServer("demo"):
        pass


@pytest.fixture
def server(_template_warm: None, tmp_path: Path) -> Iterator[Any]:
    with testing.DevServer("demo", db_path=tmp_path / "server" / "server.sqlite3") as running:
        yield running


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[ContentStore]:
    prepared = prepare_database(tmp_path / "kiosk" / "kiosk.sqlite3", has_central=True)
    yield prepared.store
    prepared.database.close()
    database_proxy.initialize(None)


def client_for(server: Any, **options: Any) -> CentralClient:
    settings: dict[str, Any] = {"connect_timeout": 2.0, "read_timeout": 10.0}
    settings.update(options)
    return CentralClient(server.url, server.token, server.kiosk_id, **settings)


def feed_content(server: Any) -> dict[tuple[str, str], tuple[int, int]]:
    """The server's current items from a full feed: (type, id) -> (version, articles)."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    cursor = None
    with requests.Session() as session:
        while True:
            params: dict[str, Any] = {"limit": 1000}
            if cursor:
                params["since"] = cursor
            answer = session.get(
                f"{server.url}/content/changes", params=params, headers=server.headers, timeout=60
            )
            answer.raise_for_status()
            page = answer.json()
            for change in page["changes"]:
                key = (change["type"], change["id"])
                if change["op"] == "delete":
                    found.pop(key, None)
                else:
                    articles = len(change["data"].get("articles") or [])
                    found[key] = (change["version"], articles)
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return found


def local_content() -> dict[tuple[str, str], tuple[int, int]]:
    articles: dict[str, int] = dict(
        LawArticle.select(LawArticle.law, fn.COUNT(LawArticle.id)).group_by(LawArticle.law).tuples()
    )
    return {
        (kind, item_id): (version, articles.get(item_id, 0))
        for kind, model in CONTENT_MODELS.items()
        for item_id, version in model.select(model.id, model.version).tuples()
    }


def some_item(server: Any, kind: str) -> dict[str, Any]:
    for (item_kind, item_id), _ in sorted(feed_content(server).items()):
        if item_kind == kind:
            return {"id": item_id}
    raise AssertionError(f"no {kind} in the dataset")


def test_full_then_incremental_update_delete_and_lower_version(
    server: Any, kiosk: ContentStore
) -> None:
    engine = SyncEngine(client_for(server), kiosk, page_size=200)
    result = engine.pull()
    assert result.full and result.changes > 390 and result.invalid == 0
    assert local_content() == feed_content(server)

    law_id = some_item(server, "law")["id"]
    law = kiosk.get_item("law", law_id)
    assert law is not None
    changed = dict(law.data, title=law.data["title"] + "（修正）")
    changed["articles"] = law.data["articles"][:3]
    server.upsert("law", law_id, changed)
    practitioner_id = some_item(server, "practitioner")["id"]
    server.delete("practitioner", practitioner_id)
    faq_id = some_item(server, "faq")["id"]
    faq = kiosk.get_item("faq", faq_id)
    assert faq is not None
    server.upsert(
        "faq", faq_id, dict(faq.data, answer="旧版本的回答"), version=1 if faq.version > 1 else None
    )

    result = engine.pull()
    assert not result.full and result.deleted == 1
    stored = kiosk.get_law(law_id)
    assert stored is not None and stored.title.endswith("（修正）") and len(stored.articles) == 3
    assert kiosk.get_item("practitioner", practitioner_id) is None
    if faq.version > 1:  # the server accepted a lower version: the kiosk must ignore it
        assert result.ignored_older == 1
        kept = kiosk.get_item("faq", faq_id)
        assert kept is not None and kept.data["answer"] != "旧版本的回答"


def test_cursor_expired_full_sync_drops_what_was_not_yielded(
    server: Any, kiosk: ContentStore
) -> None:
    engine = SyncEngine(client_for(server), kiosk, page_size=300)
    engine.pull()
    gone = some_item(server, "guide")["id"]
    server.delete("guide", gone)
    server.compact()
    result = engine.pull()
    assert result.full and result.removed_by_full_sync >= 1
    assert kiosk.get_item("guide", gone) is None
    assert local_content() == feed_content(server)


def test_demo_content_replaced_by_first_central_sync(server: Any, tmp_path: Path) -> None:
    from tests.content_factory import law_change

    prepared = prepare_database(
        tmp_path / "demo-kiosk.sqlite3",
        has_central=False,
        demo_changes=lambda: [law_change("only-in-the-demo")],
    )
    try:
        SyncEngine(client_for(server), prepared.store, page_size=500).pull()
        assert prepared.store.get_law("only-in-the-demo") is None
        assert local_content() == feed_content(server)
    finally:
        prepared.database.close()
        database_proxy.initialize(None)


FAULTS: list[tuple[str, dict[str, Any], type[Exception]]] = [
    ("status", {"status": 503, "retry_after": 7}, TransientError),
    ("status", {"status": 500}, TransientError),
    ("slow", {"delay_s": 3.0}, TransientError),
    ("malformed_json", {}, MalformedResponse),
    ("wrong_types", {}, MalformedResponse),
    ("huge", {"size_bytes": 40 << 20}, MalformedResponse),
    ("close_connection", {}, TransientError),
]


def test_server_faults_never_crash_and_keep_the_cache(server: Any, kiosk: ContentStore) -> None:
    engine = SyncEngine(
        client_for(server, read_timeout=1.0, max_page_bytes=32 << 20), kiosk, page_size=500
    )
    engine.pull()
    law_id = some_item(server, "law")["id"]
    for round_no, (mode, options, expected) in enumerate(FAULTS):
        before = local_content()
        law = kiosk.get_item("law", law_id)
        assert law is not None
        server.upsert("law", law_id, dict(law.data, title=f"新标题{round_no}"))
        server.fault("/content/changes", mode, count=1, **options)
        with pytest.raises(expected) as failure:
            engine.pull()
        if options.get("retry_after"):
            assert isinstance(failure.value, TransientError) and failure.value.retry_after == 7.0
        assert local_content() == before, mode
        assert engine.state().last_error
        engine.pull()  # retried later: works again
        assert engine.state().last_error is None
        stored = kiosk.get_law(law_id, with_articles=False)
        assert stored is not None and stored.title == f"新标题{round_no}"
    assert local_content() == feed_content(server)


def test_kill_during_sync_process_then_restart(server: Any, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    data_dir = tmp_path / "kiosk-data"
    config.write_text(
        f'[central]\nurl = "{server.url}"\ntoken = "{server.token}"\n'
        f'[kiosk]\nid = "{server.kiosk_id}"\n[sync]\npage_size = 20\n'
        f'[storage]\ndata_dir = "{data_dir}"\n',
        encoding="utf-8",
    )
    db_path = data_dir / "kiosk.sqlite3"
    command = [sys.executable, "-m", "kiosk", "--config", str(config), "sync", "--once"]
    server.fault("/content/changes", "slow", delay_s=0.2, count=10_000)

    def pages_applied() -> int:
        try:
            with sqlite3.connect(db_path, timeout=5) as connection:
                row = connection.execute("SELECT pages_applied FROM sync_state").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    output = tmp_path / "killed-run.txt"
    with output.open("wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, stdout=sink, stderr=sink)
        try:
            deadline = time.monotonic() + 90
            while pages_applied() < 4:
                assert process.poll() is None, output.read_text()
                assert time.monotonic() < deadline, "no progress"
                time.sleep(0.02)  # polling the database with a deadline
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    server.clear_faults()
    law_id = some_item(server, "law")["id"]
    server.delete("law", law_id)
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    prepared = prepare_database(db_path, has_central=True)
    try:
        assert local_content() == feed_content(server)
    finally:
        prepared.database.close()
        database_proxy.initialize(None)


def _enqueue(outbox: Outbox, ref: str) -> None:
    outbox.enqueue(
        "consultation",
        ref,
        {
            "verified": True,
            "id_type": "resident",
            "id_number": ID_NUMBER,
            "name": "王小明",
            "phone": PHONE,
        },
        {
            "category": "labor",
            "subject": "公司拖欠工资三个月",
            "content": "公司拖欠工资三个月，应该怎么办？",
            "is_public": False,
            "in_litigation": False,
            "consent_version": "2026-01",
        },
        "zh",
    )


def test_outbox_exactly_once_and_purge(server: Any, kiosk: ContentStore) -> None:
    clock = [time.time()]
    outbox = Outbox(kiosk.database, KEY, clock=lambda: clock[0])
    _enqueue(outbox, "HALL01-20261122-0001")
    _enqueue(outbox, "HALL01-20261122-0002")
    client = client_for(server)
    server.fault("/submissions", "drop_after_commit", count=1)
    report = outbox.deliver_due(client)
    assert report.retry_later and not report.delivered
    for _ in range(5):
        clock[0] += 400
        outbox.deliver_due(client)
    assert outbox.counts().delivered == 2 and outbox.counts().pending == 0
    stored = server.submissions()
    # Stored once each; the one whose answer was lost arrived twice and was recognised.
    assert len(stored) == 2 and len({s["body"]["client_id"] for s in stored}) == 2
    assert sorted(s["deliveries"] for s in stored) == [1, 2]
    receipts = [outbox.get("HALL01-20261122-0001"), outbox.get("HALL01-20261122-0002")]
    assert all(r is not None and r.tracking_no and r.personal_data_purged for r in receipts)
    kiosk.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(kiosk.database.database)
    raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    assert PHONE.encode() not in raw and ID_NUMBER.encode() not in raw
    assert OutboxEntry.select().where(OutboxEntry.status == "delivered").count() == 2


def test_config_heartbeat_and_events(server: Any, kiosk: ContentStore) -> None:
    from offline_cache import events

    engine = SyncEngine(client_for(server), kiosk)
    first = engine.refresh_config()
    assert first.config is not None and engine.refresh_config().not_modified
    server.set_maintenance(True, message_zh="系统维护中")
    _, refetched = engine.heartbeat("0.1.0", uptime_s=60)
    assert refetched and engine.cached_config()["maintenance"]["active"] is True
    assert server.heartbeats()
    for n in range(620):
        events.queue_event("screen_view", {"screen": "laws", "n": n})
    assert engine.upload_events() == 620
    assert len(server.events()) == 620


def test_status_lookup_and_handoff_calls(server: Any, kiosk: ContentStore) -> None:
    from offline_cache.api_client import PermanentError

    outbox = Outbox(kiosk.database, KEY)
    _enqueue(outbox, "HALL01-20261122-0007")
    client = client_for(server)
    assert outbox.deliver_due(client).delivered == ["HALL01-20261122-0007"]
    receipt = outbox.get("HALL01-20261122-0007")
    assert receipt is not None and receipt.tracking_no
    server.answer(receipt.tracking_no, "可以向劳动争议仲裁委员会申请仲裁。", "王某 律师")
    status = client.submission_status(receipt.tracking_no, PHONE[-4:])
    assert status["status"] == "answered" and status["answer"]["text"].startswith("可以")
    by_ref = client.submission_status("HALL01-20261122-0007", PHONE[-4:])
    assert by_ref["tracking_no"] == receipt.tracking_no
    with pytest.raises(PermanentError) as wrong_phone:
        client.submission_status(receipt.tracking_no, "0000")
    assert wrong_phone.value.status == 404
    found = client.lookup_citizen("resident", ID_NUMBER)
    assert [s["tracking_no"] for s in found] == [receipt.tracking_no]
    handoff = client.create_handoff({"kind": "tracking", "ref": receipt.tracking_no}, ttl_s=120)
    assert 16 <= len(handoff.token) <= 32 and handoff.url.startswith("http")
