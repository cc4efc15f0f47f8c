"""``python -m devserver``: run the reference central platform on loopback.

python -m devserver --port 8765 --db var/devserver.sqlite3 --dataset demo
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler, make_server

from devserver.app import DEFAULT_KIOSKS, ServerConfig, create_app
from devserver.datasets import DATASETS


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m devserver", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--host", default="127.0.0.1", help="listen address (loopback by default)")
    parser.add_argument("--port", type=int, default=8765, help="TCP port; 0 picks a free one")
    parser.add_argument(
        "--db", type=Path, default=Path("var/devserver.sqlite3"), help="SQLite file"
    )
    parser.add_argument(
        "--dataset", choices=DATASETS, default="demo", help="content of a fresh database"
    )
    parser.add_argument("--token", default="dev-token", help="the device token kiosks must send")
    parser.add_argument(
        "--kiosks", default=",".join(DEFAULT_KIOSKS), help="comma-separated enrolled kiosk ids"
    )
    parser.add_argument(
        "--laws", type=Path, default=None, help="law JSONL(.gz) instead of the bundled one"
    )
    parser.add_argument("--allow-remote", action="store_true", help="permit a non-loopback --host")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not _is_loopback(args.host) and not args.allow_remote:
        print(
            f"devserver: {args.host} is not a loopback address; add --allow-remote", file=sys.stderr
        )
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    kiosks = tuple(k.strip() for k in args.kiosks.split(",") if k.strip())
    config = ServerConfig(
        db_path=args.db, dataset=args.dataset, token=args.token, kiosks=kiosks, laws_path=args.laws
    )
    app = create_app(config)
    handler = _QuietHandler if args.quiet else WSGIRequestHandler
    server = make_server(args.host, args.port, app, threaded=True, request_handler=handler)
    print(f"devserver listening on http://{args.host}:{server.server_port}/api/v1", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
