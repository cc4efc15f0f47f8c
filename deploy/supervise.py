#!/usr/bin/env python3
"""A small supervisor that behaves like the kiosk's systemd unit, for machines without systemd.

It does what ``deploy/legal-kiosk.service`` asks of systemd: start the command
with ``$NOTIFY_SOCKET`` and ``$WATCHDOG_USEC`` set, wait for ``READY=1``,
expect ``WATCHDOG=1`` at least every ``--watchdog-sec`` seconds (else SIGABRT,
then SIGKILL), and restart the command ``--restart-sec`` seconds after it ends
for any reason (Restart=always). The end-to-end tests run the kiosk under it,
and it is handy on a development machine.

Each thing that happens is written as one JSON line to ``--events`` (start,
ready, watchdog_timeout, exit), with wall-clock and monotonic times, so a test
or an operator can see how long a recovery took.

Usage: supervise.py [--restart-sec 1] [--watchdog-sec 10] [--events FILE] -- COMMAND ...
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO


class Supervisor:
    def __init__(
        self,
        command: list[str],
        restart_sec: float,
        watchdog_sec: float,
        start_timeout_sec: float,
        events: TextIO | None,
        prevent_exit_status: tuple[int, ...] = (),
    ):
        self.command = command
        self.restart_sec = restart_sec
        self.watchdog_sec = watchdog_sec
        self.start_timeout_sec = start_timeout_sec
        self.events = events
        self.prevent_exit_status = prevent_exit_status
        self.stopping = False
        self._dir = tempfile.mkdtemp(prefix="kiosk-supervise-")
        self.socket_path = str(Path(self._dir) / "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.socket_path)
        self.child: subprocess.Popen[bytes] | None = None

    def record(self, event: str, **data: Any) -> None:
        line = {"event": event, "time": time.time(), "monotonic": time.monotonic(), **data}
        if self.events is not None:
            self.events.write(json.dumps(line) + "\n")
            self.events.flush()

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._on_stop_signal)
        signal.signal(signal.SIGINT, self._on_stop_signal)
        try:
            while not self.stopping:
                self._run_once()
                if not self.stopping:
                    self._idle(self.restart_sec)
        finally:
            self.sock.close()
            os.unlink(self.socket_path)
            os.rmdir(self._dir)
        return 0

    def _on_stop_signal(self, signum: int, frame: object) -> None:
        self.stopping = True

    def _spawn(self) -> subprocess.Popen[bytes]:
        environ = dict(os.environ)
        environ["NOTIFY_SOCKET"] = self.socket_path
        environ["WATCHDOG_USEC"] = str(int(self.watchdog_sec * 1_000_000))
        environ.pop("WATCHDOG_PID", None)
        child = subprocess.Popen(self.command, env=environ)
        self.record("start", pid=child.pid)
        return child

    def _run_once(self) -> None:
        child = self.child = self._spawn()
        ready = False
        deadline = time.monotonic() + self.start_timeout_sec
        while True:
            code = child.poll()
            if code is not None:
                self.record("exit", pid=child.pid, returncode=code)
                if code in self.prevent_exit_status:
                    # RestartPreventExitStatus: staff chose to leave the kiosk stopped.
                    self.record("stopped", pid=child.pid, returncode=code)
                    self.stopping = True
                return
            if self.stopping:
                self._terminate(child, signal.SIGTERM)
                self.record("exit", pid=child.pid, returncode=child.returncode, stopped=True)
                return
            if time.monotonic() > deadline:
                self.record("watchdog_timeout" if ready else "start_timeout", pid=child.pid)
                # As systemd: SIGABRT first (a core dump shows where it hung), then SIGKILL.
                self._terminate(child, signal.SIGABRT)
                self.record("exit", pid=child.pid, returncode=child.returncode)
                return
            for message in self._receive(0.05):
                if "READY=1" in message and not ready:
                    ready = True
                    self.record("ready", pid=child.pid)
                    deadline = time.monotonic() + self.watchdog_sec
                if "WATCHDOG=1" in message and ready:
                    deadline = time.monotonic() + self.watchdog_sec

    def _receive(self, timeout: float) -> list[str]:
        messages = []
        readable, _, _ = select.select([self.sock], [], [], timeout)
        while readable:
            data = self.sock.recv(4096)
            messages.extend(data.decode("utf-8", "replace").splitlines())
            readable, _, _ = select.select([self.sock], [], [], 0)
        return messages

    def _idle(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < end:
            self._receive(min(0.05, max(0.0, end - time.monotonic())))

    @staticmethod
    def _terminate(child: subprocess.Popen[bytes], first: int, grace: float = 5.0) -> None:
        try:
            child.send_signal(first)
            child.wait(grace)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        except ProcessLookupError:
            child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--restart-sec", type=float, default=1.0)
    parser.add_argument("--watchdog-sec", type=float, default=10.0)
    parser.add_argument("--start-timeout-sec", type=float, default=60.0)
    parser.add_argument("--events", type=Path, help="append one JSON line per event here")
    parser.add_argument(
        "--restart-prevent-exit-status",
        type=int,
        action="append",
        default=[],
        help="an exit status after which the command is not restarted (repeatable)",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("a command to supervise is required after --")
    events = args.events.open("a", encoding="utf-8") if args.events else None
    try:
        supervisor = Supervisor(
            command,
            args.restart_sec,
            args.watchdog_sec,
            args.start_timeout_sec,
            events,
            tuple(args.restart_prevent_exit_status),
        )
        return supervisor.run()
    finally:
        if events is not None:
            events.close()


if __name__ == "__main__":
    sys.exit(main())
