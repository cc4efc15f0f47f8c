"""The on-screen keyboard on a real X server: pinyin in, Chinese characters committed,
only pinyin and English offered, the field kept above the keyboard, nothing learned
from what a citizen typed, nothing left after Finish."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("keyboard_probe.py")

pytestmark = pytest.mark.xvfb


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb 1920x1080 server; its display name."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail("Xvfb is missing: install the Debian package xvfb (make install does)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # Xvfb writes it once it accepts clients
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_pinyin_on_the_virtual_keyboard_commits_chinese(xvfb_display: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(
        DISPLAY=xvfb_display,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="xcb",
        HOME=str(tmp_path),  # pinyin writes its user dictionary under ~/.config
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, str(PROBE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0 and lines, result.stdout + result.stderr[-3000:]
    found = json.loads(lines[-1].removeprefix("RESULT "))
    assert found["locales"] == ["zh_CN", "en_US"]
    assert found["locale_in_english"] == "en_US"  # the keyboard follows the kiosk language
    assert found["locale"] == "zh_CN"
    assert found["preedit"].replace(" ", "") == "falv"
    assert "法律" in found["text"]
    assert all("\u4e00" <= ch <= "\u9fff" for ch in found["text"])
    assert found["keyboard_height"] > 0
    assert found["field_bottom"] < found["keyboard_top"]
    # The keyboard did not learn the name typed in this session.
    assert found["composed"].endswith("筱茗")
    assert found["offered_again"][:3] == ["小明", "小名", "晓明"]
    assert "筱茗" not in found["offered_again"]
    # The idle countdown puts the keyboard away (it would cover "continue").
    assert found["keyboard_visible_before_countdown"] is True
    assert found["keyboard_visible_during_countdown"] is False
    # Finish: the field is empty and the attract screen is back.
    assert found["text_after_wipe"] == ""
    assert found["screen_after_wipe"] == "attract"
