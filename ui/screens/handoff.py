"""Continue on the phone: a large QR code for WeChat, with its expiry counting down.

Opened with ``navigate("handoff", context=...)`` from a content view (a
``ContentContext``), a form (``DraftContext``) or a receipt or status screen
(``TrackingContext``). The code is black on white in every contrast mode.
When it expires, it disappears and a new one can be asked for; offline, drafts
and tracking say that this needs the network and what works instead.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.handoff import (
    Alternative,
    ContentContext,
    DraftContext,
    HandoffCode,
    HandoffContext,
    HandoffUnavailable,
    TrackingContext,
    Unavailability,
    context_from_params,
)
from ui.screen_registry import ANY, ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label
from ui.widgets.qr_code import QrCodeWidget
from ui.widgets.tracking_qr import expires_in_text, new_code_text

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate

QR_SIDE_PX = 560


class HandoffScreen(Screen):
    screen_id = "handoff"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._context: HandoffContext | None = None
        self._code: HandoffCode | None = None
        self._state = "idle"  # idle, intro, waiting, shown, expired, unavailable
        self._unavailable: HandoffUnavailable | None = None
        self._generation: int | None = None  # the request this screen waits for
        row = QHBoxLayout(self)
        row.setContentsMargins(96, 48, 96, 48)
        row.setSpacing(SPACING_PX * 8)
        # The code's place: the code itself, or what became of it (on its way, expired).
        self.qr_slot = QWidget()
        self.qr_slot.setObjectName("handoff.qr_slot")
        self.qr_slot.setFixedSize(QR_SIDE_PX, QR_SIDE_PX)
        self.qr_stack = QStackedLayout(self.qr_slot)
        self.qr = QrCodeWidget()
        self.qr.setObjectName("handoff.qr")
        self.qr_mark = make_label(role="subheading", object_name="handoff.qr_mark")
        self.qr_mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_mark.setWordWrap(True)
        self.qr_mark.setFrameShape(QFrame.Shape.Box)
        self.qr_mark.setLineWidth(3)
        self.qr_stack.addWidget(self.qr)
        self.qr_stack.addWidget(self.qr_mark)
        row.addWidget(self.qr_slot, 0, Qt.AlignmentFlag.AlignVCenter)
        side = QVBoxLayout()
        side.setSpacing(SPACING_PX * 3)
        self.heading = make_label(role="heading", object_name="handoff.heading")
        self.heading.setWordWrap(True)
        self.purpose = make_label(role="body", object_name="handoff.purpose")
        self.instructions = make_label(role="lead", object_name="handoff.instructions")
        self.status = make_label(role="subheading", object_name="handoff.status")
        self.status.setWordWrap(True)
        # The receipt number, large, for tracking: what to note down when no code can be made.
        self.ref = make_label(role="heading", object_name="handoff.ref")
        ref_font = self.ref.font()
        ref_font.setPixelSize(56)
        ref_font.setBold(True)
        self.ref.setFont(ref_font)
        self.privacy = make_label(role="muted", object_name="handoff.privacy")
        self.refresh_button = TouchButton("handoff.refresh", role="primary")
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.back_button = TouchButton("handoff.back")
        self.back_button.clicked.connect(self.go_back)
        for widget in (
            self.heading,
            self.purpose,
            self.instructions,
            self.status,
            self.ref,
            self.privacy,
        ):
            side.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING_PX * 3)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        row.addLayout(side, 1)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.update_countdown)
        service = services.handoff
        if service is not None:
            service.code_ready.connect(self._on_service_code_ready)
            service.unavailable.connect(self._on_service_unavailable)
        self.retranslate()

    # --- life cycle -------------------------------------------------------------
    def title(self) -> str:
        return translate("Handoff", "在手机上继续")

    def enter(self, **params: Any) -> None:
        self._context = context_from_params(params)
        self._render_purpose()
        self._request()

    def leave(self) -> None:
        self._ticker.stop()
        self._generation = None  # an answer arriving after the citizen left is not shown

    def wipe(self) -> None:
        """A QR code is as personal as the draft behind it: forget code and token."""
        self._ticker.stop()
        self._generation = None
        if self.services.handoff is not None:
            self.services.handoff.forget()
        self._context = None
        self._code = None
        self._unavailable = None
        self._render_purpose()
        self.qr.set_text("")
        self._set_state("idle")

    # --- flow -------------------------------------------------------------------
    def _request(self) -> None:
        self._code = None
        self._unavailable = None
        self.qr.set_text("")
        service = self.services.handoff
        if self._context is None:
            # Opened from Home: explain where the codes come from.
            self._set_state("intro")
            return
        if service is None:
            self._unavailable = HandoffUnavailable(
                Unavailability.NOT_CONFIGURED, Alternative.READ_HERE
            )
            self._set_state("unavailable")
            return
        self._set_state("waiting")
        self._generation = service.request(self._context)

    def _now(self) -> float:
        service = self.services.handoff
        return service.now() if service is not None else time.monotonic()

    def _on_refresh_clicked(self) -> None:
        self._request()

    def _waits_for_answer(self) -> bool:
        service = self.services.handoff
        return (
            self._state == "waiting"
            and self._generation is not None
            and service is not None
            and service.is_latest(self._generation)
        )

    def _on_service_code_ready(self, code: HandoffCode) -> None:
        if not self._waits_for_answer():
            return
        self._generation = None
        self._code = code
        self.qr.set_text(code.url)
        self._set_state("shown")
        if code.minted:
            self._ticker.start()
        self.update_countdown()

    def _on_service_unavailable(self, result: HandoffUnavailable) -> None:
        if not self._waits_for_answer():
            return
        self._generation = None
        self._unavailable = result
        self._set_state("unavailable")

    def update_countdown(self) -> None:
        """Show the time left, or that the code expired (each second, and on demand)."""
        code = self._code
        if self._state != "shown" or code is None:
            return
        if code.is_expired(self._now()):
            self._ticker.stop()
            self.qr.set_text("")  # an expired code must not be scanned
            self._set_state("expired")
            return
        self._render_status()

    def _set_state(self, state: str) -> None:
        self._state = state
        self.setProperty("handoff_state", state)
        self.qr_slot.setVisible(state in ("waiting", "shown", "expired"))
        self.qr_stack.setCurrentWidget(self.qr if state == "shown" else self.qr_mark)
        self.instructions.setVisible(state in ("waiting", "shown"))
        self.refresh_button.setVisible(state in ("expired", "unavailable") and self._can_retry())
        self.back_button.setVisible(state == "unavailable")
        self._render_buttons()
        self._render_status()

    def _render_buttons(self) -> None:
        self.refresh_button.setText(new_code_text(self._state == "unavailable"))
        instead = self._unavailable.instead if self._unavailable is not None else None
        if instead is Alternative.SUBMIT_HERE:
            back = translate("Handoff", "返回，在本机提交")
        elif instead is Alternative.READ_HERE:
            back = translate("Handoff", "返回，在本机阅读")
        else:
            back = translate("Handoff", "返回")
        self.back_button.setText(back)

    def _can_retry(self) -> bool:
        return self._unavailable is None or self._unavailable.reason is Unavailability.NEEDS_NETWORK

    # --- texts ------------------------------------------------------------------
    def _render_status(self) -> None:
        state = self._state
        code = self._code
        privacy = ""
        if state == "waiting":
            status = translate("Handoff", "正在生成二维码…")
        elif state == "shown" and code is not None:
            left = code.seconds_left(self._now())
            if left is None:
                status = translate("Handoff", "此二维码长期有效")
                privacy = translate("Handoff", "二维码只包含公开内容的链接，不含任何个人信息。")
            else:
                status = expires_in_text(left)
                privacy = translate(
                    "Handoff", "二维码只含一次性口令，不含您的个人信息；扫码后请在手机上继续。"
                )
        elif state == "expired":
            status = translate("Handoff", "二维码已过期，请点击下方按钮生成新的二维码。")
        elif state == "unavailable":
            status = self._unavailable_text()
        elif state == "intro":
            status = translate(
                "Handoff",
                "在法律条文、机构和人员、案例、问答、办事指南页面，以及咨询和投诉表单、回执页面，"
                "点击「在手机上继续」，即可生成二维码，用微信扫码后在手机上继续。",
            )
        else:
            status = ""
        self.status.setText(status)
        self.status.setAccessibleName(status)
        self.privacy.setText(privacy)
        self.privacy.setVisible(bool(privacy))
        self.qr_mark.setText(translate("Handoff", "二维码已过期") if state == "expired" else status)
        tracked = self._context if isinstance(self._context, TrackingContext) else None
        self.ref.setText(
            translate("Handoff", "编号：%1").replace("%1", tracked.ref) if tracked else ""
        )
        self.ref.setAccessibleName(self.ref.text())
        self.ref.setVisible(tracked is not None and state in ("shown", "expired", "unavailable"))

    def _unavailable_text(self) -> str:
        result = self._unavailable
        if result is None:
            return ""
        if result.reason is Unavailability.NEEDS_NETWORK:
            lead = translate("Handoff", "本机暂时无法连接网络，在手机上继续需要联网。")
        elif result.reason is Unavailability.REFUSED:
            lead = translate("Handoff", "暂时无法生成二维码。")
        else:
            lead = translate("Handoff", "本机暂不支持在手机上继续。")
        instead = {
            Alternative.SUBMIT_HERE: translate(
                "Handoff", "您可以在本机直接填写并提交，提交后会得到回执编号。"
            ),
            Alternative.RECEIPT_NUMBER: translate(
                "Handoff", "请记下回执编号，之后可在本机或微信小程序中用编号查询。"
            ),
            Alternative.READ_HERE: translate("Handoff", "您可以在本机继续阅读。"),
        }[result.instead]
        return f"{lead}\n{instead}"

    def _render_purpose(self) -> None:
        """What the code is for, in the heading; for a draft, what stays on the kiosk."""
        context = self._context
        purpose = ""
        if isinstance(context, DraftContext):
            heading = translate("Handoff", "在手机上继续填写")
            purpose = translate(
                "Handoff",
                "扫码后可以在手机上接着填写、补充照片和材料。为保护您的隐私，"
                "姓名和手机号不会随二维码带走，请在手机上重新填写。",
            )
        elif isinstance(context, TrackingContext):
            heading = translate("Handoff", "在手机上查看办理进度")
        elif isinstance(context, ContentContext):
            heading = translate("Handoff", "在手机上继续阅读")
        else:
            heading = self.title()
        self.heading.setText(heading)
        self.purpose.setText(purpose)
        self.purpose.setVisible(bool(purpose))

    def retranslate(self) -> None:
        self._render_purpose()
        self.instructions.setText(
            translate("Handoff", "① 打开微信\n② 点右上角「+」，选「扫一扫」\n③ 对准左侧二维码")
        )
        self.qr.setAccessibleName(translate("Handoff", "微信小程序二维码"))
        self._render_buttons()
        self._render_status()


def register(registry: ScreenRegistry) -> None:
    registry.add(HandoffScreen.screen_id, HandoffScreen, in_history=False)
    registry.allow(ANY, HandoffScreen.screen_id)
