"""Every content view's "continue on phone" reaches the hand-off screen with the right item:
a minted code online (the platform received type/id/anchor), the static link offline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from devserver.testing import DevServer
from kiosk.app import Services
from kiosk.handoff import ContentContext, HandoffService
from offline_cache.api_client import CentralClient
from tests.http_stub import closed_port_client
from tests.ui.qr_decode import decode_qr
from ui.main_window import MainWindow
from ui.screens.handoff import HandoffScreen
from ui.screenshots import lookup_samples

from .helpers import tap

TEMPLATE = "https://mp.example.gov.cn/p/{type}/{id}"


@pytest.fixture(scope="module")
def server() -> Iterator[DevServer]:
    with DevServer("empty") as running:
        yield running


def expected_contexts(services: Services) -> list[tuple[str, dict[str, Any], ContentContext]]:
    """(screen, navigation params, the context its button must hand off) for every view."""
    samples = lookup_samples(services)
    found = []
    for screen_id in ("article", "practitioner", "institution", "case", "guide"):
        for _suffix, params in samples[screen_id]:
            if screen_id == "article":
                context = ContentContext("law", params["law_id"], "1077")
            elif screen_id == "case":
                context = ContentContext(params["type"], params["id"])
            else:
                context = ContentContext(screen_id, params["id"])
            found.append((screen_id, params, context))
    kinds = {context.type for _s, _p, context in found}
    # Law article, practitioner, institution, case, Q&A and guide are all covered.
    assert {"law", "practitioner", "institution", "case", "faq", "guide"} <= kinds
    return found


def make_window(qtbot: QtBot, services: Services, client: CentralClient) -> MainWindow:
    services.handoff = HandoffService(client, 120, static_url_template=lambda: TEMPLATE)
    window = MainWindow(services)
    window.resize(1920, 1080)
    window.show()
    window.show_home()
    return window


def close(window: MainWindow, services: Services) -> None:
    window.allow_close()
    window.close()
    window.deleteLater()
    services.session.wipe()


def hand_off_from(qtbot: QtBot, window: MainWindow, screen_id: str, params: dict) -> HandoffScreen:
    window.manager.jump(screen_id, **params)
    tap(qtbot, window, f"{screen_id}.handoff")
    assert window.manager.current_id == "handoff"
    screen = window.manager.current_screen
    assert isinstance(screen, HandoffScreen)
    qtbot.waitUntil(lambda: screen.property("handoff_state") == "shown", timeout=10_000)
    return screen


def test_every_content_view_hands_off_a_minted_code(
    qtbot: QtBot, lookup_services: Services, server: DevServer
) -> None:
    client = CentralClient(server.url, server.token, server.kiosk_id, read_timeout=10)
    window = make_window(qtbot, lookup_services, client)
    try:
        for screen_id, params, context in expected_contexts(lookup_services):
            assert window.manager.registry.allows(screen_id, "handoff")
            screen = hand_off_from(qtbot, window, screen_id, params)
            minted = server.handoffs()[-1]
            assert minted["context"] == context.to_api(), screen_id
            url = screen.qr.text()
            assert minted["token"] in url
            assert decode_qr(screen.qr.grab().toImage()) == [url], screen_id
            assert ":" in screen.status.text()  # the countdown
            window.manager.back()
            assert window.manager.current_id == screen_id  # Back returns to the same item
    finally:
        close(window, lookup_services)


def test_offline_every_content_view_shows_the_static_link(
    qtbot: QtBot, lookup_services: Services
) -> None:
    window = make_window(qtbot, lookup_services, closed_port_client())
    try:
        for screen_id, params, context in expected_contexts(lookup_services):
            screen = hand_off_from(qtbot, window, screen_id, params)
            expected = f"https://mp.example.gov.cn/p/{context.type}/{context.id}"
            assert decode_qr(screen.qr.grab().toImage()) == [expected], screen_id
            assert not screen.refresh_button.isVisible()  # a static link does not expire
            status = window.findChild(QWidget, "handoff.status")
            assert status is not None and "长期有效" in screen.status.text()
    finally:
        close(window, lookup_services)
