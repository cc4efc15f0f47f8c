"""``legal-kiosk search QUERY``: the kiosk's search from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from peewee import PeeweeException

from kiosk.commands import add_command

TYPES = ("law", "practitioner", "institution", "case", "faq", "guide", "announcement")
MAX_LIMIT = 100


def register(subparsers: Any) -> None:
    parser = add_command(subparsers, "search", "Search laws, practitioners, institutions, cases…")
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    parser.add_argument("--type", choices=TYPES, help="only this kind of content")
    parser.add_argument(
        "--limit", type=_limit, default=10, help=f"at most this many hits (1-{MAX_LIMIT})"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array, best first")
    parser.set_defaults(handler=run)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}")
    return value


def run(args: argparse.Namespace) -> int:
    from kiosk.cli import settings_from_args
    from kiosk.content_access import open_search

    settings = settings_from_args(args)
    query = " ".join(args.query)
    try:
        index = open_search(settings)
        hits = index.search(query, content_type=args.type, limit=args.limit)
    except (PeeweeException, OSError) as error:
        # A database that cannot be opened or read ends the command with a clear line.
        print(f"legal-kiosk: search failed: {error}", file=sys.stderr)
        return 1
    if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    if args.json:
        print(json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No results for {query!r}.")
        return 0
    for number, hit in enumerate(hits, start=1):
        print(f"{number:>2}. [{hit.type}] {hit.title}")
        if hit.snippet:
            print(f"    {hit.snippet}")
    return 0
