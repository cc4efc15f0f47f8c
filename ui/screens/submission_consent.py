"""The service agreement and risk notice, accepted explicitly before any submission.

Home's "法律咨询" and "投诉建议" tiles open this screen (ids ``consult`` and
``complaint``); accepting opens the matching form with the accepted version,
declining explains the other ways to get help (the hall's windows, 12348).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.submissions.messages import submission_language
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.form_fields import make_scroll_bar_touchable
from ui.widgets.kinetic import KineticScrollArea

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
# Each agreement starts a new form; Back into the form (from the check or the phone
# hand-off) repeats the same number and so keeps what was typed.
_new_form_numbers = itertools.count(1)


class ConsentScreen(Screen):
    """Shared by both kinds of submission; subclasses name the form that follows."""

    screen_id: ClassVar[str] = ""
    next_screen: ClassVar[str] = ""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        prefix = self.screen_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 24, 64, 24)
        layout.setSpacing(SPACING_PX * 3)
        self.heading = make_label(role="heading", object_name=f"{prefix}.heading")
        layout.addWidget(self.heading)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setSpacing(SPACING_PX * 2)
        self.sections: list[tuple[Any, Any]] = []
        self.scroll = KineticScrollArea(body)
        self.scroll.setObjectName(f"{prefix}.text")
        make_scroll_bar_touchable(self.scroll, f"{prefix}.text")
        layout.addWidget(self.scroll, 1)
        self.declined = make_label(role="subheading", object_name=f"{prefix}.declined")
        self.declined.setWordWrap(True)
        self.declined.hide()
        layout.addWidget(self.declined)
        self.unavailable = make_label(object_name=f"{prefix}.unavailable")
        self.unavailable.hide()
        layout.addWidget(self.unavailable)
        row = QHBoxLayout()
        row.setSpacing(SPACING_PX * 3)
        self.decline_button = TouchButton(f"{prefix}.decline")
        self.decline_button.clicked.connect(self._on_decline_clicked)
        self.home_button = TouchButton(f"{prefix}.home")
        self.home_button.clicked.connect(self.go_home)
        self.home_button.hide()
        self.accept_button = TouchButton(f"{prefix}.accept", role="primary")
        self.accept_button.clicked.connect(self._on_accept_clicked)
        row.addWidget(self.decline_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        self.retranslate()

    def _language(self) -> str:
        return submission_language(self.services.session.language)

    def title(self) -> str:
        # Short: the top bar keeps its buttons whole in large English text; the full
        # name is the heading of the screen.
        return translate("Submissions", "服务协议")

    def enter(self, **params: Any) -> None:
        self.declined.hide()
        self.home_button.hide()
        self.decline_button.show()
        available = self.services.submissions is not None
        self.accept_button.setEnabled(available)
        self.unavailable.setVisible(not available)
        self.retranslate()
        self.scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        submissions = self.services.submissions
        text = submissions.consent(self._language()) if submissions is not None else None
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # gone at once, deleted when the loop next turns
                item.widget().deleteLater()
        if text is not None:
            self.heading.setText(text.title)
            for index, (heading, paragraph) in enumerate(text.sections):
                title = make_label(
                    heading, role="subheading", object_name=f"{self.screen_id}.s{index}"
                )
                body = make_label(paragraph, object_name=f"{self.screen_id}.p{index}")
                body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
                self.body_layout.addWidget(title)
                self.body_layout.addWidget(body)
            self.body_layout.addStretch(1)
            self.declined.setText(text.declined_help)
        else:
            self.heading.setText(translate("Submissions", "服务协议与风险提示"))
        self.unavailable.setText(
            translate("Submissions", "本机暂不能受理咨询和投诉，请到大厅窗口办理")
        )
        self.accept_button.setText(translate("Submissions", "我已阅读并同意"))
        self.decline_button.setText(translate("Submissions", "不同意"))
        self.home_button.setText(translate("Submissions", "返回首页"))

    def spoken_text(self) -> str:
        submissions = self.services.submissions
        if submissions is None:
            return self.title()
        text = submissions.consent(self._language())
        parts = [text.title] + [f"{h}\n{p}" for h, p in text.sections]
        if self.declined.isVisibleTo(self):
            parts.append(text.declined_help)
        return "\n".join(parts)

    def _on_accept_clicked(self) -> None:
        submissions = self.services.submissions
        if submissions is not None:
            self.navigate(
                self.next_screen,
                consent_version=submissions.consent_version,
                fresh=next(_new_form_numbers),
            )

    def _on_decline_clicked(self) -> None:
        self.declined.show()
        self.decline_button.hide()
        self.home_button.show()


class ConsultationConsentScreen(ConsentScreen):
    screen_id = "consult"
    next_screen = "consultation_form"


class ComplaintConsentScreen(ConsentScreen):
    screen_id = "complaint"
    next_screen = "complaint_form"


def register(registry: ScreenRegistry) -> None:
    registry.add(ConsultationConsentScreen.screen_id, ConsultationConsentScreen)
    registry.add(ComplaintConsentScreen.screen_id, ComplaintConsentScreen)
    registry.allow("consult", "consultation_form")
    registry.allow("complaint", "complaint_form")
