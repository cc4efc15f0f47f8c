"""Sub-commands of ``legal-kiosk``: each module here defines ``register(subparsers)``.

``kiosk.cli`` discovers the modules, so a new command is a new file named as the
command; it is imported only when that command runs (or for the full ``--help``). Use
``add_command`` so that every command accepts ``--config`` after its name too.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_command(subparsers: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="TOML settings file (default: $LEGAL_KIOSK_CONFIG, else built-in defaults)",
    )
    return parser
