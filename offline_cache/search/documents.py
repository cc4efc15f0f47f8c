"""Contract objects (the ``data`` of a change) -> rows of ``search_document``.

Pure functions: what each content type contributes to title, headings and body.
Feed data is trusted to follow the contract, but a missing or odd field only
leaves that part of the document empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from offline_cache.search.pinyin import pinyin_of

PRACTITIONER_ROLES = {
    "lawyer": "律师",
    "notary": "公证员",
    "mediator": "人民调解员",
    "judicial_appraiser": "司法鉴定人",
    "legal_aid_worker": "法律援助工作者",
    "grassroots_legal_worker": "基层法律服务工作者",
}
INSTITUTION_ROLES = {
    "law_firm": "律师事务所",
    "notary_office": "公证处",
    "mediation_committee": "人民调解委员会",
    "appraisal_institution": "司法鉴定机构",
    "legal_aid_center": "法律援助中心",
    "grassroots_legal_office": "基层法律服务所",
}
GUIDE_SERVICES = {
    "legal_aid": "法律援助",
    "notarization": "公证",
    "mediation": "人民调解",
    "judicial_appraisal": "司法鉴定",
    "lawyer_service": "律师服务",
    "qualification_exam": "法律职业资格考试",
    "other": "其他服务",
}
_COUNTRY_PREFIX = "中华人民共和国"


@dataclass
class DocumentRow:
    content_type: str
    item_id: str
    title: str
    headings: str = ""
    body: str = ""
    article_no: int | None = None
    article_sub: int | None = None
    article_label: str | None = None
    license_no: str | None = None
    role: str | None = None
    district: str | None = None
    pinyin_full: str | None = None
    pinyin_initials: str | None = None


@dataclass
class LawRow:
    law_id: str
    title: str
    short_title: str
    pinyin_full: str
    pinyin_initials: str
    status: str


@dataclass
class IndexedItem:
    documents: list[DocumentRow] = field(default_factory=list)
    law: LawRow | None = None


def short_law_title(title: str) -> str:
    """民法典 for 中华人民共和国民法典: how citizens and the source name a law."""
    title = title.strip()
    if title.startswith(_COUNTRY_PREFIX) and len(title) > len(_COUNTRY_PREFIX) + 1:
        return title[len(_COUNTRY_PREFIX) :]
    return title


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(_text(v) for v in value if v is not None)
    return str(value)


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def documents_for(content_type: str, item_id: str, data: dict[str, Any]) -> IndexedItem:
    """What one content item puts into the index."""
    builder = _BUILDERS.get(content_type)
    if builder is None or not isinstance(data, dict):
        return IndexedItem()
    return builder(item_id, data)


def _law(item_id: str, data: dict[str, Any]) -> IndexedItem:
    title = _text(data.get("title")).strip()
    short = short_law_title(title)
    full, initials = pinyin_of(short)
    item = IndexedItem(
        law=LawRow(item_id, title, short, full, initials, _text(data.get("status")) or "in_force")
    )
    articles = data.get("articles") or []
    for article in articles if isinstance(articles, list) else []:
        if not isinstance(article, dict):
            continue
        number = _int(article.get("no"))
        sub = _int(article.get("sub"))
        item.documents.append(
            DocumentRow(
                content_type="law",
                item_id=item_id,
                title=title,
                headings=" ".join(_text(h) for h in article.get("headings") or []),
                body=_text(article.get("text")),
                article_no=number,
                article_sub=sub,
                article_label=_text(article.get("label")) or f"第{number}条",
            )
        )
    return item


def _person_or_institution(content_type: str, roles: dict[str, str]) -> Any:
    def build(item_id: str, data: dict[str, Any]) -> IndexedItem:
        name = _text(data.get("name")).strip()
        role = _text(data.get("role"))
        district = _text(data.get("district")) or None
        expertise = [_text(e) for e in data.get("expertise") or [] if e]
        full, initials = pinyin_of(name)
        headings = " ".join(x for x in (roles.get(role, ""), district or "", *expertise) if x)
        body = "\n".join(
            x for x in (_text(data.get("service_record")), _text(data.get("address"))) if x
        )
        license_no = _text(data.get("license_no")).strip().lower() or None
        return IndexedItem(
            documents=[
                DocumentRow(
                    content_type=content_type,
                    item_id=item_id,
                    title=name,
                    headings=headings,
                    body=body,
                    license_no=license_no,
                    role=role or None,
                    district=district,
                    pinyin_full=full or None,
                    pinyin_initials=initials or None,
                )
            ]
        )

    return build


def _case(item_id: str, data: dict[str, Any]) -> IndexedItem:
    headings = " ".join(x for x in (_text(data.get("category")), _text(data.get("source"))) if x)
    body = "\n".join(x for x in (_text(data.get("summary")), _text(data.get("text"))) if x)
    return _single("case", item_id, _text(data.get("title")), headings, body)


def _faq(item_id: str, data: dict[str, Any]) -> IndexedItem:
    return _single(
        "faq",
        item_id,
        _text(data.get("question")),
        _text(data.get("category")),
        _text(data.get("answer")),
    )


def _guide(item_id: str, data: dict[str, Any]) -> IndexedItem:
    service = GUIDE_SERVICES.get(_text(data.get("service")), "")
    headings = " ".join(x for x in (service, _text(data.get("window"))) if x)
    body = "\n".join(
        x
        for x in (
            _text(data.get("conditions")),
            _text(data.get("materials")),
            _text(data.get("steps")),
            _text(data.get("time_limit")),
            _text(data.get("fees")),
        )
        if x
    )
    return _single("guide", item_id, _text(data.get("title")), headings, body)


def _announcement(item_id: str, data: dict[str, Any]) -> IndexedItem:
    return _single("announcement", item_id, _text(data.get("title")), "", _text(data.get("body")))


def _single(content_type: str, item_id: str, title: str, headings: str, body: str) -> IndexedItem:
    return IndexedItem(
        documents=[DocumentRow(content_type, item_id, title.strip(), headings, body)]
    )


_BUILDERS = {
    "law": _law,
    "practitioner": _person_or_institution("practitioner", PRACTITIONER_ROLES),
    "institution": _person_or_institution("institution", INSTITUTION_ROLES),
    "case": _case,
    "faq": _faq,
    "guide": _guide,
    "announcement": _announcement,
}
