"""A province-scale dataset, generated deterministically for sync and search benchmarks.

About 150,000 articles: the real national laws plus fictional local regulations,
government rules and judicial interpretations whose articles recombine sentences
of the real ones (so search meets realistic statutory Chinese); 50,000
practitioners, 5,000 institutions, and a few thousand cases and Q&A. Every
generated document, person and institution is fictional: places are 示例省's
made-up cities, titles carry those names.

    python -m devserver.generate            # prints what it would serve
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from offline_cache.demo import BUNDLED_LAWS, iter_demo_items
from offline_cache.lawdata import law_record_to_contract, read_law_records

Row = tuple[str, str, int, str]  # (type, id, version, data as JSON text)

SEED = 12348
CITIES = (
    "明湖市",
    "青山市",
    "河西市",
    "滨江市",
    "云岭市",
    "石桥市",
    "南屏市",
    "北塘市",
    "金沙市",
    "玉泉市",
)
DISTRICTS = ("中心区", "东城区", "西城区", "新区", "高新区", "开发区", "北郊县", "南山县")
SUBJECTS = (
    "物业管理",
    "养老服务",
    "电动自行车管理",
    "城市绿化",
    "生活垃圾分类",
    "住房租赁",
    "农民工工资支付",
    "消费者权益保护",
    "道路交通安全",
    "人民调解",
    "法律援助",
    "公共法律服务",
    "未成年人保护",
    "食品小作坊管理",
    "文明行为促进",
    "历史文化名城保护",
    "水资源管理",
    "安全生产",
    "社会信用",
    "优化营商环境",
    "家庭教育促进",
    "反家庭暴力",
    "矛盾纠纷多元化解",
    "医疗纠纷预防和处理",
    "供用电管理",
    "燃气管理",
    "停车场管理",
    "地名管理",
    "河道管理",
    "旅游市场管理",
)
CASE_TOPICS = (
    "民间借贷",
    "劳动争议",
    "离婚纠纷",
    "房屋租赁合同",
    "机动车交通事故责任",
    "买卖合同",
    "物业服务合同",
    "继承纠纷",
    "人身损害赔偿",
    "工伤保险待遇",
)
CHAPTERS = (
    "总则",
    "管理职责",
    "规划与建设",
    "服务规范",
    "权利与义务",
    "监督管理",
    "保障措施",
    "纠纷处理",
    "法律责任",
    "附则",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰辉鹏飞斌波宁浩凯欣怡婷雪梅琳颖佳晨宇轩博文思睿嘉昊然子涵雨航"
ROLES = (
    ("lawyer", 0.55, "law_firm"),
    ("notary", 0.05, "notary_office"),
    ("mediator", 0.2, "mediation_committee"),
    ("judicial_appraiser", 0.06, "appraisal_institution"),
    ("legal_aid_worker", 0.06, "legal_aid_center"),
    ("grassroots_legal_worker", 0.08, "grassroots_legal_office"),
)
INSTITUTION_SUFFIX = {
    "law_firm": "律师事务所",
    "notary_office": "公证处",
    "mediation_committee": "人民调解委员会",
    "appraisal_institution": "司法鉴定所",
    "legal_aid_center": "法律援助中心",
    "grassroots_legal_office": "法律服务所",
}
FIRM_WORDS = "正明信诚德衡泰和安达睿博中天华盛立恒君合金石鼎新"
EXPERTISE = (
    "劳动争议",
    "婚姻家庭",
    "交通事故",
    "借贷纠纷",
    "合同纠纷",
    "房屋租赁",
    "刑事辩护",
    "公司法务",
    "知识产权",
    "消费维权",
    "继承",
    "医疗纠纷",
    "建设工程",
    "邻里纠纷",
    "物业纠纷",
)
_DIGITS = "零一二三四五六七八九"
_SENTENCE_END = re.compile(r"(?<=[。；])")


def chinese_number(n: int) -> str:
    """1077 -> 一千零七十七, 10 -> 十, 110 -> 一百一十 (statute numbering, 1..9999)."""
    if not 0 < n < 10000:
        raise ValueError(n)
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    out: list[str] = []
    pending_zero = False
    for value, unit in units:
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        if not (digit == 1 and unit == "十" and not out):
            out.append(_DIGITS[digit])
        out.append(unit)
    return "".join(out)


def _sentence_pool(laws: list[dict[str, Any]]) -> list[str]:
    pool: list[str] = []
    for law in laws:
        for article in law["articles"]:
            for sentence in _SENTENCE_END.split(article["text"].replace("\n", "")):
                if 12 <= len(sentence) <= 160:
                    pool.append(sentence)
    return pool


def _generated_law(
    rng: random.Random, number: int, pool: list[str], articles: int
) -> dict[str, Any]:
    city = rng.choice(CITIES)
    subject = rng.choice(SUBJECTS)
    kind = rng.random()
    year = rng.randint(2005, 2025)
    if kind < 0.55:
        category, title, issuer = (
            "地方性法规",
            f"示例省{city}{subject}条例",
            f"示例省{city}人民代表大会常务委员会",
        )
    elif kind < 0.8:
        category, title, issuer = (
            "地方政府规章",
            f"示例省{city}{subject}办法",
            f"示例省{city}人民政府",
        )
    else:
        topic = rng.choice(CASE_TOPICS)
        category, title, issuer = (
            "司法解释",
            f"示例省高级人民法院关于审理{topic}案件若干问题的指导意见（第{number}号）",
            "示例省高级人民法院",
        )
    chapters = rng.sample(CHAPTERS[1:-1], k=min(len(CHAPTERS) - 2, max(1, articles // 8)))
    chapter_names = ["总则", *chapters, "附则"]
    body: list[dict[str, Any]] = []
    per_chapter = max(1, articles // len(chapter_names))
    for no in range(1, articles + 1):
        chapter_index = min((no - 1) // per_chapter, len(chapter_names) - 1)
        heading = f"第{chinese_number(chapter_index + 1)}章 {chapter_names[chapter_index]}"
        if no == 1:
            text = f"为了规范{subject}工作，维护公民、法人和其他组织的合法权益，结合本市实际，制定本{title[-2:]}。"
        elif no == articles:
            text = f"本{title[-2:]}自{year}年{rng.randint(1, 12)}月1日起施行。"
        else:
            text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        body.append(
            {
                "no": no,
                "sub": 0,
                "label": f"第{chinese_number(no)}条",
                "headings": [heading],
                "text": text,
            }
        )
    return {
        "kind": "law",
        "title": title,
        "category": category,
        "issuer": issuer,
        "promulgated_on": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "effective_on": f"{year}-{rng.randint(1, 12):02d}-01",
        "status": "in_force" if rng.random() < 0.9 else rng.choice(["amended", "repealed"]),
        "articles": body,
    }


def _penalty(rng: random.Random) -> dict[str, Any]:
    kind, reason = rng.choice(
        [
            ("警告", "未按规定办理执业事项（演示数据）"),
            ("罚款", "违规收费（演示数据）"),
            ("停止执业", "同时在两个机构执业（演示数据）"),
            ("通报批评", "无正当理由拒绝法律援助指派（演示数据）"),
        ]
    )
    return {
        "date": f"{rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "authority": f"示例省{rng.choice(CITIES)}司法局",
        "kind": kind,
        "reason": reason,
    }


def _institutions(rng: random.Random, count: int) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    role_names = [r[2] for r in ROLES]
    weights = [r[1] for r in ROLES]
    for n in range(1, count + 1):
        role = rng.choices(role_names, weights)[0]
        city, district = rng.choice(CITIES), rng.choice(DISTRICTS)
        if role in ("law_firm", "appraisal_institution"):
            name = f"示例{rng.choice(FIRM_WORDS)}{rng.choice(FIRM_WORDS)}{INSTITUTION_SUFFIX[role]}（{city}第{n}所）"
        else:
            name = f"{city}{district}第{n}{INSTITUTION_SUFFIX[role]}"
        status = "active" if rng.random() < 0.95 else rng.choice(["suspended", "closed"])
        out.append(
            (
                f"p-inst-{n:05d}",
                {
                    "kind": "institution",
                    "name": name,
                    "role": role,
                    "license_no": f"3{n:07d}{rng.randint(100000, 999999)}",
                    "founded_on": f"{rng.randint(1985, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "address": f"示例省{city}{district}{rng.choice('东南西北中')}街{rng.randint(1, 400)}号",
                    "phone": f"0000-{rng.randint(1000000, 9999999)}",
                    "district": f"{city}{district}",
                    "expertise": rng.sample(EXPERTISE, 3),
                    "status": status,
                    "penalties": [_penalty(rng)] if rng.random() < 0.03 else [],
                },
            )
        )
    return out


def _practitioners(
    rng: random.Random, count: int, institutions: list[tuple[str, dict[str, Any]]]
) -> Iterator[tuple[str, dict[str, Any]]]:
    by_role: dict[str, list[str]] = {}
    for inst_id, inst in institutions:
        by_role.setdefault(inst["role"], []).append(inst_id)
    roles = [r[0] for r in ROLES]
    weights = [r[1] for r in ROLES]
    institution_role = {r[0]: r[2] for r in ROLES}
    for n in range(1, count + 1):
        role = rng.choices(roles, weights)[0]
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        since = rng.randint(1990, 2025)
        status_draw = rng.random()
        status = (
            "practising"
            if status_draw < 0.96
            else ("suspended" if status_draw < 0.99 else "revoked")
        )
        penalties = [_penalty(rng)] if status != "practising" or rng.random() < 0.02 else []
        candidates = by_role.get(institution_role[role]) or [i for i, _ in institutions]
        yield (
            f"p-prac-{n:06d}",
            {
                "kind": "practitioner",
                "name": rng.choice(SURNAMES) + given,
                "role": role,
                "license_no": f"{roles.index(role) + 1}{since}{n:07d}{rng.randint(10, 99)}",
                "gender": rng.choice(["male", "female"]),
                "photo_url": None,
                "institution_id": rng.choice(candidates),
                "practice_since": since,
                "expertise": rng.sample(EXPERTISE, rng.randint(1, 3)),
                "district": f"{rng.choice(CITIES)}{rng.choice(DISTRICTS)}",
                "status": status,
                "service_record": "累计提供公益法律服务百余次（演示数据）"
                if rng.random() < 0.1
                else None,
                "penalties": penalties,
            },
        )


def province_rows(
    laws_path: Path | None = None,
    *,
    seed: int = SEED,
    articles: int = 150_000,
    practitioners: int = 50_000,
    institutions: int = 5_000,
    cases: int = 1_000,
    faqs: int = 2_000,
) -> Iterator[Row]:
    """The province dataset as upsert rows, institutions before the practitioners naming them."""
    rng = random.Random(seed)

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    laws = [
        (str(r["id"]), law_record_to_contract(r))
        for r in read_law_records(laws_path or BUNDLED_LAWS)
    ]
    total = 0
    for law_id, law in laws:
        total += len(law["articles"])
        yield "law", law_id, 1, dumps(law)
    pool = _sentence_pool([law for _, law in laws])
    number = 0
    while total < articles:
        number += 1
        size = min(articles - total, rng.randint(12, 48))
        yield "law", f"p-law-{number:05d}", 1, dumps(_generated_law(rng, number, pool, size))
        total += size
    insts = _institutions(rng, institutions)
    for inst_id, inst in insts:
        yield "institution", inst_id, 1, dumps(inst)
    for prac_id, prac in _practitioners(rng, practitioners, insts):
        yield "practitioner", prac_id, 1, dumps(prac)
    demo = list(iter_demo_items())
    demo_cases = [i["data"] for i in demo if i["type"] == "case"]
    demo_faqs = [i["data"] for i in demo if i["type"] == "faq"]
    for item in demo:
        if item["type"] in ("guide", "announcement"):
            yield item["type"], item["id"], 1, dumps(item["data"])
    for n in range(1, cases + 1):
        base = rng.choice(demo_cases)
        city = rng.choice(CITIES)
        case = {
            **base,
            "title": f"{base['title']}（{city}案例{n}）",
            "source": f"示例省{city}人民法院",
        }
        yield "case", f"p-case-{n:05d}", 1, dumps(case)
    for n in range(1, faqs + 1):
        base = rng.choice(demo_faqs)
        yield "faq", f"p-faq-{n:05d}", 1, dumps({**base, "question": f"{base['question']}（{n}）"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Summarise the generated province dataset.")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    article_count = 0
    size = 0
    for type_, _, _, data in province_rows(seed=args.seed):
        counts[type_] += 1
        size += len(data.encode("utf-8"))
        if type_ == "law":
            article_count += data.count('"label":')
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "counts": counts,
                "articles": article_count,
                "json_mb": round(size / 2**20, 1),
                "seconds": round(elapsed, 1),
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
