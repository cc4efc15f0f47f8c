"""Continue on the phone from the forms (the draft so far), the receipt and a found submission
(tracking), against the reference server over loopback and with the platform unreachable.

Whatever the citizen typed about themselves (name, phone, ID number) reaches neither a QR
code nor the hand-off requests the platform received.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from devserver.testing import DevServer
from kiosk.app import Services
from kiosk.central import build_client
from kiosk.connectivity import Connectivity
from kiosk.handoff import HandoffService
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from kiosk.submissions.setup import create_submission_service
from offline_cache.db import database_proxy, open_database
from offline_cache.retry import Backoff
from offline_cache.schema import ensure_schema
from tests.http_stub import closed_port_url
from tests.ui.qr_decode import decode_qr
from tests.ui.test_submission_screens import PHONE, fill_consultation, find, tap, type_into
from ui.main_window import MainWindow
from ui.screens.handoff import HandoffScreen
from ui.widgets.tracking_qr import TrackingQrPanel

NAME = "张小三"
ID_NUMBER = "110105194912310021"
PERSONAL = (NAME, PHONE, ID_NUMBER, PHONE[3:7] + PHONE[7:])
TEMPLATE = "https://mp.example.gov.cn/p/{type}/{id}"


@pytest.fixture(scope="module")
def server() -> Iterator[DevServer]:
    with DevServer("empty") as running:
        yield running


def build(tmp_path: Path, url: str, token: str) -> Services:
    settings = load_settings(
        environ={
            "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "kiosk"),
            "LEGAL_KIOSK_CENTRAL__URL": url,
            "LEGAL_KIOSK_CENTRAL__TOKEN": token,
            "LEGAL_KIOSK_CENTRAL__CONNECT_TIMEOUT_S": "2",
        }
    )
    database = open_database(settings.database_path)
    ensure_schema(database)
    submissions = create_submission_service(settings, database, backoff=Backoff(0.05, 0.5))
    submissions.start_delivery(interval_ms=100)
    handoff = HandoffService(
        build_client(settings), settings["handoff.ttl_s"], static_url_template=lambda: TEMPLATE
    )
    session = CitizenSession.from_settings(settings)
    session.wiped.connect(handoff.forget)  # as kiosk.app.build_services wires it
    return Services(
        settings=settings,
        session=session,
        connectivity=Connectivity(True),
        submissions=submissions,
        handoff=handoff,
    )


def close(services: Services) -> None:
    assert services.submissions.stop_delivery()
    database_proxy.obj.close()
    database_proxy.initialize(None)


@pytest.fixture
def online(server: DevServer, tmp_path: Path) -> Iterator[Services]:
    services = build(tmp_path, server.url, server.token)
    yield services
    close(services)


@pytest.fixture
def offline(tmp_path: Path) -> Iterator[Services]:
    services = build(tmp_path, closed_port_url(), "t")
    yield services
    close(services)


def open_window(services: Services) -> MainWindow:
    main = MainWindow(services)
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    return main


@pytest.fixture
def window(qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[MainWindow]:
    services = request.getfixturevalue(request.param)
    main = open_window(services)
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    services.session.wipe()


def handoff_screen(qtbot: QtBot, window: MainWindow, state: str) -> HandoffScreen:
    assert window.manager.current_id == "handoff"
    screen = window.manager.current_screen
    assert isinstance(screen, HandoffScreen)
    qtbot.waitUntil(lambda: screen.property("handoff_state") == state, timeout=10_000)
    return screen


def assert_nothing_personal(text: str) -> None:
    for value in PERSONAL:
        assert value not in text


def fill_with_personal_details(qtbot: QtBot, window: MainWindow) -> None:
    fill_consultation(qtbot, window)  # name 张小三, phone 13812345678 in the contact block
    type_into(
        window,
        "consultation_form.content",
        f"我叫{NAME}，身份证{ID_NUMBER}，电话{PHONE}。公司三个月没有发工资，怎么维权？",
    )


@pytest.mark.parametrize("window", ["online"], indirect=True)
def test_consultation_draft_goes_only_through_a_token_without_the_contact(
    qtbot: QtBot, window: MainWindow, server: DevServer
) -> None:
    before = len(server.handoffs())
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.accept")
    fill_with_personal_details(qtbot, window)
    tap(qtbot, window, "consultation_form.handoff")
    screen = handoff_screen(qtbot, window, "shown")
    [minted] = server.handoffs()[before:]
    url = screen.qr.text()
    assert minted["token"] in url
    assert decode_qr(screen.qr.grab().toImage()) == [url]
    assert_nothing_personal(url)
    draft = minted["context"]["draft"]
    assert minted["context"]["kind"] == "draft"
    assert draft["kind"] == "consultation" and draft["category"] == "labour"
    assert draft["subject"] == "公司拖欠工资怎么办"
    assert "公司三个月没有发工资" in draft["content"]
    assert "张*三" in draft["content"] and "138****5678" in draft["content"]
    assert "contact" not in draft and "consent_version" not in draft
    assert_nothing_personal(json.dumps(minted, ensure_ascii=False))
    assert "分钟" not in screen.status.text() and ":" in screen.status.text()  # 4:59
    # Back returns to the form with everything still filled in.
    window.manager.back()
    assert window.manager.current_id == "consultation_form"
    assert find(window, "consultation_form.contact_name").text() == NAME
    assert find(window, "consultation_form.subject").text() == "公司拖欠工资怎么办"


@pytest.mark.parametrize("window", ["online"], indirect=True)
def test_complaint_draft_with_what_is_filled_in_so_far(
    qtbot: QtBot, window: MainWindow, server: DevServer
) -> None:
    before = len(server.handoffs())
    tap(qtbot, window, "home.complaint")
    tap(qtbot, window, "complaint.accept")
    tap(qtbot, window, "complaint_form.complaint_type.fees")
    type_into(window, "complaint_form.respondent_name", "某某律师事务所")
    type_into(window, "complaint_form.contact_name", NAME)
    type_into(window, "complaint_form.contact_phone", PHONE)
    tap(qtbot, window, "complaint_form.handoff")
    screen = handoff_screen(qtbot, window, "shown")
    [minted] = server.handoffs()[before:]
    assert minted["context"] == {
        "kind": "draft",
        "draft": {
            "kind": "complaint",
            "complaint_type": "fees",
            "respondent_name": "某某律师事务所",
        },
    }
    assert decode_qr(screen.qr.grab().toImage()) == [screen.qr.text()]


@pytest.mark.parametrize("window", ["offline"], indirect=True)
def test_offline_a_draft_needs_the_network_and_the_form_is_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.accept")
    fill_with_personal_details(qtbot, window)
    tap(qtbot, window, "consultation_form.handoff")
    screen = handoff_screen(qtbot, window, "unavailable")
    assert not screen.qr.isVisible() and screen.qr.text() == ""
    assert "需要联网" in screen.status.text() and "提交" in screen.status.text()
    assert screen.refresh_button.isVisible()  # try again once the network is back
    assert "本机提交" in screen.back_button.text()
    tap(qtbot, window, "handoff.back")
    assert window.manager.current_id == "consultation_form"
    assert find(window, "consultation_form.contact_phone").text() == PHONE
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "submission_confirm"  # submitting here still works


def submit_consultation(qtbot: QtBot, window: MainWindow) -> str:
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.accept")
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    assert window.manager.current_id == "submission_receipt"
    return find(window, "submission_receipt.client_ref").text()


def tracking_panel(window: MainWindow) -> TrackingQrPanel:
    panel = window.findChild(TrackingQrPanel)
    assert panel is not None
    return panel


@pytest.mark.parametrize("window", ["online"], indirect=True)
def test_receipt_and_found_submission_hand_off_tracking(
    qtbot: QtBot, window: MainWindow, server: DevServer
) -> None:
    before = len(server.handoffs())
    ref = submit_consultation(qtbot, window)
    panel = tracking_panel(window)
    qtbot.waitUntil(lambda: panel.state == "shown", timeout=10_000)
    [minted] = server.handoffs()[before:]
    assert minted["context"] == {"kind": "tracking", "ref": ref}
    assert minted["token"] in panel.qr.text()
    assert decode_qr(panel.qr.grab().toImage()) == [panel.qr.text()]
    assert ":" in panel.status.text()
    # Later, the submission found under 我的办件 can be followed on the phone too.
    qtbot.waitUntil(lambda: len(server.submissions()) == 1, timeout=10_000)
    tap(qtbot, window, "submission_receipt.done")
    assert panel.state == "shown" and window.findChild(TrackingQrPanel) is panel
    tap(qtbot, window, "home.submissions")
    type_into(window, "submissions.ref", ref)
    type_into(window, "submissions.phone_last_four", PHONE[-4:])
    tap(qtbot, window, "submissions.search")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "submissions.item0.handoff") is not None)
    tap(qtbot, window, "submissions.item0.handoff")
    screen = handoff_screen(qtbot, window, "shown")
    assert server.handoffs()[-1]["context"] == {"kind": "tracking", "ref": ref}
    assert decode_qr(screen.qr.grab().toImage()) == [screen.qr.text()]
    assert ref in screen.ref.text() and screen.ref.isVisible()
    for handoff in server.handoffs()[before:]:
        assert_nothing_personal(json.dumps(handoff, ensure_ascii=False))


@pytest.mark.parametrize("window", ["offline"], indirect=True)
def test_offline_receipt_says_to_note_the_number(qtbot: QtBot, window: MainWindow) -> None:
    ref = submit_consultation(qtbot, window)
    panel = tracking_panel(window)
    qtbot.waitUntil(lambda: panel.state == "unavailable", timeout=10_000)
    assert not panel.qr.isVisible() and panel.qr.text() == ""
    assert "联网" in panel.status.text() and "编号" in panel.status.text()
    assert find(window, "submission_receipt.client_ref").text() == ref
    assert panel.refresh_button.isVisible()


@pytest.mark.parametrize("window", ["online"], indirect=True)
def test_session_wipe_takes_the_code_off_screen_and_forgets_the_token(
    qtbot: QtBot, window: MainWindow, online: Services
) -> None:
    ref = submit_consultation(qtbot, window)
    panel = tracking_panel(window)
    qtbot.waitUntil(lambda: panel.state == "shown", timeout=10_000)
    window.manager.navigate("handoff", kind="tracking", ref=ref)
    screen = handoff_screen(qtbot, window, "shown")
    assert online.handoff.current is not None
    # A request still on its way when the session ends is dropped, too.
    online.handoff.request(screen._context)
    online.session.wipe()
    assert window.manager.current_id == "attract"
    assert screen.qr.text() == "" and online.handoff.current is None
    assert screen.property("handoff_state") == "idle"
    assert window.findChild(TrackingQrPanel) is None or tracking_panel(window).qr.text() == ""
    assert find(window, "submission_receipt.client_ref").text() == ""
    with qtbot.assertNotEmitted(online.handoff.code_ready, wait=1500):
        pass
    assert online.handoff.current is None


def test_every_entry_point_may_open_the_handoff_screen() -> None:
    from ui.screen_registry import discover_screens

    registry = discover_screens()
    for screen_id in (
        "article",
        "practitioner",
        "institution",
        "case",
        "guide",
        "consultation_form",
        "complaint_form",
        "submission_receipt",
        "submissions",
    ):
        assert registry.has(screen_id)
        assert registry.allows(screen_id, "handoff"), screen_id
    assert not registry.spec("handoff").in_history  # Back leaves it, the draft stays behind


def test_the_receipt_code_expires_and_a_new_one_can_be_made(
    qtbot: QtBot, server: DevServer
) -> None:
    from offline_cache.api_client import CentralClient

    now = [500.0]
    service = HandoffService(
        CentralClient(server.url, server.token, server.kiosk_id, read_timeout=10),
        60,
        monotonic=lambda: now[0],
    )
    panel = TrackingQrPanel(service, "HALL01-20261122-0003")
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: panel.state == "shown", timeout=10_000)
    first = panel.qr.text()
    assert "1:00" in panel.status.text() or "0:59" in panel.status.text()
    now[0] += 61
    qtbot.waitUntil(lambda: panel.state == "expired", timeout=5_000)  # the next tick
    assert panel.qr.text() == "" and not panel.qr.isVisible()
    assert panel.refresh_button.isVisible()
    tap(qtbot, panel, "tracking_qr.refresh")
    qtbot.waitUntil(lambda: panel.state == "shown", timeout=10_000)
    assert panel.qr.text() not in ("", first)
    assert decode_qr(panel.qr.grab().toImage()) == [panel.qr.text()]
    panel.clear()
    assert panel.qr.text() == "" and panel.state == "idle"
