"""Writing the change feed into the local tables, and the read queries the screens need.

``apply_page`` applies one page of changes and stores its cursor in one
transaction, so a crash never skips or half-applies a page. Upserts carry the
whole object; one whose ``version`` is lower than the stored one is ignored
(an equal one is applied again, which leaves the same result). Deletes remove
the item, its article/penalty rows and its search-index rows. Search indexing
is pluggable (``ContentIndexer``) and runs inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from peewee import AutoField, Field, SqliteDatabase, fn

from offline_cache.models import (
    CONTENT_MODELS,
    Announcement,
    BaseModel,
    Case,
    ContentModel,
    Faq,
    FullSyncSeen,
    Guide,
    Institution,
    Law,
    LawArticle,
    Penalty,
    Practitioner,
    SyncState,
)

log = logging.getLogger(__name__)

CONTENT_TYPES: tuple[str, ...] = tuple(CONTENT_MODELS)
_INSERT_BATCH = 400  # rows per INSERT (SQLite's bound-variable limit is 32766)


class InvalidChange(ValueError):
    """A change that does not match the contract; it is skipped, never half-applied."""


class ContentIndexer(Protocol):
    """Keeps a search index in step with the content; called inside the store's transaction.

    An indexer may also offer ``bulk_index(items: list[tuple[str, str, dict]])``;
    the store then hands it each page's upserts at once, after removing any
    previous documents of those items with ``remove_item``.
    """

    def index_item(self, content_type: str, item_id: str, data: dict[str, Any]) -> None: ...

    def remove_item(self, content_type: str, item_id: str) -> None: ...

    def remove_all(self) -> None: ...


class NoIndexer:
    """The default indexer: no search index."""

    def index_item(self, content_type: str, item_id: str, data: dict[str, Any]) -> None:
        return None

    def remove_item(self, content_type: str, item_id: str) -> None:
        return None

    def remove_all(self) -> None:
        return None


@dataclass(frozen=True)
class ApplyResult:
    applied: int = 0
    ignored_older: int = 0
    deleted: int = 0
    invalid: int = 0


@dataclass(frozen=True)
class ContentItem:
    """One stored item: its contract object in ``data``."""

    type: str
    id: str
    version: int
    data: dict[str, Any]


@dataclass(frozen=True)
class Article:
    law_id: str
    no: int
    sub: int
    label: str
    headings: list[str]
    text: str
    position: int


@dataclass(frozen=True)
class LawDetail:
    id: str
    version: int
    title: str
    category: str
    status: str
    issuer: str | None
    promulgated_on: str | None
    effective_on: str | None
    articles: list[Article] = field(default_factory=list)


@dataclass(frozen=True)
class LawSummary:
    id: str
    title: str
    category: str
    status: str
    effective_on: str | None
    article_count: int


@dataclass(frozen=True)
class ItemPage:
    items: list[ContentItem]
    total: int


@dataclass(frozen=True)
class PenaltyRecord:
    date: str
    authority: str | None
    kind: str
    reason: str


def _text(data: Mapping[str, Any], key: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise InvalidChange(f"missing {key}")
        return None
    if not isinstance(value, str):
        raise InvalidChange(f"{key} must be text")
    return value


def _int_or_none(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidChange(f"{key} must be an integer")
    return value


def _str_list(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidChange(f"{key} must be a list of text")
    return value


def parse_timestamp(value: str) -> float:
    """RFC 3339 -> epoch seconds (a missing offset is read as UTC)."""
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise InvalidChange(f"bad timestamp {value[:40]!r}") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _validate_change(change: Any) -> tuple[str, str, str, int, dict[str, Any] | None]:
    if not isinstance(change, Mapping):
        raise InvalidChange("change is not an object")
    kind, item_id, op, version = (
        change.get("type"),
        change.get("id"),
        change.get("op"),
        change.get("version"),
    )
    if kind not in CONTENT_MODELS:
        raise InvalidChange(f"unknown content type {str(kind)[:20]!r}")
    if not isinstance(item_id, str) or not item_id or len(item_id) > 80:
        raise InvalidChange("bad id")
    if op not in ("upsert", "delete"):
        raise InvalidChange("bad op")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InvalidChange("bad version")
    data = change.get("data")
    if op == "upsert" and not isinstance(data, dict):
        raise InvalidChange("upsert without an object")
    return kind, item_id, op, version, data if op == "upsert" else None


@dataclass(frozen=True)
class _Upsert:
    """An upsert checked and turned into rows, waiting to be written."""

    kind: str
    item_id: str
    data: dict[str, Any]
    row: dict[str, Any]
    children: list[dict[str, Any]]


_INSERT_STATEMENTS: dict[type[BaseModel], tuple[str, list[Field]]] = {}


def _insert_statement(model: type[BaseModel]) -> tuple[str, list[Field]]:
    """A plain parameterised INSERT for ``model`` (peewee's query builder is the slow part
    of a full sync; the statement is built once and run with executemany)."""
    if model not in _INSERT_STATEMENTS:
        fields = [f for f in model._meta.sorted_fields if not isinstance(f, AutoField)]
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        marks = ", ".join("?" for _ in fields)
        table = model._meta.table_name
        _INSERT_STATEMENTS[model] = (f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', fields)
    return _INSERT_STATEMENTS[model]


class ContentStore:
    """The content tables of one database plus the feed cursor."""

    def __init__(self, database: SqliteDatabase, indexer: ContentIndexer | None = None):
        self.database = database
        self.indexer: ContentIndexer = indexer or NoIndexer()

    # ----------------------------------------------------------------- writing
    def apply_change(self, change: Mapping[str, Any]) -> ApplyResult:
        """Apply one change in its own transaction (no cursor is stored)."""
        with self.database.atomic():
            return self._apply_all([change], record_seen=False)

    def apply_page(
        self,
        changes: Sequence[Mapping[str, Any]],
        next_cursor: str | None,
        *,
        record_seen: bool = False,
    ) -> ApplyResult:
        """Apply a page and store ``next_cursor``: both or neither (one transaction).

        ``record_seen`` notes every upserted item as yielded by the full sync in
        progress (see ``finish_full_sync``).
        """
        with self.database.atomic():
            result = self._apply_all(changes, record_seen=record_seen)
            state = self._state_for_update()
            state.cursor = next_cursor
            state.pages_applied += 1
            state.changes_applied += len(changes)
            state.save()
        return result

    def apply_changes(self, changes: Iterable[Mapping[str, Any]]) -> ApplyResult:
        """Apply changes that come with no cursor (the bundled demo), in one transaction."""
        with self.database.atomic():
            return self._apply_all(list(changes), record_seen=False)

    def _apply_all(self, changes: Sequence[Mapping[str, Any]], record_seen: bool) -> ApplyResult:
        """Work out each item's final effect in memory, then write it in a few batches.

        Per item the rules are those of the feed, in order: a delete removes, an
        upsert replaces unless its version is lower than the item's current one
        (stored or earlier on the page). An invalid item is skipped as a whole.
        """
        ignored = invalid = 0
        parsed = []
        for change in changes:
            try:
                parsed.append(_validate_change(change))
            except InvalidChange as error:
                invalid += 1
                log.warning("skipped an invalid change: %s", error)
        stored = self._local_versions(parsed)
        current: dict[tuple[str, str], int | None] = dict(stored)
        effects: dict[tuple[str, str], _Upsert | None] = {}
        seen: dict[tuple[str, str], None] = {}
        for kind, item_id, op, version, data in parsed:
            key = (kind, item_id)
            if op == "delete":
                effects[key] = None
                current[key] = None
                continue
            assert data is not None
            if record_seen:
                seen[key] = None  # yielded by the full sync, whatever its version
            known = current.get(key)
            if known is not None and version < known:
                ignored += 1
                continue
            try:
                effects[key] = self._prepare_upsert(kind, item_id, version, data)
            except InvalidChange as error:
                invalid += 1
                log.warning("skipped invalid %s %s: %s", kind, item_id, error)
                continue
            current[key] = version
        replaced = [key for key in effects if key in stored]
        self._remove_rows(replaced)
        upserts = [effect for effect in effects.values() if effect is not None]
        self._insert_rows(upserts)
        # An indexer may index a whole page at once; every previous document of
        # these items was removed just above, so it only ever adds.
        bulk_index = getattr(self.indexer, "bulk_index", None)
        if callable(bulk_index):
            bulk_index([(effect.kind, effect.item_id, effect.data) for effect in upserts])
        else:
            for effect in upserts:
                self.indexer.index_item(effect.kind, effect.item_id, effect.data)
        if seen:
            self._executemany(
                'INSERT OR IGNORE INTO "full_sync_seen" ("type", "item_id") VALUES (?, ?)',
                list(seen),
            )
        deleted = sum(1 for key, effect in effects.items() if effect is None and key in stored)
        return ApplyResult(len(upserts), ignored, deleted, invalid)

    def _local_versions(
        self, parsed: Sequence[tuple[str, str, str, int, Any]]
    ) -> dict[tuple[str, str], int]:
        wanted: dict[str, set[str]] = {}
        for kind, item_id, *_ in parsed:
            wanted.setdefault(kind, set()).add(item_id)
        found: dict[tuple[str, str], int] = {}
        for kind, ids in wanted.items():
            model = CONTENT_MODELS[kind]
            id_list = list(ids)
            for start in range(0, len(id_list), _INSERT_BATCH):
                chunk = id_list[start : start + _INSERT_BATCH]
                query: Any = (
                    model.select(model.id, model.version).where(model.id.in_(chunk)).tuples()
                )
                for item_id, version in query:
                    found[(kind, item_id)] = version
        return found

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.database.cursor().executemany(sql, rows)

    def _remove_rows(self, keys: Sequence[tuple[str, str]]) -> None:
        """Delete items with their article/penalty rows and index entries, in batches."""
        by_kind: dict[str, list[str]] = {}
        for kind, item_id in keys:
            self.indexer.remove_item(kind, item_id)
            by_kind.setdefault(kind, []).append(item_id)
        for kind, ids in by_kind.items():
            model = CONTENT_MODELS[kind]
            for start in range(0, len(ids), _INSERT_BATCH):
                chunk = ids[start : start + _INSERT_BATCH]
                if kind == "law":
                    LawArticle.delete().where(LawArticle.law.in_(chunk)).execute()
                elif kind in ("practitioner", "institution"):
                    Penalty.delete().where(
                        (Penalty.owner_type == kind) & Penalty.owner_id.in_(chunk)
                    ).execute()
                model.delete().where(model.id.in_(chunk)).execute()

    def _delete(self, kind: str, item_id: str) -> bool:
        model = CONTENT_MODELS[kind]
        existed = model.select().where(model.id == item_id).exists()
        if existed:
            self._remove_rows([(kind, item_id)])
        return bool(existed)

    def _prepare_upsert(
        self, kind: str, item_id: str, version: int, data: dict[str, Any]
    ) -> _Upsert:
        """Validate an upsert and build its rows; nothing is written yet."""
        row = getattr(self, f"_row_{kind}")(data)
        stored = {k: v for k, v in data.items() if k != "articles"} if kind == "law" else data
        row.update(id=item_id, version=version, data=stored)
        children: list[dict[str, Any]] = []
        if kind == "law":
            children = self._article_rows_of(item_id, data)
        elif kind in ("practitioner", "institution"):
            children = self._penalty_rows_of(kind, item_id, data)
        return _Upsert(kind, item_id, data, row, children)

    def _insert_rows(self, upserts: Sequence[_Upsert]) -> None:
        by_model: dict[type[BaseModel], list[dict[str, Any]]] = {}
        for effect in upserts:
            by_model.setdefault(CONTENT_MODELS[effect.kind], []).append(effect.row)
            if effect.children:
                child_model = LawArticle if effect.kind == "law" else Penalty
                by_model.setdefault(child_model, []).extend(effect.children)
        # Items first: article rows refer to their law.
        for model in sorted(by_model, key=lambda m: m in (LawArticle, Penalty)):
            sql, fields = _insert_statement(model)
            self._executemany(
                sql,
                [tuple(f.db_value(row.get(f.name)) for f in fields) for row in by_model[model]],
            )

    def _article_rows_of(self, law_id: str, data: dict[str, Any]) -> list[dict[str, Any]]:
        rows = []
        for position, article in enumerate(data["articles"]):
            if not isinstance(article, dict):
                raise InvalidChange("article is not an object")
            no = _int_or_none(article, "no")
            if no is None or no < 0:
                raise InvalidChange("article without a number")
            rows.append(
                {
                    "law": law_id,
                    "no": no,
                    "sub": _int_or_none(article, "sub") or 0,
                    "label": _text(article, "label"),
                    "headings": _str_list(article, "headings"),
                    "text": _text(article, "text"),
                    "position": position,
                }
            )
        return rows

    def _penalty_rows_of(
        self, kind: str, owner_id: str, data: dict[str, Any]
    ) -> list[dict[str, Any]]:
        penalties = data.get("penalties") or []
        if not isinstance(penalties, list):
            raise InvalidChange("penalties must be a list")
        rows = []
        for penalty in penalties:
            if not isinstance(penalty, dict):
                raise InvalidChange("penalty is not an object")
            rows.append(
                {
                    "owner_type": kind,
                    "owner_id": owner_id,
                    "date": _text(penalty, "date"),
                    "authority": _text(penalty, "authority", False),
                    "kind": _text(penalty, "kind"),
                    "reason": _text(penalty, "reason"),
                }
            )
        return rows

    # Typed columns per content type; raise InvalidChange on a contract breach.
    def _row_law(self, data: dict[str, Any]) -> dict[str, Any]:
        articles = data.get("articles")
        if not isinstance(articles, list):
            raise InvalidChange("articles must be a list")
        return {
            "title": _text(data, "title"),
            "category": _text(data, "category"),
            "issuer": _text(data, "issuer", False),
            "promulgated_on": _text(data, "promulgated_on", False),
            "effective_on": _text(data, "effective_on", False),
            "status": _text(data, "status"),
            "article_count": len(articles),
        }

    def _row_practitioner(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": _text(data, "name"),
            "role": _text(data, "role"),
            "license_no": _text(data, "license_no"),
            "gender": _text(data, "gender", False),
            "institution_id": _text(data, "institution_id", False),
            "practice_since": _int_or_none(data, "practice_since"),
            "expertise": _str_list(data, "expertise"),
            "district": _text(data, "district", False),
            "status": _text(data, "status"),
            "penalty_count": len(data.get("penalties") or []),
        }

    def _row_institution(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": _text(data, "name"),
            "role": _text(data, "role"),
            "license_no": _text(data, "license_no", False),
            "district": _text(data, "district", False),
            "address": _text(data, "address", False),
            "phone": _text(data, "phone", False),
            "expertise": _str_list(data, "expertise"),
            "status": _text(data, "status"),
            "penalty_count": len(data.get("penalties") or []),
        }

    def _row_case(self, data: dict[str, Any]) -> dict[str, Any]:
        _text(data, "summary")
        return {
            "title": _text(data, "title"),
            "category": _text(data, "category"),
            "source": _text(data, "source", False),
            "published_on": _text(data, "published_on", False),
        }

    def _row_faq(self, data: dict[str, Any]) -> dict[str, Any]:
        _text(data, "answer")
        return {"question": _text(data, "question"), "category": _text(data, "category")}

    def _row_guide(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"title": _text(data, "title"), "service": _text(data, "service")}

    def _row_announcement(self, data: dict[str, Any]) -> dict[str, Any]:
        _text(data, "body")
        published = _text(data, "published_at")
        expires = _text(data, "expires_at", False)
        priority = _int_or_none(data, "priority") or 0
        assert published is not None
        return {
            "title": _text(data, "title"),
            "published_at": published,
            "expires_at": expires,
            "published_ts": parse_timestamp(published),
            "expires_ts": parse_timestamp(expires) if expires else None,
            "priority": priority,
        }

    # --------------------------------------------------------- full sync
    def _state_for_update(self) -> SyncState:
        state = SyncState.get_or_none(SyncState.id == 1)
        if state is None:
            state = SyncState.create(id=1)
        return state

    def begin_full_sync(self) -> None:
        """Forget the cursor and start noting the items a full sync yields."""
        with self.database.atomic():
            FullSyncSeen.delete().execute()
            state = self._state_for_update()
            state.cursor = None
            state.full_sync_in_progress = True
            state.save()

    def finish_full_sync(self, now: float) -> int:
        """Drop every item the finished full sync did not yield; returns how many."""
        removed = 0
        with self.database.atomic():
            for kind, model in CONTENT_MODELS.items():
                seen = FullSyncSeen.select(FullSyncSeen.item_id).where(FullSyncSeen.type == kind)
                unseen: Any = model.select(model.id).where(model.id.not_in(seen)).tuples()
                stale = [(kind, item_id) for (item_id,) in unseen]
                self._remove_rows(stale)
                removed += len(stale)
            FullSyncSeen.delete().execute()
            state = self._state_for_update()
            state.full_sync_in_progress = False
            state.demo_content = False
            state.last_full_sync_at = now
            state.save()
        if removed:
            log.info("full sync removed %d items the platform no longer has", removed)
        return removed

    def clear_content(self) -> None:
        """Remove every content item and the search index (used before a demo reload)."""
        with self.database.atomic():
            self.indexer.remove_all()
            LawArticle.delete().execute()
            Penalty.delete().execute()
            for model in CONTENT_MODELS.values():
                model.delete().execute()

    # ------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        figures = {kind: model.select().count() for kind, model in CONTENT_MODELS.items()}
        figures["article"] = LawArticle.select().count()
        return figures

    def is_empty(self) -> bool:
        return all(not model.select().exists() for model in CONTENT_MODELS.values())

    def iter_items(self) -> Iterator[ContentItem]:
        """Every stored item as the feed sent it (laws with their articles)."""
        for kind, model in CONTENT_MODELS.items():
            for (item_id,) in model.select(model.id).tuples().iterator():
                item = self.get_item(kind, item_id)
                if item is not None:
                    yield item

    def get_item(self, kind: str, item_id: str) -> ContentItem | None:
        model = CONTENT_MODELS.get(kind)
        if model is None:
            return None
        row = model.get_or_none(model.id == item_id)
        if row is None:
            return None
        data = dict(row.data)
        if kind == "law":
            data["articles"] = [
                {"no": a.no, "sub": a.sub, "label": a.label, "headings": a.headings, "text": a.text}
                for a in self._article_rows(item_id)
            ]
        return ContentItem(kind, row.id, row.version, data)

    def _article_rows(self, law_id: str) -> Iterable[LawArticle]:
        return LawArticle.select().where(LawArticle.law == law_id).order_by(LawArticle.position)

    @staticmethod
    def _article(row: LawArticle, law_id: str) -> Article:
        return Article(law_id, row.no, row.sub, row.label, row.headings, row.text, row.position)

    def get_law(self, law_id: str, with_articles: bool = True) -> LawDetail | None:
        law = Law.get_or_none(Law.id == law_id)
        if law is None:
            return None
        articles = (
            [self._article(a, law_id) for a in self._article_rows(law_id)] if with_articles else []
        )
        return LawDetail(
            law.id,
            law.version,
            law.title,
            law.category,
            law.status,
            law.issuer,
            law.promulgated_on,
            law.effective_on,
            articles,
        )

    def get_article(self, law_id: str, no: int, sub: int = 0) -> Article | None:
        row = (
            LawArticle.select()
            .where((LawArticle.law == law_id) & (LawArticle.no == no) & (LawArticle.sub == sub))
            .order_by(LawArticle.position)
            .first()
        )
        return self._article(row, law_id) if row else None

    def law_categories(self) -> list[tuple[str, int]]:
        query: Any = (
            Law.select(Law.category, fn.COUNT(Law.id))
            .group_by(Law.category)
            .order_by(fn.COUNT(Law.id).desc())
            .tuples()
        )
        return [(category, count) for category, count in query]

    def laws_by_category(self, category: str, limit: int = 50, offset: int = 0) -> list[LawSummary]:
        query = (
            Law.select(
                Law.id, Law.title, Law.category, Law.status, Law.effective_on, Law.article_count
            )
            .where(Law.category == category)
            .order_by(Law.title)
            .limit(limit)
            .offset(offset)
        )
        return [
            LawSummary(r.id, r.title, r.category, r.status, r.effective_on, r.article_count)
            for r in query
        ]

    def _people(
        self,
        model: type[Practitioner] | type[Institution],
        kind: str,
        role: str | None,
        district: str | None,
        expertise: str | None,
        status: str | None,
        limit: int,
        offset: int,
    ) -> ItemPage:
        query = model.select()
        if role:
            query = query.where(model.role == role)
        if district:
            query = query.where(model.district == district)
        if status:
            query = query.where(model.status == status)
        if expertise:
            # expertise is a JSON list of strings; match one whole element.
            needle = '"' + expertise.replace("\\", "\\\\").replace('"', '\\"') + '"'
            query = query.where(fn.instr(model.expertise, needle) > 0)
        total = query.count()
        rows = query.order_by(model.name, model.id).limit(limit).offset(offset)
        return ItemPage([ContentItem(kind, r.id, r.version, r.data) for r in rows], total)

    def practitioners(
        self,
        role: str | None = None,
        district: str | None = None,
        expertise: str | None = None,
        status: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> ItemPage:
        return self._people(
            Practitioner, "practitioner", role, district, expertise, status, limit, offset
        )

    def institutions(
        self,
        role: str | None = None,
        district: str | None = None,
        expertise: str | None = None,
        status: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> ItemPage:
        return self._people(
            Institution, "institution", role, district, expertise, status, limit, offset
        )

    def districts(self, kind: str = "practitioner") -> list[str]:
        model = Practitioner if kind == "practitioner" else Institution
        query = (
            model.select(model.district)
            .where(model.district.is_null(False))
            .distinct()
            .order_by(model.district)
        )
        return [str(r.district) for r in query]

    def practitioners_of_institution(self, institution_id: str) -> list[ContentItem]:
        rows = (
            Practitioner.select()
            .where(Practitioner.institution_id == institution_id)
            .order_by(Practitioner.name)
        )
        return [ContentItem("practitioner", r.id, r.version, r.data) for r in rows]

    def penalties(self, owner_type: str, owner_id: str) -> list[PenaltyRecord]:
        rows = (
            Penalty.select()
            .where((Penalty.owner_type == owner_type) & (Penalty.owner_id == owner_id))
            .order_by(Penalty.date.desc())
        )
        return [PenaltyRecord(r.date, r.authority, r.kind, r.reason) for r in rows]

    def _by_column(
        self, model: type[ContentModel], kind: str, column: Any, value: str | None, order: Any
    ) -> list[ContentItem]:
        query = model.select()
        if value is not None:
            query = query.where(column == value)
        return [ContentItem(kind, r.id, r.version, r.data) for r in query.order_by(order)]

    def cases(self, category: str | None = None) -> list[ContentItem]:
        return self._by_column(
            Case, "case", Case.category, category, Case.published_on.desc(nulls="LAST")
        )

    def faqs(self, category: str | None = None) -> list[ContentItem]:
        return self._by_column(Faq, "faq", Faq.category, category, Faq.id)

    def guides(self, service: str | None = None) -> list[ContentItem]:
        return self._by_column(Guide, "guide", Guide.service, service, Guide.id)

    def categories(self, kind: str) -> list[str]:
        model: Any = {"case": Case, "faq": Faq}[kind]
        return [
            r.category for r in model.select(model.category).distinct().order_by(model.category)
        ]

    def active_announcements(self, now: float, limit: int = 20) -> list[ContentItem]:
        """Published and not expired at ``now`` (epoch seconds), newest first."""
        query = (
            Announcement.select()
            .where(
                (Announcement.published_ts <= now)
                & (Announcement.expires_ts.is_null() | (Announcement.expires_ts > now))
            )
            .order_by(Announcement.published_ts.desc(), Announcement.priority.desc())
            .limit(limit)
        )
        return [ContentItem("announcement", r.id, r.version, r.data) for r in query]
