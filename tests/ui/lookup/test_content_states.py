"""Screens while the content is prepared, once it is ready, and when it cannot be read."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Services, build_services
from kiosk.connectivity import Connectivity
from kiosk.content_service import ContentService, ContentState
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from ui.lookup.cards import CardListView
from ui.main_window import MainWindow

from .conftest import TODAY
from .helpers import find


def _window(services: Services) -> MainWindow:
    window = MainWindow(services)
    window.resize(1920, 1080)
    window.show()
    window.show_home()
    return window


def _services(content: ContentService) -> Services:
    settings = content.settings
    services = Services(
        settings=settings,
        session=CitizenSession.from_settings(settings),
        connectivity=Connectivity(False),
    )
    services.content = content
    return services


def test_preparing_then_ready(qtbot: QtBot, demo_database: Path) -> None:
    content = ContentService(load_settings(environ={}), demo_database, clock=lambda: TODAY)
    window = _window(_services(content))
    try:
        window.manager.navigate("laws")
        notice = find(window, QLabel, "laws.notice")
        assert notice.isVisibleTo(window) and "正在准备内容" in notice.text()
        assert find(window, CardListView, "laws.results").cards.rowCount() == 0
        with qtbot.waitSignal(content.ready, timeout=60_000):
            content.start()
        assert content.state == ContentState.READY
        assert not notice.isVisibleTo(window)
        assert find(window, CardListView, "laws.results").cards.rowCount() > 0
        assert find(window, QWidget, "home.announcements") is not None
    finally:
        window.allow_close()
        window.close()
        content.close()


def test_content_that_cannot_be_opened_is_said_calmly(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    content = ContentService(load_settings(environ={}), blocker / "kiosk.sqlite3")
    content.open_blocking()
    assert content.state == ContentState.FAILED
    assert content.law_categories() == [] and content.search_now("离婚") == []
    window = _window(_services(content))
    try:
        window.manager.navigate("practitioners")
        notice = find(window, QLabel, "practitioners.notice")
        assert "12348" in notice.text() and notice.isVisibleTo(window)
        window.manager.jump("article", law_id="x", no=1)
        assert find(window, QLabel, "article.notice").isVisibleTo(window)
    finally:
        window.allow_close()
        window.close()
        content.close()


def test_the_kiosk_builds_the_content_service_and_opens_it_after_home(tmp_path: Path) -> None:
    settings = load_settings(environ={"LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path)})
    services = build_services(settings)
    assert isinstance(services.content, ContentService)
    assert services.content.state == ContentState.IDLE  # nothing slow before Home
    assert services.content.database_path == settings.database_path


def test_the_hall_map_shows_the_halls_own_plan(
    qtbot: QtBot, demo_database: Path, tmp_path: Path
) -> None:
    plan = QImage(800, 500, QImage.Format.Format_RGB32)
    plan.fill(QColor("#336699"))
    image_path = tmp_path / "plan.png"
    assert plan.save(str(image_path))
    settings = load_settings(environ={"LEGAL_KIOSK_UI__HALL_MAP": str(image_path)})
    content = ContentService(settings, demo_database)
    content.open_blocking()
    window = _window(_services(content))
    try:
        window.manager.jump("hall_map")
        image = find(window, QLabel, "hall_map.image")
        assert image.isVisibleTo(window)
        assert image.pixmap() is not None and not image.pixmap().isNull()
        assert not find(window, QWidget, "hall_map.plan").isVisibleTo(window)
        assert find(window, QWidget, "hall_map.window_1").isVisibleTo(window)
    finally:
        window.allow_close()
        window.close()
        content.close()


def test_the_attract_loop_shows_the_announcements(qtbot: QtBot, lookup_window: MainWindow) -> None:
    lookup_window.manager.show_attract()
    shown = find(lookup_window, QLabel, "attract.announcement").text()
    assert shown.startswith("农民工讨薪法律援助绿色通道")


def test_a_load_that_ends_after_close_starts_nothing(qtbot: QtBot, demo_database: Path) -> None:
    """The kiosk shutting down while content still loads: nothing may start after."""
    content = ContentService(load_settings(environ={}), demo_database, clock=lambda: TODAY)
    readies: list[bool] = []
    content.ready.connect(lambda: readies.append(True))
    searchers_before = sum(t.name == "content-search" for t in threading.enumerate())
    with qtbot.waitSignal(
        content.state_changed,
        timeout=60_000,
        check_params_cb=lambda state: state == ContentState.READY,
    ):
        content.start()
        content.close()  # waits for the loader; its answer reaches the UI thread after
    assert not readies  # the sync that waits for "ready" must not start now
    assert sum(t.name == "content-search" for t in threading.enumerate()) == searchers_before
    with qtbot.waitSignal(content.search_finished, timeout=1_000) as answer:
        content.request_search("离婚")
    assert answer.args[1] == []
