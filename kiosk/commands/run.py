"""``legal-kiosk run``: start the kiosk (the default command)."""

from __future__ import annotations

import argparse
import importlib
import logging
from pathlib import Path
from typing import Any

from kiosk.cli import settings_from_args
from kiosk.commands import add_command
from kiosk.logging_setup import configure_logging

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = add_command(subparsers, "run", "start the kiosk (the default command)")
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="a normal 1920x1080 window instead of the frameless full screen (development)",
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        type=Path,
        help="render every screen in both languages (and large text) to PNG in DIR, then exit",
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="exit with status 0 as soon as Home is shown and accepts input",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    configure_logging(settings.log_dir, settings["log.level"])
    log.info("starting with settings from %s", settings.source)
    # The user interface sits above kiosk/ in the layers; the command that
    # starts it is the one place that reaches up, late-bound on purpose.
    application = importlib.import_module("ui.application")
    return int(
        application.run_kiosk(
            settings,
            windowed=args.windowed,
            screenshots=args.screenshots,
            quit_when_ready=args.quit_when_ready,
        )
    )
