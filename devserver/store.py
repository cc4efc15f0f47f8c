"""SQLite storage of the reference server: the content change log, submissions, events.

One connection guarded by a lock: the dev server is a reference, not a load
balancer, and serialising its requests keeps every feed page and every
idempotency decision consistent without further thought.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL, id TEXT NOT NULL, op TEXT NOT NULL,
    version INTEGER NOT NULL, data TEXT
);
CREATE TABLE IF NOT EXISTS items (
    type TEXT NOT NULL, id TEXT NOT NULL,
    seq INTEGER NOT NULL, version INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (type, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_by_seq ON items (seq);
CREATE TABLE IF NOT EXISTS submissions (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    client_ref TEXT NOT NULL,
    tracking_no TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    canonical TEXT NOT NULL,
    receipt TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'received',
    phone TEXT NOT NULL,
    id_type TEXT,
    id_number TEXT,
    answer_text TEXT, answered_at TEXT, answered_by TEXT,
    rejection_reason TEXT,
    evaluated INTEGER NOT NULL DEFAULT 0,
    deliveries INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS submissions_by_ref ON submissions (kiosk_id, client_ref);
CREATE INDEX IF NOT EXISTS submissions_by_id_number ON submissions (id_number);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, body TEXT NOT NULL,
    received_at TEXT NOT NULL, times_received INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS heartbeats (
    n INTEGER PRIMARY KEY AUTOINCREMENT, kiosk_id TEXT NOT NULL, body TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS handoffs (
    token TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, context TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL
);
"""

CHANGE_COLUMNS = "seq, type, id, op, version, data"


@dataclass(frozen=True)
class ItemState:
    seq: int
    version: int
    deleted: bool


class Store:
    """All persistent state of one reference server, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._lock = threading.RLock()
        with self.transaction() as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            if self.meta_get("epoch", conn) is None:
                self.meta_set("epoch", secrets.token_hex(4), conn)
                self.meta_set("generation", "1", conn)

    # --- plumbing ------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """An IMMEDIATE transaction under the store's lock."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent read under the store's lock."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def meta_get(self, key: str, conn: sqlite3.Connection | None = None) -> str | None:
        with self._lock:
            row = (
                (conn or self._conn)
                .execute("SELECT value FROM meta WHERE key = ?", (key,))
                .fetchone()
            )
        return None if row is None else str(row[0])

    def meta_set(self, key: str, value: str, conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def renew_epoch(self) -> None:
        """Make every cursor handed out so far unknown (used when a database file is copied)."""
        with self.transaction() as conn:
            self.meta_set("epoch", secrets.token_hex(4), conn)

    # --- content -------------------------------------------------------------
    def item_state(self, conn: sqlite3.Connection, type_: str, id_: str) -> ItemState | None:
        row = conn.execute(
            "SELECT seq, version, deleted FROM items WHERE type = ? AND id = ?", (type_, id_)
        ).fetchone()
        return None if row is None else ItemState(row[0], row[1], bool(row[2]))

    def append_change(
        self,
        conn: sqlite3.Connection,
        type_: str,
        id_: str,
        op: str,
        version: int,
        data_json: str | None,
    ) -> int:
        """Append one change to the log and make it the item's current state unless stale."""
        cursor = conn.execute(
            "INSERT INTO changes (type, id, op, version, data) VALUES (?, ?, ?, ?, ?)",
            (type_, id_, op, version, data_json),
        )
        seq = int(cursor.lastrowid or 0)
        current = self.item_state(conn, type_, id_)
        # A change older than what the platform holds is logged (kiosks must ignore
        # it) but does not replace the current item a full sync hands out.
        if current is None or version >= current.version:
            conn.execute(
                "INSERT INTO items (type, id, seq, version, deleted) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (type, id) DO UPDATE SET seq = excluded.seq, "
                "version = excluded.version, deleted = excluded.deleted",
                (type_, id_, seq, version, 1 if op == "delete" else 0),
            )
        return seq

    def bulk_load(self, changes: Iterable[tuple[str, str, int, str]], batch: int = 5000) -> int:
        """Load upserts ``(type, id, version, data_json)`` into an empty feed, fast."""
        loaded = 0
        with self.transaction() as conn:
            next_seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])
            rows: list[tuple[int, str, str, int, str]] = []

            def flush() -> None:
                conn.executemany(
                    "INSERT INTO changes (seq, type, id, op, version, data) "
                    "VALUES (?, ?, ?, 'upsert', ?, ?)",
                    rows,
                )
                conn.executemany(
                    "INSERT INTO items (type, id, seq, version, deleted) VALUES (?, ?, ?, ?, 0) "
                    "ON CONFLICT (type, id) DO UPDATE SET seq = excluded.seq, "
                    "version = excluded.version, deleted = 0",
                    [(t, i, s, v) for s, t, i, v, _ in rows],
                )
                rows.clear()

            for type_, id_, version, data_json in changes:
                next_seq += 1
                rows.append((next_seq, type_, id_, version, data_json))
                loaded += 1
                if len(rows) >= batch:
                    flush()
            if rows:
                flush()
        return loaded

    def head_seq(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])

    def compact(self) -> int:
        """Drop superseded history; every incremental cursor handed out so far expires."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM changes WHERE seq NOT IN (SELECT seq FROM items)")
            generation = int(self.meta_get("generation", conn) or "1") + 1
            self.meta_set("generation", str(generation), conn)
            return self.head_seq(conn)

    def content_counts(self) -> dict[str, int]:
        with self.reading() as conn:
            rows = conn.execute(
                "SELECT type, COUNT(*) FROM items WHERE deleted = 0 GROUP BY type"
            ).fetchall()
        return {str(row[0]): int(row[1]) for row in rows}

    # --- generic JSON rows ---------------------------------------------------
    @staticmethod
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
