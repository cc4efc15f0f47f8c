"""The logged-in citizen: masked for display, full values only through their named properties."""

from __future__ import annotations

import dataclasses

import pytest

from devices.idcard.samples import SAMPLE_CARDS, sample_card
from kiosk.identity import DEMO_CARD_KINDS, CitizenIdentity
from kiosk.submissions.identity import contact_from_identity


@pytest.mark.parametrize("kind", ["resident", "hmt_residence", "foreign_2017", "foreign_2023"])
def test_repr_and_str_show_only_masked_values(kind: str) -> None:
    card = sample_card(kind)
    identity = CitizenIdentity.from_card(card)
    for text in (repr(identity), str(identity), f"{identity}", f"{identity!r}"):
        assert card.id_number not in text
        assert card.display_name not in text
        assert identity.masked_name in text
    assert identity.id_number == card.id_number.upper()
    assert identity.full_name == card.display_name
    assert identity.id_type == card.id_type


def test_masked_forms_of_a_resident_card() -> None:
    card = sample_card("resident")  # 张演示
    identity = CitizenIdentity.from_card(card)
    assert identity.masked_name == "张*示"
    assert identity.masked_id_number == card.id_number[:3] + "*" * 11 + card.id_number[-4:]
    assert identity.has_chinese_name


def test_an_english_only_name_is_masked_word_by_word() -> None:
    card = sample_card("foreign_2017")
    english_only = dataclasses.replace(card, name=None)
    identity = CitizenIdentity.from_card(english_only)
    assert identity.masked_name.startswith("S")
    assert "SAMPLE" not in identity.masked_name
    assert not identity.has_chinese_name
    assert identity.card_edition == "2017"


def test_same_person_compares_type_and_number() -> None:
    a = CitizenIdentity.from_card(sample_card("resident"))
    again = CitizenIdentity.from_card(sample_card("resident"))
    other = CitizenIdentity.from_card(sample_card("resident_long_term"))
    assert a.same_person(again) and again.same_person(a)
    assert not a.same_person(other)
    assert not a.same_person(None)
    assert a != again  # identity objects are not value-equal: compare people explicitly


def test_every_demo_kind_is_a_sample_card() -> None:
    assert set(DEMO_CARD_KINDS) <= set(SAMPLE_CARDS)
    assert "resident_expired" in DEMO_CARD_KINDS
    assert "resident_bad_check_digit" in DEMO_CARD_KINDS


@pytest.mark.parametrize("kind", ["resident", "hmt_residence", "foreign_2017", "foreign_2023"])
def test_submissions_take_a_verified_contact_from_the_identity(kind: str) -> None:
    card = sample_card(kind)
    contact = contact_from_identity(CitizenIdentity.from_card(card), phone="13800138000")
    assert contact is not None
    assert contact.verified
    assert contact.name == card.display_name
    assert contact.id_number == card.id_number.upper()
    assert contact.id_type == card.id_type
