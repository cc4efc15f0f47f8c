"""Home: a large tile for every service of the hall."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.screen_registry import ANY, ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import KineticScrollArea, ReadAloudButton, TileButton, TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


class ServiceTile(NamedTuple):
    tile_id: str  # automation id home.<tile_id>
    screen_id: str  # the screen the tile opens (a coming-soon page until it exists)
    title: str  # source text (Chinese), translated in context "ServiceTile"
    detail: str


SERVICE_TILES: tuple[ServiceTile, ...] = (
    ServiceTile(
        "laws",
        "laws",
        QT_TRANSLATE_NOOP("ServiceTile", "法律法规"),
        QT_TRANSLATE_NOOP("ServiceTile", "按名称或关键词查法律条文"),
    ),
    ServiceTile(
        "practitioners",
        "practitioners",
        QT_TRANSLATE_NOOP("ServiceTile", "律师与机构"),
        QT_TRANSLATE_NOOP("ServiceTile", "律师、律所、公证、法律援助机构及其奖惩"),
    ),
    ServiceTile(
        "cases",
        "cases",
        QT_TRANSLATE_NOOP("ServiceTile", "案例与问答"),
        QT_TRANSLATE_NOOP("ServiceTile", "典型案例和常见法律问题"),
    ),
    ServiceTile(
        "guides",
        "guides",
        QT_TRANSLATE_NOOP("ServiceTile", "办事指南"),
        QT_TRANSLATE_NOOP("ServiceTile", "所需材料、办理流程和窗口"),
    ),
    ServiceTile(
        "consult",
        "consult",
        QT_TRANSLATE_NOOP("ServiceTile", "法律咨询"),
        QT_TRANSLATE_NOOP("ServiceTile", "留下您的问题，专业人员答复"),
    ),
    ServiceTile(
        "complaint",
        "complaint",
        QT_TRANSLATE_NOOP("ServiceTile", "投诉建议"),
        QT_TRANSLATE_NOOP("ServiceTile", "对法律服务的投诉和建议"),
    ),
    ServiceTile(
        "submissions",
        "submissions",
        QT_TRANSLATE_NOOP("ServiceTile", "我的办件"),
        QT_TRANSLATE_NOOP("ServiceTile", "查看回执、答复并评价"),
    ),
    ServiceTile(
        "handoff",
        "handoff",
        QT_TRANSLATE_NOOP("ServiceTile", "手机继续办"),
        QT_TRANSLATE_NOOP("ServiceTile", "扫码在微信小程序中继续办理"),
    ),
    ServiceTile(
        "idcard",
        "login",
        QT_TRANSLATE_NOOP("ServiceTile", "身份证登录"),
        QT_TRANSLATE_NOOP("ServiceTile", "刷身份证，免填个人信息"),
    ),
)


def service_title(screen_id: str) -> str:
    """The translated tile title of the service shown by ``screen_id`` (or the id)."""
    for tile in SERVICE_TILES:
        if tile.screen_id == screen_id:
            return translate("ServiceTile", tile.title)
    return screen_id


class HomeScreen(Screen):
    """Three columns of tiles; with large text two wider columns that scroll (reflow)."""

    screen_id = "home"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.setSpacing(24)
        self.greeting = make_label(role="heading", object_name="home.greeting")
        self.read_this = ReadAloudButton(services, self.spoken_text, "home.read_this")
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.greeting, 1)
        heading_row.addWidget(self.read_this)
        layout.addLayout(heading_row)
        content = QWidget()
        self.grid = QGridLayout(content)
        self.grid.setContentsMargins(0, 0, 0, 16)
        self.grid.setSpacing(SPACING_PX * 3)
        self.scroll = KineticScrollArea(content)
        self.scroll.setObjectName("home.scroll")
        layout.addWidget(self.scroll, 1)
        self.tiles: dict[str, TileButton] = {}
        for tile in SERVICE_TILES:
            button = TileButton(f"home.{tile.tile_id}")
            button.clicked.connect(lambda _=False, target=tile.screen_id: self.navigate(target))
            self.tiles[tile.tile_id] = button
        self._columns = 0
        self._arrange()
        services.session.preferences_changed.connect(self._arrange)
        # The newest announcement of the hall, one tap from the full list.
        self.news_button = TouchButton("home.announcements")
        self.news_button.clicked.connect(lambda: self.navigate("announcements"))
        self.news_button.hide()
        layout.addWidget(self.news_button)
        content_service = services.content
        if content_service is not None and hasattr(content_service, "ready"):
            content_service.ready.connect(self._update_news)
        self.retranslate()

    def _arrange(self) -> None:
        large = self.services.session.large_text
        columns = 2 if large else 3
        for button in self.tiles.values():
            button.setMinimumHeight(300 if large else 200)
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.tiles.values():
            self.grid.removeWidget(button)
        for index, tile in enumerate(SERVICE_TILES):
            self.grid.addWidget(self.tiles[tile.tile_id], index // columns, index % columns)

    def title(self) -> str:
        return translate("HomeScreen", "首页")

    def enter(self, **params: Any) -> None:
        self._update_news()

    def _newest_announcement(self) -> str:
        content = self.services.content
        if content is None or not getattr(content, "is_ready", False):
            return ""
        try:
            items = content.announcements(limit=1)
        except Exception:  # Home must stay up whatever the content does
            log.exception("announcements unavailable")
            return ""
        return str(getattr(items[0], "title", "")) if items else ""

    def _update_news(self) -> None:
        newest = self._newest_announcement()
        self.news_button.setVisible(bool(newest))
        if newest:
            self.news_button.setText(
                translate("HomeScreen", "通知公告：%1（点击查看全部）").replace("%1", newest)
            )

    def retranslate(self) -> None:
        self.greeting.setText(translate("HomeScreen", "您好！请选择要办理的服务"))
        self._update_news()
        for tile in SERVICE_TILES:
            self.tiles[tile.tile_id].set_texts(
                translate("ServiceTile", tile.title), translate("ServiceTile", tile.detail)
            )

    def spoken_text(self) -> str:
        lines = [self.greeting.text()]
        if self.news_button.isVisibleTo(self):
            lines.append(self.news_button.text())
        for tile in SERVICE_TILES:
            lines.append(
                f"{translate('ServiceTile', tile.title)}：{translate('ServiceTile', tile.detail)}"
            )
        return "\n".join(lines)


def register(registry: ScreenRegistry) -> None:
    registry.add(HomeScreen.screen_id, HomeScreen)
    registry.allow(ANY, HomeScreen.screen_id)
    registry.allow(HomeScreen.screen_id, *(tile.screen_id for tile in SERVICE_TILES))
    registry.allow(HomeScreen.screen_id, "announcements")
