"""An institution: address, phone, licence, its own penalties and its team (tappable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, scroll_area, set_badge
from ui.lookup.cards import Card, CardListView
from ui.lookup.sections import FieldGrid, PenaltyList
from ui.screen_registry import ScreenRegistry
from ui.screens.practitioners import person_card
from ui.widgets import make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import InstitutionCard

translate = QCoreApplication.translate

FIELDS = ("role", "license_no", "address", "phone", "district", "expertise", "founded_on")


class InstitutionScreen(LookupScreen):
    screen_id = "institution"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.card: InstitutionCard | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(32)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 4, 16, 4)
        layout.setSpacing(20)
        layout.addWidget(self.notice)
        name_row = QHBoxLayout()
        self.name = make_label(role="heading", object_name="institution.name")
        self.name.setWordWrap(True)
        self.status = make_label(role="badge", object_name="institution.status")
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(name_row)
        self.fields = FieldGrid("institution", FIELDS)
        layout.addWidget(self.fields)
        self.penalties = PenaltyList("institution")
        layout.addWidget(self.penalties)
        tools = QHBoxLayout()
        tools.setSpacing(16)
        self.read_button = self.make_read_aloud_button()
        self.handoff_button = self.make_handoff_button()
        self.handoff_button.clicked.connect(
            lambda: self.card and self.hand_off("institution", self.card.id)
        )
        tools.addWidget(self.read_button)
        tools.addWidget(self.handoff_button)
        tools.addStretch(1)
        layout.addLayout(tools)
        layout.addStretch(1)
        self.scroll = scroll_area(content, "institution.scroll")
        outer.addWidget(self.scroll, 3)
        team_column = QVBoxLayout()
        team_column.setSpacing(12)
        self.team_heading = make_label(role="subheading", object_name="institution.team_heading")
        team_column.addWidget(self.team_heading)
        self.team = CardListView("institution.team", lambda: services.session.high_contrast)
        self.team.card_activated.connect(self._open_member)
        team_column.addWidget(self.team, 1)
        outer.addLayout(team_column, 2)
        self.retranslate()

    def title(self) -> str:
        return self.card.name if self.card else translate("InstitutionScreen", "法律服务机构")

    def retranslate(self) -> None:
        labels = {
            "role": translate("InstitutionScreen", "类别"),
            "license_no": translate("InstitutionScreen", "执业许可证号"),
            "address": translate("InstitutionScreen", "地址"),
            "phone": translate("InstitutionScreen", "电话"),
            "district": translate("InstitutionScreen", "所在区域"),
            "expertise": translate("InstitutionScreen", "业务领域"),
            "founded_on": translate("InstitutionScreen", "成立日期"),
        }
        for key, text in labels.items():
            self.fields.set_label(key, text)
        self.penalties.heading.setText(translate("InstitutionScreen", "机构处罚和惩戒记录"))
        self.team.setAccessibleName(translate("InstitutionScreen", "本机构人员"))
        self.read_button.setText(translate("InstitutionScreen", "朗读"))
        self.handoff_button.setText(translate("InstitutionScreen", "手机继续看"))
        self._show()

    def refresh(self) -> None:
        if self.show_notice():
            self.card = None
        else:
            self.card = self.content.institution(str(self._params.get("id", "")))
            if self.card is None:
                self.notice.setText(translate("InstitutionScreen", "没有找到这家机构的信息。"))
                self.notice.show()
        self._show()
        self.scroll.verticalScrollBar().setValue(0)
        self.title_changed.emit(self.title())

    def _show(self) -> None:
        card = self.card
        for widget in (self.fields, self.penalties, self.team, self.team_heading):
            widget.setVisible(card is not None)
        self.handoff_button.setEnabled(card is not None)
        if card is None:
            self.name.setText("")
            set_badge(self.status, "", True)
            self.team.cards.clear()
            return
        self.name.setText(card.name)
        set_badge(self.status, card.status_label, good=card.status == "active")
        values = {
            "role": card.role_label,
            "license_no": card.license_no,
            "address": card.address,
            "phone": card.phone,
            "district": card.district,
            "expertise": "、".join(card.expertise),
            "founded_on": card.founded_on,
        }
        for key, value in values.items():
            self.fields.set_value(key, value)
        self.penalties.set_penalties(card.penalties)
        self.team.cards.set_cards([person_card(member) for member in card.team])
        self.team_heading.setText(
            translate("InstitutionScreen", "本机构人员（%1 人）").replace("%1", str(len(card.team)))
        )

    def _open_member(self, card: Card) -> None:
        self.navigate("practitioner", id=card.payload.id)

    def spoken_text(self) -> str:
        if self.card is None:
            return "\n".join(t for t in (self.title(), self.notice.text()) if t)
        lines = [self.card.name, self.card.status_label, *self.fields.lines()]
        lines += self.penalties.spoken()
        lines.append(self.team_heading.text())
        lines += [member.name for member in self.card.team]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(InstitutionScreen.screen_id, InstitutionScreen)
    registry.allow(InstitutionScreen.screen_id, "practitioner", "handoff")
