"""Read-aloud across the app, with real espeak-ng speech (pyttsx3) played into WAV files."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from devices.idcard.samples import sample_card
from devices.speech import NullSpeech, WavFileSink, split_for_speech
from kiosk.app import Services
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from tests.ui.conftest import FakeClock
from tests.ui.device_fixtures import *  # noqa: F403 (fixtures)
from tests.ui.device_fixtures import every_visible_text
from ui.main_window import MainWindow
from ui.widgets import ReadAloudButton

SPEECH_TIMEOUT_MS = 15_000
LONG_TEXT = (
    "离婚冷静期是指在协议离婚中，给予双方当事人的一段冷静思考时间。"
    "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，"
    "可以向婚姻登记机关撤回离婚登记申请。"
) * 3


def _turn_on(qtbot: QtBot, window: MainWindow, spoken: list[str]) -> None:
    services = window.services
    services.session.touch()
    qtbot.mouseClick(window.top_bar.read_aloud, Qt.MouseButton.LeftButton)
    assert services.session.read_aloud and services.speech.read_aloud
    qtbot.waitUntil(lambda: any("朗读已打开" in s for s in spoken), timeout=SPEECH_TIMEOUT_MS)


def _wait_said(qtbot: QtBot, spoken: list[str], fragment: str) -> None:
    qtbot.waitUntil(lambda: any(fragment in s for s in spoken), timeout=SPEECH_TIMEOUT_MS)


def test_turning_it_on_reads_the_current_screen(
    qtbot: QtBot, device_window: MainWindow, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    assert "您好！请选择要办理的服务" in spoken[-1]  # Home's spoken_text follows the intro


def test_a_tapped_tile_says_its_name_then_the_new_screen_is_read(
    qtbot: QtBot, device_window: MainWindow, spoken: list[str], speech_sink: WavFileSink
) -> None:
    _turn_on(qtbot, device_window, spoken)
    speech_sink.pace = 0.0  # play at once: only the order matters here
    spoken.clear()
    home = device_window.manager.current_screen
    qtbot.mouseClick(home.tiles["idcard"], Qt.MouseButton.LeftButton)
    assert device_window.manager.current_id == "login"  # it acted at once
    screen = device_window.manager.current_screen
    _wait_said(qtbot, spoken, "请把证件放在屏幕下方的读卡区")
    assert spoken[0] == "身份证登录"  # the tile's accessible name, first
    assert spoken[-1].startswith("身份证登录\n请把证件放在屏幕下方的读卡区")
    assert screen.spoken_text().split("\n")[1] in spoken[-1]


def test_a_toggle_says_its_name_and_new_state(
    qtbot: QtBot, device_window: MainWindow, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    qtbot.mouseClick(device_window.top_bar.text_size, Qt.MouseButton.LeftButton)
    assert device_window.services.session.large_text
    _wait_said(qtbot, spoken, "大字，已打开")


def test_a_new_touch_interrupts_the_speech(
    qtbot: QtBot,
    device_window: MainWindow,
    device_services: Services,
    spoken: list[str],
    speech_sink: WavFileSink,
) -> None:
    device_services.session.touch()
    speech = device_services.speech
    home = device_window.manager.current_screen
    button = ReadAloudButton(device_services, lambda: LONG_TEXT, "home.read_this")
    home.layout().addWidget(button)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: speech.is_speaking, timeout=SPEECH_TIMEOUT_MS)
    pieces = len(split_for_speech(LONG_TEXT, "zh"))
    assert pieces > 3
    with qtbot.waitSignal(speech.speaking_finished, timeout=SPEECH_TIMEOUT_MS):
        qtbot.mousePress(device_window.top_bar.title_label, Qt.MouseButton.LeftButton)
    assert not speech.is_speaking
    assert len(speech_sink.played) < pieces  # cut short: the rest was never played
    assert speech_sink.stop_calls >= 1


def test_navigation_interrupts_the_speech(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    device_services.session.touch()
    speech = device_services.speech
    speech.speak_now(LONG_TEXT)
    qtbot.waitUntil(lambda: speech.is_speaking, timeout=SPEECH_TIMEOUT_MS)
    with qtbot.waitSignal(speech.speaking_finished, timeout=SPEECH_TIMEOUT_MS):
        device_window.manager.navigate("login")
    assert not speech.is_speaking


def test_captions_show_what_is_said(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    device_services.session.touch()
    device_window.manager.navigate("login")
    screen = device_window.manager.current_screen
    captions = device_window.captions
    assert not captions.isVisible()  # read-aloud off and nothing said yet
    qtbot.mouseClick(screen.read_this, Qt.MouseButton.LeftButton)
    _wait_said(qtbot, spoken, "读卡区")
    qtbot.waitUntil(captions.isVisible, timeout=SPEECH_TIMEOUT_MS)
    assert captions.text.text() == spoken[-1]
    assert "身份证登录" in captions.text.text()


def test_id_and_phone_numbers_are_never_spoken_in_full(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    card = sample_card("resident")
    device_services.idcard.place_demo_card("resident")
    _wait_said(qtbot, spoken, "欢迎您")
    greeting = next(s for s in spoken if "欢迎您" in s)
    assert "张某示" in greeting  # the masked name, read as a person would say it
    assert card.id_number not in greeting and "张演示" not in greeting
    assert f"尾号 {' '.join(card.id_number[-4:])}" in greeting
    device_services.speech.speak_now("请致电 13812345678 或核对证件 " + card.id_number)
    _wait_said(qtbot, spoken, "请致电")
    said = spoken[-1]
    assert "13812345678" not in said and card.id_number not in said
    assert "尾号 5 6 7 8" in said


def test_speech_follows_the_ui_language(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    qtbot.mouseClick(device_window.top_bar.language, Qt.MouseButton.LeftButton)
    speech = device_services.speech
    assert speech.language == "en"
    assert speech.voice().startswith("gmw/en")
    _wait_said(qtbot, spoken, "Hello! Please choose a service")


def test_volume_and_rate_controls_act_and_say_the_result(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    captions = device_window.captions
    assert captions.isVisible()
    speech = device_services.speech
    volume, rate = speech.volume, speech.rate
    qtbot.mouseClick(captions.louder, Qt.MouseButton.LeftButton)
    assert speech.volume > volume and device_services.session.volume == pytest.approx(volume + 0.1)
    _wait_said(qtbot, spoken, f"音量 {round((volume + 0.1) * 100)}%")
    qtbot.mouseClick(captions.slower, Qt.MouseButton.LeftButton)
    assert speech.rate == rate - 20
    _wait_said(qtbot, spoken, f"语速 {rate - 20}")
    qtbot.mouseClick(captions.repeat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: spoken.count(f"语速 {rate - 20}") == 2, timeout=SPEECH_TIMEOUT_MS)


def test_the_session_end_resets_read_aloud_volume_and_rate(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    speech = device_services.speech
    defaults = (speech.volume, speech.rate)
    device_window.read_aloud.change_volume(-3)
    device_window.read_aloud.change_rate(+4)
    assert (speech.volume, speech.rate) != defaults
    qtbot.mouseClick(device_window.top_bar.finish, Qt.MouseButton.LeftButton)
    assert (speech.volume, speech.rate) == defaults
    assert not device_services.session.read_aloud and not speech.read_aloud
    assert not device_window.top_bar.read_aloud.isChecked()
    assert not device_window.captions.isVisible()
    assert device_window.captions.text.text() == ""
    assert not device_window.read_aloud.repeat()  # nothing of the last citizen to repeat
    assert speech.last_caption == "" and not speech.repeat_last()


def test_the_spoken_greeting_leaves_no_trace_after_logout(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    device_services.idcard.place_demo_card("resident")
    _wait_said(qtbot, spoken, "张某示")
    assert "张某示" in device_window.captions.text.text()
    qtbot.mouseClick(device_window.top_bar.logout, Qt.MouseButton.LeftButton)
    assert device_services.session.identity is None
    for trace in ("张某示", "张*示", "张演示", sample_card("resident").id_number):
        assert not [t for t in every_visible_text() if trace in t], trace
    assert device_services.speech.last_caption == ""


def test_without_speech_the_toggle_says_captions_only_and_captions_still_work(
    qtbot: QtBot, device_services: Services
) -> None:
    settings = load_settings(environ={})
    device_services.speech.close()
    device_services.speech = SpeechService.from_settings(
        settings, engine=NullSpeech("absent", "no sound card")
    )
    said: list[str] = []
    device_services.speech.speaking_started.connect(said.append)
    window = MainWindow(device_services)
    try:
        window.resize(1920, 1080)
        window.show()
        window.show_home()
        assert "仅字幕" in window.top_bar.read_aloud.text()
        device_services.session.touch()
        qtbot.mouseClick(window.top_bar.read_aloud, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(said), timeout=SPEECH_TIMEOUT_MS)
        assert window.captions.isVisible()
        assert window.captions.status.isVisible()
        assert window.captions.text.text() == said[-1]
    finally:
        window.allow_close()
        window.close()
        window.deleteLater()


def test_speech_appearing_after_the_window_is_bound_when_ready(
    qtbot: QtBot, device_services: Services
) -> None:
    speech, device_services.speech = device_services.speech, None
    window = MainWindow(device_services)
    try:
        assert window.read_aloud.speech() is None
        assert window.read_aloud.health == ""
        device_services.speech = speech
        device_services.run_ready_callbacks()  # what the shell does once Home is shown
        assert window.read_aloud.health == speech.health
        device_services.session.touch()
        device_services.session.set_read_aloud(True)
        assert speech.read_aloud
    finally:
        window.allow_close()
        window.close()
        window.deleteLater()


def test_a_read_this_button_is_hidden_where_speech_is_disabled(
    qtbot: QtBot, device_services: Services
) -> None:
    disabled = dataclasses.replace(
        device_services, settings=device_services.settings.with_values({"speech.enabled": False})
    )
    page = QWidget()
    qtbot.addWidget(page)
    hidden = ReadAloudButton(disabled, lambda: "x", "test.read_this", page)
    shown = ReadAloudButton(device_services, lambda: "x", "test.read_that", page)
    page.show()
    assert not hidden.isVisible()
    assert shown.isVisible()


def test_the_idle_countdown_is_said_aloud(
    qtbot: QtBot,
    device_window: MainWindow,
    device_services: Services,
    spoken: list[str],
    clock: FakeClock,
) -> None:
    _turn_on(qtbot, device_window, spoken)
    session = device_services.session
    clock.advance(session.idle_timeout_s)
    session.tick()
    _wait_said(qtbot, spoken, "还需要更多时间吗")
    assert f"{int(session.countdown_s)} 秒后" in spoken[-1]


def test_home_offers_read_this(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    device_services.session.touch()
    home = device_window.manager.current_screen
    qtbot.mouseClick(home.read_this, Qt.MouseButton.LeftButton)
    _wait_said(qtbot, spoken, "法律法规")
    assert not device_services.session.read_aloud  # "read this" works with the toggle off


def test_a_refused_card_is_explained_aloud(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    device_services.idcard.place_demo_card("resident_expired")
    _wait_said(qtbot, spoken, "无法使用这张证件登录")
    assert "已过有效期" in spoken[-1]


def test_the_english_greeting_does_not_spell_out_a_chinese_name(
    qtbot: QtBot, device_window: MainWindow, device_services: Services, spoken: list[str]
) -> None:
    _turn_on(qtbot, device_window, spoken)
    device_services.session.set_language("en")
    device_services.idcard.place_demo_card("resident")
    _wait_said(qtbot, spoken, "You are logged in")
    greeting = spoken[-1]
    assert greeting.startswith("Welcome")
    assert "张" not in greeting
    assert device_window.login_overlay.heading.text() == "Welcome, 张*示"  # shown, not said


def test_speech_reported_after_the_wipe_is_not_captioned(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    device_services.session.touch()
    device_services.session.wipe()
    # An utterance that started just before the wipe, reported just after it.
    device_services.speech.speaking_started.emit("欢迎您，张某示")
    assert device_window.captions.text.text() == ""
    assert not device_window.read_aloud.repeat()


def test_logout_forgets_the_identity_and_returns_to_attract(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    session = services.session
    with qtbot.waitSignal(session.identity_changed):
        session.set_identity({"name": "张三"})
    assert session.is_active
    session.logout()
    assert session.identity is None
    assert window.manager.current_id == "attract"


def test_a_tap_on_the_on_screen_keyboard_window_interrupts_too(
    qtbot: QtBot, device_window: MainWindow, device_services: Services
) -> None:
    # The keyboard is a QML window of its own (not shown offscreen): a plain QWindow
    # stands in for it, receiving the press as the keyboard's window would.
    keyboard = QWindow()
    keyboard.resize(400, 200)
    keyboard.show()
    try:
        device_services.session.touch()
        speech = device_services.speech
        speech.speak_now(LONG_TEXT)
        qtbot.waitUntil(lambda: speech.is_speaking, timeout=SPEECH_TIMEOUT_MS)
        with qtbot.waitSignal(speech.speaking_finished, timeout=SPEECH_TIMEOUT_MS):
            QTest.mousePress(keyboard, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        assert not speech.is_speaking
    finally:
        keyboard.destroy()
