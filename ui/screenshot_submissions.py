"""The submission screens in the screen tour: filled in as a citizen would see them.

Nothing here is submitted: the forms are filled and checked (the rules run, as
on a real tap of "next"), and the "my submissions" views are shown from values
built here, so the tour never writes to the kiosk's outbox. The receipts are
in the hand-off part of the tour.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from kiosk.app import Services
from kiosk.submissions.drafts import ConsultationDraft, Contact
from kiosk.submissions.results import LocalSubmission, LookupResult
from ui.main_window import MainWindow

# A fictional citizen: only masked forms of these reach a screen.
TOUR_CONTACT = Contact(name="张小三", phone="13812345678")
TOUR_REF = "HALL01-20261122-0007"
TOUR_TRACKING_NO = "ZX20261122000123"


def submission_views(
    window: MainWindow, services: Services, now: datetime
) -> list[tuple[str, Callable[[], None]]]:
    """(file suffix, set-up) of each submission view; each set-up leaves the view on screen."""
    manager = window.manager
    english = services.session.language.startswith("en")

    def screen() -> Any:
        return manager.current_screen

    # Each shot starts a new form (a fresh marker never seen before, in every pass):
    # a repeated marker kept the previous shot's text in the form.
    def form_with_errors() -> None:
        manager.jump("consultation_form", fresh=object())
        form = screen()
        form.subject_edit.setText("★★★★★")
        form.content_edit.setPlainText("工资")
        form.public_row.set_value("yes")
        form.litigation_row.set_value("no")
        form.contact.phone_edit.setText("1381234")
        form._on_next_clicked()

    def form_litigation() -> None:
        manager.jump("consultation_form", fresh=object())
        form = screen()
        form.litigation_row.set_value("yes")
        form.scroll.ensureWidgetVisible(form.litigation)

    def complaint_suggestions() -> None:
        manager.jump("complaint_form", fresh=object())
        form = screen()
        form.type_row.set_value("practitioner_conduct")
        form.respondent_edit.setText("律师")
        form.respondent_edit.textEdited.emit("律师")

    def confirm() -> None:
        draft = ConsultationDraft(
            category="labour",
            subject="公司拖欠工资怎么办" if not english else "My employer has not paid me",
            content=(
                "公司已经三个月没有发工资，我应该怎么维权？需要准备哪些材料？"
                if not english
                else "My employer has not paid my wages for three months. What can I do?"
            ),
            contact=TOUR_CONTACT,
        )
        manager.jump("submission_confirm", draft=draft, form="consultation_form")

    def found_with_answer() -> None:
        manager.jump("submissions")
        screen().ref_edit.setText(TOUR_REF)
        screen().last4_edit.setText("5678")
        screen().show_result(
            LookupResult(
                online=True,
                remote=[
                    {
                        "client_ref": TOUR_REF,
                        "tracking_no": TOUR_TRACKING_NO,
                        "subject": "公司拖欠工资怎么办",
                        "status": "answered",
                        "answer": {
                            "text": (
                                "可以先向用人单位所在地的劳动保障监察机构投诉，也可以向劳动争议"
                                "仲裁委员会申请仲裁。请保留劳动合同、工资条、考勤记录等证据。"
                            ),
                            "answered_by": "王某 律师（示例明理律师事务所）",
                        },
                        "evaluation_allowed": True,
                    }
                ],
            )
        )

    def offline() -> None:
        manager.jump("submissions")
        screen().ref_edit.setText(TOUR_REF)
        screen().last4_edit.setText("5678")
        screen().show_result(
            LookupResult(
                online=False,
                local=[LocalSubmission(TOUR_REF, "consultation", now, "queued", None)],
            )
        )

    def evaluation() -> None:
        manager.jump("evaluation", tracking_no=TOUR_TRACKING_NO)
        rows = screen().rows
        rows["resolution"].set_value("five")
        rows["timeliness"].set_value("four")

    return [
        ("consultation_form-errors", form_with_errors),
        ("consultation_form-litigation", form_litigation),
        ("complaint_form-suggestions", complaint_suggestions),
        ("submission_confirm-filled", confirm),
        ("submissions-answered", found_with_answer),
        ("submissions-offline", offline),
        ("evaluation-rated", evaluation),
    ]
