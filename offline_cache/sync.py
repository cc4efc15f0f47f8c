"""The sync engine: content change feed, kiosk config, heartbeat, event upload.

``pull`` follows ``/content/changes`` page by page from the stored cursor;
each page and its ``next_cursor`` are applied in one transaction, so a kill at
any moment resumes without skipping or repeating a page. A pull without a
cursor (first run, after the bundled demo, ``--full``, or a 410
``cursor_expired``) is a full sync: every item it yields is noted in a
persisted table and, when the feed is exhausted, every local item it did not
yield is deleted. A full sync killed half-way resumes from its cursor with its
notes intact and cleans up correctly at its end.

The engine runs on whatever thread calls it (the kiosk's sync worker, the
CLI); it never touches the UI. ``state()`` is a snapshot for the UI and staff.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from offline_cache import events
from offline_cache.api_client import (
    CentralClient,
    CentralError,
    ConfigResult,
    CursorExpired,
    HeartbeatResult,
    MalformedResponse,
)
from offline_cache.content_store import ContentStore
from offline_cache.models import KioskConfigCache, SyncState
from offline_cache.outbox import outbox_counts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncProgress:
    """Reported after every applied page."""

    pages: int
    changes: int
    full: bool


@dataclass(frozen=True)
class PullResult:
    pages: int = 0
    changes: int = 0
    applied: int = 0
    ignored_older: int = 0
    deleted: int = 0
    invalid: int = 0
    full: bool = False
    removed_by_full_sync: int = 0


@dataclass(frozen=True)
class SyncStateSnapshot:
    """What the UI and the staff panel show about synchronisation."""

    cursor: str | None
    full_sync_in_progress: bool
    demo_content: bool
    last_success_at: dt.datetime | None
    last_attempt_at: dt.datetime | None
    last_full_sync_at: dt.datetime | None
    last_error: str | None
    item_counts: dict[str, int] = field(default_factory=dict)
    outbox_pending: int = 0
    outbox_in_flight: int = 0
    outbox_failed: int = 0
    outbox_delivered: int = 0
    outbox_auth_problem: bool = False
    events_pending: int = 0
    config_etag: str | None = None
    config_fetched_at: dt.datetime | None = None


def _moment(value: float | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromtimestamp(value, dt.UTC)


def _rfc3339(value: float | None) -> str | None:
    moment = _moment(value)
    return moment.isoformat(timespec="seconds") if moment else None


def read_sync_state(store: ContentStore) -> SyncStateSnapshot:
    """Where synchronisation stands, read without writing (safe from any thread)."""
    state = SyncState.get_or_none(SyncState.id == 1) or SyncState(id=1)
    counts = outbox_counts()
    config = KioskConfigCache.get_or_none(KioskConfigCache.id == 1)
    return SyncStateSnapshot(
        cursor=state.cursor,
        full_sync_in_progress=bool(state.full_sync_in_progress),
        demo_content=bool(state.demo_content),
        last_success_at=_moment(state.last_success_at),
        last_attempt_at=_moment(state.last_attempt_at),
        last_full_sync_at=_moment(state.last_full_sync_at),
        last_error=state.last_error,
        item_counts=store.counts(),
        outbox_pending=counts.pending,
        outbox_in_flight=counts.in_flight,
        outbox_failed=counts.failed,
        outbox_delivered=counts.delivered,
        outbox_auth_problem=counts.auth_problem,
        events_pending=events.pending_count(),
        config_etag=config.etag if config else None,
        config_fetched_at=_moment(config.fetched_at) if config else None,
    )


class SyncEngine:
    def __init__(
        self,
        client: CentralClient,
        store: ContentStore,
        clock: Callable[[], float] = time.time,
        page_size: int = 500,
        max_pages: int = 100_000,
    ):
        self.client = client
        self.store = store
        self.clock = clock
        self.page_size = page_size
        # A feed that never ends is a platform bug; stop rather than spin forever.
        self.max_pages = max_pages

    @property
    def database(self) -> Any:
        return self.store.database

    # ------------------------------------------------------------- state
    def _state(self) -> SyncState:
        state = SyncState.get_or_none(SyncState.id == 1)
        if state is None:
            with self.database.atomic():
                state = SyncState.get_or_none(SyncState.id == 1) or SyncState.create(id=1)
        return state

    def _record(self, **values: Any) -> None:
        with self.database.atomic():
            self._state()
            SyncState.update(**values).where(SyncState.id == 1).execute()

    def state(self) -> SyncStateSnapshot:
        return read_sync_state(self.store)

    # ------------------------------------------------------------- content
    def pull(
        self, full: bool = False, progress: Callable[[SyncProgress], None] | None = None
    ) -> PullResult:
        """Bring the content up to date; raises a ``CentralError`` (recorded) on failure."""
        self._record(last_attempt_at=self.clock())
        try:
            result = self._pull(full, progress)
        except CentralError as error:
            self._record(last_error=str(error)[:500])
            raise
        self._record(last_success_at=self.clock(), last_error=None)
        return result

    def _pull(self, full: bool, progress: Callable[[SyncProgress], None] | None) -> PullResult:
        state = self._state()
        in_full = bool(state.full_sync_in_progress)
        if (full and not in_full) or (state.cursor is None and not in_full):
            log.info("starting a full sync")
            self.store.begin_full_sync()
            in_full = True
        elif in_full:
            log.info("resuming the full sync in progress")
        cursor = self._state().cursor
        totals = {"pages": 0, "changes": 0, "applied": 0, "ignored": 0, "deleted": 0, "invalid": 0}
        restarted = False
        while True:
            try:
                page = self.client.changes(since=cursor, limit=self.page_size)
            except CursorExpired:
                if restarted or (in_full and cursor is None):
                    raise
                log.warning("change feed cursor expired; running a full sync")
                restarted = True
                self.store.begin_full_sync()
                in_full, cursor = True, None
                continue
            applied = self.store.apply_page(page.changes, page.next_cursor, record_seen=in_full)
            totals["pages"] += 1
            totals["changes"] += len(page.changes)
            totals["applied"] += applied.applied
            totals["ignored"] += applied.ignored_older
            totals["deleted"] += applied.deleted
            totals["invalid"] += applied.invalid
            if progress is not None:
                progress(SyncProgress(totals["pages"], totals["changes"], in_full))
            if not page.has_more:
                break
            if page.next_cursor == cursor and not page.changes:
                raise MalformedResponse("the change feed did not advance")
            if totals["pages"] >= self.max_pages:
                raise MalformedResponse(f"the change feed went on past {self.max_pages} pages")
            cursor = page.next_cursor
        removed = self.store.finish_full_sync(self.clock()) if in_full else 0
        return PullResult(
            pages=totals["pages"],
            changes=totals["changes"],
            applied=totals["applied"],
            ignored_older=totals["ignored"],
            deleted=totals["deleted"],
            invalid=totals["invalid"],
            full=in_full,
            removed_by_full_sync=removed,
        )

    # ------------------------------------------------------------- config
    def cached_config(self) -> dict[str, Any] | None:
        row = KioskConfigCache.get_or_none(KioskConfigCache.id == 1)
        return dict(row.config) if row else None

    def refresh_config(self) -> ConfigResult:
        """Fetch the kiosk's config unless unchanged (ETag); the cache keeps the last good one."""
        row = KioskConfigCache.get_or_none(KioskConfigCache.id == 1)
        result = self.client.get_config(row.etag if row else None)
        now = self.clock()
        with self.database.atomic():
            if result.not_modified and row is not None:
                KioskConfigCache.update(fetched_at=now).where(KioskConfigCache.id == 1).execute()
            elif result.config is not None:
                KioskConfigCache.replace(
                    id=1, etag=result.etag, config=result.config, fetched_at=now
                ).execute()
        return result

    def heartbeat(
        self,
        app_version: str,
        uptime_s: int,
        status: str = "in_service",
        devices: Mapping[str, str] | None = None,
    ) -> tuple[HeartbeatResult, bool]:
        """Report health; refetch the config when its ETag changed. Returns (answer, refetched)."""
        state = self._state()
        counts = outbox_counts()
        body: dict[str, Any] = {
            "app_version": app_version[:40],
            "status": status,
            "outbox_pending": counts.undelivered,
            "outbox_failed": counts.failed,
            "content_cursor": state.cursor,
            "last_pull_at": _rfc3339(state.last_success_at),
            "uptime_s": max(0, int(uptime_s)),
        }
        if devices:
            body["devices"] = dict(devices)
        answer = self.client.heartbeat(body)
        row = KioskConfigCache.get_or_none(KioskConfigCache.id == 1)
        refetched = False
        if row is None or row.etag != answer.config_etag:
            self.refresh_config()
            refetched = True
        return answer, refetched

    # ------------------------------------------------------------- events
    def upload_events(self, max_batches: int = 20) -> int:
        """Upload queued events in batches of at most 500; returns how many were accepted."""
        sent = 0
        for _ in range(max_batches):
            batch = events.pending_batch(events.MAX_BATCH)
            if not batch:
                break
            self.client.post_events(batch)
            with self.database.atomic():
                events.forget([event["id"] for event in batch])
            sent += len(batch)
        return sent
