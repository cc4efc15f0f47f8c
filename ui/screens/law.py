"""One law: status badge, dates and issuer, its table of contents and its articles.

Opening it reads the law's outline only (labels and headings, no text); the
article list fetches pages from the section the citizen picks, so a law of
1,260 articles opens as fast as a short one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, set_badge
from ui.lookup.cards import Card, CardListView
from ui.screen_registry import ScreenRegistry
from ui.widgets import BigLineEdit, TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import LawView

translate = QCoreApplication.translate


def article_preview(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


class LawScreen(LookupScreen):
    screen_id = "law"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.law: LawView | None = None
        self._start = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 20)
        layout.setSpacing(12)
        self.heading = make_label(role="heading", object_name="law.heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        badge_row = QHBoxLayout()
        badge_row.setSpacing(16)
        self.status = make_label(role="badge", object_name="law.status")
        self.status.setProperty("online", True)
        badge_row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.meta = make_label(role="muted", object_name="law.meta")
        badge_row.addWidget(self.meta, 1)
        layout.addLayout(badge_row)
        jump_row = QHBoxLayout()
        jump_row.setSpacing(16)
        self.jump_field = BigLineEdit("law.jump_field")
        self.jump_field.setMaxLength(20)
        self.jump_field.returnPressed.connect(self.jump)
        self.jump_button = TouchButton("law.jump", role="primary")
        self.jump_button.clicked.connect(self.jump)
        self.jump_message = make_label(role="body", object_name="law.jump_message")
        jump_row.addWidget(self.jump_field, 1)
        jump_row.addWidget(self.jump_button)
        jump_row.addWidget(self.jump_message, 1)
        layout.addLayout(jump_row)
        layout.addWidget(self.notice)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        toc_column = QVBoxLayout()
        self.toc_heading = make_label(role="subheading", object_name="law.toc_heading")
        toc_column.addWidget(self.toc_heading)
        contrast = lambda: services.session.high_contrast  # noqa: E731
        self.toc = CardListView("law.toc", contrast)
        self.toc.card_activated.connect(self._on_toc)
        toc_column.addWidget(self.toc, 1)
        columns.addLayout(toc_column, 2)
        articles_column = QVBoxLayout()
        self.articles_heading = make_label(role="subheading", object_name="law.articles_heading")
        articles_column.addWidget(self.articles_heading)
        self.articles = CardListView("law.articles", contrast)
        self.articles.card_activated.connect(self._on_article)
        articles_column.addWidget(self.articles, 1)
        columns.addLayout(articles_column, 3)
        layout.addLayout(columns, 1)
        self.retranslate()

    def title(self) -> str:
        return self.law.title if self.law else translate("LawScreen", "法律全文")

    def retranslate(self) -> None:
        self.jump_field.set_label(
            translate("LawScreen", "跳到第几条"),
            translate("LawScreen", "输入条号，如 1077 或 第一千零七十七条"),
        )
        self.jump_button.setText(translate("LawScreen", "查看该条"))
        self.toc_heading.setText(translate("LawScreen", "目录"))
        self.articles_heading.setText(translate("LawScreen", "条文"))
        self.toc.setAccessibleName(translate("LawScreen", "目录：编、章、节"))
        self.articles.setAccessibleName(translate("LawScreen", "条文列表"))
        self._show_meta()

    def refresh(self) -> None:
        self.jump_message.setText("")
        if self.show_notice():
            self.law = None
            self.toc.cards.clear()
            self.articles.cards.clear()
            self.heading.setText(self.title())
            return
        law_id = str(self._params.get("law_id", ""))
        self.law = self.content.law(law_id) if law_id else None
        if self.law is None:
            self.heading.setText(translate("LawScreen", "没有找到这部法律"))
            self.notice.setText(
                translate("LawScreen", "请返回法律法规页面，按类别查找或输入名称搜索。")
            )
            self.notice.show()
            self.toc.cards.clear()
            self.articles.cards.clear()
            self._show_meta()
            return
        self.heading.setText(self.law.title)
        self._show_meta()
        toc_cards = [
            Card(entry.heading, payload=entry, indent=entry.level) for entry in self.law.toc
        ]
        if not toc_cards:
            toc_cards = [Card(translate("LawScreen", "本法不分章节，请直接查看条文"), payload=None)]
        self.toc.cards.set_cards(toc_cards)
        self.show_articles_from(int(self._params.get("position", 0) or 0))
        self.title_changed.emit(self.title())

    def _show_meta(self) -> None:
        law = self.law
        if law is None:
            self.status.setText("")
            self.status.hide()
            self.meta.setText("")
            return
        set_badge(self.status, law.status_label, good=law.status == "in_force")
        parts = [law.category, law.issuer]
        if law.promulgated_on:
            parts.append(translate("LawScreen", "%1公布").replace("%1", law.promulgated_on))
        if law.effective_on:
            parts.append(translate("LawScreen", "%1施行").replace("%1", law.effective_on))
        parts.append(translate("LawScreen", "共 %1 条").replace("%1", str(law.article_count)))
        self.meta.setText(" · ".join(p for p in parts if p))

    def show_articles_from(self, position: int) -> None:
        """The article list from ``position`` on (a section the citizen picked)."""
        if self.law is None:
            return
        law_id = self.law.id
        content = self.content
        self._start = max(0, position)
        start = self._start

        def fetch(offset: int, limit: int) -> list[Card]:
            return [
                Card(a.label, article_preview(a.text), payload=a)
                for a in content.articles_page(law_id, start + offset, limit)
            ]

        self.articles.cards.set_source(fetch)
        self.articles.scrollToTop()

    def _on_toc(self, card: Card) -> None:
        if card.payload is not None:
            self.show_articles_from(card.payload.position)

    def _on_article(self, card: Card) -> None:
        article = card.payload
        self.navigate("article", law_id=article.law_id, position=article.position)

    def jump(self) -> None:
        """Open the article whose number the citizen typed."""
        if self.law is None:
            return
        parsed = self.content.parse_article_number(self.jump_field.text())
        article = self.content.article(self.law.id, *parsed) if parsed else None
        if article is None:
            self.jump_message.setText(
                translate(
                    "LawScreen", "没有这一条。本法共 %1 条，请输入 1 到 %1 之间的数字。"
                ).replace("%1", str(self.law.article_count))
            )
            return
        self.jump_message.setText("")
        self.jump_field.setText("")
        self.navigate("article", law_id=self.law.id, position=article.position)

    def spoken_text(self) -> str:
        lines = [self.heading.text(), self.status.text(), self.meta.text()]
        lines += [c.title.strip() for c in self.toc.cards.cards()[:12]]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(LawScreen.screen_id, LawScreen)
    registry.allow(LawScreen.screen_id, "article")
