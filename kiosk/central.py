"""The kiosk's link to the central platform, built from its settings.

One place turns ``Settings`` into a ``CentralClient``, a ``SyncEngine`` and an
``Outbox`` over the local database, and runs one sync round (content, config,
outbox, events). The ``sync`` command uses it now; the UI's background worker
calls the same round on its own thread and connection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk import __version__
from kiosk.errors import SyncError
from kiosk.secret_store import SecretStore
from kiosk.settings import Settings
from offline_cache.api_client import (
    AuthError,
    CentralClient,
    CentralError,
    InsecureURLError,
    TransientError,
)
from offline_cache.bootstrap import PreparedDatabase, prepare_database
from offline_cache.content_store import ContentIndexer
from offline_cache.outbox import DeliveryReport, Outbox
from offline_cache.retry import Backoff, call_with_retries
from offline_cache.sync import PullResult, SyncEngine, SyncProgress

log = logging.getLogger(__name__)


def build_client(settings: Settings) -> CentralClient:
    """The API client for ``central.url``; ``SyncError`` when none is configured."""
    url = settings["central.url"]
    if not url:
        raise SyncError("no central platform is configured (central.url is empty)", retryable=False)
    try:
        return CentralClient(
            url,
            settings["central.token"],
            settings["kiosk.id"],
            connect_timeout=settings["central.connect_timeout_s"],
            read_timeout=settings["central.read_timeout_s"],
            allow_insecure_http=settings["central.allow_insecure_http"],
            user_agent=f"legal-kiosk/{__version__}",
        )
    except (InsecureURLError, ValueError) as error:
        raise SyncError(str(error), retryable=False) from None


def to_sync_error(error: CentralError) -> SyncError:
    """The kiosk's typed error for a failed call (the message never holds the token)."""
    if isinstance(error, AuthError):
        return SyncError(
            "the central platform refused this kiosk's credentials (central.token / kiosk.id); "
            "the kiosk must be enrolled again",
            retryable=False,
            status=error.status,
        )
    return SyncError(str(error), retryable=isinstance(error, TransientError), status=error.status)


@dataclass
class CentralLink:
    """Everything a sync round needs, for one thread."""

    settings: Settings
    prepared: PreparedDatabase
    client: CentralClient
    engine: SyncEngine
    outbox: Outbox

    def close(self) -> None:
        self.client.close()
        self.prepared.database.close()


def open_central_link(settings: Settings, indexer: ContentIndexer | None = None) -> CentralLink:
    """Open the local database and the client; ``SyncError`` when no platform is set.

    Without an explicit indexer the content is indexed for search as it arrives.
    """
    client = build_client(settings)
    if indexer is None:
        from kiosk.content_access import open_content

        prepared, _ = open_content(settings)
    else:
        prepared = prepare_database(settings.database_path, has_central=True, indexer=indexer)
    engine = SyncEngine(client, prepared.store, page_size=settings["sync.page_size"])
    key = SecretStore(settings.secret_file).key()
    outbox = Outbox(prepared.database, key)
    return CentralLink(settings, prepared, client, engine, outbox)


@dataclass
class RoundReport:
    pull: PullResult | None = None
    config_refetched: bool = False
    delivery: DeliveryReport | None = None
    events_sent: int = 0
    errors: list[SyncError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _is_transient(error: Exception) -> bool:
    return isinstance(error, TransientError)


def _retry_after(error: Exception) -> float | None:
    return error.retry_after if isinstance(error, TransientError) else None


def run_sync_round(
    link: CentralLink,
    full: bool = False,
    progress: Callable[[SyncProgress], None] | None = None,
    attempts: int = 3,
    sleep: Callable[[float], None] | None = None,
    max_wait_s: float = 30.0,
) -> RoundReport:
    """Pull content, refresh the config, deliver the outbox, upload events.

    Each part is tried on its own: a failing event upload does not hide new
    content. Transient failures are retried a few times with backoff; a pull
    resumes from its last applied page, so a retry never repeats work.
    """
    report = RoundReport()
    retry_kwargs: dict = {
        "is_retryable": _is_transient,
        "retry_after_of": _retry_after,
        "attempts": attempts,
        "backoff": Backoff(),
        "max_wait_s": max_wait_s,
        "on_retry": lambda error, wait: log.info("%s; trying again in %.1f s", error, wait),
    }
    if sleep is not None:
        retry_kwargs["sleep"] = sleep
    first_pull = [full]

    def pull() -> PullResult:
        # Only the first try forces a full sync; a retry resumes the one in progress.
        wanted, first_pull[0] = first_pull[0], False
        return link.engine.pull(full=wanted, progress=progress)

    try:
        report.pull = call_with_retries(pull, **retry_kwargs)
    except CentralError as error:
        report.errors.append(to_sync_error(error))
        return report  # the platform is unreachable: the rest would fail the same way
    try:
        _, report.config_refetched = call_with_retries(
            lambda: (None, link.engine.refresh_config().config is not None), **retry_kwargs
        )
    except CentralError as error:
        report.errors.append(to_sync_error(error))
    report.delivery = link.outbox.deliver_due(link.client)
    if report.delivery.auth_problem:
        report.errors.append(
            SyncError("submissions wait: the platform refused this kiosk's credentials", False, 401)
        )
    try:
        report.events_sent = call_with_retries(link.engine.upload_events, **retry_kwargs)
    except CentralError as error:
        report.errors.append(to_sync_error(error))
    return report
