"""The screen stack: tiles, the transition table, Back, Home, coming-soon pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from tests.ui.conftest import UNBUILT, registry_without
from ui.main_window import MainWindow
from ui.screen_registry import discover_screens
from ui.screens.base import Screen
from ui.screens.home import SERVICE_TILES


def test_starts_on_home_with_every_service_tile(window: MainWindow) -> None:
    assert window.manager.current_id == "home"
    home = window.manager.current_screen
    assert home is not None
    names = {tile.objectName() for tile in home.tiles.values()}
    assert names == {f"home.{t.tile_id}" for t in SERVICE_TILES}
    assert not window.top_bar.back.isVisible()
    assert not window.top_bar.home.isVisible()


def test_a_tile_without_its_screen_opens_the_coming_soon_page(
    qtbot: QtBot, services: Services
) -> None:
    registry = discover_screens()
    registry.remove("handoff")
    window = MainWindow(services, registry)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    window.show_home()
    home = window.manager.current_screen
    assert home is not None
    with qtbot.waitSignal(window.manager.screen_changed):
        qtbot.mouseClick(home.tiles["handoff"], Qt.MouseButton.LeftButton)
    assert window.manager.current_id == "coming_soon"
    page = window.manager.current_screen
    assert page is not None
    assert "手机继续办" in page.heading.text()
    assert window.top_bar.title_label.text() == "手机继续办"
    assert window.top_bar.back.isVisible()
    assert window.top_bar.home.isVisible()
    window.allow_close()


def test_back_and_home_buttons(qtbot: QtBot, partial_window: MainWindow) -> None:
    window = partial_window
    window.manager.navigate(UNBUILT)
    assert window.manager.history() == ["home", "coming_soon"]
    qtbot.mouseClick(window.top_bar.back, Qt.MouseButton.LeftButton)
    assert window.manager.current_id == "home"
    window.manager.navigate("guides")
    qtbot.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)
    assert window.manager.current_id == "home"
    assert window.manager.history() == ["home"]
    assert window.manager.back() is False


def test_a_transition_missing_from_the_table_is_refused(partial_window: MainWindow) -> None:
    window = partial_window
    window.manager.navigate(UNBUILT)  # coming_soon
    assert window.manager.navigate("complaint") is False  # not allowed from there
    assert window.manager.current_id == "coming_soon"


class _FormScreen(Screen):
    screen_id = "form"

    def title(self) -> str:
        return "Form"


def test_a_registered_screen_replaces_the_coming_soon_page(
    qtbot: QtBot, services: Services
) -> None:
    target = UNBUILT
    registry = registry_without(target)
    registry.add(target, _FormScreen)
    registry.allow(target, "home")
    window = MainWindow(services, registry)
    window.show_home()
    assert window.manager.navigate(target)
    assert window.manager.current_id == target
    assert isinstance(window.manager.current_screen, _FormScreen)
    window.allow_close()
    window.close()


def test_a_screen_registered_twice_is_an_error() -> None:
    registry = discover_screens()
    with pytest.raises(ValueError, match="home"):
        registry.add("home", _FormScreen)
