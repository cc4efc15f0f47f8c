"""The complaint form (投诉): type, respondent (looked up or typed), content, contact.

The respondent can be picked from the practitioners and institutions the kiosk
holds (``ContentService.request_respondents``, answered on the content worker)
or typed freely. The handling time limit is shown before submitting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.handoff import draft_for_handoff
from kiosk.submissions.drafts import COMPLAINT_TYPES, ComplaintDraft
from kiosk.submissions.messages import messages_by_field, submission_language
from kiosk.submissions.rules import Problem
from ui.screen_registry import ScreenRegistry
from ui.screens._submission_form import SubmissionFormScreen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
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
P = "complaint_form"
MAX_SUGGESTIONS = 5
MIN_QUERY_CHARS = 2


class ComplaintFormScreen(SubmissionFormScreen):
    screen_id = P

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._chosen: tuple[str | None, str | None] = (None, None)  # (kind, content id)
        self._request = 0  # the respondent search whose answer is awaited
        self._listening: Any = None
        layout = self.fields
        self.type_row = ChoiceRow(f"{P}.complaint_type", list(COMPLAINT_TYPES))
        self.type_block = FieldBlock(f"{P}.complaint_type", self.type_row)
        self.respondent_edit = BigLineEdit(f"{P}.respondent_name")
        self.respondent_edit.setMaxLength(100)
        self.respondent_edit.textEdited.connect(self._on_respondent_edited)
        self.respondent = FieldBlock(f"{P}.respondent_name", self.respondent_edit)
        self.suggestions = QWidget()
        self.suggestions.setObjectName(f"{P}.suggestions")
        self.suggestion_layout = QVBoxLayout(self.suggestions)
        self.suggestion_layout.setContentsMargins(0, 0, 0, 0)
        self.suggestion_layout.setSpacing(SPACING_PX)
        self.suggestions.hide()
        self.respondent_note = make_label(role="muted", object_name=f"{P}.respondent_chosen")
        self.respondent_note.hide()
        self.content_edit = TextArea(f"{P}.content", 2000)
        self.content = FieldBlock(f"{P}.content", self.content_edit)
        self.contact = ContactBlock(P)
        layout.addWidget(self.type_block)
        layout.addWidget(self.respondent)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.respondent_note)
        layout.addWidget(self.content)
        layout.addWidget(self.contact)
        self.finish_frame()

    def title(self) -> str:
        return translate("Submissions", "投诉")

    def wipe(self) -> None:
        super().wipe()
        self.type_row.set_value(None)
        self._chosen = (None, None)
        self._request = 0
        self._set_suggestions([])
        self.respondent_note.hide()
        self.contact.clear()
        self._show_problems([])

    def retranslate(self) -> None:
        submissions = self.services.submissions
        days = submissions.policy.complaint_handling_days if submissions is not None else 30
        self.promise.setText(
            translate("Submissions", "投诉受理后在 %1 日内办理并答复；提交后不能撤回").replace(
                "%1", str(days)
            )
        )
        self.type_block.set_label(translate("Submissions", "投诉类型"))
        self.type_row.set_texts(
            {
                "practitioner_conduct": translate("Submissions", "从业人员行为"),
                "institution_conduct": translate("Submissions", "机构行为"),
                "service_quality": translate("Submissions", "服务质量"),
                "fees": translate("Submissions", "收费"),
                "other": translate("Submissions", "其他"),
            }
        )
        self.respondent.set_label(translate("Submissions", "被投诉的人员或机构（输入名称可查找）"))
        self.content.set_label(translate("Submissions", "投诉内容（10 到 2000 个字）"))
        super().retranslate()  # the footer and the contact block

    # --- respondent lookup -------------------------------------------------------------
    def _on_respondent_edited(self, text: str) -> None:
        self._chosen = (None, None)
        self.respondent_note.hide()
        content = self.services.content
        text = text.strip()
        if content is None or len(text) < MIN_QUERY_CHARS:
            self._request = 0
            self._set_suggestions([])
            return
        request = getattr(content, "request_respondents", None)
        if request is None:
            return  # no directory on this kiosk: the name is typed
        # The search runs on the content service's worker; the answer arrives as
        # search_finished and only the newest request is shown.
        self._listen_to(content)
        self._request = int(request(text, MAX_SUGGESTIONS))

    def _listen_to(self, content: Any) -> None:
        if self._listening is content:
            return
        signal = getattr(content, "search_finished", None)
        if signal is not None:
            signal.connect(self._on_search_finished)
            self._listening = content

    def _on_search_finished(self, request_id: int, results: object) -> None:
        if request_id != self._request or self._request == 0:
            return
        self._request = 0
        found = list(results) if isinstance(results, list) else []
        self._set_suggestions(found[:MAX_SUGGESTIONS])

    def _set_suggestions(self, found: list[Any]) -> None:
        while self.suggestion_layout.count():
            item = self.suggestion_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # gone at once, deleted when the loop next turns
                item.widget().deleteLater()
        for index, entry in enumerate(found):
            kind, content_id, name = (
                getattr(entry, "kind", None),
                getattr(entry, "id", None),
                str(getattr(entry, "name", "")),
            )
            # Name and what tells namesakes apart (role, institution, district).
            description = str(getattr(entry, "description", "") or "")
            text = f"{name}\n{description}" if description else name
            button = TouchButton(f"{P}.suggestion{index}", text)
            button.setProperty("align", "left")
            if description:  # two lines: tall enough for both in every text size
                button.ensurePolished()
                lines = button.fontMetrics().lineSpacing() * 2
                button.setMinimumHeight(max(button.minimumHeight(), lines + 32))
            button.clicked.connect(
                lambda _=False, k=kind, i=content_id, n=name: self._on_suggestion_chosen(k, i, n)
            )
            self.suggestion_layout.addWidget(button)
        self.suggestions.setVisible(bool(found))

    def _on_suggestion_chosen(self, kind: Any, content_id: Any, name: str) -> None:
        self.respondent_edit.setText(name)
        self._chosen = (
            kind if kind in ("practitioner", "institution") else None,
            str(content_id) if content_id else None,
        )
        self._request = 0
        self._set_suggestions([])
        if self._chosen[0] is not None:
            self.respondent_note.setText(
                translate("Submissions", "已从名录中选定：%1").replace("%1", name)
            )
            self.respondent_note.show()

    # --- the draft ---------------------------------------------------------------------
    def draft(self) -> ComplaintDraft:
        kind, content_id = self._chosen
        return ComplaintDraft(
            complaint_type=self.type_row.value or "",
            respondent_name=self.respondent_edit.text(),
            respondent_kind=kind,
            respondent_id=content_id,
            content=self.content_edit.toPlainText(),
            contact=self.contact.contact(),
        )

    def _show_problems(self, problems: list[Problem]) -> None:
        messages = messages_by_field(problems)
        self.type_block.set_message(messages.get("complaint_type", ""))
        self.respondent.set_message(messages.get("respondent_name", ""))
        self.content.set_message(messages.get("content", ""))
        self.contact.show_messages(messages)
        form = messages.get("form", "")
        self.form_message.setText(form)
        self.form_message.setVisible(bool(form))

    def _on_next_clicked(self) -> None:
        submissions = self.services.submissions
        if submissions is None:
            return
        draft = self.draft()
        problems = submissions.validate(draft, submission_language(self.services.session.language))
        self._show_problems(problems)
        reveal_first_problem(
            self.scroll,
            [self.type_block, self.respondent, self.content, self.contact.name, self.contact.phone],
        )
        if not problems:
            self.navigate(
                "submission_confirm", draft=draft, consent_version=self.consent_version, form=P
            )

    def _on_handoff_clicked(self) -> None:
        self.navigate("handoff", kind="draft", draft=draft_for_handoff(self.draft()))


def register(registry: ScreenRegistry) -> None:
    registry.add(ComplaintFormScreen.screen_id, ComplaintFormScreen)
    registry.allow(P, "submission_confirm", "handoff")
