"""Test-wide set-up: Qt offscreen on a 1920x1080 screen, and an isolated data folder."""

from __future__ import annotations

import faulthandler
import gc
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.main_thread_gc import collect_due_generations, install_main_thread_gc

_SCREEN_CONFIG = Path(__file__).resolve().parent / ".offscreen-1920x1080.json"
if not _SCREEN_CONFIG.exists():
    _SCREEN_CONFIG.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "kiosk",
                        "x": 0,
                        "y": 0,
                        "width": 1920,
                        "height": 1080,
                        "logicalDpiX": 96,
                        "logicalDpiY": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN_CONFIG}"

REPO_ROOT = Path(__file__).resolve().parent.parent

# What a run that stops in the middle leaves behind, in HANG_LOG (`make test`
# prints it with a summary at the end, tests/stopped_run.py):
# - the test that was running;
# - Qt's fatal and critical messages during a test (pytest-qt keeps Qt's
#   messages in memory, so one that comes just before Qt aborts the process
#   would be lost; between tests Qt's own handler prints them);
# - every thread's stack, on a fatal signal (abort, segfault) and when a test
#   hangs. A test stuck inside Qt or waiting for the interpreter lock never
#   returns to Python, so the per-test timeout (pytest-timeout, 300 s) cannot
#   fire; this watchdog lives in C and ends the run past HANG_LIMIT_S.
HANG_LIMIT_S = int(os.environ.get("TEST_HANG_LIMIT_S", "360"))
HANG_LOG = REPO_ROOT / ".pytest-hang.log"
_hang_log = HANG_LOG.open("w", encoding="utf-8")
faulthandler.enable(file=_hang_log, all_threads=True)  # pytest's own is off (addopts)

# The kiosk runs Python's cycle collector on its UI thread only (see
# kiosk.main_thread_gc); the tests do the same: off here, run between tests and,
# once a QApplication exists, on its timer.
gc.disable()


def _record_qt_message(kind: QtMsgType, message: str) -> None:
    if kind in (QtMsgType.QtFatalMsg, QtMsgType.QtCriticalMsg):
        _hang_log.write(f"Qt {kind.name}: {message}\n")
        _hang_log.flush()


def _chain_qt_message_handler() -> None:
    """Put the recorder in front of whichever handler is installed (pytest-qt's)."""
    captured: list[Any] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        _record_qt_message(kind, message)
        captured[0](kind, context, message)

    captured.append(qInstallMessageHandler(handler))
    if captured[0] is None:  # no capture for this test (no_qt_log): Qt prints them itself
        qInstallMessageHandler(None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    _hang_log.write(f"running {item.nodeid}\n")
    _hang_log.flush()
    faulthandler.dump_traceback_later(HANG_LIMIT_S, exit=True, file=_hang_log)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        _hang_log.seek(0)
        _hang_log.truncate()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield  # pytest-qt has started capturing Qt's messages, fixtures are ready
    _chain_qt_message_handler()
    app = QCoreApplication.instance()
    if app is not None:
        install_main_thread_gc(app)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    collect_due_generations()


def pytest_sessionfinish() -> None:
    # A crash after this (Qt's teardown at exit) still shows its stacks, on stderr.
    faulthandler.enable(file=sys.__stderr__, all_threads=True)
    _hang_log.close()
    HANG_LOG.unlink(missing_ok=True)


SHARED_LAWS = REPO_ROOT.parent / "shared" / "data" / "laws" / "laws.jsonl"
BUNDLED_LAWS = REPO_ROOT / "assets" / "laws" / "laws.jsonl.gz"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's config or writes into their home."""
    for name in list(os.environ):
        if name.startswith("LEGAL_KIOSK_"):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def laws_path() -> Path:
    """The real law texts (shared copy when present, else the bundled one)."""
    return SHARED_LAWS if SHARED_LAWS.exists() else BUNDLED_LAWS


# --- reference central server (devserver/) -------------------------------------
from devserver.testing import DevServer  # noqa: E402


@pytest.fixture
def devserver() -> Iterator[DevServer]:
    """A reference server on loopback serving the demo dataset (laws + fictional content)."""
    with DevServer(dataset="demo") as server:
        yield server


@pytest.fixture
def empty_devserver() -> Iterator[DevServer]:
    """A reference server on loopback with no content at all."""
    with DevServer(dataset="empty") as server:
        yield server
