"""The submission screens against a real service over a real SQLite file (no platform)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from devices.speech import NullSpeech
from kiosk.app import Services
from kiosk.connectivity import Connectivity
from kiosk.session import CitizenSession
from kiosk.settings import load_settings
from kiosk.speech_service import SpeechService
from kiosk.submissions.rules import SubmissionPolicy
from kiosk.submissions.service import SubmissionService
from offline_cache.db import database_proxy, open_database
from offline_cache.models import Submission
from offline_cache.outbox import Outbox
from offline_cache.schema import ensure_schema
from offline_cache.submission_log import ensure_submission_log
from ui.main_window import MainWindow

PHONE = "13812345678"
ID_NUMBER = "110105194912310021"
CHINA = timezone(timedelta(hours=8))
POLICY = SubmissionPolicy.from_config(
    {
        "consultation": {
            "categories": [
                {"code": "labour", "name_zh": "劳动争议", "name_en": "Labour"},
                {"code": "family", "name_zh": "婚姻家庭", "name_en": "Family"},
            ],
            "answer_within_hours": 5,
        },
        "sensitive_words": ["赌博"],
    }
)


@dataclass
class CardIdentity:
    name: str
    id_number: str
    id_type: str = "resident"


@pytest.fixture
def submission_service(tmp_path: Path) -> Iterator[SubmissionService]:
    database = open_database(tmp_path / "kiosk.sqlite3")
    ensure_schema(database)
    ensure_submission_log(database)
    yield SubmissionService(
        kiosk_id="HALL01",
        outbox=Outbox(database, b"k" * 32),
        secret=b"s" * 32,
        policy=lambda: POLICY,
        client=None,
        clock=lambda: datetime(2026, 11, 22, 10, 0, tzinfo=CHINA),
    )
    database.close()
    database_proxy.initialize(None)


@pytest.fixture
def services(submission_service: SubmissionService) -> Services:
    settings = load_settings(environ={})
    session = CitizenSession.from_settings(settings)
    return Services(
        settings=settings,
        session=session,
        connectivity=Connectivity(False),
        submissions=submission_service,
    )


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


def find(window: QWidget, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, name
    return found


def tap(qtbot: QtBot, window: QWidget, name: str) -> None:
    QApplication.processEvents()  # let layouts of freshly built rows settle, as a finger would
    widget = find(window, name)
    assert widget.isVisible() and widget.isEnabled(), name
    assert isinstance(widget, QAbstractButton)
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:  # a citizen scrolls a control into view before tapping it
        area.ensureWidgetVisible(widget)
        QApplication.processEvents()
    # Inside a kinetic scroll area the scroller holds a press back briefly (to tell a tap
    # from a flick) before handing it on: wait for the click itself.
    with qtbot.waitSignal(widget.clicked, timeout=3000):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(window: QWidget, name: str, text: str) -> None:
    widget = find(window, name)
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(text)


def message(window: QWidget, name: str) -> str:
    label = find(window, name + ".message")
    assert isinstance(label, QLabel)
    return label.text() if label.isVisible() else ""


def fill_consultation(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, window, "consultation_form.category.labour")
    type_into(window, "consultation_form.subject", "公司拖欠工资怎么办")
    type_into(window, "consultation_form.content", "公司三个月没有发工资，我应该怎么维权？")
    tap(qtbot, window, "consultation_form.is_public.no")
    tap(qtbot, window, "consultation_form.in_litigation.no")
    type_into(window, "consultation_form.contact_name", "张小三")
    type_into(window, "consultation_form.contact_phone", PHONE)


def open_consultation_form(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, window, "home.consult")
    assert window.manager.current_id == "consult"
    tap(qtbot, window, "consult.accept")
    assert window.manager.current_id == "consultation_form"


def test_declining_the_agreement_explains_the_other_ways(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, window, "home.consult")
    tap(qtbot, window, "consult.decline")
    declined = find(window, "consult.declined")
    assert declined.isVisible() and "窗口" in declined.text()
    tap(qtbot, window, "consult.home")
    assert window.manager.current_id == "home"


def test_consultation_from_form_to_receipt(qtbot: QtBot, window: MainWindow) -> None:
    open_consultation_form(qtbot, window)
    assert "5 小时" in find(window, "consultation_form.promise").text()
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "consultation_form"
    assert "请填写" in message(window, "consultation_form.subject")
    assert message(window, "consultation_form.contact_phone")
    fill_consultation(qtbot, window)
    type_into(window, "consultation_form.subject", "★★★★★工资")
    tap(qtbot, window, "consultation_form.next")
    assert "特殊符号" in message(window, "consultation_form.subject")
    type_into(window, "consultation_form.subject", "公司拖欠工资怎么办")
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "submission_confirm"
    summary = find(window, "submission_confirm.summary").text()
    assert "138****5678" in summary and PHONE not in summary and "张*三" in summary
    assert "不能撤回" in find(window, "submission_confirm.warning").text()
    assert Submission.select().count() == 0
    tap(qtbot, window, "submission_confirm.confirm")
    assert window.manager.current_id == "submission_receipt"
    assert find(window, "submission_receipt.client_ref").text() == "HALL01-20261122-0001"
    assert find(window, "submission_receipt.offline_note").isVisible()
    assert "自动发送" in find(window, "submission_receipt.offline_note").text()
    assert find(window, "submission_receipt.qr").isVisible()
    assert Submission.select().count() == 1
    spoken = window.manager.current_screen.spoken_text()
    assert "H A L L 0 1 2 0 2 6 1 1 2 2 0 0 0 1" in spoken
    window.manager.back()  # Back from the receipt: the same draft cannot go out twice
    assert window.manager.current_id == "submission_confirm"
    assert not find(window, "submission_confirm.confirm").isEnabled()
    assert "已经提交" in find(window, "submission_confirm.problem").text()
    assert Submission.select().count() == 1


def test_the_same_consultation_again_is_refused_with_the_earlier_number(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    tap(qtbot, window, "submission_receipt.done")
    open_consultation_form(qtbot, window)
    assert find(window, "consultation_form.subject").text() == ""  # a fresh form
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    assert "HALL01-20261122-0001" in message(window, "consultation_form.content")


def test_litigation_points_to_the_litigation_centre(qtbot: QtBot, window: MainWindow) -> None:
    open_consultation_form(qtbot, window)
    tap(qtbot, window, "consultation_form.in_litigation.yes")
    assert "诉讼服务中心" in message(window, "consultation_form.in_litigation")
    assert not find(window, "consultation_form.next").isEnabled()
    tap(qtbot, window, "consultation_form.in_litigation.no")
    assert find(window, "consultation_form.next").isEnabled()


def test_numbers_in_public_text_can_be_taken_out(qtbot: QtBot, window: MainWindow) -> None:
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.is_public.yes")
    type_into(window, "consultation_form.content", "老板电话13900001111，三个月没发工资怎么办？")
    tap(qtbot, window, "consultation_form.next")
    assert "电话号码" in message(window, "consultation_form.content")
    tap(qtbot, window, "consultation_form.remove_numbers")
    assert (
        find(window, "consultation_form.content").toPlainText()
        == "老板电话，三个月没发工资怎么办？"
    )
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "submission_confirm"


def test_card_login_prefills_and_locks_the_name(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.session.set_identity(CardIdentity("张小三", ID_NUMBER))
    open_consultation_form(qtbot, window)
    name = find(window, "consultation_form.contact_name")
    assert isinstance(name, QLineEdit)
    assert name.isReadOnly() and name.text() == "张*三"
    assert "110***********0021" in find(window, "consultation_form.contact_locked").text()
    tap(qtbot, window, "consultation_form.category.family")
    type_into(window, "consultation_form.subject", "离婚财产怎么分割")
    type_into(window, "consultation_form.content", "结婚十年，想离婚，房子是婚前买的，怎么分？")
    type_into(window, "consultation_form.contact_phone", PHONE)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    ref = find(window, "submission_receipt.client_ref").text()
    tap(qtbot, window, "submission_receipt.done")
    tap(qtbot, window, "home.submissions")
    tap(qtbot, window, "submissions.by_card")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "submissions.local0.ref") is not None)
    assert ref in find(window, "submissions.local0.ref").text()
    assert "本机" in find(window, "submissions.notice").text()


def test_complaint_with_a_typed_respondent(qtbot: QtBot, window: MainWindow) -> None:
    tap(qtbot, window, "home.complaint")
    tap(qtbot, window, "complaint.accept")
    assert "30 日" in find(window, "complaint_form.promise").text()
    tap(qtbot, window, "complaint_form.next")
    assert message(window, "complaint_form.complaint_type")
    assert message(window, "complaint_form.respondent_name")
    tap(qtbot, window, "complaint_form.complaint_type.fees")
    type_into(window, "complaint_form.respondent_name", "某某律师事务所")
    type_into(window, "complaint_form.content", "收费远远高于合同约定的金额，要求退还")
    type_into(window, "complaint_form.contact_name", "李四")
    type_into(window, "complaint_form.contact_phone", "13900001111")
    tap(qtbot, window, "complaint_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    assert window.manager.current_id == "submission_receipt"
    assert "投诉" in find(window, "submission_receipt.heading").text()


def test_my_submissions_offline_shows_what_the_kiosk_holds(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    tap(qtbot, window, "submission_receipt.done")
    tap(qtbot, window, "home.submissions")
    assert not find(window, "submissions.by_card").isVisible()
    type_into(window, "submissions.ref", "HALL01-20261122-0001")
    type_into(window, "submissions.phone_last_four", "56")
    tap(qtbot, window, "submissions.search")
    assert "4 位" in message(window, "submissions.phone_last_four")
    type_into(window, "submissions.phone_last_four", "5678")
    tap(qtbot, window, "submissions.search")
    qtbot.waitUntil(lambda: window.findChild(QWidget, "submissions.local0.status") is not None)
    assert "等待发送" in find(window, "submissions.local0.status").text()
    assert "没有联网" in find(window, "submissions.notice").text()


def test_evaluation_needs_three_scores(qtbot: QtBot, window: MainWindow) -> None:
    window.manager.jump("evaluation", tracking_no="ZX-1")
    tap(qtbot, window, "evaluation.submit")
    for aspect in ("resolution", "timeliness", "attitude"):
        assert message(window, f"evaluation.{aspect}")
    for aspect, score in (("resolution", "five"), ("timeliness", "four"), ("attitude", "three")):
        tap(qtbot, window, f"evaluation.{aspect}.{score}")
    type_into(window, "evaluation.contact_name", "张小三")
    type_into(window, "evaluation.contact_phone", PHONE)
    tap(qtbot, window, "evaluation.submit")
    assert window.manager.current_id == "submission_confirm"
    assert "5 分" in find(window, "submission_confirm.summary").text()
    tap(qtbot, window, "submission_confirm.confirm")
    assert "评价" in find(window, "submission_receipt.heading").text()


@pytest.mark.parametrize(
    "screen_id",
    [
        "consult",
        "consultation_form",
        "complaint_form",
        "submission_confirm",
        "submission_receipt",
        "submissions",
        "evaluation",
    ],
)
def test_touch_rules_on_every_control(window: MainWindow, screen_id: str) -> None:
    window.manager.jump(screen_id)
    screen = window.manager.current_screen
    assert screen is not None
    for control in screen.findChildren(QAbstractButton) + screen.findChildren(QLineEdit):
        if not control.isVisibleTo(screen):
            continue
        assert control.objectName(), control
        assert control.accessibleName(), control.objectName()
        assert control.minimumHeight() >= 64 or control.height() >= 64, control.objectName()
        assert control.minimumWidth() >= 64 or control.width() >= 64, control.objectName()


def test_every_submission_text_has_an_english_translation() -> None:
    import xml.etree.ElementTree as ElementTree

    source = Path(__file__).resolve().parents[2] / "ui" / "i18n" / "en" / "submissions.ts"
    messages = list(ElementTree.parse(source).getroot().iter("message"))
    assert len(messages) > 100
    for entry in messages:
        translation = entry.find("translation")
        assert translation is not None and translation.text, entry.findtext("source")
        assert translation.get("type") != "unfinished"
        for placeholder in ("%1", "%2", "%3", "{minimum}", "{maximum}", "{client_ref}", "{limit}"):
            assert (placeholder in (entry.findtext("source") or "")) == (
                placeholder in translation.text
            ), entry.findtext("source")


def test_the_forms_speak_english_after_switching(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.session.set_language("en")
    open_consultation_form(qtbot, window)
    assert find(window, "consultation_form.next").text() == "Next: check"
    tap(qtbot, window, "consultation_form.next")
    assert message(window, "consultation_form.subject") == "⚠ Please fill this in"
    assert find(window, "consultation_form.category.labour").text() == "Labour"
    services.session.set_language("zh_CN")
    qtbot.waitUntil(lambda: find(window, "consultation_form.next").text() == "下一步：核对")


class _RecordingSpeech(SpeechService):
    """The real read-aloud service over the silent engine (no sound card here); keeps
    what it was asked to say."""

    def __init__(self) -> None:
        super().__init__(NullSpeech("absent", "no sound card in tests"))
        self.said: list[str] = []

    def speak(self, text: str) -> None:
        self.said.append(text)
        super().speak(text)

    def speak_now(self, text: str) -> None:
        self.said.append(text)
        super().speak_now(text)


def test_the_receipt_is_read_aloud_when_read_aloud_is_on(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    speech = _RecordingSpeech()
    services.speech = speech
    services.session.set_read_aloud(True)
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    qtbot.waitUntil(lambda: any("H A L L 0 1" in said for said in speech.said))
    spoken = next(said for said in speech.said if "H A L L 0 1" in said)
    assert "自动发送" in spoken and PHONE not in spoken


def test_numbers_in_the_subject_can_only_be_taken_out(qtbot: QtBot, window: MainWindow) -> None:
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    type_into(window, "consultation_form.subject", "李四13900001111欠钱")
    tap(qtbot, window, "consultation_form.next")
    assert "标题" in message(window, "consultation_form.subject")
    assert not find(window, "consultation_form.make_private").isVisible()
    tap(qtbot, window, "consultation_form.remove_numbers")
    assert find(window, "consultation_form.subject").text() == "李四欠钱"
    type_into(window, "consultation_form.subject", "李四借钱不还怎么办")
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "submission_confirm"


# --- each rule of the platform, broken on the form: its message next to its field, in the
# citizen's language, and nothing stored ------------------------------------------------

# (case, field, what the citizen types there, Chinese words of the message, English words)
BROKEN_FIELDS = [
    ("contentless", "subject", "！！！？？？", "不能只有标点", "punctuation, spaces or emoji"),
    (
        "control_characters",
        "content",
        "公司拖欠\u0007工资三个月怎么办",
        "控制字符",
        "invisible or control characters",
    ),
    ("fullwidth_spam", "subject", "ＡＢＣＤＥＦ拖欠工资", "全角字母", "full-width letters"),
    (
        "repeated",
        "content",
        "啊啊啊啊啊啊啊啊啊啊工资没发",
        "重复输入",
        "repeat the same character",
    ),
    ("too_short", "content", "工资没发", "至少需要 10 个字，目前 4 个字", "At least 10 characters"),
    ("phone", "contact_phone", "12345", "11 位手机号码", "11-digit mobile number"),
    ("name", "contact_name", "？？", "真实姓名", "real name"),
]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize(
    ("case", "field", "typed", "chinese", "english"),
    BROKEN_FIELDS,
    ids=[c[0] for c in BROKEN_FIELDS],
)
def test_a_broken_rule_is_explained_next_to_its_field(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    language: str,
    case: str,
    field: str,
    typed: str,
    chinese: str,
    english: str,
) -> None:
    services.session.set_language(language)
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    type_into(window, f"consultation_form.{field}", typed)
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "consultation_form"
    shown = message(window, f"consultation_form.{field}")
    assert (chinese if language == "zh_CN" else english) in shown
    others = ("category", "subject", "content", "contact_name", "contact_phone")
    assert [f for f in others if f != field and message(window, f"consultation_form.{f}")] == []
    assert Submission.select().count() == 0


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_sensitive_words_are_refused_only_in_public_text(
    qtbot: QtBot, window: MainWindow, services: Services, language: str
) -> None:
    services.session.set_language(language)
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    type_into(window, "consultation_form.content", "朋友网上赌博欠了我钱，能要回来吗？")
    tap(qtbot, window, "consultation_form.is_public.yes")
    tap(qtbot, window, "consultation_form.next")
    shown = message(window, "consultation_form.content")
    assert "赌博" in shown
    assert ("不能出现" if language == "zh_CN" else "may not contain") in shown
    tap(qtbot, window, "consultation_form.is_public.no")
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "submission_confirm"


def test_the_duplicate_message_gives_the_earlier_number_in_english(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.session.set_language("en")
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.confirm")
    first = find(window, "submission_receipt.client_ref").text()
    tap(qtbot, window, "submission_receipt.done")
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    shown = message(window, "consultation_form.content")
    assert "within the last 24 hours" in shown and first in shown
    assert Submission.select().count() == 1


def test_the_daily_limit_stops_the_sixth_submission_of_the_day(
    qtbot: QtBot, window: MainWindow, submission_service: SubmissionService
) -> None:
    from kiosk.submissions.drafts import ConsultationDraft, Contact

    limit = submission_service.policy.max_per_citizen_per_day
    for number in range(limit):
        submission_service.confirm(
            ConsultationDraft(
                "labour",
                f"第{number + 1}个问题：加班费",
                f"这是今天的第{number + 1}个问题，公司不给加班费怎么办？",
                contact=Contact("张小三", PHONE),
            )
        )
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "consultation_form"
    form_message = find(window, "consultation_form.form_message")
    assert form_message.isVisible()
    assert f"最多提交 {limit} 次" in form_message.text()
    assert Submission.select().count() == limit
    # Someone else at the same kiosk is not affected.
    type_into(window, "consultation_form.contact_name", "李四")
    type_into(window, "consultation_form.contact_phone", "13900001111")
    tap(qtbot, window, "consultation_form.next")
    assert window.manager.current_id == "submission_confirm"


def test_the_complaint_form_explains_its_rules_in_english(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.session.set_language("en")
    tap(qtbot, window, "home.complaint")
    tap(qtbot, window, "complaint.accept")
    assert "30 days" in find(window, "complaint_form.promise").text()
    type_into(window, "complaint_form.content", "？？？？？？？？？？？？")
    tap(qtbot, window, "complaint_form.next")
    assert "Please fill this in" in message(window, "complaint_form.complaint_type")
    assert "Please fill this in" in message(window, "complaint_form.respondent_name")
    assert "punctuation" in message(window, "complaint_form.content")


def test_a_card_placed_while_a_form_is_open_locks_the_name_at_once(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    open_consultation_form(qtbot, window)
    type_into(window, "consultation_form.contact_name", "王五")
    services.session.set_identity(CardIdentity("张小三", ID_NUMBER))
    name = find(window, "consultation_form.contact_name")
    assert isinstance(name, QLineEdit)
    assert name.isReadOnly() and name.text() == "张*三"
    contact = window.manager.current_screen.draft().contact
    assert (contact.verified, contact.name, contact.id_number) == (True, "张小三", ID_NUMBER)
    window.manager.jump("submissions")
    assert find(window, "submissions.by_card").isVisible()


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_filled_submission_screens_meet_the_touch_rules_and_cut_no_label(
    qtbot: QtBot, window: MainWindow, services: Services, language: str, large_text: bool
) -> None:
    from tests.ui.test_automation_ids import _problems
    from tests.ui.test_login_automation import _clipped_buttons
    from ui.screenshot_submissions import submission_views

    services.session.touch()
    services.session.set_language(language)
    services.session.set_large_text(large_text)
    # The new text size reaches every layout over a few turns of the event loop.
    qtbot.waitUntil(lambda: not _clipped_buttons(window.top_bar, "top bar"))  # type: ignore[arg-type]
    problems: list[str] = []
    views = submission_views(window, services, datetime(2026, 11, 22, 10, 0, tzinfo=CHINA))
    for name, show in views:
        show()
        # A new title re-lays the top bar out over a turn or two of the event loop.
        qtbot.waitUntil(lambda: not _clipped_buttons(window.top_bar, "top bar"))  # type: ignore[arg-type]
        found, _names = _problems(window, name)
        problems += found + _clipped_buttons(window, name)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("screen_id", "params", "field"),
    [
        ("consultation_form", {"fresh": True}, "consultation_form.contact_phone"),
        ("complaint_form", {"fresh": True}, "complaint_form.content"),
        ("evaluation", {"tracking_no": "ZX-1"}, "evaluation.contact_phone"),
    ],
)
def test_the_on_screen_keyboard_leaves_the_focused_field_in_sight(
    qtbot: QtBot, window: MainWindow, screen_id: str, params: dict[str, object], field: str
) -> None:
    from ui.keyboard import VirtualKeyboard

    keyboard = VirtualKeyboard(window, window.services.session)
    window.manager.jump(screen_id, **params)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit = find(window, field)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    # The keyboard panel (a QML window, absent offscreen) takes the lower half of the
    # screen: the shell gives the screens only the upper half, as it does on the kiosk.
    keyboard_top = window.height() // 2
    window.shell_layout.setContentsMargins(0, 0, 0, window.height() - keyboard_top)
    qtbot.waitUntil(lambda: window.manager.stack.height() <= keyboard_top)
    keyboard._keep_focus_visible()

    def in_sight() -> bool:
        top = edit.mapTo(window, edit.rect().topLeft()).y()
        return top >= 0 and top + min(edit.height(), 64) <= keyboard_top

    qtbot.waitUntil(in_sight)
    window.shell_layout.setContentsMargins(0, 0, 0, 0)


def test_editing_from_the_check_keeps_the_form_and_a_new_agreement_starts_afresh(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_consultation_form(qtbot, window)
    fill_consultation(qtbot, window)
    tap(qtbot, window, "consultation_form.next")
    tap(qtbot, window, "submission_confirm.edit")
    assert window.manager.current_id == "consultation_form"
    assert find(window, "consultation_form.subject").text() == "公司拖欠工资怎么办"
    assert find(window, "consultation_form.contact_phone").text() == PHONE
    window.manager.home()
    open_consultation_form(qtbot, window)
    assert find(window, "consultation_form.subject").text() == ""
