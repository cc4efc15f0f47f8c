"""A pseudo-terminal ID-card reader speaking the real protocol, for demos and tests.

The simulator owns the master side of a pty and publishes the slave side under a
stable symlink (``<directory>/idcard-reader``) that a :class:`SerialCardReader`
opens like any /dev/ttyUSB0. Tests and the demo control place and lift cards,
inject faults (noise, bad checksums, truncated, slow or missing answers) and
unplug/replug the device (the pty is closed and a new one appears under the same
path). Answers are paced at the configured baud rate so timings are realistic.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import random
import select
import tempfile
import threading
import time
import tty
from pathlib import Path

from devices.idcard.cards import CardData, encode_text_block
from devices.idcard.errors import IdCardProtocolError
from devices.idcard.protocol import (
    Command,
    Frame,
    FrameReceiver,
    Status,
    build_answer,
    parse_request,
)
from devices.idcard.samples import DEMO_CARD, sample_card

log = logging.getLogger(__name__)

LINK_NAME = "idcard-reader"
SLOW_BAUD = 9600
REPLACE_DELAY_S = 1.0
DEFAULT_SAM_ID = (
    bytes([0x05, 0x00, 0x01, 0x00])
    + (20_181_017).to_bytes(4, "little")
    + (1_234_567_890).to_bytes(4, "little")
    + (987_654_321).to_bytes(4, "little")
)


class Fault(enum.StrEnum):
    """Ways the simulated reader misbehaves on its answers."""

    NOISE = "noise"  # garbage before and after each answer
    BAD_CHECKSUM = "bad_checksum"  # last byte of the answer flipped
    TRUNCATED = "truncated"  # only the first half of the answer is sent
    SLOW = "slow"  # the answer trickles at 9600 baud
    SILENCE = "silence"  # no answer at all


class ReaderSimulator:
    """The device: a pty that answers reader commands about the card lying on it."""

    def __init__(
        self,
        directory: Path,
        *,
        wire_baud: int | None = 115_200,
        refind_while_present: bool = False,
        active_after_read: bool = True,
        sam_id: bytes = DEFAULT_SAM_ID,
        seed: int = 12348,
    ) -> None:
        self.path = Path(directory) / LINK_NAME
        self.wire_baud = wire_baud
        # False: like most readers, find answers 80 after a read until the card is
        # lifted. True: the other behaviour, the card is found again on every poll.
        self.refind_while_present = refind_while_present
        # True: the card stays selected after a read, so "read appended address"
        # keeps answering 90/91 until it is lifted (the SDK idiom). False: the
        # reader drops the card after reading it and its appended address.
        self.active_after_read = active_after_read
        self._sam_id = sam_id
        # SW3 of the SAM status and reset answers (0x60: self-test failed, 0x66: unauthorized).
        self.sam_status: int = Status.SUCCESS
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._card: CardData | bytes | None = None
        self._found = False
        self._selected = False
        self._read_done = False
        self._faults: dict[Fault, tuple[int | None, Command | None]] = {}
        self._master: int | None = None
        self._slave: int | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.requests_answered = 0
        self.reads_answered = 0

    # --- life cycle ---------------------------------------------------------------

    def start(self) -> Path:
        """Create the pty and the symlink and start answering; returns the device path."""
        if self._thread is not None:
            return self.path
        master, slave = os.openpty()
        # Raw on our side too, so nothing is echoed or translated before the
        # reader has opened (and configured) the slave.
        tty.setraw(slave)
        tty.setraw(master)
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        temporary = self.path.with_name(f".{LINK_NAME}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        temporary.symlink_to(os.ttyname(slave))
        os.replace(temporary, self.path)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="idcard-simulator", daemon=True)
        self._thread.start()
        return self.path

    def stop(self) -> None:
        """Stop answering, close the pty and remove the symlink (the device is gone)."""
        thread, self._thread = self._thread, None
        self._stop.set()
        if thread is not None:
            thread.join(timeout=5)
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def unplug(self) -> None:
        """The USB cable is pulled: the device node disappears."""
        self.stop()

    def replug(self) -> Path:
        """The cable is plugged back in: a new device appears under the same path."""
        with self._lock:
            self._found = self._selected = False
        return self.start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    # --- the card on the reader ---------------------------------------------------

    def place(self, card: CardData | bytes) -> None:
        """Put a card on the reader (a CardData, or a raw 256-byte text block)."""
        with self._lock:
            self._card = card
            self._found = self._selected = self._read_done = False

    def lift(self) -> None:
        with self._lock:
            self._card = None
            self._found = self._selected = self._read_done = False

    @property
    def card_present(self) -> bool:
        return self._card is not None

    # --- faults -------------------------------------------------------------------

    def set_fault(
        self, fault: Fault, count: int | None = None, command: Command | None = None
    ) -> None:
        """Misbehave on the next ``count`` answers (None: until cleared), optionally
        only on the answers to ``command``."""
        with self._lock:
            self._faults[fault] = (count, command)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_faults(self, command: Command | None) -> set[Fault]:
        with self._lock:
            active = set()
            for fault, (remaining, only) in list(self._faults.items()):
                if only is not None and only is not command:
                    continue
                active.add(fault)
                if remaining is not None:
                    if remaining <= 1:
                        del self._faults[fault]
                    else:
                        self._faults[fault] = (remaining - 1, only)
            return active

    # --- serving ------------------------------------------------------------------

    def _serve(self) -> None:
        receiver = FrameReceiver()
        master = self._master
        assert master is not None
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([master], [], [], 0.05)
                if not ready:
                    continue
                chunk = os.read(master, 4096)
            except (OSError, ValueError):
                return
            for item in receiver.feed(chunk):
                if not isinstance(item, Frame):
                    bad_length = item.reason.startswith("impossible length")
                    status = Status.BAD_LENGTH if bad_length else Status.BAD_CHECKSUM
                    self._send(master, build_answer(status), None)
                    continue
                try:
                    command = parse_request(item).command
                except IdCardProtocolError:
                    self._send(master, build_answer(Status.BAD_LENGTH), None)
                    continue
                self._send(master, self._answer(command), command)

    def _answer(self, command: Command | None) -> bytes:
        with self._lock:
            card = self._card
            if command in (Command.RESET_SAM, Command.SAM_STATUS):
                return build_answer(self.sam_status)
            if command is Command.SAM_ID:
                return build_answer(Status.SUCCESS, self._sam_id)
            if command is Command.FIND_CARD:
                if card is not None and (self.refind_while_present or not self._read_done):
                    self._found = True
                    self._selected = False
                    return build_answer(Status.CARD_FOUND, bytes(4))
                return build_answer(Status.FIND_FAILED)
            if command is Command.SELECT_CARD:
                if card is not None and self._found:
                    self._selected = True
                    return build_answer(Status.SUCCESS, bytes(8))
                return build_answer(Status.SELECT_FAILED)
            if command in (Command.READ_BASE, Command.READ_BASE_FINGERPRINT):
                if card is None or not self._selected:
                    return build_answer(Status.READ_FAILED)
                self._read_done = True
                self.reads_answered += 1
                return build_answer(
                    Status.SUCCESS,
                    _base_info(card, with_fingerprint=command is Command.READ_BASE_FINGERPRINT),
                )
            if command is Command.READ_APPENDED_ADDRESS:
                if card is None or not self._selected:
                    return build_answer(Status.READ_FAILED)
                if self._read_done and not self.active_after_read:
                    self._selected = False
                appended = card.appended_address if isinstance(card, CardData) else None
                if not appended:
                    return build_answer(Status.NO_CONTENT)
                text = appended[:35].ljust(35)
                return build_answer(Status.SUCCESS, text.encode("utf-16-le"))
            return build_answer(Status.COMMAND_ERROR)

    def _send(self, master: int, frame: bytes, command: Command | None) -> None:
        faults = self._take_faults(command)
        self.requests_answered += 1
        if Fault.SILENCE in faults:
            return
        if Fault.BAD_CHECKSUM in faults:
            frame = frame[:-1] + bytes([frame[-1] ^ 0x5A])
        if Fault.TRUNCATED in faults:
            frame = frame[: max(1, len(frame) // 2)]
        if Fault.NOISE in faults:
            frame = self._noise() + frame + self._noise()
        baud = SLOW_BAUD if Fault.SLOW in faults else self.wire_baud
        self._write_paced(master, frame, baud)

    def _noise(self) -> bytes:
        length = self._random.randint(1, 24)
        # Include lookalikes of the preamble so resynchronisation is really exercised.
        pieces = [b"\xaa", b"\xaa\xaa", b"\x96\x69", b"\xaa\xaa\xaa\x96"]
        noise = bytes(self._random.getrandbits(8) for _ in range(length))
        return self._random.choice(pieces) + noise

    def _write_paced(self, master: int, data: bytes, baud: int | None) -> None:
        """Write as a UART would deliver it: 10 bits a byte at ``baud``, in small chunks."""
        chunk_size = 64
        started = time.monotonic()
        for offset in range(0, len(data), chunk_size):
            chunk = data[offset : offset + chunk_size]
            if baud:
                due = started + (offset + len(chunk)) * 10 / baud
                delay = due - time.monotonic()
                if delay > 0 and self._stop.wait(delay):
                    return
            if not self._write_all(master, chunk):
                return

    def _write_all(self, master: int, data: bytes) -> bool:
        view = memoryview(data)
        deadline = time.monotonic() + 1.0
        while view:
            try:
                written = os.write(master, view)
                view = view[written:]
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return False  # nobody reads: a real UART would drop it too
                select.select([], [master], [], 0.05)
            except OSError:
                return False
        return True


def _base_info(card: CardData | bytes, with_fingerprint: bool) -> bytes:
    if isinstance(card, bytes):
        text, photo = card, bytes(1024)
    else:
        text = encode_text_block(card)
        photo = card.photo_wlt.ljust(1024, b"\x00")[:1024]
    lengths = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    if with_fingerprint:
        lengths += (0).to_bytes(2, "big")
    return lengths + text + photo


class SimulatedReaderDevice:
    """The kiosk's built-in demo reader: a simulator in a private temporary folder."""

    def __init__(self, directory: Path | None = None, **options: object) -> None:
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        if directory is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="legal-kiosk-idcard-")
            directory = Path(self._temporary.name)
        self.simulator = ReaderSimulator(directory, **options)  # type: ignore[arg-type]

    @property
    def path(self) -> Path:
        """The device path to give to the reader (stable across unplug/replug)."""
        return self.simulator.path

    def start(self) -> Path:
        return self.simulator.start()

    def stop(self) -> None:
        self.simulator.stop()
        if self._temporary is not None:
            self._temporary.cleanup()
            self._temporary = None

    def place_demo_card(self, kind: str = DEMO_CARD) -> None:
        """Put a sample card on the reader.

        A card already lying there is lifted first and the new one placed a moment
        later, as a hand would: the reader must see the field empty to know that
        the same card placed again is a new placement.
        """
        card = sample_card(kind)
        if not self.simulator.card_present:
            self.simulator.place(card)
            return
        self.simulator.lift()
        timer = threading.Timer(REPLACE_DELAY_S, self.simulator.place, args=(card,))
        timer.daemon = True
        timer.start()

    def lift(self) -> None:
        self.simulator.lift()
