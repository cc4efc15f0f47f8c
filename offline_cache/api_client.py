"""The client of the central platform's kiosk API (shared/central-api/openapi.yaml).

One ``requests.Session``; every call carries the device token and the kiosk id,
a connect and a read timeout, and asks for gzip. TLS certificates are
verified; plain http is refused unless the host is a loopback address or the
configuration allows it explicitly. Response bodies are read with a size cap
and checked against the contract's shapes, so a broken server yields a typed
error, never a crash. The token is never logged: log lines name the method
and path only.

Errors: ``TransientError`` (408/429/5xx, timeouts, connection errors, malformed
answers — retry later, never sooner than ``retry_after``), ``AuthError`` (401:
the enrolment is broken), ``PermanentError`` (other 4xx: never retry the same
request), ``CursorExpired`` (410 on the change feed: run a full sync).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from offline_cache.retry import parse_retry_after
from offline_cache.urls import is_loopback_host

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

CONTENT_TYPES = ("law", "practitioner", "institution", "case", "faq", "guide", "announcement")
DEFAULT_MAX_BODY = 1 << 20  # 1 MiB for small answers
CHANGES_MAX_BODY = 128 << 20  # a page of 1000 whole laws stays far below this
_CHUNK = 64 << 10


# ------------------------------------------------------------------- errors
class CentralError(Exception):
    """A call to the central platform did not succeed."""

    def __init__(
        self,
        message: str,
        status: int | None = None,
        code: str | None = None,
        body: Mapping[str, Any] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.code = code
        self.body = dict(body) if body else {}


class TransientError(CentralError):
    """Worth retrying later: server busy or down, network trouble, a malformed answer."""

    def __init__(
        self,
        message: str,
        status: int | None = None,
        code: str | None = None,
        body: Mapping[str, Any] | None = None,
        retry_after: float | None = None,
    ):
        super().__init__(message, status, code, body)
        self.retry_after = retry_after


class MalformedResponse(TransientError):
    """The answer broke the contract (bad JSON, wrong types, too big)."""


class AuthError(CentralError):
    """401: the device token or kiosk id is not accepted; staff must re-enrol the kiosk."""


class PermanentError(CentralError):
    """The platform will never accept this exact request (400/404/409/413/422...)."""

    @property
    def fields(self) -> list[dict[str, Any]]:
        found = self.body.get("fields")
        return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


class CursorExpired(CentralError):
    """410 on the change feed: the cursor is gone; a full sync is needed."""


class InsecureURLError(ValueError):
    """Plain http to a host that is not loopback, without explicit permission."""


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class ChangePage:
    changes: list[dict[str, Any]]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True)
class ConfigResult:
    """``config`` is None when the platform answered 304 (unchanged)."""

    config: dict[str, Any] | None
    etag: str | None
    not_modified: bool


@dataclass(frozen=True)
class HeartbeatResult:
    server_time: str
    config_etag: str


@dataclass(frozen=True)
class SubmissionReceipt:
    tracking_no: str
    client_id: str
    status: str
    received_at: str
    first_delivery: bool


@dataclass(frozen=True)
class Handoff:
    token: str
    url: str
    expires_at: str


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: Any = field(default=None)


# ---------------------------------------------------------------- the client
def _require(condition: bool, what: str) -> None:
    if not condition:
        raise MalformedResponse(f"unexpected answer from the platform: {what}")


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class CentralClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        kiosk_id: str,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        allow_insecure_http: bool = False,
        session: requests.Session | None = None,
        user_agent: str = "legal-kiosk",
        max_page_bytes: int = CHANGES_MAX_BODY,
    ):
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"central URL must be http(s) with a host: {base_url!r}")
        if parts.scheme == "http" and not (allow_insecure_http or is_loopback_host(parts.hostname)):
            raise InsecureURLError(
                "plain http:// is allowed only for a loopback host; use https:// or "
                "set central.allow_insecure_http"
            )
        self.base_url = base_url.rstrip("/")
        self.kiosk_id = kiosk_id
        self.max_page_bytes = max_page_bytes
        self.timeout = (connect_timeout, read_timeout)
        # Imported when a client is made: the kiosk's first screen needs no HTTP.
        import requests

        self.session = session or requests.Session()
        if self.session.verify is not True and not isinstance(self.session.verify, str):
            # Certificates are always verified; a CA bundle path given by the caller is kept.
            self.session.verify = True
        self._token = token
        self.session.headers.update(
            {
                "Accept": "application/json",
                "Accept-Encoding": "gzip",
                "User-Agent": user_agent,
            }
        )

    def __repr__(self) -> str:  # never shows the token
        return f"CentralClient({self.base_url!r}, kiosk_id={self.kiosk_id!r})"

    def close(self) -> None:
        self.session.close()

    # ------------------------------------------------------------ plumbing
    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        max_body: int = DEFAULT_MAX_BODY,
        ok: Sequence[int] = (200,),
    ) -> Response:
        import requests  # already loaded by __init__; a local name for the except clauses

        sent_headers = {"X-Kiosk-Id": self.kiosk_id}
        if auth:
            sent_headers["Authorization"] = f"Bearer {self._token}"
        sent_headers.update(headers or {})
        data = None
        if json_body is not None:
            data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            sent_headers["Content-Type"] = "application/json"
        started = time.monotonic()
        try:
            with self.session.request(
                method,
                self.base_url + path,
                params=params,
                data=data,
                headers=sent_headers,
                timeout=self.timeout,
                stream=True,
                allow_redirects=False,
            ) as answer:
                raw = self._read_capped(answer, max_body)
                status = answer.status_code
                answer_headers = dict(answer.headers)
        except requests.Timeout as error:
            raise TransientError(f"{method} {path}: timed out ({type(error).__name__})") from None
        except requests.ConnectionError as error:
            raise TransientError(
                f"{method} {path}: connection failed ({type(error).__name__})"
            ) from None
        except requests.RequestException as error:
            raise TransientError(f"{method} {path}: {type(error).__name__}") from None
        log.debug(
            "%s %s -> %s in %.0f ms", method, path, status, (time.monotonic() - started) * 1000
        )
        body = None
        if raw:
            try:
                body = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                if status in ok:
                    raise MalformedResponse(f"{method} {path}: answer is not JSON") from None
                body = None
        if status in ok or status == 304:
            return Response(status, answer_headers, body)
        raise self._error(method, path, status, answer_headers, body)

    @staticmethod
    def _read_capped(answer: requests.Response, max_body: int) -> bytes:
        declared = answer.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_body:
            raise MalformedResponse(f"answer of {declared} bytes is over the {max_body} limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_content(_CHUNK):
            size += len(chunk)
            if size > max_body:
                raise MalformedResponse(f"answer is over the {max_body}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    @staticmethod
    def _error(
        method: str, path: str, status: int, headers: Mapping[str, str], body: Any
    ) -> CentralError:
        error_body = body if isinstance(body, dict) else {}
        code = error_body.get("error") if isinstance(error_body.get("error"), str) else None
        message = error_body.get("message") if isinstance(error_body.get("message"), str) else ""
        text = (
            f"{method} {path}: HTTP {status}"
            + (f" {code}" if code else "")
            + (f": {message[:200]}" if message else "")
        )
        retry_after = parse_retry_after(headers.get("Retry-After"))
        if status == 401:
            return AuthError(text, status, code, error_body)
        if status == 410 and path.startswith("/content/changes"):
            return CursorExpired(text, status, code, error_body)
        if status in (408, 429) or status >= 500:
            return TransientError(text, status, code, error_body, retry_after)
        return PermanentError(text, status, code, error_body)

    # ------------------------------------------------------------ endpoints
    def health(self) -> str:
        """The platform's server time when it is up."""
        answer = self._request("GET", "/health", auth=False)
        body = answer.body
        _require(isinstance(body, dict) and body.get("status") == "ok", "health status")
        _require(_is_str(body.get("server_time")), "health server_time")
        return str(body["server_time"])

    def get_config(self, etag: str | None = None) -> ConfigResult:
        headers = {"If-None-Match": etag} if etag else None
        answer = self._request(
            "GET", f"/kiosks/{quote(self.kiosk_id, safe='')}/config", headers=headers
        )
        if answer.status == 304:
            return ConfigResult(None, etag, True)
        body = answer.body
        _require(isinstance(body, dict), "config is not an object")
        _require(isinstance(body.get("maintenance"), dict), "config.maintenance")
        _require(isinstance(body["maintenance"].get("active"), bool), "config.maintenance.active")
        _require(_is_int(body.get("idle_timeout_s")), "config.idle_timeout_s")
        _require(isinstance(body.get("consultation"), dict), "config.consultation")
        _require(isinstance(body.get("miniprogram"), dict), "config.miniprogram")
        return ConfigResult(body, answer.headers.get("ETag"), False)

    def heartbeat(self, heartbeat: Mapping[str, Any]) -> HeartbeatResult:
        answer = self._request(
            "POST", f"/kiosks/{quote(self.kiosk_id, safe='')}/heartbeat", json_body=dict(heartbeat)
        )
        body = answer.body
        _require(isinstance(body, dict), "heartbeat answer is not an object")
        _require(_is_str(body.get("server_time")), "heartbeat server_time")
        _require(_is_str(body.get("config_etag")), "heartbeat config_etag")
        return HeartbeatResult(body["server_time"], body["config_etag"])

    def changes(
        self, since: str | None = None, limit: int = 500, types: Sequence[str] | None = None
    ) -> ChangePage:
        params: dict[str, Any] = {"limit": max(1, min(1000, int(limit)))}
        if since:
            params["since"] = since
        if types:
            params["types"] = ",".join(t for t in types if t in CONTENT_TYPES)
        answer = self._request(
            "GET", "/content/changes", params=params, max_body=self.max_page_bytes
        )
        return self._parse_page(answer.body)

    @staticmethod
    def _parse_page(body: Any) -> ChangePage:
        _require(isinstance(body, dict), "change page is not an object")
        changes = body.get("changes")
        _require(isinstance(changes, list), "changes is not a list")
        _require(
            _is_str(body.get("next_cursor")) and 0 < len(body["next_cursor"]) <= 200, "next_cursor"
        )
        _require(isinstance(body.get("has_more"), bool), "has_more")
        last_seq = 0
        for change in changes:
            _require(isinstance(change, dict), "change is not an object")
            seq = change.get("seq")
            _require(_is_int(seq) and seq > last_seq, "seq must increase")
            last_seq = seq
            _require(change.get("type") in CONTENT_TYPES, "change type")
            _require(_is_str(change.get("id")) and 0 < len(change["id"]) <= 80, "change id")
            _require(change.get("op") in ("upsert", "delete"), "change op")
            _require(_is_int(change.get("version")) and change["version"] >= 1, "change version")
            if change["op"] == "upsert":
                _require(isinstance(change.get("data"), dict), "upsert data")
        return ChangePage(changes, body["next_cursor"], body["has_more"])

    def post_submission(self, submission: Mapping[str, Any]) -> SubmissionReceipt:
        answer = self._request("POST", "/submissions", json_body=dict(submission), ok=(200, 201))
        body = answer.body
        _require(isinstance(body, dict), "receipt is not an object")
        for key in ("tracking_no", "client_id", "status", "received_at"):
            _require(_is_str(body.get(key)), f"receipt {key}")
        _require(body["client_id"] == submission.get("client_id"), "receipt for another client_id")
        return SubmissionReceipt(
            body["tracking_no"],
            body["client_id"],
            body["status"],
            body["received_at"],
            first_delivery=answer.status == 201,
        )

    @staticmethod
    def _check_status(item: Any) -> dict[str, Any]:
        _require(isinstance(item, dict), "submission status is not an object")
        for key in ("tracking_no", "client_ref", "kind", "status", "submitted_at"):
            _require(_is_str(item.get(key)), f"submission status {key}")
        answer = item.get("answer")
        _require(
            answer is None or (isinstance(answer, dict) and _is_str(answer.get("text"))), "answer"
        )
        return dict(item)

    def submission_status(self, ref: str, phone_last4: str) -> dict[str, Any]:
        answer = self._request(
            "GET", f"/submissions/{quote(ref, safe='')}", params={"phone_last4": phone_last4}
        )
        return self._check_status(answer.body)

    def lookup_citizen(self, id_type: str, id_number: str) -> list[dict[str, Any]]:
        answer = self._request(
            "POST",
            "/citizens/submissions/lookup",
            json_body={"id_type": id_type, "id_number": id_number},
        )
        body = answer.body
        _require(isinstance(body, dict) and isinstance(body.get("submissions"), list), "lookup")
        return [self._check_status(item) for item in body["submissions"]]

    def create_handoff(self, context: Mapping[str, Any], ttl_s: int = 300) -> Handoff:
        answer = self._request(
            "POST", "/handoffs", json_body={"context": dict(context), "ttl_s": ttl_s}, ok=(201,)
        )
        body = answer.body
        _require(isinstance(body, dict), "handoff is not an object")
        for key in ("token", "url", "expires_at"):
            _require(_is_str(body.get(key)), f"handoff {key}")
        return Handoff(body["token"], body["url"], body["expires_at"])

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> int:
        if not 1 <= len(events) <= 500:
            raise ValueError("a batch holds 1 to 500 events")
        answer = self._request(
            "POST", "/events", json_body={"events": [dict(e) for e in events]}, ok=(202,)
        )
        body = answer.body
        _require(isinstance(body, dict) and _is_int(body.get("accepted")), "events accepted")
        return int(body["accepted"])
