"""Staff mode in the real window: gesture, PIN, lockout, panel actions, out of service."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.session import CitizenSession, SessionState
from kiosk.settings import Settings, load_settings
from kiosk.staff.audit import MemoryEventSink
from kiosk.staff.overrides import read_overrides
from kiosk.staff.panel import EXIT_RESTART, EXIT_TO_DESKTOP
from kiosk.staff.services import build_staff_services
from ui.main_window import MainWindow
from ui.screen_manager import HOME
from ui.screens.staff_pin import DIGIT_NAMES
from ui.staff_controller import StaffController
from ui.staff_gesture import gesture_zone
from ui.theme import MIN_TARGET_PX
from ui.widgets import KineticScrollArea

PIN = "240517"
GESTURE_POINT = gesture_zone(1920).center()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Harness:
    def __init__(self, qtbot: QtBot, settings: Settings, clock: FakeClock) -> None:
        self.qtbot = qtbot
        self.clock = clock
        self.sink = MemoryEventSink()
        session = CitizenSession.from_settings(settings, clock=clock)
        self.services = Services(
            settings=settings, session=session, connectivity=Connectivity(False)
        )
        self.services.staff = build_staff_services(settings, self.sink)
        self.window = MainWindow(self.services)
        self.window.resize(1920, 1080)
        self.window.show()
        self.window.show_home()
        qtbot.waitExposed(self.window)
        self.exits: list[int] = []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.controller = StaffController(
            self.window,
            self.services,
            app,
            clock=clock,
            long_press_ms=300,
            exit_application=self.exits.append,
        )

    @property
    def staff(self):  # type: ignore[no-untyped-def]
        return self.services.staff

    @property
    def current(self) -> str | None:
        return self.window.manager.current_id

    def widget(self, name: str) -> QWidget:
        found = self.window.findChild(QWidget, name)
        assert found is not None, name
        return found

    def click(self, name: str) -> None:
        widget = self.widget(name)
        assert widget.isEnabled() and widget.isVisibleTo(self.window), name
        # Test clicks go to whatever is on screen at that spot: scroll it into view first.
        scroll = self.window.findChild(KineticScrollArea, "staff_panel.scroll")
        if scroll is not None and scroll.isAncestorOf(widget):
            scroll.ensureWidgetVisible(widget)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def corner_taps(self, count: int = 5, gap_s: float = 0.5) -> None:
        for _ in range(count):
            self.qtbot.mouseClick(self.window, Qt.MouseButton.LeftButton, pos=GESTURE_POINT)
            self.clock.now += gap_s

    def enter_pin(self, pin: str) -> None:
        for digit in pin:
            self.click(f"staff_pin.key_{DIGIT_NAMES[int(digit)]}")
        self.click("staff_pin.ok")

    def message_key(self) -> str:
        return str(self.widget("staff_pin.message").property("message_key"))

    def close(self) -> None:
        self.staff.session.end()
        self.services.session.set_language("zh_CN")  # the translator is application-wide
        self.controller.shutdown()
        self.window.allow_close()
        self.window.close()
        # Delete the Qt objects now, while the application exists, not at interpreter exit.
        shiboken6.delete(self.window)
        for qobject in (
            self.staff.session,
            self.staff.maintenance,
            self.services.session,
            self.services.connectivity,
        ):
            shiboken6.delete(qobject)
        gc.collect()


def make_settings(tmp_path: Path) -> Settings:
    return load_settings(environ={}).with_values({"storage.data_dir": str(tmp_path / "data")})


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Iterator[Harness]:
    running = Harness(qtbot, make_settings(tmp_path), FakeClock())
    running.staff.access.set_pin(PIN)
    yield running
    running.close()


def test_five_corner_taps_open_the_pin_pad_and_the_right_pin_the_panel(harness: Harness) -> None:
    assert harness.current == HOME
    harness.corner_taps(4)
    assert harness.current == HOME  # four taps are not enough
    harness.corner_taps(1)
    assert harness.current == "staff_pin"
    harness.enter_pin(PIN)
    assert harness.current == "staff_panel"
    assert harness.staff.session.is_active
    assert "staff_login" in [e["type"] for e in harness.sink.events]
    harness.click("staff_panel.logout")
    assert not harness.staff.session.is_active
    assert harness.current != "staff_panel"


def test_slow_taps_do_not_open_it(harness: Harness) -> None:
    harness.corner_taps(5, gap_s=1.0)  # five taps over 4 s
    assert harness.current == HOME


def test_a_long_press_on_the_title_opens_it(harness: Harness) -> None:
    harness.qtbot.mousePress(harness.window, Qt.MouseButton.LeftButton, pos=GESTURE_POINT)
    harness.qtbot.waitUntil(lambda: harness.current == "staff_pin", timeout=3000)
    harness.qtbot.mouseRelease(harness.window, Qt.MouseButton.LeftButton, pos=GESTURE_POINT)


def test_taps_on_back_neither_count_nor_are_lost(harness: Harness) -> None:
    harness.window.manager.navigate("laws")
    assert harness.current == "laws"
    back = harness.widget("topbar.back")
    harness.qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert harness.current == HOME  # Back did its job
    harness.corner_taps(4)
    harness.qtbot.mouseClick(harness.window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert harness.current == HOME  # a tap in the old corner does not complete the gesture


def _controls_in_zone(root: QWidget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    window = root.window()
    zone = gesture_zone(window.width())
    found = []
    for control in [root, *root.findChildren(QWidget)]:
        if isinstance(control, QAbstractButton | QLineEdit) and control.isVisibleTo(window):
            rect = control.rect().translated(control.mapTo(window, QPoint(0, 0)))
            if rect.intersects(zone):
                found.append(control.objectName())
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("large_text", [False, True])
@pytest.mark.parametrize("logged_in", [False, True])
def test_no_citizen_control_lies_in_the_gesture_zone(
    harness: Harness, language: str, large_text: bool, logged_in: bool
) -> None:
    session = harness.services.session
    session.set_language(language)
    session.set_large_text(large_text)
    if logged_in:  # the top bar's fullest state: the log-out button with a long English name
        from devices.idcard.samples import SAMPLE_CARDS
        from kiosk.identity import CitizenIdentity

        session.touch()
        session.set_identity(CitizenIdentity.from_card(SAMPLE_CARDS["hmt_residence"]))
    harness.window.manager.navigate("laws")  # Back and Home both shown
    top_bar = harness.widget("topbar")
    harness.qtbot.waitUntil(lambda: top_bar.isVisible(), timeout=2000)
    QApplication.processEvents()
    assert _controls_in_zone(top_bar) == []
    registry = harness.window.manager.registry
    for screen_id in registry.screen_ids():
        if registry.spec(screen_id).top_bar or screen_id in ("staff_pin", "staff_panel"):
            continue
        harness.window.manager.jump(screen_id)
        QApplication.processEvents()
        screen = harness.window.manager.current_screen
        assert screen is not None
        assert _controls_in_zone(screen) == [], screen_id


def test_wrong_pin_counts_down_then_locks_and_the_lock_survives_a_restart(
    qtbot: QtBot, harness: Harness, tmp_path: Path
) -> None:
    harness.corner_taps()
    harness.enter_pin("111112")
    assert harness.message_key() == "wrong"
    assert "4" in harness.widget("staff_pin.message").text()  # type: ignore[attr-defined]
    for _ in range(4):
        harness.enter_pin("111112")
    assert harness.message_key() == "locked"
    harness.enter_pin(PIN)  # the right PIN is refused while locked
    assert harness.message_key() == "locked"
    assert harness.current == "staff_pin"
    types = [e["type"] for e in harness.sink.events]
    assert types.count("staff_login_failed") == 6 and "staff_lockout" in types
    assert PIN not in repr(harness.sink.events) and "111112" not in repr(harness.sink.events)

    restarted = Harness(qtbot, make_settings(tmp_path), FakeClock())
    try:
        restarted.corner_taps()
        restarted.enter_pin(PIN)
        assert restarted.message_key() == "locked"
    finally:
        restarted.close()


def test_staff_session_is_not_wiped_by_the_citizen_idle_timer(harness: Harness) -> None:
    session = harness.services.session
    harness.corner_taps()
    harness.enter_pin(PIN)
    session.touch()
    harness.clock.now += session.idle_timeout_s + session.countdown_s + 5
    session.tick()
    harness.clock.now += session.countdown_s + 5
    session.tick()
    assert session.state is not SessionState.COUNTDOWN
    assert harness.current == "staff_panel"
    assert harness.staff.session.is_active


def test_staff_session_ends_on_its_own_timeout(harness: Harness) -> None:
    harness.corner_taps()
    harness.enter_pin(PIN)
    harness.staff.session.set_idle_timeout(0.2)
    harness.qtbot.waitUntil(lambda: not harness.staff.session.is_active, timeout=5000)
    harness.qtbot.waitUntil(lambda: harness.current != "staff_panel", timeout=2000)


def test_out_of_service_from_the_panel_and_back(harness: Harness) -> None:
    harness.corner_taps()
    harness.enter_pin(PIN)
    harness.widget("staff_panel.service_message").setText("设备检修，请到3号窗口")  # type: ignore[attr-defined]
    harness.click("staff_panel.service_toggle")
    assert harness.staff.maintenance.active
    harness.click("staff_panel.logout")
    harness.qtbot.waitUntil(lambda: harness.current == "out_of_service", timeout=2000)
    assert "3号窗口" in harness.widget("out_of_service.message_zh").text()  # type: ignore[attr-defined]
    # Citizens cannot leave it: Home is replaced by the notice again.
    harness.window.manager.home()
    harness.qtbot.waitUntil(lambda: harness.current == "out_of_service", timeout=2000)
    # Only the gesture leads on.
    harness.corner_taps()
    assert harness.current == "staff_pin"
    harness.enter_pin(PIN)
    harness.click("staff_panel.service_toggle")
    assert not harness.staff.maintenance.active
    assert [e["type"] for e in harness.sink.events].count("maintenance_on") == 1
    assert "maintenance_off" in [e["type"] for e in harness.sink.events]


def test_settings_are_validated_kept_and_applied(harness: Harness) -> None:
    harness.corner_taps()
    harness.enter_pin(PIN)
    before = harness.services.settings["session.idle_timeout_s"]
    harness.click("staff_panel.idle_more")
    assert harness.services.settings["session.idle_timeout_s"] == before + 30
    assert harness.services.session.idle_timeout_s == before + 30
    assert read_overrides(harness.services.settings) == {"session.idle_timeout_s": before + 30}
    for _ in range(12):
        harness.click("staff_panel.volume_more")
    assert harness.services.settings["speech.volume"] == 1.0
    assert "speech.volume" in harness.widget("staff_panel.settings_result").text()  # type: ignore[attr-defined]
    harness.widget("staff_panel.reader_port").setText("/dev/ttyUSB1")  # type: ignore[attr-defined]
    harness.click("staff_panel.reader_port_save")
    assert harness.services.settings["idcard.port"] == "/dev/ttyUSB1"
    actions = [e["data"].get("action") for e in harness.sink.events if e["type"] == "staff_action"]
    assert "setting_changed" in actions and "setting_rejected" in actions


def test_panel_shows_facts_and_tests_devices(harness: Harness) -> None:
    harness.corner_taps()
    harness.enter_pin(PIN)
    facts = harness.widget("staff_panel.kiosk_facts").text()  # type: ignore[attr-defined]
    assert "HALL01" in facts and "0.1.0" in facts
    assert "内置模拟读卡器" in harness.widget("staff_panel.devices_facts").text()  # type: ignore[attr-defined]
    harness.click("staff_panel.test_reader")
    assert "没有启用读卡器" in harness.widget("staff_panel.test_result").text()  # type: ignore[attr-defined]
    harness.click("staff_panel.test_speech")
    assert "未连接" in harness.widget("staff_panel.test_result").text()  # type: ignore[attr-defined]
    # No platform: nothing to check, and the panel says why.
    assert not harness.widget("staff_panel.check_network").isEnabled()
    assert "central.url" in harness.widget("staff_panel.network_result").text()  # type: ignore[attr-defined]
    actions = [e["data"].get("action") for e in harness.sink.events if e["type"] == "staff_action"]
    assert {"test_reader", "test_speech"} <= set(actions)
    # Sync is not possible without a platform, and says so.
    assert not harness.widget("staff_panel.sync_now").isEnabled()


def test_restart_and_exit_with_confirmation(harness: Harness) -> None:
    harness.corner_taps()
    harness.enter_pin(PIN)
    harness.click("staff_panel.exit")
    assert harness.exits == []  # only after confirming
    harness.click("staff_panel.exit_confirm_no")
    assert not harness.widget("staff_panel.exit_confirm_yes").isVisibleTo(harness.window)
    harness.click("staff_panel.exit")
    harness.click("staff_panel.exit_confirm_yes")
    assert harness.exits == [EXIT_TO_DESKTOP]
    harness.corner_taps()
    harness.enter_pin(PIN)
    harness.click("staff_panel.restart")
    assert harness.exits == [EXIT_TO_DESKTOP, EXIT_RESTART]
    actions = [e["data"].get("action") for e in harness.sink.events if e["type"] == "staff_action"]
    assert {"exit_to_desktop", "restart"} <= set(actions)


@pytest.mark.parametrize("screen_id", ["staff_pin", "staff_panel", "out_of_service"])
def test_touch_rules(harness: Harness, screen_id: str) -> None:
    harness.window.manager.jump(screen_id)
    screen = harness.window.manager.current_screen
    assert screen is not None
    from PySide6.QtWidgets import QAbstractButton, QLabel

    for button in screen.findChildren(QAbstractButton):
        if button.isVisibleTo(screen):
            assert button.objectName() and button.accessibleName(), button
            assert button.height() >= MIN_TARGET_PX and button.width() >= MIN_TARGET_PX, (
                button.objectName()
            )
    for label in screen.findChildren(QLabel):
        if label.isVisibleTo(screen) and label.text():
            assert label.font().pixelSize() >= 24 or label.fontInfo().pixelSize() >= 24, (
                label.objectName()
            )


def test_panel_with_the_real_reader_shows_its_last_read_but_never_card_data(
    harness: Harness,
) -> None:
    from kiosk.idcard_service import IdCardService

    reader = IdCardService(harness.services.settings)
    harness.services.idcard = reader
    reader.start()
    try:
        harness.qtbot.waitUntil(lambda: reader.health == "ok", timeout=10_000)
        with harness.qtbot.waitSignal(reader.card_read, timeout=10_000) as read:
            reader.place_demo_card()
        card = read.args[0]
        harness.corner_taps()
        harness.enter_pin(PIN)
        facts = harness.widget("staff_panel.devices_facts").text()  # type: ignore[attr-defined]
        assert "正常" in facts and "最近读卡" in facts
        shown = " ".join(
            label.text()  # type: ignore[attr-defined]
            for label in harness.window.manager.current_screen.findChildren(QWidget)
            if hasattr(label, "text") and isinstance(label.text(), str)
        )
        for secret in (card.name, card.id_number, card.address):
            assert not secret or secret not in shown
        # "Test reader" waits for a card and says only that one was read.
        result = harness.widget("staff_panel.test_result")
        harness.click("staff_panel.test_reader")
        assert "请在" in result.text()  # type: ignore[attr-defined]
        assert not harness.widget("staff_panel.test_reader").isEnabled()
        reader.place_demo_card("resident_long_term")  # another card: a new placement
        harness.qtbot.waitUntil(lambda: "读到一张身份证" in result.text(), timeout=10_000)  # type: ignore[attr-defined]
        assert "正常" in result.text()  # type: ignore[attr-defined]
        for secret in (card.name, card.id_number, card.address):
            assert not secret or secret not in result.text()  # type: ignore[attr-defined]
        from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

        from devices.idcard.samples import SAMPLE_CARDS

        shown_now = repr(
            [
                w.text()
                for w in harness.window.findChildren(QWidget)
                if isinstance(w, QLabel | QAbstractButton | QLineEdit)
            ]
        )

        assert SAMPLE_CARDS["resident_long_term"].id_number not in shown_now
        # Nothing placed: the test ends on its own and says so.
        reader.lift_demo_card()
        harness.window.manager.current_screen.panel.start_reader_test(wait_ms=200)
        harness.qtbot.waitUntil(lambda: "没有读到卡" in result.text(), timeout=5000)  # type: ignore[attr-defined]
    finally:
        reader.stop()
        shiboken6.delete(reader)


def test_a_new_reader_port_applies_at_once(harness: Harness, tmp_path: Path) -> None:
    from kiosk.idcard_service import IdCardService

    reader = IdCardService(harness.services.settings)
    harness.services.idcard = reader
    reader.start()
    cards: list[object] = []
    reader.card_read.connect(cards.append)  # a screen's connection survives the change
    try:
        harness.qtbot.waitUntil(lambda: reader.health == "ok", timeout=10_000)
        harness.corner_taps()
        harness.enter_pin(PIN)
        missing = str(tmp_path / "no-such-tty")
        harness.widget("staff_panel.reader_port").setText(missing)  # type: ignore[attr-defined]
        harness.click("staff_panel.reader_port_save")
        assert "重新连接" in harness.widget("staff_panel.settings_result").text()  # type: ignore[attr-defined]
        assert reader.device_path == Path(missing)
        harness.qtbot.waitUntil(lambda: reader.health != "ok", timeout=10_000)
        harness.widget("staff_panel.reader_port").setText("")  # type: ignore[attr-defined]
        harness.click("staff_panel.reader_port_save")  # back to the built-in simulator
        harness.qtbot.waitUntil(lambda: reader.health == "ok", timeout=10_000)
        with harness.qtbot.waitSignal(reader.card_read, timeout=10_000):
            reader.place_demo_card()
        assert len(cards) == 1
    finally:
        reader.stop()
        shiboken6.delete(reader)


def test_test_speech_speaks_and_names_engine_and_voices(harness: Harness, tmp_path: Path) -> None:
    from devices.speech import WavFileSink
    from kiosk.speech_service import SpeechService

    sink = WavFileSink(tmp_path / "played")
    speech = SpeechService.from_settings(harness.services.settings, sink=sink)
    harness.services.speech = speech
    try:
        harness.corner_taps()
        harness.enter_pin(PIN)
        with harness.qtbot.waitSignal(speech.speaking_finished, timeout=20_000):
            harness.click("staff_panel.test_speech")
        text = harness.widget("staff_panel.test_result").text()  # type: ignore[attr-defined]
        assert "正常" in text and "pyttsx3" in text
        assert "sit/cmn-latn-pinyin" in text and "gmw/en-us" in text
        assert sink.played
    finally:
        speech.close()
        shiboken6.delete(speech)


def test_a_failing_engine_is_reported_with_personal_data_masked(harness: Harness) -> None:
    from devices.speech import NullSpeech
    from kiosk.speech_service import SpeechService

    # ID and phone numbers are recognised by their shape; a name alone cannot be.
    engine_error = "audio device busy while reading 110105194912310021 13912345678"
    speech = SpeechService(NullSpeech("error", engine_error))
    harness.services.speech = speech
    try:
        harness.corner_taps()
        harness.enter_pin(PIN)
        harness.click("staff_panel.test_speech")
        text = harness.widget("staff_panel.test_result").text()  # type: ignore[attr-defined]
        assert "audio device busy" in text
        assert "110105194912310021" not in text and "13912345678" not in text
    finally:
        speech.close()
        shiboken6.delete(speech)


def _out_of_service_text(harness: Harness, name: str) -> str:
    return str(harness.widget(f"out_of_service.{name}").text())  # type: ignore[attr-defined]


def test_out_of_service_notice_from_the_platform_ends_at_until(harness: Harness) -> None:
    import datetime as dt

    harness.services.settings = harness.services.settings.with_values(
        {"kiosk.hall_phone": "010-12348"}
    )
    until = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    maintenance = harness.staff.maintenance
    maintenance.apply_config(
        {
            "maintenance": {
                "active": True,
                "message_zh": "系统升级",
                "message_en": "System upgrade",
                "until": until.isoformat(),
            }
        }
    )
    harness.qtbot.waitUntil(lambda: harness.current == "out_of_service", timeout=2000)
    assert _out_of_service_text(harness, "message_zh") == "系统升级"
    assert _out_of_service_text(harness, "message_en") == "System upgrade"
    local = until.astimezone()
    assert f"{local:%H:%M}" in _out_of_service_text(harness, "until")
    assert "010-12348" in _out_of_service_text(harness, "phone")
    # A new message while the notice is up is shown at once.
    maintenance.apply_config(
        {"maintenance": {"active": True, "message_zh": "网络检修", "message_en": "Network work"}}
    )
    assert _out_of_service_text(harness, "message_en") == "Network work"
    assert not harness.widget("out_of_service.until").isVisibleTo(harness.window)
    # Citizen taps anywhere on it do nothing: no session, no other screen.
    for point in (QPoint(960, 540), QPoint(100, 1000), QPoint(1800, 60)):
        harness.qtbot.mouseClick(harness.window, Qt.MouseButton.LeftButton, pos=point)
    assert harness.current == "out_of_service"
    assert not harness.services.session.is_active
    # The platform's end time passed: the kiosk serves again by itself.
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    maintenance.apply_config({"maintenance": {"active": True, "until": past.isoformat()}})
    harness.qtbot.waitUntil(lambda: harness.current != "out_of_service", timeout=2000)


def test_staff_message_in_one_language_keeps_the_other_line_standard(harness: Harness) -> None:
    from ui.screens.out_of_service import DEFAULT_EN, DEFAULT_ZH

    harness.staff.maintenance.set_by_staff(True, "Screen repair, please use window 3")
    harness.qtbot.waitUntil(lambda: harness.current == "out_of_service", timeout=2000)
    assert _out_of_service_text(harness, "message_en") == "Screen repair, please use window 3"
    assert _out_of_service_text(harness, "message_zh") == DEFAULT_ZH
    harness.staff.maintenance.set_by_staff(True, "屏幕维修，请到3号窗口")
    assert _out_of_service_text(harness, "message_zh") == "屏幕维修，请到3号窗口"
    assert _out_of_service_text(harness, "message_en") == DEFAULT_EN


def test_citizen_idle_wipe_still_runs_behind_the_notice(harness: Harness) -> None:
    session = harness.services.session
    session.touch()  # a citizen was using the kiosk
    assert session.is_active
    harness.staff.maintenance.set_by_staff(True, "")
    harness.qtbot.waitUntil(lambda: harness.current == "out_of_service", timeout=2000)
    assert not session.is_active  # whatever the citizen left is gone
    session.touch()  # a stray touch on the notice
    harness.clock.now += session.idle_timeout_s + session.countdown_s + 5
    session.tick()
    harness.clock.now += session.countdown_s + 5
    session.tick()
    assert not session.is_active
    # The wipe shows the attract loop for a moment; the notice comes straight back.
    harness.qtbot.waitUntil(lambda: harness.current == "out_of_service", timeout=2000)


def test_many_usb_sticks_still_leave_the_data_folder_as_a_target(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.staff.panel as panel_module

    sticks = [tmp_path / "media" / f"stick{number}" for number in range(5)]
    # Mount points cannot be made in a test: the scan of /media is the one stand-in.
    monkeypatch.setattr(panel_module, "REMOVABLE_MEDIA_ROOTS", (tmp_path / "media",))
    monkeypatch.setattr(panel_module, "_mount_points", lambda root: list(sticks))
    harness.corner_taps()
    harness.enter_pin(PIN)
    buttons = [
        harness.window.findChild(QWidget, f"staff_panel.export_to.{number}") for number in range(5)
    ]
    shown = [button.text() for button in buttons if button is not None]  # type: ignore[attr-defined]
    data_folder = str(harness.services.settings.data_dir / "export")
    assert len(shown) == 4 and data_folder in shown[-1]
    assert all(str(stick) in text for stick, text in zip(sticks[:3], shown[:3], strict=True))
