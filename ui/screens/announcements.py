"""Announcements of the hall (通知公告): newest first, expired ones hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen
from ui.lookup.cards import Card, CardListView
from ui.screen_registry import ANY, ScreenRegistry
from ui.widgets import make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import AnnouncementView

translate = QCoreApplication.translate


class AnnouncementsScreen(LookupScreen):
    screen_id = "announcements"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.items: list[AnnouncementView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(16)
        row = QHBoxLayout()
        self.heading = make_label(role="heading", object_name="announcements.heading")
        row.addWidget(self.heading, 1)
        self.read_button = self.make_read_aloud_button()
        row.addWidget(self.read_button)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        self.empty = make_label(role="body", object_name="announcements.empty")
        layout.addWidget(self.empty)
        self.list = CardListView("announcements.list", lambda: services.session.high_contrast)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def title(self) -> str:
        return translate("AnnouncementsScreen", "通知公告")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.read_button.setText(translate("AnnouncementsScreen", "朗读"))
        self.list.setAccessibleName(translate("AnnouncementsScreen", "通知公告列表"))
        self.empty.setText(translate("AnnouncementsScreen", "目前没有新的通知公告。"))

    def refresh(self) -> None:
        self.items = [] if self.show_notice() else self.content.announcements()
        self.list.cards.set_cards(
            [Card(a.title, a.body, a.published_on, payload=a) for a in self.items]
        )
        self.empty.setVisible(self.content_ready() and not self.items)

    def spoken_text(self) -> str:
        lines = [self.title()]
        if not self.items:
            lines.append(self.notice.text() or self.empty.text())
        for item in self.items:
            lines += [item.title, item.body]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(AnnouncementsScreen.screen_id, AnnouncementsScreen)
    registry.allow(ANY, AnnouncementsScreen.screen_id)
