"""Finding and driving widgets by their automation ids."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget
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
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
