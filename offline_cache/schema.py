"""Schema versions of the local database: ``PRAGMA user_version`` plus ordered migrations.

A new database gets every table of the current models and the current
version. An older one is upgraded step by step, each step in its own
transaction, so an upgraded kiosk keeps its content, its queued submissions and
its sync cursor. A database written by a newer kiosk is refused rather than
damaged. Nothing slow (pinyin, index rebuilds) runs here: derived data is
computed when content is written.

To change the schema: change the models, add ``_migrate_to_<N>`` below and
register it in ``MIGRATIONS``, bump ``SCHEMA_VERSION``, and keep the previous
version's DDL under ``offline_cache/schema_ddl/`` for the migration test.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from peewee import BooleanField, SqliteDatabase
from playhouse.migrate import SqliteMigrator, migrate

from offline_cache import models

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
DDL_DIR = Path(__file__).resolve().parent / "schema_ddl"


class SchemaError(RuntimeError):
    """The database cannot be used by this version of the kiosk."""


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _set_version(db: SqliteDatabase, version: int) -> None:
    # PRAGMA takes no bound parameters; ``version`` is always our own int.
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def _has_tables(db: SqliteDatabase) -> bool:
    return bool(db.get_tables())


def _migrate_to_2(db: SqliteDatabase) -> None:
    """v2: full syncs that survive a kill, demo content marker, 401 flag on outbox rows."""
    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("sync_state", "demo_content", BooleanField(default=False)),
        migrator.add_column("outbox_entry", "auth_problem", BooleanField(default=False)),
    )
    db.create_tables([models.FullSyncSeen])


MIGRATIONS: dict[int, Callable[[SqliteDatabase], None]] = {2: _migrate_to_2}


def ensure_schema(db: SqliteDatabase) -> int:
    """Create or upgrade the schema of ``db``; returns the version it had before."""
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {found} is newer than this kiosk's ({SCHEMA_VERSION}); "
            "install the newer kiosk version or restore a backup"
        )
    if found == 0 and not _has_tables(db):
        with db.atomic():
            db.create_tables(models.ALL_MODELS)
            _set_version(db, SCHEMA_VERSION)
        log.info("created database schema version %d", SCHEMA_VERSION)
        return 0
    if found == 0:
        raise SchemaError("database has tables but no schema version; it is not a kiosk database")
    for target in range(found + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            _set_version(db, target)
        log.info("migrated database schema to version %d", target)
    # Tables added by later versions and not yet created by a migration (defensive).
    db.create_tables(models.ALL_MODELS, safe=True)
    return found


def ddl_of_version(version: int) -> str:
    """The recorded DDL of an earlier schema version (used by the migration test)."""
    return (DDL_DIR / f"v{version}.sql").read_text(encoding="utf-8")
