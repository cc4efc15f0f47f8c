"""50,000 practitioners: the list reads page by page as it scrolls, never all at once."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.content_service import ContentService
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from offline_cache.content_store import ContentStore
from offline_cache.db import database_proxy, open_database
from offline_cache.schema import ensure_schema
from ui.lookup.cards import CardListView
from ui.main_window import MainWindow

from .helpers import find

PEOPLE = 50_000
ROLES = ("lawyer", "notary", "mediator", "judicial_appraiser", "legal_aid_worker")


def _people() -> Iterator[dict[str, Any]]:
    for number in range(PEOPLE):
        yield {
            "type": "practitioner",
            "id": f"p{number:05d}",
            "op": "upsert",
            "version": 1,
            "data": {
                "kind": "practitioner",
                "name": f"人员{number:05d}",
                "role": ROLES[number % len(ROLES)],
                "license_no": f"{number:017d}",
                "status": "practising",
                "district": "明湖区",
                "expertise": ["婚姻家庭"],
                "penalties": [],
            },
        }


@pytest.fixture(scope="module")
def crowded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crowded") / "kiosk.sqlite3"
    database = open_database(path)
    ensure_schema(database)
    assert ContentStore(database).apply_changes(_people()).applied == PEOPLE
    database.close()
    database_proxy.initialize(None)
    return path


@pytest.fixture
def crowded_window(qtbot: QtBot, crowded_database: Path) -> Iterator[MainWindow]:
    settings = load_settings(environ={})
    content = ContentService(settings, crowded_database)
    content.open_blocking()
    services = Services(
        settings=settings,
        session=CitizenSession.from_settings(settings),
        connectivity=Connectivity(False),
    )
    services.content = content
    window = MainWindow(services)
    window.resize(1920, 1080)
    window.show()
    window.show_home()
    yield window
    window.allow_close()
    window.close()
    content.close()


def test_scrolling_fetches_one_page_at_a_time(qtbot: QtBot, crowded_window: MainWindow) -> None:
    crowded_window.manager.navigate("practitioners")
    assert f"共 {PEOPLE} 个结果" in find(crowded_window, QLabel, "practitioners.summary").text()
    results = find(crowded_window, CardListView, "practitioners.results")
    model = results.cards
    assert model.rowCount() == model.page_size
    counts = [model.rowCount()]
    bar = results.verticalScrollBar()
    for _ in range(4):
        qtbot.waitUntil(lambda: bar.maximum() > bar.value())  # the new rows are laid out
        bar.setValue(bar.maximum())  # the view asks for more at the end of the list
        qtbot.waitUntil(lambda: model.rowCount() > counts[-1])
        counts.append(model.rowCount())
    steps = {later - earlier for earlier, later in pairwise(counts)}
    assert steps == {model.page_size}
    assert model.rowCount() < PEOPLE
    assert model.canFetchMore()
    assert model.card(model.rowCount() - 1).title == f"人员{model.rowCount() - 1:05d}"  # type: ignore[union-attr]
