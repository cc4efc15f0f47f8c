"""Build the submission service of a running kiosk from its settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peewee import SqliteDatabase

from kiosk.secret_store import OUTBOX_KEY, SecretStore
from kiosk.settings import Settings
from kiosk.submissions.rules import SubmissionPolicy
from kiosk.submissions.service import SubmissionService
from offline_cache.api_client import CentralClient
from offline_cache.db import database_proxy, open_database
from offline_cache.models import KioskConfigCache
from offline_cache.outbox import Outbox, reset_in_flight
from offline_cache.retry import Backoff
from offline_cache.schema import ensure_schema
from offline_cache.submission_log import ensure_submission_log

DIGEST_KEY = "submission_digest_key"


def central_client(settings: Settings) -> CentralClient | None:
    if not settings.has_central:
        return None
    return CentralClient(
        settings["central.url"],
        settings["central.token"],
        settings["kiosk.id"],
        connect_timeout=settings["central.connect_timeout_s"],
        read_timeout=settings["central.read_timeout_s"],
        allow_insecure_http=settings["central.allow_insecure_http"],
    )


def policy_from_cached_config(handling_days: int) -> Callable[[], SubmissionPolicy]:
    """The rules' parameters from the last configuration fetched from the platform."""

    def current() -> SubmissionPolicy:
        cached = KioskConfigCache.get_or_none(KioskConfigCache.id == 1)
        config = cached.config if cached is not None else None
        return SubmissionPolicy.from_config(config, handling_days)

    return current


def create_submission_service(
    settings: Settings,
    database: SqliteDatabase,
    backoff: Backoff | None = None,
) -> SubmissionService:
    """The service over an open database whose main schema is in place.

    Resets entries a crash left in flight (they are resent under the same
    client_id, which the platform answers with the original receipt).
    """
    ensure_submission_log(database)
    reset_in_flight(database)
    secrets = SecretStore(settings.secret_file)
    outbox = Outbox(database, secrets.key(OUTBOX_KEY), backoff=backoff)
    return SubmissionService(
        kiosk_id=settings["kiosk.id"],
        outbox=outbox,
        secret=secrets.key(DIGEST_KEY),
        policy=policy_from_cached_config(settings["submissions.complaint_handling_days"]),
        client=central_client(settings),
        delivery_client=central_client(settings),
    )


def install_submissions(services: Any) -> None:
    """Fill ``services.submissions`` once Home is shown (opening the database is not instant).

    Reuses the database another service already opened; otherwise opens it and
    makes sure the schema is in place. Delivery starts at once on its own thread.
    """
    services.after_ready(lambda: ensure_submission_service(services))


def ensure_submission_service(services: Any, deliver: bool = True) -> SubmissionService:
    """``services.submissions``, built now if it is not yet; with ``deliver`` False nothing
    is sent (the screen tour shows the forms without starting delivery)."""
    if services.submissions is not None:
        return services.submissions  # type: ignore[no-any-return]
    settings = services.settings
    database = database_proxy.obj
    if database is None:
        database = open_database(settings.database_path)
        ensure_schema(database)
    service = create_submission_service(settings, database)
    if deliver and settings.has_central:
        delivery = service.start_delivery(int(settings["submissions.delivery_interval_s"] * 1000))
        delivery.delivery_finished.connect(
            lambda report: _note_reachability(services.connectivity, report)
        )
        # The delivery thread must end before Qt destroys its QThread object.
        read_timeout_ms = int(settings["central.read_timeout_s"] * 1000)
        services.on_shutdown(lambda: service.stop_delivery(read_timeout_ms + 5000))
    services.submissions = service
    return service


def reachability(report: object) -> bool | None:
    """What a delivery round says about the platform: reached, unreachable, or nothing."""
    if getattr(report, "delivered", None) or getattr(report, "failed", None):
        return True
    if getattr(report, "stopped_early", None) == "unreachable":
        return False
    return None


def _note_reachability(connectivity: Any, report: object) -> None:
    reached = reachability(report)
    if reached is not None and connectivity is not None:
        connectivity.set_online(reached)
