"""``legal-kiosk staff``: set the staff PIN, clear a lockout, show the state."""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.commands import add_command
from kiosk.secret_store import SecretStore
from kiosk.staff.access import StaffAccess
from kiosk.staff.audit import AuditLog, MemoryEventSink
from kiosk.staff.pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinRuleError


def register(subparsers: object) -> None:
    parser = add_command(subparsers, "staff", "Staff access: set the PIN, clear a lockout.")
    actions = parser.add_subparsers(dest="staff_command", metavar="ACTION")
    set_pin = add_command(
        actions,
        "set-pin",
        f"Set the staff PIN ({PIN_MIN_DIGITS}-{PIN_MAX_DIGITS} digits), asked twice without echo.",
    )
    set_pin.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from the first line of standard input (for scripts)",
    )
    set_pin.set_defaults(handler=_set_pin)
    unlock = add_command(actions, "unlock", "Clear a lockout after too many wrong PINs.")
    unlock.set_defaults(handler=_unlock)
    status = add_command(actions, "status", "Whether a PIN is set and whether entry is locked.")
    status.set_defaults(handler=_status)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _access(args: argparse.Namespace) -> StaffAccess:
    from kiosk.cli import settings_from_args

    settings = settings_from_args(args)
    # Audit events of the command line stay local: the platform learns of a PIN
    # change through the running kiosk's heartbeat, not from this process.
    return StaffAccess(SecretStore(settings.secret_file), AuditLog(MemoryEventSink()))


def _read_pin(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("New staff PIN: ")
    second = getpass.getpass("Repeat the PIN: ")
    if first != second:
        print("legal-kiosk: the two PINs differ; nothing changed.", file=sys.stderr)
        return None
    return first


def _set_pin(args: argparse.Namespace) -> int:
    access = _access(args)
    pin = _read_pin(args.pin_stdin)
    if pin is None:
        return 1
    try:
        access.set_pin(pin)
    except PinRuleError as error:
        print(f"legal-kiosk: {error}; nothing changed.", file=sys.stderr)
        return 1
    print("Staff PIN set.")
    return 0


def _unlock(args: argparse.Namespace) -> int:
    access = _access(args)
    access.lockout.record_success()
    print("Staff entry unlocked.")
    return 0


def _status(args: argparse.Namespace) -> int:
    access = _access(args)
    locked_for = access.lockout.seconds_left()
    print(f"PIN set: {'yes' if access.has_pin() else 'no'}")
    print(f"Locked: {f'yes, {int(locked_for) + 1} s left' if locked_for > 0 else 'no'}")
    return 0
