"""My submissions: by reference number + last four digits of the phone, or by ID-card login.

Shows the status, the answer and who answered (read aloud on request), and
offers the evaluation of answered submissions. The lookup runs off the UI
thread; offline, the screen says so and shows what the kiosk still holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.submissions.background import BackgroundCall
from kiosk.submissions.identity import contact_from_identity
from kiosk.submissions.results import LookupResult
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.form_fields import FieldBlock, make_scroll_bar_touchable
from ui.widgets.kinetic import KineticScrollArea
from ui.widgets.touch import BigLineEdit

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
P = "submissions"


def status_text(status: str) -> str:
    return {
        "received": translate("Submissions", "已收到"),
        "processing": translate("Submissions", "办理中"),
        "answered": translate("Submissions", "已答复"),
        "closed": translate("Submissions", "已办结"),
        "rejected": translate("Submissions", "未受理"),
        "queued": translate("Submissions", "保存在本机，等待发送"),
        "delivered": translate("Submissions", "已发送到平台"),
        "failed": translate("Submissions", "发送遇到问题，工作人员会处理"),
    }.get(status, status)


class MySubmissionsScreen(Screen):
    screen_id = P

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._call: BackgroundCall | None = None
        self.result: LookupResult | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(64, 16, 64, 16)
        outer.setSpacing(SPACING_PX * 2)
        search = QHBoxLayout()
        search.setSpacing(SPACING_PX * 3)
        self.ref_edit = BigLineEdit(f"{P}.ref")
        self.ref_edit.setMaxLength(64)
        self.last4_edit = BigLineEdit(f"{P}.phone_last_four")
        self.last4_edit.setMaxLength(4)
        self.last4_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.ref_block = FieldBlock(f"{P}.ref", self.ref_edit)
        self.last4_block = FieldBlock(f"{P}.phone_last_four", self.last4_edit)
        for block in (self.ref_block, self.last4_block):
            block.label.setWordWrap(True)  # long English labels wrap instead of being cut
        search.addWidget(self.ref_block, 3)
        search.addWidget(self.last4_block, 2)
        outer.addLayout(search)
        # The buttons get a row of their own: next to the fields they were squeezed.
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING_PX * 3)
        self.search_button = TouchButton(f"{P}.search", role="primary")
        self.search_button.setMinimumWidth(320)
        self.search_button.clicked.connect(self._on_search_clicked)
        self.card_button = TouchButton(f"{P}.by_card")
        self.card_button.clicked.connect(self._on_card_clicked)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.card_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.notice = make_label(role="subheading", object_name=f"{P}.notice")
        self.notice.hide()
        outer.addWidget(self.notice)
        self.results = QWidget()
        self.results.setObjectName(f"{P}.results")
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setSpacing(SPACING_PX * 3)
        self.scroll = KineticScrollArea(self.results)
        self.scroll.setObjectName(f"{P}.scroll")
        make_scroll_bar_touchable(self.scroll, f"{P}.scroll")
        outer.addWidget(self.scroll, 1)
        self.retranslate()
        services.session.identity_changed.connect(self._on_session_identity_changed)

    def title(self) -> str:
        return translate("Submissions", "我的办件")

    def enter(self, **params: Any) -> None:
        self.card_button.setVisible(self._card_contact() is not None)
        self.retranslate()
        if params.get("ref"):
            self.ref_edit.setText(str(params["ref"]))

    def _on_session_identity_changed(self, identity: object) -> None:
        self.card_button.setVisible(self._card_contact() is not None)

    def leave(self) -> None:
        self._call = None  # a late answer is dropped (see _on_lookup_finished)
        self.search_button.setEnabled(True)
        self.card_button.setEnabled(True)

    def wipe(self) -> None:
        super().wipe()
        self._call = None
        self.result = None
        self._clear_results()
        self.notice.hide()

    def retranslate(self) -> None:
        self.ref_block.set_label(translate("Submissions", "编号（回执上的编号或受理号）"))
        self.last4_block.set_label(translate("Submissions", "手机号后四位"))
        self.search_button.setText(translate("Submissions", "查询"))
        self.card_button.setText(translate("Submissions", "查看我（身份证登录）的全部办件"))
        if self.result is not None:
            self._show(self.result)

    def _card_contact(self) -> Any:
        return contact_from_identity(self.services.session.identity)

    # --- lookups -------------------------------------------------------------------------
    def _start(self, work: Any) -> None:
        submissions = self.services.submissions
        if submissions is None:
            self._set_notice(translate("Submissions", "本机暂不能查询，请到大厅窗口办理"))
            return
        self._set_notice(translate("Submissions", "正在查询，请稍候……"))
        # One lookup at a time: the client behind it is not shared between threads.
        self.search_button.setEnabled(False)
        self.card_button.setEnabled(False)
        call = BackgroundCall(lambda: work(submissions), self)
        call.finished.connect(lambda result, c=call: self._on_lookup_finished(c, result))
        call.failed.connect(lambda _name, c=call: self._on_lookup_failed(c))
        self._call = call
        call.start()

    def _on_search_clicked(self) -> None:
        ref, last4 = self.ref_edit.text().strip(), self.last4_edit.text().strip()
        self.ref_block.set_message("" if ref else translate("Submissions", "请输入编号"))
        self.last4_block.set_message(
            ""
            if len(last4) == 4 and last4.isdigit()
            else translate("Submissions", "请输入 4 位数字")
        )
        if ref and len(last4) == 4 and last4.isdigit():
            self._start(lambda service: service.lookup_by_reference(ref, last4))

    def _on_card_clicked(self) -> None:
        contact = self._card_contact()
        if contact is not None:
            self._start(lambda service: service.lookup_by_identity(contact))

    def _on_lookup_finished(self, call: BackgroundCall, result: object) -> None:
        if call is not self._call:
            return
        self._call = None
        self.search_button.setEnabled(True)
        self.card_button.setEnabled(True)
        if isinstance(result, LookupResult):
            self.show_result(result)

    def _on_lookup_failed(self, call: BackgroundCall) -> None:
        if call is not self._call:
            return
        self._call = None
        self.search_button.setEnabled(True)
        self.card_button.setEnabled(True)
        self._set_notice(translate("Submissions", "查询没有成功，请稍后再试或到窗口咨询"))

    # --- results -------------------------------------------------------------------------
    def show_result(self, result: LookupResult) -> None:
        """Show what a lookup found (a finished lookup does this; so does the screen tour)."""
        self.result = result
        self._show(result)

    def _set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _clear_results(self) -> None:
        while self.results_layout.count():
            item = self.results_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # gone at once, deleted when the loop next turns
                item.widget().deleteLater()

    def _show(self, result: LookupResult) -> None:
        self._clear_results()
        if result.problem == "invalid":
            self._set_notice(translate("Submissions", "请检查编号和手机号后四位"))
        elif result.problem == "auth":
            self._set_notice(translate("Submissions", "本机暂时不能连接平台，请到窗口查询"))
        elif not result.online:
            self._set_notice(translate("Submissions", "本机暂时没有联网，只能显示本机保存的记录"))
        elif not result.remote and not result.local:
            self._set_notice(translate("Submissions", "没有找到，请检查编号和手机号后四位"))
        else:
            self._set_notice("")
        shown: set[str] = set()
        for index, item in enumerate(result.remote):
            shown.add(str(item.get("client_ref")))
            self.results_layout.addWidget(self._remote_card(index, item))
        for index, local in enumerate(result.local):
            if local.client_ref not in shown:
                self.results_layout.addWidget(self._local_card(index, local))
        self.results_layout.addStretch(1)

    def _card(self, object_name: str) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame()
        frame.setObjectName(object_name)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setSpacing(SPACING_PX)
        return frame, layout

    def _remote_card(self, index: int, item: dict[str, Any]) -> QFrame:
        frame, layout = self._card(f"{P}.item{index}")
        heading = (
            translate("Submissions", "编号 %1（受理号 %2）")
            .replace("%1", str(item.get("client_ref", "")))
            .replace("%2", str(item.get("tracking_no", "")))
        )
        layout.addWidget(make_label(heading, role="subheading", object_name=f"{P}.item{index}.ref"))
        if item.get("subject"):
            layout.addWidget(
                make_label(str(item["subject"]), object_name=f"{P}.item{index}.subject")
            )
        layout.addWidget(
            make_label(
                translate("Submissions", "状态：%1").replace(
                    "%1", status_text(str(item.get("status")))
                ),
                object_name=f"{P}.item{index}.status",
            )
        )
        answer = item.get("answer")
        if isinstance(answer, dict) and answer.get("text"):
            text = str(answer["text"])
            by = answer.get("answered_by")
            layout.addWidget(make_label(text, object_name=f"{P}.item{index}.answer"))
            if by:
                layout.addWidget(
                    make_label(
                        translate("Submissions", "答复人：%1").replace("%1", str(by)),
                        role="muted",
                        object_name=f"{P}.item{index}.answered_by",
                    )
                )
            row = QHBoxLayout()
            speech = self.services.speech
            if speech is not None and getattr(speech, "enabled", True):  # off on this terminal
                speak = TouchButton(
                    f"{P}.item{index}.read_aloud", translate("Submissions", "朗读答复")
                )
                speak.clicked.connect(lambda _=False, t=text: self._read_aloud(t))
                row.addWidget(speak)
            if item.get("evaluation_allowed"):
                evaluate = TouchButton(
                    f"{P}.item{index}.evaluate", translate("Submissions", "评价")
                )
                tracking_no = str(item.get("tracking_no", ""))
                evaluate.clicked.connect(
                    lambda _=False, t=tracking_no: self.navigate("evaluation", tracking_no=t)
                )
                row.addWidget(evaluate)
            row.addStretch(1)
            layout.addLayout(row)
        elif item.get("rejection_reason"):
            layout.addWidget(
                make_label(str(item["rejection_reason"]), object_name=f"{P}.item{index}.rejection")
            )
        if self.services.handoff is not None and item.get("client_ref"):
            # Follow it on the phone: the QR carries a minted token, never the number itself.
            phone = TouchButton(
                f"{P}.item{index}.handoff", translate("Submissions", "在手机上查看进度")
            )
            ref = str(item["client_ref"])
            phone.clicked.connect(
                lambda _=False, r=ref: self.navigate("handoff", kind="tracking", ref=r)
            )
            layout.addWidget(phone, 0, Qt.AlignmentFlag.AlignLeft)
        return frame

    def _local_card(self, index: int, local: Any) -> QFrame:
        frame, layout = self._card(f"{P}.local{index}")
        layout.addWidget(
            make_label(
                translate("Submissions", "编号 %1").replace("%1", local.client_ref),
                role="subheading",
                object_name=f"{P}.local{index}.ref",
            )
        )
        layout.addWidget(
            make_label(
                translate("Submissions", "状态：%1").replace("%1", status_text(local.state)),
                object_name=f"{P}.local{index}.status",
            )
        )
        return frame

    def _read_aloud(self, text: str) -> None:
        speech = self.services.speech
        if speech is not None and hasattr(speech, "speak_now"):
            try:
                # The speech service speaks in the session's language and masks numbers.
                speech.speak_now(text)
            except Exception:  # reading aloud is a help, never a failure of the screen
                return


def register(registry: ScreenRegistry) -> None:
    registry.add(MySubmissionsScreen.screen_id, MySubmissionsScreen)
    registry.allow(P, "evaluation", "handoff")
