"""The kiosk comes back by itself after kill -9 or a hung event loop, its database intact.

Runs a Qt process under deploy/supervise.py (the systemd unit's behaviour without
systemd) and checks recovery within a generous deadline; the measured figure lives
in docs/performance.md (bench/bench_restart.py), not in an assertion.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUPERVISE = ROOT / "deploy" / "supervise.py"
STANDIN = Path(__file__).resolve().parent / "standin_kiosk.py"
DEADLINE_S = 30.0


def standin_command(data_dir: Path) -> list[str]:
    return [sys.executable, str(STANDIN), str(data_dir)]


def kiosk_command(data_dir: Path) -> list[str]:
    config = data_dir / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{data_dir}"\n')
    return [sys.executable, "-m", "kiosk", "run", "--config", str(config), "--windowed"]


class Supervised:
    def __init__(self, data_dir: Path, watchdog_sec: float, command: list[str] | None = None):
        self.data_dir = data_dir
        self.events_path = data_dir / "supervisor.jsonl"
        data_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(SUPERVISE),
                "--restart-sec",
                "1",
                "--watchdog-sec",
                str(watchdog_sec),
                "--events",
                str(self.events_path),
                "--",
                *(command or standin_command(data_dir)),
            ],
            cwd=ROOT,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_IM_MODULE=""),
        )

    def events(self) -> list[dict[str, Any]]:
        if not self.events_path.exists():
            return []
        lines = self.events_path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def wait_for(self, kind: str, count: int) -> dict[str, Any]:
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline:
            found = [e for e in self.events() if e["event"] == kind]
            if len(found) >= count:
                return found[count - 1]
            assert self.process.poll() is None, "the supervisor itself died"
            time.sleep(0.05)
        raise AssertionError(f"no {kind} #{count} within {DEADLINE_S} s: {self.events()}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(20)


@pytest.fixture
def supervised(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Supervised]:
    runner = Supervised(tmp_path / "data", watchdog_sec=getattr(request, "param", 5.0))
    yield runner
    runner.stop()


def committed_rows(data_dir: Path) -> tuple[int, str]:
    with sqlite3.connect(data_dir / "kiosk.sqlite3", timeout=10) as connection:
        count = connection.execute("SELECT count(*) FROM probe_outbox").fetchone()[0]
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
    return count, check


def wait_for_rows(data_dir: Path, at_least: int) -> int:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        count, _ = committed_rows(data_dir)
        if count >= at_least:
            return count
        time.sleep(0.05)
    raise AssertionError(f"fewer than {at_least} rows written")


def test_kill_9_is_followed_by_a_restart_with_the_database_intact(supervised: Supervised) -> None:
    first = supervised.wait_for("ready", 1)
    before = wait_for_rows(supervised.data_dir, 20)
    os.kill(first["pid"], signal.SIGKILL)
    exit_event = supervised.wait_for("exit", 1)
    assert exit_event["returncode"] == -signal.SIGKILL
    second = supervised.wait_for("ready", 2)
    assert second["pid"] != first["pid"]
    count, check = committed_rows(supervised.data_dir)
    assert check == "ok"
    assert count >= before  # nothing committed before the kill was lost
    assert wait_for_rows(supervised.data_dir, count + 5) > count  # and it goes on writing


@pytest.mark.parametrize("supervised", [2.0], indirect=True)
def test_a_hung_event_loop_is_killed_by_the_watchdog_and_restarted(
    supervised: Supervised,
) -> None:
    first = supervised.wait_for("ready", 1)
    wait_for_rows(supervised.data_dir, 5)
    (supervised.data_dir / "hang").touch()
    timeout = supervised.wait_for("watchdog_timeout", 1)
    assert timeout["pid"] == first["pid"]
    (supervised.data_dir / "hang").unlink()
    second = supervised.wait_for("ready", 2)
    assert second["pid"] != first["pid"]
    assert committed_rows(supervised.data_dir)[1] == "ok"


def queue_one_submission(data_dir: Path, config: Path) -> str:
    """A submission waiting in the real outbox (no platform configured: it stays queued)."""
    from kiosk.secret_store import SecretStore
    from kiosk.settings import load_settings
    from offline_cache.db import database_proxy, open_database
    from offline_cache.outbox import Outbox
    from offline_cache.schema import ensure_schema

    settings = load_settings(config, environ={})
    database = open_database(settings.database_path)
    ensure_schema(database)
    record = Outbox(database, SecretStore(settings.secret_file).key()).enqueue(
        "consultation",
        "HALL01-20261122-0001",
        {"verified": False, "name": "张三", "phone": "13812345678"},
        {
            "category": "labour",
            "subject": "拖欠工资怎么办",
            "content": "公司拖欠三个月工资，应该怎么维权？",
            "is_public": False,
            "in_litigation": False,
            "consent_version": "2026-01",
        },
        "zh",
    )
    database.close()
    database_proxy.initialize(None)
    return record.client_ref


def test_the_real_kiosk_is_back_after_kill_9_with_its_outbox(tmp_path: Path) -> None:
    data_dir = tmp_path / "kiosk-data"
    data_dir.mkdir()
    command = kiosk_command(data_dir)
    reference = queue_one_submission(data_dir, data_dir / "kiosk.toml")
    runner = Supervised(data_dir, watchdog_sec=10.0, command=command)
    try:
        first = runner.wait_for("ready", 1)
        os.kill(first["pid"], signal.SIGKILL)
        second = runner.wait_for("ready", 2)
        assert second["pid"] != first["pid"]
        exits = [e for e in runner.events() if e["event"] == "exit"]
        assert exits[0]["returncode"] == -signal.SIGKILL
    finally:
        runner.stop()
    with sqlite3.connect(data_dir / "kiosk.sqlite3", timeout=10) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute(
            "SELECT s.client_ref, e.status FROM submission s JOIN outbox_entry e "
            "ON e.submission_id = s.id"
        ).fetchall()
    assert rows == [(reference, "pending")]


def test_exit_to_desktop_status_is_not_restarted(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    supervisor = subprocess.run(
        [
            sys.executable,
            str(SUPERVISE),
            "--restart-sec",
            "0.1",
            "--restart-prevent-exit-status",
            "64",
            "--events",
            str(events),
            "--",
            sys.executable,
            "-c",
            "raise SystemExit(64)",
        ],
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert supervisor.returncode == 0
    kinds = [json.loads(line)["event"] for line in events.read_text().splitlines()]
    assert kinds == ["start", "exit", "stopped"]


def test_restart_status_is_restarted(tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    runner = subprocess.Popen(
        [
            sys.executable,
            str(SUPERVISE),
            "--restart-sec",
            "0.1",
            "--restart-prevent-exit-status",
            "64",
            "--events",
            str(events),
            "--",
            sys.executable,
            "-c",
            "raise SystemExit(75)",
        ],
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + DEADLINE_S
        starts = 0
        while time.monotonic() < deadline and starts < 3:
            text = events.read_text() if events.exists() else ""
            starts = text.count('"start"')
            time.sleep(0.05)
        assert starts >= 3
    finally:
        runner.send_signal(signal.SIGTERM)
        runner.wait(20)
