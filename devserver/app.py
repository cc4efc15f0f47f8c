"""The reference central platform: every endpoint of the kiosk API contract, on Flask.

``create_app(ServerConfig(...))`` builds the application; ``/api/v1`` is the
contract (openapi.yaml beside this file), ``/_dev`` the developer's and tests'
control panel (never part of the contract, see docs/devserver.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hmac
import json
import re
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from devserver import contract, submissions
from devserver.datasets import load_dataset
from devserver.faults import API_PREFIX, Fault, FaultBoard
from devserver.feed import CONTENT_TYPES, CursorExpired, read_page
from devserver.kiosk_config import DEFAULT_CONFIG, config_etag, etag_matches
from devserver.store import Store

DEFAULT_KIOSKS: tuple[str, ...] = (*(f"HALL{n:02d}" for n in range(1, 21)), "BENCH")
SUBMISSION_LIMIT = 64 * 1024
BODY_LIMIT = 1024 * 1024
GZIP_MIN_BYTES = 1024
_KIOSK_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_TYPES = re.compile(
    r"^(law|practitioner|institution|case|faq|guide|announcement)"
    r"(,(law|practitioner|institution|case|faq|guide|announcement))*$"
)
_PHONE_LAST4 = re.compile(r"^[0-9]{4}$")
_STATUS_ERRORS = {
    429: "rate_limited",
    500: "internal_error",
    502: "bad_gateway",
    503: "unavailable",
    504: "gateway_timeout",
}
# Every field has the wrong JSON type for whichever response the client expects.
_WRONG_TYPES = {
    "changes": "not a list",
    "next_cursor": 12345,
    "has_more": "perhaps",
    "tracking_no": 7,
    "client_id": ["x"],
    "status": 1,
    "received_at": False,
    "server_time": 0,
    "config_etag": None,
    "accepted": "many",
    "token": 3.5,
    "url": {},
    "expires_at": [],
    "submissions": {"a": 1},
    "maintenance": "off",
    "idle_timeout_s": "soon",
}


@dataclass(frozen=True)
class ServerConfig:
    """How one reference server runs."""

    db_path: Path
    dataset: str = "demo"
    token: str = "dev-token"
    kiosks: tuple[str, ...] = DEFAULT_KIOSKS
    laws_path: Path | None = None
    handoff_url: str = "https://mp.example.gov.cn/h/{token}"
    extra: dict[str, Any] = field(default_factory=dict)


class ApiError(Exception):
    """An error answered with the contract's ``Error`` body."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.headers = headers or {}


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    response = Response(text, status=status, mimetype="application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _error_response(error: ApiError) -> Response:
    body: dict[str, Any] = {"error": error.code, "message": error.message}
    if error.fields:
        body["fields"] = error.fields
    return json_response(body, error.status, error.headers)


def _read_json(limit: int) -> Any:
    """The request body as JSON: 413 over ``limit`` bytes, 400 when not JSON."""
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413, "payload_too_large", f"the body exceeds {limit} bytes")
    raw = request.get_data(cache=True)
    if len(raw) > limit:
        raise ApiError(413, "payload_too_large", f"the body exceeds {limit} bytes")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "bad_request", "the body is not JSON (UTF-8)") from None


def _validated(schema: str, body: Any) -> Any:
    errors = contract.validate(schema, body)
    if errors:
        raise ApiError(
            422,
            "validation_failed",
            f"the body breaks the {schema} schema",
            [e.as_dict() for e in errors],
        )
    return body


def _drop_connection() -> bool:
    """Shut the client's socket so it gets no response at all (werkzeug server only)."""
    sock = request.environ.get("werkzeug.socket")
    if not isinstance(sock, socket.socket):
        return False
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    return True


def _huge_body(size: int) -> Iterator[bytes]:
    yield b'{"pad":"'
    chunk = b"x" * 65536
    remaining = max(size - 10, 0)
    while remaining > 0:
        piece = chunk[: min(remaining, len(chunk))]
        remaining -= len(piece)
        yield piece
    yield b'"}'


