"""Decoding (and, for the simulator, encoding) of the 256-byte card text block.

One layout per card type, told apart by the character at byte 248: a space
for the resident ID card, ``J`` for the Hong Kong/Macao/Taiwan residence
permit, ``I`` / ``Y`` for the 2017 / 2023 foreign permanent resident cards.
Decoding raises only :class:`CardDecodeError`; whether a decoded card may be
used (check digits, expiry) is :func:`check_card`'s job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from devices.idcard import idnumbers
from devices.idcard.codes import (
    GENDER_BY_CODE,
    GENDER_CODE,
    GENDER_UNSTATED_CODES,
    HMT_REGION_BY_PREFIX,
    NATION_BY_CODE,
    NATION_CODE,
)
from devices.idcard.errors import CardDecodeError
from devices.idcard.masking import mask_address, mask_name, mask_number

TEXT_BLOCK_SIZE = 256
LONG_TERM = "长期"

IdType = Literal["resident", "hmt_residence", "foreign_permanent"]

# The fields of the staff CLI's JSON, in order; null where a card type has none.
PUBLIC_FIELDS = (
    "id_type",
    "card_edition",
    "name",
    "name_en",
    "gender",
    "nation",
    "birth_date",
    "address",
    "id_number",
    "issuer",
    "valid_from",
    "valid_until",
    "long_term",
    "nationality",
    "pass_number",
    "issue_count",
    "previous_number",
)


@dataclass(frozen=True)
class CardData:
    """What one card says. ``repr`` is masked so a stray log line leaks nothing."""

    id_type: IdType
    id_number: str
    birth_date: dt.date
    valid_from: dt.date
    valid_until: dt.date | None
    long_term: bool = False
    card_edition: str | None = None
    name: str | None = None
    name_en: str | None = None
    gender: str | None = None
    nation: str | None = None
    address: str | None = None
    issuer: str | None = None
    nationality: str | None = None
    pass_number: str | None = None
    issue_count: int | None = None
    previous_number: str | None = None
    appended_address: str | None = None
    card_version: str | None = None
    authority_code: str | None = None
    photo_wlt: bytes = field(default=b"", repr=False)

    @property
    def display_name(self) -> str:
        """The name to greet with: the Chinese name, else the English one."""
        return self.name or self.name_en or ""

    def masked(self) -> CardData:
        """A copy with names, numbers and addresses masked and no photo."""

        def opt(value: str | None, mask: Any) -> str | None:
            return mask(value) if value else value

        return dataclasses.replace(
            self,
            name=opt(self.name, mask_name),
            name_en=opt(self.name_en, mask_name),
            id_number=mask_number(self.id_number),
            address=opt(self.address, mask_address),
            appended_address=opt(self.appended_address, mask_address),
            pass_number=opt(self.pass_number, mask_number),
            previous_number=opt(self.previous_number, mask_number),
            photo_wlt=b"",
        )

    def to_public_dict(self, show_pii: bool = False) -> dict[str, Any]:
        """The CLI/JSON view: exactly :data:`PUBLIC_FIELDS`, ISO dates, masked by default."""
        card = self if show_pii else self.masked()
        result: dict[str, Any] = {}
        for name in PUBLIC_FIELDS:
            value = getattr(card, name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            result[name] = value
        if not show_pii:
            result["birth_date"] = f"{self.birth_date.year:04d}-**-**"
        return result

    def __repr__(self) -> str:
        masked = self.masked()
        return (
            f"CardData(id_type={self.id_type!r}, card_edition={self.card_edition!r}, "
            f"name={masked.display_name!r}, id_number={masked.id_number!r})"
        )


# --- decoding ---------------------------------------------------------------------


def _text(block: str, byte_offset: int, byte_size: int) -> str:
    start = byte_offset // 2
    return block[start : start + byte_size // 2].rstrip(" \x00")


def _date(value: str, what: str) -> dt.date:
    if not re.fullmatch(r"[0-9]{8}", value):
        raise CardDecodeError(f"{what} is not a YYYYMMDD date")
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError as error:
        raise CardDecodeError(f"{what} is not a calendar date") from error


def _validity_end(value: str) -> tuple[dt.date | None, bool]:
    if value == LONG_TERM:
        return None, True
    return _date(value, "validity end"), False


def _gender(code: str) -> str | None:
    if code in GENDER_BY_CODE:
        return GENDER_BY_CODE[code]
    if code in GENDER_UNSTATED_CODES or code == "":
        return None
    raise CardDecodeError("unknown gender code")


def _count(value: str, what: str) -> int | None:
    if value == "":
        return None
    if not re.fullmatch(r"[0-9]{1,2}", value):
        raise CardDecodeError(f"{what} is not a number")
    return int(value)


def _required(value: str, what: str) -> str:
    if not value:
        raise CardDecodeError(f"{what} is missing")
    return value


def decode_card(
    text_block: bytes, photo: bytes = b"", appended_address: str | None = None
) -> CardData:
    """Decode a card's 256-byte text block (UCS-2 LE) into :class:`CardData`."""
    if len(text_block) != TEXT_BLOCK_SIZE:
        raise CardDecodeError(f"text block has {len(text_block)} bytes, expected 256")
    try:
        block = text_block.decode("utf-16-le")
    except UnicodeDecodeError as error:
        raise CardDecodeError("text block is not valid UCS-2") from error
    if len(block) != TEXT_BLOCK_SIZE // 2:
        raise CardDecodeError("text block holds characters outside UCS-2")
    kind = block[124]
    if kind in (" ", "\x00"):
        card = _decode_resident(block)
    elif kind == "J":
        card = _decode_hmt(block)
    elif kind == "I":
        card = _decode_foreign_2017(block)
    elif kind == "Y":
        card = _decode_foreign_2023(block)
    else:
        raise CardDecodeError("unknown card type marker")
    return dataclasses.replace(
        card, photo_wlt=bytes(photo), appended_address=appended_address or None
    )


