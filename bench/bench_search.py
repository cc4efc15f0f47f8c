"""Search at province scale: index build time and query latency (p50/p95).

The database holds the real laws plus deterministic variants of them up to
150,000 articles, and 50,000 fictional practitioners, like the province feed.
Queries mix short words, long sentences, common words, pinyin, article
references, licence numbers and everyday questions (200 in all). recall@5 of
tests/search_queries.tsv is measured on the real laws alone, before the
variants are added.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from offline_cache.db import database_proxy, open_database
from offline_cache.lawdata import law_record_to_contract, read_law_records
from offline_cache.search import SearchIndex

ROOT = Path(__file__).resolve().parents[1]
SHARED_LAWS = ROOT.parent / "shared" / "data" / "laws" / "laws.jsonl"
LAWS_FILE = SHARED_LAWS if SHARED_LAWS.exists() else ROOT / "assets" / "laws" / "laws.jsonl.gz"
QUERY_SET = ROOT / "tests" / "search_queries.tsv"
TARGET_ARTICLES = 150_000
PRACTITIONERS = 50_000
QUERIES = 200
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏浩宇晨欣怡"
_DISTRICTS = ["东城区", "西城区", "南山区", "北湖区", "中原区", "高新区", "滨江区", "江北区"]
_EXPERTISE = ["婚姻家庭", "劳动争议", "交通事故", "合同纠纷", "刑事辩护", "房产纠纷", "债权债务"]
_ROLES = ["lawyer", "notary", "mediator", "legal_aid_worker", "grassroots_legal_worker"]


def run() -> dict[str, object]:
    records = list(read_law_records(LAWS_FILE))
    laws = [("law", r["id"], law_record_to_contract(r)) for r in records]
    real_articles = sum(len(data["articles"]) for _, _, data in laws)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite3")
        index = SearchIndex()
        index.create_tables()

        cpu_started = time.process_time()
        started = time.perf_counter()
        index.bulk_index(laws)
        real_build_s = time.perf_counter() - started
        cpu_spent = time.process_time() - cpu_started
        recall = _recall_at_5(index)

        variants = list(_variants(laws, TARGET_ARTICLES - real_articles))
        cpu_started = time.process_time()
        started = time.perf_counter()
        index.bulk_index(variants)
        variants_build_s = time.perf_counter() - started

        people = list(_practitioners(PRACTITIONERS))
        started = time.perf_counter()
        index.bulk_index(people)
        people_build_s = time.perf_counter() - started
        build_cpu_s = time.process_time() - cpu_started

        started = time.perf_counter()
        with database_proxy.atomic():
            for content_type, item_id, data in people[:100]:
                index.index_item(content_type, item_id, dict(data, district="新区"))
        update_100_s = time.perf_counter() - started

        articles = index.document_count("law")
        queries = _queries(records, people)
        index.search("预热")  # loads the vocabulary and the law names once
        # Three passes: the first as a citizen meets it, the best of three as the
        # machine would give it without the other jobs sharing its two cores.
        passes: list[list[float]] = []
        cpu: list[float] = []
        for _ in range(3):
            timings = []
            for query in queries:
                cpu_started = time.process_time()
                started = time.perf_counter()
                index.search(query, limit=20)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            passes.append(timings)
        database.close()
        size_mib = (Path(folder) / "bench.sqlite3").stat().st_size / 2**20
    latencies = sorted(passes[0])
    best = sorted(min(times) for times in zip(*passes, strict=True))
    cpu.sort()
    return {
        "articles": articles,
        "practitioners": PRACTITIONERS,
        "index_real_laws_s": round(real_build_s, 2),
        "index_article_variants_s": round(variants_build_s, 2),
        "index_practitioners_s": round(people_build_s, 2),
        "index_total_s": round(real_build_s + variants_build_s + people_build_s, 2),
        "index_total_cpu_s": round(build_cpu_s + cpu_spent, 2),
        "reindex_100_practitioners_s": round(update_100_s, 3),
        "database_mib": round(size_mib, 1),
        "queries": len(latencies),
        "search_p50_ms": round(statistics.median(latencies), 2),
        "search_p95_ms": round(_p95(latencies), 2),
        "search_max_ms": round(latencies[-1], 2),
        "search_best_of_3_p50_ms": round(statistics.median(best), 2),
        "search_best_of_3_p95_ms": round(_p95(best), 2),
        "search_cpu_p95_ms": round(_p95(cpu), 2),
        "recall_at_5_real_laws": round(recall, 3),
    }


def _p95(sorted_values: list[float]) -> float:
    return sorted_values[max(0, int(len(sorted_values) * 0.95) - 1)]


def _variants(
    laws: list[tuple[str, str, dict[str, Any]]], wanted: int
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Local versions of the real laws (a province's implementing rules), articles reshuffled."""
    rng = random.Random(20260101)
    made = 0
    round_no = 0
    while made < wanted:
        round_no += 1
        for _, law_id, data in laws:
            if made >= wanted:
                return
            articles = [dict(a) for a in data["articles"][: wanted - made]]
            texts = [a["text"] for a in articles]
            rng.shuffle(texts)
            for article, text in zip(articles, texts, strict=True):
                article["text"] = text
            title = (
                f"示例省{data['title'].removeprefix('中华人民共和国')}实施办法（第{round_no}版）"
            )
            made += len(articles)
            yield "law", f"{law_id}-v{round_no}", dict(data, title=title, articles=articles)


