"""``legal-kiosk speech``: staff check of read-aloud - engine, voices, health, a test phrase."""

from __future__ import annotations

import argparse
import json
import threading
import wave
from pathlib import Path
from typing import Any

from devices.speech import SpeechError, SpeechStatus, WavFileSink, open_speech_engine
from kiosk.commands import add_command
from kiosk.speech_text import speakable

DEFAULT_TEXT = {"zh_CN": "您好，这是语音播报测试。", "en": "Hello, this is a read-aloud test."}


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers, "speech", "check read-aloud: engine, voices, health, and say a test phrase"
    )
    parser.add_argument("--text", help="text to say (default: a test phrase)")
    parser.add_argument("--language", choices=("zh_CN", "en"), default=None)
    parser.add_argument(
        "--wav", type=Path, metavar="FILE", help="write the speech to FILE instead of the speaker"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_speech_check)


class _Finished:
    def __init__(self) -> None:
        self.done = threading.Event()

    def utterance_started(self, text: str) -> None:
        return None

    def utterance_finished(self, text: str, completed: bool) -> None:
        self.done.set()

    def health_changed(self, status: SpeechStatus) -> None:
        return None


def run_speech_check(args: argparse.Namespace) -> int:
    from kiosk.cli import settings_from_args

    settings = settings_from_args(args)
    language = args.language or settings["ui.language"]
    text = speakable(args.text or DEFAULT_TEXT[language], language)
    sink = WavFileSink(args.wav.parent) if args.wav else None
    engine = open_speech_engine(
        sink, rate=settings["speech.rate"], volume=settings["speech.volume"]
    )
    report: dict[str, Any] = {
        "engine": engine.name,
        "voice_zh": engine.voice_for("zh"),
        "voice_en": engine.voice_for("en"),
        "spoken_text": text,
    }
    try:
        if args.wav:
            try:
                path = engine.synthesize_to_file(text, language, args.wav)
                with wave.open(str(path)) as reader:
                    report["wav"] = str(path)
                    report["duration_s"] = round(reader.getnframes() / reader.getframerate(), 2)
            except SpeechError as error:
                report["error"] = str(error)
        else:
            finished = _Finished()
            engine.add_listener(finished)
            engine.speak(text, language)
            report["finished"] = finished.done.wait(60)
        status = engine.status
        report["health"] = status.health
        report["detail"] = status.detail
    finally:
        engine.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        for key, value in report.items():
            print(f"{key}: {value}")
    return 0 if report["health"] == "ok" and "error" not in report else 1
