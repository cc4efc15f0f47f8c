"""The large greeting after an ID-card login, and the calm refusal of a card that cannot log in.

It covers the current screen for a few seconds (or until tapped), whatever
screen the card was placed on. The greeting shows only the masked name
(张*三) and the masked number; with read-aloud on it is also said, and the
speech text masks the number down to its last four digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.identity import CitizenIdentity
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from ui.read_aloud import ReadAloud

translate = QCoreApplication.translate

GREETING_MS = 6000
REFUSAL_MS = 12000

CARD_TYPE_NAMES = {
    "resident": QT_TRANSLATE_NOOP("LoginOverlay", "居民身份证"),
    "hmt_residence": QT_TRANSLATE_NOOP("LoginOverlay", "港澳台居民居住证"),
    "foreign_permanent": QT_TRANSLATE_NOOP("LoginOverlay", "外国人永久居留身份证"),
}

REFUSAL_TEXTS = {
    "expired": QT_TRANSLATE_NOOP(
        "LoginOverlay",
        "这张证件已过有效期，不能用于登录。请使用有效证件，或到服务窗口由工作人员帮您办理。",
    ),
    "not_yet_valid": QT_TRANSLATE_NOOP(
        "LoginOverlay",
        "这张证件还未到有效期开始日期，暂不能用于登录。请到服务窗口由工作人员帮您办理。",
    ),
    "invalid": QT_TRANSLATE_NOOP(
        "LoginOverlay",
        "这张证件的信息未通过校验，不能用于登录。请到服务窗口由工作人员帮您核实。",
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "LoginOverlay",
        "没能读清这张证件。请把证件平放在读卡区，保持不动，稍等一两秒再试。",
    ),
}


def _speakable_name(masked_name: str, language: str) -> bool:
    """Whether the voice of ``language`` can say this (masked) name."""
    return not language.startswith("en") or masked_name.isascii()


def card_type_name(id_type: str) -> str:
    source = CARD_TYPE_NAMES.get(id_type)
    return translate("LoginOverlay", source) if source else id_type


def refusal_text(reason: str) -> str:
    return translate("LoginOverlay", REFUSAL_TEXTS.get(reason, REFUSAL_TEXTS["unreadable"]))


class LoginOverlay(QWidget):
    """Shows :meth:`greet` or :meth:`refuse` over its parent; a tap or the button closes it."""

    def __init__(self, parent: QWidget, read_aloud: ReadAloud | None = None) -> None:
        super().__init__(parent)
        self.read_aloud = read_aloud
        self.setObjectName("login_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.panel = QFrame(self)
        self.panel.setObjectName("login_panel")
        self.panel.setProperty("role", "panel")
        self.panel.setMinimumWidth(1100)
        inner = QVBoxLayout(self.panel)
        inner.setContentsMargins(72, 56, 72, 56)
        inner.setSpacing(28)
        self.heading = make_label(role="greeting", object_name="login_overlay.heading")
        self.detail = make_label(object_name="login_overlay.detail")
        self.number = make_label(role="muted", object_name="login_overlay.number")
        for label in (self.heading, self.detail, self.number):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            inner.addWidget(label)
        self.ok_button = TouchButton("login_overlay.ok", role="primary")
        self.ok_button.setMinimumHeight(100)
        self.ok_button.clicked.connect(self.dismiss)
        inner.addWidget(self.ok_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.panel, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self._identity: CitizenIdentity | None = None
        self._reason = ""
        parent.installEventFilter(self)
        self.hide()

    @property
    def kind(self) -> str:
        """'greeting', 'refusal' or '' (hidden)."""
        if not self.isVisible():
            return ""
        return "greeting" if self._identity is not None else "refusal"

    def greet(self, identity: CitizenIdentity) -> None:
        self._identity, self._reason = identity, ""
        self.setProperty("kind", "greeting")
        self._fill()
        self._present(GREETING_MS)

    def refuse(self, reason: str) -> None:
        self._identity, self._reason = None, reason
        self.setProperty("kind", "refusal")
        self._fill()
        self._present(REFUSAL_MS)

    def dismiss(self) -> None:
        """Close and forget what was shown (the name must not linger in a hidden label)."""
        self._timer.stop()
        self._identity, self._reason = None, ""
        for label in (self.heading, self.detail, self.number):
            label.setText("")
        self.hide()

    def spoken_text(self) -> str:
        heading = self.heading.text()
        identity = self._identity
        if identity is not None and not _speakable_name(identity.masked_name, self._language()):
            # An English voice spells Hanzi out one by one: greet without the name.
            heading = translate("LoginOverlay", "欢迎您")
        parts = [heading, self.detail.text(), self.number.text()]
        return "\n".join(p for p in parts if p)

    def _language(self) -> str:
        read_aloud = self.read_aloud
        return read_aloud.services.session.language if read_aloud is not None else "zh_CN"

    def _fill(self) -> None:
        identity = self._identity
        if identity is not None:
            self.heading.setText(
                translate("LoginOverlay", "欢迎您，%1").replace("%1", identity.masked_name)
            )
            self.detail.setText(
                translate(
                    "LoginOverlay", "您已使用%1登录。办理时将自动带入您的姓名和证件号码。"
                ).replace("%1", card_type_name(identity.id_type))
            )
            self.number.setText(
                translate("LoginOverlay", "证件号码 %1").replace("%1", identity.masked_id_number)
            )
            self.ok_button.setText(translate("LoginOverlay", "开始办理"))
        elif self._reason:
            self.heading.setText(translate("LoginOverlay", "无法使用这张证件登录"))
            self.detail.setText(refusal_text(self._reason))
            self.number.setText("")
            self.ok_button.setText(translate("LoginOverlay", "知道了"))
        self.number.setVisible(bool(self.number.text()))

    def _present(self, timeout_ms: int) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        style = self.style()
        style.unpolish(self)
        style.polish(self)
        self.show()
        self.raise_()
        self._timer.start(timeout_ms)
        if self.read_aloud is not None:
            self.read_aloud.announce(self.spoken_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self._fill()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere outside the panel closes it too: nobody is ever stuck here.
        if not self.panel.geometry().contains(event.position().toPoint()):
            self.dismiss()
        event.accept()
