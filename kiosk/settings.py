"""Every setting of the kiosk, declared once: type, default and description.

Settings come from three layers, later ones winning: the declared defaults, a
TOML file (``--config FILE`` or ``LEGAL_KIOSK_CONFIG``) and environment
variables named ``LEGAL_KIOSK_<SECTION>__<KEY>`` (for example
``LEGAL_KIOSK_SESSION__IDLE_TIMEOUT_S=120``). Everything is validated at
start-up; an error names the offending key so an operator can fix it.
``docs/configuration.md`` is generated from this declaration
(``python -m kiosk.settings --markdown``).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offline_cache.urls import is_loopback_host

ENV_CONFIG_FILE = "LEGAL_KIOSK_CONFIG"
ENV_PREFIX = "LEGAL_KIOSK_"

_KIOSK_ID_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "legal-kiosk")


@dataclass(frozen=True)
class Setting:
    """One declared setting."""

    key: str
    type: type
    default: Any
    description: str
    secret: bool = False
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    staff_editable: bool = False

    @property
    def type_name(self) -> str:
        return {str: "string", int: "integer", float: "number", bool: "boolean", Path: "path"}[
            self.type
        ]


SETTINGS: tuple[Setting, ...] = (
    # --- this terminal -------------------------------------------------------
    Setting(
        "kiosk.id",
        str,
        "HALL01",
        "Identifier of this terminal, sent as X-Kiosk-Id and used in receipt numbers.",
        pattern=_KIOSK_ID_PATTERN,
    ),
    Setting(
        "kiosk.hall_name",
        str,
        "市公共法律服务中心",
        "Name of the hall shown in the top bar and on the attract screen.",
    ),
    Setting(
        "kiosk.hall_phone",
        str,
        "12348",
        "Phone number of the hall, shown on the out-of-service notice and guides.",
    ),
    # --- central platform ----------------------------------------------------
    Setting(
        "central.url",
        str,
        "",
        "Base URL of the central platform API, e.g. https://platform.example.gov.cn/api/v1. "
        "Empty: run on the bundled demo content with no central server.",
    ),
    Setting(
        "central.token",
        str,
        "",
        "Device token issued at enrolment. A secret: never logged or shown.",
        secret=True,
    ),
    Setting(
        "central.allow_insecure_http",
        bool,
        False,
        "Allow plain http:// to a non-loopback host (never in production).",
    ),
    Setting(
        "central.connect_timeout_s",
        float,
        5.0,
        "Connect timeout of every request to the central platform.",
        minimum=0.1,
        maximum=120,
    ),
    Setting(
        "central.read_timeout_s",
        float,
        30.0,
        "Read timeout of every request to the central platform.",
        minimum=0.1,
        maximum=600,
    ),
    Setting(
        "sync.interval_s",
        int,
        300,
        "Seconds between two pulls of the content change feed.",
        minimum=10,
        maximum=86400,
    ),
    Setting(
        "sync.page_size",
        int,
        500,
        "Changes asked for per page of the change feed.",
        minimum=1,
        maximum=1000,
    ),
    Setting(
        "heartbeat.interval_s",
        int,
        60,
        "Seconds between two heartbeats to the central platform.",
        minimum=10,
        maximum=3600,
    ),
    # --- storage -------------------------------------------------------------
    Setting(
        "storage.data_dir",
        Path,
        _default_data_dir(),
        "Folder holding the local database, the secret file and the logs.",
    ),
    Setting(
        "storage.secret_file",
        Path,
        "",
        "File (mode 0600) holding the key that encrypts queued personal data and the staff "
        "PIN hash. Empty: secret.toml inside storage.data_dir.",
    ),
    # --- devices ---------------------------------------------------------------
    Setting(
        "idcard.port",
        str,
        "",
        "Serial device of the ID-card reader, e.g. /dev/ttyUSB0. Empty: the built-in "
        "simulator (demo), with a control to place a demo card.",
        staff_editable=True,
    ),
    Setting(
        "idcard.baudrate",
        int,
        115200,
        "Baud rate of the ID-card reader.",
        choices=None,
        minimum=9600,
        maximum=115200,
    ),
    Setting(
        "idcard.poll_interval_s",
        float,
        0.3,
        "Seconds between two find-card polls.",
        minimum=0.05,
        maximum=5,
    ),
    Setting(
        "speech.enabled",
        bool,
        True,
        "Allow read-aloud. When false the read-aloud toggle is hidden.",
    ),
    Setting(
        "speech.rate",
        int,
        160,
        "Default speech rate (words per minute), restored at every session end.",
        minimum=80,
        maximum=400,
    ),
    Setting(
        "speech.volume",
        float,
        0.8,
        "Default speech volume from 0 to 1, restored at every session end.",
        minimum=0.0,
        maximum=1.0,
        staff_editable=True,
    ),
    # --- citizen session -------------------------------------------------------
    Setting(
        "session.idle_timeout_s",
        int,
        90,
        "Seconds without a touch before the 'more time?' countdown appears.",
        minimum=30,
        maximum=900,
        staff_editable=True,
    ),
    Setting(
        "session.countdown_s",
        int,
        20,
        "Seconds the 'more time?' countdown lasts before the session is wiped.",
        minimum=10,
        maximum=120,
    ),
    Setting(
        "staff.idle_timeout_s",
        int,
        600,
        "Seconds without a touch before staff mode closes by itself.",
        minimum=60,
        maximum=7200,
    ),
    # --- user interface --------------------------------------------------------
    Setting(
        "ui.language",
        str,
        "zh_CN",
        "Language the kiosk starts in and returns to after every session.",
        choices=("zh_CN", "en"),
    ),
    Setting(
        "ui.hall_map",
        Path,
        "",
        "Image of this hall's floor plan with its windows. Empty: the bundled plan.",
    ),
    Setting(
        "handoff.ttl_s",
        int,
        300,
        "Lifetime of a phone hand-off QR code in seconds.",
        minimum=30,
        maximum=900,
    ),
    # --- logging ---------------------------------------------------------------
    # --- submissions -------------------------------------------------------
    Setting(
        "submissions.complaint_handling_days",
        int,
        30,
        "Handling time limit of a complaint, in days, shown to the complainant.",
        minimum=1,
        maximum=365,
    ),
    Setting(
        "submissions.delivery_interval_s",
        float,
        10.0,
        "Seconds between two delivery rounds of the outbox (a confirmation starts one at once).",
        minimum=0.5,
        maximum=3600,
    ),
    Setting("log.level", str, "INFO", "Log level.", choices=("DEBUG", "INFO", "WARNING", "ERROR")),
    Setting(
        "log.dir",
        Path,
        "",
        "Folder of the rotating log files. Empty: logs/ inside storage.data_dir.",
    ),
)

SETTINGS_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


class SettingsError(ValueError):
    """A configuration problem; every message names the key at fault."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("invalid configuration:\n  " + "\n  ".join(self.problems))


