"""The on-screen keyboard (Qt Virtual Keyboard): pinyin and English, never over the field.

The keyboard itself is Qt's input-method plugin, chosen by
``QT_IM_MODULE=qtvirtualkeyboard`` before the QApplication exists. This module
limits it to Simplified Chinese pinyin and English (through the QML singleton
``VirtualKeyboardSettings``, which writes Qt's process-wide keyboard settings),
follows the kiosk language, and shrinks the shell by the keyboard's height so
the focused field stays visible above it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.session import CitizenSession
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

KEYBOARD_LOCALES = ("zh_CN", "en_US")
_LOCALE_OF_LANGUAGE = {"zh_CN": "zh_CN", "en": "en_US"}
_GAP_PX = 24

_SETTINGS_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard.Settings

QtObject {
    property string locale: "zh_CN"
    onLocaleChanged: VirtualKeyboardSettings.locale = locale
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = locale
    }
}
"""


class VirtualKeyboard(QObject):
    def __init__(self, window: MainWindow, session: CitizenSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._settings_object: QObject | None = None
        self._engine: QObject | None = None
        self._language = session.language
        method = QGuiApplication.inputMethod()
        method.keyboardRectangleChanged.connect(self._on_keyboard_geometry_changed)
        method.visibleChanged.connect(self._on_keyboard_geometry_changed)
        session.preferences_changed.connect(self._on_session_preferences_changed)
        # The QML engine costs time: build it after Home is on screen.
        QTimer.singleShot(0, self.configure)

    def configure(self) -> None:
        """Restrict the keyboard to pinyin and English and set the current language."""
        if self._settings_object is not None:
            return
        try:
            from PySide6.QtQml import QQmlComponent, QQmlEngine

            engine = QQmlEngine(self)
            component = QQmlComponent(engine)
            component.setData(_SETTINGS_QML, QUrl("kiosk-keyboard-settings.qml"))
            created = component.create()
            if created is None:
                log.warning("keyboard settings unavailable: %s", component.errorString())
                return
            self._engine = engine
            self._settings_object = created
            self._apply_language()
        except Exception:
            log.exception("configuring the on-screen keyboard failed")

    @property
    def locale(self) -> str:
        if self._settings_object is None:
            return ""
        return str(self._settings_object.property("locale"))

    def _apply_language(self) -> None:
        if self._settings_object is not None:
            self._settings_object.setProperty(
                "locale", _LOCALE_OF_LANGUAGE.get(self.session.language, "zh_CN")
            )

    def _on_session_preferences_changed(self) -> None:
        if self.session.language != self._language:
            self._language = self.session.language
            self._apply_language()

    def keyboard_rect(self) -> QRectF:
        """Where the keyboard is, in global screen coordinates (empty when hidden)."""
        method = QGuiApplication.inputMethod()
        if not method.isVisible():
            return QRectF()
        return method.keyboardRectangle()

    def _on_keyboard_geometry_changed(self) -> None:
        rect = self.keyboard_rect()
        window_bottom = self.window.mapToGlobal(self.window.rect().bottomLeft()).y()
        overlap = 0
        if not rect.isEmpty():
            overlap = max(0, int(window_bottom - rect.top()) + 1)
        self.window.shell_layout.setContentsMargins(0, 0, 0, overlap)
        QTimer.singleShot(0, self._keep_focus_visible)

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
