"""A practitioner's card: photo, licence, institution, years, expertise, status, penalties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, scroll_area, set_badge
from ui.lookup.sections import FieldGrid, PenaltyList, placeholder_photo
from ui.screen_registry import ScreenRegistry
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import PractitionerCard

translate = QCoreApplication.translate

PHOTO_PX = 240
FIELDS = ("license_no", "role", "years", "expertise", "district", "service_record")


class PractitionerScreen(LookupScreen):
    screen_id = "practitioner"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.card: PractitionerCard | None = None
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(20)
        layout.addWidget(self.notice)
        top = QHBoxLayout()
        top.setSpacing(32)
        self.photo = QLabel()
        self.photo.setObjectName("practitioner.photo")
        self.photo.setFixedSize(PHOTO_PX, PHOTO_PX)
        self.photo.setScaledContents(True)
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        info = QVBoxLayout()
        info.setSpacing(12)
        name_row = QHBoxLayout()
        name_row.setSpacing(16)
        self.name = make_label(role="heading", object_name="practitioner.name")
        self.status = make_label(role="badge", object_name="practitioner.status")
        name_row.addWidget(self.name)
        name_row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)
        name_row.addStretch(1)
        info.addLayout(name_row)
        institution_row = QHBoxLayout()
        self.institution_label = make_label(
            role="muted", object_name="practitioner.institution_label"
        )
        self.institution_button = TouchButton("practitioner.institution")
        self.institution_button.clicked.connect(self._open_institution)
        institution_row.addWidget(self.institution_label)
        institution_row.addWidget(self.institution_button)
        institution_row.addStretch(1)
        info.addLayout(institution_row)
        self.fields = FieldGrid("practitioner", FIELDS)
        info.addWidget(self.fields)
        top.addLayout(info, 1)
        tools = QVBoxLayout()
        tools.setSpacing(16)
        self.read_button = self.make_read_aloud_button()
        self.handoff_button = self.make_handoff_button()
        self.handoff_button.clicked.connect(
            lambda: self.card and self.hand_off("practitioner", self.card.id)
        )
        tools.addWidget(self.read_button)
        tools.addWidget(self.handoff_button)
        tools.addStretch(1)
        top.addLayout(tools)
        layout.addLayout(top)
        self.penalties = PenaltyList("practitioner")
        layout.addWidget(self.penalties)
        layout.addStretch(1)
        self.scroll = scroll_area(content, "practitioner.scroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.retranslate()

    def title(self) -> str:
        return self.card.name if self.card else translate("PractitionerScreen", "法律服务人员")

    def retranslate(self) -> None:
        labels = {
            "license_no": translate("PractitionerScreen", "执业证号"),
            "role": translate("PractitionerScreen", "类别"),
            "years": translate("PractitionerScreen", "执业年限"),
            "expertise": translate("PractitionerScreen", "专业领域"),
            "district": translate("PractitionerScreen", "所在区域"),
            "service_record": translate("PractitionerScreen", "服务记录"),
        }
        for key, text in labels.items():
            self.fields.set_label(key, text)
        self.institution_label.setText(translate("PractitionerScreen", "执业机构"))
        self.penalties.heading.setText(translate("PractitionerScreen", "处罚和惩戒记录"))
        self.read_button.setText(translate("PractitionerScreen", "朗读"))
        self.handoff_button.setText(translate("PractitionerScreen", "手机继续看"))
        self.photo.setAccessibleName(translate("PractitionerScreen", "照片"))
        self._show()

    def refresh(self) -> None:
        if self.show_notice():
            self.card = None
        else:
            self.card = self.content.practitioner(str(self._params.get("id", "")))
            if self.card is None:
                self.notice.setText(
                    translate("PractitionerScreen", "没有找到这位法律服务人员的信息。")
                )
                self.notice.show()
        self._show()
        self.scroll.verticalScrollBar().setValue(0)
        self.title_changed.emit(self.title())

    def _show(self) -> None:
        card = self.card
        self.photo.setVisible(card is not None)
        self.fields.setVisible(card is not None)
        self.penalties.setVisible(card is not None)
        self.institution_label.setVisible(bool(card and card.institution_name))
        self.institution_button.setVisible(bool(card and card.institution_name))
        self.handoff_button.setEnabled(card is not None)
        if card is None:
            self.name.setText("")
            set_badge(self.status, "", True)
            return
        photo = QPixmap(card.photo_path) if card.photo_path else QPixmap()
        if photo.isNull():
            photo = placeholder_photo(PHOTO_PX, self.services.session.high_contrast)
        self.photo.setPixmap(photo)
        self.name.setText(card.name)
        set_badge(self.status, card.status_label, good=card.status == "practising")
        self.institution_button.setText(card.institution_name)
        years = ""
        if card.years_in_practice is not None:
            years = translate("PractitionerScreen", "%1 年（%2 年起执业）")
            years = years.replace("%1", str(card.years_in_practice)).replace(
                "%2", str(card.practice_since)
            )
        self.fields.set_value("license_no", card.license_no)
        self.fields.set_value("role", card.role_label)
        self.fields.set_value("years", years)
        self.fields.set_value("expertise", "、".join(card.expertise))
        self.fields.set_value("district", card.district)
        self.fields.set_value("service_record", card.service_record)
        self.penalties.set_penalties(card.penalties)

    def _open_institution(self) -> None:
        if self.card and self.card.institution_id:
            self.navigate("institution", id=self.card.institution_id)

    def spoken_text(self) -> str:
        if self.card is None:
            return "\n".join(t for t in (self.title(), self.notice.text()) if t)
        lines = [self.card.name, self.card.status_label]
        if self.card.institution_name:
            lines.append(f"{self.institution_label.text()} {self.card.institution_name}")
        lines += self.fields.lines()
        lines += self.penalties.spoken()
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(PractitionerScreen.screen_id, PractitionerScreen)
    registry.allow(PractitionerScreen.screen_id, "institution", "handoff")