def _common_resident_layout(block: str) -> dict[str, Any]:
    valid_until, long_term = _validity_end(_text(block, 204, 16))
    return {
        "name": _required(_text(block, 0, 30), "name"),
        "gender": _gender(_text(block, 30, 2)),
        "birth_date": _date(_text(block, 36, 16), "birth date"),
        "id_number": _required(_text(block, 122, 36), "number"),
        "valid_from": _date(_text(block, 188, 16), "validity start"),
        "valid_until": valid_until,
        "long_term": long_term,
    }


def _decode_resident(block: str) -> CardData:
    nation_code = _text(block, 32, 4)
    return CardData(
        id_type="resident",
        nation=NATION_BY_CODE.get(nation_code),
        address=_text(block, 52, 70) or None,
        issuer=_text(block, 158, 30) or None,
        **_common_resident_layout(block),
    )


def _decode_hmt(block: str) -> CardData:
    return CardData(
        id_type="hmt_residence",
        address=_text(block, 52, 70) or None,
        issuer=_text(block, 158, 30) or None,
        pass_number=_text(block, 220, 18) or None,
        issue_count=_count(_text(block, 238, 4), "issue count"),
        **_common_resident_layout(block),
    )


def _decode_foreign_2017(block: str) -> CardData:
    valid_until, long_term = _validity_end(_text(block, 204, 16))
    return CardData(
        id_type="foreign_permanent",
        card_edition="2017",
        name_en=_required(_text(block, 0, 120), "English name"),
        gender=_gender(_text(block, 120, 2)),
        id_number=_required(_text(block, 122, 30), "number"),
        nationality=_text(block, 152, 6) or None,
        name=_text(block, 158, 30) or None,
        valid_from=_date(_text(block, 188, 16), "validity start"),
        valid_until=valid_until,
        long_term=long_term,
        birth_date=_date(_text(block, 220, 16), "birth date"),
        card_version=_text(block, 236, 4) or None,
        authority_code=_text(block, 240, 8) or None,
    )


def _decode_foreign_2023(block: str) -> CardData:
    valid_until, long_term = _validity_end(_text(block, 204, 16))
    # The English name runs over two areas; join them before stripping the padding.
    name_en = (block[26:61] + block[110:121]).rstrip(" \x00")
    number = _required(_text(block, 122, 36), "number")
    nationality = _text(block, 242, 6) or None
    link = _text(block, 250, 6)
    previous = (
        idnumbers.previous_foreign_number(number, link, nationality)
        if link and nationality
        else None
    )
    return CardData(
        id_type="foreign_permanent",
        card_edition="2023",
        name=_text(block, 0, 30) or None,
        gender=_gender(_text(block, 30, 2)),
        issue_count=_count(_text(block, 32, 4), "renewal count"),
        birth_date=_date(_text(block, 36, 16), "birth date"),
        name_en=name_en or None,
        id_number=number,
        valid_from=_date(_text(block, 188, 16), "validity start"),
        valid_until=valid_until,
        long_term=long_term,
        nationality=nationality,
        previous_number=previous,
    )


# --- encoding (simulator) ---------------------------------------------------------


