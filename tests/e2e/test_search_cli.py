"""``legal-kiosk search`` as a real process, on a fresh data folder (the bundled laws)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kiosk")
    path = folder / "kiosk.toml"
    path.write_text(f'[storage]\ndata_dir = "{folder / "data"}"\n', encoding="utf-8")
    return path


def legal_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEGAL_KIOSK_")}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_json_hits_of_an_article_reference_on_a_fresh_database(config: Path) -> None:
    result = legal_kiosk("--config", str(config), "search", "民法典 1077", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    top = hits[0]
    assert top["type"] == "law"
    assert top["article_no"] == 1077
    assert top["article_sub"] == 0
    assert top["article_label"] == "第一千零七十七条"
    assert top["law_id"].startswith("cnlaw-")
    assert "中华人民共和国民法典" in top["title"]
    assert (config.parent / "data" / "kiosk.sqlite3").exists()


def test_json_hits_are_best_first_and_complete(config: Path) -> None:
    result = legal_kiosk("search", "--config", str(config), "彩礼", "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    for hit in hits:
        assert {"type", "id", "title", "snippet"} <= set(hit)
        if hit["type"] == "law":
            assert isinstance(hit["article_no"], int)
            assert isinstance(hit["article_sub"], int)
            assert hit["law_id"] and hit["article_label"]
        else:
            assert "article_no" not in hit
    assert 1042 in [h.get("article_no") for h in hits]


def test_human_output_is_numbered_lines(config: Path) -> None:
    result = legal_kiosk("--config", str(config), "search", "刑法133条之一")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(" 1. [law] 中华人民共和国刑法 第一百三十三条之一")


def test_practitioners_by_pinyin_and_an_empty_result(config: Path) -> None:
    result = legal_kiosk(
        "--config", str(config), "search", "zhangwei", "--type", "practitioner", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["title"] == "张伟"
    result = legal_kiosk("--config", str(config), "search", "张伟", "--type", "guide", "--json")
    assert json.loads(result.stdout) == []
    human = legal_kiosk("--config", str(config), "search", "张伟", "--type", "guide")
    assert "No results" in human.stdout


def test_garbage_queries_do_not_fail(config: Path) -> None:
    result = legal_kiosk("--config", str(config), "search", "\"' OR 1=1; --😀 NEAR(*", "--json")
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_bad_options_are_refused_clearly(config: Path) -> None:
    result = legal_kiosk("--config", str(config), "search", "离婚", "--limit", "0")
    assert result.returncode == 2
    assert "between 1 and 100" in result.stderr
    result = legal_kiosk("--config", str(config), "search", "离婚", "--type", "weather")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_a_missing_config_file_is_reported(tmp_path: Path) -> None:
    result = legal_kiosk("--config", str(tmp_path / "nope.toml"), "search", "离婚")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
