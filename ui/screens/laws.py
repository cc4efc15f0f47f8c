"""Laws: browse by category, or search articles as the citizen types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.lookup.browse import BrowseScreen
from ui.lookup.cards import Card
from ui.screen_registry import ScreenRegistry

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate


def empty_search_text(query: str) -> str:
    """What to try when a search finds nothing: never a blank list."""
    return translate(
        "LookupScreen",
        "没有找到与「%1」相关的内容。可以试试：换一个说法（如“离婚”“工资”），"
        "只输入一两个关键词，或点上方的常见问题。",
    ).replace("%1", query)


class LawsScreen(BrowseScreen):
    screen_id = "laws"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._request = 0
        self._category: str | None = None
        self.build_browse_layout(400, "muted", self._on_category)
        self.retranslate()

    def title(self) -> str:
        return translate("LawsScreen", "法律法规")

    def retranslate(self) -> None:
        self.search.retranslate()
        self.search.set_placeholder(
            translate("LawsScreen", "搜索法律条文"),
            translate("LawsScreen", "输入问题或法律名称，如：离婚冷静期、民法典1077"),
        )
        self.categories_heading.setText(translate("LawsScreen", "按类别浏览"))
        self.results.setAccessibleName(translate("LawsScreen", "法律和条文列表"))
        self._update_summary()

    def refresh(self) -> None:
        if self.show_notice():
            self.results.cards.clear()
            self.summary.setText("")
            return
        categories = self.content.law_categories()
        self.categories.set_choices(
            [(name, f"{name}（{count}）") for name, count in categories], None
        )
        if self._category is None and categories:
            self._category = categories[0][0]
        self.categories.select(self._category, notify=False)
        query = str(self._params.get("query", "")) or self.search.query()
        if query != self.search.query():
            self.search.field.setText(query)
        self._on_query(query)

    def _on_category(self, category: Any) -> None:
        self._category = str(category) if category else None
        self.search.field.setText("")
        self._on_query("")

    def _on_query(self, query: str) -> None:
        if not self.content_ready():
            return
        if query:
            self._request = self.content.request_search(query, "law", channel="laws")
            self.summary.setText(translate("LookupScreen", "正在搜索……"))
            return
        self._request = 0
        category = self._category or ""
        content = self.content

        def fetch(offset: int, limit: int) -> list[Card]:
            return [
                Card(
                    law.title,
                    translate("LawsScreen", "共 %1 条 · %2施行")
                    .replace("%1", str(law.article_count))
                    .replace("%2", law.effective_on or "—"),
                    law.status_label,
                    payload=law,
                    badge_alert=law.status in ("repealed", "not_yet_effective"),
                )
                for law in content.laws_in_category(category, offset, limit)
            ]

        self.results.cards.set_source(fetch)
        self._update_summary()

    def _on_results(self, request_id: int, results: list[Any]) -> None:
        if request_id != self._request:
            return  # an older search, overtaken by what the citizen typed since
        cards = [
            Card(
                f"{hit.law_title or hit.title}  {hit.article_label}".strip(),
                hit.snippet,
                payload=hit,
            )
            for hit in results
        ]
        self.results.cards.set_cards(cards)
        self._update_summary(searched=True)

    def _update_summary(self, searched: bool = False) -> None:
        query = self.search.query()
        count = self.results.cards.rowCount()
        # No empty frame under "nothing found": the message and the chips are the page.
        self.results.setVisible(count > 0 or not searched)
        if searched and query and count == 0:
            self.summary.setText(empty_search_text(query))
        elif searched and query:
            self.summary.setText(
                translate("LawsScreen", "找到 %1 条相关条文，点击查看全文").replace(
                    "%1", str(count)
                )
            )
        elif self._category:
            self.summary.setText(
                translate("LawsScreen", "%1：点击一部法律查看目录和条文").replace(
                    "%1", self._category
                )
            )
        else:
            self.summary.setText("")

    def _open(self, card: Card) -> None:
        item = card.payload
        if getattr(item, "type", "") == "law" and getattr(item, "article_no", None) is not None:
            self.navigate("article", law_id=item.law_id, no=item.article_no, sub=item.article_sub)
        elif hasattr(item, "article_count"):
            self.navigate("law", law_id=item.id)

    def wipe(self) -> None:
        """The next citizen starts from the first category with nothing typed."""
        super().wipe()
        self._request = 0
        self._category = None
        self._params = {}
        self.results.cards.clear()
        self.summary.setText("")

    def spoken_text(self) -> str:
        lines = [self.title(), self.summary.text()]
        lines += [c.title for c in self.results.cards.cards()[:5]]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(LawsScreen.screen_id, LawsScreen)
    registry.allow(LawsScreen.screen_id, "law", "article")