class _BlockWriter:
    def __init__(self) -> None:
        self.chars = [" "] * (TEXT_BLOCK_SIZE // 2)

    def put(self, byte_offset: int, byte_size: int, value: str) -> None:
        width = byte_size // 2
        if len(value) > width:
            raise ValueError(f"{value!r} does not fit in {width} characters")
        start = byte_offset // 2
        self.chars[start : start + len(value)] = list(value)

    def encode(self) -> bytes:
        return "".join(self.chars).encode("utf-16-le")


def _ymd(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def encode_text_block(card: CardData) -> bytes:
    """The 256-byte text block a reader would return for ``card`` (the inverse of decode)."""
    w = _BlockWriter()
    gender = GENDER_CODE.get(card.gender or "", "0")
    end = LONG_TERM if card.long_term or card.valid_until is None else _ymd(card.valid_until)
    w.put(188, 16, _ymd(card.valid_from))
    w.put(204, 16, end)
    if card.id_type in ("resident", "hmt_residence"):
        w.put(0, 30, card.name or "")
        w.put(30, 2, gender)
        w.put(36, 16, _ymd(card.birth_date))
        w.put(52, 70, card.address or "")
        w.put(122, 36, card.id_number)
        w.put(158, 30, card.issuer or "")
        if card.id_type == "resident":
            w.put(32, 4, NATION_CODE.get(card.nation or "", ""))
        else:
            w.put(220, 18, card.pass_number or "")
            w.put(238, 4, "" if card.issue_count is None else f"{card.issue_count:02d}")
            w.put(248, 2, "J")
    elif card.card_edition == "2017":
        w.put(0, 120, card.name_en or "")
        w.put(120, 2, gender)
        w.put(122, 30, card.id_number)
        w.put(152, 6, card.nationality or "")
        w.put(158, 30, card.name or "")
        w.put(220, 16, _ymd(card.birth_date))
        w.put(236, 4, card.card_version or "")
        w.put(240, 8, card.authority_code or "")
        w.put(248, 2, "I")
    else:
        name_en = card.name_en or ""
        w.put(0, 30, card.name or "")
        w.put(30, 2, gender)
        w.put(32, 4, "" if card.issue_count is None else f"{card.issue_count:02d}")
        w.put(36, 16, _ymd(card.birth_date))
        w.put(52, 70, name_en[:35])
        w.put(122, 36, card.id_number)
        w.put(220, 22, name_en[35:])
        w.put(242, 6, card.nationality or "")
        w.put(248, 2, "Y")
        # The link to a 2017 card is what the rebuild takes from it: chars 6-7 and 14.
        previous = card.previous_number or ""
        w.put(250, 6, previous[5:7] + previous[13] if len(previous) == 15 else "")
    return w.encode()


# --- checks -------------------------------------------------------------------------


class CardRejection(enum.StrEnum):
    """Why a decoded card may not be used to log in."""

    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    INVALID = "invalid"  # bad check digit or a number that contradicts the card
    UNREADABLE = "unreadable"  # the reader answered but the data could not be decoded


@dataclass(frozen=True)
class CardCheck:
    """Result of :func:`check_card`; ``detail`` never contains personal data."""

    reason: CardRejection | None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.reason is None


def number_problem(card: CardData) -> str | None:
    """Why the card's number is invalid for its type, or None when it is fine."""
    number = card.id_number.upper()
    birth8 = _ymd(card.birth_date)
    if card.id_type == "foreign_permanent" and card.card_edition == "2017":
        if not idnumbers.is_valid_foreign_2017(number):
            return "2017 foreign card number fails its 7-3-1 check digit"
        if card.nationality and number[:3] != card.nationality:
            return "number does not start with the nationality"
        if number[7:13] != birth8[2:]:
            return "number does not contain the birth date"
        return None
    if not idnumbers.is_valid_18(number):
        return "number fails its MOD 11-2 check digit"
    if number[6:14] != birth8:
        return "number does not contain the birth date"
    if card.id_type == "hmt_residence" and number[:6] not in HMT_REGION_BY_PREFIX:
        return "residence permit number has no Hong Kong/Macao/Taiwan prefix"
    if card.id_type == "foreign_permanent" and not number.startswith("9"):
        return "2023 foreign card number does not start with 9"
    if card.id_type != "foreign_permanent" and card.gender is not None:
        odd = int(number[16]) % 2 == 1
        if odd != (card.gender == "male"):
            return "sequence number parity contradicts the gender"
    return None


def check_card(card: CardData, today: dt.date) -> CardCheck:
    """Whether a card may be used on ``today``: number valid, within its validity period."""
    problem = number_problem(card)
    if problem:
        return CardCheck(CardRejection.INVALID, problem)
    if card.valid_from > today:
        return CardCheck(CardRejection.NOT_YET_VALID, f"valid from {card.valid_from.isoformat()}")
    if card.valid_until is not None and card.valid_until < today:
        return CardCheck(CardRejection.EXPIRED, f"expired on {card.valid_until.isoformat()}")
    return CardCheck(None)
