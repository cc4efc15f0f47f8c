"""The heartbeat: about once a minute, tell the platform how this kiosk is doing.

After each answered beat the queued usage and audit events are uploaded too.

Each beat runs off the UI thread: it reports the app version, status
(in service, maintenance, degraded), real outbox figures and device health, and
when the answer's ``config_etag`` differs from the cached config the engine
refetches the config; ``config_received`` then carries it to the UI thread,
where remote maintenance is applied. ``reachability_changed`` follows whether
the platform answered.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.ui_inbox import ui_inbox

log = logging.getLogger(__name__)


class HeartbeatEngine(Protocol):
    """The part of the sync engine the heartbeat needs."""

    def heartbeat(
        self,
        app_version: str,
        uptime_s: int,
        status: str = "in_service",
        devices: Mapping[str, str] | None = None,
    ) -> tuple[Any, bool]: ...

    def cached_config(self) -> dict[str, Any] | None: ...

    def upload_events(self, max_batches: int = 20) -> int: ...


class HeartbeatService(QObject):
    beat_finished = Signal(bool)  # True when the platform answered
    config_received = Signal(object)  # the kiosk config (dict) after a change
    reachability_changed = Signal(bool)

    def __init__(
        self,
        engine: HeartbeatEngine,
        app_version: str,
        interval_s: float,
        status: Callable[[], str] = lambda: "in_service",
        devices: Callable[[], Mapping[str, str]] = dict,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._engine = engine
        self._app_version = app_version
        self._status = status
        self._devices = devices
        self._monotonic = monotonic
        self._started_at = monotonic()
        self._busy = False
        self.reachable: bool | None = None
        self.last_beat_at: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self.beat_now)
        # The beat's thread answers through the inbox, not a signal (see kiosk.ui_inbox).
        self._inbox = ui_inbox()

    def start(self) -> None:
        """Apply the cached config at once (a restart stays out of service), then beat."""
        try:
            cached = self._engine.cached_config()
        except Exception:
            log.exception("reading the cached kiosk config failed")
            cached = None
        if cached is not None:
            self.config_received.emit(cached)
        self._timer.start()
        self.beat_now()

    def stop(self) -> None:
        self._timer.stop()

    def beat_now(self) -> bool:
        """Start one beat in the background; False when one is already running."""
        if self._busy:
            return False
        self._busy = True
        status = self._status()
        devices = dict(self._devices())
        uptime = int(self._monotonic() - self._started_at)
        self._inbox.run_in_thread(
            "heartbeat",
            lambda: self._beat(status, devices, uptime),
            lambda outcome: self._on_worker_done(*outcome),
            lambda _error: self._on_worker_done(False, None),
        )
        return True

    def _beat(self, status: str, devices: dict[str, str], uptime: int) -> tuple[bool, object]:
        """On the beat's thread: (answered, the new config if the platform sent one)."""
        try:
            _answer, refetched = self._engine.heartbeat(
                self._app_version, uptime, status=status, devices=devices or None
            )
            config = self._engine.cached_config() if refetched else None
        except Exception as error:  # offline or platform trouble: try again next beat
            log.info("heartbeat failed: %s", error)
            return False, None
        try:
            # Usage and audit events ride along with the beat while the platform answers.
            self._engine.upload_events()
        except Exception as error:
            log.info("event upload failed: %s", error)
        return True, config

    def _on_worker_done(self, answered: bool, config: object) -> None:
        self._busy = False
        if answered:
            self.last_beat_at = time.time()
        if answered != self.reachable:
            self.reachable = answered
            self.reachability_changed.emit(answered)
        if config is not None:
            self.config_received.emit(config)
        self.beat_finished.emit(answered)
