"""The embedded demo dataset: contract-valid changes, complete and clearly fictional."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from devserver import contract
from offline_cache.demo import iter_demo_changes, iter_demo_items

_SCHEMA_OF = {
    "law": "Law",
    "practitioner": "Practitioner",
    "institution": "Institution",
    "case": "Case",
    "faq": "Faq",
    "guide": "Guide",
    "announcement": "Announcement",
}


def test_every_demo_change_is_a_valid_contract_change(laws_path: Path) -> None:
    changes = list(iter_demo_changes(laws_path))
    assert [c["seq"] for c in changes] == list(range(1, len(changes) + 1))
    for change in changes:
        assert contract.validate("Change", change) == [], (change["type"], change["id"])
        assert contract.validate(_SCHEMA_OF[change["type"]], change["data"]) == []
        assert change["op"] == "upsert"
        assert change["version"] == 1
    keys = [(c["type"], c["id"]) for c in changes]
    assert len(keys) == len(set(keys))


def test_laws_come_first_with_their_own_ids(laws_path: Path) -> None:
    changes = iter_demo_changes(laws_path)
    laws = list(itertools.takewhile(lambda c: c["type"] == "law", changes))
    assert len(laws) == 390
    assert all(law["id"].startswith("cnlaw-") for law in laws)
    civil_code = next(law for law in laws if law["data"]["title"] == "中华人民共和国民法典")
    labels = {article["label"] for article in civil_code["data"]["articles"]}
    assert "第一千零七十七条" in labels


def test_demo_items_cover_every_role_status_and_service() -> None:
    items = list(iter_demo_items())
    by_type = Counter(item["type"] for item in items)
    assert by_type["institution"] >= 12
    assert by_type["practitioner"] >= 60
    assert by_type["case"] >= 20
    assert by_type["faq"] >= 40
    assert by_type["announcement"] >= 5
    practitioners = [i["data"] for i in items if i["type"] == "practitioner"]
    institutions = [i["data"] for i in items if i["type"] == "institution"]
    guides = [i["data"] for i in items if i["type"] == "guide"]
    assert {p["role"] for p in practitioners} == {
        "lawyer",
        "notary",
        "mediator",
        "judicial_appraiser",
        "legal_aid_worker",
        "grassroots_legal_worker",
    }
    assert {p["status"] for p in practitioners} == {"practising", "suspended", "revoked"}
    assert any(p["penalties"] for p in practitioners)
    assert any(p["service_record"] for p in practitioners)
    assert len({i["role"] for i in institutions}) == 6
    assert any(i["penalties"] for i in institutions)
    assert {g["service"] for g in guides} == {
        "legal_aid",
        "notarization",
        "mediation",
        "judicial_appraisal",
        "lawyer_service",
        "qualification_exam",
    }
    assert all(g["window"] and g["phone"] and g["materials"] and g["steps"] for g in guides)


def test_practitioner_links_name_demo_institutions() -> None:
    items = list(iter_demo_items())
    institution_ids = {i["id"] for i in items if i["type"] == "institution"}
    links = {i["data"]["institution_id"] for i in items if i["type"] == "practitioner"}
    assert links - {None} <= institution_ids


def test_institutions_are_marked_fictional() -> None:
    for item in iter_demo_items():
        if item["type"] == "institution":
            assert "示例" in item["data"]["name"] or "演示" in item["data"]["name"]
