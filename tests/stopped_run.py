"""Print what a test run that stopped in the middle left in its log, summary last.

`make test` runs this when pytest fails and the log is not empty (a passing or
normally failing run empties it). The summary comes last because CI output is
often read from its end: the test that was running, Qt's last fatal or critical
messages, and the top of the stack of the thread that crashed or hung.
"""

from __future__ import annotations

import sys
from pathlib import Path

TOP_FRAMES = 12


def summary(lines: list[str]) -> list[str]:
    running = [line for line in lines if line.startswith("running ")]
    qt_messages = [line for line in lines if line.startswith("Qt Qt")]
    headline = [line for line in lines if line.startswith(("Fatal Python error", "Timeout"))]
    current: list[str] = []
    for index, line in enumerate(lines):
        if line.startswith("Current thread"):
            current = lines[index : index + 1 + TOP_FRAMES]
            break
    return running + headline + qt_messages + current


def main(path: str) -> int:
    log = Path(path)
    if not log.exists() or log.stat().st_size == 0:
        return 0
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    print("--- the test run stopped; what it left (every thread's stack):")
    print("\n".join(lines))
    print("--- in short:")
    print("\n".join(summary(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".pytest-hang.log"))
