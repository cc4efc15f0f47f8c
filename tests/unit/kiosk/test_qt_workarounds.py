"""Many signal emits no longer abort the interpreter (PySide6 6.12 refcount defect)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    emits = sys.getrefcount(True) + 1000  # more than True has references
    {prelude}
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        fired = Signal()

    source = Source()
    for _ in range(emits):
        source.fired.emit()
    print("survived")
    """
)


def _run(prelude: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(prelude=prelude)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_emits_are_safe_once_kiosk_is_imported() -> None:
    result = _run("import kiosk")
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout


def test_the_defect_is_still_there_without_the_workaround() -> None:
    # When this starts passing in another way (PySide fixed, or Python >= 3.12),
    # the workaround can go.
    result = _run("")
    if sys.version_info >= (3, 12):
        assert result.returncode == 0
    else:
        assert result.returncode != 0
        assert "bool_dealloc" in result.stderr


PROCESS_EVENTS_SCRIPT = textwrap.dedent(
    """
    import sys
    calls = sys.getrefcount(None) + 1000  # more than None has references
    {prelude}
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication([])
    for _ in range(calls):
        app.processEvents()
    print("survived")
    """
)


def test_process_events_is_safe_once_kiosk_is_imported() -> None:
    # Each static processEvents() call drops a reference to None (screen tour, tests).
    result = subprocess.run(
        [sys.executable, "-c", PROCESS_EVENTS_SCRIPT.format(prelude="import kiosk")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "survived" in result.stdout
