"""The systemd units say what the deployment promises (restart, watchdog, notify)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
UNITS = ["legal-kiosk.service", "legal-kiosk-display.service"]


def directives(path: Path) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
        else:
            key, _, value = line.partition("=")
            current[key] = value
    return sections


def test_app_unit_restarts_always_and_has_a_watchdog() -> None:
    unit = directives(DEPLOY / "legal-kiosk.service")
    service = unit["Service"]
    assert service["Type"] == "notify"
    assert service["Restart"] == "always"
    assert service["RestartSec"] == "1"
    assert int(service["WatchdogSec"]) > 0
    assert service["Environment"]  # config path and display
    assert "legal-kiosk-display.service" in unit["Unit"]["After"]
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"


def test_xsession_turns_blanking_off() -> None:
    session = (DEPLOY / "kiosk-xsession").read_text()
    for command in ("xset s off", "xset s noblank", "xset -dpms"):
        assert command in session


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
@pytest.mark.parametrize("name", UNITS)
def test_systemd_accepts_every_directive(name: str) -> None:
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(DEPLOY / name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # Missing executables are expected off a terminal; unknown keys or sections are not.
    problems = [
        line
        for line in result.stderr.splitlines()
        if "Unknown" in line or "Invalid" in line or "Failed to parse" in line
    ]
    assert not problems, problems


def test_install_script_is_valid_bash() -> None:
    subprocess.run(["bash", "-n", str(DEPLOY / "install.sh")], check=True, timeout=30)
