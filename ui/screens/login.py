"""ID-card login: where to place the card, what the kiosk does with it, and the demo cards.

A card placed on the reader logs the citizen in from any screen (see
``kiosk.card_login``); this screen, opened from the Home tile, explains how.
With the built-in simulator (no ``idcard.port``) it also offers clearly
labelled demo controls that place sample cards of every type, including two
that must be refused.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.errors import DeviceError
from kiosk.identity import DEMO_CARD_KINDS
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import (
    KineticScrollArea,
    ReadAloudButton,
    TouchButton,
    make_label,
)
from ui.widgets.card_reader_drawing import CardReaderDrawing

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

DEMO_CARD_LABELS = {
    "resident": QT_TRANSLATE_NOOP("LoginScreen", "居民身份证"),
    "resident_long_term": QT_TRANSLATE_NOOP("LoginScreen", "长期有效身份证"),
    "hmt_residence": QT_TRANSLATE_NOOP("LoginScreen", "港澳台居民居住证"),
    "foreign_2017": QT_TRANSLATE_NOOP("LoginScreen", "外国人永居证（2017版）"),
    "foreign_2023": QT_TRANSLATE_NOOP("LoginScreen", "外国人永居证（2023版）"),
    "resident_expired": QT_TRANSLATE_NOOP("LoginScreen", "过期证件（会被拒绝）"),
    "resident_bad_check_digit": QT_TRANSLATE_NOOP("LoginScreen", "号码有误（会被拒绝）"),
}


class LoginScreen(Screen):
    screen_id = "login"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        session = services.session
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(48)
        self.drawing = CardReaderDrawing()
        outer.addWidget(self.drawing, 1)

        # The text and the demo controls scroll (large text does not fit one screen).
        content = QWidget()
        content.setObjectName("login.content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 16, 0)
        column.setSpacing(20)
        self.heading = make_label(role="heading", object_name="login.heading")
        self.heading.setWordWrap(True)
        self.steps = make_label(object_name="login.steps")
        self.cards = make_label(object_name="login.cards")
        self.privacy = make_label(role="muted", object_name="login.privacy")
        self.state = make_label(role="subheading", object_name="login.state")
        self.state.setWordWrap(True)
        for label in (self.heading, self.steps, self.cards, self.privacy, self.state):
            column.addWidget(label)
        actions = QHBoxLayout()
        actions.setSpacing(SPACING_PX * 3)
        self.read_this = ReadAloudButton(services, self.spoken_text, "login.read_this")
        self.logout_button = TouchButton("login.logout", role="primary")
        self.logout_button.clicked.connect(self._on_logout_clicked)
        actions.addWidget(self.read_this)
        actions.addWidget(self.logout_button)
        actions.addStretch(1)
        column.addLayout(actions)

        self.demo = QFrame()
        self.demo.setObjectName("login.demo")
        self.demo.setProperty("role", "panel")
        demo_layout = QVBoxLayout(self.demo)
        demo_layout.setContentsMargins(24, 16, 24, 20)
        demo_layout.setSpacing(12)
        self.demo_heading = make_label(role="subheading", object_name="login.demo_heading")
        self.demo_heading.setWordWrap(True)
        demo_layout.addWidget(self.demo_heading)
        grid = QGridLayout()
        grid.setSpacing(SPACING_PX * 2)
        self.demo_buttons: dict[str, TouchButton] = {}
        for index, kind in enumerate(DEMO_CARD_KINDS):
            button = TouchButton(f"login.demo_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.place_demo_card(k))
            grid.addWidget(button, index // 2, index % 2)
            self.demo_buttons[kind] = button
        demo_layout.addLayout(grid)
        self.demo_message = make_label(role="muted", object_name="login.demo_message")
        demo_layout.addWidget(self.demo_message)
        column.addWidget(self.demo)
        column.addStretch(1)
        self.scroll = KineticScrollArea(content)
        self.scroll.setObjectName("login.scroll")
        self.scroll.setProperty("role", "page")
        outer.addWidget(self.scroll, 2)

        idcard = services.idcard
        self.demo.setVisible(bool(idcard is not None and getattr(idcard, "simulated", False)))
        session.identity_changed.connect(self._on_session_identity_changed)
        session.preferences_changed.connect(self._on_session_preferences_changed)
        if idcard is not None:
            idcard.health_changed.connect(self._on_idcard_health_changed)
        self._on_session_preferences_changed()
        self.retranslate()

    def title(self) -> str:
        return translate("LoginScreen", "身份证登录")

    def enter(self, **params: Any) -> None:
        self.demo_message.setText("")
        self._update_state()

    def retranslate(self) -> None:
        self.heading.setText(translate("LoginScreen", "请把证件放在屏幕下方的读卡区"))
        self.steps.setText(
            translate(
                "LoginScreen",
                "1. 证件正面朝上，平放在带有身份证图标的读卡区。\n"
                "2. 保持不动约一秒，屏幕上出现欢迎信息即登录成功。\n"
                "3. 在任何页面放上证件都可以登录。",
            )
        )
        self.cards.setText(
            translate(
                "LoginScreen",
                "可以使用：居民身份证、港澳台居民居住证、外国人永久居留身份证。",
            )
        )
        self.privacy.setText(
            translate(
                "LoginScreen",
                "您的证件号码不会完整显示，也不会被朗读或记录。"
                "点击「退出登录」或「结束」后，本机立即清除您的信息。",
            )
        )
        self.drawing.set_pad_label(translate("LoginScreen", "读卡区"))
        self.logout_button.setText(translate("LoginScreen", "退出登录"))
        self.demo_heading.setText(
            translate("LoginScreen", "演示模式：本机未连接读卡器，可放置演示证件试用")
        )
        for kind, button in self.demo_buttons.items():
            button.setText(translate("LoginScreen", DEMO_CARD_LABELS[kind]))
        self._update_state()

    def spoken_text(self) -> str:
        parts = [self.title(), self.heading.text(), self.steps.text(), self.cards.text()]
        parts += [self.privacy.text(), self.state.text()]
        return "\n".join(p for p in parts if p)

    def wipe(self) -> None:
        super().wipe()
        self.demo_message.setText("")
        self._update_state()

    def place_demo_card(self, kind: str) -> bool:
        """The demo control: put a sample card on the built-in simulator."""
        idcard = self.services.idcard
        try:
            if idcard is None:
                raise DeviceError("no ID-card reader service")
            idcard.place_demo_card(kind)
        except (DeviceError, KeyError) as error:
            log.warning("demo card not placed: %s", error)
            self.demo_message.setText(
                translate("LoginScreen", "演示读卡器还没有准备好，请稍后再试。")
            )
            return False
        self.demo_message.setText(translate("LoginScreen", "已放置演示证件，正在读取……"))
        return True

    def _update_state(self) -> None:
        identity = self.services.session.identity
        idcard = self.services.idcard
        health = str(getattr(idcard, "health", "")) if idcard is not None else "absent"
        if identity is not None:
            text = translate("LoginScreen", "您已登录：%1").replace(
                "%1", str(getattr(identity, "masked_name", ""))
            )
        elif idcard is None or health == "error":
            text = translate("LoginScreen", "读卡器暂时不能使用，请到服务窗口由工作人员帮您办理。")
        else:
            text = ""
        self.state.setText(text)
        self.state.setVisible(bool(text))
        self.logout_button.setVisible(identity is not None)

    def _on_logout_clicked(self) -> None:
        login = self.services.login
        if login is not None:
            login.log_out()
        else:
            self.services.session.logout()

    def _on_session_identity_changed(self, identity: object) -> None:
        if identity is not None:
            self.demo_message.setText("")
        self._update_state()

    def _on_idcard_health_changed(self, health: str) -> None:
        self._update_state()

    def _on_session_preferences_changed(self) -> None:
        self.drawing.set_high_contrast(self.services.session.high_contrast)


def register(registry: ScreenRegistry) -> None:
    registry.add(LoginScreen.screen_id, LoginScreen)
    registry.allow(LoginScreen.screen_id, "home")
