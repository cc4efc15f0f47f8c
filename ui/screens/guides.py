"""Service guides: one large tile per service, and the way to the hall map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen
from ui.screen_registry import ScreenRegistry
from ui.theme import SPACING_PX
from ui.widgets import TileButton, TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import GuideView

translate = QCoreApplication.translate


class GuidesScreen(LookupScreen):
    screen_id = "guides"
    columns = 3

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.guides: list[GuideView] = []
        self.tiles: list[TileButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 28, 48, 32)
        layout.setSpacing(24)
        top = QHBoxLayout()
        self.heading = make_label(role="heading", object_name="guides.heading")
        top.addWidget(self.heading, 1)
        self.map_button = TouchButton("guides.hall_map", role="primary")
        self.map_button.setMinimumWidth(320)
        self.map_button.clicked.connect(lambda: self.navigate("hall_map"))
        top.addWidget(self.map_button)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING_PX * 3)
        layout.addLayout(self.grid, 1)
        self.retranslate()

    def title(self) -> str:
        return translate("GuidesScreen", "办事指南")

    def retranslate(self) -> None:
        self.heading.setText(translate("GuidesScreen", "请选择要办理的事项"))
        self.map_button.setText(translate("GuidesScreen", "大厅窗口分布图"))

    def refresh(self) -> None:
        guides = [] if self.show_notice() else self.content.guides()
        if [g.id for g in guides] == [g.id for g in self.guides] and self.tiles:
            return
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()  # gone from the screen now, deleted later
            tile.deleteLater()
        self.tiles = []
        self.guides = guides
        for number, guide in enumerate(guides):
            tile = TileButton(f"guides.guide_{number + 1}")
            detail = " · ".join(p for p in (guide.window, guide.phone) if p)
            tile.set_texts(guide.title, detail)
            tile.clicked.connect(lambda _=False, gid=guide.id: self.navigate("guide", id=gid))
            self.grid.addWidget(tile, number // self.columns, number % self.columns)
            self.tiles.append(tile)

    def spoken_text(self) -> str:
        lines = [self.title(), self.heading.text(), self.notice.text()]
        lines += [f"{g.title}，{g.window}" for g in self.guides]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(GuidesScreen.screen_id, GuidesScreen)
    registry.allow(GuidesScreen.screen_id, "guide", "hall_map")
