from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.submissions import rules
from kiosk.submissions.drafts import ComplaintDraft, ConsultationDraft, Contact, EvaluationDraft
from kiosk.submissions.rules import Problem, SubmissionPolicy

POLICY = SubmissionPolicy.from_config(
    {
        "consultation": {
            "categories": [{"code": "labour", "name_zh": "劳动争议", "name_en": "Labour"}],
            "answer_within_hours": 5,
            "max_per_citizen_per_day": 3,
        },
        "sensitive_words": ["赌博", "badword"],
    }
)
CONTACT = Contact(name="张小三", phone="13812345678")


def consultation(**changes: object) -> ConsultationDraft:
    values: dict[str, object] = {
        "category": "labour",
        "subject": "公司拖欠工资怎么办",
        "content": "我在公司工作了两年，最近三个月公司没有发工资，请问应该怎么维权？",
        "is_public": True,
        "in_litigation": False,
        "contact": CONTACT,
    }
    values.update(changes)
    return ConsultationDraft(**values)  # type: ignore[arg-type]


def codes(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in problems}


def test_a_good_consultation_has_no_problems() -> None:
    assert rules.consultation_problems(consultation(), POLICY) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"subject": ""}, ("subject", "required")),
        ({"subject": "   "}, ("subject", "required")),
        ({"subject": "工资"}, ("subject", "too_short")),
        ({"subject": "工" * 51}, ("subject", "too_long")),
        ({"content": "太短了"}, ("content", "too_short")),
        ({"content": "字" * 2001}, ("content", "too_long")),
        ({"subject": "？？。。，，！"}, ("subject", "contentless")),
        ({"content": "😀😀😀 😀😀 。。 😀😀😀 !!"}, ("content", "contentless")),
        ({"subject": "工资问题★★★★★"}, ("subject", "symbol_spam")),
        ({"content": "请问工资怎么办！！！！！！我很着急"}, ("content", "symbol_spam")),
        ({"subject": "ＨＥＬＰ工资问题"}, ("subject", "fullwidth_spam")),
        ({"content": "请问工资\u200b怎么办呢，我很着急"}, ("content", "control_characters")),
        ({"content": "请问工资\x07怎么办呢，我很着急"}, ("content", "control_characters")),
        ({"content": "啊啊啊啊啊啊啊啊啊啊请问工资怎么办"}, ("content", "repeated_characters")),
        ({"content": "有人在搞赌 博，工资被扣了怎么办"}, ("content", "sensitive_words")),
        ({"subject": "BadWord 工资问题"}, ("subject", "sensitive_words")),
        ({"category": "unknown"}, ("category", "required")),
        ({"contact": Contact(name="", phone="13812345678")}, ("contact_name", "required")),
        ({"contact": Contact(name="张三", phone="12345")}, ("contact_phone", "invalid_phone")),
        ({"contact": Contact(name="！！", phone="13812345678")}, ("contact_name", "invalid_name")),
        ({"in_litigation": True}, ("in_litigation", "in_litigation")),
    ],
)
def test_each_consultation_rule_rejects(
    changes: dict[str, object], expected: tuple[str, str]
) -> None:
    assert expected in codes(rules.consultation_problems(consultation(**changes), POLICY))


def test_ordinary_chinese_punctuation_and_amounts_are_fine() -> None:
    draft = consultation(
        content="老板说：“月底一定发！”可是到现在（3个月）还没发，共计100000000元……怎么办？",
    )
    assert rules.consultation_problems(draft, POLICY) == []


def test_sensitive_words_do_not_apply_to_private_text() -> None:
    draft = consultation(content="有人在搞赌博，工资被扣了怎么办", is_public=False)
    assert rules.consultation_problems(draft, POLICY) == []


def test_personal_numbers_in_public_text_are_found_with_spans() -> None:
    text = "对方电话13900001111，身份证110105194912310021，拖欠工资"
    problems = rules.consultation_problems(consultation(content=text), POLICY)
    [problem] = [p for p in problems if p.code == "personal_numbers_in_public"]
    assert problem.field == "content"
    found = {text[start:end]: kind for start, end, kind in problem.spans}
    assert found == {"13900001111": "phone", "110105194912310021": "id_number"}
    public, moved = rules.remove_spans(text, problem.spans)
    assert public == "对方电话，身份证，拖欠工资"
    assert moved == ["13900001111", "110105194912310021"]
    private = consultation(content=text, is_public=False)
    assert rules.consultation_problems(private, POLICY) == []


def test_complaint_rules() -> None:
    good = ComplaintDraft(
        "fees", "某某律师事务所", "institution", None, "收费远高于合同约定的金额", CONTACT
    )
    assert rules.complaint_problems(good, POLICY) == []
    bad = ComplaintDraft("nonsense", "", "robot", None, "", CONTACT)
    assert codes(rules.complaint_problems(bad, POLICY)) >= {
        ("complaint_type", "required"),
        ("respondent_name", "required"),
        ("content", "required"),
    }
    long_name = ComplaintDraft("fees", "所" * 101, None, None, "收费远高于合同约定的金额", CONTACT)
    assert ("respondent_name", "too_long") in codes(rules.complaint_problems(long_name, POLICY))


