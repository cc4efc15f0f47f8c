"""The ID-card reader on a serial port, polled in its own thread.

``SerialCardReader`` opens the port (115200 8N1, no flow control: 0x11/0x13
occur inside frames), checks the SAM once, then polls find-card. A found card
is selected and read, and ``on_card`` is called ONCE per placement: while the
card stays on the reader nothing more is reported, whichever way the reader
behaves (answering find with 80 until the card is lifted, or finding it again
on every poll). Noise, truncated frames, bad checksums, timeouts and a device
that disappears are survived; the port is reopened as soon as it is back.
Health (ok / absent / error) and the time of the last read are reported; card
data never is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import logging
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol, runtime_checkable

import serial

from devices.idcard.cards import CardData, decode_card
from devices.idcard.errors import (
    CardDecodeError,
    FrameError,
    IdCardProtocolError,
    ReaderTimeoutError,
    StatusError,
)
from devices.idcard.protocol import (
    Answer,
    Command,
    FrameReceiver,
    RejectedFrame,
    Status,
    build_request,
    decode_appended_address,
    format_sam_id,
    parse_answer,
    parse_base_info,
)
from devices.idcard.status import ReaderHealth, ReaderStatus

log = logging.getLogger(__name__)

# Host timeouts (the protocol notes: 100-800 ms for find/select, 2-3 s for a
# read, 300 ms for the SAM id, 1.5 s for the appended address).
FIND_TIMEOUT_S = 0.5
SAM_TIMEOUT_S = 0.5
READ_TIMEOUT_S = 2.0
APPENDED_TIMEOUT_S = 1.5
READ_ATTEMPTS = 3
REOPEN_INTERVAL_S = 0.2
# Failed cycles in a row before health turns to "error" (one glitch is not a fault).
FAILURES_BEFORE_ERROR = 2
BASE_INFO_FRAME_BYTES = 1295
# What a vanished device raises: pyserial's error, the OS error under it, and
# termios.error (not an OSError) from flushing a port whose device is gone.
_DISCONNECTED = (serial.SerialException, OSError, termios.error)


@runtime_checkable
class CardReader(Protocol):
    """What the kiosk needs from any card reader."""

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def health(self) -> ReaderStatus: ...

    def last_read_at(self) -> dt.datetime | None: ...


CardCallback = Callable[[CardData], None]
HealthCallback = Callable[[ReaderStatus], None]
UnreadableCallback = Callable[[str], None]


class SerialCardReader:
    """A :class:`CardReader` on a serial port (USB-UART bridge, CDC-ACM, on-board UART)."""

    def __init__(
        self,
        port: str,
        baudrate: int = 115_200,
        poll_interval: float = 0.3,
        on_card: CardCallback | None = None,
        on_health: HealthCallback | None = None,
        *,
        on_unreadable: UnreadableCallback | None = None,
        read_appended_address: bool = True,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.poll_interval = poll_interval
        self._on_card = on_card
        self._on_health = on_health
        self._on_unreadable = on_unreadable
        self._read_appended = read_appended_address
        self._clock = clock
        # The read answer takes ~112 ms on the wire at 115200 and 1.35 s at 9600.
        self._read_timeout = READ_TIMEOUT_S + BASE_INFO_FRAME_BYTES * 10 / baudrate
        self._status = ReaderStatus(ReaderHealth.ABSENT, "not started")
        self._status_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: Any = None
        self._receiver = FrameReceiver()
        self._sam_checked = False
        self._card_active = False
        self._last_card_key: bytes | None = None
        self._failures = 0
        self.cards_read = 0

    # --- CardReader ---------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="idcard-reader", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=5)
        self._close()

    def health(self) -> ReaderStatus:
        with self._status_lock:
            return self._status

    def last_read_at(self) -> dt.datetime | None:
        return self.health().last_read_at

    # --- the polling thread ---------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._serial is None and not self._open():
                self._stop.wait(REOPEN_INTERVAL_S)
                continue
            try:
                self._cycle()
                self._failures = 0
            except _DISCONNECTED as error:
                log.warning("ID-card reader at %s disconnected: %s", self.port, error)
                self._close()
                self._set_health(ReaderHealth.ABSENT, "device disconnected")
                continue
            except IdCardProtocolError as error:
                if self._stop.is_set():
                    break
                self._failures += 1
                log.info("ID-card reader: %s", error)
                if self._failures >= FAILURES_BEFORE_ERROR:
                    self._set_health(ReaderHealth.ERROR, str(error))
            except Exception:  # a bug: keep the reader alive, but say so loudly
                log.exception("unexpected error in the ID-card reader thread")
                self._set_health(ReaderHealth.ERROR, "internal error")
                self._close()
            self._stop.wait(self.poll_interval)
        self._close()

    def _open(self) -> bool:
        try:
            self._serial = serial.Serial(
                self.port,
                self.baudrate,
                bytesize=serial.EIGHTBITS,
                parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE,
                timeout=0.05,
                write_timeout=1.0,
                xonxoff=False,
                rtscts=False,
                dsrdtr=False,
            )
        except (serial.SerialException, OSError, ValueError) as error:
            code = getattr(error, "errno", None)
            if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
                self._set_health(ReaderHealth.ABSENT, f"no device at {self.port}")
            elif code in (errno.EACCES, errno.EPERM):
                self._set_health(
                    ReaderHealth.ERROR, f"no permission to open {self.port} (dialout group?)"
                )
            else:
                self._set_health(ReaderHealth.ERROR, f"cannot open {self.port}: {error}")
            return False
        log.info("ID-card reader port %s opened at %d baud", self.port, self.baudrate)
        self._sam_checked = False
        return True

    def _close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            with contextlib.suppress(*_DISCONNECTED):
                port.close()

    def _cycle(self) -> None:
        if not self._sam_checked:
            self._check_sam()
        if self._card_active:
            # The SDK idiom: while the card that was read is still in the field, the
            # reader answers "read appended address" with 90/91.
            probe = self._transact(Command.READ_APPENDED_ADDRESS, APPENDED_TIMEOUT_S)
            if probe.sw3 in (Status.SUCCESS, Status.NO_CONTENT):
                self._set_health(ReaderHealth.OK)
                return
            self._card_active = False
        found = self._transact(Command.FIND_CARD, FIND_TIMEOUT_S)
        self._set_health(ReaderHealth.OK)
        if found.sw3 != Status.CARD_FOUND:
            # No card (or one already read and not lifted): a later find is a new placement.
            if found.sw3 == Status.FIND_FAILED:
                self._last_card_key = None
            return
        self._expect(self._transact(Command.SELECT_CARD, FIND_TIMEOUT_S), "select")
        self._read_card()

    def _check_sam(self) -> None:
        self._expect(self._transact(Command.SAM_STATUS, SAM_TIMEOUT_S), "SAM status")
        sam_id: str | None = None
        try:
            answer = self._transact(Command.SAM_ID, SAM_TIMEOUT_S)
            if answer.sw3 == Status.SUCCESS:
                sam_id = format_sam_id(answer.data)
        except IdCardProtocolError as error:
            log.info("SAM id not available: %s", error)
        self._sam_checked = True
        log.info("ID-card reader SAM ready, id %s", sam_id or "unknown")
        with self._status_lock:
            self._status = replace(self._status, sam_id=sam_id)
        self._set_health(ReaderHealth.OK)

    def _read_card(self) -> None:
        answer: Answer | None = None
        last_error: IdCardProtocolError | None = None
        for _ in range(READ_ATTEMPTS):
            try:
                answer = self._expect(self._transact(Command.READ_BASE, self._read_timeout), "read")
                break
            except (FrameError, ReaderTimeoutError, StatusError) as error:
                last_error = error
                if self._stop.is_set():
                    return
        if answer is None:
            assert last_error is not None
            raise last_error
        info = parse_base_info(answer.data)
        appended = self._appended_address() if self._read_appended else None
        self._card_active = True
        key = hashlib.sha256(info.text + (appended or "").encode()).digest()
        if key == self._last_card_key:
            return  # a reader that finds the same card again while it stays: not a new placement
        self._last_card_key = key
        now = self._clock()
        with self._status_lock:
            self._status = replace(self._status, last_read_at=now)
        self.cards_read += 1
        try:
            card = decode_card(info.text, info.photo, appended)
        except CardDecodeError as error:
            log.warning("ID-card unreadable: %s", error)
            if self._on_unreadable:
                self._on_unreadable(str(error))
            return
        log.info("ID card read (%s)", card.id_type)
        if self._on_card:
            self._on_card(card)

    def _appended_address(self) -> str | None:
        try:
            answer = self._transact(Command.READ_APPENDED_ADDRESS, APPENDED_TIMEOUT_S)
        except (FrameError, ReaderTimeoutError) as error:
            log.info("appended address not read: %s", error)
            return None
        if answer.sw3 != Status.SUCCESS:
            return None
        try:
            return decode_appended_address(answer.data) or None
        except CardDecodeError:
            return None

    # --- one command, one answer ----------------------------------------------------

    def _transact(self, command: Command, timeout: float) -> Answer:
        port = self._serial
        if port is None:
            raise serial.SerialException("port closed")
        port.reset_input_buffer()
        self._receiver.reset()
        port.write(build_request(command))
        deadline = time.monotonic() + timeout
        while True:
            if self._stop.is_set():
                raise ReaderTimeoutError(f"{command.name}: stopped")
            if time.monotonic() >= deadline:
                raise ReaderTimeoutError(f"{command.name}: no answer within {timeout:.1f} s")
            chunk = port.read(port.in_waiting or 1)
            for item in self._receiver.feed(chunk):
                if isinstance(item, RejectedFrame):
                    if item.reason == "bad checksum":
                        raise FrameError(f"{command.name}: answer with a bad checksum")
                    continue
                return parse_answer(item)

    @staticmethod
    def _expect(answer: Answer, what: str) -> Answer:
        if answer.sw3 != Status.SUCCESS:
            raise StatusError(what, answer.sw3, Status.describe(answer.sw3))
        return answer

    def _set_health(self, health: ReaderHealth, detail: str = "") -> None:
        with self._status_lock:
            previous = self._status
            if previous.health == health and previous.detail == detail:
                return
            self._status = replace(previous, health=health, detail=detail)
            current = self._status
        if previous.health != health:
            log.info("ID-card reader health: %s %s", health.value, detail)
        if self._on_health:
            self._on_health(current)