@dataclass(frozen=True)
class Settings:
    """Validated settings: a read-only mapping from key to typed value."""

    values: Mapping[str, Any] = field(default_factory=dict)
    source: str = "defaults"

    def __getitem__(self, key: str) -> Any:
        if key not in SETTINGS_BY_KEY:
            raise KeyError(f"unknown setting {key!r}")
        return self.values[key]

    def get(self, key: str) -> Any:
        return self[key]

    def replaced(self, **changes: Any) -> Settings:
        """A copy with some keys changed (dots written as '__'), validated again."""
        raw = dict(self.values)
        for name, value in changes.items():
            raw[name.replace("__", ".")] = value
        return Settings(_validate(raw), self.source)

    def with_values(self, changes: Mapping[str, Any]) -> Settings:
        raw = dict(self.values)
        raw.update(changes)
        return Settings(_validate(raw), self.source)

    @property
    def data_dir(self) -> Path:
        # Resolved when asked, not at import, so the environment of the moment counts.
        explicit = str(self["storage.data_dir"])
        return Path(explicit).expanduser() if explicit else Path(_default_data_dir())

    @property
    def secret_file(self) -> Path:
        explicit = self["storage.secret_file"]
        return Path(explicit).expanduser() if str(explicit) else self.data_dir / "secret.toml"

    @property
    def log_dir(self) -> Path:
        explicit = self["log.dir"]
        return Path(explicit).expanduser() if str(explicit) else self.data_dir / "logs"

    @property
    def database_path(self) -> Path:
        return self.data_dir / "kiosk.sqlite3"

    @property
    def has_central(self) -> bool:
        return bool(self["central.url"])

    def redacted(self) -> dict[str, Any]:
        """Values safe to log or show to staff: secrets replaced by a marker."""
        return {
            key: ("***" if SETTINGS_BY_KEY[key].secret and value else value)
            for key, value in self.values.items()
        }


def _coerce(setting: Setting, value: Any) -> Any:
    """Turn a TOML or environment value into the declared type, or raise ValueError."""
    if setting.type is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"1", "true", "yes", "on"}:
            return True
        if isinstance(value, str) and value.strip().lower() in {"0", "false", "no", "off"}:
            return False
        raise ValueError("expected true or false")
    if setting.type is int:
        if isinstance(value, bool):
            raise ValueError("expected a whole number")
        if isinstance(value, int):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        raise ValueError("expected a whole number")
    if setting.type is float:
        if isinstance(value, bool):
            raise ValueError("expected a number")
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                pass
        raise ValueError("expected a number")
    if setting.type is Path:
        if isinstance(value, str | Path):
            return str(value)
        raise ValueError("expected a path")
    if isinstance(value, str):
        return value
    raise ValueError("expected text")


