"""The few typed errors that services raise and presenters turn into messages.

Anything else that escapes is a bug: it is logged with its traceback and the
citizen sees the calm recovery screen, never the error itself.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of the errors the kiosk expects and handles."""


class UserFacingError(KioskError):
    """Something the citizen can act on; ``message_id`` names a translatable message."""

    def __init__(self, message_id: str, detail: str = "", **params: object):
        self.message_id = message_id
        self.detail = detail
        self.params = params
        super().__init__(f"{message_id}: {detail}" if detail else message_id)


class DeviceError(KioskError):
    """A device (card reader, speaker) failed or is absent."""


class SyncError(KioskError):
    """Talking to the central platform failed; ``retryable`` says whether to try later."""

    def __init__(self, message: str, retryable: bool, status: int | None = None):
        self.retryable = retryable
        self.status = status
        super().__init__(message)
