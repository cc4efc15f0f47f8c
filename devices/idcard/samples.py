"""Sample cards of every type for the simulator, demos and tests.

All people are fictional (the names say so: 演示, 样例, SAMPLE, EXAMPLE); the
numbers carry correct check digits so the kiosk accepts them, except the
sample that exists to be refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from devices.idcard import idnumbers
from devices.idcard.cards import CardData


def _number18(first17: str) -> str:
    return first17 + idnumbers.mod11_2_check_char(first17)


def _foreign_2017_number(first14: str) -> str:
    return first14 + idnumbers.icao_731_check_digit(first14)


def _fake_wlt(seed: str) -> bytes:
    """1024 bytes standing in for the encrypted WLT photo (never decoded anyway)."""
    out = b""
    block = seed.encode()
    while len(out) < 1024:
        block = hashlib.sha256(block).digest()
        out += block
    return out[:1024]


_FOREIGN_2023_NUMBER = _number18("91127619750203003")

SAMPLE_CARDS: dict[str, CardData] = {
    "resident": CardData(
        id_type="resident",
        name="张演示",
        gender="male",
        nation="汉",
        birth_date=dt.date(1990, 3, 7),
        address="北京市东城区示例路1号演示小区2号楼3单元401室",
        id_number=_number18("11010119900307101"),
        issuer="北京市公安局东城分局",
        valid_from=dt.date(2020, 5, 1),
        valid_until=dt.date(2040, 5, 1),
        photo_wlt=_fake_wlt("resident"),
    ),
    "resident_long_term": CardData(
        id_type="resident",
        name="李样例",
        gender="female",
        nation="回",
        birth_date=dt.date(1958, 11, 20),
        address="宁夏回族自治区银川市兴庆区样例街5号",
        id_number=_number18("64010419581120202"),
        issuer="银川市公安局兴庆区分局",
        valid_from=dt.date(2015, 1, 10),
        valid_until=None,
        long_term=True,
        appended_address="宁夏回族自治区银川市金凤区演示路9号",
        photo_wlt=_fake_wlt("resident_long_term"),
    ),
    "resident_expired": CardData(
        id_type="resident",
        name="王过期演示",
        gender="male",
        nation="蒙古",
        birth_date=dt.date(1985, 6, 15),
        address="内蒙古自治区呼和浩特市新城区示例路3号",
        id_number=_number18("15010219850615031"),
        issuer="呼和浩特市公安局新城区分局",
        valid_from=dt.date(2005, 6, 1),
        valid_until=dt.date(2015, 6, 1),
        photo_wlt=_fake_wlt("resident_expired"),
    ),
    "hmt_residence": CardData(
        id_type="hmt_residence",
        name="陈港澳",
        gender="female",
        birth_date=dt.date(1992, 8, 8),
        address="广东省深圳市福田区示例街道演示路8号",
        id_number=_number18("81000019920808002"),
        issuer="深圳市公安局福田分局",
        valid_from=dt.date(2024, 10, 1),
        valid_until=dt.date(2029, 10, 1),
        pass_number="H12345678",
        issue_count=2,
        photo_wlt=_fake_wlt("hmt_residence"),
    ),
    "foreign_2017": CardData(
        id_type="foreign_permanent",
        card_edition="2017",
        name_en="SAMPLE, ALICE DEMO",
        name="演爱丽",
        gender="female",
        nationality="CAN",
        id_number=_foreign_2017_number("CAN11008804120"),
        birth_date=dt.date(1988, 4, 12),
        valid_from=dt.date(2018, 3, 1),
        valid_until=dt.date(2028, 3, 1),
        card_version="01",
        authority_code="1500",
        photo_wlt=_fake_wlt("foreign_2017"),
    ),
    "foreign_2023": CardData(
        id_type="foreign_permanent",
        card_edition="2023",
        name="演博文",
        name_en="EXAMPLE-LONGNAME, BENEDICT ALEXANDER MAX",
        gender="male",
        issue_count=1,
        birth_date=dt.date(1975, 2, 3),
        id_number=_FOREIGN_2023_NUMBER,
        nationality="DEU",
        valid_from=dt.date(2023, 12, 1),
        valid_until=dt.date(2033, 12, 1),
        previous_number=idnumbers.previous_foreign_number(_FOREIGN_2023_NUMBER, "004", "DEU"),
        photo_wlt=_fake_wlt("foreign_2023"),
    ),
}

# A card whose check digit is wrong: the kiosk must refuse it as invalid.
_good = SAMPLE_CARDS["resident"]
SAMPLE_CARDS["resident_bad_check_digit"] = dataclasses.replace(
    _good,
    name="赵无效演示",
    id_number=_good.id_number[:17] + ("0" if _good.id_number[17] != "0" else "1"),
)

DEMO_CARD = "resident"


def sample_card(kind: str) -> CardData:
    """A sample card by kind (see :data:`SAMPLE_CARDS`); KeyError names the kinds."""
    try:
        return SAMPLE_CARDS[kind]
    except KeyError:
        raise KeyError(f"unknown sample card {kind!r}; known: {', '.join(SAMPLE_CARDS)}") from None
