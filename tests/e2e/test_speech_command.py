"""``legal-kiosk speech`` as staff run it: a real process, real espeak-ng."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "speech", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_writes_the_test_phrase_to_a_wav_and_reports_voices(tmp_path: Path) -> None:
    out = tmp_path / "check.wav"
    result = run("--wav", str(out), "--json", "--text", "手机13812345678已登记")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["engine"] == "pyttsx3"
    assert report["voice_zh"] == "sit/cmn-latn-pinyin"
    assert report["health"] == "ok"
    assert report["spoken_text"] == "手机尾号 5 6 7 8 已登记"
    with wave.open(str(out)) as reader:
        assert abs(reader.getnframes() / reader.getframerate() - report["duration_s"]) < 0.01
    assert 1.0 < report["duration_s"] < 8.0


def test_without_a_sound_card_reports_absent_with_the_reason() -> None:
    result = run("--json", "--language", "en")
    report = json.loads(result.stdout)
    if report["health"] == "ok":  # a terminal with a real sound card
        assert result.returncode == 0
        assert report["finished"] is True
    else:
        assert result.returncode == 1
        assert report["health"] == "absent"
        assert "sound" in report["detail"]
