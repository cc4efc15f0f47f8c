"""The whole citizen journey against the reference server over loopback, as the kiosk builds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from devices.speech import NullSpeech
from devserver.testing import DevServer
from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from kiosk.submissions.setup import create_submission_service
from offline_cache.db import database_proxy, open_database
from offline_cache.retry import Backoff
from offline_cache.schema import ensure_schema
from tests.ui.test_submission_screens import PHONE, fill_consultation, find, tap, type_into
from ui.main_window import MainWindow


class RecordingSpeech(SpeechService):
    """The real read-aloud service over the silent engine (no sound card here); keeps what
    it was asked to say."""

    def __init__(self) -> None:
        super().__init__(NullSpeech("absent", "no sound card in tests"))
        self.said: list[str] = []

    def speak_now(self, text: str) -> None:
        self.said.append(text)
        super().speak_now(text)


@pytest.fixture
def server() -> Iterator[DevServer]:
    with DevServer("empty") as running:
        yield running


@pytest.fixture
def services(server: DevServer, tmp_path: Path) -> Iterator[Services]:
    settings = load_settings(
        environ={
            "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "kiosk"),
            "LEGAL_KIOSK_CENTRAL__URL": server.url,
            "LEGAL_KIOSK_CENTRAL__TOKEN": server.token,
        }
    )
    database = open_database(settings.database_path)
    ensure_schema(database)
    submissions = create_submission_service(settings, database, backoff=Backoff(0.05, 0.5))
    submissions.start_delivery(interval_ms=100)
    yield Services(
        settings=settings,
        session=CitizenSession.from_settings(settings),
        connectivity=Connectivity(True),
        submissions=submissions,
        speech=RecordingSpeech(),
    )
    assert submissions.stop_delivery()
    database.close()
    database_proxy.initialize(None)


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    main = MainWindow(services)
    main.resize(1920, 1080)
    main.show()
    main.show_home()
    yield main
    main.allow_close()
    main.close()
    main.deleteLater()
    services.session.wipe()


def test_ask_get_the_answer_read_it_aloud_and_rate_it(
    qtbot: QtBot, window: MainWindow, server: DevServer, services: Services
) -> None:
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.accept")
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    ref = find(window, "submission_receipt.client_ref").text()
    assert not find(window, "submission_receipt.offline_note").isVisible()
    qtbot.waitUntil(lambda: len(server.submissions()) == 1, timeout=10_000)
    [stored] = server.submissions()
    assert stored["client_ref"] == ref
    assert stored["body"]["payload"]["consent_version"] == services.submissions.consent_version
    server.answer(ref, "可以向当地劳动争议仲裁委员会申请仲裁。", "王某 律师（某某律师事务所）")
    tap(qtbot, window, "submission_receipt.done")
    tap(qtbot, window, "home.submissions")
    type_into(window, "submissions.ref", ref)
    type_into(window, "submissions.phone_last_four", PHONE[-4:])
    tap(qtbot, window, "submissions.search")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "submissions.item0.answer") is not None)
    assert "仲裁" in find(window, "submissions.item0.answer").text()
    assert "王某 律师" in find(window, "submissions.item0.answered_by").text()
    assert "已答复" in find(window, "submissions.item0.status").text()
    tap(qtbot, window, "submissions.item0.read_aloud")
    assert services.speech.said == ["可以向当地劳动争议仲裁委员会申请仲裁。"]
    tap(qtbot, window, "submissions.item0.evaluate")
    assert window.manager.current_id == "evaluation"
    for aspect in ("resolution", "timeliness", "attitude"):
        tap(qtbot, window, f"evaluation.{aspect}.five")
    type_into(window, "evaluation.contact_name", "张小三")
    type_into(window, "evaluation.contact_phone", PHONE)
    tap(qtbot, window, "evaluation.submit")
    tap(qtbot, window, "submission_confirm.confirm")
    assert "评价" in find(window, "submission_receipt.heading").text()
    qtbot.waitUntil(lambda: len(server.submissions()) == 2, timeout=10_000)
    evaluation = next(s for s in server.submissions() if s["body"]["kind"] == "evaluation")
    assert evaluation["body"]["payload"]["tracking_no"] == stored["tracking_no"]
    assert (
        evaluation["body"]["payload"]["resolution"],
        evaluation["body"]["payload"]["attitude"],
    ) == (5, 5)


def test_the_kiosk_builds_the_service_and_delivers_in_the_background(
    qtbot: QtBot, server: DevServer, tmp_path: Path
) -> None:
    from kiosk.app import build_services
    from kiosk.submissions.drafts import ConsultationDraft, Contact

    settings = load_settings(
        environ={
            "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "built"),
            "LEGAL_KIOSK_CENTRAL__URL": server.url,
            "LEGAL_KIOSK_CENTRAL__TOKEN": server.token,
            "LEGAL_KIOSK_SUBMISSIONS__DELIVERY_INTERVAL_S": "0.5",
        }
    )
    database_proxy.initialize(None)
    built = build_services(settings)
    assert built.submissions is None  # nothing slow before Home is shown
    built.run_ready_callbacks()
    service = built.submissions
    assert service is not None
    try:
        receipt = service.confirm(
            ConsultationDraft(
                "other",
                "邻居噪音扰民",
                "楼上邻居每天深夜装修，多次沟通无果，怎么办？",
                contact=Contact("王五", PHONE),
            )
        )
        assert receipt.client_ref.startswith("HALL01-")
        qtbot.waitUntil(lambda: len(server.submissions()) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: built.connectivity.online, timeout=10_000)
    finally:
        assert service.stop_delivery()
        built.shutdown()  # the reader simulator and speech started with the services
        database_proxy.obj.close()
        database_proxy.initialize(None)
