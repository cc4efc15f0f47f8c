from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.idcard.cards import (
    PUBLIC_FIELDS,
    CardData,
    CardRejection,
    check_card,
    decode_card,
    encode_text_block,
)
from devices.idcard.codes import NATION_BY_CODE
from devices.idcard.errors import CardDecodeError, IdCardProtocolError
from devices.idcard.masking import mask_name, mask_number
from devices.idcard.samples import SAMPLE_CARDS, sample_card
from kiosk import pii

TODAY = dt.date(2026, 11, 22)


def block(fields: dict[int, str], size: int = 256) -> bytes:
    """A text block written by hand: byte offset -> text, everything else spaces."""
    chars = [" "] * (size // 2)
    for offset, text in fields.items():
        chars[offset // 2 : offset // 2 + len(text)] = list(text)
    return "".join(chars).encode("utf-16-le")


def test_resident_card_written_by_hand_decodes() -> None:
    raw = block(
        {
            0: "张演示",
            30: "1",
            32: "01",
            36: "19491231",
            52: "北京市朝阳区示例路1号",
            122: "11010519491231002X",
            158: "北京市公安局朝阳分局",
            188: "20100101",
            204: "长期",
        }
    )
    card = decode_card(raw, b"\x01" * 1024)
    assert card.id_type == "resident" and card.card_edition is None
    assert card.name == "张演示" and card.gender == "male" and card.nation == "汉"
    assert card.birth_date == dt.date(1949, 12, 31)
    assert card.address == "北京市朝阳区示例路1号"
    assert card.id_number == "11010519491231002X"
    assert card.issuer == "北京市公安局朝阳分局"
    assert card.valid_from == dt.date(2010, 1, 1)
    assert card.valid_until is None and card.long_term
    assert card.photo_wlt == b"\x01" * 1024
    assert card.nationality is None and card.pass_number is None
    # 002 is even: a woman's number; the card says male, so the check refuses it.
    assert check_card(card, TODAY).reason is CardRejection.INVALID
    female = dataclasses.replace(card, gender="female")
    assert check_card(female, TODAY).ok


def test_hmt_permit_written_by_hand_decodes() -> None:
    raw = block(
        {
            0: "陈港澳",
            30: "2",
            36: "19850101",
            52: "广东省深圳市示例路",
            122: "810000198501010022",
            158: "深圳市公安局",
            188: "20200101",
            204: "20250101",
            220: "H87654321",
            238: "03",
            248: "J",
        }
    )
    card = decode_card(raw)
    assert card.id_type == "hmt_residence"
    assert card.nation is None
    assert card.pass_number == "H87654321" and card.issue_count == 3
    assert card.valid_until == dt.date(2025, 1, 1)


def test_foreign_2017_written_by_hand_decodes() -> None:
    raw = block(
        {
            0: "SAMPLE, PAT",
            120: "1",
            122: "PAK310080010103",
            152: "PAK",
            158: "",
            188: "20170101",
            204: "20270101",
            220: "19800101",
            236: "01",
            240: "1500",
            248: "I",
        }
    )
    card = decode_card(raw)
    assert (card.id_type, card.card_edition) == ("foreign_permanent", "2017")
    assert (
        card.name is None and card.name_en == "SAMPLE, PAT" and card.display_name == "SAMPLE, PAT"
    )
    assert card.nationality == "PAK" and card.card_version == "01"
    assert card.authority_code == "1500"
    assert check_card(card, TODAY).ok


def test_foreign_2023_rebuilds_the_published_previous_number() -> None:
    long_name = "SAMPLE, ALEXANDRA MARIA KATHARINA"  # 33 chars
    raw = block(
        {
            0: "演示",
            30: "2",
            32: "00",
            36: "19800101",
            52: long_name + "  ",
            122: "931586198001010028",
            188: "20230101",
            204: "20330101",
            220: "CONTINUED",
            242: "PAK",
            248: "Y",
            250: "000",
        }
    )
    card = decode_card(raw)
    assert (card.id_type, card.card_edition) == ("foreign_permanent", "2023")
    assert card.previous_number == "PAK310080010103"
    # The two name areas join: the spaces at the end of the first area belong to the name.
    assert card.name_en == long_name + "  CONTINUED"
    assert card.issue_count == 0 and card.nationality == "PAK"
    assert check_card(card, TODAY).ok


def test_foreign_2023_without_link_has_no_previous_number() -> None:
    card = dataclasses.replace(sample_card("foreign_2023"), previous_number=None)
    assert decode_card(encode_text_block(card)).previous_number is None


@pytest.mark.parametrize("kind", sorted(SAMPLE_CARDS))
def test_every_sample_round_trips_through_the_text_block(kind: str) -> None:
    card = SAMPLE_CARDS[kind]
    assert decode_card(encode_text_block(card), card.photo_wlt, card.appended_address) == card


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("resident", None),
        ("resident_long_term", None),
        ("hmt_residence", None),
        ("foreign_2017", None),
        ("foreign_2023", None),
        ("resident_expired", CardRejection.EXPIRED),
        ("resident_bad_check_digit", CardRejection.INVALID),
    ],
)
def test_sample_cards_checks(kind: str, reason: CardRejection | None) -> None:
    assert check_card(SAMPLE_CARDS[kind], TODAY).reason is reason


