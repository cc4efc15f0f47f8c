"""``make bench``: runs every benchmark module (bench/bench_*.py) and prints its figures.

Each module defines ``run() -> dict[str, object]`` returning named figures;
``python -m bench NAME`` runs only the modules whose name contains NAME.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import platform
import sys
import time
from pathlib import Path

import bench


def main(argv: list[str]) -> int:
    wanted = argv[0] if argv else ""
    print(
        f"# legal-kiosk benchmarks, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.node()} {platform.machine()} Python {platform.python_version()}"
    )
    results: dict[str, object] = {}
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if not info.name.startswith("bench_") or wanted not in info.name:
            continue
        module = importlib.import_module(f"bench.{info.name}")
        print(f"\n## {info.name}", flush=True)
        figures = module.run()
        for name, value in figures.items():
            print(f"{name}: {value}", flush=True)
        results[info.name] = figures
    out = Path("bench/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
