"""Every interactive widget of every screen: a stable objectName, an accessible name in
the current language, at least 64x64 px, 8 px apart, text at least 24 px, and listed
in docs/ui-automation.md."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from ui.main_window import MainWindow
from ui.theme import BODY_PX, MIN_TARGET_PX, SPACING_PX

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
)
TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)
DOC = Path(__file__).resolve().parents[2] / "docs" / "ui-automation.md"


def _visible(window: MainWindow, widget: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.window() is window


def _global_rect(widget: QWidget) -> QRect:
    """The part of the widget a finger can reach: clipped by scroll areas and parents."""
    visible = widget.visibleRegion().boundingRect()
    if visible.isEmpty():
        return QRect()
    return QRect(widget.mapToGlobal(visible.topLeft()), visible.size())


def _problems(
    window: MainWindow, where: str, root: QWidget | None = None
) -> tuple[list[str], set[str]]:
    """What breaks the rules among the visible widgets below ``root`` (the window)."""
    problems: list[str] = []
    names: set[str] = set()
    targets: list[QWidget] = []
    for widget in (root or window).findChildren(QWidget):
        if not _visible(window, widget):
            continue
        touchable = not widget.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if isinstance(widget, INTERACTIVE) and touchable and not _inside_interactive(widget):
            name = widget.objectName()
            label = f"{where}: {type(widget).__name__} {name or '(no objectName)'}"
            if not name or name.startswith("qt_"):
                problems.append(f"{label} has no objectName")
            if not widget.accessibleName().strip():
                problems.append(f"{label} has no accessible name")
            if widget.width() < MIN_TARGET_PX or widget.height() < MIN_TARGET_PX:
                problems.append(f"{label} is {widget.width()}x{widget.height()} (< 64x64)")
            names.add(name)
            targets.append(widget)
        if isinstance(widget, TEXT_WIDGETS):
            size = QFontInfo(widget.font()).pixelSize()
            if size < BODY_PX:
                problems.append(f"{where}: {widget.objectName() or widget} text is {size} px")
    for a, b in combinations(targets, 2):
        ra, rb = _global_rect(a), _global_rect(b)
        if ra.isEmpty() or rb.isEmpty() or ra.intersects(rb):
            continue
        gap = (
            max(
                rb.left() - ra.right(),
                ra.left() - rb.right(),
                rb.top() - ra.bottom(),
                ra.top() - rb.bottom(),
            )
            - 1
        )
        if gap < SPACING_PX:
            problems.append(f"{where}: {a.objectName()} and {b.objectName()} are {gap} px apart")
    return problems, names


def _inside_interactive(widget: QWidget) -> bool:
    """Parts of a composite control (the line edit of a combo box) are checked as the whole."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_screen_meets_the_automation_and_touch_rules(
    qtbot: QtBot, window: MainWindow, services: Services, language: str, large_text: bool
) -> None:
    services.session.set_language(language)
    services.session.set_large_text(large_text)
    manager = window.manager
    problems: list[str] = []
    seen: set[str] = set()
    for screen_id in manager.registry.screen_ids():
        manager.jump(screen_id)
        qtbot.wait(1)  # let layouts and LanguageChange settle
        found, names = _problems(window, screen_id)
        problems += found
        seen |= names
    manager.home()
    manager.navigate("laws")  # Back and Home show away from the first screen
    qtbot.wait(1)
    found, names = _problems(window, "coming_soon after Home")
    problems += found
    seen |= names
    window.idle_overlay.show_countdown(20)
    qtbot.wait(1)
    found, names = _problems(window, "idle overlay", window.idle_overlay)
    problems += found
    seen |= names
    assert not problems, "\n".join(problems)
    assert {"topbar.back", "topbar.finish", "home.laws", "attract.start", "idle.continue"} <= seen
    documented = set(re.findall(r"`([a-z_]+\.[a-z_.]+)`", DOC.read_text(encoding="utf-8")))
    assert not seen - documented, f"missing from docs/ui-automation.md: {sorted(seen - documented)}"


def test_the_check_catches_a_bad_widget(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QCheckBox

    home = window.manager.current_screen
    assert home is not None
    bad = QCheckBox("")
    home.layout().addWidget(bad)
    bad.setFixedSize(40, 40)
    bad.show()
    found, _ = _problems(window, "home")
    assert any("no objectName" in p for p in found)
    assert any("no accessible name" in p for p in found)
    assert any("40x40" in p for p in found)
