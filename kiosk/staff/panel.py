"""What the staff panel shows and does, without widgets.

``snapshot()`` gathers the facts (cheap, local only: no network call on the UI
thread); the actions (sync now, tests, settings, out of service, restart, exit)
each record an audit event. Slow work runs in a thread and reports back through
signals on the UI thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.logging_setup import recent_log_lines
from kiosk.pii import mask_text
from kiosk.settings import SettingsError
from kiosk.staff.overrides import save_override

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.staff.services import StaffServices

log = logging.getLogger(__name__)

# Exit codes the systemd unit understands (deploy/legal-kiosk.service).
EXIT_RESTART = 75  # restarted by Restart=always
EXIT_TO_DESKTOP = 64  # RestartPreventExitStatus=64: stays stopped until staff start it


@dataclass(frozen=True)
class DeviceFacts:
    name: str
    health: str
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PanelSnapshot:
    kiosk_id: str
    version: str
    central_configured: bool
    reachable: bool | None
    last_heartbeat_at: dt.datetime | None
    sync: Any  # offline_cache.sync.SyncStateSnapshot or None
    failed_outbox: list[Any]
    devices: list[DeviceFacts]
    disk_free_bytes: int
    database_bytes: int
    log_lines: list[str]
    settings: dict[str, Any]
    out_of_service: bool
    out_of_service_source: str | None


class StaffPanel(QObject):
    sync_progressed = Signal(int, int)  # pages, changes
    sync_finished = Signal(bool, str)  # ok, short message
    _sync_progress = Signal(int, int)
    _sync_done = Signal(bool, str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.syncing = False
        self._sync_progress.connect(self.sync_progressed)
        self._sync_done.connect(self._on_sync_done)
        self._listening = False

    @property
    def staff(self) -> StaffServices:
        staff: StaffServices = self.services.staff
        return staff

    # --- facts ------------------------------------------------------------------
    def snapshot(self, log_count: int = 40) -> PanelSnapshot:
        settings = self.services.settings
        staff = self.staff
        sync_state = None
        failed: list[Any] = []
        if staff.engine is not None:
            try:
                sync_state = staff.engine.state()
            except Exception:
                log.exception("reading the sync state failed")
        failed = self._failed_outbox()
        heartbeat = staff.heartbeat
        last_beat = heartbeat.last_beat_at if heartbeat is not None else None
        data_dir = settings.data_dir
        try:
            disk_free = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.anchor).free
        except OSError:
            disk_free = 0
        database_bytes = sum(
            path.stat().st_size
            for path in (
                settings.database_path,
                settings.database_path.with_name(settings.database_path.name + "-wal"),
            )
            if path.exists()
        )
        notice = staff.maintenance.notice()
        return PanelSnapshot(
            kiosk_id=settings["kiosk.id"],
            version=staff.version,
            central_configured=settings.has_central,
            reachable=heartbeat.reachable if heartbeat is not None else None,
            last_heartbeat_at=dt.datetime.fromtimestamp(last_beat) if last_beat else None,
            sync=sync_state,
            failed_outbox=failed,
            devices=self.devices(),
            disk_free_bytes=disk_free,
            database_bytes=database_bytes,
            # Written masked already; masked again in case an old line slipped through.
            log_lines=[mask_text(line) for line in recent_log_lines(settings.log_dir, log_count)],
            settings={
                key: settings[key]
                for key in ("session.idle_timeout_s", "idcard.port", "speech.volume")
            },
            out_of_service=notice.active,
            out_of_service_source=notice.source,
        )

    def devices(self) -> list[DeviceFacts]:
        settings = self.services.settings
        facts = []
        reader = self.services.idcard
        reader_detail = {"port": settings["idcard.port"] or "simulator"}
        reader_health = "absent"
        if reader is not None:
            reader_health = _health(reader)
            last = getattr(reader, "last_read_at", None)
            last = last() if callable(last) else last
            reader_detail["last_read"] = last.astimezone().strftime("%H:%M:%S") if last else "—"
        facts.append(DeviceFacts("idcard", reader_health, reader_detail))
        speech = self.services.speech
        speech_detail = {}
        speech_health = "absent"
        if speech is not None:
            speech_health = _health(speech)
            for attribute in ("engine_name", "voice"):
                value = getattr(speech, attribute, None)
                value = value() if callable(value) else value
                if value:
                    speech_detail[attribute] = str(value)
        facts.append(DeviceFacts("speech", speech_health, speech_detail))
        return facts

    def _failed_outbox(self) -> list[Any]:
        outbox = self._outbox()
        if outbox is None:
            return []
        try:
            return list(outbox.failed_entries())
        except Exception:
            log.exception("reading failed outbox entries failed")
            return []

    def _outbox(self) -> Any:
        from offline_cache.db import database_proxy

        if database_proxy.obj is None:
            return None
        from kiosk.secret_store import SecretStore
        from offline_cache.outbox import Outbox

        key = SecretStore(self.services.settings.secret_file).key()
        return Outbox(database_proxy.obj, key)

    # --- actions ----------------------------------------------------------------
    def sync_now(self) -> bool:
        """Ask the background sync for a round at once; False if not possible now."""
        self.staff.audit.action("sync_now")
        sync = self.services.sync
        if sync is None or self.syncing:
            return False
        self.syncing = True
        if not self._listening:
            sync.progressed.connect(self._sync_progress)
            sync.round_finished.connect(self._on_round_finished)
            self._listening = True
        sync.sync_now()
        if self.staff.heartbeat is not None:
            self.staff.heartbeat.beat_now()
        return True

    def _on_round_finished(self, summary: object) -> None:
        if not self.syncing:
            return  # a scheduled round, not the one staff asked for
        ok = bool(getattr(summary, "ok", False))
        message = (
            str(getattr(summary, "changes_applied", 0))
            if ok
            else str(getattr(summary, "error", "") or "")[:200]
        )
        self._on_sync_done(ok, message)

    def _on_sync_done(self, ok: bool, message: str) -> None:
        self.syncing = False
        self.sync_finished.emit(ok, message)

    def test_speech(self) -> str:
        self.staff.audit.action("test_speech")
        speech = self.services.speech
        if speech is None:
            return "absent"
        try:
            speech.speak_now("语音测试。Speech test.")
        except Exception:
            log.exception("speech test failed")
            return "error"
        return _health(speech)

    def test_reader(self) -> str:
        self.staff.audit.action("test_reader")
        reader = self.services.idcard
        if reader is None:
            return "absent"
        return _health(reader)

    def change_setting(self, key: str, value: Any) -> str | None:
        """Validate, keep and apply one staff change; returns an error message or None."""
        try:
            changed = save_override(self.services.settings, key, value)
        except SettingsError as error:
            self.staff.audit.action("setting_rejected", key=key)
            return "; ".join(error.problems)
        self.services.settings = changed
        session = self.services.session
        if key == "session.idle_timeout_s":
            session.idle_timeout_s = float(changed[key])
        elif key == "speech.volume":
            session.default_volume = float(changed[key])
            speech = self.services.speech
            if speech is not None and hasattr(speech, "set_volume"):
                speech.set_volume(float(changed[key]))
        self.staff.audit.action("setting_changed", key=key)
        return None

    def set_out_of_service(self, active: bool, message: str = "") -> None:
        self.staff.maintenance.set_by_staff(active, message)

    def retry_failed(self, entry_id: int) -> bool:
        outbox = self._outbox()
        done = bool(outbox is not None and outbox.retry_failed(entry_id))
        self.staff.audit.action("outbox_retry", ok=done)
        return done

    def export_failed(self, passphrase: str, target: Path) -> int:
        """Failed submissions into an encrypted file (ExportError on a short passphrase)."""
        from kiosk.staff.export import write_export
        from offline_cache.outbox import failed_bodies

        outbox = self._outbox()
        count = write_export(
            failed_bodies(outbox) if outbox is not None else [], passphrase, target
        )
        self.staff.audit.action("outbox_export", count=count)
        return count

    def restart(self) -> int:
        self.staff.audit.action("restart")
        self.staff.session.end("restart")
        return EXIT_RESTART

    def exit_to_desktop(self) -> int:
        self.staff.audit.action("exit_to_desktop")
        self.staff.session.end("exit")
        return EXIT_TO_DESKTOP


def _health(device: Any) -> str:
    try:
        health = getattr(device, "health", "ok")
        health = health() if callable(health) else health
    except Exception:
        return "error"
    value = str(getattr(health, "value", health))
    return value if value in ("ok", "absent", "error") else "error"
