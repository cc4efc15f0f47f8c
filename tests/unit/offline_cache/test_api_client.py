"""The API client against a real HTTP server on loopback (tests/http_stub.py)."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Iterator

import pytest

from offline_cache.api_client import (
    AuthError,
    CentralClient,
    CursorExpired,
    InsecureURLError,
    MalformedResponse,
    PermanentError,
    TransientError,
)
from offline_cache.retry import Backoff, call_with_retries, parse_retry_after
from tests.content_factory import law_change
from tests.http_stub import Fault, PlatformState, running_platform

TOKEN = "device-token-0123456789"


@pytest.fixture
def platform() -> Iterator[tuple[str, PlatformState]]:
    with running_platform() as served:
        yield served


def make_client(url: str, **options: object) -> CentralClient:
    settings: dict = {"connect_timeout": 2.0, "read_timeout": 2.0, "max_page_bytes": 4 << 20}
    settings.update(options)
    return CentralClient(url, TOKEN, "HALL01", **settings)


def test_every_call_sends_token_kiosk_id_and_gzip(platform: tuple[str, PlatformState]) -> None:
    url, state = platform
    state.upsert("law", "law-1", law_change("law-1")["data"])
    client = make_client(url)
    assert client.health() == "2026-11-22T10:00:00+08:00"
    page = client.changes(limit=10)
    assert [c["id"] for c in page.changes] == ["law-1"] and not page.has_more
    request = state.requests[-1]
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["X-Kiosk-Id"] == "HALL01"
    assert "gzip" in request.headers["Accept-Encoding"]
    assert "Authorization" not in state.requests[0].headers  # /health needs none
    assert TOKEN not in repr(client)


def test_plain_http_only_for_loopback() -> None:
    with pytest.raises(InsecureURLError):
        CentralClient("http://platform.example.gov.cn/api/v1", TOKEN, "HALL01")
    CentralClient(
        "http://platform.example.gov.cn/api/v1", TOKEN, "HALL01", allow_insecure_http=True
    )
    CentralClient("http://[::1]:8765/api/v1", TOKEN, "HALL01")
    client = CentralClient("https://platform.example.gov.cn/api/v1", TOKEN, "HALL01")
    assert client.session.verify is True


def test_status_classes(platform: tuple[str, PlatformState]) -> None:
    url, state = platform
    client = make_client(url)
    state.fault("/content/changes", Fault("status", status=503, retry_after=7))
    with pytest.raises(TransientError) as transient:
        client.changes()
    assert transient.value.status == 503 and transient.value.retry_after == 7.0
    state.fault("/content/changes", Fault("status", status=429, retry_after=3))
    with pytest.raises(TransientError):
        client.changes()
    with pytest.raises(CursorExpired):
        client.changes(since="garbage")
    with pytest.raises(AuthError):
        CentralClient(url, "wrong-token", "HALL01").changes()
    state.fault("/submissions", Fault("status", status=422))
    with pytest.raises(PermanentError) as permanent:
        client.post_submission({"client_id": "x"})
    assert permanent.value.status == 422 and permanent.value.code == "unavailable"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("malformed_json", MalformedResponse),
        ("wrong_types", MalformedResponse),
        ("huge", MalformedResponse),
        ("drop_after_commit", TransientError),
    ],
)
def test_broken_answers_are_typed_errors(
    platform: tuple[str, PlatformState], mode: str, expected: type[Exception]
) -> None:
    url, state = platform
    state.fault("/content/changes", Fault(mode))
    client = make_client(url)
    with pytest.raises(expected):
        client.changes()
    assert client.changes().has_more is False  # next call works again


def test_wrong_types_inside_changes(platform: tuple[str, PlatformState]) -> None:
    url, state = platform
    client = make_client(url)
    bad_pages = [
        {"changes": [{"seq": 2}, {"seq": 1}], "next_cursor": "c", "has_more": False},
        {
            "changes": [
                {"seq": 1, "type": "law", "id": "a", "op": "upsert", "version": 1, "data": None}
            ],
            "next_cursor": "c",
            "has_more": False,
        },
        {"changes": [], "next_cursor": "", "has_more": False},
        {"changes": [], "next_cursor": "c", "has_more": 1},
        ["not", "an", "object"],
    ]
    for body in bad_pages:
        state.fault("/content/changes", Fault("wrong_types", body=body))
        with pytest.raises(MalformedResponse):
            client.changes()


def test_read_timeout_is_transient(platform: tuple[str, PlatformState]) -> None:
    url, state = platform
    state.fault("/health", Fault("slow", delay_s=1.5))
    with pytest.raises(TransientError, match="timed out"):
        make_client(url, read_timeout=0.2).health()


def test_connection_refused_is_transient() -> None:
    with running_platform() as (url, _):
        pass  # the port is closed again
    with pytest.raises(TransientError, match="connection failed"):
        make_client(url).health()


def test_config_etag_and_304(platform: tuple[str, PlatformState]) -> None:
    url, state = platform
    client = make_client(url)
    first = client.get_config()
    assert first.config is not None and first.etag == state.etag
    again = client.get_config(first.etag)
    assert again.not_modified and again.config is None


def test_token_never_logged(
    platform: tuple[str, PlatformState], caplog: pytest.LogCaptureFixture
) -> None:
    url, state = platform
    caplog.set_level(logging.DEBUG)
    client = make_client(url)
    client.health()
    client.changes()
    with pytest.raises(AuthError) as refused:
        CentralClient(url, "another-secret-token", "HALL01").changes()
    state.fault("/content/changes", Fault("status", status=503))
    with pytest.raises(TransientError) as failed:
        client.changes()
    logged = caplog.text + str(refused.value) + str(failed.value)
    assert "/content/changes" in caplog.text
    assert TOKEN not in logged and "another-secret-token" not in logged


def test_retry_after_parsing() -> None:
    assert parse_retry_after("120") == 120.0
    now = dt.datetime(2026, 11, 22, 10, 0, 0, tzinfo=dt.UTC).timestamp()
    assert parse_retry_after("Sun, 22 Nov 2026 10:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_backoff_full_jitter_within_ceiling_and_never_before_retry_after() -> None:
    backoff = Backoff(base=1.0, cap=300.0, rng=random.Random(7))
    delays = [backoff.delay(attempt) for attempt in range(1, 15) for _ in range(20)]
    assert all(0.0 <= d <= 300.0 for d in delays)
    assert max(backoff.delay(1) for _ in range(50)) <= 1.0
    assert backoff.ceiling(20) == 300.0
    assert all(backoff.delay(1, retry_after=42.0) >= 42.0 for _ in range(20))


def test_call_with_retries_sleeps_per_backoff_and_stops_on_permanent() -> None:
    slept: list[float] = []
    outcomes: list[Exception | str] = [TransientError("busy", 503, retry_after=2.0), "done"]

    def operation() -> str:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    result = call_with_retries(
        operation,
        is_retryable=lambda e: isinstance(e, TransientError),
        retry_after_of=lambda e: getattr(e, "retry_after", None),
        sleep=slept.append,
    )
    assert result == "done" and len(slept) == 1 and slept[0] >= 2.0
    with pytest.raises(PermanentError):
        call_with_retries(
            lambda: (_ for _ in ()).throw(PermanentError("no", 422)),
            is_retryable=lambda e: isinstance(e, TransientError),
            sleep=slept.append,
        )
    assert len(slept) == 1


def test_deeply_nested_json_is_a_typed_error(platform: tuple[str, PlatformState]) -> None:
    url, state = platform
    state.fault("/health", Fault("raw", body=b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(MalformedResponse):
        make_client(url).health()


def test_certificate_checks_cannot_be_switched_off() -> None:
    import requests

    careless = requests.Session()
    careless.verify = False
    client = CentralClient(
        "https://platform.example.gov.cn/api/v1", TOKEN, "HALL01", session=careless
    )
    assert client.session.verify is True
    private_ca = requests.Session()
    private_ca.verify = "/etc/legal-kiosk/platform-ca.pem"
    client = CentralClient(
        "https://platform.example.gov.cn/api/v1", TOKEN, "HALL01", session=private_ca
    )
    assert client.session.verify == "/etc/legal-kiosk/platform-ca.pem"
