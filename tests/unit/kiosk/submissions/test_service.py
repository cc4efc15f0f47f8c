from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import SqliteDatabase

from kiosk.submissions.service import (
    ComplaintDraft,
    ConsultationDraft,
    Contact,
    EvaluationDraft,
    SubmissionRejected,
    SubmissionService,
)
from offline_cache.models import OutboxEntry, Submission
from offline_cache.submission_log import SubmissionLogEntry

from .conftest import SteppingClock

PHONE = "13812345678"
ID_NUMBER = "110105194912310021"


def consultation(
    content: str = "公司三个月没有发工资，我应该怎么维权？", **changes: object
) -> ConsultationDraft:
    draft = ConsultationDraft(
        category="labour",
        subject="公司拖欠工资",
        content=content,
        is_public=False,
        contact=Contact(name="张小三", phone=PHONE),
    )
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft


def test_confirm_stores_everything_and_numbers_per_day(
    offline_service: SubmissionService, clock: SteppingClock
) -> None:
    first = offline_service.confirm(consultation())
    second = offline_service.confirm(consultation("另一个问题：加班费应该怎么计算才对？"))
    assert (first.client_ref, second.client_ref) == ("HALL01-20261122-0001", "HALL01-20261122-0002")
    assert first.kind == "consultation" and first.online is False
    assert first.promised_hours == 5
    assert (
        first.promised_by is not None and (first.promised_by - first.created_at).seconds == 5 * 3600
    )
    clock.advance(days=1)
    third = offline_service.confirm(consultation())
    assert third.client_ref == "HALL01-20261123-0001"
    stored = Submission.get(Submission.client_ref == first.client_ref)
    assert stored.client_id == first.client_id
    assert OutboxEntry.get(OutboxEntry.submission == stored).status == OutboxEntry.PENDING
    assert SubmissionLogEntry.select().count() == 3


def test_a_rejected_draft_stores_nothing(offline_service: SubmissionService) -> None:
    with pytest.raises(SubmissionRejected) as caught:
        offline_service.confirm(consultation("短"))
    assert [(p.field, p.code) for p in caught.value.problems] == [("content", "too_short")]
    assert Submission.select().count() == 0
    assert SubmissionLogEntry.select().count() == 0


def test_same_content_within_24_hours_is_refused_with_the_earlier_number(
    offline_service: SubmissionService, clock: SteppingClock
) -> None:
    first = offline_service.confirm(consultation())
    clock.advance(hours=23)
    again = consultation(content=consultation().content.replace("，", " "))
    [problem] = offline_service.validate(again)
    assert (problem.code, problem.params["client_ref"]) == ("duplicate", first.client_ref)
    clock.advance(hours=2)
    assert offline_service.validate(again) == []


def test_daily_limit_counts_the_citizen_not_the_kiosk(
    offline_service: SubmissionService, clock: SteppingClock
) -> None:
    for number in range(3):
        offline_service.confirm(consultation(f"第{number}个问题：工资到底应该怎么计算？"))
    [problem] = offline_service.validate(consultation("第四个问题：年假应该怎么计算才对？"))
    assert problem.code == "daily_limit" and problem.params["limit"] == 3
    someone_else = consultation(
        "第四个问题：年假应该怎么计算才对？", contact=Contact("李四", "13900001111")
    )
    assert offline_service.validate(someone_else) == []
    clock.advance(days=1)
    assert offline_service.validate(consultation("第四个问题：年假应该怎么计算才对？")) == []


def test_payload_limit_is_checked_before_submitting(offline_service: SubmissionService) -> None:
    draft = ComplaintDraft(
        "fees", "某某律师事务所", None, None, "收费过高" * 400, Contact("张三", PHONE)
    )
    draft.respondent_id = "x" * 70_000
    assert [p.code for p in offline_service.validate(draft)] == ["payload_too_large"]


def test_complaint_and_evaluation_receipts(offline_service: SubmissionService) -> None:
    complaint = offline_service.confirm(
        ComplaintDraft(
            "fees",
            "某某律师事务所",
            "institution",
            "inst-1",
            "收费远高于合同约定的金额",
            Contact("张三", PHONE),
        )
    )
    assert complaint.handling_days == 30 and complaint.promised_hours is None
    evaluation = offline_service.confirm(
        EvaluationDraft("T-1", 5, 4, 3, "", Contact("张三", PHONE))
    )
    assert evaluation.kind == "evaluation" and evaluation.promised_by is None


def test_offline_lookup_shows_what_the_kiosk_holds(offline_service: SubmissionService) -> None:
    receipt = offline_service.confirm(consultation())
    found = offline_service.lookup_by_reference(receipt.client_ref, PHONE[-4:])
    assert found.online is False
    assert [(s.client_ref, s.state) for s in found.local] == [(receipt.client_ref, "queued")]
    assert offline_service.lookup_by_reference(receipt.client_ref, "0000").local == []
    assert offline_service.lookup_by_reference(receipt.client_ref, "12").problem == "invalid"


def test_card_login_finds_all_of_the_citizens_submissions(
    offline_service: SubmissionService,
) -> None:
    card = Contact("张小三", PHONE, "resident", ID_NUMBER, verified=True)
    first = offline_service.confirm(consultation(contact=card))
    second = offline_service.confirm(
        consultation("另一个问题：加班费应该怎么计算才对？", contact=card)
    )
    offline_service.confirm(
        consultation("别人的问题：加班费应该怎么计算才对？", contact=Contact("李四", "13900001111"))
    )
    found = offline_service.lookup_by_identity(card)
    assert {s.client_ref for s in found.local} == {first.client_ref, second.client_ref}
    assert offline_service.lookup_by_identity(Contact("张三", PHONE)).problem == "invalid"


def test_no_personal_data_in_clear_in_the_database_file(
    offline_service: SubmissionService, database: SqliteDatabase
) -> None:
    card = Contact("张小三", PHONE, "resident", ID_NUMBER, verified=True)
    offline_service.confirm(consultation(contact=card))
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = Path(database.database).read_bytes()
    for secret in (PHONE, ID_NUMBER, "张小三"):
        assert secret.encode() not in raw


def test_consent_in_both_languages(offline_service: SubmissionService) -> None:
    zh, en = offline_service.consent("zh"), offline_service.consent("en")
    assert zh.version == en.version == offline_service.consent_version
    assert len(zh.sections) == len(en.sections) == 5
    assert "参考" in zh.sections[0][1] and "reference" in en.sections[0][1]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    subject=st.text(max_size=80),
    content=st.text(max_size=300),
    name=st.text(max_size=70),
    phone=st.text(max_size=15),
    public=st.booleans(),
    language=st.text(max_size=5),
)
def test_validate_never_raises_on_whatever_the_screen_produced(
    offline_service: SubmissionService,
    subject: str,
    content: str,
    name: str,
    phone: str,
    public: bool,
    language: str,
) -> None:
    draft = ConsultationDraft("labour", subject, content, public, False, Contact(name, phone))
    problems = offline_service.validate(draft, language)
    assert all(p.field and p.code for p in problems)


def test_client_refs_always_fit_the_contract() -> None:
    from kiosk.submissions.service import make_client_ref

    assert make_client_ref("HALL01", "20261122", 7) == "HALL01-20261122-0007"
    assert make_client_ref("HALL01", "20261122", 12345) == "HALL01-20261122-12345"
    long_ref = make_client_ref("K" * 40, "20261122", 7)
    assert len(long_ref) == 40 and long_ref.endswith("-20261122-0007")
