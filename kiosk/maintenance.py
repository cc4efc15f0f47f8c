"""Out of service: switched on by staff at the kiosk or by the platform remotely.

Two independent sources can take the kiosk out of service:

- staff, in the staff panel, with an optional message; kept in a small state
  file so a restart (or a power cut) does not silently reopen the kiosk;
- the platform, through ``maintenance`` in the kiosk's config (``active``,
  ``message_zh``, ``message_en``, ``until``), fetched after a heartbeat reports
  a new ``config_etag``. It ends by itself at ``until``.

The kiosk is out of service while either is on. Each change is an audit event
(``maintenance_on`` / ``maintenance_off`` with its source).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.staff import audit
from kiosk.staff.audit import AuditLog

log = logging.getLogger(__name__)

MESSAGE_MAX = 200


@dataclass(frozen=True)
class MaintenanceNotice:
    """What the out-of-service screen shows."""

    active: bool
    source: str | None = None  # "staff" or "platform"
    message_zh: str = ""
    message_en: str = ""
    until: datetime | None = None


def _parse_until(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _text(value: Any) -> str:
    return value.strip()[:MESSAGE_MAX] if isinstance(value, str) else ""


class MaintenanceMode(QObject):
    changed = Signal(object)  # MaintenanceNotice

    def __init__(
        self,
        state_file: Path,
        audit_log: AuditLog,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._state_file = state_file
        self._audit = audit_log
        self._clock = clock
        self._staff_active = False
        self._staff_message = ""
        self._platform: dict[str, Any] = {}
        self._until_timer = QTimer(self)
        self._until_timer.setSingleShot(True)
        self._until_timer.timeout.connect(self._on_until_timer_timeout)
        self._load()
        self._last = self.notice()

    # --- queries --------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.notice().active

    @property
    def staff_active(self) -> bool:
        return self._staff_active

    def platform_active(self) -> bool:
        if not self._platform.get("active"):
            return False
        until = self._platform.get("until")
        return until is None or until.timestamp() > self._clock()

    def notice(self) -> MaintenanceNotice:
        if self._staff_active:
            return MaintenanceNotice(True, "staff", self._staff_message, self._staff_message)
        if self.platform_active():
            return MaintenanceNotice(
                True,
                "platform",
                self._platform.get("message_zh", ""),
                self._platform.get("message_en", ""),
                self._platform.get("until"),
            )
        return MaintenanceNotice(False)

    # --- changes --------------------------------------------------------------
    def set_by_staff(self, active: bool, message: str = "") -> None:
        """Staff switch the kiosk out of service (or back), with an optional message."""
        self._staff_active = bool(active)
        self._staff_message = _text(message) if active else ""
        self._save()
        self._audit.record(
            audit.MAINTENANCE_ON if active else audit.MAINTENANCE_OFF,
            source="staff",
            with_message=bool(self._staff_message),
        )
        self._emit_if_changed()

    def apply_config(self, config: Mapping[str, Any] | None) -> None:
        """The platform's kiosk config (after a heartbeat saw a new ETag, or the cached one)."""
        section = config.get("maintenance") if isinstance(config, Mapping) else None
        if not isinstance(section, Mapping):
            section = {}
        was = self.platform_active()
        self._platform = {
            "active": section.get("active") is True,
            "message_zh": _text(section.get("message_zh")),
            "message_en": _text(section.get("message_en")),
            "until": _parse_until(section.get("until")),
        }
        now_active = self.platform_active()
        if now_active != was:
            self._audit.record(
                audit.MAINTENANCE_ON if now_active else audit.MAINTENANCE_OFF, source="platform"
            )
        self._arm_until_timer()
        self._emit_if_changed()

    # --- internals ------------------------------------------------------------
    def _arm_until_timer(self) -> None:
        self._until_timer.stop()
        until = self._platform.get("until")
        if self._platform.get("active") and until is not None:
            left = until.timestamp() - self._clock()
            if left > 0:
                # QTimer takes at most ~24 days; a longer wait is re-armed on the next config.
                self._until_timer.start(int(min(left, 2_000_000) * 1000) + 50)

    def _on_until_timer_timeout(self) -> None:
        if self._platform.get("active") and not self.platform_active():
            self._audit.record(audit.MAINTENANCE_OFF, source="platform", reason="until")
        self._emit_if_changed()

    def recheck(self) -> None:
        """Re-evaluate ``until`` now (the timer does this by itself; tests with a fake clock)."""
        self._on_until_timer_timeout()

    def _emit_if_changed(self) -> None:
        notice = self.notice()
        if notice != self._last:
            self._last = notice
            log.info("out of service: %s (%s)", notice.active, notice.source)
            self.changed.emit(notice)

    def _load(self) -> None:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            log.warning("maintenance state file %s unreadable; ignoring it", self._state_file)
            return
        if isinstance(data, dict):
            self._staff_active = data.get("staff_active") is True
            self._staff_message = _text(data.get("staff_message"))

    def _save(self) -> None:
        self._state_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._state_file.with_name(self._state_file.name + ".tmp")
        payload = {"staff_active": self._staff_active, "staff_message": self._staff_message}
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self._state_file)
