"""Every translatable string of ui/ has an English translation in some ui/i18n/en/*.ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EN = ROOT / "ui" / "i18n" / "en"


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("pyside6-lupdate is missing from the environment")
    return found


def _messages(ts: Path, finished_only: bool) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            done = (
                translation is not None
                and (translation.text or "").strip() != ""
                and translation.get("type") not in ("unfinished", "obsolete", "vanished")
            )
            if done or not finished_only:
                found.add((name, source))
    return found


def test_every_ui_string_has_an_english_translation(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    extracted = tmp_path / "all.ts"
    subprocess.run(
        [_lupdate(), "-locations", "none", *sources, "-ts", str(extracted)],
        check=True,
        capture_output=True,
    )
    needed = _messages(extracted, finished_only=False)
    assert len(needed) > 40  # the extraction really found the shell's strings
    translated: set[tuple[str, str]] = set()
    for ts in sorted(EN.glob("*.ts")):
        translated |= _messages(ts, finished_only=True)
    missing = sorted(needed - translated)
    assert not missing, "no English translation for:\n" + "\n".join(
        f"  [{context}] {source}" for context, source in missing
    )


def test_the_comparison_sees_an_unfinished_message(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>C</name>'
        '<message><source>一</source><translation type="unfinished"></translation></message>'
        "<message><source>二</source><translation>Two</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert _messages(ts, finished_only=True) == {("C", "二")}
    assert _messages(ts, finished_only=False) == {("C", "一"), ("C", "二")}


def test_placeholders_survive_translation() -> None:
    for ts in sorted(EN.glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source", "")
            translation = message.findtext("translation", "") or ""
            for number in range(1, 10):
                marker = f"%{number}"
                assert (marker in source) == (marker in translation), (ts.name, source)
