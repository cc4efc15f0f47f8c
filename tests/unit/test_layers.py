"""The layer rules that import-linter cannot express (it does not see inside PySide6).

offline_cache/ imports no Qt at all; devices/ and kiosk/ may use QtCore (signals,
threads, timers) but never widgets or painting; ui/ reaches nothing below kiosk/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "offline_cache": ("PySide6", "ui", "kiosk"),
    "devices": ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtQuick", "ui", "kiosk"),
    "kiosk": ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtQuick", "ui"),
    "ui": ("offline_cache", "devices", "peewee", "playhouse", "requests", "sqlite3", "serial"),
}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_respects_its_layer(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in imported_modules(path):
            for banned in FORBIDDEN[package]:
                if name == banned or name.startswith(banned + "."):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QLabel\nimport peewee\n")
    assert "PySide6.QtWidgets.QLabel" in imported_modules(sample)
    assert "peewee" in imported_modules(sample)
