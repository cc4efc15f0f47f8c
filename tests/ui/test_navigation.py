"""The screen stack: tiles, the transition table, Back, Home, coming-soon pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from tests.ui.conftest import UNBUILT, registry_without
from tests.ui.test_submission_screens import find
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


def test_a_deferred_registry_answers_as_the_complete_one() -> None:
    complete = discover_screens()
    deferred = discover_screens(first=("home",))
    assert not deferred.complete
    # A question it cannot answer yet first registers the rest: same answer as complete.
    assert deferred.allows("laws", "law") == complete.allows("laws", "law") is True
    assert deferred.complete
    assert sorted(deferred.screen_ids()) == sorted(complete.screen_ids())
    assert deferred.transitions() == complete.transitions()


def test_a_deferred_registry_fills_in_one_module_at_a_time() -> None:
    registry = discover_screens(first=("home",))
    assert registry.allows("home", "laws")  # Home's own tiles are known at once
    assert registry.spec("home").top_bar
    assert not registry.complete
    steps = 0
    while registry.register_next():
        steps += 1
    assert steps > 20 and registry.complete
    assert registry.has("article") and not registry.spec("attract").top_bar


def test_the_main_window_registers_the_other_screens_after_home(
    qtbot: QtBot, services: Services
) -> None:
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    main.show_home()
    assert main.manager.current_id == "home"
    main.register_remaining_screens()  # what the kiosk does once Home is shown
    qtbot.waitUntil(lambda: main.manager.registry.complete, timeout=10_000)
    assert main.manager.navigate("laws")
    assert main.manager.current_id == "laws"
    main.allow_close()


@pytest.mark.parametrize("tile", [t.tile_id for t in SERVICE_TILES])
def test_a_tile_tapped_before_the_other_screens_are_registered_opens_its_screen(
    qtbot: QtBot, window: MainWindow, tile: str
) -> None:
    # The very first tap can come before the other screen modules are imported.
    assert not window.manager.registry.complete
    home = window.manager.current_screen
    assert home is not None
    with qtbot.waitSignal(window.manager.screen_changed):
        qtbot.mouseClick(home.tiles[tile], Qt.MouseButton.LeftButton)
    complete = discover_screens()
    target = next(t.screen_id for t in SERVICE_TILES if t.tile_id == tile)
    expected = target if complete.has(target) else "coming_soon"
    assert window.manager.current_id == expected


def test_a_tap_in_the_first_moments_after_home_meets_started_services(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The services start one per event-loop turn after Home; a citizen quick enough to
    open the agreement before the submission service is there still gets the agreement."""
    from kiosk.app import build_services
    from kiosk.settings import load_settings
    from offline_cache.db import database_proxy
    from ui.application import Kiosk

    settings = load_settings(environ={}).with_values({"storage.data_dir": str(tmp_path / "data")})
    built = build_services(settings)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = Kiosk(app, built)  # as `run` builds it, before its first event-loop turn
    main = running.window
    try:
        assert built.submissions is None  # nothing slow before Home
        home = main.manager.current_screen
        assert home is not None
        with qtbot.waitSignal(main.manager.screen_changed):
            qtbot.mouseClick(home.tiles["consult"], Qt.MouseButton.LeftButton)
        assert main.manager.current_id == "consult"
        assert built.submissions is not None
        assert not find(main, "consult.unavailable").isVisibleTo(main)
        assert find(main, "consult.accept").isVisibleTo(main)
    finally:
        main.allow_close()
        running.shutdown()
        main.close()
        if database_proxy.obj is not None:
            database_proxy.obj.close()
        database_proxy.initialize(None)
