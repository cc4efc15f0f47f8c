"""Staff mode and fleet operation as one bundle in ``Services.staff``.

Built at start-up without touching the network or the database: the audit log
buffers until the database is open, and the heartbeat starts after Home is
shown (``Services.after_ready``), and only when a central platform is configured.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.heartbeat import HeartbeatService
from kiosk.maintenance import MaintenanceMode
from kiosk.secret_store import SecretStore
from kiosk.staff.access import StaffAccess
from kiosk.staff.audit import AuditLog, EventSink, QueuedEventSink
from kiosk.staff.session import StaffSession

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class StaffServices:
    settings: Settings
    audit: AuditLog
    access: StaffAccess
    session: StaffSession
    maintenance: MaintenanceMode
    heartbeat: HeartbeatService | None = None
    engine: Any = None
    """The sync engine (``offline_cache.sync.SyncEngine``) once the database is open."""
    started_at: float = field(default_factory=time.monotonic)

    @property
    def version(self) -> str:
        return __version__

    def status(self) -> str:
        """The heartbeat's status field."""
        return "maintenance" if self.maintenance.active else "in_service"


def build_staff_services(settings: Settings, sink: EventSink | None = None) -> StaffServices:
    audit_log = AuditLog(sink or QueuedEventSink())
    store = SecretStore(settings.secret_file)
    return StaffServices(
        settings=settings,
        audit=audit_log,
        access=StaffAccess(store, audit_log),
        session=StaffSession(audit_log, settings["staff.idle_timeout_s"]),
        maintenance=MaintenanceMode(settings.data_dir / "maintenance.json", audit_log),
    )


def start_fleet_services(services: Services) -> None:
    """Open the database if nobody has yet, and start the heartbeat (after Home is shown)."""
    staff: StaffServices = services.staff
    settings = services.settings
    from offline_cache.db import open_database
    from offline_cache.schema import ensure_schema

    database = open_database(settings.database_path)
    ensure_schema(database)
    if services.handoff is not None:
        services.handoff.set_static_url_template(cached_static_url_template)
    if not settings.has_central:
        return
    from kiosk.central import build_client
    from kiosk.sync_service import SyncService
    from offline_cache.content_store import ContentStore
    from offline_cache.search import SearchIndex
    from offline_cache.sync import SyncEngine

    client = build_client(settings)
    index = SearchIndex()
    staff.engine = SyncEngine(
        client, ContentStore(database, index), page_size=settings["sync.page_size"]
    )
    if services.sync is None:
        services.sync = SyncService.from_settings(settings, database, index, services.connectivity)
        services.on_shutdown(services.sync.stop)
        _start_sync_when_content_ready(services)
    heartbeat = HeartbeatService(
        staff.engine,
        __version__,
        settings["heartbeat.interval_s"],
        status=staff.status,
        devices=lambda: device_health(services),
    )
    heartbeat.config_received.connect(staff.maintenance.apply_config)
    heartbeat.reachability_changed.connect(services.connectivity.set_online)
    staff.heartbeat = heartbeat
    if services.handoff is not None:
        services.handoff.set_minter(client)
    heartbeat.start()
    services.on_shutdown(heartbeat.stop)


def _start_sync_when_content_ready(services: Services) -> None:
    """Pull only once the content service has opened (and maybe re-indexed) the database."""
    content = services.content
    if content is not None and hasattr(content, "ready") and not content.is_ready:
        content.ready.connect(services.sync.start)
    else:
        services.sync.start()


def cached_static_url_template() -> str | None:
    """``miniprogram.static_url_template`` of the last kiosk config the platform sent."""
    from offline_cache.models import KioskConfigCache

    row = KioskConfigCache.get_or_none(KioskConfigCache.id == 1)
    config = row.config if row is not None else None
    section = config.get("miniprogram") if isinstance(config, dict) else None
    template = section.get("static_url_template") if isinstance(section, dict) else None
    return template if isinstance(template, str) and template else None


def device_health(services: Services) -> dict[str, str]:
    """``ok`` / ``absent`` / ``error`` per device, as the heartbeat contract wants."""
    found: dict[str, str] = {}
    for name in ("idcard", "speech"):
        device = getattr(services, name, None)
        if device is None:
            found[name] = "absent"
            continue
        try:
            health = getattr(device, "health", "ok")
            health = health() if callable(health) else health
        except Exception:
            log.exception("health of %s failed", name)
            health = "error"
        value = getattr(health, "value", health)
        found[name] = value if value in ("ok", "absent", "error") else "error"
    return found
