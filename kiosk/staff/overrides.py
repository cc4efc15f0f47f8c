"""Settings staff changed in the staff panel, kept across restarts.

Only settings declared ``staff_editable`` may be changed; a change is
validated exactly as at start-up (``Settings.with_values``) before it is kept in
``staff-settings.json`` in the data folder, which is applied over the loaded
settings at every start.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from kiosk.settings import SETTINGS_BY_KEY, Settings, SettingsError

log = logging.getLogger(__name__)

FILE_NAME = "staff-settings.json"


def editable_keys() -> list[str]:
    return [key for key, setting in SETTINGS_BY_KEY.items() if setting.staff_editable]


def overrides_path(settings: Settings) -> Path:
    return settings.data_dir / FILE_NAME


def read_overrides(settings: Settings) -> dict[str, Any]:
    try:
        data = json.loads(overrides_path(settings).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("%s unreadable; staff changes ignored", overrides_path(settings))
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if key in editable_keys()}


def apply_overrides(settings: Settings) -> Settings:
    """The settings with staff changes applied; a change that no longer validates is dropped."""
    overrides = read_overrides(settings)
    if not overrides:
        return settings
    try:
        return settings.with_values(overrides)
    except SettingsError as error:
        log.warning("staff setting changes ignored: %s", error)
        return settings


def save_override(settings: Settings, key: str, value: Any) -> Settings:
    """Validate and keep one staff change; raises SettingsError with a message naming the key."""
    if key not in editable_keys():
        raise SettingsError([f"{key}: staff may not change this setting"])
    changed = settings.with_values({key: value})
    overrides = read_overrides(settings)
    overrides[key] = changed[key]
    path = overrides_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(overrides, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return changed
