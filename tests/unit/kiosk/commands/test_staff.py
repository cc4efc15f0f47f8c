from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.secret_store import SecretStore
from kiosk.settings import load_settings
from kiosk.staff.access import PIN_HASH_KEY
from kiosk.staff.pin import verify_pin

REPO = Path(__file__).resolve().parents[4]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config naming a data folder inside the test's own directory."""
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    return path


def secret_file(config: Path) -> Path:
    return load_settings(config, environ={}).secret_file


def test_set_pin_from_stdin_stores_a_hash(monkeypatch: pytest.MonkeyPatch, config: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("240517\n"))
    assert main(["--config", str(config), "staff", "set-pin", "--pin-stdin"]) == 0
    stored = SecretStore(secret_file(config)).get(PIN_HASH_KEY)
    assert stored is not None and verify_pin("240517", stored)
    assert "240517" not in secret_file(config).read_text()


def test_set_pin_refuses_a_weak_pin_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("1234\n"))
    assert main(["--config", str(config), "staff", "set-pin", "--pin-stdin"]) == 1
    assert "6 to 12 digits" in capsys.readouterr().err
    assert SecretStore(secret_file(config)).get(PIN_HASH_KEY) is None


def test_set_pin_asks_twice_and_refuses_a_mismatch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], config: Path
) -> None:
    answers = iter(["240517", "240518"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["--config", str(config), "staff", "set-pin"]) == 1
    assert "differ" in capsys.readouterr().err
    assert SecretStore(secret_file(config)).get(PIN_HASH_KEY) is None


def test_status_and_unlock_through_the_real_command(config: Path) -> None:
    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", "--config", str(config), *args],
            cwd=REPO,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert run("staff", "set-pin", "--pin-stdin", stdin="240517\n").returncode == 0
    store = SecretStore(secret_file(config))
    store.set("staff_pin_failures", "5")
    store.set("staff_locked_until", "9999999999")
    status = run("staff", "status")
    assert "PIN set: yes" in status.stdout
    assert "Locked: yes" in status.stdout
    assert run("staff", "unlock").returncode == 0
    assert "Locked: no" in run("staff", "status").stdout
