"""Form pieces of the submission screens: a labelled field with its message right below it,
a row of big choice buttons, a multi-line text area and the contact block."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.pii import mask_id_number, mask_name
from kiosk.submissions.drafts import Contact
from ui.theme import MIN_TARGET_PX, SPACING_PX
from ui.widgets.kinetic import enable_kinetic_scrolling
from ui.widgets.touch import BigLineEdit, TouchButton, make_label

translate = QCoreApplication.translate


class FieldBlock(QWidget):
    """Label, input, and the rule's message next to the field (empty when all is well)."""

    def __init__(self, object_name: str, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name + ".block")
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX)
        self.label = make_label(role="subheading", object_name=object_name + ".label")
        self.message = make_label(role="body", object_name=object_name + ".message")
        self.message.setProperty("error", True)
        self.message.hide()
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.message)

    def set_label(self, text: str) -> None:
        self.label.setText(text)
        self.editor.setAccessibleName(text)

    def set_message(self, text: str) -> None:
        # A sign in front, so the message stands out without relying on colour alone.
        self.message.setText("⚠ " + text if text else "")
        self.message.setVisible(bool(text))
        self.editor.setAccessibleDescription(text)
        # The field itself is outlined too, so the eye finds it from the message.
        if bool(self.editor.property("error")) != bool(text):
            self.editor.setProperty("error", bool(text))
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)

    @property
    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""


class ChoiceRow(QWidget):
    """Big exclusive choice buttons in a row; ``value`` is the chosen key or None."""

    changed = Signal(object)

    def __init__(
        self,
        object_name: str,
        keys: Sequence[str],
        parent: QWidget | None = None,
        per_row: int = 5,
    ):
        super().__init__(parent)
        self.setObjectName(object_name)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, TouchButton] = {}
        # Rows of at most ``per_row`` buttons: long English labels in large text
        # would otherwise be cut to fit one row.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(SPACING_PX * 2)
        layout.setVerticalSpacing(SPACING_PX * 2)
        per_row = max(1, per_row)
        for index, key in enumerate(keys):
            button = TouchButton(f"{object_name}.{key}", checkable=True)
            button.setProperty("session_input", True)
            self._group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button, index // per_row, index % per_row)
            button.toggled.connect(lambda on, chosen=key: on and self.changed.emit(chosen))
        layout.setColumnStretch(min(len(keys), per_row), 1)

    def set_texts(self, texts: dict[str, str]) -> None:
        for key, text in texts.items():
            if key in self.buttons:
                self.buttons[key].setText(text)

    @property
    def value(self) -> str | None:
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None

    def set_value(self, key: str | None) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)
            return
        self._group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self._group.setExclusive(True)


class TextArea(QPlainTextEdit):
    """A multi-line field for fingers: tall, with kinetic scrolling and a character count."""

    def __init__(self, object_name: str, maximum: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.maximum = maximum
        self.setMinimumHeight(MIN_TARGET_PX * 4)
        self.setTabChangesFocus(True)
        # A finger drags the text (kinetic scrolling); a thin scroll bar is no touch target.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scrolling(self)


class ContactBlock(QWidget):
    """Name and mobile number; the name is locked (and shown masked) after an ID-card login."""

    def __init__(self, prefix: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(prefix + ".contact")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING_PX * 2)
        self.name_edit = BigLineEdit(prefix + ".contact_name")
        self.phone_edit = BigLineEdit(prefix + ".contact_phone")
        self.phone_edit.setMaxLength(11)
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.name = FieldBlock(prefix + ".contact_name", self.name_edit)
        self.phone = FieldBlock(prefix + ".contact_phone", self.phone_edit)
        self.locked_note = make_label(role="muted", object_name=prefix + ".contact_locked")
        self.locked_note.hide()
        layout.addWidget(self.name)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.phone)
        self._verified: Contact | None = None

    def retranslate(self) -> None:
        self.name.set_label(translate("Submissions", "联系人姓名"))
        self.phone.set_label(translate("Submissions", "手机号码（用于查询答复）"))
        if self._verified is not None:
            self.locked_note.setText(
                translate("Submissions", "已通过身份证登录：%1（证件号 %2），姓名不可修改")
                .replace("%1", mask_name(self._verified.name))
                .replace("%2", mask_id_number(self._verified.id_number or ""))
            )

    def lock_to(self, contact: Contact | None) -> None:
        """Prefill and lock from a card login (None: free input again)."""
        self._verified = contact
        if contact is None:
            self.name_edit.setReadOnly(False)
            self.locked_note.hide()
            return
        self.name_edit.setText(mask_name(contact.name))
        self.name_edit.setReadOnly(True)
        if contact.phone and not self.phone_edit.text():
            self.phone_edit.setText(contact.phone)
        self.locked_note.show()
        self.retranslate()

    def contact(self) -> Contact:
        phone = self.phone_edit.text().strip()
        if self._verified is not None:
            return Contact(
                name=self._verified.name,
                phone=phone,
                id_type=self._verified.id_type,
                id_number=self._verified.id_number,
                verified=True,
            )
        return Contact(name=self.name_edit.text().strip(), phone=phone)

    def show_messages(self, messages: dict[str, str]) -> None:
        self.name.set_message(messages.get("contact_name", ""))
        self.phone.set_message(messages.get("contact_phone", ""))

    def clear(self) -> None:
        self.lock_to(None)
        self.name_edit.clear()
        self.phone_edit.clear()
        self.show_messages({})


def error_label(object_name: str) -> QLabel:
    label = make_label(role="body", object_name=object_name)
    label.setProperty("error", True)
    label.hide()
    return label


def make_scroll_bar_touchable(area: QAbstractScrollArea, object_name: str) -> None:
    """A visible scroll bar a finger can use too: 64 px wide, named for automation and readers.

    The content also scrolls kinetically; the bar shows that there is more below.
    """
    bar = area.verticalScrollBar()
    bar.setObjectName(object_name + ".scrollbar")
    bar.setAccessibleName(translate("Submissions", "上下滚动"))
    bar.setFixedWidth(MIN_TARGET_PX)
    bar.setMinimumHeight(MIN_TARGET_PX)


def reveal_first_problem(area: QScrollArea, blocks: Sequence[FieldBlock]) -> None:
    """Scroll the first field that has a message into view, with its label.

    "Next" sits below the form: the message that stops the citizen may be far
    above it. Done once the layout has made room for the new messages.
    """

    def reveal() -> None:
        for block in blocks:
            if block.message_text:
                area.ensureWidgetVisible(block, 0, SPACING_PX * 2)
                return

    QTimer.singleShot(0, area, reveal)
