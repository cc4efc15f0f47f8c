"""A service that is not open yet: says so calmly and offers the way back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.screens.home import service_title
from ui.widgets import ReadAloudButton, TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate


class ComingSoonScreen(Screen):
    screen_id = "coming_soon"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._service = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 120, 160, 120)
        layout.setSpacing(32)
        layout.addStretch(1)
        self.heading = make_label(role="heading", object_name="coming_soon.heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = make_label(object_name="coming_soon.message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.home_button = TouchButton("coming_soon.home", role="primary")
        self.home_button.setMinimumWidth(360)
        self.home_button.clicked.connect(self.go_home)
        self.read_this = ReadAloudButton(services, self.spoken_text, "coming_soon.read_this")
        row.addWidget(self.read_this)
        row.addSpacing(24)
        row.addWidget(self.home_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def enter(self, **params: Any) -> None:
        self._service = str(params.get("service", ""))
        self.retranslate()

    def title(self) -> str:
        return (
            service_title(self._service) if self._service else translate("ComingSoon", "即将开通")
        )

    def retranslate(self) -> None:
        name = service_title(self._service) if self._service else ""
        self.heading.setText(
            translate("ComingSoon", "「%1」即将开通").replace("%1", name)
            if name
            else translate("ComingSoon", "该服务即将开通")
        )
        self.message.setText(
            translate(
                "ComingSoon",
                "这项服务正在准备中，敬请期待。需要帮助请到服务窗口咨询，或拨打 %1。",
            ).replace("%1", str(self.services.settings["kiosk.hall_phone"]))
        )
        self.home_button.setText(translate("ComingSoon", "返回首页"))


def register(registry: ScreenRegistry) -> None:
    registry.add(ComingSoonScreen.screen_id, ComingSoonScreen)
