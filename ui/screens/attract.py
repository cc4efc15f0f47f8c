"""The attract screen between sessions: rotating announcements and "touch to start"."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

ROTATE_EVERY_MS = 8000


def _announcement_text(item: Any) -> str:
    """An announcement of the content service as one text (str, dict or object)."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        title, body = item.get("title", ""), item.get("body", "")
    else:
        title, body = getattr(item, "title", ""), getattr(item, "body", "")
    return f"{title}\n{body}".strip()


class AttractScreen(Screen):
    screen_id = "attract"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 120, 160, 120)
        layout.setSpacing(40)
        self.hall = make_label(role="display", object_name="attract.hall")
        self.hall.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hall)
        layout.addStretch(1)
        self.announcement = make_label(role="lead", object_name="attract.announcement")
        self.announcement.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.announcement.setWordWrap(True)
        layout.addWidget(self.announcement)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.start_button = TouchButton("attract.start", role="primary")
        self.start_button.setMinimumSize(640, 140)
        self.start_button.clicked.connect(self._start)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        # Sessions start in Chinese; visitors who read English learn at once
        # that they can switch. Deliberately not translated.
        self.other_language = make_label(role="muted", object_name="attract.other_language")
        self.other_language.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.other_language)
        self._timer = QTimer(self)
        self._timer.setInterval(ROTATE_EVERY_MS)
        self._timer.timeout.connect(self.rotate)
        self.retranslate()

    def title(self) -> str:
        return str(self.services.settings["kiosk.hall_name"])

    def announcements(self) -> list[str]:
        """From the content service when it has them, else the built-in welcome."""
        content = self.services.content
        if content is not None and hasattr(content, "announcements"):
            try:
                found = [_announcement_text(a) for a in content.announcements()]
            except Exception:  # the attract screen must stay up whatever the content does
                log.exception("announcements unavailable")
                found = []
            found = [text for text in found if text]
            if found:
                return found
        return [
            translate("AttractScreen", "欢迎使用公共法律服务自助终端"),
            translate("AttractScreen", "查法律、找律师、看案例、办咨询，一站式自助服务"),
            translate("AttractScreen", "所有服务免费。离开时请点击「结束」，您的信息将被清除"),
        ]

    def rotate(self) -> None:
        items = self.announcements()
        self._index = (self._index + 1) % len(items)
        self.announcement.setText(items[self._index])

    def enter(self, **params: Any) -> None:
        self._index = 0
        self.announcement.setText(self.announcements()[0])
        self._timer.start()

    def leave(self) -> None:
        self._timer.stop()

    def retranslate(self) -> None:
        self.hall.setText(self.title())
        items = self.announcements()
        self.announcement.setText(items[self._index % len(items)])
        self.start_button.setText(translate("AttractScreen", "轻触屏幕开始"))
        self.other_language.setText(
            "Touch to start · English: tap EN at the top"
            if self.services.session.language == "zh_CN"
            else "轻触屏幕开始 · 中文：点击顶部的「中文」"
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Anywhere on the screen starts, not only the button.
        self._start()
        event.accept()

    def _start(self) -> None:
        self.services.session.touch()
        self.go_home()


def register(registry: ScreenRegistry) -> None:
    registry.add(AttractScreen.screen_id, AttractScreen, top_bar=False, in_history=False)
