"""Tables of the local database: the content of the change feed, sync state, outbox, events.

Each content table keeps the typed columns that lists and filters need plus the
whole contract object in ``data`` (JSON text), so a screen can show any field
without a schema change. A law's articles live in their own rows
(``LawArticle``); the law's ``data`` holds everything but the article list.
Every model binds to ``offline_cache.db.database_proxy``.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from offline_cache.db import database_proxy


class JSONTextField(TextField):
    """JSON stored as UTF-8 text (Chinese kept readable, half the size of \\u escapes)."""

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def python_value(self, value: Any) -> Any:
        if value is None:
            return None
        return json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class ContentModel(BaseModel):
    """Common columns of every content item of the feed."""

    id = CharField(primary_key=True, max_length=80)
    version = IntegerField()
    data = JSONTextField()


class Law(ContentModel):
    title = TextField(index=True)
    category = CharField(max_length=40, index=True)
    issuer = TextField(null=True)
    promulgated_on = CharField(max_length=10, null=True)
    effective_on = CharField(max_length=10, null=True)
    status = CharField(max_length=20)
    article_count = IntegerField(default=0)


class LawArticle(BaseModel):
    id = AutoField()
    law = ForeignKeyField(Law, backref="articles", on_delete="CASCADE", index=False)
    no = IntegerField()
    sub = IntegerField(default=0)
    label = CharField(max_length=40)
    headings = JSONTextField(default=list)
    text = TextField()
    position = IntegerField()

    class Meta:
        indexes = ((("law", "no", "sub"), False), (("law", "position"), False))


class Practitioner(ContentModel):
    name = CharField(max_length=100, index=True)
    role = CharField(max_length=40)
    license_no = CharField(max_length=80, index=True)
    gender = CharField(max_length=10, null=True)
    institution_id = CharField(max_length=80, null=True, index=True)
    practice_since = IntegerField(null=True)
    expertise = JSONTextField(default=list)
    district = CharField(max_length=60, null=True)
    status = CharField(max_length=20)
    penalty_count = IntegerField(default=0)

    class Meta:
        indexes = ((("role", "district", "status"), False),)


class Institution(ContentModel):
    name = TextField(index=True)
    role = CharField(max_length=40)
    license_no = CharField(max_length=80, null=True, index=True)
    district = CharField(max_length=60, null=True)
    address = TextField(null=True)
    phone = CharField(max_length=40, null=True)
    expertise = JSONTextField(default=list)
    status = CharField(max_length=20)
    penalty_count = IntegerField(default=0)

    class Meta:
        indexes = ((("role", "district", "status"), False),)


class Penalty(BaseModel):
    """A disciplinary record of a practitioner or an institution (public, from the feed)."""

    id = AutoField()
    owner_type = CharField(max_length=20)
    owner_id = CharField(max_length=80)
    date = CharField(max_length=10)
    authority = TextField(null=True)
    kind = CharField(max_length=40)
    reason = TextField()

    class Meta:
        indexes = ((("owner_type", "owner_id"), False),)


class Case(ContentModel):
    title = TextField()
    category = CharField(max_length=40, index=True)
    source = TextField(null=True)
    published_on = CharField(max_length=10, null=True)


class Faq(ContentModel):
    question = TextField()
    category = CharField(max_length=40, index=True)


class Guide(ContentModel):
    title = TextField()
    service = CharField(max_length=40, index=True)


class Announcement(ContentModel):
    title = TextField()
    published_at = CharField(max_length=40)
    expires_at = CharField(max_length=40, null=True)
    # Epoch seconds of the two timestamps above, for "active, newest first" queries.
    published_ts = FloatField(index=True)
    expires_ts = FloatField(null=True)
    priority = IntegerField(default=0)


CONTENT_MODELS: dict[str, type[ContentModel]] = {
    "law": Law,
    "practitioner": Practitioner,
    "institution": Institution,
    "case": Case,
    "faq": Faq,
    "guide": Guide,
    "announcement": Announcement,
}


class SyncState(BaseModel):
    """One row (id 1): where the change feed stands and how the last pulls went."""

    id = IntegerField(primary_key=True, default=1)
    cursor = CharField(max_length=200, null=True)
    full_sync_in_progress = BooleanField(default=False)
    # True while the content is the bundled demo: the first central pull must replace it.
    demo_content = BooleanField(default=False)
    last_success_at = FloatField(null=True)
    last_attempt_at = FloatField(null=True)
    last_error = TextField(null=True)
    last_full_sync_at = FloatField(null=True)
    pages_applied = IntegerField(default=0)
    changes_applied = IntegerField(default=0)


class FullSyncSeen(BaseModel):
    """Items yielded by the full sync in progress; persisted so a killed full sync resumes."""

    type = CharField(max_length=20)
    item_id = CharField(max_length=80)

    class Meta:
        primary_key = CompositeKey("type", "item_id")
        without_rowid = True


class KioskConfigCache(BaseModel):
    """The last configuration fetched from the platform (id 1) and its ETag."""

    id = IntegerField(primary_key=True, default=1)
    etag = CharField(max_length=200, null=True)
    config = JSONTextField()
    fetched_at = FloatField()


class Submission(BaseModel):
    """A citizen's submission; the personal part is encrypted and purged after delivery.

    What stays after delivery is a receipt without personal data: the ids,
    the kind, the subject line, the tracking number and the times.
    """

    id = AutoField()
    client_id = CharField(max_length=36, unique=True)
    client_ref = CharField(max_length=40, unique=True)
    kind = CharField(max_length=20)
    language = CharField(max_length=5)
    subject = TextField(null=True)
    created_at = CharField(max_length=40)
    # AES-GCM(nonce || ciphertext) of the exact request body; NULL once delivered.
    sealed_body = BlobField(null=True)
    tracking_no = CharField(max_length=64, null=True)
    delivered_at = FloatField(null=True)
    purged_at = FloatField(null=True)


class OutboxEntry(BaseModel):
    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    DELIVERED = "delivered"
    FAILED = "failed"

    id = AutoField()
    submission = ForeignKeyField(Submission, unique=True, on_delete="CASCADE")
    status = CharField(max_length=12, default=PENDING, index=True)
    attempts = IntegerField(default=0)
    next_attempt_at = FloatField(default=0.0)
    last_error = TextField(null=True)
    last_status = IntegerField(null=True)
    auth_problem = BooleanField(default=False)
    updated_at = FloatField()


class EventQueue(BaseModel):
    """Anonymous usage events waiting for upload to ``POST /events``."""

    id = CharField(primary_key=True, max_length=36)
    type = CharField(max_length=40)
    at = CharField(max_length=40)
    data = JSONTextField(null=True)
    queued_at = FloatField(index=True)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Law,
    LawArticle,
    Practitioner,
    Institution,
    Penalty,
    Case,
    Faq,
    Guide,
    Announcement,
    SyncState,
    FullSyncSeen,
    KioskConfigCache,
    Submission,
    OutboxEntry,
    EventQueue,
)
