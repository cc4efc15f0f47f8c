"""The calm screen shown after an unexpected error, before returning to Home."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.widgets import make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate

RETURN_HOME_AFTER_MS = 3000


class RecoveryScreen(Screen):
    screen_id = "recovery"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = make_label(role="heading", object_name="recovery.heading")
        self.message = make_label(object_name="recovery.message")
        for label in (self.heading, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETURN_HOME_AFTER_MS)
        self._timer.timeout.connect(self.go_home)
        self.retranslate()

    def title(self) -> str:
        return translate("RecoveryScreen", "系统正在恢复")

    def enter(self, **params: Any) -> None:
        self._timer.start()

    def leave(self) -> None:
        self._timer.stop()

    def retranslate(self) -> None:
        self.heading.setText(translate("RecoveryScreen", "系统正在恢复"))
        self.message.setText(
            translate("RecoveryScreen", "请稍候，马上为您回到首页。您已提交的内容不会丢失。")
        )


def register(registry: ScreenRegistry) -> None:
    registry.add(RecoveryScreen.screen_id, RecoveryScreen, top_bar=False, in_history=False)