def test_validity_edges() -> None:
    card = sample_card("resident")
    assert check_card(card, card.valid_until or TODAY).ok  # valid on its last day
    assert check_card(card, dt.date(2040, 5, 2)).reason is CardRejection.EXPIRED
    assert check_card(card, dt.date(2020, 4, 30)).reason is CardRejection.NOT_YET_VALID


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"birth_date": dt.date(1990, 3, 8)}, "birth date"),
        ({"id_type": "hmt_residence"}, "prefix"),
        ({"id_type": "foreign_permanent", "card_edition": "2023"}, "start with 9"),
    ],
)
def test_numbers_that_contradict_the_card_are_invalid(change: dict[str, object], why: str) -> None:
    card = dataclasses.replace(sample_card("resident"), **change)  # type: ignore[arg-type]
    result = check_card(card, TODAY)
    assert result.reason is CardRejection.INVALID and why in result.detail


def test_2017_number_must_match_nationality_and_birth() -> None:
    card = sample_card("foreign_2017")
    assert "nationality" in check_card(dataclasses.replace(card, nationality="USA"), TODAY).detail
    moved = dataclasses.replace(card, birth_date=dt.date(1988, 4, 13))
    assert "birth" in check_card(moved, TODAY).detail


def test_every_nation_code_maps_and_round_trips() -> None:
    for code, nation in NATION_BY_CODE.items():
        raw = block(
            {
                0: "民族演示",
                30: "2",
                32: code,
                36: "20000101",
                122: "1",
                188: "20200101",
                204: "长期",
            }
        )
        assert decode_card(raw).nation == nation
    assert len(NATION_BY_CODE) == 58
    unknown = block(
        {0: "演示", 30: "9", 32: "77", 36: "20000101", 122: "1", 188: "20200101", 204: "长期"}
    )
    card = decode_card(unknown)
    assert card.nation is None and card.gender is None


@pytest.mark.parametrize(
    "fields",
    [
        {0: "演示", 30: "1", 36: "19491331", 122: "1", 188: "20200101", 204: "长期"},
        {0: "演示", 30: "1", 36: "1949123", 122: "1", 188: "20200101", 204: "长期"},
        {0: "演示", 30: "1", 36: "19491231", 122: "1", 188: "20200101", 204: "永久"},
        {0: "演示", 30: "5", 36: "19491231", 122: "1", 188: "20200101", 204: "长期"},
        {0: "", 30: "1", 36: "19491231", 122: "1", 188: "20200101", 204: "长期"},
        {0: "演示", 30: "1", 36: "19491231", 122: "1", 188: "20200101", 204: "长期", 248: "Q"},
        {
            0: "演示",
            30: "1",
            36: "19491231",
            122: "1",
            188: "20200101",
            204: "长期",
            238: "x",
            248: "J",
        },
    ],
)
def test_malformed_blocks_raise_the_typed_error(fields: dict[int, str]) -> None:
    with pytest.raises(CardDecodeError):
        decode_card(block(fields))


