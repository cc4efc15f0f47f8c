"""The reader thread over a real pty, against the simulator."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.idcard.cards import CardData
from devices.idcard.protocol import Command
from devices.idcard.reader import CardReader, SerialCardReader
from devices.idcard.samples import SAMPLE_CARDS, sample_card
from devices.idcard.simulator import Fault, ReaderSimulator, SimulatedReaderDevice
from devices.idcard.status import ReaderHealth, ReaderStatus

WAIT_S = 10.0


def wait_until(condition: Callable[[], bool], timeout: float = WAIT_S) -> None:
    """Poll with a deadline (the reader runs in its own thread)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached before the deadline")
        time.sleep(0.01)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cards: list[CardData] = []
        self.health: list[ReaderStatus] = []
        self.unreadable: list[str] = []

    def on_card(self, card: CardData) -> None:
        with self.lock:
            self.cards.append(card)

    def on_health(self, status: ReaderStatus) -> None:
        with self.lock:
            self.health.append(status)

    def on_unreadable(self, reason: str) -> None:
        with self.lock:
            self.unreadable.append(reason)


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[ReaderSimulator]:
    sim = ReaderSimulator(tmp_path)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make_reader(path: Path, recorder: Recorder) -> SerialCardReader:
    return SerialCardReader(
        str(path),
        115_200,
        0.05,
        recorder.on_card,
        recorder.on_health,
        on_unreadable=recorder.on_unreadable,
    )


@pytest.fixture
def reader(simulator: ReaderSimulator, recorder: Recorder) -> Iterator[SerialCardReader]:
    card_reader = make_reader(simulator.path, recorder)
    card_reader.start()
    wait_until(lambda: card_reader.health().health is ReaderHealth.OK)
    yield card_reader
    card_reader.stop()


def polls_later(simulator: ReaderSimulator, count: int = 6) -> Callable[[], bool]:
    """A condition that becomes true once the reader has polled ``count`` more times."""
    start = simulator.requests_answered
    return lambda: simulator.requests_answered >= start + count


def test_serial_reader_is_a_card_reader(reader: SerialCardReader) -> None:
    assert isinstance(reader, CardReader)
    status = reader.health()
    assert status.sam_id == "05.01-20181017-1234567890-0987654321"
    assert reader.last_read_at() is None


