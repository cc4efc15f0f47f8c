from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.logging_setup import LOG_FILE_NAME, configure_logging, recent_log_lines

PHONE = "13912345678"
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def log_dir(tmp_path: Path):
    directory = tmp_path / "logs"
    configure_logging(directory, "DEBUG", stderr=False)
    yield directory
    configure_logging(None, "WARNING", stderr=False)


def test_file_log_masks_id_and_phone_in_message_args_and_traceback(log_dir: Path) -> None:
    log = logging.getLogger("kiosk.test")
    log.info("citizen phone %s id %s", PHONE, ID_NUMBER)
    log.warning(f"inline {PHONE}")
    try:
        raise ValueError(f"bad id {ID_NUMBER}")
    except ValueError:
        log.exception("lookup failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert PHONE not in text
    assert ID_NUMBER not in text
    assert "139****5678" in text
    assert "ValueError" in text
    assert recent_log_lines(log_dir, 3)[-1].endswith("ValueError: bad id 110***********002X")
