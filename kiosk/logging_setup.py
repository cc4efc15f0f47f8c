"""Logging: rotating files plus stderr, with personal data masked in every record."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from kiosk.pii import mask_text

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LOG_FILE_NAME = "kiosk.log"


class PiiMaskingFilter(logging.Filter):
    """Rewrites each record so that no ID number or mobile number reaches a handler.

    The message is rendered with its arguments first (a number could hide in an
    argument), masked, and stored back; a traceback is rendered and masked too,
    because exception messages often quote the input that caused them.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


def configure_logging(
    log_dir: Path | None, level: str = "INFO", stderr: bool = True
) -> logging.Handler | None:
    """Install the handlers on the root logger; returns the file handler, if any."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_legal_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    formatter = logging.Formatter(LOG_FORMAT)
    masking = PiiMaskingFilter()
    file_handler: logging.Handler | None = None
    handlers: list[logging.Handler] = []
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handlers.append(file_handler)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(masking)
        handler._legal_kiosk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return file_handler


def recent_log_lines(log_dir: Path, count: int = 200) -> list[str]:
    """The last lines of the current log file (already masked when written)."""
    path = log_dir / LOG_FILE_NAME
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            return handle.read().splitlines()[-count:]
    except FileNotFoundError:
        return []
