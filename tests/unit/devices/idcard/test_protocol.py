from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.idcard.errors import FrameError, IdCardProtocolError
from devices.idcard.protocol import (
    PREAMBLE,
    Answer,
    Command,
    Frame,
    FrameReceiver,
    RejectedFrame,
    Status,
    build_answer,
    build_frame,
    build_request,
    checksum,
    decode_appended_address,
    format_sam_id,
    parse_answer,
    parse_base_info,
    parse_request,
)


@pytest.mark.parametrize(
    ("command", "expected_hex"),
    [
        (Command.FIND_CARD, "AAAAAA9669000320 0122"),
        (Command.RESET_SAM, "AAAAAA96690003 10FF EC"),
        (Command.SAM_STATUS, "AAAAAA96690003 11FF ED"),
        (Command.SAM_ID, "AAAAAA96690003 12FF EE"),
        (Command.SELECT_CARD, "AAAAAA96690003 2002 21"),
        (Command.READ_BASE, "AAAAAA96690003 3001 32"),
        (Command.READ_APPENDED_ADDRESS, "AAAAAA96690003 3003 30"),
        (Command.READ_BASE_FINGERPRINT, "AAAAAA96690003 3010 23"),
    ],
)
def test_requests_match_the_documented_frames(command: Command, expected_hex: str) -> None:
    assert build_request(command) == bytes.fromhex(expected_hex.replace(" ", ""))


def test_worked_checksum_example_and_request_with_data() -> None:
    assert checksum(bytes.fromhex("00032001")) == 0x22
    # set max RF frame bytes: 61 FF 50 -> CA
    assert build_request(b"\x61\xff", b"\x50") == bytes.fromhex("AAAAAA9669000461FF50CA")


@pytest.mark.parametrize(
    ("sw3", "expected_hex"),
    [
        (Status.SUCCESS, "AAAAAA9669000400009094"),
        (Status.READ_FAILED, "AAAAAA9669000400004145"),
        (Status.FIND_FAILED, "AAAAAA9669000400008084"),
        (Status.SELECT_FAILED, "AAAAAA9669000400008185"),
    ],
)
def test_answers_match_the_captures(sw3: Status, expected_hex: str) -> None:
    assert build_answer(sw3) == bytes.fromhex(expected_hex)


def test_find_answer_from_the_capture_parses() -> None:
    frame = bytes.fromhex("AAAAAA96690008 00009F 00000000 97")
    (item,) = FrameReceiver().feed(frame)
    assert isinstance(item, Frame)
    answer = parse_answer(item)
    assert answer == Answer(0, 0, 0x9F, bytes(4))
    assert answer.status is Status.CARD_FOUND
    assert answer.meaning == "a card is present"


def test_status_meanings_cover_every_code_and_unknown_values() -> None:
    assert all(status.meaning for status in Status)
    assert Status.describe(0x66) == "SAM not authorized"
    assert Status.describe(0x55) == "unknown status 0x55"
    assert Answer(0, 0, 0x55, b"").status is None


def test_receiver_skips_noise_and_finds_frames_split_across_reads() -> None:
    frames = build_answer(Status.SUCCESS, b"\x11\x13") + build_answer(Status.CARD_FOUND, bytes(4))
    stream = b"\x00\xaa\xaa\x96\xff garbage \xaa" + frames + b"\xaa\xaa"
    receiver = FrameReceiver()
    got = []
    for i in range(len(stream)):  # one byte at a time: the worst split
        got.extend(receiver.feed(stream[i : i + 1]))
    answers = [parse_answer(item) for item in got if isinstance(item, Frame)]
    assert [a.sw3 for a in answers] == [0x90, 0x9F]
    assert answers[0].data == b"\x11\x13"  # XON/XOFF bytes inside data survive
    assert not [item for item in got if isinstance(item, RejectedFrame)]


def test_receiver_rejects_bad_checksum_then_recovers() -> None:
    good = build_answer(Status.SUCCESS, b"abc")
    corrupt = good[:-1] + bytes([good[-1] ^ 1])
    got = FrameReceiver().feed(corrupt + good)
    assert got[0] == RejectedFrame("bad checksum")
    assert [parse_answer(i).data for i in got if isinstance(i, Frame)] == [b"abc"]


