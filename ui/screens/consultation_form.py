"""The consultation form (法律咨询): category, subject, content, public or not, litigation, contact.

Every rule's message appears next to its field. Personal numbers in public text
come with an offer: keep the question private, or take the numbers out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.handoff import draft_for_handoff
from kiosk.submissions.drafts import ConsultationDraft
from kiosk.submissions.messages import messages_by_field, submission_language
from kiosk.submissions.rules import Problem, remove_spans
from ui.screen_registry import ScreenRegistry
from ui.screens._submission_form import SubmissionFormScreen
from ui.widgets import TouchButton
from ui.widgets.form_fields import (
    ChoiceRow,
    ContactBlock,
    FieldBlock,
    TextArea,
    reveal_first_problem,
)
from ui.widgets.touch import BigLineEdit

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
P = "consultation_form"


class ConsultationFormScreen(SubmissionFormScreen):
    screen_id = P

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._personal_spans: tuple[tuple[int, int, str], ...] = ()
        self._personal_field = ""
        layout = self.fields
        self.category_row = ChoiceRow(f"{P}.category", [], per_row=4)
        self.category = FieldBlock(f"{P}.category", self.category_row)
        self.subject_edit = BigLineEdit(f"{P}.subject")
        self.subject_edit.setMaxLength(60)
        self.subject = FieldBlock(f"{P}.subject", self.subject_edit)
        self.content_edit = TextArea(f"{P}.content", 2000)
        self.content = FieldBlock(f"{P}.content", self.content_edit)
        self.public_row = ChoiceRow(f"{P}.is_public", ["no", "yes"])
        self.public = FieldBlock(f"{P}.is_public", self.public_row)
        offer = QHBoxLayout()
        self.make_private_button = TouchButton(f"{P}.make_private")
        self.make_private_button.clicked.connect(self._on_make_private_clicked)
        self.remove_numbers_button = TouchButton(f"{P}.remove_numbers")
        self.remove_numbers_button.clicked.connect(self._on_remove_numbers_clicked)
        offer.addWidget(self.make_private_button)
        offer.addWidget(self.remove_numbers_button)
        offer.addStretch(1)
        self.offer = QWidget()
        self.offer.setObjectName(f"{P}.offer")
        self.offer.setLayout(offer)
        self.offer.hide()
        self.litigation_row = ChoiceRow(f"{P}.in_litigation", ["no", "yes"])
        self.litigation_row.changed.connect(self._on_litigation_changed)
        self.litigation = FieldBlock(f"{P}.in_litigation", self.litigation_row)
        self.contact = ContactBlock(P)
        for block in (self.category, self.subject, self.content, self.public):
            layout.addWidget(block)
        layout.addWidget(self.offer)
        layout.addWidget(self.litigation)
        layout.addWidget(self.contact)
        self.finish_frame()

    # --- life cycle ------------------------------------------------------------------
    def title(self) -> str:
        return translate("Submissions", "法律咨询")

    def prepare_fields(self) -> None:
        self._rebuild_categories()

    def wipe(self) -> None:
        super().wipe()
        self.category_row.set_value(None)
        self.public_row.set_value(None)
        self.litigation_row.set_value(None)
        self.contact.clear()
        self._show_problems([])

    def _policy(self) -> Any:
        submissions = self.services.submissions
        return submissions.policy if submissions is not None else None

    def _rebuild_categories(self) -> None:
        policy = self._policy()
        categories = policy.categories if policy is not None else ()
        wanted = [c.code for c in categories]
        if list(self.category_row.buttons) != wanted:
            chosen = self.category_row.value
            index = self.category.layout().indexOf(self.category_row)
            self.category_row.setParent(None)
            self.category_row.deleteLater()
            self.category_row = ChoiceRow(f"{P}.category", wanted, per_row=4)
            self.category.editor = self.category_row
            self.category.layout().insertWidget(index, self.category_row)
            self.category_row.set_value(chosen)
        english = self.services.session.language.startswith("en")
        self.category_row.set_texts(
            {c.code: c.name_en if english else c.name_zh for c in categories}
        )

    def retranslate(self) -> None:
        policy = self._policy()
        hours = policy.answer_within_hours if policy is not None else 5
        self.promise.setText(
            translate("Submissions", "提交后，专业人员一般在 %1 小时内答复；可凭编号查询").replace(
                "%1", str(hours)
            )
        )
        self.category.set_label(translate("Submissions", "问题类别"))
        self.subject.set_label(translate("Submissions", "标题（5 到 50 个字）"))
        self.content.set_label(translate("Submissions", "问题内容（10 到 2000 个字）"))
        self.public.set_label(translate("Submissions", "是否公开（公开时隐去个人信息）"))
        self.public_row.set_texts(
            {"no": translate("Submissions", "不公开"), "yes": translate("Submissions", "公开")}
        )
        self.litigation.set_label(translate("Submissions", "此事是否已经起诉或正由有关机关处理？"))
        self.litigation_row.set_texts(
            {"no": translate("Submissions", "没有"), "yes": translate("Submissions", "是的")}
        )
        self.make_private_button.setText(translate("Submissions", "改为不公开"))
        self.remove_numbers_button.setText(translate("Submissions", "删除这些号码"))
        super().retranslate()  # the footer and the contact block

    # --- the draft -------------------------------------------------------------------
    def draft(self) -> ConsultationDraft:
        return ConsultationDraft(
            category=self.category_row.value or "",
            subject=self.subject_edit.text(),
            content=self.content_edit.toPlainText(),
            is_public=self.public_row.value == "yes",
            in_litigation=self.litigation_row.value == "yes",
            contact=self.contact.contact(),
        )

    def _show_problems(self, problems: list[Problem]) -> None:
        messages = messages_by_field(problems)
        self.category.set_message(messages.get("category", ""))
        self.subject.set_message(messages.get("subject", ""))
        self.content.set_message(messages.get("content", ""))
        self.litigation.set_message(messages.get("in_litigation", ""))
        self.contact.show_messages(messages)
        form = messages.get("form", "")
        self.form_message.setText(form)
        self.form_message.setVisible(bool(form))
        personal = [
            p
            for p in problems
            if p.code in ("personal_numbers_in_public", "personal_numbers_in_subject")
        ]
        self._personal_spans = personal[0].spans if personal else ()
        self._personal_field = personal[0].field if personal else ""
        self.offer.setVisible(bool(personal))
        # Making the question private does not help a subject: only removing does.
        self.make_private_button.setVisible(self._personal_field != "subject")

    def _on_litigation_changed(self, value: object) -> None:
        litigation = value == "yes"
        self.next_button.setEnabled(not litigation)
        self._show_problems([Problem("in_litigation", "in_litigation")] if litigation else [])

    def _on_make_private_clicked(self) -> None:
        self.public_row.set_value("no")
        self._show_problems([])

    def _on_remove_numbers_clicked(self) -> None:
        edit_text = (
            self.subject_edit.text()
            if self._personal_field == "subject"
            else self.content_edit.toPlainText()
        )
        cleaned, _removed = remove_spans(edit_text, self._personal_spans)
        if self._personal_field == "subject":
            self.subject_edit.setText(cleaned)
        else:
            self.content_edit.setPlainText(cleaned)
        self._show_problems([])

    def _on_next_clicked(self) -> None:
        submissions = self.services.submissions
        if submissions is None:
            return
        draft = self.draft()
        problems = submissions.validate(draft, submission_language(self.services.session.language))
        self._show_problems(problems)
        reveal_first_problem(
            self.scroll,
            [
                self.category,
                self.subject,
                self.content,
                self.public,
                self.litigation,
                self.contact.name,
                self.contact.phone,
            ],
        )
        if not problems:
            self.navigate(
                "submission_confirm", draft=draft, consent_version=self.consent_version, form=P
            )

    def _on_handoff_clicked(self) -> None:
        # Choices not made yet stay out of the draft (not "no" by default).
        unset = tuple(
            name
            for name, row in (
                ("is_public", self.public_row),
                ("in_litigation", self.litigation_row),
            )
            if row.value is None
        )
        self.navigate("handoff", kind="draft", draft=draft_for_handoff(self.draft(), unset))


def register(registry: ScreenRegistry) -> None:
    registry.add(ConsultationFormScreen.screen_id, ConsultationFormScreen)
    registry.allow(P, "submission_confirm", "handoff")
