"""The ``legal-kiosk`` command line (also ``python -m kiosk``)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kiosk import __version__, commands
from kiosk.settings import Settings, SettingsError, load_settings


def build_parser() -> argparse.ArgumentParser:
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
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Load settings once for a command; a bad file or value ends the command clearly."""
    try:
        return load_settings(getattr(args, "config", None))
    except SettingsError as error:
        print(f"legal-kiosk: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    # "run" is the default command: `legal-kiosk --windowed` means `legal-kiosk run --windowed`.
    names = set(commands.command_names(parser))
    first_positional = _first_positional(argv)
    if (
        "run" in names
        and first_positional not in names
        and not {"-h", "--help", "--version"} & set(argv)
    ):
        argv = _insert_default_command(argv, "run")
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return int(args.handler(args) or 0)


def _first_positional(argv: list[str]) -> str | None:
    """The first argument that is not an option, skipping the value of ``--config FILE``."""
    skip_next = False
    for argument in argv:
        if skip_next:
            skip_next = False
        elif argument == "--config":
            skip_next = True
        elif not argument.startswith("-"):
            return argument
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
