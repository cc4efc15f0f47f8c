"""The running kiosk's background sync: content, config and events, off the UI thread.

A worker object lives in its own ``QThread`` with its own database connection
(peewee gives each thread one) and pulls the change feed every
``sync.interval_s`` seconds, and at once when staff press "sync now". The UI
never waits for it: it reads :meth:`SyncService.state` (a short local read) and
listens to the signals. Submissions are delivered by the submission service's
own worker and the heartbeat by the fleet heartbeat, so a slow content pull never
holds back a citizen's consultation.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kiosk.connectivity import Connectivity
from kiosk.settings import Settings
from offline_cache.api_client import CentralError, TransientError
from offline_cache.sync import SyncEngine, SyncProgress, SyncStateSnapshot, read_sync_state

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncRoundSummary:
    """What one background round did, for the staff panel (no personal data)."""

    ok: bool
    full: bool
    changes_applied: int
    config_refetched: bool
    events_sent: int
    error: str | None
    finished_at: float
    started_at: float = 0.0
    """``time.time()`` when the round began: tells a round staff asked for from one already running."""


class _Cancelled(Exception):
    """Raised between two pages when the kiosk is stopping (each page is its own transaction)."""


class _SyncWorker(QObject):
    """Runs in the sync thread; everything here may block on the network."""

    progressed = Signal(int, int)
    round_finished = Signal(object)

    def __init__(self, engine_factory: Callable[[], SyncEngine], interval_ms: int) -> None:
        super().__init__()
        self._engine_factory = engine_factory
        self._engine: SyncEngine | None = None
        self._interval_ms = interval_ms
        self._timer: QTimer | None = None
        self._busy = False
        self.cancelled = threading.Event()

    @Slot()
    def begin(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.run_round)
        self._timer.start()
        self.run_round()

    @Slot()
    def finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        # Quit from inside the thread: a quit() from outside may end the loop before
        # this slot ran, and the timer, still running, could then only be destroyed
        # from the wrong thread.
        QThread.currentThread().quit()

    @Slot()
    def run_round(self) -> None:
        self.run(False)

    @Slot(bool)
    def run(self, full: bool) -> None:
        if self._busy or self.cancelled.is_set():
            return
        self._busy = True
        try:
            self.round_finished.emit(self._round(full))
        finally:
            self._busy = False

    def _round(self, full: bool) -> SyncRoundSummary:
        started_at = time.time()
        changes = config_refetched = events_sent = 0
        error: str | None = None
        try:
            if self._engine is None:
                self._engine = self._engine_factory()
            engine = self._engine
            result = engine.pull(full=full, progress=self._on_progress)
            changes = result.applied + result.deleted
            config_refetched = int(engine.refresh_config().config is not None)
            events_sent = engine.upload_events()
        except _Cancelled:
            error = "stopped"
        except CentralError as failure:
            error = str(failure)
            level = logging.INFO if isinstance(failure, TransientError) else logging.WARNING
            log.log(level, "background sync failed: %s", failure)
        except Exception as failure:  # a bug must not kill the sync thread
            error = f"{type(failure).__name__}: {failure}"
            log.exception("background sync round crashed")
        return SyncRoundSummary(
            ok=error is None,
            full=full,
            changes_applied=changes,
            config_refetched=bool(config_refetched),
            events_sent=events_sent,
            error=error,
            finished_at=time.time(),
            started_at=started_at,
        )

    def _on_progress(self, progress: SyncProgress) -> None:
        if self.cancelled.is_set():
            raise _Cancelled
        self.progressed.emit(progress.pages, progress.changes)


class SyncService(QObject):
    """Background sync of a kiosk that has a central platform configured."""

    progressed = Signal(int, int)
    """Pages and changes applied so far in the current pull."""
    round_finished = Signal(object)
    """A :class:`SyncRoundSummary` after every round."""
    _run_requested = Signal(bool)
    _stop_requested = Signal()

    def __init__(
        self,
        engine_factory: Callable[[], SyncEngine],
        interval_s: int,
        connectivity: Connectivity | None = None,
        state_reader: Callable[[], SyncStateSnapshot] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("kiosk-sync")
        self._worker = _SyncWorker(engine_factory, max(1, interval_s) * 1000)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.begin)
        self._run_requested.connect(self._worker.run)
        self._stop_requested.connect(self._worker.finish)
        self._worker.progressed.connect(self.progressed)
        self._worker.round_finished.connect(self._on_worker_round_finished)
        self._connectivity = connectivity
        self._state_reader = state_reader
        self._last: SyncRoundSummary | None = None
        self._running = False
        self._stopped = False

    @classmethod
    def from_settings(
        cls, settings: Settings, database: Any, indexer: Any, connectivity: Connectivity
    ) -> SyncService:
        from kiosk.central import build_client
        from offline_cache.content_store import ContentStore

        def engine_factory() -> SyncEngine:
            client = build_client(settings)
            return SyncEngine(
                client, ContentStore(database, indexer), page_size=settings["sync.page_size"]
            )

        def state_reader() -> SyncStateSnapshot:
            return read_sync_state(ContentStore(database, indexer))

        return cls(engine_factory, settings["sync.interval_s"], connectivity, state_reader)

    @property
    def running(self) -> bool:
        """The sync thread is alive (started and not yet stopped)."""
        return self._thread.isRunning()

    @property
    def last_round(self) -> SyncRoundSummary | None:
        return self._last

    def state(self) -> SyncStateSnapshot | None:
        """Where the feed stands (last pull, cursor, counts, outbox figures)."""
        return self._state_reader() if self._state_reader is not None else None

    def start(self) -> None:
        """Start the thread; never again once stopped.

        The start can be connected to a signal that arrives after the kiosk began
        to shut down (content ready): a thread started then would outlive its
        owner, and Qt aborts the process when a running thread is destroyed.
        """
        if not self._running and not self._stopped:
            self._running = True
            self._thread.start()

    def sync_now(self, full: bool = False) -> None:
        """Ask for a round at once (ignored while one is running)."""
        if self._running:
            self._run_requested.emit(full)

    def stop(self, wait_ms: int = 60_000) -> None:
        """Stop after the page being applied (a page is one transaction: nothing half-done)."""
        self._stopped = True
        if not self._running:
            return
        self._running = False
        self._worker.cancelled.set()
        self._stop_requested.emit()
        if not self._thread.wait(wait_ms):
            log.warning("the sync thread did not stop within %d ms", wait_ms)

    @Slot(object)
    def _on_worker_round_finished(self, summary: SyncRoundSummary) -> None:
        self._last = summary
        if self._connectivity is not None:
            self._connectivity.set_online(summary.ok)
        self.round_finished.emit(summary)
