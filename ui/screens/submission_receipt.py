"""The receipt: the reference number in large type, what happens next, the promised time.

Shown only after the submission is safely in the kiosk's outbox. Offline it
says the submission will be sent automatically.

Tracking QR: for a consultation or complaint, the area ``submission_receipt.qr``
holds a :class:`TrackingQrPanel` (a minted code to follow the submission on the
phone; offline it says to note the number). Without a hand-off service the
area just says to keep the number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.submissions.results import Receipt
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.form_fields import make_scroll_bar_touchable
from ui.widgets.kinetic import KineticScrollArea
from ui.widgets.tracking_qr import TrackingQrPanel

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
P = "submission_receipt"
QR_SIZE_PX = 320


class SubmissionReceiptScreen(Screen):
    screen_id = P

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.receipt: Receipt | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(96, 48, 96, 48)
        outer.setSpacing(SPACING_PX * 6)
        column = QVBoxLayout()
        column.setSpacing(SPACING_PX * 3)
        # The texts scroll when large text needs more room; Done stays on screen.
        texts = QWidget()
        left = QVBoxLayout(texts)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(SPACING_PX * 3)
        self.heading = make_label(role="heading", object_name=f"{P}.heading")
        self.ref_caption = make_label(role="subheading", object_name=f"{P}.ref_caption")
        self.ref = make_label(role="heading", object_name=f"{P}.client_ref")
        font = self.ref.font()
        font.setPixelSize(72)
        font.setBold(True)
        self.ref.setFont(font)
        self.ref.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.promise = make_label(object_name=f"{P}.promise")
        self.next_steps = make_label(object_name=f"{P}.next_steps")
        self.offline_note = make_label(role="subheading", object_name=f"{P}.offline_note")
        self.offline_note.setWordWrap(True)
        for widget in (
            self.heading,
            self.ref_caption,
            self.ref,
            # Right under the number: offline, this is what the citizen must not miss.
            self.offline_note,
            self.promise,
            self.next_steps,
        ):
            left.addWidget(widget)
        left.addStretch(1)
        self.scroll = KineticScrollArea(texts)
        self.scroll.setObjectName(f"{P}.scroll")
        make_scroll_bar_touchable(self.scroll, f"{P}.scroll")
        column.addWidget(self.scroll, 1)
        self.done_button = TouchButton(f"{P}.done", role="primary")
        self.done_button.setMinimumWidth(320)
        self.done_button.clicked.connect(self.go_home)
        column.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(column, 1)
        self.qr_area = QFrame()
        self.qr_area.setObjectName(f"{P}.qr")
        self.qr_area.setFixedWidth(QR_SIZE_PX + 120)
        self.qr_area.setFrameShape(QFrame.Shape.Box)
        self.qr_layout = QVBoxLayout(self.qr_area)
        self.qr_placeholder = make_label(role="muted", object_name=f"{P}.qr_placeholder")
        self.qr_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_layout.addWidget(self.qr_placeholder)
        self._qr_widget: QWidget | None = None
        outer.addWidget(self.qr_area, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def title(self) -> str:
        return translate("Submissions", "提交成功")

    def enter(self, **params: Any) -> None:
        receipt = params.get("receipt")
        self.receipt = receipt if isinstance(receipt, Receipt) else None
        self._show_qr()
        self.retranslate()

    def leave(self) -> None:
        if isinstance(self._qr_widget, TrackingQrPanel):
            self._qr_widget.stop()

    def wipe(self) -> None:
        self.receipt = None
        if isinstance(self._qr_widget, TrackingQrPanel):
            self._qr_widget.clear()
        self.set_qr_widget(None)
        self.retranslate()

    # --- the QR hook ---------------------------------------------------------------------
    def set_qr_widget(self, widget: QWidget | None) -> None:
        """Put the tracking QR (or nothing) into the QR area."""
        if self._qr_widget is not None:
            self._qr_widget.setParent(None)
            self._qr_widget.deleteLater()
        self._qr_widget = widget
        if widget is not None:
            self.qr_layout.insertWidget(0, widget, 0, Qt.AlignmentFlag.AlignCenter)
        self.qr_placeholder.setVisible(widget is None)

    def _show_qr(self) -> None:
        service = self.services.handoff
        receipt = self.receipt
        panel = None
        # An evaluation has nothing to follow up; the others are tracked by their number.
        if service is not None and receipt is not None and receipt.kind != "evaluation":
            panel = TrackingQrPanel(service, receipt.client_ref, QR_SIZE_PX)
            panel.start()
        self.set_qr_widget(panel)
        self.qr_area.setVisible(receipt is None or receipt.kind != "evaluation")

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        receipt = self.receipt
        self.done_button.setText(translate("Submissions", "完成"))
        self.ref_caption.setText(translate("Submissions", "您的编号（请拍照或记下）"))
        self.qr_placeholder.setText(
            translate("Submissions", "扫码用手机查看进度\n（暂不可用时请记下编号）")
        )
        if isinstance(self._qr_widget, TrackingQrPanel):
            self._qr_widget.retranslate()
        if receipt is None:
            self.heading.setText(self.title())
            for label in (self.ref, self.promise, self.next_steps, self.offline_note):
                label.clear()
            return
        self.heading.setText(
            {
                "consultation": translate("Submissions", "您的咨询已提交"),
                "complaint": translate("Submissions", "您的投诉已提交"),
                "evaluation": translate("Submissions", "感谢您的评价"),
            }.get(receipt.kind, self.title())
        )
        self.ref.setText(receipt.client_ref)
        self.ref.setAccessibleName(receipt.client_ref)
        when = receipt.promised_by.strftime("%Y-%m-%d %H:%M") if receipt.promised_by else ""
        if receipt.kind == "consultation" and receipt.promised_hours:
            self.promise.setText(
                translate("Submissions", "承诺在 %1 小时内答复（%2 前）")
                .replace("%1", str(receipt.promised_hours))
                .replace("%2", when)
            )
        elif receipt.kind == "complaint" and receipt.handling_days:
            self.promise.setText(
                translate("Submissions", "投诉在 %1 日内办理并答复（%2 前）")
                .replace("%1", str(receipt.handling_days))
                .replace("%2", when)
            )
        else:
            self.promise.clear()
        self.next_steps.setText(
            translate(
                "Submissions",
                "接下来：平台登记后交给专业人员办理。答复后，您可以在本机「我的办件」中"
                "用编号和手机号后四位查看答复并评价，也可以刷身份证查看。",
            )
            if receipt.kind != "evaluation"
            else translate("Submissions", "您的评价将转交平台，用于改进服务。")
        )
        self.offline_note.setText(
            ""
            if receipt.online
            else translate(
                "Submissions",
                "本机暂时没有联网。您的内容已安全保存在本机，联网后会自动发送，无需再次提交。",
            )
        )
        self.offline_note.setVisible(not receipt.online)

    def spoken_text(self) -> str:
        receipt = self.receipt
        if receipt is None:
            return self.title()
        # The number is read character by character so that it can be written down.
        spelled = " ".join(receipt.client_ref.replace("-", ""))
        parts = [self.heading.text(), self.ref_caption.text(), spelled, self.promise.text()]
        parts += [self.next_steps.text(), self.offline_note.text()]
        return "\n".join(p for p in parts if p)


def register(registry: ScreenRegistry) -> None:
    registry.add(SubmissionReceiptScreen.screen_id, SubmissionReceiptScreen)
