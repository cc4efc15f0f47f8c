"""The hand-off screen against the reference server: QR decodes, expires, renews; offline paths."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from devserver.testing import DevServer
from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.handoff import ContentContext, DraftContext, HandoffService, TrackingContext
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from offline_cache.api_client import CentralClient
from tests.http_stub import closed_port_client
from tests.ui.qr_decode import decode_qr
from ui.screens.handoff import HandoffScreen

TEMPLATE = "https://mp.example.gov.cn/p/{type}/{id}"


@pytest.fixture(scope="module")
def server() -> Iterator[DevServer]:
    with DevServer() as running:
        yield running


def make_screen(qtbot: QtBot, minter: CentralClient | None, ttl_s: int, monotonic=time.monotonic):  # type: ignore[no-untyped-def]
    settings = load_settings(environ={})
    services = Services(
        settings=settings,
        session=CitizenSession.from_settings(settings),
        connectivity=Connectivity(False),
    )
    services.handoff = HandoffService(
        minter, ttl_s, static_url_template=lambda: TEMPLATE, monotonic=monotonic
    )
    screen = HandoffScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1920, 984)
    screen.show()
    return screen


def state(screen: HandoffScreen) -> str:
    return str(screen.property("handoff_state"))


def test_minted_code_decodes_expires_and_renews(qtbot: QtBot, server: DevServer) -> None:
    client = CentralClient(server.url, server.token, server.kiosk_id, read_timeout=10)
    now = [1000.0]  # the kiosk's monotonic clock, moved by the test
    screen = make_screen(qtbot, client, 30, monotonic=lambda: now[0])
    screen.enter(context=TrackingContext("HALL01-20261122-0007"))
    qtbot.waitUntil(lambda: state(screen) == "shown", timeout=10_000)
    minted = server.handoffs()[-1]
    url = screen.qr.text()
    assert minted["token"] in url
    assert decode_qr(screen.qr.grab().toImage()) == [url]
    assert "0:30" in screen.status.text() or "0:29" in screen.status.text()
    now[0] += 18
    screen.update_countdown()
    assert "0:1" in screen.status.text()  # the countdown shows minutes:seconds
    now[0] += 13
    qtbot.waitUntil(lambda: state(screen) == "expired", timeout=10_000)  # the next tick
    assert not screen.qr.isVisible() and screen.qr.text() == ""
    assert "过期" in screen.status.text()
    assert screen.refresh_button.isVisible()
    qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state(screen) == "shown", timeout=10_000)
    assert screen.qr.text() != url
    assert decode_qr(screen.qr.grab().toImage()) == [screen.qr.text()]
    screen.wipe()
    assert screen.qr.text() == "" and screen.services.handoff.current is None
    shiboken6.delete(screen.services.session)


def test_offline_content_shows_the_static_link(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, closed_port_client(), 300)
    screen.enter(context=ContentContext("law", "civil-code"))
    qtbot.waitUntil(lambda: state(screen) == "shown", timeout=10_000)
    expected = "https://mp.example.gov.cn/p/law/civil-code"
    assert decode_qr(screen.qr.grab().toImage()) == [expected]
    assert "个人信息" in screen.privacy.text()
    shiboken6.delete(screen.services.session)


def test_offline_draft_says_it_needs_the_network(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, closed_port_client(), 300)
    screen.enter(context=DraftContext({"subject": "邻居噪音", "content": "张三 13812345678"}))
    qtbot.waitUntil(lambda: state(screen) == "unavailable", timeout=10_000)
    assert not screen.qr.isVisible() and screen.qr.text() == ""
    assert "联网" in screen.status.text() and "提交" in screen.status.text()
    assert screen.refresh_button.isVisible()
    shiboken6.delete(screen.services.session)


def test_opened_from_home_it_explains_where_codes_come_from(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, None, 300)
    screen.enter()
    assert state(screen) == "intro"
    assert "在手机上继续" in screen.status.text()
    assert not screen.qr.isVisible() and not screen.refresh_button.isVisible()
    shiboken6.delete(screen.services.session)
