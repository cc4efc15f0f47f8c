"""One service guide: who qualifies, materials to tick off, steps, time limits, fees, window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, body_label, scroll_area
from ui.lookup.sections import FieldGrid
from ui.screen_registry import ScreenRegistry
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import GuideView

translate = QCoreApplication.translate

UNCHECKED, CHECKED = "□", "√"
FIELDS = ("time_limit", "fees", "window", "phone")


class Checklist(QWidget):
    """Materials the citizen can tick off one by one (a session input: wiped at the end)."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setObjectName(f"{prefix}.materials")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(12)
        self.boxes: list[TouchButton] = []
        self.labels: list[QLabel] = []

    def set_items(self, items: tuple[str, ...]) -> None:
        for widget in [*self.boxes, *self.labels]:
            self._grid.removeWidget(widget)
            widget.hide()  # gone from the screen now, deleted later
            widget.deleteLater()
        self.boxes, self.labels = [], []
        for row, text in enumerate(items):
            box = TouchButton(f"{self.prefix}.material_{row + 1}", UNCHECKED, checkable=True)
            box.setProperty("session_input", True)
            box.setFixedSize(72, 72)
            box.set_accessible_name(text)
            box.toggled.connect(lambda on, b=box: b.setText(CHECKED if on else UNCHECKED))
            label = make_label(text, role="body")
            label.setWordWrap(True)
            self._grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(label, row, 1)
            self.boxes.append(box)
            self.labels.append(label)
        self._grid.setColumnStretch(1, 1)

    def checked_count(self) -> int:
        return sum(1 for box in self.boxes if box.isChecked())


class GuideScreen(LookupScreen):
    screen_id = "guide"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.guide: GuideView | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 20, 48, 20)
        outer.setSpacing(32)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 24, 0)
        layout.setSpacing(16)
        layout.addWidget(self.notice)
        self.heading = make_label(role="heading", object_name="guide.heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.fields = FieldGrid("guide", FIELDS)
        layout.addWidget(self.fields)
        self.conditions_heading = make_label(
            role="subheading", object_name="guide.conditions_heading"
        )
        layout.addWidget(self.conditions_heading)
        self.conditions = body_label("guide.conditions")
        layout.addWidget(self.conditions)
        self.materials_heading = make_label(
            role="subheading", object_name="guide.materials_heading"
        )
        layout.addWidget(self.materials_heading)
        self.materials = Checklist("guide")
        layout.addWidget(self.materials)
        self.steps_heading = make_label(role="subheading", object_name="guide.steps_heading")
        layout.addWidget(self.steps_heading)
        self.steps = body_label("guide.steps")
        layout.addWidget(self.steps)
        layout.addStretch(1)
        self.scroll = scroll_area(content, "guide.scroll")
        outer.addWidget(self.scroll, 1)
        tools = QVBoxLayout()
        tools.setSpacing(16)
        self.window_button = TouchButton("guide.show_window", role="primary")
        self.window_button.clicked.connect(self._show_window)
        self.read_button = self.make_read_aloud_button()
        self.handoff_button = self.make_handoff_button()
        self.handoff_button.clicked.connect(
            lambda: self.guide and self.hand_off("guide", self.guide.id)
        )
        for button in (self.window_button, self.read_button, self.handoff_button):
            button.setMinimumWidth(300)
            tools.addWidget(button)
        tools.addStretch(1)
        outer.addLayout(tools)
        self.retranslate()

    def title(self) -> str:
        return self.guide.title if self.guide else translate("GuideScreen", "办事指南")

    def retranslate(self) -> None:
        labels = {
            "time_limit": translate("GuideScreen", "办理时限"),
            "fees": translate("GuideScreen", "收费标准"),
            "window": translate("GuideScreen", "办理窗口"),
            "phone": translate("GuideScreen", "咨询电话"),
        }
        for key, text in labels.items():
            self.fields.set_label(key, text)
        self.conditions_heading.setText(translate("GuideScreen", "办理条件"))
        self.materials_heading.setText(translate("GuideScreen", "所需材料（可逐项勾选核对）"))
        self.steps_heading.setText(translate("GuideScreen", "办理流程"))
        self.window_button.setText(translate("GuideScreen", "窗口在哪里"))
        self.read_button.setText(translate("GuideScreen", "朗读"))
        self.handoff_button.setText(translate("GuideScreen", "手机继续看"))

    def refresh(self) -> None:
        if self.show_notice():
            self.guide = None
        else:
            self.guide = self.content.guide(str(self._params.get("id", "")))
            if self.guide is None:
                self.notice.setText(translate("GuideScreen", "没有找到这份办事指南。"))
                self.notice.show()
        self._show()
        self.scroll.verticalScrollBar().setValue(0)
        self.title_changed.emit(self.title())

    def _show(self) -> None:
        guide = self.guide
        for widget in (
            self.fields,
            self.conditions_heading,
            self.conditions,
            self.materials_heading,
            self.materials,
            self.steps_heading,
            self.steps,
        ):
            widget.setVisible(guide is not None)
        self.window_button.setEnabled(bool(guide and guide.window))
        self.handoff_button.setEnabled(guide is not None)
        if guide is None:
            self.heading.setText("")
            self.materials.set_items(())
            return
        self.heading.setText(guide.title)
        self.fields.set_value("time_limit", guide.time_limit)
        self.fields.set_value("fees", guide.fees)
        self.fields.set_value("window", guide.window)
        self.fields.set_value("phone", guide.phone)
        self.conditions.setText(guide.conditions)
        self.conditions_heading.setVisible(bool(guide.conditions))
        self.conditions.setVisible(bool(guide.conditions))
        self.materials.set_items(guide.materials)
        self.materials_heading.setVisible(bool(guide.materials))
        self.steps.setText("\n".join(f"{n}. {s}" for n, s in enumerate(guide.steps, start=1)))
        self.steps_heading.setVisible(bool(guide.steps))

    def _show_window(self) -> None:
        if self.guide and self.guide.window:
            self.navigate("hall_map", window=self.guide.window)

    def spoken_text(self) -> str:
        guide = self.guide
        if guide is None:
            return "\n".join(t for t in (self.title(), self.notice.text()) if t)
        lines = [guide.title, *self.fields.lines()]
        if guide.conditions:
            lines += [self.conditions_heading.text(), guide.conditions]
        if guide.materials:
            lines += [self.materials_heading.text(), *guide.materials]
        if guide.steps:
            lines += [self.steps_heading.text(), self.steps.text()]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(GuideScreen.screen_id, GuideScreen)
    registry.allow(GuideScreen.screen_id, "hall_map", "handoff")
