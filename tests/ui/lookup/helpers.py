"""Finding and driving widgets by their automation ids."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def find(root: QWidget, kind: type[W], name: str) -> W:
    found = root.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def tap(qtbot: QtBot, root: QWidget, name: str) -> None:
    """A finger on the button with this automation id (it must be shown and enabled)."""
    button = find(root, QAbstractButton, name)
    assert button.isVisibleTo(root) and button.isEnabled(), f"{name} cannot be tapped"
    # As a citizen would, first bring it into view when it sits in a scrolled panel.
    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(button)
        parent = parent.parentWidget()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
