"""The one family of errors the ID-card protocol code raises.

Everything that reads bytes from a reader (frame receiver, answer parser, card
decoder) raises only these, so a caller can treat any malformed input from the
wire with one ``except IdCardProtocolError``.
"""

from __future__ import annotations


class IdCardProtocolError(Exception):
    """Bytes from the reader did not make sense."""


class FrameError(IdCardProtocolError):
    """A frame was malformed: wrong preamble, impossible length or bad checksum."""


class StatusError(IdCardProtocolError):
    """The reader answered with a status other than the one the command expects."""

    def __init__(self, command: str, sw3: int, meaning: str):
        self.command = command
        self.sw3 = sw3
        self.meaning = meaning
        super().__init__(f"{command}: status {sw3:02X} ({meaning})")


class ReaderTimeoutError(IdCardProtocolError):
    """No complete answer arrived within the command's timeout."""


class CardDecodeError(IdCardProtocolError):
    """The card's text block could not be decoded (wrong size, bad date, unknown type)."""
