"""Run under a real X server by test_virtual_keyboard.py: the kiosk with a form whose field
sits at the very bottom; focus it, type pinyin on the on-screen keyboard, print what happened.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable

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
    screen_id = "keyboard_probe"

    def __init__(self, services: object, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)  # type: ignore[arg-type]
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.field = BigLineEdit("probe.field")
        # As a plain field would be: the kiosk must protect it by itself.
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhNone)
        layout.addWidget(self.field)


def main() -> int:
    app = create_application()
    services = build_services(load_settings(environ={}))
    kiosk = Kiosk(app, services)
    registry: ScreenRegistry = kiosk.window.manager.registry
    registry.add("keyboard_probe", BottomFieldScreen)
    registry.allow("home", "keyboard_probe")
    kiosk.window.manager.navigate("keyboard_probe")
    screen = kiosk.window.manager.current_screen
    assert isinstance(screen, BottomFieldScreen)
    keyboard = kiosk.keyboard
    assert keyboard is not None
    result: dict[str, object] = {}
    field = screen.field

    def when(condition: Callable[[], bool], then: Callable[[], None], waited_ms: int = 0) -> None:
        """Run ``then`` once ``condition`` holds, polling; after 20 s run it anyway
        (the test then sees what state things were in)."""
        if condition() or waited_ms >= 20_000:
            then()
        else:
            QTimer.singleShot(20, lambda: when(condition, then, waited_ms + 20))

    def field_bottom() -> int:
        return field.mapToGlobal(field.rect().bottomLeft()).y()

    def focus() -> None:
        kiosk.window.activateWindow()
        field.setFocus()
        QGuiApplication.inputMethod().show()
        when(
            lambda: (
                QGuiApplication.inputMethod().isVisible()
                and keyboard.configured
                and keyboard.current_locale() == "zh_CN"
            ),
            type_pinyin,
        )

    def type_pinyin() -> None:
        result["locales"] = keyboard.active_locales()
        services.session.set_language("en")
        result["locale_in_english"] = keyboard.current_locale()
        services.session.set_language("zh_CN")
        result["locale"] = keyboard.current_locale()
        for letter in "falv":
            keyboard.key_click(ord(letter.upper()), letter)
        result["preedit"] = keyboard.preedit_text()
        keyboard.key_click(int(Qt.Key.Key_Space), " ")
        when(lambda: bool(field.text()), compose_a_name)

    def compose_a_name() -> None:
        # A rare name picked character by character is what the pinyin engine
        # would learn and offer the next citizen, were its user dictionary on.
        for letter in "xiaoming":
            keyboard.key_click(ord(letter.upper()), letter)
        for wanted in ("筱", "茗"):
            offered = keyboard.candidates(40)
            if wanted in offered:
                keyboard.select_candidate(offered.index(wanted))
        result["composed"] = field.text()
        for letter in "xiaoming":
            keyboard.key_click(ord(letter.upper()), letter)
        result["offered_again"] = keyboard.candidates(10)
        keyboard.select_candidate(0)
        when(lambda: field_bottom() < keyboard.keyboard_rect().top(), report)

    def report() -> None:
        rect = keyboard.keyboard_rect()
        result.update(
            text=field.text(),
            field_bottom=field_bottom(),
            keyboard_top=rect.top(),
            keyboard_height=rect.height(),
        )
        result["keyboard_visible_before_countdown"] = QGuiApplication.inputMethod().isVisible()
        kiosk.window.idle_overlay.show_countdown(20)
        when(lambda: not QGuiApplication.inputMethod().isVisible(), during_countdown)

    def during_countdown() -> None:
        result["keyboard_visible_during_countdown"] = QGuiApplication.inputMethod().isVisible()
        services.session.finish()
        when(lambda: kiosk.window.manager.current_id == "attract", after_wipe)

    def after_wipe() -> None:
        result["text_after_wipe"] = field.text()
        result["screen_after_wipe"] = kiosk.window.manager.current_id
        print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
        kiosk.window.allow_close()
        app.exit(0)

    QTimer.singleShot(0, focus)
    QTimer.singleShot(90_000, lambda: app.exit(3))
    code = int(app.exec())
    kiosk.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
