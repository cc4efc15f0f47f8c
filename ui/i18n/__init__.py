"""Translations: Chinese source strings, other languages from ``ui/i18n/<lang>/*.qm``.

Every feature keeps its own ``ui/i18n/en/<feature>.ts`` (``tools/build_translations.py``
compiles each to a ``.qm`` beside it; ``make install`` runs it). Installing or
removing translators makes Qt send ``LanguageChange`` to every widget, and each
screen's ``changeEvent`` calls ``retranslate()``: the visible screen changes
language at once.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent
SOURCE_LANGUAGE = "zh_CN"


def translation_sources(language: str) -> list[Path]:
    return sorted((I18N_DIR / language).glob("*.ts"))


def compile_missing(language: str) -> None:
    """Build .qm files that are missing or older than their .ts (a checkout without
    ``make install``); quietly does nothing when the compiler is not there."""
    stale = [
        ts
        for ts in translation_sources(language)
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return
    import shutil
    import subprocess

    compiler = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    compiler = compiler or shutil.which("pyside6-lrelease")
    if compiler is None:
        log.warning("translations of %s are not compiled and pyside6-lrelease is missing", language)
        return
    for ts in stale:
        subprocess.run(
            [compiler, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=False,
            capture_output=True,
        )


class Translations:
    """The translators of the current language, installed on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def install(self, language: str) -> None:
        if language == self.language:
            return
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if language != SOURCE_LANGUAGE:
            compile_missing(language)
            for qm in sorted((I18N_DIR / language).glob("*.qm")):
                translator = QTranslator(self._app)
                if translator.load(str(qm)):
                    self._app.installTranslator(translator)
                    self._installed.append(translator)
                else:
                    log.warning("cannot load translation %s", qm.name)
        self.language = language
