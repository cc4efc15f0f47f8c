"""What the lookup screens show: typed, immutable view models built from stored content.

Screens never see database rows or contract dictionaries; they get these.
Content stays in Chinese whatever the kiosk language (the labels of statuses and
roles are content too: they are what the citizen reads on the licence).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LAW_STATUS_LABELS = {
    "in_force": "现行有效",
    "amended": "已修改",
    "repealed": "已废止",
    "not_yet_effective": "尚未施行",
}
PRACTITIONER_ROLE_LABELS = {
    "lawyer": "律师",
    "notary": "公证员",
    "mediator": "人民调解员",
    "judicial_appraiser": "司法鉴定人",
    "legal_aid_worker": "法律援助人员",
    "grassroots_legal_worker": "基层法律服务工作者",
}
INSTITUTION_ROLE_LABELS = {
    "law_firm": "律师事务所",
    "notary_office": "公证机构",
    "mediation_committee": "人民调解委员会",
    "appraisal_institution": "司法鉴定机构",
    "legal_aid_center": "法律援助机构",
    "grassroots_legal_office": "基层法律服务所",
}
PRACTITIONER_STATUS_LABELS = {"practising": "执业", "suspended": "暂停执业", "revoked": "吊销"}
INSTITUTION_STATUS_LABELS = {"active": "正常", "suspended": "暂停执业", "closed": "已注销"}
GUIDE_SERVICES = (
    ("legal_aid", "法律援助"),
    ("notarization", "公证"),
    ("mediation", "人民调解"),
    ("judicial_appraisal", "司法鉴定"),
    ("lawyer_service", "律师服务"),
    ("qualification_exam", "法律职业资格考试"),
)
LAW_CATEGORIES = ("宪法", "法律", "行政法规", "司法解释", "地方性法规", "部门规章")


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def _texts(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


@dataclass(frozen=True)
class SearchResult:
    """One hit; ``snippet`` marks matches with 【】 (see :data:`HIGHLIGHT`)."""

    type: str
    id: str
    title: str
    snippet: str
    law_id: str = ""
    law_title: str = ""
    article_no: int | None = None
    article_sub: int = 0
    article_label: str = ""


HIGHLIGHT = ("【", "】")


@dataclass(frozen=True)
class LawRow:
    id: str
    title: str
    category: str
    status: str
    status_label: str
    effective_on: str
    article_count: int


@dataclass(frozen=True)
class TocEntry:
    """A heading (编/章/节) of a law: its depth and the first article under it."""

    level: int
    heading: str
    position: int


@dataclass(frozen=True)
class LawView:
    id: str
    title: str
    category: str
    status: str
    status_label: str
    issuer: str
    promulgated_on: str
    effective_on: str
    article_count: int
    toc: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class ArticleView:
    law_id: str
    law_title: str
    no: int
    sub: int
    label: str
    headings: tuple[str, ...]
    text: str
    position: int
    article_count: int

    @property
    def has_previous(self) -> bool:
        return self.position > 0

    @property
    def has_next(self) -> bool:
        return self.position + 1 < self.article_count


@dataclass(frozen=True)
class PenaltyView:
    date: str
    authority: str
    kind: str
    reason: str


@dataclass(frozen=True)
class PersonRow:
    """A practitioner or an institution in a list."""

    type: str  # practitioner | institution
    id: str
    name: str
    role_label: str
    status: str
    status_label: str
    district: str
    detail: str
    penalty_count: int


@dataclass(frozen=True)
class PractitionerCard:
    id: str
    name: str
    role_label: str
    license_no: str
    institution_id: str
    institution_name: str
    practice_since: int | None
    years_in_practice: int | None
    expertise: tuple[str, ...]
    district: str
    status: str
    status_label: str
    service_record: str
    photo_path: str
    penalties: tuple[PenaltyView, ...] = ()


@dataclass(frozen=True)
class InstitutionCard:
    id: str
    name: str
    role_label: str
    license_no: str
    address: str
    phone: str
    district: str
    expertise: tuple[str, ...]
    status: str
    status_label: str
    founded_on: str
    team: tuple[PersonRow, ...] = ()
    penalties: tuple[PenaltyView, ...] = ()


@dataclass(frozen=True)
class EntryRow:
    """A typical case or a Q&A in a list."""

    type: str  # case | faq
    id: str
    title: str
    category: str
    summary: str


@dataclass(frozen=True)
class EntryView:
    type: str
    id: str
    title: str
    category: str
    summary: str
    body: str
    source: str
    published_on: str


@dataclass(frozen=True)
class GuideView:
    id: str
    title: str
    service: str
    conditions: str
    materials: tuple[str, ...]
    steps: tuple[str, ...]
    time_limit: str
    fees: str
    window: str
    phone: str


@dataclass(frozen=True)
class AnnouncementView:
    id: str
    title: str
    body: str
    published_at: str
    published_on: str  # the date part, for display
    priority: int = 0


@dataclass(frozen=True)
class HallWindow:
    """A service window of the hall and the guides it handles."""

    window: str
    services: tuple[str, ...] = field(default_factory=tuple)


# --- builders from the contract's dictionaries --------------------------------------


def person_row(
    kind: str, item_id: str, data: Mapping[str, Any], institution: str = ""
) -> PersonRow:
    roles = PRACTITIONER_ROLE_LABELS if kind == "practitioner" else INSTITUTION_ROLE_LABELS
    statuses = PRACTITIONER_STATUS_LABELS if kind == "practitioner" else INSTITUTION_STATUS_LABELS
    role = _text(data, "role")
    status = _text(data, "status")
    district = _text(data, "district")
    expertise = "、".join(_texts(data, "expertise")[:4])
    if kind == "practitioner":
        parts = [roles.get(role, role), institution, district]
    else:
        parts = [roles.get(role, role), district]
    detail = " · ".join(p for p in parts if p)
    if expertise:
        detail = f"{detail}\n擅长：{expertise}" if detail else f"擅长：{expertise}"
    penalties = data.get("penalties")
    return PersonRow(
        kind,
        item_id,
        _text(data, "name"),
        roles.get(role, role),
        status,
        statuses.get(status, status),
        district,
        detail,
        len(penalties) if isinstance(penalties, list) else 0,
    )


def penalty_views(records: list[Any]) -> tuple[PenaltyView, ...]:
    return tuple(
        PenaltyView(r.date or "", r.authority or "", r.kind or "", r.reason or "") for r in records
    )


def practitioner_card(
    item_id: str,
    data: Mapping[str, Any],
    institution_name: str,
    penalties: tuple[PenaltyView, ...],
    today: dt.date,
    photo_path: str = "",
) -> PractitionerCard:
    since = data.get("practice_since")
    since_year = since if isinstance(since, int) and not isinstance(since, bool) else None
    years = max(0, today.year - since_year) if since_year else None
    role = _text(data, "role")
    status = _text(data, "status")
    return PractitionerCard(
        id=item_id,
        name=_text(data, "name"),
        role_label=PRACTITIONER_ROLE_LABELS.get(role, role),
        license_no=_text(data, "license_no"),
        institution_id=_text(data, "institution_id"),
        institution_name=institution_name,
        practice_since=since_year,
        years_in_practice=years,
        expertise=_texts(data, "expertise"),
        district=_text(data, "district"),
        status=status,
        status_label=PRACTITIONER_STATUS_LABELS.get(status, status),
        service_record=_text(data, "service_record"),
        photo_path=photo_path,
        penalties=penalties,
    )


def institution_card(
    item_id: str,
    data: Mapping[str, Any],
    team: tuple[PersonRow, ...],
    penalties: tuple[PenaltyView, ...],
) -> InstitutionCard:
    role = _text(data, "role")
    status = _text(data, "status")
    return InstitutionCard(
        id=item_id,
        name=_text(data, "name"),
        role_label=INSTITUTION_ROLE_LABELS.get(role, role),
        license_no=_text(data, "license_no"),
        address=_text(data, "address"),
        phone=_text(data, "phone"),
        district=_text(data, "district"),
        expertise=_texts(data, "expertise"),
        status=status,
        status_label=INSTITUTION_STATUS_LABELS.get(status, status),
        founded_on=_text(data, "founded_on"),
        team=team,
        penalties=penalties,
    )


def entry_row(kind: str, item_id: str, data: Mapping[str, Any]) -> EntryRow:
    if kind == "faq":
        return EntryRow(
            kind, item_id, _text(data, "question"), _text(data, "category"), _text(data, "answer")
        )
    return EntryRow(
        kind, item_id, _text(data, "title"), _text(data, "category"), _text(data, "summary")
    )


def entry_view(kind: str, item_id: str, data: Mapping[str, Any]) -> EntryView:
    if kind == "faq":
        return EntryView(
            kind,
            item_id,
            _text(data, "question"),
            _text(data, "category"),
            "",
            _text(data, "answer"),
            "",
            "",
        )
    return EntryView(
        kind,
        item_id,
        _text(data, "title"),
        _text(data, "category"),
        _text(data, "summary"),
        _text(data, "text"),
        _text(data, "source"),
        _text(data, "published_on"),
    )


def guide_view(item_id: str, data: Mapping[str, Any]) -> GuideView:
    return GuideView(
        id=item_id,
        title=_text(data, "title"),
        service=_text(data, "service"),
        conditions=_text(data, "conditions"),
        materials=_texts(data, "materials"),
        steps=_texts(data, "steps"),
        time_limit=_text(data, "time_limit"),
        fees=_text(data, "fees"),
        window=_text(data, "window"),
        phone=_text(data, "phone"),
    )


def announcement_view(item_id: str, data: Mapping[str, Any]) -> AnnouncementView:
    published = _text(data, "published_at")
    priority = data.get("priority")
    return AnnouncementView(
        item_id,
        _text(data, "title"),
        _text(data, "body"),
        published,
        published[:10],
        priority if isinstance(priority, int) and not isinstance(priority, bool) else 0,
    )


def toc_of(outline: list[Any]) -> tuple[TocEntry, ...]:
    """The headings of an outline (outermost first), each with its first article's position."""
    entries: list[TocEntry] = []
    current: tuple[str, ...] = ()
    for item in outline:
        headings = tuple(item.headings)
        if headings == current:
            continue
        # Headings that differ from the previous article's open a new section.
        same = 0
        while same < min(len(headings), len(current)) and headings[same] == current[same]:
            same += 1
        for level in range(same, len(headings)):
            entries.append(TocEntry(level, headings[level], item.position))
        current = headings
    return tuple(entries)


@dataclass(frozen=True)
class Respondent:
    """A practitioner or institution a complaint can be about, as the complaint form lists it."""

    kind: str  # practitioner | institution
    id: str
    name: str
    role: str  # 律师, 律师事务所, 公证处 …
    institution: str  # a practitioner's institution; "" for an institution
    district: str

    @property
    def description(self) -> str:
        """What tells two people of the same name apart: role, institution, district."""
        return " · ".join(p for p in (self.role, self.institution, self.district) if p)


def respondent(row: PersonRow, institution: str = "") -> Respondent:
    return Respondent(row.type, row.id, row.name, row.role_label, institution, row.district)
