"""The staff PIN pad, opened by the hidden staff gesture.

Digits only, from on-screen keys (no text field, so no keyboard pops up); the
PIN is shown as dots and forgotten as soon as it was checked.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.staff.access import PinOutcome
from ui.screen_registry import ANY, ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate

PIN_MAX = 12
KEY_SIZE = (160, 96)
DIGIT_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


class StaffPinScreen(Screen):
    screen_id = "staff_pin"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._pin = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 48, 0, 48)
        layout.setSpacing(SPACING_PX * 3)
        self.heading = make_label(role="heading", object_name="staff_pin.heading")
        self.message = make_label(object_name="staff_pin.message")
        self.dots = make_label(role="heading", object_name="staff_pin.dots")
        for label in (self.heading, self.message, self.dots):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(SPACING_PX * 2)
        self.keys: dict[str, TouchButton] = {}
        for index, digit in enumerate("123456789"):
            self._add_key(grid, digit, index // 3, index % 3)
        self.clear_key = TouchButton("staff_pin.clear")
        self.clear_key.setMinimumSize(*KEY_SIZE)
        self.clear_key.clicked.connect(self._on_clear_clicked)
        grid.addWidget(self.clear_key, 3, 0)
        self._add_key(grid, "0", 3, 1)
        self.backspace_key = TouchButton("staff_pin.backspace")
        self.backspace_key.setMinimumSize(*KEY_SIZE)
        self.backspace_key.clicked.connect(self._on_backspace_clicked)
        grid.addWidget(self.backspace_key, 3, 2)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(grid)
        centred.addStretch(1)
        layout.addLayout(centred)
        actions = QHBoxLayout()
        actions.setSpacing(SPACING_PX * 4)
        actions.addStretch(1)
        self.cancel_button = TouchButton("staff_pin.cancel")
        self.cancel_button.setMinimumWidth(240)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.ok_button = TouchButton("staff_pin.ok", role="primary")
        self.ok_button.setMinimumWidth(240)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.ok_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)
        self._message_key: tuple[str, dict[str, Any]] = ("enter", {})
        self.retranslate()

    def _add_key(self, grid: QGridLayout, digit: str, row: int, column: int) -> None:
        key = TouchButton(f"staff_pin.key_{DIGIT_NAMES[int(digit)]}", digit)
        key.setMinimumSize(*KEY_SIZE)
        key.clicked.connect(lambda _checked=False, d=digit: self.press(d))
        self.keys[digit] = key
        grid.addWidget(key, row, column)

    # --- life cycle -------------------------------------------------------------
    def title(self) -> str:
        return translate("StaffPin", "工作人员登录")

    def enter(self, **params: Any) -> None:
        self._pin = ""
        self._show_message("enter")
        self._refresh()

    def leave(self) -> None:
        self._pin = ""

    def wipe(self) -> None:
        self._pin = ""
        self._refresh()

    # --- input ------------------------------------------------------------------
    def press(self, digit: str) -> None:
        if len(self._pin) < PIN_MAX:
            self._pin += digit
        self._refresh()

    def _on_clear_clicked(self) -> None:
        self._pin = ""
        self._refresh()

    def _on_backspace_clicked(self) -> None:
        self._pin = self._pin[:-1]
        self._refresh()

    def _on_cancel_clicked(self) -> None:
        self._pin = ""
        self.go_home()

    def _on_ok_clicked(self) -> None:
        staff = self.services.staff
        pin, self._pin = self._pin, ""
        self._refresh()
        if staff is None:
            self._show_message("unavailable")
            return
        attempt = staff.access.try_pin(pin)
        if attempt.outcome is PinOutcome.GRANTED:
            staff.session.start()
            self.navigate("staff_panel")
        elif attempt.outcome is PinOutcome.WRONG:
            self._show_message("wrong", left=attempt.attempts_left)
        elif attempt.outcome is PinOutcome.LOCKED:
            self._show_message("locked", minutes=max(1, math.ceil(attempt.locked_for_s / 60)))
        else:
            self._show_message("no_pin")

    # --- texts ------------------------------------------------------------------
    def _show_message(self, key: str, **params: Any) -> None:
        self._message_key = (key, params)
        self._render_message()

    def _render_message(self) -> None:
        key, params = self._message_key
        texts = {
            "enter": translate("StaffPin", "请输入工作人员密码"),
            "wrong": translate("StaffPin", "密码不正确，还可以再试 %1 次").replace(
                "%1", str(params.get("left", ""))
            ),
            "locked": translate("StaffPin", "错误次数过多，已锁定，请 %1 分钟后再试").replace(
                "%1", str(params.get("minutes", ""))
            ),
            "no_pin": translate(
                "StaffPin", "尚未设置工作人员密码，请用 legal-kiosk staff set-pin 设置"
            ),
            "unavailable": translate("StaffPin", "工作人员模式不可用"),
        }
        self.message.setText(texts.get(key, texts["enter"]))
        self.message.setProperty("message_key", key)

    def _refresh(self) -> None:
        self.dots.setText("●" * len(self._pin) if self._pin else "—")
        self.dots.setAccessibleName(
            translate("StaffPin", "已输入 %1 位").replace("%1", str(len(self._pin)))
        )
        self.ok_button.setEnabled(bool(self._pin))

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.clear_key.setText(translate("StaffPin", "清除"))
        self.backspace_key.setText("⌫")
        self.backspace_key.set_accessible_name(translate("StaffPin", "删除一位"))
        self.cancel_button.setText(translate("StaffPin", "取消"))
        self.ok_button.setText(translate("StaffPin", "确定"))
        self._render_message()
        self._refresh()


def register(registry: ScreenRegistry) -> None:
    registry.add(StaffPinScreen.screen_id, StaffPinScreen, top_bar=False, in_history=False)
    registry.allow(ANY, StaffPinScreen.screen_id)
    registry.allow(StaffPinScreen.screen_id, "staff_panel")
