"""``legal-kiosk sync --once [--full]``: one sync round with the central platform."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from kiosk.commands import add_command
from kiosk.errors import SyncError
from kiosk.logging_setup import configure_logging

if TYPE_CHECKING:
    from offline_cache.sync import SyncProgress


def register(subparsers: Any) -> None:
    parser = add_command(subparsers, "sync", "Synchronise with the central platform")
    parser.add_argument(
        "--once",
        action="store_true",
        help="run one round (content, configuration, outbox, events) and exit",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="pull all content from the start and drop local items the platform no longer has",
    )
    parser.set_defaults(handler=run)


def _progress_printer(stream: Any) -> Any:
    interactive = stream.isatty()

    def show(progress: SyncProgress) -> None:
        kind = "full sync" if progress.full else "changes"
        text = f"{kind}: {progress.pages} pages, {progress.changes} items"
        if interactive:
            stream.write("\r" + text)
        else:
            stream.write(text + "\n")
        stream.flush()

    return show


def run(args: argparse.Namespace) -> int:
    # Imported here: every start of the kiosk parses the command line, and the
    # HTTP client and the database layer would slow down that start for nothing.
    from kiosk.central import open_central_link, run_sync_round
    from kiosk.cli import settings_from_args
    from offline_cache.schema import SchemaError

    if not args.once:
        print(
            "legal-kiosk sync: only --once is supported from the command line; the kiosk "
            "application syncs continuously by itself",
            file=sys.stderr,
        )
        return 2
    settings = settings_from_args(args)
    configure_logging(settings.log_dir, settings["log.level"], stderr=False)
    try:
        link = open_central_link(settings)
    except SyncError as error:
        print(f"legal-kiosk sync: {error}", file=sys.stderr)
        return 2
    except SchemaError as error:
        print(f"legal-kiosk sync: {error}", file=sys.stderr)
        return 1
    try:
        report = run_sync_round(link, full=args.full, progress=_progress_printer(sys.stdout))
        if sys.stdout.isatty():
            sys.stdout.write("\n")
        if report.pull is not None:
            pull = report.pull
            print(
                f"content: {pull.pages} pages, {pull.changes} changes "
                f"({pull.applied} applied, {pull.deleted} deleted, {pull.ignored_older} older "
                f"ignored, {pull.invalid} invalid"
                + (f", {pull.removed_by_full_sync} removed by the full sync" if pull.full else "")
                + ")"
            )
        if report.delivery is not None:
            delivery = report.delivery
            print(
                f"submissions: {len(delivery.delivered)} delivered, {len(delivery.failed)} "
                f"failed, {len(delivery.retry_later)} to retry"
            )
        state = link.engine.state()
        print(
            f"outbox: {state.outbox_pending} pending, {state.outbox_failed} failed; "
            f"events sent: {report.events_sent}"
        )
        for problem in report.errors:
            hint = " (will be retried later)" if problem.retryable else ""
            print(f"legal-kiosk sync: {problem}{hint}", file=sys.stderr)
        return 0 if report.ok else 1
    finally:
        link.close()
