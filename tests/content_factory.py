"""Change-feed items in the contract's shape, for tests."""

from __future__ import annotations

from typing import Any


def law_change(
    law_id: str,
    version: int = 1,
    title: str = "中华人民共和国示例法",
    articles: int = 3,
    seq: int = 1,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "type": "law",
        "id": law_id,
        "op": "upsert",
        "version": version,
        "data": {
            "kind": "law",
            "title": title,
            "category": "法律",
            "issuer": "全国人民代表大会",
            "promulgated_on": "2020-05-28",
            "effective_on": "2021-01-01",
            "status": "in_force",
            "articles": [
                {
                    "no": n,
                    "sub": 0,
                    "label": f"第{n}条",
                    "headings": ["第一章 总则"],
                    "text": f"{title}第{n}条的条文（版本{version}）。",
                }
                for n in range(1, articles + 1)
            ],
        },
    }


def practitioner_change(
    item_id: str,
    version: int = 1,
    name: str = "张伟",
    district: str = "东城区",
    expertise: list[str] | None = None,
    penalties: int = 0,
    seq: int = 1,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "type": "practitioner",
        "id": item_id,
        "op": "upsert",
        "version": version,
        "data": {
            "kind": "practitioner",
            "name": name,
            "role": "lawyer",
            "license_no": f"1110120{item_id[-4:]:0>4}",
            "gender": None,
            "institution_id": "inst-1",
            "practice_since": 2010,
            "expertise": expertise if expertise is not None else ["婚姻家庭", "劳动争议"],
            "district": district,
            "status": "practising",
            "penalties": [
                {
                    "date": f"2023-0{i + 1}-01",
                    "authority": "市司法局",
                    "kind": "警告",
                    "reason": "示例",
                }
                for i in range(penalties)
            ],
        },
    }


def delete_change(kind: str, item_id: str, version: int = 1, seq: int = 1) -> dict[str, Any]:
    return {
        "seq": seq,
        "type": kind,
        "id": item_id,
        "op": "delete",
        "version": version,
        "data": None,
    }
