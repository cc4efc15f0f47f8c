"""Buttons, fields and labels sized for fingers; each carries its automation id."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.theme import MIN_TARGET_PX, PRIMARY_TARGET_PX


def _set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("role", role)


class TouchButton(QPushButton):
    """A push button at least 64x64 px (80 px tall when primary).

    ``object_name`` is the stable automation id (``home.laws``); the visible
    text doubles as the accessible name, so setting the text keeps both right
    in the current language.
    """

    def __init__(
        self,
        object_name: str,
        text: str = "",
        role: str = "secondary",
        parent: QWidget | None = None,
        checkable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        _set_role(self, role)
        height = PRIMARY_TARGET_PX if role in ("primary", "tile") else MIN_TARGET_PX
        self.setMinimumSize(MIN_TARGET_PX, height)
        self.setCheckable(checkable)
        self.setAutoDefault(False)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        if not self.property("fixed_accessible_name"):
            self.setAccessibleName(" ".join(text.split()))

    def set_accessible_name(self, name: str) -> None:
        """An accessible name other than the text (e.g. for an icon-like label)."""
        self.setProperty("fixed_accessible_name", True)
        self.setAccessibleName(name)


class TileButton(TouchButton):
    """A large Home tile: a title and a short description, both readable."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, "", role="tile", parent=parent)
        self.setMinimumSize(280, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 20, 36, 20)
        layout.setSpacing(12)
        self.title_label = make_label("", role="tile")
        self.title_label.setWordWrap(True)
        self.detail_label = make_label("", role="muted")
        self.detail_label.setWordWrap(True)
        layout.addStretch(1)
        for label in (self.title_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_texts(self, title: str, detail: str) -> None:
        self.title_label.setText(title)
        self.detail_label.setText(detail)
        self.setProperty("fixed_accessible_name", True)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)


class BigLineEdit(QLineEdit):
    """A single-line field 80 px tall; the placeholder doubles as the accessible name."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumSize(MIN_TARGET_PX * 3, PRIMARY_TARGET_PX)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # The on-screen keyboard must not learn what citizens type (see ui/keyboard.py).
        self.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData)

    def set_label(self, label: str, placeholder: str = "") -> None:
        self.setAccessibleName(label)
        self.setPlaceholderText(placeholder or label)


def make_label(text: str = "", role: str = "body", object_name: str = "") -> QLabel:
    label = QLabel(text)
    _set_role(label, role)
    label.setWordWrap(role in ("body", "muted", "lead"))
    if object_name:
        label.setObjectName(object_name)
    return label


def clear_inputs(root: QWidget) -> int:
    """Empty every text input below ``root``, undo history included; returns how many held text.

    Editable combo boxes lose their typed text, and checkable buttons marked
    with the property ``session_input`` (a citizen's choice, not a preference)
    are unchecked.
    """
    cleared = 0
    for edit in root.findChildren(QLineEdit):
        if edit.text():
            cleared += 1
        edit.setText("")  # unlike clear(), setText also forgets the undo history
    for text_edit in root.findChildren(QTextEdit):
        if text_edit.toPlainText():
            cleared += 1
        text_edit.clear()
    for plain in root.findChildren(QPlainTextEdit):
        if plain.toPlainText():
            cleared += 1
        plain.clear()
    for spin in root.findChildren(QAbstractSpinBox):
        spin.clear()
    for combo in root.findChildren(QComboBox):
        if combo.isEditable():
            combo.clearEditText()
        combo.setCurrentIndex(0 if combo.count() else -1)
    for button in root.findChildren(QAbstractButton):
        if button.isCheckable() and button.property("session_input"):
            button.setChecked(False)
    return cleared
