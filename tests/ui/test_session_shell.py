"""Idle countdown, extend and wipe as the citizen sees them, and the proof that a wipe
leaves no typed text in any widget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from tests.ui.conftest import UNBUILT, FakeClock
from ui.main_window import MainWindow
from ui.screen_registry import ScreenRegistry, discover_screens
from ui.screens.base import Screen
from ui.widgets import BigLineEdit

MARKER = "zhangsan13800138000"


class _FormScreen(Screen):
    """A form like the consultation screen: every kind of text input."""

    screen_id = "form_probe"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        layout = QVBoxLayout(self)
        self.name = BigLineEdit("form.name")
        self.question = QTextEdit()
        self.notes = QPlainTextEdit()
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.addItems(["", "婚姻家庭"])
        for widget in (self.name, self.question, self.notes, self.choice):
            layout.addWidget(widget)


@pytest.fixture
def form_window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    registry = discover_screens(ScreenRegistry())
    registry.add("form_probe", _FormScreen)
    registry.allow("home", "form_probe")
    window = MainWindow(services, registry)
    window.resize(1920, 1080)
    window.show()
    window.show_home()
    yield window
    window.allow_close()
    window.close()
    window.deleteLater()


def _texts_of_every_widget() -> list[str]:
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
            texts.extend(widget.itemText(i) for i in range(widget.count()))
    return texts


def test_after_a_wipe_no_widget_holds_typed_text(
    qtbot: QtBot, form_window: MainWindow, services: Services
) -> None:
    services.session.touch()
    assert form_window.manager.navigate("form_probe")
    form = form_window.manager.current_screen
    assert isinstance(form, _FormScreen)
    qtbot.keyClicks(form.name, MARKER)
    qtbot.keyClicks(form.question, MARKER)
    qtbot.keyClicks(form.notes, MARKER)
    qtbot.keyClicks(form.choice.lineEdit(), MARKER)
    assert any(MARKER in text for text in _texts_of_every_widget())

    with qtbot.waitSignal(services.session.wiped):
        qtbot.mouseClick(form_window.top_bar.finish, Qt.MouseButton.LeftButton)

    assert not [text for text in _texts_of_every_widget() if MARKER in text]
    assert not form.name.isUndoAvailable()  # the text cannot be brought back either
    assert not form.question.document().isUndoAvailable()
    assert form_window.manager.current_id == "attract"
    assert not form_window.top_bar.isVisible()


def test_idle_countdown_shows_the_overlay_and_continue_extends(
    qtbot: QtBot, partial_window: MainWindow, services: Services, clock: FakeClock
) -> None:
    window = partial_window
    session = services.session
    session.touch()
    window.manager.navigate(UNBUILT)
    clock.advance(services.settings["session.idle_timeout_s"])
    session.tick()
    overlay = window.idle_overlay
    assert overlay.isVisible()
    assert overlay.question.text() == "还需要更多时间吗？"
    assert "20" in overlay.remaining.text()
    assert overlay.geometry() == window.centralWidget().rect()
    clock.advance(7)
    session.tick()
    assert "13" in overlay.remaining.text()
    qtbot.mouseClick(overlay.continue_button, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()
    assert window.manager.current_id == "coming_soon"  # the citizen's place is kept
    assert session.extensions == 1


def test_countdown_expiry_wipes_and_shows_the_attract_screen(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FakeClock
) -> None:
    session = services.session
    session.touch()
    session.set_large_text(True)
    session.set_language("en")
    clock.advance(90)
    session.tick()
    clock.advance(20)
    with qtbot.waitSignal(session.wiped):
        session.tick()
    assert not window.idle_overlay.isVisible()
    assert window.manager.current_id == "attract"
    assert not session.large_text
    assert session.language == "zh_CN"
    attract = window.manager.current_screen
    assert attract is not None
    assert attract.start_button.text() == "轻触屏幕开始"


def test_a_touch_on_the_attract_screen_starts_a_session_on_home(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.session.finish()
    assert window.manager.current_id == "attract"
    attract = window.manager.current_screen
    assert attract is not None
    qtbot.mouseClick(attract, Qt.MouseButton.LeftButton)
    assert services.session.is_active
    assert window.manager.current_id == "home"
    assert window.top_bar.isVisible()


def test_announcements_come_from_the_content_service(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    class Content:
        def announcements(self) -> list[dict[str, str]]:
            return [{"title": "春节安排", "body": "2月10日至17日休息"}]

    services.content = Content()
    services.session.finish()
    attract = window.manager.current_screen
    assert attract is not None
    assert "春节安排" in attract.announcement.text()