def create_app(config: ServerConfig) -> Flask:
    """The Flask application of one reference server (the dataset is loaded on first start)."""
    app = Flask("devserver")
    app.config["MAX_CONTENT_LENGTH"] = BODY_LIMIT
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    store = Store(config.db_path)
    load_dataset(store, config.dataset, config.laws_path)
    faults = FaultBoard()
    enrolled = frozenset(config.kiosks)
    app.extensions["devserver"] = {"store": store, "faults": faults, "config": config}

    if store.meta_get("config") is None:
        with store.transaction() as conn:
            store.meta_set("config", Store.dumps(DEFAULT_CONFIG), conn)

    def kiosk_config() -> dict[str, Any]:
        return dict(json.loads(store.meta_get("config") or "{}"))

    def save_config(new: dict[str, Any]) -> str:
        errors = contract.validate("KioskConfig", new)
        if errors:
            raise ApiError(
                422,
                "validation_failed",
                "the configuration breaks the contract",
                [e.as_dict() for e in errors],
            )
        with store.transaction() as conn:
            store.meta_set("config", Store.dumps(new), conn)
        return config_etag(new)

    # --- errors --------------------------------------------------------------
    @app.errorhandler(ApiError)
    def _on_api_error(error: ApiError) -> Response:
        return _error_response(error)

    @app.errorhandler(HTTPException)
    def _on_http_error(error: HTTPException) -> Response:
        code = error.code or 500
        name = {413: "payload_too_large", 404: "not_found", 405: "method_not_allowed"}.get(
            code, re.sub(r"[^a-z]+", "_", (error.name or "error").lower()).strip("_")
        )
        headers = {k: v for k, v in error.get_headers() if k.lower() == "allow"}
        return _error_response(ApiError(code, name, error.description or name, headers=headers))

    # --- faults, authentication ---------------------------------------------
    @app.before_request
    def _before() -> Response | None:
        path = request.path
        if not path.startswith(API_PREFIX + "/"):
            return None
        fault = faults.take(path)
        if fault is not None:
            response = _apply_fault(fault)
            if response is not None:
                return response
        if path == API_PREFIX + "/health":
            return None
        _authenticate()
        return None

    def _authenticate() -> None:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode("utf-8"), config.token.encode("utf-8")
        ):
            raise ApiError(401, "invalid_token", "missing or wrong device token")
        kiosk_id = request.headers.get("X-Kiosk-Id", "")
        if not _KIOSK_ID.match(kiosk_id) or kiosk_id not in enrolled:
            raise ApiError(401, "invalid_kiosk", "missing, malformed or unenrolled X-Kiosk-Id")
        g.kiosk_id = kiosk_id

    def _apply_fault(fault: Fault) -> Response | None:
        if fault.mode == "status":
            code = _STATUS_ERRORS.get(fault.status, f"http_{fault.status}")
            headers = {}
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
            return _error_response(ApiError(fault.status, code, "injected fault", headers=headers))
        if fault.mode == "slow":
            time.sleep(fault.delay_s)
            return None
        if fault.mode == "malformed_json":
            return Response('{"changes": [{"seq": 1, "type": "la', 200, mimetype="application/json")
        if fault.mode == "wrong_types":
            return json_response(_WRONG_TYPES)
        if fault.mode == "huge":
            response = Response(_huge_body(fault.size_bytes), 200, mimetype="application/json")
            response.headers["Content-Length"] = str(max(fault.size_bytes, 10))
            g.no_gzip = True
            return response
        if fault.mode == "close_connection":
            if _drop_connection():
                return Response(b"", 500)
            return _error_response(ApiError(500, "internal_error", "injected fault"))
        if fault.mode == "drop_after_commit":
            g.drop_after_commit = True
        return None

    @app.after_request
    def _after(response: Response) -> Response:
        if g.get("drop_after_commit"):
            if _drop_connection():
                return response
            return _error_response(ApiError(500, "internal_error", "injected fault after commit"))
        if (
            not g.get("no_gzip")
            and not response.direct_passthrough
            and "gzip" in request.headers.get("Accept-Encoding", "").lower()
            and "Content-Encoding" not in response.headers
            and response.status_code not in (204, 304)
        ):
            data = response.get_data()
            if len(data) >= GZIP_MIN_BYTES:
                response.set_data(gzip.compress(data, compresslevel=3))
                response.headers["Content-Encoding"] = "gzip"
                response.vary.add("Accept-Encoding")
        return response

    # --- the contract ----------------------------------------------------------
    @app.get(API_PREFIX + "/health")
    def health() -> Response:
        return json_response({"status": "ok", "server_time": submissions.now_iso()})

    def _own_kiosk(kiosk_id: str) -> None:
        if kiosk_id != g.kiosk_id:
            raise ApiError(404, "not_found", "no such kiosk for this device")

    @app.get(API_PREFIX + "/kiosks/<path:kiosk_id>/config")
    def get_config(kiosk_id: str) -> Response:
        _own_kiosk(kiosk_id)
        current = kiosk_config()
        etag = config_etag(current)
        if etag_matches(request.headers.get("If-None-Match"), etag):
            response = Response(status=304)
            response.headers["ETag"] = etag
            return response
        return json_response(current, headers={"ETag": etag})

    @app.post(API_PREFIX + "/kiosks/<path:kiosk_id>/heartbeat")
    def post_heartbeat(kiosk_id: str) -> Response:
        _own_kiosk(kiosk_id)
        body = _validated("Heartbeat", _read_json(BODY_LIMIT))
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO heartbeats (kiosk_id, body, received_at) VALUES (?, ?, ?)",
                (kiosk_id, Store.dumps(body), submissions.now_iso()),
            )
        return json_response(
            {"server_time": submissions.now_iso(), "config_etag": config_etag(kiosk_config())}
        )

    @app.get(API_PREFIX + "/content/changes")
    def get_changes() -> Response:
        since = request.args.get("since")
        if since is not None and len(since) > 200:
            raise ApiError(400, "bad_request", "since: at most 200 characters")
        limit_text = request.args.get("limit", "500")
        if not re.fullmatch(r"[0-9]{1,5}", limit_text) or not 1 <= int(limit_text) <= 1000:
            raise ApiError(400, "bad_request", "limit: an integer from 1 to 1000")
        types_text = request.args.get("types")
        types: list[str] | None = None
        if types_text is not None:
            if not _TYPES.match(types_text):
                raise ApiError(
                    400,
                    "bad_request",
                    f"types: comma-separated subset of {', '.join(CONTENT_TYPES)}",
                )
            types = sorted(set(types_text.split(",")))
        try:
            page = read_page(store, since, int(limit_text), types)
        except CursorExpired as expired:
            raise ApiError(410, "cursor_expired", f"{expired}; run a full sync") from None
        return json_response(page.to_json())

    @app.post(API_PREFIX + "/submissions")
    def post_submission() -> Response:
        body = _read_json(SUBMISSION_LIMIT)
        outcome = submissions.accept(store, g.kiosk_id, body)
        return json_response(outcome.body, outcome.status, outcome.headers)

    @app.get(API_PREFIX + "/submissions/<path:ref>")
    def get_submission(ref: str) -> Response:
        phone_last4 = request.args.get("phone_last4", "")
        found = None
        if len(ref) <= 64 and _PHONE_LAST4.match(phone_last4):
            found = submissions.find_for_citizen(store, g.kiosk_id, ref, phone_last4)
        if found is None:
            raise ApiError(404, "not_found", "no submission with this number and phone")
        return json_response(found)

    @app.post(API_PREFIX + "/citizens/submissions/lookup")
    def lookup_submissions() -> Response:
        body = _validated("CitizenLookup", _read_json(BODY_LIMIT))
        found = submissions.lookup_by_identity(store, body["id_type"], body["id_number"])
        return json_response({"submissions": found})

    @app.post(API_PREFIX + "/handoffs")
    def create_handoff() -> Response:
        body = _validated("HandoffRequest", _read_json(BODY_LIMIT))
        ttl_s = int(body.get("ttl_s", 300))
        token = secrets.token_urlsafe(18)  # 24 characters of [A-Za-z0-9_-]
        now = dt.datetime.now(submissions.CHINA)
        expires_at = (now + dt.timedelta(seconds=ttl_s)).isoformat(timespec="seconds")
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO handoffs (token, kiosk_id, context, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (token, g.kiosk_id, Store.dumps(body["context"]), now.isoformat(), expires_at),
            )
        url = config.handoff_url.format(token=token)
        return json_response({"token": token, "url": url, "expires_at": expires_at}, 201)

    @app.post(API_PREFIX + "/events")
    def post_events() -> Response:
        body = _validated("EventBatch", _read_json(BODY_LIMIT))
        received_at = submissions.now_iso()
        ids = set()
        with store.transaction() as conn:
            for event in body["events"]:
                ids.add(event["id"])
                conn.execute(
                    "INSERT INTO events (id, kiosk_id, body, received_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET times_received = times_received + 1",
                    (event["id"], g.kiosk_id, Store.dumps(event), received_at),
                )
        return json_response({"accepted": len(ids)}, 202)

    @app.get("/openapi.yaml")
    def openapi() -> Response:
        """The contract this server implements, with this server as its only server."""
        document = dict(contract.openapi_document())
        document["servers"] = [{"url": request.host_url.rstrip("/") + API_PREFIX}]
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        return Response(text, mimetype="application/yaml")

    from devserver.control import register_control

    register_control(app, store, faults, kiosk_config, save_config)
    return app