def _check(setting: Setting, value: Any) -> str | None:
    if setting.choices is not None and value not in setting.choices:
        return f"must be one of {', '.join(setting.choices)} (got {value!r})"
    if setting.minimum is not None and value < setting.minimum:
        return f"must be at least {setting.minimum} (got {value!r})"
    if setting.maximum is not None and value > setting.maximum:
        return f"must be at most {setting.maximum} (got {value!r})"
    if setting.pattern is not None and not re.fullmatch(setting.pattern, value):
        return f"must match {setting.pattern} (got {value!r})"
    return None


def _validate(raw: Mapping[str, Any]) -> dict[str, Any]:
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        setting = SETTINGS_BY_KEY.get(key)
        if setting is None:
            problems.append(f"{key}: unknown setting (see docs/configuration.md)")
            continue
        try:
            typed = _coerce(setting, value)
        except ValueError as error:
            shown = "***" if setting.secret else repr(value)
            problems.append(f"{key}: {error} (got {shown})")
            continue
        message = _check(setting, typed)
        if message:
            problems.append(f"{key}: {message}")
            continue
        values[key] = typed
    url = values.get("central.url", "")
    if url:
        problems.extend(_check_central_url(url, values.get("central.allow_insecure_http", False)))
    if problems:
        raise SettingsError(problems)
    return values


def _check_central_url(url: str, allow_insecure: bool) -> list[str]:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return [f"central.url: must be an http(s) URL with a host (got {url!r})"]
    if parts.scheme == "http" and not allow_insecure and not is_loopback_host(parts.hostname):
        return [
            "central.url: plain http:// is allowed only for a loopback host; use https:// "
            "or set central.allow_insecure_http = true"
        ]
    return []


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = value
    return flat


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name == ENV_CONFIG_FILE or "__" not in name:
            continue
        key = name[len(ENV_PREFIX) :].lower().replace("__", ".")
        found[key] = value
    return found


def load_settings(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, then the TOML file, then the environment; validated together."""
    environ = os.environ if environ is None else environ
    raw: dict[str, Any] = {s.key: s.default for s in SETTINGS}
    source = "defaults"
    path = config_file or environ.get(ENV_CONFIG_FILE) or None
    if path:
        import tomllib  # only with a settings file: the defaults start without the parser

        path = Path(path).expanduser()
        try:
            with path.open("rb") as handle:
                raw.update(_flatten(tomllib.load(handle)))
        except FileNotFoundError:
            raise SettingsError([f"config file {path} does not exist"]) from None
        except tomllib.TOMLDecodeError as error:
            raise SettingsError([f"config file {path} is not valid TOML: {error}"]) from None
        source = str(path)
    raw.update(_from_environment(environ))
    return Settings(_validate(raw), source)


def settings_markdown() -> str:
    """The reference page docs/configuration.md, generated from SETTINGS."""
    lines = [
        "# Configuration",
        "",
        "Generated from `kiosk/settings.py` by `python -m kiosk.settings --markdown`; "
        "do not edit by hand.",
        "",
        "Settings come from the defaults below, then a TOML file (`legal-kiosk --config FILE` "
        f"or the `{ENV_CONFIG_FILE}` environment variable), then environment variables "
        f"`{ENV_PREFIX}<SECTION>__<KEY>` (e.g. `{ENV_PREFIX}SESSION__IDLE_TIMEOUT_S=120`). "
        "All are validated at start-up; an error names the key.",
        "",
        "```toml",
        "[kiosk]",
        'id = "HALL01"',
        "",
        "[central]",
        'url = "https://platform.example.gov.cn/api/v1"',
        'token = "..."',
        "```",
        "",
        "| key | type | default | description |",
        "| --- | --- | --- | --- |",
    ]
    for s in SETTINGS:
        default = s.default
        limits = []
        if s.choices:
            limits.append("one of " + ", ".join(f"`{c}`" for c in s.choices))
        if s.minimum is not None:
            limits.append(f"min {s.minimum:g}")
        if s.maximum is not None:
            limits.append(f"max {s.maximum:g}")
        if s.staff_editable:
            limits.append("staff may change it in the staff panel")
        if s.secret:
            limits.append("secret")
        extra = f" ({'; '.join(limits)})" if limits else ""
        shown = f"`{default!r}`" if default != "" else "empty"
        lines.append(f"| `{s.key}` | {s.type_name} | {shown} | {s.description}{extra} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--markdown" in sys.argv:
        sys.stdout.write(settings_markdown())
    else:
        print(load_settings().redacted())
