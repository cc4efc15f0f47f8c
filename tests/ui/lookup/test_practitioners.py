"""Practitioners and institutions: filters, search by name/initials/licence, penalties in view."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.content_service import ContentService
from ui.lookup.cards import CardListView
from ui.main_window import MainWindow

from .helpers import find, tap


def _open(qtbot: QtBot, window: MainWindow) -> CardListView:
    tap(qtbot, window, "home.practitioners")
    assert window.manager.current_id == "practitioners"
    return find(window, CardListView, "practitioners.results")


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    summary = find(window, QLabel, "practitioners.summary")
    find(window, QLineEdit, "practitioners.search").setText(text)
    qtbot.waitUntil(lambda: "正在搜索" not in summary.text() and text in _latest(window))


def _latest(window: MainWindow) -> str:
    return find(window, QLineEdit, "practitioners.search").text()


def test_filters_narrow_the_list(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService
) -> None:
    results = _open(qtbot, lookup_window)
    everyone = content.people_page("practitioner")[1]
    assert f"共 {everyone} 个结果" in find(lookup_window, QLabel, "practitioners.summary").text()
    tap(qtbot, lookup_window, "practitioners.role.1")  # 律师
    lawyers = content.people_page("practitioner", role="lawyer")[1]
    assert 0 < lawyers < everyone
    assert results.cards.rowCount() == lawyers
    assert {card.payload.role_label for card in results.cards.cards()} == {"律师"}
    tap(qtbot, lookup_window, "practitioners.district.1")
    district = find(lookup_window, QAbstractButton, "practitioners.district.1").text()
    assert {card.payload.district for card in results.cards.cards()} <= {district}
    tap(qtbot, lookup_window, "practitioners.reset")
    summary = find(lookup_window, QLabel, "practitioners.summary").text()
    assert f"共 {everyone} 个结果" in summary
    assert results.cards.rowCount() == min(everyone, results.cards.page_size)
    tap(qtbot, lookup_window, "practitioners.expertise.1")
    expertise = find(lookup_window, QAbstractButton, "practitioners.expertise.1").text()
    assert results.cards.rowCount() > 0
    for card in results.cards.cards():
        person = content.practitioner(card.payload.id)
        assert person is not None and expertise in person.expertise


def test_find_by_initials_and_by_licence_number(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService
) -> None:
    results = _open(qtbot, lookup_window)
    _search(qtbot, lookup_window, "zw")
    qtbot.waitUntil(lambda: "张伟" in [c.title for c in results.cards.cards()])
    licence = content.practitioner("prac-001").license_no  # type: ignore[union-attr]
    _search(qtbot, lookup_window, licence)
    qtbot.waitUntil(lambda: [c.title for c in results.cards.cards()] == ["张伟"])


def test_nobody_found_says_what_to_try(qtbot: QtBot, lookup_window: MainWindow) -> None:
    results = _open(qtbot, lookup_window)
    summary = find(lookup_window, QLabel, "practitioners.summary")
    find(lookup_window, QLineEdit, "practitioners.search").setText("qwertyuiop")
    qtbot.waitUntil(lambda: "qwertyuiop" in summary.text())
    assert results.cards.rowCount() == 0


def test_penalties_are_shown_on_the_card_and_the_institution_opens(
    qtbot: QtBot, lookup_window: MainWindow
) -> None:
    results = _open(qtbot, lookup_window)
    while results.cards.canFetchMore():
        results.cards.fetchMore()
    row = next(i for i, c in enumerate(results.cards.cards()) if c.warning)
    person = results.cards.card(row)
    assert person is not None
    results.activate_row(row)
    assert lookup_window.manager.current_id == "practitioner"
    assert find(lookup_window, QLabel, "practitioner.name").text() == person.title
    penalty = find(lookup_window, QLabel, "practitioner.penalty_1_detail")
    assert penalty.isVisibleTo(lookup_window)  # in plain view, not behind a tap
    assert "事由" in penalty.text()
    kind, date = find(lookup_window, QLabel, "practitioner.penalty_1_kind").text().split()
    screen = lookup_window.manager.current_screen
    assert screen is not None
    assert f"{date}" in screen.spoken_text() and kind in screen.spoken_text()
    institution = find(lookup_window, QAbstractButton, "practitioner.institution").text()
    tap(qtbot, lookup_window, "practitioner.institution")
    assert lookup_window.manager.current_id == "institution"
    assert find(lookup_window, QLabel, "institution.name").text() == institution
    team = find(lookup_window, CardListView, "institution.team")
    assert person.title in [card.title for card in team.cards.cards()]
    team.activate_row(0)
    assert lookup_window.manager.current_id == "practitioner"


def test_an_institution_with_penalties(qtbot: QtBot, lookup_window: MainWindow) -> None:
    results = _open(qtbot, lookup_window)
    tap(qtbot, lookup_window, "practitioners.kind.1")  # institutions
    cards = results.cards.cards()
    assert cards and all(card.payload.type == "institution" for card in cards)
    row = next(i for i, c in enumerate(cards) if c.warning)
    results.activate_row(row)
    assert lookup_window.manager.current_id == "institution"
    assert find(lookup_window, QWidget, "institution.penalty_1").isVisibleTo(lookup_window)
    address = find(lookup_window, QLabel, "institution.address")
    assert address.text() and address.isVisibleTo(lookup_window)


def test_the_next_citizen_starts_without_filters_or_search(
    qtbot: QtBot, lookup_window: MainWindow, lookup_services: Services
) -> None:
    results = _open(qtbot, lookup_window)
    tap(qtbot, lookup_window, "practitioners.role.1")
    find(lookup_window, QLineEdit, "practitioners.search").setText("zw")
    lookup_services.session.finish()
    qtbot.waitUntil(lambda: lookup_window.manager.current_id in ("attract", "home"))
    assert find(lookup_window, QLineEdit, "practitioners.search").text() == ""
    assert results.cards.rowCount() == 0 or lookup_window.manager.current_id != "practitioners"
    lookup_window.manager.home()
    tap(qtbot, lookup_window, "home.practitioners")
    assert find(lookup_window, QAbstractButton, "practitioners.role.all").isChecked()
    assert {card.payload.role_label for card in results.cards.cards()} != {"律师"}
