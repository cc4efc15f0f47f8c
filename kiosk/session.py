"""The citizen session: from the first touch to the wipe that forgets everything.

One ``CitizenSession`` lives as long as the kiosk. It is *idle* (attract screen)
until the first touch starts it, *active* while the citizen works, and shows a
*countdown* ("还需要更多时间吗？") when nobody touched the screen for
``session.idle_timeout_s`` seconds. The citizen may extend as often as they want
(WCAG 2.2.1 asks for at least ten extensions); when the countdown runs out, when
they press Finish, or when they log out, :meth:`CitizenSession.wipe` runs: the
preferences return to their defaults, any identity is forgotten and ``wiped`` is
emitted so that every screen clears its inputs and the shell returns to the
attract screen.

Time comes from an injectable monotonic clock and a QTimer that only calls
:meth:`tick`; tests pass their own clock and call ``tick()`` themselves.
"""

from __future__ import annotations

import enum
import logging
import math
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


class SessionState(enum.Enum):
    IDLE = "idle"  # nobody is using the kiosk: attract screen
    ACTIVE = "active"  # a citizen is using it
    COUNTDOWN = "countdown"  # nobody touched it for a while: "more time?"


class CitizenSession(QObject):
    """State, preferences and identity of the citizen currently at the kiosk."""

    started = Signal()
    """The first touch after the attract screen started a session."""
    countdown_started = Signal(int)
    """The idle timeout passed; the argument is the seconds the countdown lasts."""
    countdown_ticked = Signal(int)
    """Whole seconds left in the countdown (emitted when the number changes)."""
    extended = Signal()
    """The citizen asked for more time; the countdown is gone."""
    wiped = Signal()
    """Everything of the session was forgotten; the kiosk shows the attract screen."""
    preferences_changed = Signal()
    """language, large_text, high_contrast, read_aloud or volume changed."""
    identity_changed = Signal(object)
    """The logged-in identity changed (the new identity or None)."""
    state_changed = Signal(object)
    """The SessionState changed."""

    def __init__(
        self,
        idle_timeout_s: float = 90,
        countdown_s: float = 20,
        default_language: str = DEFAULT_LANGUAGE,
        default_volume: float = 0.8,
        clock: Callable[[], float] = time.monotonic,
        tick_interval_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if default_language not in LANGUAGES:
            raise ValueError(f"unknown language {default_language!r}")
        self.idle_timeout_s = float(idle_timeout_s)
        self.countdown_s = float(countdown_s)
        self.default_language = default_language
        self.default_volume = float(default_volume)
        self._clock = clock
        self._state = SessionState.IDLE
        self._last_activity = clock()
        self._countdown_started_at = 0.0
        self._last_reported_left = -1
        self._extensions = 0
        self._language = default_language
        self._large_text = False
        self._high_contrast = False
        self._read_aloud = False
        self._volume = self.default_volume
        self._identity: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(tick_interval_ms)
        self._timer.timeout.connect(self.tick)

    @classmethod
    def from_settings(cls, settings: Any, **kwargs: Any) -> CitizenSession:
        return cls(
            idle_timeout_s=settings["session.idle_timeout_s"],
            countdown_s=settings["session.countdown_s"],
            default_language=settings["ui.language"],
            default_volume=settings["speech.volume"],
            **kwargs,
        )

    # --- lifecycle ------------------------------------------------------------
    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def is_active(self) -> bool:
        return self._state is not SessionState.IDLE

    @property
    def extensions(self) -> int:
        """How many times the citizen asked for more time in this session."""
        return self._extensions

    def start_clock(self) -> None:
        """Let the real QTimer drive :meth:`tick` (the application does this)."""
        self._timer.start()

    def stop_clock(self) -> None:
        self._timer.stop()

    def touch(self) -> None:
        """Any citizen input: starts a session or postpones the countdown.

        During the countdown a touch does not count: only the big continue
        button (:meth:`extend`) brings the session back, so a stray touch while
        walking away does not keep someone's data on screen.
        """
        if self._state is SessionState.COUNTDOWN:
            return
        self._last_activity = self._clock()
        if self._state is SessionState.IDLE:
            self._extensions = 0
            self._set_state(SessionState.ACTIVE)
            log.info("citizen session started")
            self.started.emit()

    def extend(self) -> None:
        """ "Continue": the citizen wants more time (no limit on how often)."""
        if self._state is not SessionState.COUNTDOWN:
            self.touch()
            return
        self._extensions += 1
        self._last_activity = self._clock()
        self._set_state(SessionState.ACTIVE)
        self.extended.emit()

    def seconds_left(self) -> int:
        """Whole seconds left in the countdown (0 when not counting down)."""
        if self._state is not SessionState.COUNTDOWN:
            return 0
        elapsed = self._clock() - self._countdown_started_at
        return max(0, math.ceil(self.countdown_s - elapsed))

    def tick(self) -> None:
        """Look at the clock: start the countdown, report it, or wipe at its end."""
        now = self._clock()
        if self._state is SessionState.ACTIVE:
            if now - self._last_activity >= self.idle_timeout_s:
                self._countdown_started_at = now
                self._last_reported_left = math.ceil(self.countdown_s)
                self._set_state(SessionState.COUNTDOWN)
                self.countdown_started.emit(self._last_reported_left)
        elif self._state is SessionState.COUNTDOWN:
            left = self.seconds_left()
            if left <= 0:
                log.info("session countdown expired")
                self.wipe()
            elif left != self._last_reported_left:
                self._last_reported_left = left
                self.countdown_ticked.emit(left)

    def finish(self) -> None:
        """The citizen pressed Finish (结束) or logged out."""
        log.info("citizen finished the session")
        self.wipe()

    def wipe(self) -> None:
        """Forget everything of this session and go back to the attract screen."""
        self._identity_set(None)
        changed = (
            self._language != self.default_language
            or self._large_text
            or self._high_contrast
            or self._read_aloud
            or self._volume != self.default_volume
        )
        self._language = self.default_language
        self._large_text = False
        self._high_contrast = False
        self._read_aloud = False
        self._volume = self.default_volume
        self._extensions = 0
        self._last_activity = self._clock()
        self._set_state(SessionState.IDLE)
        if changed:
            self.preferences_changed.emit()
        self.wiped.emit()

    def _set_state(self, state: SessionState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    # --- preferences ----------------------------------------------------------
    @property
    def language(self) -> str:
        return self._language

    @property
    def large_text(self) -> bool:
        return self._large_text

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    @property
    def read_aloud(self) -> bool:
        return self._read_aloud

    @property
    def volume(self) -> float:
        return self._volume

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._change("_language", language)

    def set_large_text(self, on: bool) -> None:
        self._change("_large_text", bool(on))

    def set_high_contrast(self, on: bool) -> None:
        self._change("_high_contrast", bool(on))

    def set_read_aloud(self, on: bool) -> None:
        self._change("_read_aloud", bool(on))

    def set_volume(self, volume: float) -> None:
        self._change("_volume", min(1.0, max(0.0, float(volume))))

    def _change(self, attribute: str, value: Any) -> None:
        if getattr(self, attribute) != value:
            setattr(self, attribute, value)
            self.preferences_changed.emit()

    # --- identity (ID-card login) ---------------------------------------------
    @property
    def identity(self) -> Any:
        """Whoever logged in with their ID card (an object of the login service) or None."""
        return self._identity

    def set_identity(self, identity: Any) -> None:
        self.touch()
        self._identity_set(identity)

    def logout(self) -> None:
        """Logging out ends the session: the same wipe as Finish."""
        self.wipe()

    def _identity_set(self, identity: Any) -> None:
        if identity is not self._identity:
            self._identity = identity
            self.identity_changed.emit(identity)