def _practitioners(count: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    rng = random.Random(7)
    for number in range(count):
        name = rng.choice(_SURNAMES) + "".join(
            rng.choice(_GIVEN) for _ in range(rng.choice((1, 2)))
        )
        yield (
            "practitioner",
            f"p-{number}",
            {
                "kind": "practitioner",
                "name": name,
                "role": rng.choice(_ROLES),
                "license_no": f"{13100 + number % 90:05d}{2000 + number % 25}{number:08d}",
                "status": "practising",
                "district": rng.choice(_DISTRICTS),
                "expertise": rng.sample(_EXPERTISE, 2),
                "service_record": None,
            },
        )


def _queries(
    records: list[dict[str, Any]], people: list[tuple[str, str, dict[str, Any]]]
) -> list[str]:
    rng = random.Random(42)
    everyday = [
        line.split("\t")[0]
        for line in QUERY_SET.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    short = ["离婚", "工伤", "合同", "法律", "婚", "罚", "赔偿", "押金", "彩礼", "继承", "房", "债"]
    common = ["人民法院", "合同 违约", "劳动者 用人单位", "国家 法律", "应当 依法", "责任"]
    long = [
        "我在公司上班三年了老板一直拖欠工资还不给交社保现在想辞职可以要求经济补偿吗",
        "结婚时男方给了二十万彩礼现在离婚了女方要不要退还彩礼法律是怎么规定的",
        "邻居家的狗把我孩子咬伤了医药费和精神损失费应该由谁来承担",
        "出了交通事故对方全责但是不赔钱还跑了我应该怎么处理",
    ]
    pinyin = ["mfd", "xf", "ldhtf", "minfadian", "xingfa", "zw", "lina", "zhangwei", "wangfang"]
    refs = []
    for record in rng.sample(records, 20):
        article = rng.choice(record["articles"])
        refs.append(f"{record['short_title']} {article['num']}")
        refs.append(f"{record['short_title']}{article['label']}")
    licences = [data["license_no"] for _, _, data in rng.sample(people, 10)]
    licences += [lic[:8] for lic in licences[:5]]
    names = [data["name"] for _, _, data in rng.sample(people, 10)]
    pool = everyday + short + common + long + pinyin + refs + licences + names
    rng.shuffle(pool)
    return (pool * (QUERIES // len(pool) + 1))[:QUERIES]


def _recall_at_5(index: SearchIndex) -> float:
    found = total = 0
    for line in QUERY_SET.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, answers = line.split("\t")
        expected = set()
        for answer in answers.split("|"):
            law, _, article = answer.partition("#")
            number, _, sub = article.partition("-")
            expected.add((law, int(number), int(sub or 0)))
        hits = index.search(query, "law", limit=5)
        got = {
            ((h.law_title or "").removeprefix("中华人民共和国"), h.article_no, h.article_sub)
            for h in hits
        }
        total += 1
        found += bool(got & expected)
    return found / total if total else 0.0
