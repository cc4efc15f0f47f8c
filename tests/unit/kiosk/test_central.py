from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.central import build_client, open_central_link, run_sync_round
from kiosk.errors import SyncError
from kiosk.settings import load_settings
from offline_cache.db import database_proxy
from tests.content_factory import law_change
from tests.http_stub import Fault, running_platform


def settings_for(tmp_path: Path, url: str = "", token: str = "tok-123456789") -> object:
    return load_settings(
        environ={
            "LEGAL_KIOSK_CENTRAL__URL": url,
            "LEGAL_KIOSK_CENTRAL__TOKEN": token,
            "LEGAL_KIOSK_STORAGE__DATA_DIR": str(tmp_path / "data"),
            "LEGAL_KIOSK_SYNC__PAGE_SIZE": "2",
        }
    )


def test_no_url_is_a_clear_non_retryable_error(tmp_path: Path) -> None:
    with pytest.raises(SyncError) as error:
        build_client(settings_for(tmp_path))  # type: ignore[arg-type]
    assert not error.value.retryable and "central.url" in str(error.value)


def test_round_retries_transient_errors_honouring_retry_after(tmp_path: Path) -> None:
    with running_platform() as (url, state):
        for n in range(5):
            state.upsert("law", f"law-{n}", law_change(f"law-{n}")["data"])
        state.fault("/content/changes", Fault("status", status=503, retry_after=4, skip=1))
        settings = settings_for(tmp_path, url, state.token)
        link = open_central_link(settings)  # type: ignore[arg-type]
        slept: list[float] = []
        try:
            report = run_sync_round(link, sleep=slept.append)
            assert report.ok, report.errors
            # The retry resumed after the page already applied: 3 more changes, none repeated.
            assert report.pull is not None and report.pull.changes == 3 and report.pull.full
            assert len(slept) == 1 and slept[0] >= 4
            assert report.config_refetched
            assert link.engine.state().item_counts["law"] == 5
        finally:
            link.close()
            database_proxy.initialize(None)


def test_refused_credentials_are_reported_without_the_token(tmp_path: Path) -> None:
    with running_platform() as (url, _):
        link = open_central_link(settings_for(tmp_path, url, "stolen-or-revoked-token"))  # type: ignore[arg-type]
        try:
            report = run_sync_round(link, sleep=lambda _: None)
        finally:
            link.close()
            database_proxy.initialize(None)
    assert not report.ok
    message = str(report.errors[0])
    assert "credentials" in message and "stolen-or-revoked-token" not in message
    assert not report.errors[0].retryable
