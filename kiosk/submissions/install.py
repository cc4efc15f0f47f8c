"""Install the submission service into a running kiosk, once Home is on screen.

Kept apart from ``setup`` so that building the services at start-up imports
nothing heavy: the service itself is created by the ready callback.
"""

from __future__ import annotations

from typing import Any


def install_submissions(services: Any) -> None:
    """Fill ``services.submissions`` once Home is shown (opening the database is not instant).

    Reuses the database another service already opened; otherwise opens it and
    makes sure the schema is in place. Delivery starts at once on its own thread.
    """
    services.after_ready(lambda: ensure_submission_service(services))


def ensure_submission_service(services: Any, deliver: bool = True) -> Any:
    """``services.submissions``, built now if it is not yet; with ``deliver`` False nothing
    is sent (the screen tour shows the forms without starting delivery)."""
    if services.submissions is not None:
        return services.submissions
    # Imported here, after Home is shown: the HTTP client and the database
    # layer are not needed to draw the first screen.
    from kiosk.submissions.setup import create_submission_service
    from offline_cache.db import database_proxy, open_database
    from offline_cache.schema import ensure_schema

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
