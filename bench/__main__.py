"""``make bench``: runs every benchmark module (bench/bench_*.py) and prints its figures.

Each module defines ``run() -> dict[str, object]`` returning named figures;
``python -m bench NAME`` runs only the modules whose name contains NAME. Every
module runs in its own process: benchmarks create their own Qt application,
database and threads, and one must not inherit another's.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench

ROOT = Path(__file__).resolve().parent.parent


def _run_one(name: str, result_file: Path) -> int:
    module = importlib.import_module(f"bench.{name}")
    figures = module.run()
    for key, value in figures.items():
        print(f"{key}: {value}", flush=True)
    result_file.write_text(json.dumps(figures, ensure_ascii=False, default=str))
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        return _run_one(argv[1], Path(argv[2]))
    wanted = argv[0] if argv else ""
    print(
        f"# legal-kiosk benchmarks, {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.node()} {platform.machine()} Python {platform.python_version()}"
    )
    results: dict[str, object] = {}
    failed: list[str] = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if not info.name.startswith("bench_") or wanted not in info.name:
            continue
        print(f"\n## {info.name}", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            result_file = Path(folder) / "figures.json"
            command = [sys.executable, "-m", "bench", "--one", info.name, str(result_file)]
            done = subprocess.run(command, cwd=ROOT, check=False)
            if done.returncode != 0 or not result_file.exists():
                print(f"{info.name} FAILED (exit status {done.returncode})", flush=True)
                failed.append(info.name)
                continue
            results[info.name] = json.loads(result_file.read_text())
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
