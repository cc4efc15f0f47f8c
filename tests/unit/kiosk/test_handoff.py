from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from devserver.testing import DevServer
from kiosk.handoff import (
    Alternative,
    ContentContext,
    DraftContext,
    HandoffCode,
    HandoffService,
    HandoffUnavailable,
    PersonalDataInUrl,
    TrackingContext,
    Unavailability,
    check_url_is_clean,
    static_url,
)
from offline_cache.api_client import CentralClient
from tests.http_stub import closed_port_client

TEMPLATE = "https://mp.example.gov.cn/p/{type}/{id}"
DRAFT = DraftContext(
    {
        "subject": "邻居装修噪音扰民",
        "content": "张三每天晚上十点后装修，电话13812345678，怎么办？",
        "name": "张三",
    }
)


@pytest.fixture
def server() -> Iterator[DevServer]:
    with DevServer() as running:
        yield running


def client_for(server: DevServer) -> CentralClient:
    return CentralClient(server.url, server.token, server.kiosk_id, read_timeout=10)


def test_online_content_gets_a_minted_url(server: DevServer) -> None:
    service = HandoffService(client_for(server), ttl_s=120, static_url_template=lambda: TEMPLATE)
    result = service.resolve(ContentContext("law", "civil-code", anchor="1077"))
    assert isinstance(result, HandoffCode)
    assert result.minted
    minted = server.handoffs()
    assert len(minted) == 1
    assert minted[0]["token"] in result.url
    left = result.seconds_left()
    assert left is not None and 0 < left <= 120


def test_draft_leaves_only_through_a_token_and_never_in_the_url(server: DevServer) -> None:
    service = HandoffService(client_for(server), ttl_s=300, static_url_template=lambda: TEMPLATE)
    result = service.resolve(DRAFT)
    assert isinstance(result, HandoffCode) and result.minted
    assert "张三" not in result.url and "13812345678" not in result.url
    check_url_is_clean(result.url, DRAFT)
    # The draft travelled in the minting request body, not in the QR code.
    assert "邻居装修噪音扰民" in repr(server.handoffs()[0])


def test_mint_expire_and_refresh(qtbot: QtBot, server: DevServer) -> None:
    now = [1000.0]
    service = HandoffService(
        client_for(server), ttl_s=30, static_url_template=lambda: TEMPLATE, monotonic=lambda: now[0]
    )
    with qtbot.waitSignal(service.code_ready, timeout=10_000) as first:
        service.request(TrackingContext("HALL01-20261122-0007"))
    code = first.args[0]
    assert isinstance(code, HandoffCode) and not code.is_expired(now[0])
    now[0] += 31
    assert code.is_expired(now[0])
    with qtbot.waitSignal(service.code_ready, timeout=10_000) as second:
        service.request(TrackingContext("HALL01-20261122-0007"))
    assert second.args[0].url != code.url
    assert not second.args[0].is_expired(now[0])
    assert len(server.handoffs()) == 2


def test_offline_content_uses_the_static_link(qtbot: QtBot) -> None:
    service = HandoffService(closed_port_client(), ttl_s=300, static_url_template=lambda: TEMPLATE)
    with qtbot.waitSignal(service.code_ready, timeout=10_000) as blocker:
        service.request(ContentContext("practitioner", "p/007 x"))
    code = blocker.args[0]
    assert code == HandoffCode(
        url="https://mp.example.gov.cn/p/practitioner/p%2F007%20x", minted=False
    )
    assert code.seconds_left() is None


@pytest.mark.parametrize(
    ("context", "instead"),
    [(DRAFT, Alternative.SUBMIT_HERE), (TrackingContext("R-1"), Alternative.RECEIPT_NUMBER)],
)
def test_offline_drafts_and_tracking_need_the_network(
    qtbot: QtBot, context: DraftContext | TrackingContext, instead: Alternative
) -> None:
    service = HandoffService(closed_port_client(), ttl_s=300, static_url_template=lambda: TEMPLATE)
    with qtbot.waitSignal(service.unavailable, timeout=10_000) as blocker:
        service.request(context)
    result = blocker.args[0]
    assert isinstance(result, HandoffUnavailable)
    assert result.reason is Unavailability.NEEDS_NETWORK
    assert result.instead is instead


def test_without_a_platform_or_template_content_is_read_here() -> None:
    service = HandoffService(None, ttl_s=300)
    result = service.resolve(ContentContext("law", "x"))
    assert result == HandoffUnavailable(
        Unavailability.NOT_CONFIGURED, Alternative.READ_HERE, "no central platform configured"
    )


def test_platform_refusal_is_not_reported_as_offline(server: DevServer) -> None:
    server.fault("/api/v1/handoffs", "status", status=422)
    service = HandoffService(client_for(server), ttl_s=300)
    result = service.resolve(TrackingContext("R-1"))
    assert isinstance(result, HandoffUnavailable)
    assert result.reason is Unavailability.REFUSED


