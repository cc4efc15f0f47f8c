"""The local SQLite database: one file under ``storage.data_dir``, WAL mode.

Every model binds to ``database_proxy``; ``open_database`` points it at a real
file. Each thread that touches the database (the UI's services, the sync
worker) gets its own connection, which peewee does per thread by itself.
"""

from __future__ import annotations

from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

database_proxy = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # Wait for the other writer (sync worker vs. a submission) instead of failing.
    "busy_timeout": 10_000,
    # WAL + NORMAL survives power loss without corruption; a committed
    # transaction may be lost only at the OS level, never half-applied.
    "synchronous": "normal",
    "cache_size": -16_000,
    "temp_store": "memory",
}


def make_database(path: Path | str) -> SqliteDatabase:
    """A database object for ``path`` (created with its folder when missing)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)


def open_database(path: Path | str) -> SqliteDatabase:
    """Bind every model to the database of ``path`` and connect this thread.

    One process has one database object per file: opening the file that is
    already bound returns the same object, so a transaction begun through it
    and the models' queries always share this thread's connection (two objects
    on one file would mean two connections, and a write through one would wait
    for the other's open transaction).
    """
    current = database_proxy.obj
    if isinstance(current, SqliteDatabase) and _same_file(current.database, path):
        database = current
    else:
        database = make_database(path)
        database_proxy.initialize(database)
    database.connect(reuse_if_open=True)
    return database


def _same_file(bound: str, path: Path | str) -> bool:
    if str(path) == ":memory:" or bound == ":memory:":
        return False
    return Path(bound).resolve() == Path(path).resolve()
