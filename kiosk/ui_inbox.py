"""Results of plain Python worker threads, handed to the UI thread with no Qt call
made on the worker's side.

A signal emitted from a thread Qt did not start is the fragile corner of PySide6:
crashes with such emits are reported from 6.8 on, and the emitting thread holds
the interpreter lock while Qt takes its own locks on the sender, so a UI thread
busy destroying one of the sender's receivers can end up waiting for the worker
while the worker waits for it. A full test run of the kiosk once froze with no
error, its last output in the hand-off tests, whose worker answered by a signal.

So workers only put their answer into a queue, and the UI thread takes it out on
a short timer. There is one inbox for the whole application (:func:`ui_inbox`):
it lives as long as the application, so its timer is never destroyed while it
runs, and a service is never destroyed on a worker thread either (the answer in
the queue holds the service until the UI thread has delivered it). The timer
runs only while an answer is awaited (``expect``) or while a device that reports
whenever something happens is open (``listen``).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 10
# While only devices are open (no answer awaited): events come rarely and a few
# tens of milliseconds are not noticed, so the UI thread wakes up less often.
LISTEN_INTERVAL_MS = 25


class UiInbox(QObject):
    """Answers: ``expect()`` on the UI thread, then ``reply(callback, *args)`` from the
    worker (``run_in_thread`` does both for work done on a thread of its own). Unasked events (a device's): ``listen()`` while it is open, ``post(...)``
    from its threads. The callback runs on the UI thread within ``POLL_INTERVAL_MS``
    while an answer is awaited, else within ``LISTEN_INTERVAL_MS``."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._answers: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...], bool]] = (
            queue.SimpleQueue()
        )
        self._awaited = 0
        self._listeners = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.deliver)

    @property
    def awaited(self) -> int:
        """Answers expected and not delivered yet."""
        return self._awaited

    @property
    def polling(self) -> bool:
        """Whether the UI thread is looking for answers (some awaited, or a listener)."""
        return self._timer.isActive()

    @property
    def poll_interval_ms(self) -> int | None:
        """How often the UI thread looks now (None: it does not)."""
        return int(self._timer.interval()) if self._timer.isActive() else None

    def expect(self) -> None:
        """One more answer will come through ``reply`` (UI thread only)."""
        self._awaited += 1
        self._schedule()

    def listen(self) -> None:
        """Deliver whatever is posted, asked for or not, until the matching
        ``stop_listening`` (UI thread only; counted, for several devices)."""
        self._listeners += 1
        self._schedule()

    def stop_listening(self) -> None:
        self._listeners = max(0, self._listeners - 1)
        self.deliver()

    def reply(self, callback: Callable[..., Any], *args: Any) -> None:
        """The answer ``expect`` announced: ``callback(*args)`` runs on the UI thread
        (safe from any thread: no Qt call)."""
        self._answers.put((callback, args, True))

    def run_in_thread(
        self,
        name: str,
        work: Callable[[], Any],
        deliver: Callable[[Any], Any],
        failed: Callable[[Exception], Any] | None = None,
    ) -> None:
        """Run ``work()`` on a new thread; ``deliver(result)`` then runs on the UI thread,
        or ``failed(error)`` when it raised (UI thread only). Either way the answer
        comes, so nothing waits for ever on a thread that died."""
        on_failure = failed if failed is not None else _ignore
        self.expect()

        def run() -> None:
            try:
                result = work()
            except Exception as error:
                log.exception("%s failed", name)
                self.reply(on_failure, error)
                return
            self.reply(deliver, result)

        try:
            threading.Thread(target=run, name=name, daemon=True).start()
        except RuntimeError as error:  # no thread to be had (resources exhausted)
            log.error("%s could not start: %s", name, error)
            self.reply(on_failure, error)

    def post(self, callback: Callable[..., Any], *args: Any) -> None:
        """An unasked event, for a listener: ``callback(*args)`` runs on the UI thread."""
        self._answers.put((callback, args, False))

    def deliver(self) -> int:
        """Run the answers posted so far (the timer does this); returns how many ran."""
        delivered = 0
        while True:
            try:
                callback, args, awaited = self._answers.get_nowait()
            except queue.Empty:
                break
            delivered += 1
            if awaited:
                self._awaited = max(0, self._awaited - 1)
            try:
                callback(*args)
            except Exception:  # one faulty receiver must not stop the others' answers
                log.exception("delivering a worker's answer failed")
        self._schedule()
        return delivered

    def _schedule(self) -> None:
        if self._awaited:
            interval = POLL_INTERVAL_MS
        elif self._listeners:
            interval = LISTEN_INTERVAL_MS
        else:
            self._timer.stop()
            return
        if not self._timer.isActive() or self._timer.interval() != interval:
            self._timer.start(interval)


_shared: UiInbox | None = None


def ui_inbox() -> UiInbox:
    """The application's inbox, created on first use on the UI thread."""
    global _shared
    if _shared is None:
        _shared = UiInbox(QCoreApplication.instance())
        # A device left open keeps the timer running: stop it while Qt is still whole.
        atexit.register(_stop_polling, _shared)
    return _shared


def _ignore(_error: Exception) -> None:
    return None  # logged on the worker's side already


def _stop_polling(inbox: UiInbox) -> None:
    with contextlib.suppress(RuntimeError):  # the application may be gone already
        inbox._timer.stop()
