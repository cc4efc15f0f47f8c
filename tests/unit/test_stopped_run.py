"""The report `make test` prints when a run stops in the middle (tests/stopped_run.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stopped_run import TOP_FRAMES, main, summary

LOG = """running tests/ui/test_example.py::test_something
Qt QtFatalMsg: QThread: Destroyed while thread 'kiosk-sync' is still running
Fatal Python error: Aborted

Thread 0x00007f0000000001 (most recent call first):
  File "/repo/kiosk/sync_service.py", line 90 in run
  File "/usr/lib/python3.11/threading.py", line 975 in _bootstrap

Current thread 0x00007f0000000002 (most recent call first):
  Garbage-collecting
""" + "".join(f'  File "/repo/frame{n}.py", line {n} in f{n}\n' for n in range(30))


def test_the_summary_names_the_test_the_qt_message_and_the_top_of_the_crashed_stack() -> None:
    lines = summary(LOG.splitlines())
    assert lines[0] == "running tests/ui/test_example.py::test_something"
    assert "Fatal Python error: Aborted" in lines
    assert "Qt QtFatalMsg: QThread: Destroyed while thread 'kiosk-sync' is still running" in lines
    current = lines.index("Current thread 0x00007f0000000002 (most recent call first):")
    assert lines[current + 1] == "  Garbage-collecting"
    assert len(lines) - current == 1 + TOP_FRAMES
    assert not any("threading.py" in line for line in lines)  # other threads: only in full


def test_whole_log_first_then_the_summary_last(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "hang.log"
    log.write_text(LOG, encoding="utf-8")
    assert main(str(log)) == 0
    printed = capsys.readouterr().out.splitlines()
    assert "frame29.py" in "\n".join(printed)  # the full log
    short = printed.index("--- in short:")
    assert printed[short + 1].startswith("running ") and "frame29.py" not in "\n".join(
        printed[short:]
    )


def test_nothing_is_printed_for_an_empty_or_missing_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.log").write_text("")
    assert main(str(tmp_path / "empty.log")) == 0
    assert main(str(tmp_path / "missing.log")) == 0
    assert capsys.readouterr().out == ""
