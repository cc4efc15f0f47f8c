"""The reader's serial protocol as pure functions: frames, checksum, status codes.

Frames in both directions are ``AA AA AA 96 69 | LEN(2, big endian) | body | CHK``
where LEN counts the body plus the checksum and CHK is the XOR of the length
bytes and the body. A request body is CMD PARA DATA, an answer body SW1 SW2 SW3
DATA. See docs/idcard-reader.md and the protocol notes it cites.

Card decoding lives in :mod:`devices.idcard.cards`; ``decode_card`` and
``CardData`` are re-exported here so callers need one import.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import reduce

from devices.idcard.cards import CardData, decode_card
from devices.idcard.errors import CardDecodeError, FrameError, IdCardProtocolError

__all__ = [
    "PREAMBLE",
    "Answer",
    "BaseInfo",
    "CardData",
    "Command",
    "FrameReceiver",
    "IdCardProtocolError",
    "RejectedFrame",
    "Request",
    "Status",
    "build_answer",
    "build_frame",
    "build_request",
    "checksum",
    "decode_appended_address",
    "decode_card",
    "format_sam_id",
    "parse_answer",
    "parse_base_info",
    "parse_request",
]

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER_SIZE = len(PREAMBLE) + 2
# The largest legal frame is the 30 10 answer with two fingerprints (LEN 0x090A);
# anything much larger is noise that happened to contain a preamble.
MAX_LEN = 0x0A00
MIN_LEN = 3  # a request: CMD PARA CHK


class Command(bytes, enum.Enum):
    """CMD PARA of the commands the kiosk uses."""

    RESET_SAM = b"\x10\xff"
    SAM_STATUS = b"\x11\xff"
    SAM_ID = b"\x12\xff"
    FIND_CARD = b"\x20\x01"
    SELECT_CARD = b"\x20\x02"
    READ_BASE = b"\x30\x01"
    READ_APPENDED_ADDRESS = b"\x30\x03"
    READ_BASE_FINGERPRINT = b"\x30\x10"


class Status(enum.IntEnum):
    """SW3, the reader/SAM status byte of every answer."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F
    NO_CONTENT = 0x91
    BAD_CHECKSUM = 0x10
    BAD_LENGTH = 0x11
    COMMAND_ERROR = 0x21
    UNAUTHORIZED = 0x23
    UNRECOGNISED_ERROR = 0x24
    CARD_REJECTED_SAM = 0x31
    SAM_REJECTED_CARD = 0x32
    VERIFICATION_FAILED = 0x33
    UNKNOWN_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    RANDOM_FAILED = 0x47
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORIZED = 0x66
    FIND_FAILED = 0x80
    SELECT_FAILED = 0x81

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]

    @classmethod
    def describe(cls, sw3: int) -> str:
        """Meaning of any SW3 byte, including values the table does not know."""
        try:
            return cls(sw3).meaning
        except ValueError:
            return f"unknown status 0x{sw3:02X}"


_MEANINGS: dict[Status, str] = {
    Status.SUCCESS: "success",
    Status.CARD_FOUND: "a card is present",
    Status.NO_CONTENT: "success, the item has no content",
    Status.BAD_CHECKSUM: "the reader got a frame with a bad checksum",
    Status.BAD_LENGTH: "the reader got a frame with a bad length",
    Status.COMMAND_ERROR: "unknown command, bad parameter or bad combination",
    Status.UNAUTHORIZED: "unauthorized operation",
    Status.UNRECOGNISED_ERROR: "unrecognised error",
    Status.CARD_REJECTED_SAM: "the card failed to authenticate the SAM",
    Status.SAM_REJECTED_CARD: "the SAM failed to authenticate the card",
    Status.VERIFICATION_FAILED: "information verification failed",
    Status.UNKNOWN_CARD_TYPE: "unrecognised card type",
    Status.READ_FAILED: "reading the card failed",
    Status.RANDOM_FAILED: "getting a random number failed",
    Status.SAM_SELF_TEST_FAILED: "SAM self-test failed",
    Status.SAM_NOT_AUTHORIZED: "SAM not authorized",
    Status.FIND_FAILED: "no card, or the card was already read and not lifted",
    Status.SELECT_FAILED: "select failed",
}


def checksum(data: bytes) -> int:
    """XOR of ``data`` (the length bytes and the body: never the preamble)."""
    return reduce(lambda acc, byte: acc ^ byte, data, 0)


def build_frame(body: bytes) -> bytes:
    """Wrap a body (CMD PARA DATA or SW1 SW2 SW3 DATA) into a complete frame."""
    length = len(body) + 1
    if length > 0xFFFF:
        raise ValueError("frame body too long")
    counted = length.to_bytes(2, "big") + body
    return PREAMBLE + counted + bytes([checksum(counted)])


def build_request(command: Command | bytes, data: bytes = b"") -> bytes:
    """A host -> reader frame, e.g. ``build_request(Command.FIND_CARD)``."""
    cmd = command.value if isinstance(command, Command) else command
    return build_frame(bytes(cmd) + data)


