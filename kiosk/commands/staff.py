"""``legal-kiosk staff``: set the staff PIN, clear a lockout, show the state."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

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
    export = add_command(
        actions,
        "export-failed",
        "Write the failed submissions to an encrypted file for delivery by hand.",
    )
    export.add_argument("target", type=Path, help="file to write, e.g. on a USB stick")
    export.add_argument(
        "--passphrase-stdin", action="store_true", help="read the passphrase from standard input"
    )
    export.set_defaults(handler=_export_failed)
    read = add_command(actions, "read-export", "Decrypt an export file and print it as JSON.")
    read.add_argument("source", type=Path)
    read.add_argument("--passphrase-stdin", action="store_true")
    read.set_defaults(handler=_read_export)
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


def _passphrase(from_stdin: bool, twice: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Passphrase: ")
    if twice and getpass.getpass("Repeat the passphrase: ") != first:
        print("legal-kiosk: the two passphrases differ.", file=sys.stderr)
        return None
    return first


def _export_failed(args: argparse.Namespace) -> int:
    from kiosk.cli import settings_from_args
    from kiosk.staff.export import ExportError, write_export
    from offline_cache.db import open_database
    from offline_cache.outbox import Outbox, failed_bodies
    from offline_cache.schema import ensure_schema

    settings = settings_from_args(args)
    database = open_database(settings.database_path)
    ensure_schema(database)
    outbox = Outbox(database, SecretStore(settings.secret_file).key())
    passphrase = _passphrase(args.passphrase_stdin, twice=True)
    if passphrase is None:
        return 1
    try:
        count = write_export(failed_bodies(outbox), passphrase, args.target)
    except ExportError as error:
        print(f"legal-kiosk: {error}", file=sys.stderr)
        return 1
    print(f"{count} failed submission(s) written to {args.target}, encrypted.")
    return 0


def _read_export(args: argparse.Namespace) -> int:
    from kiosk.staff.export import ExportError, read_export

    passphrase = _passphrase(args.passphrase_stdin, twice=False)
    try:
        bodies = read_export(args.source, passphrase or "")
    except (ExportError, OSError) as error:
        print(f"legal-kiosk: {error}", file=sys.stderr)
        return 1
    json.dump(bodies, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0
