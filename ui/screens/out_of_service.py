"""The calm notice citizens see while the kiosk is out of service.

It shows the message of staff or of the platform in Chinese and English at
once (a foreign resident should not have to find a language switch on a
screen that does nothing), the time service resumes when known, and the
hall's phone number. It has no buttons: only the staff gesture leads away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate

DEFAULT_ZH = "本机暂停服务，给您带来不便，敬请谅解。请到服务窗口办理。"
DEFAULT_EN = "This kiosk is out of service. We are sorry for the inconvenience; please go to a service window."


class OutOfServiceScreen(Screen):
    screen_id = "out_of_service"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(160, 120, 160, 120)
        layout.setSpacing(SPACING_PX * 4)
        layout.addStretch(1)
        self.heading_zh = make_label(
            "暂停服务", role="heading", object_name="out_of_service.heading_zh"
        )
        self.heading_en = make_label(
            "Out of service", role="heading", object_name="out_of_service.heading_en"
        )
        self.message_zh = make_label(object_name="out_of_service.message_zh")
        self.message_en = make_label(object_name="out_of_service.message_en")
        self.until = make_label(role="muted", object_name="out_of_service.until")
        self.phone = make_label(role="subheading", object_name="out_of_service.phone")
        for label in (
            self.heading_zh,
            self.message_zh,
            self.heading_en,
            self.message_en,
            self.until,
            self.phone,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAccessibleName(label.text())
            layout.addWidget(label)
        layout.addStretch(2)
        self.enter()

    def title(self) -> str:
        return translate("OutOfService", "暂停服务")

    def enter(self, **params: Any) -> None:
        staff = self.services.staff
        notice = staff.maintenance.notice() if staff is not None else None
        zh = (notice.message_zh if notice else "") or DEFAULT_ZH
        en = (notice.message_en if notice else "") or DEFAULT_EN
        if notice is not None and notice.source == "staff":
            # Staff type one message, in one language: it takes that language's line,
            # the other line keeps the standard text.
            typed = notice.message_zh
            zh = typed if typed and _has_chinese(typed) else DEFAULT_ZH
            en = typed if typed and not _has_chinese(typed) else DEFAULT_EN
        self.message_zh.setText(zh)
        self.message_en.setText(en)
        until = notice.until if notice else None
        if until is not None:
            local = until.astimezone()
            self.until.setText(
                f"预计 {local:%m月%d日 %H:%M} 恢复服务 · Expected back at {local:%H:%M}, {local:%d %b}"
            )
        else:
            self.until.setText("")
        self.until.setVisible(until is not None)
        phone = str(self.services.settings["kiosk.hall_phone"])
        self.phone.setText(f"咨询电话 Phone: {phone}")
        for label in (self.message_zh, self.message_en, self.until, self.phone):
            label.setAccessibleName(label.text())

    def wipe(self) -> None:
        """Nothing personal is ever shown here."""


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def register(registry: ScreenRegistry) -> None:
    registry.add(OutOfServiceScreen.screen_id, OutOfServiceScreen, top_bar=False, in_history=False)
