"""Build the submission service of a running kiosk from its settings."""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from kiosk.secret_store import OUTBOX_KEY, SecretStore
from kiosk.settings import Settings
from kiosk.submissions.rules import SubmissionPolicy
from kiosk.submissions.service import SubmissionService
from offline_cache.api_client import CentralClient
from offline_cache.models import KioskConfigCache
from offline_cache.outbox import Outbox, reset_in_flight
from offline_cache.retry import Backoff
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
