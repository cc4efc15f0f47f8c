"""A small scriptable HTTP server on loopback for client-side tests.

It answers like the central platform would (a change feed with compaction,
submissions with the idempotency rules, config with ETag) and can be told to
misbehave on a path: an error status with ``Retry-After``, a slow answer, bad
JSON, wrong types, a huge body, or a dropped connection after the work is done.
The reference server in ``devserver/`` is the full implementation; this stub
keeps the client's unit tests independent of it.
"""

from __future__ import annotations

import gzip
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from offline_cache.api_client import CentralClient


@dataclass
class Fault:
    mode: str  # status | slow | malformed_json | wrong_types | huge | raw | drop_after_commit
    status: int = 503
    retry_after: int | None = None
    delay_s: float = 0.0
    times: int = 1  # how many requests it affects
    skip: int = 0  # requests to let through before it starts
    body: Any = None


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class PlatformState:
    token: str = "device-token-0123456789"
    kiosk_id: str = "HALL01"
    log: list[dict[str, Any]] = field(default_factory=list)  # every change, seq order
    items: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    compacted_before: int = 0
    submissions: dict[str, dict[str, Any]] = field(default_factory=dict)
    received: list[str] = field(default_factory=list)  # client_ids, once each
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    config: dict[str, Any] = field(
        default_factory=lambda: {
            "maintenance": {"active": False},
            "idle_timeout_s": 90,
            "consultation": {"categories": [], "answer_within_hours": 72},
            "miniprogram": {"static_url_template": "https://mp.example.gov.cn/p/{type}/{id}"},
        }
    )
    config_version: int = 1
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # ------------------------------------------------------------- content
    def upsert(
        self, kind: str, item_id: str, data: dict[str, Any], version: int | None = None
    ) -> int:
        with self.lock:
            current = self.items.get((kind, item_id))
            version = version or ((current["version"] + 1) if current else 1)
            change = {
                "seq": len(self.log) + 1,
                "type": kind,
                "id": item_id,
                "op": "upsert",
                "version": version,
                "data": data,
            }
            self.log.append(change)
            self.items[(kind, item_id)] = change
            return version

    def delete(self, kind: str, item_id: str) -> None:
        with self.lock:
            current = self.items.pop((kind, item_id))
            self.log.append(
                {
                    "seq": len(self.log) + 1,
                    "type": kind,
                    "id": item_id,
                    "op": "delete",
                    "version": current["version"],
                    "data": None,
                }
            )

    def compact(self) -> None:
        with self.lock:
            self.compacted_before = len(self.log) + 1

    def fault(self, path: str, fault: Fault) -> None:
        with self.lock:
            self.faults.setdefault(path, []).append(fault)

    def take_fault(self, path: str) -> Fault | None:
        with self.lock:
            queue = self.faults.get(path) or []
            if not queue:
                return None
            fault = queue[0]
            if fault.skip > 0:
                fault.skip -= 1
                return None
            fault.times -= 1
            if fault.times <= 0:
                queue.pop(0)
            return fault

    @property
    def etag(self) -> str:
        return f'"config-{self.config_version}"'


def _cursor(kind: str, seq: int) -> str:
    return f"{kind}.{seq}"