def test_evaluation_rules() -> None:
    assert rules.evaluation_problems(EvaluationDraft("T-1", 5, 3, 1, "", CONTACT)) == []
    bad = EvaluationDraft("", 0, 6, True, "评" * 501, CONTACT)  # type: ignore[arg-type]
    assert codes(rules.evaluation_problems(bad)) == {
        ("tracking_no", "required"),
        ("resolution", "score_range"),
        ("timeliness", "score_range"),
        ("attitude", "score_required"),
        ("comment", "too_long"),
    }


def test_duplicate_within_24_hours_names_the_earlier_reference() -> None:
    secret = b"k" * 32
    key = rules.citizen_key(secret, CONTACT)
    digest = rules.content_digest(secret, "同样的 内容")
    now = datetime(2026, 11, 22, 12, tzinfo=UTC)
    earlier = rules.PriorSubmission(
        key, rules.content_digest(secret, "同样的内容"), "HALL01-1", now - timedelta(hours=23)
    )
    [problem] = rules.duplicate_problems(key, digest, [earlier], now)
    assert problem.params["client_ref"] == "HALL01-1"
    old = rules.PriorSubmission(key, digest, "HALL01-0", now - timedelta(hours=25))
    assert rules.duplicate_problems(key, digest, [old], now) == []
    other = rules.citizen_key(secret, Contact(name="李四", phone="13900000000"))
    assert rules.duplicate_problems(other, digest, [earlier], now) == []
    naive = rules.PriorSubmission(key, digest, "HALL01-2", datetime(2026, 11, 22, 11))
    assert rules.duplicate_problems(key, digest, [naive], now) == []


def test_citizen_key_prefers_a_card_read_identity_and_hides_the_number() -> None:
    secret = b"s" * 32
    card = Contact("张三", "13812345678", "resident", "110105194912310021", verified=True)
    typed = Contact("张三", "13812345678")
    assert rules.citizen_key(secret, card) != rules.citizen_key(secret, typed)
    assert "13812345678" not in rules.citizen_key(secret, typed)
    assert rules.citizen_key(secret, typed) != rules.citizen_key(b"t" * 32, typed)


def test_daily_limit_and_payload_size() -> None:
    assert rules.daily_limit_problems(2, POLICY) == []
    assert codes(rules.daily_limit_problems(3, POLICY)) == {("form", "daily_limit")}
    assert rules.payload_size_problems(65536) == []
    assert codes(rules.payload_size_problems(65537)) == {("form", "payload_too_large")}


def test_policy_from_garbage_keeps_defaults() -> None:
    for garbage in (None, 3, "x", {"consultation": "x"}, {"consultation": {"categories": [1, {}]}}):
        policy = SubmissionPolicy.from_config(garbage)
        assert policy.categories == rules.DEFAULT_CATEGORIES
        assert policy.max_per_citizen_per_day == 5
    assert POLICY.max_per_citizen_per_day == 3
    assert POLICY.sensitive_words == ("赌博", "badword")


anything = st.one_of(st.none(), st.integers(), st.booleans(), st.text(), st.binary(), st.floats())
contacts = st.builds(Contact, name=st.text() | anything, phone=st.text() | anything) | anything


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        ConsultationDraft,
        category=anything,
        subject=st.text() | anything,
        content=st.text() | anything,
        is_public=anything,
        in_litigation=anything,
        contact=contacts,
    )
    | anything
)
def test_consultation_rules_never_raise(draft: object) -> None:
    result = rules.consultation_problems(draft, POLICY)
    assert all(isinstance(p, Problem) for p in result)


@settings(max_examples=300, deadline=None)
@given(
    st.builds(
        ComplaintDraft,
        complaint_type=anything,
        respondent_name=anything,
        respondent_kind=anything,
        respondent_id=anything,
        content=anything,
        contact=contacts,
    )
    | anything,
    st.builds(
        EvaluationDraft,
        tracking_no=anything,
        resolution=anything,
        timeliness=anything,
        attitude=anything,
        comment=anything,
    )
    | anything,
)
def test_complaint_and_evaluation_rules_never_raise(complaint: object, evaluation: object) -> None:
    assert all(isinstance(p, Problem) for p in rules.complaint_problems(complaint, POLICY))
    assert all(isinstance(p, Problem) for p in rules.evaluation_problems(evaluation))


@settings(max_examples=300, deadline=None)
@given(st.text(), st.lists(st.text()), st.booleans())
def test_text_rules_never_raise_and_spans_are_inside_the_text(
    text: str, words: list[str], public: bool
) -> None:
    problems = rules.free_text_problems(
        "content", text, 10, 2000, SubmissionPolicy(sensitive_words=tuple(words)), public
    )
    for problem in problems:
        for start, end, _kind in problem.spans:
            assert 0 <= start < end <= len(text)
        kept, removed = rules.remove_spans(text, problem.spans)
        assert len(kept) + sum(map(len, removed)) == len(text)


def test_no_personal_numbers_in_a_subject_even_a_private_one() -> None:
    draft = consultation(subject="李四13900001111欠钱不还", is_public=False)
    [problem] = rules.consultation_problems(draft, POLICY)
    assert (problem.field, problem.code) == ("subject", "personal_numbers_in_subject")
    assert [draft.subject[s:e] for s, e, _ in problem.spans] == ["13900001111"]