@pytest.mark.parametrize("kind", sorted(SAMPLE_CARDS))
def test_every_card_type_is_read_over_the_pty(
    kind: str, simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.place(sample_card(kind))
    wait_until(lambda: len(recorder.cards) == 1)
    assert recorder.cards[0] == sample_card(kind)  # text, photo and appended address
    assert reader.last_read_at() is not None
    assert not any(kind in repr(s) for s in recorder.health)


@pytest.mark.parametrize(
    ("refind", "active"),
    [(False, True), (True, True), (True, False), (False, False)],
    ids=["finds-80-until-lifted", "refinds-while-present", "refinds-and-drops", "80-and-drops"],
)
def test_one_event_per_placement_for_both_reader_behaviours(
    tmp_path: Path, recorder: Recorder, refind: bool, active: bool
) -> None:
    sim = ReaderSimulator(tmp_path, refind_while_present=refind, active_after_read=active)
    sim.start()
    card_reader = make_reader(sim.path, recorder)
    card_reader.start()
    try:
        sim.place(sample_card("resident"))
        wait_until(lambda: len(recorder.cards) == 1)
        wait_until(polls_later(sim, 10))  # the card stays on the reader for ten more polls
        assert len(recorder.cards) == 1
        sim.lift()
        wait_until(polls_later(sim, 4))
        sim.place(sample_card("resident"))  # the same card placed again is a new placement
        wait_until(lambda: len(recorder.cards) == 2)
        sim.lift()
        wait_until(polls_later(sim, 4))
        sim.place(sample_card("hmt_residence"))
        wait_until(lambda: len(recorder.cards) == 3)
        wait_until(polls_later(sim, 10))
        assert [c.id_type for c in recorder.cards] == ["resident", "resident", "hmt_residence"]
    finally:
        card_reader.stop()
        sim.stop()


def test_noise_around_every_answer_is_ignored(
    simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.set_fault(Fault.NOISE)
    simulator.place(sample_card("foreign_2023"))
    wait_until(lambda: len(recorder.cards) == 1)
    assert recorder.cards[0] == sample_card("foreign_2023")
    wait_until(polls_later(simulator))
    assert reader.health().health is ReaderHealth.OK


@pytest.mark.parametrize("fault", [Fault.BAD_CHECKSUM, Fault.TRUNCATED, Fault.SILENCE])
def test_a_damaged_read_answer_is_retried(
    fault: Fault, simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.set_fault(fault, count=2, command=Command.READ_BASE)
    simulator.place(sample_card("foreign_2017"))
    wait_until(lambda: len(recorder.cards) == 1, timeout=20)
    assert recorder.cards[0] == sample_card("foreign_2017")
    assert simulator.reads_answered == 3  # two damaged, one good


@pytest.mark.parametrize("fault", [Fault.BAD_CHECKSUM, Fault.TRUNCATED])
def test_damaged_poll_answers_are_survived(
    fault: Fault, simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.set_fault(fault, count=5)
    simulator.place(sample_card("resident"))
    wait_until(lambda: len(recorder.cards) == 1, timeout=20)
    wait_until(polls_later(simulator))
    assert len(recorder.cards) == 1
    assert reader.health().health is ReaderHealth.OK


def test_slow_answers_are_waited_for(
    simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.set_fault(Fault.SLOW)
    simulator.place(sample_card("resident_long_term"))
    wait_until(lambda: len(recorder.cards) == 1)
    assert recorder.cards[0].appended_address == sample_card("resident_long_term").appended_address
    assert reader.health().health is ReaderHealth.OK


def test_a_silent_reader_is_reported_and_recovers(
    simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.set_fault(Fault.SILENCE)
    wait_until(lambda: reader.health().health is ReaderHealth.ERROR)
    assert "no answer" in reader.health().detail
    simulator.place(sample_card("resident"))
    wait_until(polls_later(simulator, 0))
    simulator.clear_faults()
    wait_until(lambda: len(recorder.cards) == 1)
    wait_until(lambda: reader.health().health is ReaderHealth.OK)


def test_a_failing_sam_is_reported_and_rechecked(tmp_path: Path, recorder: Recorder) -> None:
    sim = ReaderSimulator(tmp_path)
    sim.sam_status = 0x60
    sim.start()
    card_reader = make_reader(sim.path, recorder)
    card_reader.start()
    try:
        wait_until(lambda: card_reader.health().health is ReaderHealth.ERROR)
        assert "SAM self-test failed" in card_reader.health().detail
        sim.place(sample_card("resident"))
        wait_until(polls_later(sim, 4))
        assert recorder.cards == []  # no card is read through a SAM that failed
        sim.sam_status = 0x90
        wait_until(lambda: len(recorder.cards) == 1)
        assert card_reader.health().health is ReaderHealth.OK
    finally:
        card_reader.stop()
        sim.stop()


def test_unplug_and_replug(
    simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.place(sample_card("resident"))
    wait_until(lambda: len(recorder.cards) == 1)
    simulator.unplug()
    wait_until(lambda: reader.health().health is ReaderHealth.ABSENT)
    simulator.replug()
    simulator.lift()
    simulator.place(sample_card("hmt_residence"))
    wait_until(lambda: len(recorder.cards) == 2)
    assert reader.health().health is ReaderHealth.OK
    healths = [s.health for s in recorder.health]
    assert ReaderHealth.ABSENT in healths and healths[-1] is ReaderHealth.OK


def test_reader_started_before_the_device_exists(tmp_path: Path, recorder: Recorder) -> None:
    sim = ReaderSimulator(tmp_path)
    card_reader = make_reader(sim.path, recorder)
    card_reader.start()
    try:
        wait_until(lambda: "no device" in card_reader.health().detail)
        assert card_reader.health().health is ReaderHealth.ABSENT
        sim.start()
        sim.place(sample_card("resident"))
        wait_until(lambda: len(recorder.cards) == 1)
    finally:
        card_reader.stop()
        sim.stop()


def test_an_undecodable_card_is_reported_without_data(
    simulator: ReaderSimulator, reader: SerialCardReader, recorder: Recorder
) -> None:
    simulator.place(" 演示".ljust(128, "?").encode("utf-16-le"))
    wait_until(lambda: len(recorder.unreadable) == 1)
    assert recorder.cards == []
    assert "unknown card type" in recorder.unreadable[0]


def test_stop_ends_the_thread(simulator: ReaderSimulator, recorder: Recorder) -> None:
    card_reader = make_reader(simulator.path, recorder)
    card_reader.start()
    wait_until(lambda: card_reader.health().health is ReaderHealth.OK)
    card_reader.stop()
    assert not any(t.name == "idcard-reader" for t in threading.enumerate())


def test_demo_device_places_cards_again_and_again(tmp_path: Path, recorder: Recorder) -> None:
    device = SimulatedReaderDevice(tmp_path)
    device.start()
    card_reader = make_reader(device.path, recorder)
    card_reader.start()
    try:
        device.place_demo_card()
        wait_until(lambda: len(recorder.cards) == 1)
        device.place_demo_card("foreign_2017")  # lifts, then places a moment later
        wait_until(lambda: len(recorder.cards) == 2)
        assert recorder.cards[1].card_edition == "2017"
    finally:
        card_reader.stop()
        device.stop()
    assert not device.path.exists()
