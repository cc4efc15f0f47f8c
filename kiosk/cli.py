"""The ``legal-kiosk`` command line (also ``python -m kiosk``)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kiosk import __version__, commands
from kiosk.settings import Settings, SettingsError, load_settings


def command_names() -> list[str]:
    """Every sub-command, found without importing any (one module each in kiosk/commands)."""
    return sorted(module.name for module in pkgutil.iter_modules(commands.__path__))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` one command fully registered.

    ``legal-kiosk run`` is how the kiosk starts, so it must not wait for the other
    commands' imports (the search engine, the card reader, the speech stack):
    with ``only``, the other commands are known by name and nothing more.
    """
    parser = argparse.ArgumentParser(
        prog="legal-kiosk",
        description="Self-service terminal of a public legal service hall.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="TOML settings file (default: $LEGAL_KIOSK_CONFIG, else built-in defaults)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_names():
        if only is None or name == only:
            module = importlib.import_module(f"{commands.__name__}.{name}")
            module.register(subparsers)
        else:
            subparsers.add_parser(name)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Load settings once for a command; a bad file or value ends the command clearly."""
    try:
        return load_settings(getattr(args, "config", None))
    except SettingsError as error:
        print(f"legal-kiosk: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # "run" is the default command: `legal-kiosk --windowed` means `legal-kiosk run --windowed`.
    names = set(command_names())
    command = _first_positional(argv)
    if "run" in names and command not in names and not {"-h", "--help", "--version"} & set(argv):
        argv = _insert_default_command(argv, "run")
        command = "run"
    parser = build_parser(only=command if command in names else None)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return int(args.handler(args) or 0)


def _first_positional(argv: list[str]) -> str | None:
    """The first word that is not an option or the value of a global option."""
    skip_next = False
    for word in argv:
        if skip_next:
            skip_next = False
        elif word == "--config":
            skip_next = True
        elif not word.startswith("-"):
            return word
    return None


def _insert_default_command(argv: list[str], command: str) -> list[str]:
    """Put the default command after the global options (--config FILE)."""
    result: list[str] = []
    rest = list(argv)
    while rest and rest[0] == "--config":
        result.extend(rest[:2])
        rest = rest[2:]
    while rest and rest[0].startswith("--config="):
        result.append(rest.pop(0))
    return [*result, command, *rest]


if __name__ == "__main__":
    raise SystemExit(main())