def test_receiver_finds_a_frame_hidden_behind_a_truncated_one() -> None:
    long_frame = build_answer(Status.SUCCESS, bytes(200))
    good = build_answer(Status.FIND_FAILED)
    # The truncated frame announces 204 bytes; the good frame arrives inside that span.
    got = FrameReceiver().feed(long_frame[:50] + good + bytes(200))
    frames = [parse_answer(i) for i in got if isinstance(i, Frame)]
    assert [f.sw3 for f in frames] == [0x80]


def test_receiver_waits_for_a_truncated_frame_and_reset_forgets_it() -> None:
    receiver = FrameReceiver()
    frame = build_answer(Status.SUCCESS, bytes(20))
    assert receiver.feed(frame[:10]) == []
    assert receiver.pending == 10
    receiver.reset()
    assert receiver.pending == 0
    assert [type(i) for i in receiver.feed(frame)] == [Frame]


def test_receiver_rejects_impossible_lengths() -> None:
    got = FrameReceiver().feed(PREAMBLE + b"\xff\xff" + build_answer(Status.SUCCESS))
    assert RejectedFrame("impossible length 65535") in got
    assert any(isinstance(i, Frame) for i in got)


def test_parse_request_and_short_bodies() -> None:
    (item,) = FrameReceiver().feed(build_request(Command.READ_BASE))
    assert isinstance(item, Frame)
    assert parse_request(item).command is Command.READ_BASE
    with pytest.raises(FrameError):
        parse_answer(Frame(b"\x00\x00"))
    with pytest.raises(FrameError):
        parse_request(Frame(b"\x20"))


def test_base_info_split_with_and_without_fingerprint() -> None:
    text, photo = bytes(range(256)), bytes(1024)
    data = b"\x01\x00\x04\x00" + text + photo
    info = parse_base_info(data)
    assert (info.text, info.photo, info.fingerprint) == (text, photo, b"")
    frame = build_answer(Status.SUCCESS, data)
    assert len(frame) == 1295 and frame[5:7] == b"\x05\x08"
    finger = bytes([7]) * 512
    info = parse_base_info(b"\x01\x00\x04\x00\x02\x00" + text + photo + finger, True)
    assert info.fingerprint == finger
    with pytest.raises(FrameError):
        parse_base_info(data[:300])


def test_sam_id_format() -> None:
    data = bytes([0x05, 0x00, 0x01, 0x00]) + (20181017).to_bytes(4, "little")
    data += (12345).to_bytes(4, "little") + (987654321).to_bytes(4, "little")
    assert format_sam_id(data) == "05.01-20181017-0000012345-0987654321"
    with pytest.raises(FrameError):
        format_sam_id(bytes(15))


def test_appended_address_decoding() -> None:
    raw = "北京市朝阳区演示路1号".ljust(35).encode("utf-16-le")
    assert decode_appended_address(raw) == "北京市朝阳区演示路1号"
    with pytest.raises(IdCardProtocolError):
        decode_appended_address(b"\x00\xd8\x41\x00")  # a lone surrogate


def test_build_frame_refuses_oversized_bodies() -> None:
    with pytest.raises(ValueError):
        build_frame(bytes(0x10000))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=64), max_size=20), st.binary(max_size=40))
def test_receiver_never_raises_and_finds_a_frame_after_any_noise(
    chunks: list[bytes], payload: bytes
) -> None:
    receiver = FrameReceiver()
    for chunk in chunks:
        for item in receiver.feed(chunk):
            assert isinstance(item, Frame | RejectedFrame)
    frame = build_answer(Status.SUCCESS, payload)
    # A frame followed by enough silence-filler is always recovered, whatever came before.
    got = receiver.feed(frame + bytes(0x0A10))
    assert payload in [parse_answer(i).data for i in got if isinstance(i, Frame)]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_answer_parsers_raise_only_the_typed_error(data: bytes) -> None:
    # Well-framed random bodies reach the parsers; raw random bytes exercise the receiver.
    for item in FrameReceiver().feed(build_frame(data) + PREAMBLE + data):
        if isinstance(item, Frame):
            try:
                answer = parse_answer(item)
                parse_base_info(answer.data)
                parse_base_info(answer.data, with_fingerprint=True)
                format_sam_id(answer.data)
                decode_appended_address(answer.data)
            except IdCardProtocolError:
                pass
