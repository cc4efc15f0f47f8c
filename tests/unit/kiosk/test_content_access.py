from __future__ import annotations

from pathlib import Path

from kiosk.content_access import open_search
from kiosk.settings import load_settings
from offline_cache.db import database_proxy
from offline_cache.lawdata import law_record_to_contract

LAW_RECORD = {
    "id": "cnlaw-000000000001",
    "title": "中华人民共和国示例法",
    "short_title": "示例法",
    "category": "法律",
    "status": "有效",
    "issuing_body": "全国人民代表大会常务委员会",
    "publish_date": "2020-01-01",
    "effective_date": "2020-01-01",
    "preamble": "",
    "articles": [
        {"label": "第一条", "num": 1, "sub": 0, "headings": [], "text": "为了规范押金，制定本法。"},
        {"label": "第二条", "num": 2, "sub": 0, "headings": [], "text": "押金应当退还。"},
    ],
}


def demo_with_one_law() -> list[dict]:
    return [
        {
            "seq": 1,
            "type": "law",
            "id": LAW_RECORD["id"],
            "op": "upsert",
            "version": 1,
            "data": law_record_to_contract(LAW_RECORD),
        }
    ]


def test_an_empty_database_gets_the_demo_content_once(tmp_path: Path) -> None:
    settings = load_settings(environ={"LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "data")})

    index = open_search(settings, demo_changes=demo_with_one_law)
    try:
        assert settings.database_path.exists()
        top = index.search("示例法 第2条")[0]
        assert (top.law_id, top.article_no) == ("cnlaw-000000000001", 2)
        index.remove_item("law", "cnlaw-000000000001")
        index.index_item("faq", "faq-1", {"question": "押金", "answer": "退还", "category": "x"})
    finally:
        database_proxy.obj.close()

    # Content present: opening again loads and indexes nothing more.
    index = open_search(settings, demo_changes=demo_with_one_law)
    try:
        assert index.document_count() == 1
        assert [h.id for h in index.search("押金")] == ["faq-1"]
    finally:
        database_proxy.obj.close()


def test_content_without_an_index_is_indexed_at_open(tmp_path: Path) -> None:
    from offline_cache.bootstrap import prepare_database

    settings = load_settings(environ={"LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "data")})
    prepared = prepare_database(
        settings.database_path, has_central=False, demo_changes=demo_with_one_law
    )
    prepared.database.close()

    index = open_search(settings, demo_changes=demo_with_one_law)
    try:
        top = index.search("示例法 第2条")[0]
        assert (top.law_id, top.article_no) == ("cnlaw-000000000001", 2)
    finally:
        database_proxy.obj.close()
