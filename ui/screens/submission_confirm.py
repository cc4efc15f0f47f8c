"""Check before submitting: what will be sent, and the warning that it cannot be withdrawn.

Confirming stores the submission in the kiosk's outbox (one local transaction)
and only then shows the receipt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.pii import mask_name, mask_phone
from kiosk.submissions.drafts import ComplaintDraft, ConsultationDraft, EvaluationDraft
from kiosk.submissions.messages import messages_by_field, submission_language
from kiosk.submissions.results import SubmissionRejected
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.form_fields import error_label, make_scroll_bar_touchable
from ui.widgets.kinetic import KineticScrollArea

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
P = "submission_confirm"


class SubmissionConfirmScreen(Screen):
    screen_id = P

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.draft: Any = None
        # Drafts already submitted in this session: Back from the receipt must not offer
        # to submit the same draft again.
        self._submitted: list[Any] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 24, 64, 24)
        outer.setSpacing(SPACING_PX * 3)
        self.warning = make_label(role="subheading", object_name=f"{P}.warning")
        self.warning.setWordWrap(True)
        outer.addWidget(self.warning)
        body = QWidget()
        self.summary_layout = QVBoxLayout(body)
        self.summary_layout.setSpacing(SPACING_PX * 2)
        self.summary = make_label(object_name=f"{P}.summary")
        self.summary_layout.addWidget(self.summary)
        self.summary_layout.addStretch(1)
        self.scroll = KineticScrollArea(body)
        self.scroll.setObjectName(f"{P}.scroll")
        make_scroll_bar_touchable(self.scroll, f"{P}.scroll")
        outer.addWidget(self.scroll, 1)
        self.problem = error_label(f"{P}.problem")
        outer.addWidget(self.problem)
        row = QHBoxLayout()
        row.setSpacing(SPACING_PX * 3)
        self.edit_button = TouchButton(f"{P}.edit")
        self.edit_button.clicked.connect(self.go_back)
        self.confirm_button = TouchButton(f"{P}.confirm", role="primary")
        self.confirm_button.setMinimumWidth(360)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.confirm_button)
        outer.addLayout(row)
        self.retranslate()

    def title(self) -> str:
        return translate("Submissions", "核对并提交")

    def enter(self, **params: Any) -> None:
        self.draft = params.get("draft")
        already = any(self.draft is done for done in self._submitted)
        self.problem.setText(
            "⚠ " + translate("Submissions", "这份内容已经提交，不能重复提交") if already else ""
        )
        self.problem.setVisible(already)
        self.confirm_button.setEnabled(self.draft is not None and not already)
        self.retranslate()

    def wipe(self) -> None:
        self.draft = None
        self._submitted.clear()
        self.summary.clear()

    def retranslate(self) -> None:
        self.warning.setText(
            translate(
                "Submissions",
                "请核对以下内容。提交后不能撤回或删除；个人信息只用于办理您的事项，不会公开。",
            )
        )
        self.edit_button.setText(translate("Submissions", "返回修改"))
        self.confirm_button.setText(translate("Submissions", "确认提交"))
        self.summary.setText(self._summary())

    def _summary(self) -> str:
        draft = self.draft
        if draft is None:
            return ""
        lines: list[str] = []
        if isinstance(draft, ConsultationDraft):
            lines += [
                translate("Submissions", "类别：%1").replace(
                    "%1", self._category_name(draft.category)
                ),
                translate("Submissions", "标题：%1").replace("%1", draft.subject.strip()),
                translate("Submissions", "内容：%1").replace("%1", draft.content.strip()),
                translate("Submissions", "公开：%1").replace(
                    "%1",
                    translate("Submissions", "公开")
                    if draft.is_public
                    else translate("Submissions", "不公开"),
                ),
            ]
        elif isinstance(draft, ComplaintDraft):
            lines += [
                translate("Submissions", "被投诉对象：%1").replace(
                    "%1", draft.respondent_name.strip()
                ),
                translate("Submissions", "内容：%1").replace("%1", draft.content.strip()),
            ]
        elif isinstance(draft, EvaluationDraft):
            lines += [
                translate("Submissions", "评价的办件：%1").replace("%1", draft.tracking_no),
                translate("Submissions", "解决程度 %1 分，办理时间 %2 分，办理态度 %3 分")
                .replace("%1", str(draft.resolution))
                .replace("%2", str(draft.timeliness))
                .replace("%3", str(draft.attitude)),
            ]
        contact = draft.contact
        # Masked: this screen does not need the full name or number to be checked.
        lines.append(
            translate("Submissions", "联系人：%1，手机 %2")
            .replace("%1", mask_name(contact.name))
            .replace("%2", mask_phone(contact.phone))
        )
        return "\n\n".join(lines)

    def _category_name(self, code: str) -> str:
        submissions = self.services.submissions
        english = self.services.session.language.startswith("en")
        for category in submissions.policy.categories if submissions is not None else ():
            if category.code == code:
                return str(category.name_en if english else category.name_zh)
        return code

    def _on_confirm_clicked(self) -> None:
        submissions = self.services.submissions
        if submissions is None or self.draft is None:
            return
        self.confirm_button.setEnabled(False)
        try:
            receipt = submissions.confirm(
                self.draft, submission_language(self.services.session.language)
            )
        except SubmissionRejected as rejected:
            messages = messages_by_field(rejected.problems)
            self.problem.setText("⚠ " + "；".join(messages.values()))
            self.problem.show()
            self.confirm_button.setEnabled(True)
            return
        self._submitted.append(self.draft)
        self.navigate("submission_receipt", receipt=receipt)


def register(registry: ScreenRegistry) -> None:
    registry.add(SubmissionConfirmScreen.screen_id, SubmissionConfirmScreen, in_history=True)
    registry.allow(P, "submission_receipt")
