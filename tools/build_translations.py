"""Compile the Qt translation sources (ui/i18n/<language>/<feature>.ts) into .qm files when they changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "ui" / "i18n"


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    return found or "pyside6-lrelease"


def main() -> int:
    for source in sorted(I18N.rglob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([lrelease(), "-silent", str(source), "-qm", str(target)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
