"""Run under a real X server by test_virtual_keyboard.py: the kiosk with a form whose field
sits at the very bottom; focus it, type pinyin on the on-screen keyboard, print what happened.
"""

from __future__ import annotations

import json
import os
import sys

os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.app import build_services
from kiosk.settings import load_settings
from ui.application import Kiosk, create_application
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.widgets import BigLineEdit


class BottomFieldScreen(Screen):
    screen_id = "consult"

    def __init__(self, services: object, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)  # type: ignore[arg-type]
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.field = BigLineEdit("probe.field")
        layout.addWidget(self.field)


def main() -> int:
    app = create_application()
    services = build_services(load_settings(environ={}))
    kiosk = Kiosk(app, services)
    registry: ScreenRegistry = kiosk.window.manager.registry
    if not registry.has("consult"):
        registry.add("consult", BottomFieldScreen)
    kiosk.window.manager.navigate("consult")
    screen = kiosk.window.manager.current_screen
    assert isinstance(screen, BottomFieldScreen)
    keyboard = kiosk.keyboard
    assert keyboard is not None
    result: dict[str, object] = {}
    field = screen.field

    def focus() -> None:
        kiosk.window.activateWindow()
        field.setFocus()
        QGuiApplication.inputMethod().show()

    def wait_keyboard() -> None:
        if not (QGuiApplication.inputMethod().isVisible() and keyboard.configured):
            QTimer.singleShot(100, wait_keyboard)
            return
        QTimer.singleShot(300, type_pinyin)

    def type_pinyin() -> None:
        result["locales"] = keyboard.active_locales()
        result["locale"] = keyboard.current_locale()
        for letter in "falv":
            keyboard.key_click(ord(letter.upper()), letter)
        result["preedit"] = keyboard.preedit_text()
        keyboard.key_click(int(Qt.Key.Key_Space), " ")
        QTimer.singleShot(300, report)

    def report() -> None:
        app.processEvents()
        rect = keyboard.keyboard_rect()
        bottom = field.mapToGlobal(field.rect().bottomLeft()).y()
        result.update(
            text=field.text(),
            field_bottom=bottom,
            keyboard_top=rect.top(),
            keyboard_height=rect.height(),
        )
        print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
        kiosk.window.allow_close()
        app.exit(0)

    QTimer.singleShot(200, focus)
    QTimer.singleShot(300, wait_keyboard)
    QTimer.singleShot(60_000, lambda: app.exit(3))
    code = int(app.exec())
    kiosk.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
