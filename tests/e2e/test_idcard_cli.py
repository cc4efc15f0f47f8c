"""``legal-kiosk idcard`` as a real process against the pty simulator."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.idcard.cards import PUBLIC_FIELDS, CardData
from devices.idcard.reader import SerialCardReader
from devices.idcard.samples import sample_card
from devices.idcard.simulator import ReaderSimulator

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "idcard", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def simulator(tmp_path: Path) -> Iterator[ReaderSimulator]:
    sim = ReaderSimulator(tmp_path)
    sim.start()
    yield sim
    sim.stop()


def test_json_is_masked_by_default(simulator: ReaderSimulator) -> None:
    card = sample_card("resident")
    simulator.place(card)
    result = run_cli("read", "--port", str(simulator.path), "--timeout", "20", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert tuple(data) == PUBLIC_FIELDS
    assert data["id_type"] == "resident" and data["card_edition"] is None
    assert data["name"] == "张*示"
    assert data["id_number"] == card.id_number[:3] + "*" * 11 + card.id_number[-4:]
    assert data["nation"] == "汉" and data["gender"] == "male"
    assert data["valid_until"] == "2040-05-01" and data["long_term"] is False
    everything = result.stdout + result.stderr
    for secret in (card.id_number, "张演示", "示例路1号", "1990-03-07"):
        assert secret not in everything


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (
            "resident_long_term",
            {"valid_until": None, "long_term": True, "nationality": None, "pass_number": None},
        ),
        ("hmt_residence", {"id_type": "hmt_residence", "nation": None, "issue_count": 2}),
        ("foreign_2017", {"card_edition": "2017", "nationality": "CAN", "address": None}),
        ("foreign_2023", {"card_edition": "2023", "nationality": "DEU", "issuer": None}),
    ],
)
def test_json_with_show_pii_for_each_card_type(
    simulator: ReaderSimulator, kind: str, expected: dict[str, object]
) -> None:
    card = sample_card(kind)
    simulator.place(card)
    result = run_cli(
        "read", "--port", str(simulator.path), "--timeout", "20", "--json", "--show-pii"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == {**card.to_public_dict(show_pii=True), **expected}
    assert data["id_number"] == card.id_number
    assert data["birth_date"] == card.birth_date.isoformat()
    if kind == "foreign_2023":
        assert data["previous_number"] == card.previous_number


def test_text_output_and_expired_note(simulator: ReaderSimulator) -> None:
    simulator.place(sample_card("resident_expired"))
    result = run_cli("read", "--port", str(simulator.path), "--timeout", "20")
    assert result.returncode == 0, result.stderr
    assert "王***示" in result.stdout and "id_type" in result.stdout
    assert "refuse this card: expired" in result.stderr


def test_no_card_within_the_timeout_exits_2(simulator: ReaderSimulator) -> None:
    result = run_cli("read", "--port", str(simulator.path), "--timeout", "1", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no card read within 1 s" in result.stderr and "reader ok" in result.stderr


def test_missing_port_says_so(tmp_path: Path) -> None:
    result = run_cli("read", "--port", str(tmp_path / "ttyUSB9"), "--timeout", "1")
    assert result.returncode == 2
    assert "absent" in result.stderr and "no device" in result.stderr


def test_no_port_configured_says_how_to_give_one() -> None:
    result = run_cli("read", "--timeout", "1")
    assert result.returncode == 1
    assert "give --port DEV or set idcard.port" in result.stderr


def wait_for(condition: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached before the deadline"
        time.sleep(0.02)


def test_simulate_prints_a_port_that_a_reader_can_use(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "kiosk", "idcard", "simulate", "--card", "hmt_residence"]
    cards: list[CardData] = []
    with subprocess.Popen(
        [*command, "--dir", str(tmp_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stdin is not None
        path = process.stdout.readline().strip()
        assert path == str(tmp_path / "idcard-reader")
        reader = SerialCardReader(path, 115_200, 0.05, on_card=cards.append)
        reader.start()
        try:
            wait_for(lambda: len(cards) == 1)
            process.stdin.write("lift\nplace foreign_2023\n")
            process.stdin.flush()
            wait_for(lambda: len(cards) == 2)
            process.stdin.write("quit\n")
            process.stdin.flush()
            assert process.wait(timeout=20) == 0
        finally:
            reader.stop()
            if process.poll() is None:
                process.kill()
    assert [c.id_type for c in cards] == ["hmt_residence", "foreign_permanent"]
    assert not Path(path).exists()
