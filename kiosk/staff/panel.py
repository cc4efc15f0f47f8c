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
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.logging_setup import recent_log_lines
from kiosk.pii import mask_text
from kiosk.settings import SettingsError
from kiosk.staff.overrides import save_override
from kiosk.ui_inbox import ui_inbox

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.staff.services import StaffServices

log = logging.getLogger(__name__)

# Exit codes the systemd unit understands (deploy/legal-kiosk.service).
EXIT_RESTART = 75  # restarted by Restart=always
EXIT_TO_DESKTOP = 64  # RestartPreventExitStatus=64: stays stopped until staff start it

READER_TEST_MS = 10_000
"""How long "test reader" waits for a card to be placed."""
SPEECH_TEST_PHRASE = "语音测试。Speech test."
EXPORT_FOLDER = "export"
"""Inside the data folder: where exports go when no USB stick is mounted."""
REMOVABLE_MEDIA_ROOTS = (Path("/media"), Path("/run/media"))
EXPORT_STICKS_SHOWN = 3
"""Export buttons for at most this many USB sticks; the data folder always has its own."""


@dataclass(frozen=True)
class NetworkCheck:
    """The answer of ``GET /health`` of the central API, asked from the staff panel."""

    ok: bool
    detail: str  # round trip in ms, or the (masked, short) reason it failed


@dataclass(frozen=True)
class SpeechTest:
    health: str
    engine: str
    voices: dict[str, str]
    detail: str


@dataclass(frozen=True)
class ExportOutcome:
    """The end of an export of failed submissions, started from the staff panel."""

    target: Path
    count: int  # submissions in the file (0 when it failed)
    error: str | None = None  # why the folder could not be written (a stick pulled out)


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
    network_checked = Signal(object)  # NetworkCheck
    export_finished = Signal(object)  # ExportOutcome
    reader_test_finished = Signal(str, str)
    """Outcome (``card_read``, ``card_rejected``, ``no_card``, ``absent``) and reader health."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.syncing = False
        self.checking_network = False
        self.exporting = False
        self._sync_requested_at = 0.0
        # The check's thread answers through the inbox, not a signal (see kiosk.ui_inbox).
        self._inbox = ui_inbox()
        self._listening = False
        self._reader_timer = QTimer(self)
        self._reader_timer.setSingleShot(True)
        self._reader_timer.timeout.connect(lambda: self._finish_reader_test("no_card"))
        self._tested_reader: Any = None

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
            if speech_health != "ok":
                reason = str(getattr(speech, "health_detail", "") or "")
                if reason:
                    speech_detail["problem"] = mask_text(reason)[:120]
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
        self._sync_requested_at = time.time()
        if not self._listening:
            sync.progressed.connect(self._on_sync_progressed)
            sync.round_finished.connect(self._on_round_finished)
            self._listening = True
        sync.sync_now()
        if self.staff.heartbeat is not None:
            self.staff.heartbeat.beat_now()
        return True

    def _on_sync_progressed(self, pages: int, changes: int) -> None:
        if self.syncing:
            self.sync_progressed.emit(pages, changes)

    def _on_round_finished(self, summary: object) -> None:
        if not self.syncing:
            return  # a scheduled round, not the one staff asked for
        if float(getattr(summary, "started_at", 0.0)) < self._sync_requested_at:
            return  # a round already running when staff asked; theirs comes next
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

    def test_speech(self) -> SpeechTest:
        """Say a phrase in both languages; report the engine, its voices and health."""
        self.staff.audit.action("test_speech")
        speech = self.services.speech
        if speech is None:
            return SpeechTest("absent", "—", {}, "")
        engine = str(getattr(speech, "engine_name", "?"))
        try:
            speech.speak_now(SPEECH_TEST_PHRASE)
            voice_for = getattr(speech, "voice_for_language", None)
            voices = {lang: voice_for(lang) for lang in ("zh", "en")} if voice_for else {}
        except Exception:
            log.exception("speech test failed")
            return SpeechTest("error", engine, {}, "")
        return SpeechTest(
            _health(speech),
            engine,
            {language: voice for language, voice in voices.items() if voice},
            # Masked as in the device list: an engine's error can quote what it was reading.
            mask_text(str(getattr(speech, "health_detail", "") or ""))[:160],
        )

    def start_reader_test(self, wait_ms: int = READER_TEST_MS) -> bool:
        """Wait ``wait_ms`` for a card; ``reader_test_finished`` tells what came.

        Only whether a card was read is reported: the card itself is dropped here.
        """
        self.staff.audit.action("test_reader")
        reader = self.services.idcard
        if reader is None:
            self.reader_test_finished.emit("absent", "absent")
            return False
        if self._tested_reader is not None:
            return False  # a test is already waiting
        self._tested_reader = reader
        reader.card_read.connect(self._on_test_card_read)
        reader.card_rejected.connect(self._on_test_card_rejected)
        self._reader_timer.start(wait_ms)
        return True

    @property
    def reader_test_running(self) -> bool:
        return self._tested_reader is not None

    def _on_test_card_read(self, _card: object) -> None:
        self._finish_reader_test("card_read")

    def _on_test_card_rejected(self, _reason: str) -> None:
        self._finish_reader_test("card_rejected")

    def _finish_reader_test(self, outcome: str) -> None:
        reader, self._tested_reader = self._tested_reader, None
        self._reader_timer.stop()
        if reader is None:
            return
        reader.card_read.disconnect(self._on_test_card_read)
        reader.card_rejected.disconnect(self._on_test_card_rejected)
        self.reader_test_finished.emit(outcome, _health(reader))

    def check_network(self) -> bool:
        """Ask the central API's ``GET /health`` in a thread; False if not possible now."""
        settings = self.services.settings
        if not settings.has_central or self.checking_network:
            return False
        self.checking_network = True
        self._inbox.run_in_thread(
            "staff-network-check",
            lambda: _check_network(settings),
            self._on_network_done,
            lambda error: self._on_network_done(NetworkCheck(False, type(error).__name__)),
        )
        return True

    def _on_network_done(self, result: NetworkCheck) -> None:
        self.checking_network = False
        self.network_checked.emit(result)

    def change_setting(self, key: str, value: Any) -> str | None:
        """Validate, keep and apply one staff change; returns an error message or None."""
        try:
            changed = save_override(self.services.settings, key, value)
        except SettingsError as error:
            self.staff.audit.action("setting_rejected", key=key)
            return "; ".join(error.problems)
        self.services.settings = changed
        session = self.services.session
        if key == "idcard.port":
            self._reconnect_reader(str(changed[key]))
        if key == "session.idle_timeout_s":
            session.idle_timeout_s = float(changed[key])
        elif key == "speech.volume":
            session.default_volume = float(changed[key])
            speech = self.services.speech
            if speech is not None and hasattr(speech, "set_volume"):
                speech.set_volume(float(changed[key]))
        self.staff.audit.action("setting_changed", key=key)
        return None

    def reader_reconnects(self) -> bool:
        """True when a new reader port takes effect at once (else after a restart)."""
        return hasattr(self.services.idcard, "reconnect")

    def _reconnect_reader(self, port: str) -> None:
        if not self.reader_reconnects():
            return
        self._finish_reader_test("no_card")  # a reader test in progress ends with it
        self.services.idcard.reconnect(port)

    def set_out_of_service(self, active: bool, message: str = "") -> None:
        self.staff.maintenance.set_by_staff(active, message)

    def retry_failed(self, entry_id: int) -> bool:
        outbox = self._outbox()
        done = bool(outbox is not None and outbox.retry_failed(entry_id))
        self.staff.audit.action("outbox_retry", ok=done)
        return done

    def export_folders(self) -> list[Path]:
        """Where an export may go: mounted USB sticks first (three at most), then the data
        folder's export folder.

        A stick is a folder two levels under ``/media`` or ``/run/media``
        (``/media/<user>/<label>``, as desktop automounters mount them) or one
        level under ``/media`` (``/media/usb0``, as usbmount does).
        """
        sticks: list[Path] = []
        for root in REMOVABLE_MEDIA_ROOTS:
            sticks.extend(_mount_points(root))
        return [*sticks[:EXPORT_STICKS_SHOWN], self.services.settings.data_dir / EXPORT_FOLDER]

    def export_failed(self, passphrase: str, folder: Path) -> bool:
        """Start writing the failed submissions into a new encrypted file in ``folder``.

        The key derivation (scrypt) and the flush to a USB stick take from a
        fraction of a second to seconds, so they run in a thread and the end
        comes as ``export_finished``. False when an export is already running.
        ``ExportError`` at once on a short passphrase.
        """
        from kiosk.staff.export import check_passphrase
        from offline_cache.outbox import failed_bodies

        check_passphrase(passphrase)
        if self.exporting:
            return False
        outbox = self._outbox()
        bodies = failed_bodies(outbox) if outbox is not None else []  # the database: here
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"failed-{self.services.settings['kiosk.id']}-{stamp}.lkexport"
        self.exporting = True
        self._inbox.run_in_thread(
            "staff-export",
            lambda: _write_export(bodies, passphrase, target),
            self._on_export_done,
            # Not a write error: a defect, but the panel must not wait for ever.
            lambda error: self._on_export_done(ExportOutcome(target, 0, type(error).__name__)),
        )
        return True

    def _on_export_done(self, outcome: ExportOutcome) -> None:
        self.exporting = False
        if outcome.error is None:
            self.staff.audit.action("outbox_export", count=outcome.count)
        else:
            self.staff.audit.action("outbox_export", ok=False)
        self.export_finished.emit(outcome)

    def restart(self) -> int:
        self.staff.audit.action("restart")
        self.staff.session.end("restart")
        return EXIT_RESTART

    def exit_to_desktop(self) -> int:
        self.staff.audit.action("exit_to_desktop")
        self.staff.session.end("exit")
        return EXIT_TO_DESKTOP


