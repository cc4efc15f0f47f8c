"""Shared touch widgets: kinetic scrolling, sizes, clearing inputs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScroller, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets import BigLineEdit, KineticScrollArea, TouchButton, clear_inputs


def test_a_scroll_area_becomes_flickable_once_it_has_something_to_scroll(qtbot: QtBot) -> None:
    content = QWidget()
    layout = QVBoxLayout(content)
    label = QLabel("短")
    layout.addWidget(label)
    area = KineticScrollArea(content)
    qtbot.addWidget(area)
    area.resize(400, 300)
    area.show()
    qtbot.waitExposed(area)
    assert not area.kinetic
    label.setMinimumHeight(2000)
    qtbot.waitUntil(lambda: area.kinetic)
    assert QScroller.hasScroller(area.viewport())
    # The bar only shows the position: the finger moves the content.
    assert area.verticalScrollBar().testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_a_hidden_area_waits_until_shown_before_it_becomes_flickable(qtbot: QtBot) -> None:
    # The caption strip is hidden at start-up: it must not pay for the scroller then.
    label = QLabel("长")
    label.setMinimumHeight(2000)
    area = KineticScrollArea(label)
    qtbot.addWidget(area)
    area.resize(400, 80)
    area.verticalScrollBar().setRange(0, 1920)  # as the layout does once the area is sized
    assert not area.kinetic
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: area.kinetic)
    assert QScroller.hasScroller(area.viewport())


def test_touch_widgets_are_finger_sized(qtbot: QtBot) -> None:
    button = TouchButton("demo.ok", "好", role="primary")
    field = BigLineEdit("demo.name")
    qtbot.addWidget(button)
    qtbot.addWidget(field)
    assert button.minimumHeight() >= 80 and button.minimumWidth() >= 64
    assert field.minimumHeight() >= 80
    assert button.accessibleName() == "好"
    assert button.objectName() == "demo.ok"


def test_clear_inputs_forgets_text_and_undo(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    field = BigLineEdit("demo.name", root)
    qtbot.keyClicks(field, "lisi")
    assert clear_inputs(root) == 1
    assert field.text() == ""
    assert not field.isUndoAvailable()
