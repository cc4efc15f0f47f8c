"""One article in large type: previous/next, text size, read-aloud, continue on phone."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, scroll_area
from ui.screen_registry import ScreenRegistry
from ui.theme import TextSizes
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import ArticleView

translate = QCoreApplication.translate

# Reading sizes relative to the body text; the citizen steps through them.
TEXT_SCALES = (1.25, 1.5, 1.75, 2.0)
DEFAULT_SCALE_INDEX = 0


class ArticleScreen(LookupScreen):
    screen_id = "article"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.article: ArticleView | None = None
        self._scale_index = DEFAULT_SCALE_INDEX
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 20, 48, 20)
        layout.setSpacing(12)
        self.law_title = make_label(role="subheading", object_name="article.law_title")
        self.law_title.setWordWrap(True)
        layout.addWidget(self.law_title)
        self.headings = make_label(role="muted", object_name="article.headings")
        layout.addWidget(self.headings)
        layout.addWidget(self.notice)
        self.text = make_label(role="body", object_name="article.text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 8, 24, 8)
        holder_layout.addWidget(self.text)
        holder_layout.addStretch(1)
        self.scroll = scroll_area(holder, "article.scroll")
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self.scroll, 1)
        tools = QVBoxLayout()
        tools.setSpacing(16)
        self.larger_button = TouchButton("article.text_larger")
        self.larger_button.clicked.connect(lambda: self.change_text_size(1))
        self.smaller_button = TouchButton("article.text_smaller")
        self.smaller_button.clicked.connect(lambda: self.change_text_size(-1))
        self.read_button = self.make_read_aloud_button()
        self.handoff_button = self.make_handoff_button()
        self.handoff_button.clicked.connect(self._hand_off)
        self.contents_button = TouchButton("article.contents")
        self.contents_button.clicked.connect(self._open_contents)
        for button in (
            self.larger_button,
            self.smaller_button,
            self.read_button,
            self.handoff_button,
            self.contents_button,
        ):
            button.setMinimumWidth(260)
            tools.addWidget(button)
        tools.addStretch(1)
        middle.addLayout(tools)
        layout.addLayout(middle, 1)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.previous_button = TouchButton("article.previous", role="primary")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = TouchButton("article.next", role="primary")
        self.next_button.clicked.connect(lambda: self.step(1))
        for button in (self.previous_button, self.next_button):
            button.setMinimumWidth(320)
        row.addWidget(self.previous_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.retranslate()

    def title(self) -> str:
        return self.article.label if self.article else translate("ArticleScreen", "法律条文")

    def retranslate(self) -> None:
        self.previous_button.setText(translate("ArticleScreen", "◀ 上一条"))
        self.next_button.setText(translate("ArticleScreen", "下一条 ▶"))
        self.smaller_button.setText(translate("ArticleScreen", "字号减小"))
        self.larger_button.setText(translate("ArticleScreen", "字号加大"))
        self.contents_button.setText(translate("ArticleScreen", "本法目录"))
        self.read_button.setText(translate("ArticleScreen", "朗读本条"))
        self.handoff_button.setText(translate("ArticleScreen", "手机继续看"))
        self._render()

    def refresh(self) -> None:
        if self.show_notice():
            self.article = None
            self._render()
            return
        law_id = str(self._params.get("law_id", ""))
        if "position" in self._params:
            found = self.content.article_at(law_id, int(self._params["position"] or 0))
        else:
            found = self.content.article(
                law_id, int(self._params.get("no", 0) or 0), int(self._params.get("sub", 0) or 0)
            )
        self.show_article(found)

    def show_article(self, article: ArticleView | None) -> None:
        self.article = article
        self._render()
        self.scroll.verticalScrollBar().setValue(0)
        self.title_changed.emit(self.title())

    def text_px(self) -> int:
        body = TextSizes.for_mode(self.services.session.large_text).body
        return round(body * TEXT_SCALES[self._scale_index])

    def _render(self) -> None:
        article = self.article
        if article is None:
            self.law_title.setText("")
            self.headings.setText("")
            if not self.notice.text():
                self.notice.setText(
                    translate("ArticleScreen", "没有找到这一条。请返回上一页重新选择。")
                )
                self.notice.show()
            self.text.setText("")
            for button in (self.previous_button, self.next_button, self.handoff_button):
                button.setEnabled(False)
            return
        self.law_title.setText(article.law_title)
        self.headings.setText(" / ".join(article.headings))
        self.headings.setVisible(bool(article.headings))
        size = self.text_px()
        paragraphs = "".join(
            f'<p style="margin-bottom:{size // 2}px">{html.escape(p.strip())}</p>'
            for p in article.text.splitlines()
            if p.strip()
        )
        self.text.setText(
            f'<div style="font-size:{size}px; line-height:150%">'
            f'<p style="font-weight:bold">{html.escape(article.label)}</p>{paragraphs}</div>'
        )
        self.text.setAccessibleName(f"{article.label} {article.text}")
        self.previous_button.setEnabled(article.has_previous)
        self.next_button.setEnabled(article.has_next)
        self.handoff_button.setEnabled(True)
        self.smaller_button.setEnabled(self._scale_index > 0)
        self.larger_button.setEnabled(self._scale_index < len(TEXT_SCALES) - 1)

    def step(self, delta: int) -> None:
        article = self.article
        if article is None:
            return
        found = self.content.article_at(article.law_id, article.position + delta)
        if found is not None:
            self._params = {"law_id": found.law_id, "position": found.position}
            self.show_article(found)

    def change_text_size(self, delta: int) -> None:
        self._scale_index = max(0, min(len(TEXT_SCALES) - 1, self._scale_index + delta))
        self._render()

    def _open_contents(self) -> None:
        if self.article is not None:
            self.navigate("law", law_id=self.article.law_id, position=self.article.position)

    def _hand_off(self) -> None:
        if self.article is not None:
            anchor = f"{self.article.no}" + (f"-{self.article.sub}" if self.article.sub else "")
            self.hand_off("law", self.article.law_id, anchor)

    def wipe(self) -> None:
        super().wipe()
        self._scale_index = DEFAULT_SCALE_INDEX

    def spoken_text(self) -> str:
        if self.article is None:
            return "\n".join(t for t in (self.title(), self.notice.text()) if t)
        return "\n".join(
            t for t in (self.article.law_title, self.article.label, self.article.text) if t
        )


def register(registry: ScreenRegistry) -> None:
    registry.add(ArticleScreen.screen_id, ArticleScreen)
    registry.allow(ArticleScreen.screen_id, "law", "handoff")
