"""The simulator at the byte level, through a real pty opened with pyserial."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from devices.idcard.protocol import (
    Answer,
    Command,
    Frame,
    FrameReceiver,
    build_request,
    parse_answer,
    parse_base_info,
)
from devices.idcard.samples import sample_card
from devices.idcard.simulator import ReaderSimulator


@pytest.fixture
def port(tmp_path: Path) -> Iterator[tuple[ReaderSimulator, serial.Serial]]:
    sim = ReaderSimulator(tmp_path, wire_baud=None)
    sim.start()
    with serial.Serial(str(sim.path), 115_200, timeout=0.05) as handle:
        yield sim, handle
    sim.stop()


def exchange(handle: serial.Serial, raw: bytes) -> tuple[Answer, bytes]:
    handle.reset_input_buffer()
    handle.write(raw)
    receiver = FrameReceiver()
    received = b""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        chunk = handle.read(handle.in_waiting or 1)
        received += chunk
        for item in receiver.feed(chunk):
            if isinstance(item, Frame):
                return parse_answer(item), received
    raise AssertionError("no answer from the simulator")


def test_captured_error_answers(port: tuple[ReaderSimulator, serial.Serial]) -> None:
    _, handle = port
    _, raw = exchange(handle, build_request(Command.READ_BASE))
    assert raw == bytes.fromhex("AAAAAA9669000400004145")  # read with no card -> 41
    _, raw = exchange(handle, build_request(Command.FIND_CARD))
    assert raw == bytes.fromhex("AAAAAA9669000400008084")  # no card -> 80
    _, raw = exchange(handle, build_request(Command.SELECT_CARD))
    assert raw == bytes.fromhex("AAAAAA9669000400008185")  # select without a card -> 81


def test_bad_requests_get_their_status(port: tuple[ReaderSimulator, serial.Serial]) -> None:
    _, handle = port
    # The find with checksum 21 instead of 22 from a buggy public test program.
    answer, _ = exchange(handle, bytes.fromhex("AAAAAA96690003200121"))
    assert answer.sw3 == 0x10
    answer, _ = exchange(handle, build_request(b"\x77\x01"))
    assert answer.sw3 == 0x21


def test_full_sequence_on_the_wire(port: tuple[ReaderSimulator, serial.Serial]) -> None:
    sim, handle = port
    card = sample_card("resident_long_term")
    sim.place(card)
    answer, raw = exchange(handle, build_request(Command.SAM_ID))
    assert answer.sw3 == 0x90 and len(answer.data) == 16
    answer, raw = exchange(handle, build_request(Command.FIND_CARD))
    assert raw == bytes.fromhex("AAAAAA9669000800009F0000000097")
    answer, raw = exchange(handle, build_request(Command.SELECT_CARD))
    assert raw == bytes.fromhex("AAAAAA9669000C00009000000000000000009C")
    answer, raw = exchange(handle, build_request(Command.READ_BASE))
    assert len(raw) == 1295 and raw[5:7] == b"\x05\x08"
    assert parse_base_info(answer.data).photo == card.photo_wlt
    answer, _ = exchange(handle, build_request(Command.READ_BASE_FINGERPRINT))
    assert answer.sw3 == 0x90 and answer.data[4:6] == b"\x00\x00"
    answer, _ = exchange(handle, build_request(Command.READ_APPENDED_ADDRESS))
    assert answer.sw3 == 0x90 and len(answer.data) == 70
    # Read, not lifted: this simulator (like most readers) does not find it again.
    answer, _ = exchange(handle, build_request(Command.FIND_CARD))
    assert answer.sw3 == 0x80
    sim.lift()
    answer, _ = exchange(handle, build_request(Command.READ_APPENDED_ADDRESS))
    assert answer.sw3 == 0x41