class _Handler(BaseHTTPRequestHandler):
    state: PlatformState
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _send(
        self,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> None:
        payload = (
            raw
            if raw is not None
            else (b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8"))
        )
        sent = dict(headers or {})
        if payload and "gzip" in self.headers.get("Accept-Encoding", "") and raw is None:
            payload = gzip.compress(payload)
            sent["Content-Encoding"] = "gzip"
        self.send_response(status)
        if payload:
            sent.setdefault("Content-Type", "application/json")
        for name, value in sent.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def _stream_huge(self) -> None:
        """A body with no declared length that goes on until the client hangs up."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"x" * (1 << 20)
        try:
            self.wfile.write(b'{"pad": "')
            for _ in range(300):
                self.wfile.write(chunk)
        except OSError:
            return

    def _error(self, status: int, code: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, {"error": code, "message": code.replace("_", " ")}, headers)

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        path = parts.path.removeprefix("/api/v1")
        query = parse_qs(parts.query)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        state = self.state
        state.requests.append(Recorded(method, path, query, dict(self.headers), body))
        fault = state.take_fault(path)
        if fault and fault.mode == "slow":
            time.sleep(fault.delay_s)
        if fault and fault.mode == "status":
            headers = (
                {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            )
            self._error(fault.status, "unavailable", headers)
            return
        if fault and fault.mode == "malformed_json":
            self._send(200, raw=b'{"changes": [ {"seq": 1,')
            return
        if fault and fault.mode == "raw":
            self._send(200, raw=fault.body)
            return
        if fault and fault.mode == "huge":
            self._stream_huge()
            return
        if path != "/health":
            if self.headers.get("Authorization") != f"Bearer {state.token}":
                self._error(401, "invalid_token")
                return
            if self.headers.get("X-Kiosk-Id") != state.kiosk_id:
                self._error(401, "invalid_kiosk")
                return
        status, answer, headers = self._route(method, path, query, body)
        if fault and fault.mode == "wrong_types":
            answer = (
                fault.body if fault.body is not None else {"changes": "many", "has_more": "yes"}
            )
        if fault and fault.mode == "drop_after_commit":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self._send(status, answer, headers)

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], body: bytes
    ) -> tuple[int, Any, dict[str, str]]:
        state = self.state
        if path == "/health":
            return 200, {"status": "ok", "server_time": "2026-11-22T10:00:00+08:00"}, {}
        if path == "/content/changes":
            return self._changes(query)
        if path == f"/kiosks/{state.kiosk_id}/config":
            if self.headers.get("If-None-Match") == state.etag:
                return 304, None, {"ETag": state.etag}
            return 200, state.config, {"ETag": state.etag}
        if path == f"/kiosks/{state.kiosk_id}/heartbeat":
            return 200, {"server_time": "2026-11-22T10:00:00+08:00", "config_etag": state.etag}, {}
        if path == "/submissions" and method == "POST":
            return self._submission(json.loads(body))
        if path == "/events" and method == "POST":
            batch = json.loads(body)["events"]
            if not 1 <= len(batch) <= 500:
                return 400, {"error": "bad_request", "message": "batch size"}, {}
            for event in batch:
                state.events[event["id"]] = event
            return 202, {"accepted": len(batch)}, {}
        return 404, {"error": "not_found", "message": path}, {}

    def _changes(self, query: dict[str, list[str]]) -> tuple[int, Any, dict[str, str]]:
        state = self.state
        limit = int(query.get("limit", ["500"])[0])
        since = query.get("since", [None])[0]
        with state.lock:
            if since is None or since.startswith("full."):
                # A full sync: the current items in seq order, after the cursor's seq.
                after = int(since.split(".")[1]) if since else 0
                current = sorted(state.items.values(), key=lambda c: c["seq"])
                rest = [c for c in current if c["seq"] > after]
                page = rest[:limit]
                has_more = len(rest) > limit
                if has_more:
                    cursor = _cursor("full", page[-1]["seq"])
                else:
                    cursor = _cursor("inc", len(state.log))
                return 200, {"changes": page, "next_cursor": cursor, "has_more": has_more}, {}
            try:
                after = int(since.split(".")[1])
            except (IndexError, ValueError):
                return 410, {"error": "cursor_expired", "message": "unknown cursor"}, {}
            if after + 1 < state.compacted_before:
                return 410, {"error": "cursor_expired", "message": "compacted"}, {}
            rest = state.log[after:]
            page = rest[:limit]
            cursor = _cursor("inc", after + len(page))
            return 200, {"changes": page, "next_cursor": cursor, "has_more": len(rest) > limit}, {}

    def _submission(self, submission: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        state = self.state
        client_id = submission["client_id"]
        with state.lock:
            known = state.submissions.get(client_id)
            if known is not None:
                if known["body"] != submission:
                    return 409, {"error": "duplicate_client_id", "message": "different body"}, {}
                return 200, known["receipt"], {}
            receipt = {
                "tracking_no": f"GD{len(state.submissions) + 1:06d}",
                "client_id": client_id,
                "status": "received",
                "received_at": "2026-11-22T10:00:00+08:00",
            }
            state.submissions[client_id] = {"body": submission, "receipt": receipt}
            state.received.append(client_id)
        return 201, receipt, {}


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (killed sync process, timed-out read) is expected here.
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            return
        super().handle_error(request, client_address)


@contextmanager
def running_platform(state: PlatformState | None = None) -> Iterator[tuple[str, PlatformState]]:
    """Serve ``state`` on 127.0.0.1 (a free port); yields (base_url, state)."""
    state = state or PlatformState()
    handler = type("Handler", (_Handler,), {"state": state})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    """An API base URL on loopback where nothing listens: the platform is unreachable."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"


def closed_port_client() -> CentralClient:
    """A central API client whose every call fails at once (connection refused)."""
    return CentralClient(closed_port_url(), "t", "HALL01", connect_timeout=2)
