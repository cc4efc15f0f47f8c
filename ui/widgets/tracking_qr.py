"""The small tracking QR on a receipt: follow the submission on the phone.

Online it shows a minted code with its countdown, and offers a new one once it
has expired. Offline (or when the platform says no) the code is not shown and
the panel says to note the receipt number instead: a submission is never
tracked through a link without a token.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.handoff import HandoffCode, HandoffUnavailable, TrackingContext
from ui.theme import SPACING_PX
from ui.widgets.qr_code import QrCodeWidget
from ui.widgets.touch import TouchButton, make_label

translate = QCoreApplication.translate


def expires_in_text(seconds_left: float) -> str:
    """「二维码 4:59 后失效」: the time left on a minted code, rounded up to the second."""
    whole = int(seconds_left + 0.999)
    return translate("Handoff", "二维码 %1 后失效").replace("%1", f"{whole // 60}:{whole % 60:02d}")


def new_code_text(unavailable: bool) -> str:
    """The button under a missing code: try again (no network) or make a new one (expired)."""
    return translate("Handoff", "重试") if unavailable else translate("Handoff", "生成新二维码")


class TrackingQrPanel(QWidget):
    """Asks ``service`` (a HandoffService) for a tracking code for ``ref`` and shows it."""

    def __init__(
        self, service: Any, ref: str, side_px: int = 300, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tracking_qr")
        self._service = service
        self._ref = ref
        self._generation: int | None = None
        self._code: HandoffCode | None = None
        self.state = "idle"  # waiting, shown, expired, unavailable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        self.caption = make_label(role="subheading", object_name="tracking_qr.caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.qr = QrCodeWidget()
        self.qr.setObjectName("tracking_qr.code")
        self.qr.setFixedSize(side_px, side_px)
        self.status = make_label(object_name="tracking_qr.status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.refresh_button = TouchButton("tracking_qr.refresh")
        self.refresh_button.clicked.connect(self.start)
        layout.addWidget(self.caption)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.status)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        service.code_ready.connect(self._on_code_ready)
        service.unavailable.connect(self._on_unavailable)
        self._set_state("idle")

    def start(self) -> None:
        """Ask for a (new) code."""
        self._code = None
        self.qr.set_text("")
        self._set_state("waiting")
        self._generation = self._service.request(TrackingContext(self._ref))

    def stop(self) -> None:
        """The receipt is no longer on screen: ignore a late answer, stop the countdown."""
        self._generation = None
        self._ticker.stop()

    def clear(self) -> None:
        """Session wipe: no code stays behind."""
        self.stop()
        self._code = None
        self.qr.set_text("")
        self._set_state("idle")

    def _mine(self) -> bool:
        return self._generation is not None and self._service.is_latest(self._generation)

    def _on_code_ready(self, code: HandoffCode) -> None:
        if not self._mine():
            return
        self._generation = None
        self._code = code
        self.qr.set_text(code.url)
        self._set_state("shown")
        self._ticker.start()

    def _on_unavailable(self, _result: HandoffUnavailable) -> None:
        if not self._mine():
            return
        self._generation = None
        self._set_state("unavailable")

    def _tick(self) -> None:
        code = self._code
        if self.state != "shown" or code is None:
            self._ticker.stop()
            return
        if code.is_expired(self._service.now()):
            self._ticker.stop()
            self.qr.set_text("")  # an expired code must not be scanned
            self._set_state("expired")
            return
        self._render()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.setProperty("handoff_state", state)
        self.qr.setVisible(state == "shown")
        self.refresh_button.setVisible(state in ("expired", "unavailable"))
        self.caption.setVisible(state != "unavailable")  # no code to scan: no "scan" caption
        self._render()

    def retranslate(self) -> None:
        self._render()

    def _render(self) -> None:
        self.caption.setText(translate("Handoff", "微信扫码，在手机上查看进度"))
        self.refresh_button.setText(new_code_text(self.state == "unavailable"))
        code = self._code
        if self.state == "waiting":
            text = translate("Handoff", "正在生成二维码…")
        elif self.state == "shown" and code is not None:
            text = expires_in_text(code.seconds_left(self._service.now()) or 0)
        elif self.state == "expired":
            text = translate("Handoff", "二维码已过期，可以生成新的二维码。")
        elif self.state == "unavailable":
            text = translate(
                "Handoff",
                "在手机上查看进度需要联网，本机暂时无法连接。请记下左侧的编号，"
                "之后可在本机「我的办件」或微信小程序中用编号查询。",
            )
        else:
            text = ""
        self.status.setText(text)
        self.status.setAccessibleName(text)