def test_wrong_size_and_non_ucs2_blocks() -> None:
    with pytest.raises(CardDecodeError):
        decode_card(bytes(255))
    with pytest.raises(CardDecodeError):
        decode_card(b"\x00\xd8" + bytes(254))  # lone surrogate
    with pytest.raises(CardDecodeError):
        decode_card(b"\x3d\xd8\x00\xde" + " ".encode("utf-16-le") * 126)  # a surrogate pair


def test_masking_matches_the_kiosk_formats() -> None:
    for name in ["张小三", "张三", "欧阳小明", "John Smith", "王"]:
        assert mask_name(name) == pii.mask_name(name)
    for number in ["110105194912311233", "CAN110088041206", "H12345678", "123"]:
        assert mask_number(number) == pii.mask_id_number(number)


def test_public_dict_has_exactly_the_cli_fields_and_masks_by_default() -> None:
    card = sample_card("resident")
    public = card.to_public_dict()
    assert tuple(public) == PUBLIC_FIELDS
    assert public["name"] == "张*示"
    assert public["id_number"] == "110***********" + card.id_number[-4:]
    assert public["birth_date"] == "1990-**-**"
    assert card.id_number not in repr(card) and "张演示" not in repr(card)
    full = card.to_public_dict(show_pii=True)
    assert full["id_number"] == card.id_number and full["birth_date"] == "1990-03-07"
    assert full["valid_until"] == "2040-05-01" and full["long_term"] is False
    long_term = sample_card("resident_long_term").to_public_dict(show_pii=True)
    assert long_term["valid_until"] is None and long_term["long_term"] is True
    masked = sample_card("resident_long_term").masked()
    assert masked.photo_wlt == b"" and "演示路" not in (masked.appended_address or "")


_TYPE_MARKERS = st.sampled_from([" ", "J", "I", "Y", "\x00", "Z"])


@settings(max_examples=400, deadline=None)
@given(st.binary(min_size=256, max_size=256), _TYPE_MARKERS)
def test_decoder_raises_only_its_typed_error_on_random_blocks(raw: bytes, marker: str) -> None:
    raw = raw[:248] + marker.encode("utf-16-le") + raw[250:]
    try:
        card = decode_card(raw)
    except IdCardProtocolError:
        return
    check_card(card, TODAY)
    card.to_public_dict()
    card.to_public_dict(show_pii=True)


_DIGITS = st.text("0123456789", min_size=8, max_size=8)
_FIELD_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([" ", "J", "I", "Y"]),
    st.lists(st.tuples(st.integers(0, 127), _FIELD_TEXT | _DIGITS), max_size=12),
)
def test_decoder_on_plausible_blocks(marker: str, pieces: list[tuple[int, str]]) -> None:
    chars = [" "] * 128
    for position, text in pieces:
        for i, ch in enumerate(text[: 128 - position]):
            if ord(ch) <= 0xFFFF:
                chars[position + i] = ch
    chars[124] = marker
    for start, value in ((18, "19900101"), (94, "20200101"), (102, "长期"), (110, "19900101")):
        if not any(p <= start < p + len(t) for p, t in pieces):
            chars[start : start + len(value)] = list(value)
    try:
        card = decode_card("".join(chars).encode("utf-16-le"))
    except CardDecodeError:
        return
    assert isinstance(card, CardData)
    check_card(card, TODAY)
