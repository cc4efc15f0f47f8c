"""Read-aloud across the whole kiosk: screens on arrival, controls as they act, captions.

One :class:`ReadAloud` lives in the main window. With the citizen's read-aloud
toggle on it

- reads each screen's heading and main content (``Screen.spoken_text()``) when
  the screen arrives;
- says a tapped control's accessible name (and, for a toggle, its new state) as
  the control acts: an application-wide event filter sees the release that is
  about to click, speaks, and lets the click go through untouched;
- queues the new screen's text behind the name of the control that opened it,
  so "法律法规" is heard before the laws screen is read.

Whatever the toggle, any new touch stops what is being said (the press of the
next tap) and so does a navigation; everything said is offered as a caption
(``caption_changed``). Speech follows the session's language and volume; at the
end of a session the speech service goes back to its defaults and the captions
and the "say it again" memory are emptied.

The speech service may appear after the window (it is started once Home is
shown): every use looks it up again, and :meth:`bind` connects its signals.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

if TYPE_CHECKING:
    from kiosk.app import Services
    from ui.screens.base import Screen

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

# A button with this property set to False is not announced by name when tapped
# (it speaks something better itself, e.g. "read this" or the volume buttons).
NO_ANNOUNCE_PROPERTY = "read_aloud_announce"

VOLUME_STEP = 0.1
RATE_STEP_WPM = 20

_INTERRUPTING_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


def _is_keyboard_window(watched: QObject) -> bool:
    """A top-level window that is not a widget's: the virtual keyboard's QML window."""
    return isinstance(watched, QWindow) and watched.metaObject().className() != "QWidgetWindow"


def control_announcement(button: QAbstractButton, checked_after: bool | None = None) -> str:
    """What is said when ``button`` is tapped: its name, and a toggle's new state."""
    name = " ".join((button.accessibleName() or button.text()).split())
    if not button.isCheckable():
        return name
    on = (not button.isChecked()) if checked_after is None else checked_after
    state = translate("ReadAloud", "已打开") if on else translate("ReadAloud", "已关闭")
    return f"{name}，{state}" if name else state


