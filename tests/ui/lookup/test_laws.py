"""Laws: search while typing, the empty result, a law's contents, jumping to an article."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content_service import ContentService
from ui.lookup.cards import CardListView
from ui.main_window import MainWindow

from .helpers import find, tap


def _open_laws(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, window, "home.laws")
    assert window.manager.current_id == "laws"


def test_typing_shows_highlighted_articles_and_opens_one(
    qtbot: QtBot, lookup_window: MainWindow
) -> None:
    _open_laws(qtbot, lookup_window)
    results = find(lookup_window, CardListView, "laws.results")
    find(lookup_window, QLineEdit, "laws.search").setText("离婚冷静期")
    qtbot.waitUntil(lambda: "离婚" in " ".join(c.detail for c in results.cards.cards()))
    cards = results.cards.cards()
    titles = [card.title for card in cards]
    row = next(i for i, t in enumerate(titles[:5]) if "民法典" in t and "第一千零七十七条" in t)
    assert "【" in cards[row].detail and "】" in cards[row].detail
    results.activate_row(row)
    assert lookup_window.manager.current_id == "article"
    assert "第一千零七十七条" in find(lookup_window, QLabel, "article.text").text()


def test_a_topic_chip_searches_at_once(qtbot: QtBot, lookup_window: MainWindow) -> None:
    _open_laws(qtbot, lookup_window)
    tap(qtbot, lookup_window, "laws.topic_2")  # 劳动争议
    assert find(lookup_window, QLineEdit, "laws.search").text() == "劳动争议"
    results = find(lookup_window, CardListView, "laws.results")
    summary = find(lookup_window, QLabel, "laws.summary")
    qtbot.waitUntil(lambda: "找到" in summary.text())
    assert any("劳动" in card.title or "劳动" in card.detail for card in results.cards.cards())


def test_nothing_found_says_what_to_try(qtbot: QtBot, lookup_window: MainWindow) -> None:
    _open_laws(qtbot, lookup_window)
    summary = find(lookup_window, QLabel, "laws.summary")
    find(lookup_window, QLineEdit, "laws.search").setText("火星")
    qtbot.waitUntil(lambda: "火星" in summary.text())
    assert find(lookup_window, CardListView, "laws.results").cards.rowCount() == 0
    assert "换一个说法" in summary.text()
    assert find(lookup_window, QWidget, "laws.topic_1").isVisibleTo(lookup_window)


def test_an_older_search_never_replaces_a_newer_one(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService
) -> None:
    _open_laws(qtbot, lookup_window)
    screen = lookup_window.manager.current_screen
    assert screen is not None
    screen.search.set_query("工资")
    screen.search.set_query("离婚冷静期")
    qtbot.waitUntil(lambda: content.searches_pending() == 0)
    qtbot.wait(50)  # the queued results are delivered by the event loop
    results = find(lookup_window, CardListView, "laws.results")
    assert "第一千零七十七条" in " ".join(c.title for c in results.cards.cards()[:5])


def test_a_category_lists_its_laws_page_by_page(qtbot: QtBot, lookup_window: MainWindow) -> None:
    _open_laws(qtbot, lookup_window)
    tap(qtbot, lookup_window, "laws.category.1")  # 法律 (266 laws)
    results = find(lookup_window, CardListView, "laws.results")
    assert results.cards.rowCount() == 50
    assert results.cards.canFetchMore()
    assert all(card.badge for card in results.cards.cards())
    results.activate_row(0)
    assert lookup_window.manager.current_id == "law"
