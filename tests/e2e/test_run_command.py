"""``legal-kiosk run`` as a real process: bad settings, ready signal, screen tour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_bad_config_file_names_the_key_and_exits_non_zero(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[session]\nidle_timeout_s = 5\n[ui]\nlanguage = "fr"\n')
    result = _run("run", "--config", str(config), "--quit-when-ready")
    assert result.returncode == 2
    assert "session.idle_timeout_s" in result.stderr
    assert "ui.language" in result.stderr
    assert "ready" not in result.stdout


def test_a_bad_environment_value_names_the_key(tmp_path: Path) -> None:
    result = _run("--quit-when-ready", env={"LEGAL_KIOSK_SESSION__IDLE_TIMEOUT_S": "soon"})
    assert result.returncode == 2
    assert "session.idle_timeout_s" in result.stderr


@pytest.mark.parametrize("mode", [[], ["--windowed"]], ids=["full-screen", "windowed"])
def test_quit_when_ready_exits_zero_once_home_is_shown(mode: list[str]) -> None:
    result = _run("run", *mode, "--quit-when-ready")
    assert result.returncode == 0, result.stderr
    assert "ready: home shown" in result.stdout
    assert "Traceback" not in result.stderr


def test_screenshots_render_every_screen_in_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = _run("run", "--screenshots", str(out))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.glob("*.png")}
    for language in ("zh_CN", "en", "zh_CN-large", "en-large"):
        for screen in ("home", "attract", "coming_soon", "recovery", "idle-countdown"):
            assert f"{language}-{screen}.png" in names
        for screen in ("laws-search", "laws-empty", "law", "article", "practitioner"):
            assert f"{language}-{screen}.png" in names  # the lookup screens, with content
        for screen in ("institution", "case", "guide", "hall_map", "announcements"):
            assert f"{language}-{screen}.png" in names
        for screen in ("consultation_form-errors", "complaint_form-suggestions"):
            assert f"{language}-{screen}.png" in names  # the submission screens, filled in
        for screen in ("submission_receipt-offline", "submissions-answered", "evaluation-rated"):
            assert f"{language}-{screen}.png" in names
        for screen in ("code", "expired", "offline-content", "offline-draft", "offline-tracking"):
            assert f"{language}-handoff-{screen}.png" in names  # the hand-off states
        assert f"{language}-submission_receipt-tracking.png" in names
    image = QImage(str(out / "en-home.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    # The codes in the pictures scan: the minted one, and offline the public link.
    from tests.ui.qr_decode import decode_qr

    [minted] = decode_qr(QImage(str(out / "zh_CN-handoff-code.png")))
    assert minted.startswith("https://mp.example.gov.cn/h/")
    [static] = decode_qr(QImage(str(out / "en-large-handoff-offline-content.png")))
    assert static.startswith("https://mp.example.gov.cn/p/law/")
    assert decode_qr(QImage(str(out / "zh_CN-handoff-offline-draft.png"))) == []
    assert decode_qr(QImage(str(out / "zh_CN-high-contrast-handoff-code.png")))


def test_without_any_display_it_says_so_instead_of_aborting() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = ""
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--quit-when-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "no display found" in result.stderr
    assert "xvfb-run" in result.stderr


def test_sigterm_stops_the_kiosk_through_its_shutdown(tmp_path: Path) -> None:
    """What `systemctl stop` sends: the kiosk closes its services and exits 0."""
    import signal
    import time

    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "data"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        log_file = tmp_path / "data" / "logs" / "kiosk.log"
        while time.monotonic() < deadline and "ready" not in (
            log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        ):
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, output
    assert "stop requested (SIGTERM)" in log_file.read_text(encoding="utf-8")
