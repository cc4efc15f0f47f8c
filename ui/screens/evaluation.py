"""Evaluation of an answered submission: three rows of big 1-5 buttons and an optional comment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.submissions.drafts import EvaluationDraft
from kiosk.submissions.identity import contact_from_identity
from kiosk.submissions.messages import messages_by_field, submission_language
from kiosk.submissions.rules import COMMENT_MAX
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.form_fields import (
    ChoiceRow,
    ContactBlock,
    FieldBlock,
    TextArea,
    error_label,
    make_scroll_bar_touchable,
    reveal_first_problem,
)
from ui.widgets.kinetic import KineticScrollArea

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
P = "evaluation"
# Button keys are words: automation ids hold no digits.
SCORES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
ASPECTS = ("resolution", "timeliness", "attitude")


class EvaluationScreen(Screen):
    screen_id = P

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.tracking_no = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 16, 64, 16)
        outer.setSpacing(SPACING_PX * 2)
        self.intro = make_label(role="subheading", object_name=f"{P}.intro")
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        form = QWidget()
        layout = QVBoxLayout(form)
        layout.setSpacing(SPACING_PX * 3)
        self.rows: dict[str, ChoiceRow] = {}
        self.blocks: dict[str, FieldBlock] = {}
        for aspect in ASPECTS:
            row = ChoiceRow(f"{P}.{aspect}", list(SCORES))
            for button in row.buttons.values():
                button.setMinimumSize(96, 96)
            self.rows[aspect] = row
            self.blocks[aspect] = FieldBlock(f"{P}.{aspect}", row)
            layout.addWidget(self.blocks[aspect])
        self.comment_edit = TextArea(f"{P}.comment", COMMENT_MAX)
        self.comment = FieldBlock(f"{P}.comment", self.comment_edit)
        layout.addWidget(self.comment)
        self.contact = ContactBlock(P)
        layout.addWidget(self.contact)
        layout.addStretch(1)
        self.scroll = KineticScrollArea(form)
        self.scroll.setObjectName(f"{P}.scroll")
        make_scroll_bar_touchable(self.scroll, f"{P}.scroll")
        outer.addWidget(self.scroll, 1)
        self.form_message = error_label(f"{P}.form_message")
        outer.addWidget(self.form_message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.submit_button = TouchButton(f"{P}.submit", role="primary")
        self.submit_button.setMinimumWidth(320)
        self.submit_button.clicked.connect(self._on_submit_clicked)
        buttons.addWidget(self.submit_button)
        outer.addLayout(buttons)
        self.retranslate()
        # A card placed while the form is open locks the name at once.
        services.session.identity_changed.connect(self._on_session_identity_changed)

    def title(self) -> str:
        return translate("Submissions", "评价")

    def enter(self, **params: Any) -> None:
        if params.get("tracking_no"):
            if str(params["tracking_no"]) != self.tracking_no:
                self.wipe()
            self.tracking_no = str(params["tracking_no"])
        self.contact.lock_to(contact_from_identity(self.services.session.identity))
        self.retranslate()

    def _on_session_identity_changed(self, identity: object) -> None:
        contact = contact_from_identity(identity)
        if contact is not None:
            self.contact.lock_to(contact)

    def wipe(self) -> None:
        super().wipe()
        for row in self.rows.values():
            row.set_value(None)
        self.contact.clear()
        self._show_problems([])

    def retranslate(self) -> None:
        self.intro.setText(
            translate("Submissions", "请为办件 %1 评分：1 分最不满意，5 分最满意").replace(
                "%1", self.tracking_no
            )
        )
        labels = {
            "resolution": translate("Submissions", "解决程度"),
            "timeliness": translate("Submissions", "办理时间"),
            "attitude": translate("Submissions", "办理态度"),
        }
        for aspect, row in self.rows.items():
            self.blocks[aspect].set_label(labels[aspect])
            row.set_texts({key: "★" * points for key, points in SCORES.items()})
            for key, button in row.buttons.items():
                button.set_accessible_name(
                    translate("Submissions", "%1：%2 分")
                    .replace("%1", labels[aspect])
                    .replace("%2", str(SCORES[key]))
                )
        self.comment.set_label(translate("Submissions", "意见或建议（可不填，最多 500 字）"))
        self.submit_button.setText(translate("Submissions", "下一步：核对"))
        self.contact.retranslate()

    def draft(self) -> EvaluationDraft:
        def score(aspect: str) -> int:
            value = self.rows[aspect].value
            return SCORES.get(value, 0) if value else 0

        return EvaluationDraft(
            tracking_no=self.tracking_no,
            resolution=score("resolution"),
            timeliness=score("timeliness"),
            attitude=score("attitude"),
            comment=self.comment_edit.toPlainText(),
            contact=self.contact.contact(),
        )

    def _show_problems(self, problems: list[Any]) -> None:
        messages = messages_by_field(problems)
        for aspect in ASPECTS:
            self.blocks[aspect].set_message(messages.get(aspect, ""))
        self.comment.set_message(messages.get("comment", ""))
        self.contact.show_messages(messages)
        form = messages.get("form", "") or messages.get("content", "")
        self.form_message.setText(form)
        self.form_message.setVisible(bool(form))

    def _on_submit_clicked(self) -> None:
        submissions = self.services.submissions
        if submissions is None:
            return
        draft = self.draft()
        problems = submissions.validate(draft, submission_language(self.services.session.language))
        self._show_problems(problems)
        reveal_first_problem(
            self.scroll,
            [*self.blocks.values(), self.comment, self.contact.name, self.contact.phone],
        )
        if not problems:
            self.navigate("submission_confirm", draft=draft, form=P)


def register(registry: ScreenRegistry) -> None:
    registry.add(EvaluationScreen.screen_id, EvaluationScreen)
    registry.allow(P, "submission_confirm")
