"""Read-aloud: the shell hands each screen's text to the speech service and stops it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from ui.main_window import MainWindow


class RecordingSpeech:
    """The speech service's interface, recording instead of speaking (its own tests
    cover the real synthesizer)."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.stops = 0

    def say(self, text: str, language: str) -> None:
        self.said.append((text, language))

    def stop(self) -> None:
        self.stops += 1


def test_read_aloud_speaks_each_screen_and_stops_on_wipe(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    speech = RecordingSpeech()
    services.speech = speech
    services.session.touch()
    window.manager.navigate("laws")
    assert speech.said == []  # off by default
    qtbot.mouseClick(window.top_bar.read_aloud, Qt.MouseButton.LeftButton)
    assert services.session.read_aloud
    text, language = speech.said[-1]
    assert text.startswith("法律法规") and language == "zh_CN"
    qtbot.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)
    text, _ = speech.said[-1]
    assert text.startswith("您好！请选择要办理的服务") and "身份证登录" in text
    qtbot.mouseClick(window.top_bar.finish, Qt.MouseButton.LeftButton)
    assert speech.stops >= 1
    assert not services.session.read_aloud
    assert not window.top_bar.read_aloud.isChecked()


def test_logout_forgets_the_identity_and_returns_to_attract(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    session = services.session
    with qtbot.waitSignal(session.identity_changed):
        session.set_identity({"name": "张三"})
    assert session.is_active
    session.logout()
    assert session.identity is None
    assert window.manager.current_id == "attract"
