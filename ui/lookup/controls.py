"""The search bar (debounced, with topic chips) and rows of one-tap choices."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ui.theme import SPACING_PX
from ui.widgets import BigLineEdit, TouchButton

translate = QCoreApplication.translate

DEBOUNCE_MS = 300
POPULAR_TOPICS = ("婚姻家庭", "劳动争议", "借贷纠纷", "交通事故", "房屋租赁", "消费维权")


class SearchBar(QWidget):
    """A large field (the on-screen keyboard opens on it), a clear button and topic chips.

    ``query_changed`` fires once typing pauses for :data:`DEBOUNCE_MS`, at once
    on a chip or on Enter.
    """

    query_changed = Signal(str)

    def __init__(
        self,
        prefix: str,
        topics: Sequence[str] = POPULAR_TOPICS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}.search_bar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX * 2)
        row = QHBoxLayout()
        row.setSpacing(SPACING_PX * 2)
        self.field = BigLineEdit(f"{prefix}.search")
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.field.setMaxLength(60)
        self.clear_button = TouchButton(f"{prefix}.search_clear")
        self.clear_button.setMinimumWidth(140)
        row.addWidget(self.field, 1)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self.chips: list[TouchButton] = []
        chips_row = QHBoxLayout()
        chips_row.setSpacing(SPACING_PX * 2)
        for number, topic in enumerate(topics, start=1):
            chip = TouchButton(f"{prefix}.topic_{number}", topic)
            chip.clicked.connect(lambda _=False, text=topic: self.set_query(text))
            chips_row.addWidget(chip)
            self.chips.append(chip)
        chips_row.addStretch(1)
        layout.addLayout(chips_row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._fire)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.set_label(
            translate("SearchBar", "搜索"),
            translate("SearchBar", "输入关键词，如：离婚冷静期、拖欠工资"),
        )
        self.clear_button.setText(translate("SearchBar", "清空"))

    def set_placeholder(self, label: str, placeholder: str) -> None:
        self.field.set_label(label, placeholder)

    def query(self) -> str:
        return self.field.text().strip()

    def set_query(self, text: str) -> None:
        """Put ``text`` in the field and search at once (a chip, or automation)."""
        self.field.setText(text)
        self._fire()

    def clear(self) -> None:
        self.field.setText("")
        self._fire()

    def _fire(self) -> None:
        self._timer.stop()
        self.query_changed.emit(self.query())


class ChoiceGroup(QWidget):
    """Exclusive one-tap choices laid out in a grid; the first is "all" (value None)."""

    changed = Signal(object)

    def __init__(self, prefix: str, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setObjectName(f"{prefix}.choices")
        self.columns = columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING_PX * 2)
        self.buttons: list[tuple[object, TouchButton]] = []
        self._value: object = None

    def set_choices(self, choices: Sequence[tuple[object, str]], all_label: str | None) -> None:
        """``choices`` are (value, label); an "all" button comes first unless ``all_label``
        is None."""
        for _, button in self.buttons:
            self._grid.removeWidget(button)
            button.hide()  # gone at once, not only when the deletion is processed
            button.deleteLater()
        self.buttons = []
        entries: list[tuple[object, str]] = list(choices)
        if all_label is not None:
            entries.insert(0, (None, all_label))
        for number, (value, label) in enumerate(entries):
            name = f"{self.prefix}.all" if value is None else f"{self.prefix}.{number}"
            button = TouchButton(name, label, checkable=True)
            button.clicked.connect(lambda _=False, v=value: self.select(v))
            self._grid.addWidget(button, number // self.columns, number % self.columns)
            self.buttons.append((value, button))
        if self._value not in [v for v, _ in self.buttons]:
            self._value = self.buttons[0][0] if self.buttons else None
        self._sync()

    def set_all_label(self, label: str) -> None:
        for value, button in self.buttons:
            if value is None:
                button.setText(label)

    def value(self) -> object:
        return self._value

    def select(self, value: object, notify: bool = True) -> None:
        self._value = value
        self._sync()
        if notify:
            self.changed.emit(value)

    def button_for(self, value: object) -> TouchButton | None:
        for candidate, button in self.buttons:
            if candidate == value:
                return button
        return None

    def _sync(self) -> None:
        for value, button in self.buttons:
            button.setChecked(value == self._value)
