"""Lookup screens: opening 民法典 and jumping to 第一千零七十七条; scrolling 50,000 practitioners.

1. The demo database (real laws) is built once in a temporary folder. "Open +
   jump" is the work of the law view and the article reader together: the law
   header and its table of contents (``ContentService.law``), then the article
   (``ContentService.article``), then showing both screens in a 1920x1080
   offscreen window (``manager.jump``), event processing included.
2. 50,000 fictional practitioners are written to a second database; the
   practitioners screen lists them and the benchmark scrolls its list to the
   end of what is loaded, over and over, timing each ``fetchMore`` page and
   each repaint of the list (a frame).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

RUNS = 30
PEOPLE = 50_000
SCROLL_PAGES = 40


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms(value: float) -> float:
    return round(value * 1000, 2)


def _people() -> Iterator[dict[str, Any]]:
    roles = ("lawyer", "notary", "mediator", "judicial_appraiser", "legal_aid_worker")
    for number in range(PEOPLE):
        yield {
            "type": "practitioner",
            "id": f"p{number:05d}",
            "op": "upsert",
            "version": 1,
            "data": {
                "kind": "practitioner",
                "name": f"人员{number:05d}",
                "role": roles[number % len(roles)],
                "license_no": f"{number:017d}",
                "status": "practising",
                "district": "明湖区",
                "expertise": ["婚姻家庭", "劳动争议"],
                "penalties": [],
            },
        }


def run() -> dict[str, object]:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from kiosk.app import Services
    from kiosk.connectivity import Connectivity
    from kiosk.content_service import ContentService
    from kiosk.session import CitizenSession
    from kiosk.settings import load_settings
    from offline_cache.content_store import ContentStore
    from offline_cache.db import open_database
    from offline_cache.schema import ensure_schema
    from ui.application import create_application
    from ui.lookup.cards import CardListView
    from ui.main_window import MainWindow

    app = create_application()
    assert isinstance(app, QApplication)
    settings = load_settings(environ={})
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        content = ContentService(settings, Path(folder) / "demo.sqlite3")
        started = time.perf_counter()
        content.open_blocking()
        figures["first start: demo content loaded and indexed (s)"] = round(
            time.perf_counter() - started, 1
        )
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
        law_id = content.search_now("民法典", "law", 1)[0].law_id
        queries, screens = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            law = content.law(law_id)
            article = content.article(law_id, 1077)
            queries.append(time.perf_counter() - started)
            assert law is not None and article is not None
            started = time.perf_counter()
            window.manager.jump("law", law_id=law_id)
            app.processEvents()
            window.manager.jump("article", law_id=law_id, no=1077, sub=0)
            app.processEvents()
            screens.append(time.perf_counter() - started)
            window.manager.home()
            app.processEvents()
        figures["open 民法典 + find 第1077条, queries p50 (ms)"] = _ms(statistics.median(queries))
        figures["open 民法典 + find 第1077条, queries max (ms)"] = _ms(max(queries))
        figures["law view + article view shown, p50 (ms)"] = _ms(statistics.median(screens))
        figures["law view + article view shown, max (ms)"] = _ms(max(screens))
        window.allow_close()
        window.close()
        content.close()

        crowded = Path(folder) / "crowded.sqlite3"
        database = open_database(crowded)
        ensure_schema(database)
        ContentStore(database).apply_changes(_people())
        database.close()
        content = ContentService(settings, crowded)
        content.open_blocking()
        services.content = content
        window = MainWindow(services)
        window.resize(1920, 1080)
        window.show()
        window.show_home()
        started = time.perf_counter()
        window.manager.jump("practitioners", kind="practitioner")
        app.processEvents()
        figures["practitioners screen with 50,000 people shown (ms)"] = _ms(
            time.perf_counter() - started
        )
        screen = window.manager.current_screen
        assert screen is not None
        view = screen.findChild(CardListView, "practitioners.results")
        assert view is not None
        model = view.cards
        fetch_times: list[float] = []
        original_fetch = model._fetch
        assert original_fetch is not None

        def timed_fetch(offset: int, limit: int) -> list[Any]:
            began = time.perf_counter()
            page = original_fetch(offset, limit)
            fetch_times.append(time.perf_counter() - began)
            return page

        model._fetch = timed_fetch
        frames: list[float] = []
        bar = view.verticalScrollBar()
        step = max(1, view.viewport().height() // 3)
        for _ in range(SCROLL_PAGES):
            target = bar.maximum()
            while bar.value() < target:
                began = time.perf_counter()
                bar.setValue(min(target, bar.value() + step))
                view.viewport().repaint()
                app.processEvents()
                frames.append(time.perf_counter() - began)
            app.processEvents()
        figures["rows loaded after scrolling"] = model.rowCount()
        figures["pages fetched while scrolling"] = len(fetch_times)
        if fetch_times:
            figures["fetchMore per page of 50, p50 (ms)"] = _ms(statistics.median(fetch_times))
            figures["fetchMore per page of 50, max (ms)"] = _ms(max(fetch_times))
        figures["frames while scrolling"] = len(frames)
        figures["frame time p50 (ms)"] = _ms(statistics.median(frames))
        figures["frame time p95 (ms)"] = _ms(_percentile(frames, 0.95))
        figures["frame time max (ms)"] = _ms(max(frames))
        window.allow_close()
        window.close()
        content.close()
    return figures
