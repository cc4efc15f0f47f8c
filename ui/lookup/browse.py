"""The browse-and-search layout of the laws and the cases screens.

Categories in a scrolled column on the left; on the right a search bar, a
one-line summary, the content notice and the result cards. The two screens
differ only in the column's width, the summary's look and what a category does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, scroll_area
from ui.lookup.cards import CardListView
from ui.lookup.controls import ChoiceGroup, SearchBar
from ui.widgets import make_label


class BrowseScreen(LookupScreen):
    """A lookup screen with a category column and a searchable result list."""

    def build_browse_layout(
        self, side_width: int, summary_role: str, on_category: Callable[[Any], None]
    ) -> None:
        prefix = self.screen_id
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(32)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 16, 0)
        side_layout.setSpacing(16)
        self.categories_heading = make_label(
            role="subheading", object_name=f"{prefix}.categories_heading"
        )
        side_layout.addWidget(self.categories_heading)
        self.categories = ChoiceGroup(f"{prefix}.category", columns=1)
        self.categories.changed.connect(on_category)
        side_layout.addWidget(self.categories)
        side_layout.addStretch(1)
        side_scroll = scroll_area(side, f"{prefix}.categories_scroll")
        side_scroll.setFixedWidth(side_width)
        outer.addWidget(side_scroll)
        main = QVBoxLayout()
        main.setSpacing(16)
        self.search = SearchBar(prefix)
        self.search.query_changed.connect(self._on_query)
        main.addWidget(self.search)
        self.summary = make_label(role=summary_role, object_name=f"{prefix}.summary")
        main.addWidget(self.summary)
        main.addWidget(self.notice)
        self.results = CardListView(
            f"{prefix}.results", lambda: self.services.session.high_contrast
        )
        self.results.card_activated.connect(self._open)
        main.addWidget(self.results, 1)
        outer.addLayout(main, 1)
        if self.content is not None and hasattr(self.content, "search_finished"):
            self.content.search_finished.connect(self._on_results)

    def _on_query(self, query: str) -> None:
        raise NotImplementedError

    def _open(self, card: Any) -> None:
        raise NotImplementedError

    def _on_results(self, request_id: int, results: Any) -> None:
        raise NotImplementedError