def _write_export(bodies: list[Any], passphrase: str, target: Path) -> ExportOutcome:
    from kiosk.staff.export import write_export

    try:
        return ExportOutcome(target, write_export(bodies, passphrase, target))
    except OSError as error:
        log.warning("export to %s failed: %s", target.parent, error)
        return ExportOutcome(target, 0, error.strerror or str(error))


def _check_network(settings: Any) -> NetworkCheck:
    from kiosk.central import build_client

    started = time.monotonic()
    try:
        client = build_client(settings)
        try:
            client.health()
        finally:
            client.close()
        return NetworkCheck(True, f"{(time.monotonic() - started) * 1000:.0f} ms")
    except Exception as error:  # any failure is the answer, shown to staff
        return NetworkCheck(False, mask_text(str(error))[:160] or type(error).__name__)


def _mount_points(root: Path) -> list[Path]:
    try:
        children = sorted(child for child in root.iterdir() if child.is_dir())
    except OSError:
        return []
    found = []
    for child in children:
        if child.is_mount():
            found.append(child)
            continue
        try:
            found.extend(
                sorted(grand for grand in child.iterdir() if grand.is_dir() and grand.is_mount())
            )
        except OSError:
            continue
    return found


def _health(device: Any) -> str:
    try:
        health = getattr(device, "health", "ok")
        health = health() if callable(health) else health
    except Exception:
        return "error"
    value = str(getattr(health, "value", health))
    return value if value in ("ok", "absent", "error") else "error"
