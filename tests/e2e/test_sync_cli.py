"""``legal-kiosk sync --once`` as a real process against a platform on loopback."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from offline_cache.bootstrap import prepare_database
from offline_cache.db import database_proxy
from tests.content_factory import law_change, practitioner_change
from tests.http_stub import Fault, PlatformState, running_platform

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def platform() -> Iterator[tuple[str, PlatformState]]:
    with running_platform() as served:
        yield served


def write_config(tmp_path: Path, url: str, token: str, page_size: int = 4) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[central]\nurl = "{url}"\ntoken = "{token}"\nread_timeout_s = 20\n'
        f"[sync]\npage_size = {page_size}\n"
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n',
        encoding="utf-8",
    )
    return config


def sync_command(config: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", "--config", str(config), "sync", "--once", *extra]


def run_sync(config: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        sync_command(config, *extra), cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def local_content(db_path: Path) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    with sqlite3.connect(db_path) as connection:
        for table in ("law", "practitioner", "institution", "case", "faq", "guide", "announcement"):
            for item_id, version in connection.execute(f'SELECT id, version FROM "{table}"'):
                key = (table, item_id)
                assert key not in found
                found[key] = version
    return found


def article_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM law_article").fetchone()[0])


def pages_applied(db_path: Path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as connection:
            row = connection.execute("SELECT pages_applied FROM sync_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def seed(state: PlatformState, laws: int, practitioners: int) -> None:
    for n in range(laws):
        state.upsert("law", f"law-{n}", law_change(f"law-{n}", articles=3)["data"])
    for n in range(practitioners):
        state.upsert("practitioner", f"p-{n:04d}", practitioner_change(f"p-{n:04d}")["data"])


def platform_content(state: PlatformState) -> dict[tuple[str, str], int]:
    return {key: change["version"] for key, change in state.items.items()}


def test_no_central_url_fails_clearly(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    result = run_sync(config)
    assert result.returncode == 2
    assert "no central platform is configured" in result.stderr


def test_unreachable_platform_fails_with_message(tmp_path: Path) -> None:
    with running_platform() as (url, _):
        pass  # closed again: nothing listens there
    result = subprocess.run(
        sync_command(write_config(tmp_path, url, "t0ken-abcdefgh")),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LEGAL_KIOSK_CENTRAL__CONNECT_TIMEOUT_S": "1"},
    )
    assert result.returncode == 1
    assert "connection failed" in result.stderr and "retried later" in result.stderr


def test_kill_between_pages_then_restart_no_skip_no_duplicate(
    tmp_path: Path, platform: tuple[str, PlatformState]
) -> None:
    url, state = platform
    seed(state, laws=20, practitioners=20)
    config = write_config(tmp_path, url, state.token)
    db_path = tmp_path / "data" / "kiosk.sqlite3"
    # A kiosk that ran on the demo content first: the central's full sync must replace it.
    prepared = prepare_database(
        db_path,
        has_central=False,
        demo_changes=lambda: [law_change("demo-law-1"), practitioner_change("demo-p-0001")],
    )
    assert prepared.demo_loaded == 2
    prepared.database.close()
    database_proxy.initialize(None)

    # The 7th page request hangs, so the process is killed between pages.
    state.fault("/content/changes", Fault("slow", delay_s=30, skip=6))
    output = tmp_path / "first-run.txt"
    with output.open("wb") as sink:
        process = subprocess.Popen(sync_command(config), cwd=ROOT, stdout=sink, stderr=sink)
        try:
            deadline = time.monotonic() + 60
            while pages_applied(db_path) < 6:
                assert process.poll() is None, output.read_text()
                assert time.monotonic() < deadline, "sync made no progress"
                time.sleep(0.05)  # polling the database with a deadline
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    halfway = local_content(db_path)
    assert ("law", "demo-law-1") in halfway  # clean-up waits for the end of the full sync

    # The platform moves on while the kiosk is down.
    state.upsert("law", "law-3", law_change("law-3", version=2, articles=5)["data"])
    state.delete("practitioner", "p-0019")
    state.upsert("law", "law-99", law_change("law-99")["data"])

    result = run_sync(config)
    assert result.returncode == 0, result.stderr
    assert "removed by the full sync" in result.stdout
    assert local_content(db_path) == platform_content(state)
    expected_articles = sum(
        len(c["data"]["articles"]) for (kind, _), c in state.items.items() if kind == "law"
    )
    assert article_count(db_path) == expected_articles

    # Later changes come incrementally.
    state.upsert("practitioner", "p-0001", practitioner_change("p-0001", name="李娜")["data"])
    state.delete("law", "law-0")
    result = run_sync(config)
    assert result.returncode == 0, result.stderr
    assert "removed by the full sync" not in result.stdout
    assert local_content(db_path) == platform_content(state)


def test_full_flag_and_token_never_in_logs(
    tmp_path: Path, platform: tuple[str, PlatformState]
) -> None:
    url, state = platform
    seed(state, laws=3, practitioners=3)
    config = write_config(tmp_path, url, state.token)
    assert run_sync(config).returncode == 0
    state.fault("/content/changes", Fault("status", status=503, retry_after=1, times=1))
    result = run_sync(config, "--full")
    assert result.returncode == 0, result.stderr
    assert "removed by the full sync" in result.stdout
    assert local_content(tmp_path / "data" / "kiosk.sqlite3") == platform_content(state)
    logs = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "data" / "logs").glob("*"))
    assert "trying again" in logs  # the 503 was logged and retried
    assert state.token not in logs + result.stdout + result.stderr


def test_server_failure_exits_non_zero_and_keeps_cache(
    tmp_path: Path, platform: tuple[str, PlatformState]
) -> None:
    url, state = platform
    seed(state, laws=3, practitioners=0)
    config = write_config(tmp_path, url, state.token)
    assert run_sync(config).returncode == 0
    before = local_content(tmp_path / "data" / "kiosk.sqlite3")
    state.upsert("law", "law-new", law_change("law-new")["data"])
    state.fault("/content/changes", Fault("malformed_json", times=5))
    result = run_sync(config)
    assert result.returncode == 1
    assert "unexpected answer" in result.stderr or "not JSON" in result.stderr
    assert local_content(tmp_path / "data" / "kiosk.sqlite3") == before
    assert run_sync(config).returncode == 0
    assert local_content(tmp_path / "data" / "kiosk.sqlite3") == platform_content(state)
