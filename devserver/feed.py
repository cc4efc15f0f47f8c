"""The content change feed: opaque cursors and pages, per the contract's rules.

Two kinds of cursor, both opaque to the kiosk:
- a *full* cursor walks the current items ordered by the seq of their latest
  change (so an item updated meanwhile is met again later, never missed); it
  stays valid while the full sync runs, even across a compaction;
- an *incremental* cursor walks the change log after a seq. It carries the
  history generation: a compaction bumps it, so every incremental cursor handed
  out before answers 410 ``cursor_expired``.
Both carry the database's epoch, so cursors from another database are unknown.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass

from devserver.store import Store

CONTENT_TYPES = ("law", "practitioner", "institution", "case", "faq", "guide", "announcement")


class CursorExpired(Exception):
    """The cursor is unknown or older than the retained history (HTTP 410)."""


@dataclass(frozen=True)
class Cursor:
    full: bool
    epoch: str
    generation: int  # incremental cursors: the history generation they belong to
    snapshot: int  # full cursors: the head seq when the full sync started
    last: int  # the last seq the holder has seen

    def encode(self) -> str:
        if self.full:
            raw = f"f.{self.epoch}.{self.snapshot}.{self.last}"
        else:
            raw = f"i.{self.epoch}.{self.generation}.{self.last}"
        return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            padded = text + "=" * (-len(text) % 4)
            raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")
            kind, epoch, third, last = raw.split(".")
            if kind not in ("f", "i"):
                raise ValueError(kind)
            number, position = int(third), int(last)
        except (ValueError, UnicodeError, binascii.Error):
            raise CursorExpired("unknown cursor") from None
        if number < 0 or position < 0:
            raise CursorExpired("unknown cursor")
        if kind == "f":
            return cls(True, epoch, 0, number, position)
        return cls(False, epoch, number, 0, position)


@dataclass(frozen=True)
class Page:
    """One page, with the changes already serialised as JSON text."""

    changes_json: list[str]
    next_cursor: str
    has_more: bool

    def to_json(self) -> str:
        more = "true" if self.has_more else "false"
        return (
            '{"changes":['
            + ",".join(self.changes_json)
            + f'],"next_cursor":"{self.next_cursor}","has_more":{more}}}'
        )


def _change_json(row: Sequence[object]) -> str:
    seq, type_, id_, op, version, data = row
    return (
        f'{{"seq":{seq},"type":"{type_}","id":{Store.dumps(id_)},"op":"{op}",'
        f'"version":{version},"data":{data if data is not None else "null"}}}'
    )


def read_page(store: Store, since: str | None, limit: int, types: Sequence[str] | None) -> Page:
    """The page after ``since`` (a full sync from the start when None)."""
    type_filter = ""
    type_args: list[object] = []
    if types:
        type_filter = f" AND {{col}} IN ({','.join('?' * len(types))})"
        type_args = list(types)
    with store.reading() as conn:
        epoch = store.meta_get("epoch", conn) or ""
        generation = int(store.meta_get("generation", conn) or "1")
        head = store.head_seq(conn)
        if since is None:
            cursor = Cursor(True, epoch, 0, head, 0)
        else:
            cursor = Cursor.decode(since)
            if cursor.epoch != epoch or cursor.last > head:
                raise CursorExpired("unknown cursor")
            if not cursor.full and cursor.generation != generation:
                raise CursorExpired("history compacted past this cursor")
        if cursor.full:
            rows = conn.execute(
                "SELECT c.seq, c.type, c.id, c.op, c.version, c.data "
                "FROM items i JOIN changes c ON c.seq = i.seq "
                "WHERE i.seq > ? AND (i.deleted = 0 OR i.seq > ?)"
                + type_filter.format(col="i.type")
                + " ORDER BY i.seq LIMIT ?",
                [cursor.last, cursor.snapshot, *type_args, limit + 1],
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT seq, type, id, op, version, data FROM changes WHERE seq > ?"
                + type_filter.format(col="type")
                + " ORDER BY seq LIMIT ?",
                [cursor.last, *type_args, limit + 1],
            ).fetchall()
        has_more = len(rows) > limit
        rows = rows[:limit]
        if has_more:
            last = int(rows[-1][0])
            next_cursor = Cursor(cursor.full, epoch, generation, cursor.snapshot, last)
        else:
            # Caught up: hand out an incremental cursor at the head, so a change
            # appended later is the first thing the next pull yields.
            next_cursor = Cursor(False, epoch, generation, 0, head)
        return Page([_change_json(tuple(row)) for row in rows], next_cursor.encode(), has_more)
