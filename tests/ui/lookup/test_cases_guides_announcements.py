"""Cases and Q&A, service guides with the hall map, announcements on Home."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.content_service import ContentService
from ui.lookup.cards import CardListView
from ui.main_window import MainWindow

from .conftest import SpokenText
from .helpers import find, tap


def test_cases_by_category_search_and_read_aloud(
    qtbot: QtBot, lookup_window: MainWindow, lookup_services: Services
) -> None:
    tap(qtbot, lookup_window, "home.cases")
    results = find(lookup_window, CardListView, "cases.results")
    everything = results.cards.rowCount()
    assert everything > 20
    tap(qtbot, lookup_window, "cases.category.1")
    category = find(lookup_window, QAbstractButton, "cases.category.1").text()
    assert 0 < results.cards.rowCount() < everything
    assert {card.payload.category for card in results.cards.cards()} == {category}

    summary = find(lookup_window, QLabel, "cases.summary")
    find(lookup_window, QLineEdit, "cases.search").setText("拖欠工资")
    qtbot.waitUntil(lambda: "点击查看详情" in summary.text() and results.cards.rowCount() > 0)
    assert {card.payload.type for card in results.cards.cards()} <= {"case", "faq"}
    first = results.cards.card(0)
    assert first is not None
    results.activate_row(0)
    assert lookup_window.manager.current_id == "case"
    assert find(lookup_window, QLabel, "case.heading").text() == first.title
    body = find(lookup_window, QLabel, "case.body")
    assert body.text() and body.isVisibleTo(lookup_window)
    tap(qtbot, lookup_window, "case.read_aloud")
    speech = lookup_services.speech
    assert isinstance(speech, SpokenText)
    assert speech.spoken[-1].startswith(first.title)


def test_cases_search_without_results(qtbot: QtBot, lookup_window: MainWindow) -> None:
    tap(qtbot, lookup_window, "home.cases")
    summary = find(lookup_window, QLabel, "cases.summary")
    find(lookup_window, QLineEdit, "cases.search").setText("qwertyuiop")
    qtbot.waitUntil(lambda: "qwertyuiop" in summary.text())
    assert find(lookup_window, CardListView, "cases.results").cards.rowCount() == 0


def test_a_guide_with_its_checklist_and_window(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService
) -> None:
    guide = content.guides()[0]
    tap(qtbot, lookup_window, "home.guides")
    tap(qtbot, lookup_window, "guides.guide_1")
    assert lookup_window.manager.current_id == "guide"
    assert find(lookup_window, QLabel, "guide.heading").text() == guide.title
    assert find(lookup_window, QLabel, "guide.window").text() == guide.window
    assert find(lookup_window, QLabel, "guide.time_limit").text() == guide.time_limit
    steps = find(lookup_window, QLabel, "guide.steps").text().splitlines()
    assert steps[0] == f"1. {guide.steps[0]}" and len(steps) == len(guide.steps)
    box = find(lookup_window, QAbstractButton, "guide.material_1")
    assert box.accessibleName() == guide.materials[0]
    tap(qtbot, lookup_window, "guide.material_1")
    assert box.isChecked()
    lookup_window.manager.wipe_all()  # the session ended
    assert not box.isChecked()
    tap(qtbot, lookup_window, "guide.show_window")
    assert lookup_window.manager.current_id == "hall_map"
    marked = [
        b
        for b in lookup_window.manager.current_screen.buttons  # type: ignore[union-attr]
        if b.isChecked()
    ]
    assert [b.text() for b in marked] == [guide.window]


def test_announcements_newest_first_without_expired_ones(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService
) -> None:
    news = find(lookup_window, QAbstractButton, "home.announcements")
    assert news.isVisibleTo(lookup_window)
    assert "农民工讨薪法律援助绿色通道" in news.text()  # published 2026-11-01, the newest
    tap(qtbot, lookup_window, "home.announcements")
    listed = find(lookup_window, CardListView, "announcements.list").cards.cards()
    dates = [card.badge for card in listed]
    assert dates == sorted(dates, reverse=True)
    titles = [card.title for card in listed]
    assert "春节期间服务时间调整的通知" not in titles  # expired 2026-02-20
    assert len(titles) == 3
    attract = [a.title for a in content.announcements()]
    assert attract == titles
