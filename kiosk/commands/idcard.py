"""``legal-kiosk idcard``: read one card from a reader, or run the reader simulator.

``idcard read`` is the staff's check that a reader works: it waits for one card
and prints it, personal fields masked unless ``--show-pii``. Exit status 0 when a
card was read, 2 when none came within the timeout, 1 when the reader could not
be used or the card could not be decoded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import queue
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from devices.idcard.cards import CardData, check_card
from devices.idcard.reader import SerialCardReader
from devices.idcard.samples import SAMPLE_CARDS, sample_card
from devices.idcard.simulator import Fault, ReaderSimulator
from kiosk.cli import settings_from_args
from kiosk.commands import add_command

EXIT_NO_CARD = 2
DEFAULT_TIMEOUT_S = 30.0


def register(subparsers: Any) -> None:
    parser = add_command(subparsers, "idcard", "ID-card reader: read a card, run the simulator")
    actions = parser.add_subparsers(dest="idcard_action", metavar="ACTION")
    parser.set_defaults(handler=lambda args: _usage(parser))

    read = add_command(actions, "read", "Wait for one ID card on the reader and print it")
    read.add_argument("--port", metavar="DEV", help="serial device (default: idcard.port)")
    read.add_argument("--baud", type=int, metavar="N", help="baud rate (default: idcard.baudrate)")
    read.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"seconds to wait for a card (default: {DEFAULT_TIMEOUT_S:g})",
    )
    read.add_argument("--json", action="store_true", help="print one JSON object")
    read.add_argument(
        "--show-pii", action="store_true", help="print names, numbers and addresses unmasked"
    )
    read.set_defaults(handler=_read)

    simulate = add_command(
        actions, "simulate", "Run a simulated reader on a pseudo-terminal (demos, tests)"
    )
    simulate.add_argument(
        "--card", choices=sorted(SAMPLE_CARDS), help="place this sample card at once"
    )
    simulate.add_argument("--dir", type=Path, help="folder for the device link (default: temp)")
    simulate.add_argument(
        "--refind", action="store_true", help="behave like readers that re-find a card left on"
    )
    simulate.set_defaults(handler=_simulate)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# --- idcard read ------------------------------------------------------------------------


def _read(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    port = args.port or settings["idcard.port"]
    if not port:
        print(
            "legal-kiosk idcard read: no reader: give --port DEV or set idcard.port",
            file=sys.stderr,
        )
        return 1
    baud = args.baud or settings["idcard.baudrate"]
    events: queue.Queue[CardData | str] = queue.Queue()
    reader = SerialCardReader(
        port,
        baud,
        settings["idcard.poll_interval_s"],
        on_card=events.put,
        on_unreadable=lambda reason: events.put(f"unreadable: {reason}"),
    )
    reader.start()
    print(f"Waiting up to {args.timeout:g} s for a card on {port} ...", file=sys.stderr)
    try:
        event = events.get(timeout=max(0.0, args.timeout))
    except queue.Empty:
        status = reader.health()
        detail = f" ({status.detail})" if status.detail else ""
        print(
            f"legal-kiosk idcard read: no card read within {args.timeout:g} s; "
            f"reader {status.health.value}{detail}",
            file=sys.stderr,
        )
        return EXIT_NO_CARD
    finally:
        reader.stop()
    if isinstance(event, str):
        print(f"legal-kiosk idcard read: the card could not be decoded ({event})", file=sys.stderr)
        return 1
    _print_card(event, as_json=args.json, show_pii=args.show_pii)
    check = check_card(event, dt.date.today())
    if not check.ok:
        print(
            f"note: the kiosk would refuse this card: {check.reason} ({check.detail})",
            file=sys.stderr,
        )
    return 0


def _print_card(card: CardData, *, as_json: bool, show_pii: bool) -> None:
    public = card.to_public_dict(show_pii=show_pii)
    if as_json:
        print(json.dumps(public, ensure_ascii=False))
        return
    width = max(len(name) for name in public)
    for name, value in public.items():
        if value is not None:
            print(f"{name:<{width}}  {value}")
    if show_pii and card.appended_address:
        print(f"{'appended_address':<{width}}  {card.appended_address}")


# --- idcard simulate ----------------------------------------------------------------------

_SIMULATOR_HELP = (
    "commands: place KIND | lift | unplug | replug | fault NAME [COUNT] | clear | quit\n"
    f"  KIND: {', '.join(sorted(SAMPLE_CARDS))}\n"
    f"  NAME: {', '.join(f.value for f in Fault)}"
)


def _simulate(args: argparse.Namespace) -> int:
    temporary = None
    directory = args.dir
    if directory is None:
        temporary = tempfile.TemporaryDirectory(prefix="legal-kiosk-idcard-")
        directory = Path(temporary.name)
    directory.mkdir(parents=True, exist_ok=True)
    simulator = ReaderSimulator(directory, refind_while_present=args.refind)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        path = simulator.start()
        if args.card:
            simulator.place(sample_card(args.card))
        print(path, flush=True)
        print(f"simulated ID-card reader at {path}\n{_SIMULATOR_HELP}", file=sys.stderr)
        threading.Thread(target=_control_loop, args=(simulator, done), daemon=True).start()
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        simulator.stop()
        if temporary is not None:
            temporary.cleanup()
    return 0


def _control_loop(simulator: ReaderSimulator, done: threading.Event) -> None:
    """Commands typed on stdin; end of input leaves the simulator running."""
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            if words[0] == "quit":
                done.set()
                return
            _control(simulator, words)
        except (KeyError, ValueError, IndexError) as error:
            print(f"? {error}\n{_SIMULATOR_HELP}", file=sys.stderr)


def _control(simulator: ReaderSimulator, words: list[str]) -> None:
    command = words[0]
    if command == "place":
        simulator.place(sample_card(words[1]))
    elif command == "lift":
        simulator.lift()
    elif command == "unplug":
        simulator.unplug()
    elif command == "replug":
        simulator.replug()
    elif command == "fault":
        simulator.set_fault(Fault(words[1]), int(words[2]) if len(words) > 2 else None)
    elif command == "clear":
        simulator.clear_faults()
    else:
        raise ValueError(f"unknown command {command!r}")
    print(f"ok: {' '.join(words)}", file=sys.stderr)
