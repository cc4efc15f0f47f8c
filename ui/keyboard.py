"""The on-screen keyboard (Qt Virtual Keyboard): pinyin and English, never over the field.

The keyboard itself is Qt's input-method plugin, chosen by
``QT_IM_MODULE=qtvirtualkeyboard`` before the QApplication exists; it draws its
panel in its own full-screen, click-through window (a ``QQuickView``) the first
time a text field gets focus. Once that panel exists this module creates a small
QML object *on the panel's engine* (the keyboard's singletons live per engine)
which limits the languages to Simplified Chinese pinyin and English and follows
the kiosk language. It also shrinks the shell by the keyboard's height so the
layout keeps the focused field above the keyboard, and scrolls it into view
when it sits in a scroll area.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    QEvent,
    QMetaObject,
    QObject,
    QRect,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from kiosk.session import CitizenSession
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

KEYBOARD_LOCALES = ("zh_CN", "en_US")
_LOCALE_OF_LANGUAGE = {"zh_CN": "zh_CN", "en": "en_US"}
_GAP_PX = 24

_CONTROL_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

QtObject {
    function configure(locale) {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = locale
        return true
    }
    function activeLocales() { return VirtualKeyboardSettings.activeLocales.join(",") }
    function currentLocale() { return InputContext.locale }
    function preedit() { return InputContext.preeditText }
    function keyClick(key, text) { return InputContext.inputEngine.virtualKeyClick(key, text, 0) }
    function candidates(count) {
        var model = InputContext.inputEngine.wordCandidateListModel
        var found = []
        for (var i = 0; i < Math.min(count, model.count); i++) found.push(model.dataAt(i, 0))
        return found.join(",")
    }
    function selectCandidate(index) {
        InputContext.inputEngine.wordCandidateListModel.selectItem(index)
        return true
    }
}
"""


_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def mark_sensitive(widget: QWidget) -> None:
    """Tell input methods not to learn from this field (``Qt.ImhSensitiveData``)."""
    hints = widget.inputMethodHints()
    if not hints & Qt.InputMethodHint.ImhSensitiveData:
        widget.setInputMethodHints(hints | Qt.InputMethodHint.ImhSensitiveData)


def _panel_engine() -> Any:
    """The QML engine of the keyboard's panel window, once the panel exists.

    The panel is the only Qt Quick window of the kiosk (the shell is widgets).
    """
    from PySide6.QtQml import qmlEngine
    from PySide6.QtQuick import QQuickWindow

    for window in QGuiApplication.topLevelWindows():
        if isinstance(window, QQuickWindow):
            for item in window.contentItem().childItems():
                engine = qmlEngine(item)
                if engine is not None:
                    return engine
    return None


class VirtualKeyboard(QObject):
    """Configures the keyboard on first appearance and keeps the focused field visible."""

    def __init__(self, window: MainWindow, session: CitizenSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._control: QObject | None = None
        self._component: QObject | None = None
        self._engine: QObject | None = None
        self._language = session.language
        method = QGuiApplication.inputMethod()
        method.keyboardRectangleChanged.connect(self._on_keyboard_geometry_changed)
        method.visibleChanged.connect(self._on_keyboard_visible_changed)
        session.preferences_changed.connect(self._on_session_preferences_changed)
        # Every text field is marked sensitive before the keyboard sees it:
        # Qt's pinyin engine then keeps its user dictionary off, so it never
        # learns (and offers the next citizen) a name or address typed here.
        QApplication.instance().installEventFilter(self)

    # --- configuration ----------------------------------------------------------
    @property
    def configured(self) -> bool:
        return self._control is not None

    def configure(self) -> bool:
        """Create the control object on the panel's engine (once the panel exists)."""
        if self._control is not None:
            return True
        engine = _panel_engine()
        if engine is None:
            return False
        from PySide6.QtQml import QQmlComponent

        # Both belong to the panel's engine and die with it: parenting them to
        # a widget-side object crashed at exit when Qt tore the panel down.
        component = QQmlComponent(engine)
        component.setData(_CONTROL_QML, QUrl("kiosk-keyboard-control.qml"))
        control = component.create()
        if control is None:
            log.warning("cannot control the on-screen keyboard: %s", component.errorString())
            return False
        control.setParent(engine)
        self._engine = engine
        self._component = component
        self._control = control
        self._call("configure", self._keyboard_locale())
        log.info("on-screen keyboard limited to %s", self.active_locales())
        return True

    def release(self) -> None:
        """Forget our control object (at exit, after the event loop ended).

        Nothing here may touch the input method any more: Qt has begun tearing
        the keyboard down once ``exec()`` returned, and calling it then crashed.
        """
        self._control = None
        self._component = None

    def active_locales(self) -> list[str]:
        return [x for x in str(self._call("activeLocales") or "").split(",") if x]

    def current_locale(self) -> str:
        return str(self._call("currentLocale") or "")

    def preedit_text(self) -> str:
        return str(self._call("preedit") or "")

    def key_click(self, key: int, text: str) -> bool:
        """Press one key of the keyboard as a finger would (automation and tests)."""
        return bool(self._call("keyClick", int(key), text))

    def candidates(self, count: int = 10) -> list[str]:
        """The first word candidates offered for the pinyin typed so far."""
        return [x for x in str(self._call("candidates", count) or "").split(",") if x]

    def select_candidate(self, index: int) -> None:
        """Touch the candidate at ``index`` in the candidate bar (commits it)."""
        self._call("selectCandidate", index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, _TEXT_INPUTS):
            mark_sensitive(watched)
        return False

    def _keyboard_locale(self) -> str:
        return _LOCALE_OF_LANGUAGE.get(self.session.language, "zh_CN")

    def _call(self, name: str, *args: Any) -> Any:
        if self._control is None:
            return None
        return QMetaObject.invokeMethod(
            self._control,
            name,
            Q_RETURN_ARG("QVariant"),
            *[Q_ARG("QVariant", a) for a in args],
        )

    def _on_session_preferences_changed(self) -> None:
        if self.session.language != self._language:
            self._language = self.session.language
            self._call("configure", self._keyboard_locale())

    # --- keeping the field visible ----------------------------------------------
    def keyboard_rect(self) -> QRect:
        """Where the keyboard is on the screen (empty when hidden).

        The panel window covers the screen from its top-left corner, so the
        rectangle Qt reports in panel coordinates is also in screen coordinates.
        """
        method = QGuiApplication.inputMethod()
        if not method.isVisible():
            return QRect()
        return method.keyboardRectangle().toAlignedRect()

    def _on_keyboard_visible_changed(self) -> None:
        if QGuiApplication.inputMethod().isVisible() and not self.configured:
            self.configure()
        self._on_keyboard_geometry_changed()

    def _on_keyboard_geometry_changed(self) -> None:
        rect = self.keyboard_rect()
        overlap = 0
        if not rect.isEmpty():
            window_bottom = self.window.mapToGlobal(self.window.rect().bottomLeft()).y()
            overlap = max(0, window_bottom - rect.top() + 1 + _GAP_PX)
        self.window.shell_layout.setContentsMargins(0, 0, 0, overlap)
        QTimer.singleShot(0, self, self._keep_focus_visible)

    def _keep_focus_visible(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None:
            return
        parent: QWidget | None = focused.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(focused, 0, _GAP_PX)
                return
            parent = parent.parentWidget()
