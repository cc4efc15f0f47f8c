"""Typical cases and legal Q&A: browse by category or search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.lookup.browse import BrowseScreen
from ui.lookup.cards import Card
from ui.screen_registry import ScreenRegistry
from ui.screens.laws import empty_search_text

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate


def kind_label(kind: str) -> str:
    return translate("CasesScreen", "问答") if kind == "faq" else translate("CasesScreen", "案例")


class CasesScreen(BrowseScreen):
    screen_id = "cases"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._request = 0
        self.build_browse_layout(360, "body", lambda _v: self._on_category())
        self.retranslate()

    def title(self) -> str:
        return translate("CasesScreen", "案例与问答")

    def retranslate(self) -> None:
        self.search.retranslate()
        self.search.set_placeholder(
            translate("CasesScreen", "搜索案例和问答"),
            translate("CasesScreen", "输入您遇到的问题，如：拖欠工资怎么办"),
        )
        self.categories_heading.setText(translate("CasesScreen", "按类别浏览"))
        self.categories.set_all_label(translate("CasesScreen", "全部"))
        self.results.setAccessibleName(translate("CasesScreen", "案例和问答列表"))
        self._summarise(searched=False)

    def refresh(self) -> None:
        if self.show_notice():
            self.results.cards.clear()
            self.summary.setText("")
            return
        chosen = self.categories.value()
        self.categories.set_choices(
            [(c, c) for c in self.content.entry_categories()], translate("CasesScreen", "全部")
        )
        self.categories.select(chosen, notify=False)
        query = str(self._params.get("query", "")) or self.search.query()
        if query != self.search.query():
            self.search.field.setText(query)
        self._on_query(query)

    def _on_category(self) -> None:
        self.search.field.setText("")
        self._on_query("")

    def _on_query(self, query: str) -> None:
        if not self.content_ready():
            return
        if query:
            self._request = self.content.request_search(query, ("case", "faq"), channel="cases")
            self.summary.setText(translate("LookupScreen", "正在搜索……"))
            return
        self._request = 0
        category = self.categories.value()
        entries = self.content.entries(str(category) if category else None)
        self.results.cards.set_cards(
            [
                Card(e.title, e.summary, f"{kind_label(e.type)} · {e.category}", payload=e)
                for e in entries
            ]
        )
        self._summarise(searched=False)

    def _on_results(self, request_id: int, results: list[Any]) -> None:
        if request_id != self._request:
            return
        self.results.cards.set_cards(
            [Card(hit.title, hit.snippet, kind_label(hit.type), payload=hit) for hit in results]
        )
        self._summarise(searched=True)

    def _summarise(self, searched: bool) -> None:
        count = self.results.cards.rowCount()
        query = self.search.query()
        self.results.setVisible(count > 0 or not searched)
        if searched and query and count == 0:
            self.summary.setText(empty_search_text(query))
        elif count:
            self.summary.setText(
                translate("CasesScreen", "共 %1 条，点击查看详情").replace("%1", str(count))
            )
        else:
            self.summary.setText("")

    def _open(self, card: Card) -> None:
        item = card.payload
        self.navigate("case", type=item.type, id=item.id)

    def wipe(self) -> None:
        super().wipe()
        self._request = 0
        self._params = {}
        self.categories.select(None, notify=False)
        self.results.cards.clear()
        self.summary.setText("")

    def spoken_text(self) -> str:
        lines = [self.title(), self.summary.text()]
        lines += [c.title for c in self.results.cards.cards()[:5]]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(CasesScreen.screen_id, CasesScreen)
    registry.allow(CasesScreen.screen_id, "case")
