"""The login screen with its demo controls, the greeting and refusal overlays, the logged-in
top bar and the caption strip meet the touch and automation rules, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from devices.idcard.samples import sample_card
from kiosk.app import Services
from kiosk.identity import CitizenIdentity
from tests.ui.device_fixtures import *  # noqa: F403 (fixtures)
from tests.ui.test_automation_ids import _problems
from ui.main_window import MainWindow

DOC = Path(__file__).resolve().parents[2] / "docs" / "ui-automation.md"
TEXT_PADDING_PX = 16


def _clipped_buttons(window: MainWindow, where: str) -> list[str]:
    """Buttons whose text is wider than the button (a cut-off label)."""
    found = []
    for button in window.findChildren(QPushButton):
        if not button.isVisibleTo(window) or not button.text():
            continue
        metrics = button.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
        if widest + TEXT_PADDING_PX > button.width():
            found.append(f"{where}: {button.objectName()} cuts its text {button.text()!r}")
    return found


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_login_and_read_aloud_widgets_meet_the_rules(
    qtbot: QtBot,
    device_window: MainWindow,
    device_services: Services,
    language: str,
    large_text: bool,
) -> None:
    session = device_services.session
    session.touch()
    session.set_language(language)
    session.set_large_text(large_text)
    session.set_read_aloud(True)  # the caption strip shows
    device_services.speech.stop()
    session.set_identity(CitizenIdentity.from_card(sample_card("resident")))
    device_window.manager.navigate("login")
    qtbot.wait(1)
    problems, seen = _problems(device_window, "login screen")
    device_window.login_overlay.greet(session.identity)
    qtbot.wait(1)
    found, names = _problems(device_window, "greeting")
    problems += found
    seen |= names
    device_window.login_overlay.refuse("expired")
    qtbot.wait(1)
    found, names = _problems(device_window, "refusal")
    problems += found
    seen |= names
    device_window.login_overlay.dismiss()
    problems += _clipped_buttons(device_window, "login screen")
    screen = device_window.manager.current_screen
    screen.scroll.verticalScrollBar().setValue(screen.scroll.verticalScrollBar().maximum())
    qtbot.wait(1)
    problems += _clipped_buttons(device_window, "login screen, scrolled down")
    assert not problems, "\n".join(problems)
    expected = {
        "topbar.logout",
        "login.read_this",
        "login.logout",
        "login.demo_resident",
        "login.demo_resident_expired",
        "login_overlay.ok",
        "captions.repeat",
        "captions.volume_up",
        "captions.rate_down",
    }
    assert expected <= seen
    documented = set(re.findall(r"`([a-z_]+\.[a-z0-9_.]+)`", DOC.read_text(encoding="utf-8")))
    assert not seen - documented, f"missing from docs/ui-automation.md: {sorted(seen - documented)}"
