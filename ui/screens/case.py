"""A typical case or a Q&A in full, with read-aloud."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, body_label, scroll_area
from ui.screen_registry import ScreenRegistry
from ui.screens.cases import kind_label
from ui.widgets import make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import EntryView

translate = QCoreApplication.translate


class CaseScreen(LookupScreen):
    screen_id = "case"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.entry: EntryView | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.setSpacing(32)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 24, 0)
        layout.setSpacing(20)
        layout.addWidget(self.notice)
        self.heading = make_label(role="heading", object_name="case.heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.meta = make_label(role="muted", object_name="case.meta")
        layout.addWidget(self.meta)
        self.summary_heading = make_label(role="subheading", object_name="case.summary_heading")
        layout.addWidget(self.summary_heading)
        self.summary = body_label("case.summary")
        layout.addWidget(self.summary)
        self.body_heading = make_label(role="subheading", object_name="case.body_heading")
        layout.addWidget(self.body_heading)
        self.body = body_label("case.body")
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.scroll = scroll_area(content, "case.scroll")
        outer.addWidget(self.scroll, 1)
        tools = QVBoxLayout()
        tools.setSpacing(16)
        self.read_button = self.make_read_aloud_button()
        self.handoff_button = self.make_handoff_button()
        self.handoff_button.clicked.connect(
            lambda: self.entry and self.hand_off(self.entry.type, self.entry.id)
        )
        for button in (self.read_button, self.handoff_button):
            button.setMinimumWidth(260)
            tools.addWidget(button)
        tools.addStretch(1)
        outer.addLayout(tools)
        self.retranslate()

    def title(self) -> str:
        if self.entry is None:
            return translate("CaseScreen", "案例与问答")
        return kind_label(self.entry.type)

    def retranslate(self) -> None:
        self.read_button.setText(translate("CaseScreen", "朗读"))
        self.handoff_button.setText(translate("CaseScreen", "手机继续看"))
        self._show()

    def refresh(self) -> None:
        if self.show_notice():
            self.entry = None
        else:
            kind = str(self._params.get("type", "case"))
            self.entry = self.content.entry(kind, str(self._params.get("id", "")))
            if self.entry is None:
                self.notice.setText(translate("CaseScreen", "没有找到这条内容。"))
                self.notice.show()
        self._show()
        self.scroll.verticalScrollBar().setValue(0)
        self.title_changed.emit(self.title())

    def _show(self) -> None:
        entry = self.entry
        self.handoff_button.setEnabled(entry is not None)
        if entry is None:
            for label in (self.heading, self.meta, self.summary, self.body):
                label.setText("")
            for label in (self.summary_heading, self.body_heading):
                label.hide()
            return
        self.heading.setText(entry.title)
        meta = [entry.category, entry.source, entry.published_on]
        self.meta.setText(" · ".join(m for m in meta if m))
        is_faq = entry.type == "faq"
        self.summary_heading.setText(translate("CaseScreen", "案情简介"))
        self.summary_heading.setVisible(bool(entry.summary))
        self.summary.setText(entry.summary)
        self.summary.setVisible(bool(entry.summary))
        self.body_heading.setText(
            translate("CaseScreen", "解答") if is_faq else translate("CaseScreen", "案件详情")
        )
        self.body_heading.setVisible(bool(entry.body))
        self.body.setText(entry.body)
        self.body.setVisible(bool(entry.body))

    def spoken_text(self) -> str:
        if self.entry is None:
            return "\n".join(t for t in (self.title(), self.notice.text()) if t)
        lines = [self.entry.title, self.entry.summary, self.body_heading.text(), self.entry.body]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(CaseScreen.screen_id, CaseScreen)
    registry.allow(CaseScreen.screen_id, "handoff")