class ReadAloud(QObject):
    """The read-aloud behaviour of one window (see the module doc)."""

    caption_changed = Signal(str)
    """The text now being said ('' when captions are cleared)."""
    speaking_changed = Signal(bool)
    """Something started (True) or stopped (False) being said."""
    health_changed = Signal(str)
    """ok / absent / error of the speech service ('' while there is none)."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._bound: Any = None
        self._caption = ""
        self._said_this_session = ""
        self._click_in_progress = False
        self._read_aloud = services.session.read_aloud
        self._language = services.session.language
        self._current_screen: Screen | None = None
        self._window = parent.window() if isinstance(parent, QWidget) else None
        # The owner calls follow_preferences() when the session's preferences
        # change, after installing translators (so a re-read is in the new language).
        services.session.wiped.connect(self._on_session_wiped)
        app = QApplication.instance()
        self._app = app
        if app is not None:
            app.installEventFilter(self)
        services.after_ready(self.bind)
        self.bind()

    # --- the speech service ------------------------------------------------------
    def speech(self) -> Any:
        """The speech service, or None while there is none (not started, not built)."""
        self.bind()
        return self._bound

    def bind(self) -> None:
        """Connect to ``services.speech`` once it exists (safe to call any time)."""
        speech = self.services.speech
        if speech is None or speech is self._bound:
            return
        self._bound = speech
        speech.speaking_started.connect(self._on_speech_speaking_started)
        speech.speaking_finished.connect(self._on_speech_speaking_finished)
        speech.health_changed.connect(self._on_speech_health_changed)
        self._apply_preferences()
        self.health_changed.emit(self.health)

    @property
    def health(self) -> str:
        speech = self._bound
        return str(speech.health) if speech is not None else ""

    @property
    def available(self) -> bool:
        """Read-aloud is allowed on this terminal (``speech.enabled``)."""
        return bool(self.services.settings["speech.enabled"])

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def said_this_session(self) -> str:
        """The last text said in this session ('' after a wipe): what "again" repeats."""
        return self._said_this_session

    def detach(self) -> None:
        """Stop watching the application (the window is going away)."""
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    # --- what the window and the widgets call ------------------------------------
    def read(self, text: str) -> None:
        """Say ``text`` now, whatever the toggle: the "read this" and "again" buttons."""
        speech = self.speech()
        if speech is not None and text.strip():
            speech.speak_now(text)

    def announce(self, text: str) -> None:
        """Say ``text`` now if the citizen turned read-aloud on (greetings, messages)."""
        if self.services.session.read_aloud and text.strip():
            self.read(text)

    def show_caption(self, text: str) -> None:
        """Put ``text`` in the captions without saying it (the screen tour)."""
        self._set_caption(text)

    def interrupt(self) -> None:
        speech = self.speech()
        if speech is not None:
            speech.stop()

    def repeat(self) -> bool:
        """Say the last text of this session again; False when nothing was said yet."""
        if not self._said_this_session:
            return False
        self.read(self._said_this_session)
        return True

    def screen_arrived(self, screen: Screen | None) -> None:
        """A navigation: stop the old screen's speech; read the new one if asked to."""
        self._current_screen = screen
        speech = self.speech()
        if speech is None:
            return
        if not self.services.session.read_aloud or screen is None:
            speech.stop()
            return
        text = self._screen_text(screen)
        if self._click_in_progress:
            speech.speak(text)  # after the name of the control that opened it
        else:
            speech.speak_now(text)

    def change_volume(self, steps: int) -> float:
        session = self.services.session
        session.set_volume(round(session.volume + steps * VOLUME_STEP, 2))
        self.read(
            translate("ReadAloud", "音量 %1%").replace("%1", str(round(session.volume * 100)))
        )
        return session.volume

    def change_rate(self, steps: int) -> int:
        speech = self.speech()
        if speech is None:
            return 0
        speech.set_rate(speech.rate + steps * RATE_STEP_WPM)
        self.read(translate("ReadAloud", "语速 %1").replace("%1", str(speech.rate)))
        return int(speech.rate)

    # --- the application-wide filter ---------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INTERRUPTING_EVENTS and kind != QEvent.Type.MouseButtonRelease:
            return False
        if kind in _INTERRUPTING_EVENTS and _is_keyboard_window(watched):
            # A tap on the on-screen keyboard (a QML window) is a new touch as well.
            self._interrupt_if_speaking()
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False  # another window's input (tests build several windows)
        try:
            if kind in _INTERRUPTING_EVENTS:
                self._interrupt_if_speaking()
            elif isinstance(watched, QAbstractButton) and isinstance(event, QMouseEvent):
                self._on_button_releasing(watched, event)
        except Exception:  # read-aloud is a help: it must never swallow a citizen's tap
            log.exception("read-aloud could not follow a tap")
        return False

    def _interrupt_if_speaking(self) -> None:
        self.bind()  # a tap may come before anything bound the speech service
        if self._bound is not None and self._bound.is_speaking:
            self._bound.stop()

    def _on_button_releasing(self, button: QAbstractButton, event: QMouseEvent) -> None:
        """The release is about to click ``button``: say its name first."""
        will_click = (
            event.button() == Qt.MouseButton.LeftButton
            and button.isEnabled()
            and button.isDown()
            and button.rect().contains(event.position().toPoint())
        )
        if not will_click:
            return
        self._click_in_progress = True
        QTimer.singleShot(0, self._on_click_finished)
        if button.property(NO_ANNOUNCE_PROPERTY) is False:
            return
        if self.services.session.read_aloud:
            text = control_announcement(button)
            if text:
                self.read(text)

    def _on_click_finished(self) -> None:
        self._click_in_progress = False

    # --- reactions ----------------------------------------------------------------
    def _screen_text(self, screen: Screen) -> str:
        try:
            return screen.spoken_text()
        except Exception:  # a faulty screen must not silence the kiosk
            log.exception("spoken_text of %s failed", screen.screen_id)
            return screen.title()

    def _apply_preferences(self) -> None:
        speech = self._bound
        if speech is None:
            return
        session = self.services.session
        speech.set_language(session.language)
        speech.set_volume(session.volume)
        speech.set_read_aloud(session.read_aloud)

    def follow_preferences(self) -> None:
        """Language, volume and read-aloud of the session changed: follow them."""
        session = self.services.session
        turned_on = session.read_aloud and not self._read_aloud
        language_changed = session.language != self._language
        self._read_aloud = session.read_aloud
        self._language = session.language
        self.bind()
        self._apply_preferences()
        if not session.read_aloud:
            if not self._bound or not self._bound.is_speaking:
                self._set_caption("")
            return
        if turned_on or language_changed:
            # Qt posts LanguageChange to the widgets: read once they have retranslated.
            QTimer.singleShot(0, self, lambda: self._read_current_screen(intro=turned_on))

    def _read_current_screen(self, intro: bool) -> None:
        if not self.services.session.read_aloud:
            return
        prefix = translate("ReadAloud", "朗读已打开。") if intro else ""
        screen = self._current_screen
        body = self._screen_text(screen) if screen is not None else ""
        self.read(f"{prefix}{body}")

    def _on_session_wiped(self) -> None:
        self._said_this_session = ""
        speech = self.speech()
        if speech is not None:
            speech.reset_to_defaults()
            self._apply_preferences()
        self._set_caption("")

    def _on_speech_speaking_started(self, text: str) -> None:
        if not self.services.session.is_active:
            # Started just before the wipe and reported after it: it belongs to the
            # previous citizen, so it is neither captioned nor kept for "again".
            return
        self._said_this_session = text
        self._set_caption(text)
        self.speaking_changed.emit(True)

    def _on_speech_speaking_finished(self) -> None:
        self.speaking_changed.emit(False)

    def _on_speech_health_changed(self, health: str) -> None:
        self.health_changed.emit(health)

    def _set_caption(self, text: str) -> None:
        if text != self._caption:
            self._caption = text
            self.caption_changed.emit(text)
