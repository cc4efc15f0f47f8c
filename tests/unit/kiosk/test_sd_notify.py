from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.sd_notify import SystemdNotifier
from kiosk.watchdog import WatchdogFeeder


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    yield path, sock
    sock.close()


def test_without_notify_socket_nothing_is_sent() -> None:
    notifier = SystemdNotifier(environ={})
    assert not notifier.enabled
    assert not notifier.ready()
    assert notifier.watchdog_interval_s is None


def test_ready_and_watchdog_reach_the_socket(notify_socket: tuple[str, socket.socket]) -> None:
    path, sock = notify_socket
    notifier = SystemdNotifier(environ={"NOTIFY_SOCKET": path})
    assert notifier.ready("serving")
    assert sock.recv(100) == b"READY=1\nSTATUS=serving"
    assert notifier.watchdog()
    assert sock.recv(100) == b"WATCHDOG=1"


def test_abstract_namespace_socket() -> None:
    name = f"legal-kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        assert SystemdNotifier(environ={"NOTIFY_SOCKET": "@" + name}).stopping()
        assert sock.recv(100) == b"STOPPING=1"


def test_a_vanished_socket_is_reported_not_raised(tmp_path: Path) -> None:
    notifier = SystemdNotifier(environ={"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert not notifier.watchdog()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"WATCHDOG_USEC": "3000000"}, 3.0),
        ({"WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "1"}, None),
        ({"WATCHDOG_USEC": "nonsense"}, None),
        ({"WATCHDOG_USEC": "0"}, None),
    ],
)
def test_watchdog_interval(environ: dict[str, str], expected: float | None) -> None:
    assert SystemdNotifier(environ=environ).watchdog_interval_s == expected


def test_feeder_pings_from_the_event_loop(
    qtbot: QtBot, notify_socket: tuple[str, socket.socket]
) -> None:
    path, sock = notify_socket
    notifier = SystemdNotifier(environ={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "300000"})
    feeder = WatchdogFeeder(notifier)
    feeder.start()
    assert feeder.active
    assert sock.recv(100) == b"READY=1"
    sock.setblocking(False)
    received: list[bytes] = []

    def pings() -> int:
        try:
            while True:
                received.append(sock.recv(100))
        except BlockingIOError:
            pass
        return received.count(b"WATCHDOG=1")

    qtbot.waitUntil(lambda: pings() >= 3, timeout=5000)
    feeder.stop()
    assert not feeder.active