def test_session_wipe_forgets_the_code_and_drops_late_answers(
    qtbot: QtBot, server: DevServer
) -> None:
    service = HandoffService(client_for(server), ttl_s=300)
    with qtbot.waitSignal(service.code_ready, timeout=10_000):
        service.request(TrackingContext("R-1"))
    assert service.current is not None
    service.request(TrackingContext("R-2"))
    service.forget()
    assert service.current is None
    with qtbot.assertNotEmitted(service.code_ready, wait=500):
        qtbot.waitUntil(lambda: len(server.handoffs()) == 2, timeout=10_000)
    assert service.current is None


@pytest.mark.parametrize(
    "url",
    [
        "https://mp.example.gov.cn/p/x?phone=13812345678",
        "https://mp.example.gov.cn/p/x/11010519491231002X",
        "https://mp.example.gov.cn/p/x?q=%E5%BC%A0%E4%B8%89",  # 张三 from the draft, encoded
    ],
)
def test_personal_data_in_a_url_is_caught(url: str) -> None:
    with pytest.raises(PersonalDataInUrl):
        check_url_is_clean(url, DRAFT)


def test_an_unsafe_minted_url_is_never_shown() -> None:
    class LeakyMinter:
        def create_handoff(self, context: object, ttl_s: int) -> dict[str, str]:
            return {
                "token": "t" * 16,
                "url": "https://mp.example.gov.cn/h/13812345678",
                "expires_at": "",
            }

    result = HandoffService(LeakyMinter(), ttl_s=300).resolve(DRAFT)
    assert isinstance(result, HandoffUnavailable) and result.reason is Unavailability.REFUSED


def test_static_template_needs_both_placeholders() -> None:
    with pytest.raises(ValueError):
        static_url("https://mp.example.gov.cn/p/{id}", ContentContext("law", "x"))


def test_plain_navigation_params_become_contexts() -> None:
    from kiosk.handoff import ContentContext, TrackingContext, context_from_params

    assert context_from_params({"kind": "content", "type": "law", "id": "x", "anchor": 7}) == (
        ContentContext("law", "x", "7")
    )
    assert context_from_params({"kind": "tracking", "ref": "HALL01-20261122-0001"}) == (
        TrackingContext("HALL01-20261122-0001")
    )
    assert context_from_params({}) is None
    assert context_from_params({"kind": "content", "type": "law"}) is None


def test_the_minting_request_carries_nothing_personal(server: DevServer) -> None:
    service = HandoffService(client_for(server), ttl_s=300)
    result = service.resolve(DRAFT)
    assert isinstance(result, HandoffCode)
    [minted] = server.handoffs()
    sent = repr(minted["context"])
    assert "张三" not in sent and "13812345678" not in sent
    assert minted["context"]["draft"] == {
        "subject": "邻居装修噪音扰民",
        "content": "张*每天晚上十点后装修，电话138****5678，怎么办？",
    }


def test_clean_draft_leaves_out_who_the_citizen_is() -> None:
    from kiosk.handoff import clean_draft

    cleaned = clean_draft(
        {
            "subject": "欧阳小明的工资",
            "content": "身份证 11010519491231002X，手机 +86 139-0000-1111",
            "contact": {"name": "欧阳小明", "phone": "13900001111"},
            "citizen": {"id_number": "11010519491231002X"},
            "consent_version": "2026-01",
            "attachments": [{"caption": "欧阳小明 签字"}],
            "is_public": False,
            "odd": object(),
        }
    )
    assert cleaned == {
        "subject": "欧**明的工资",
        "content": "身份证 110***********002X，手机 139****1111",
        "attachments": [{"caption": "欧**明 签字"}],
        "is_public": False,
        "odd": None,
    }


def test_a_form_draft_keeps_only_what_was_filled_in() -> None:
    from kiosk.handoff import draft_for_handoff
    from kiosk.submissions.drafts import ComplaintDraft, ConsultationDraft, Contact

    consultation = ConsultationDraft(
        category="labour",
        subject="",
        content="我是王小五，公司欠薪",
        contact=Contact("王小五", "13812345678", "resident", "110105194912310021", True),
    )
    assert draft_for_handoff(consultation, unset=("in_litigation",)) == {
        "kind": "consultation",
        "category": "labour",
        "content": "我是王*五，公司欠薪",
        "is_public": False,
    }
    complaint = ComplaintDraft(complaint_type="fees", contact=Contact("李四", "13900001111"))
    assert draft_for_handoff(complaint) == {"kind": "complaint", "complaint_type": "fees"}


def test_a_request_number_tells_whether_it_is_still_the_latest(qtbot: QtBot) -> None:
    import threading

    service = HandoffService(None, ttl_s=300)
    first = service.request(ContentContext("law", "x"))
    second = service.request(ContentContext("law", "y"))
    assert not service.is_latest(first) and service.is_latest(second)
    service.forget()
    assert not service.is_latest(second)
    qtbot.waitUntil(lambda: not any(t.name == "handoff" for t in threading.enumerate()))
