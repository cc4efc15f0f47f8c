"""The command line: every command reachable, and `run` not slowed by the others."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser, command_names, main

REPO_ROOT = Path(__file__).resolve().parents[3]


def _registered(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no sub-commands")


def test_each_command_module_registers_the_command_of_its_own_name() -> None:
    names = command_names()
    assert {"run", "sync", "search", "idcard", "speech", "staff"} <= set(names)
    full = _registered(build_parser())
    assert sorted(full) == names
    for name in names:
        # Registered alone, a command's parser is the full one (its own options, a handler).
        alone = _registered(build_parser(only=name))
        assert alone[name].format_help() == full[name].format_help()
        assert alone[name].get_default("handler") is not None


def test_full_help_lists_every_command_with_its_purpose(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for name in command_names():
        assert name in out
    assert "Search laws" in out  # the commands' own help text, not just their names


def test_a_command_help_is_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    out = capsys.readouterr().out
    assert "--limit" in out and "--json" in out


def test_an_unknown_option_goes_to_run_and_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--no-such-option"])
    assert exited.value.code == 2
    assert "--no-such-option" in capsys.readouterr().err


PROBE = """
import json, sys
from kiosk.cli import build_parser
args = build_parser(only="run").parse_args(["run", "--windowed"])
heavy = ("peewee", "serial", "devices.idcard.reader", "devices.speech", "offline_cache.search",
         "kiosk.commands.search", "kiosk.commands.idcard", "kiosk.commands.speech")
print(json.dumps({"handler": args.handler.__module__,
                  "loaded": [name for name in heavy if name in sys.modules]}))
"""


def test_parsing_run_imports_no_other_command_and_none_of_their_stacks() -> None:
    # A fresh interpreter: this test process has imported everything already.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    probe = json.loads(result.stdout)
    assert probe["handler"] == "kiosk.commands.run"
    assert probe["loaded"] == []