def build_answer(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A reader -> host frame (used by the simulator and tests)."""
    return build_frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True)
class RejectedFrame:
    """A framed byte run the receiver dropped, and why (for counting and retries)."""

    reason: str


@dataclass(frozen=True)
class Frame:
    """The checked body of a frame (everything between LEN and CHK)."""

    body: bytes


class FrameReceiver:
    """Streaming frame parser that resynchronises on the preamble.

    Feed it whatever the port returned; it hands back every complete, checked
    frame and a :class:`RejectedFrame` for every run it had to drop. Noise
    before a frame is skipped; a frame with a bad checksum or an impossible
    length is dropped from its preamble on, so a real frame hidden behind a
    truncated one is still found. It never raises on any input.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.discarded_bytes = 0

    def reset(self) -> None:
        """Forget everything buffered (before each new command)."""
        self._buffer.clear()

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Frame | RejectedFrame]:
        self._buffer.extend(data)
        results: list[Frame | RejectedFrame] = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # Keep a tail that may be the start of a preamble split across reads.
                keep = len(PREAMBLE) - 1
                dropped = max(0, len(self._buffer) - keep)
                self._discard(dropped)
                return results
            self._discard(start)
            if len(self._buffer) < HEADER_SIZE:
                return results
            length = int.from_bytes(self._buffer[5:7], "big")
            if not MIN_LEN <= length <= MAX_LEN:
                results.append(RejectedFrame(f"impossible length {length}"))
                self._discard(1)
                continue
            if len(self._buffer) < HEADER_SIZE + length:
                return results  # truncated so far: wait for the rest (or a reset)
            counted = bytes(self._buffer[5 : 6 + length])
            received = self._buffer[HEADER_SIZE + length - 1]
            if checksum(counted) != received:
                results.append(RejectedFrame("bad checksum"))
                # Only skip this preamble: the bytes after it may hold the next frame.
                self._discard(1)
                continue
            results.append(Frame(counted[2:]))
            self._discard(HEADER_SIZE + length)

    def _discard(self, count: int) -> None:
        if count:
            del self._buffer[:count]
            self.discarded_bytes += count


@dataclass(frozen=True)
class Answer:
    """A reader answer: status words and data."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes

    @property
    def status(self) -> Status | None:
        try:
            return Status(self.sw3)
        except ValueError:
            return None

    @property
    def meaning(self) -> str:
        return Status.describe(self.sw3)


@dataclass(frozen=True)
class Request:
    """A host request: command, parameter and data."""

    cmd: int
    para: int
    data: bytes

    @property
    def command(self) -> Command | None:
        try:
            return Command(bytes([self.cmd, self.para]))
        except ValueError:
            return None


def parse_answer(frame: Frame) -> Answer:
    if len(frame.body) < 3:
        raise FrameError(f"answer too short ({len(frame.body)} bytes)")
    return Answer(frame.body[0], frame.body[1], frame.body[2], frame.body[3:])


def parse_request(frame: Frame) -> Request:
    if len(frame.body) < 2:
        raise FrameError(f"request too short ({len(frame.body)} bytes)")
    return Request(frame.body[0], frame.body[1], frame.body[2:])


@dataclass(frozen=True)
class BaseInfo:
    """The parts of a ``30 01`` / ``30 10`` answer."""

    text: bytes
    photo: bytes
    fingerprint: bytes


def parse_base_info(data: bytes, with_fingerprint: bool = False) -> BaseInfo:
    """Split the data of a read answer into text, photo and fingerprint blocks."""
    header = 6 if with_fingerprint else 4
    if len(data) < header:
        raise FrameError(f"read answer too short ({len(data)} bytes)")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    finger_len = int.from_bytes(data[4:6], "big") if with_fingerprint else 0
    if len(data) < header + text_len + photo_len + finger_len:
        raise FrameError(
            f"read answer announces {text_len}+{photo_len}+{finger_len} bytes, "
            f"carries {len(data) - header}"
        )
    text_end = header + text_len
    photo_end = text_end + photo_len
    return BaseInfo(
        data[header:text_end], data[text_end:photo_end], data[photo_end : photo_end + finger_len]
    )


def decode_appended_address(data: bytes) -> str:
    """The newest appended address (UCS-2 LE, space padded)."""
    usable = data[: len(data) - len(data) % 2]
    try:
        return usable.decode("utf-16-le").rstrip(" \x00")
    except UnicodeDecodeError as error:
        raise CardDecodeError("appended address is not valid UCS-2") from error


def format_sam_id(data: bytes) -> str:
    """SAM id as ``AA.BB-CCCCCCCC-DDDDDDDDDD-EEEEEEEEEE`` (bytes 0 and 2 in hex)."""
    if len(data) < 16:
        raise FrameError(f"SAM id needs 16 bytes, got {len(data)}")

    def le(chunk: bytes) -> int:
        return int.from_bytes(chunk, "little")

    return (
        f"{data[0]:02X}.{data[2]:02X}-{le(data[4:8])}-{le(data[8:12]):010d}-{le(data[12:16]):010d}"
    )
