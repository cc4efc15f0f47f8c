"""A law's contents and the article reader: ToC, jump, previous/next, size, read-aloud."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.content_service import ContentService
from ui.lookup.cards import CardListView
from ui.main_window import MainWindow

from .conftest import SpokenText
from .helpers import find, tap


def _civil_code(content: ContentService) -> str:
    hit = content.search_now("民法典", "law", 1)[0]
    assert hit.law_title == "中华人民共和国民法典"
    return hit.law_id


def _article_label(window: MainWindow) -> str:
    screen = window.manager.current_screen
    assert screen is not None and screen.screen_id == "article"
    return screen.title()


def test_contents_jump_and_reading(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService, lookup_services: Services
) -> None:
    manager = lookup_window.manager
    manager.navigate("laws")
    manager.navigate("law", law_id=_civil_code(content))
    assert find(lookup_window, QLabel, "law.status").text() == "现行有效"
    meta = find(lookup_window, QLabel, "law.meta").text()
    assert "全国人民代表大会" in meta and "2021-01-01" in meta and "1260" in meta

    toc = find(lookup_window, CardListView, "law.toc")
    headings = [card.title.strip() for card in toc.cards.cards()]
    assert "第五编 婚姻家庭" in headings and "第四章 离婚" in headings
    toc.activate_row(headings.index("第五编 婚姻家庭"))
    articles = find(lookup_window, CardListView, "law.articles")
    assert articles.cards.cards()[0].title == "第一千零四十条"

    find(lookup_window, QLineEdit, "law.jump_field").setText("第一千零七十七条")
    tap(qtbot, lookup_window, "law.jump")
    assert _article_label(lookup_window) == "第一千零七十七条"
    assert "三十日内" in find(lookup_window, QLabel, "article.text").text()

    tap(qtbot, lookup_window, "article.next")
    assert _article_label(lookup_window) == "第一千零七十八条"
    tap(qtbot, lookup_window, "article.previous")
    tap(qtbot, lookup_window, "article.previous")
    assert _article_label(lookup_window) == "第一千零七十六条"

    screen = manager.current_screen
    before = screen.text_px()  # type: ignore[union-attr]
    tap(qtbot, lookup_window, "article.text_larger")
    assert screen.text_px() > before  # type: ignore[union-attr]

    tap(qtbot, lookup_window, "article.read_aloud")
    speech = lookup_services.speech
    assert isinstance(speech, SpokenText)
    spoken = speech.spoken[-1].splitlines()
    assert spoken[:2] == ["中华人民共和国民法典", "第一千零七十六条"]

    # Continue on phone is offered on the article.
    assert find(lookup_window, QAbstractButton, "article.handoff").isVisibleTo(lookup_window)

    tap(qtbot, lookup_window, "article.contents")
    assert manager.current_id == "law"
    first = find(lookup_window, CardListView, "law.articles").cards.cards()[0]
    assert first.title == "第一千零七十六条"


def test_a_number_that_is_no_article_is_explained(
    qtbot: QtBot, lookup_window: MainWindow, content: ContentService
) -> None:
    lookup_window.manager.jump("law", law_id=_civil_code(content))
    find(lookup_window, QLineEdit, "law.jump_field").setText("99999")
    tap(qtbot, lookup_window, "law.jump")
    assert lookup_window.manager.current_id == "law"
    assert "1260" in find(lookup_window, QLabel, "law.jump_message").text()


def test_an_unknown_law_says_so(qtbot: QtBot, lookup_window: MainWindow) -> None:
    lookup_window.manager.jump("law", law_id="no-such-law")
    assert find(lookup_window, QLabel, "law.heading").text() == "没有找到这部法律"
    assert find(lookup_window, CardListView, "law.toc").cards.rowCount() == 0
