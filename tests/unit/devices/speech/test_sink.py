"""Audio sinks: the real aplay (on ALSA's null device, no sound card needed) and its kill path."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from devices.speech import AplaySink, AudioClip, SilentSink, SpeechError, WavFileSink
from tests.unit.devices.speech.helpers import wait_for

ONE_SECOND = AudioClip(b"\x00\x10" * 22050)


def script(tmp_path: Path, name: str, body: str) -> str:
    """A stand-in for aplay: a sound device that hangs or fails (faults we cannot cause)."""
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_aplay_plays_to_the_alsa_null_device() -> None:
    sink = AplaySink(device="null")
    assert sink.play(ONE_SECOND, threading.Event()) is True


def test_probe_names_what_is_missing(tmp_path: Path) -> None:
    assert "not installed" in (AplaySink("/nonexistent/aplay").probe() or "")
    no_cards = script(
        tmp_path, "aplay", "echo 'aplay: device_list:274: no soundcards found...' >&2"
    )
    assert "no sound card" in (AplaySink(no_cards).probe() or "")
    one_card = script(tmp_path, "aplay-ok", "echo 'card 0: PCH [HDA Intel PCH], device 0'")
    assert AplaySink(one_card).probe() is None


def test_stop_kills_the_playing_process(tmp_path: Path) -> None:
    started = tmp_path / "started"
    sink = AplaySink(script(tmp_path, "slow-aplay", f"touch {started}\nexec sleep 60"))
    cancelled = threading.Event()
    result: list[bool] = []
    player = threading.Thread(target=lambda: result.append(sink.play(ONE_SECOND, cancelled)))
    player.start()
    wait_for(started.exists)
    cancelled.set()
    sink.stop()
    player.join(10)
    assert not player.is_alive()
    assert result == [False]


def test_stop_spares_a_clip_that_was_not_cancelled(tmp_path: Path) -> None:
    """A stop() racing with the next utterance must not silence the new one."""
    started = tmp_path / "started"
    sink = AplaySink(script(tmp_path, "aplay", f"touch {started}\nsleep 0.3"))
    result: list[bool] = []
    player = threading.Thread(
        target=lambda: result.append(sink.play(ONE_SECOND, threading.Event()))
    )
    player.start()
    wait_for(started.exists)
    sink.stop()
    player.join(10)
    assert result == [True]


def test_a_cancelled_clip_never_starts_a_process(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    sink = AplaySink(script(tmp_path, "aplay", f"touch {marker}"))
    cancelled = threading.Event()
    cancelled.set()
    assert sink.play(ONE_SECOND, cancelled) is False
    assert not marker.exists()


def test_a_failing_device_is_a_speech_error_with_its_message(tmp_path: Path) -> None:
    sink = AplaySink(
        script(tmp_path, "aplay", "echo 'audio open error: Device or resource busy' >&2; exit 1")
    )
    with pytest.raises(SpeechError, match="resource busy"):
        sink.play(ONE_SECOND, threading.Event())


def test_silent_and_file_sinks(tmp_path: Path) -> None:
    assert SilentSink().play(ONE_SECOND, threading.Event()) is True
    sink = WavFileSink(tmp_path / "out")
    assert sink.play(ONE_SECOND, threading.Event()) is True
    assert [path.name for path in sink.played] == ["0001.wav"]
    cancelled = threading.Event()
    cancelled.set()
    assert sink.play(ONE_SECOND, cancelled) is False
    assert len(sink.played) == 1
