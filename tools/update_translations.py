"""Extract the translatable strings of some ui/ files into ui/i18n/<language>/<feature>.ts.

    python tools/update_translations.py FEATURE ui/screens/laws.py ui/screens/law_detail.py

Existing translations in that file are kept; new strings appear as unfinished
for a translator (Qt Linguist, or any editor: fill <translation> and drop
type="unfinished"). Then ``python tools/build_translations.py`` (or ``make
install``) compiles the .qm files. tests/ui/test_translations.py fails while a
string of ui/ has no English translation in some ui/i18n/en/*.ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    return found or "pyside6-lupdate"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feature", help="name of the .ts file, e.g. laws")
    parser.add_argument("sources", nargs="+", type=Path, help="Python files of the feature")
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    target = ROOT / "ui" / "i18n" / args.language / f"{args.feature}.ts"
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [lupdate(), "-locations", "none", "-no-obsolete", "-target-language", args.language]
    command += [str(s) for s in args.sources] + ["-ts", str(target)]
    subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
