"""The screen tour: every registered screen, both languages, normal and large text, as PNG."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.app import Services
from kiosk.handoff import HandoffService
from kiosk.identity import CitizenIdentity
from kiosk.submissions.install import ensure_submission_service
from kiosk.submissions.results import Receipt
from ui.main_window import MainWindow
from ui.screenshot_submissions import TOUR_REF, submission_views
from ui.widgets.tracking_qr import TrackingQrPanel

TOUR_SIZE = (1920, 1080)
LANGUAGES = ("zh_CN", "en")


def prepare_offscreen() -> None:
    """Render on a 1920x1080 offscreen screen unless another platform was chosen.

    Plain ``offscreen`` (as ``make screenshots`` sets it) would be an 800x800
    screen; it gets the 1920x1080 screen description too.
    """
    if (os.environ.get("QT_QPA_PLATFORM") or "offscreen") != "offscreen":
        return
    width, height = TOUR_SIZE
    config = Path(tempfile.gettempdir()) / f"legal-kiosk-offscreen-{width}x{height}.json"
    screen = {"name": "kiosk", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def lookup_samples(services: Services) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Extra views of the lookup screens: (file suffix, parameters) per screen id.

    Picked from the content itself, so the tour shows real laws and the demo
    people wherever it runs: 民法典 and its article 1077, a practitioner with a
    penalty, a search with results and one without.
    """
    content = services.content
    if content is None or not getattr(content, "is_ready", False):
        return {}
    samples: dict[str, list[tuple[str, dict[str, Any]]]] = {
        "laws": [("search", {"query": "离婚冷静期"}), ("empty", {"query": "火星"})],
        "cases": [("search", {"query": "拖欠工资"})],
        "practitioners": [
            ("", {"kind": "practitioner"}),
            ("institutions", {"kind": "institution"}),
        ],
    }
    hits = content.search_now("民法典 1077", "law", 1)
    if hits:
        law_id = hits[0].law_id
        samples["law"] = [("", {"law_id": law_id})]
        samples["article"] = [("", {"law_id": law_id, "no": 1077, "sub": 0})]
    rows, _ = content.people_page("practitioner", limit=200)
    flagged = [row for row in rows if row.penalty_count] or rows
    if flagged:
        samples["practitioner"] = [("", {"id": flagged[0].id})]
        card = content.practitioner(flagged[0].id)
        if card is not None and card.institution_id:
            samples["institution"] = [("", {"id": card.institution_id})]
    entries = content.entries()
    if entries:
        samples["case"] = [("", {"type": entries[0].type, "id": entries[0].id})]
        faqs = [e for e in entries if e.type == "faq"]
        if faqs:
            samples["case"].append(("faq", {"type": "faq", "id": faqs[0].id}))
    guides = content.guides()
    if guides:
        samples["guide"] = [("", {"id": guides[0].id})]
        samples["hall_map"] = [("", {"window": guides[0].window})]
    return samples


def _wait_for_content(app: QApplication, services: Services, timeout_s: float = 180.0) -> None:
    content = services.content
    if content is None or not hasattr(content, "open_blocking"):
        return
    if not content.is_ready:
        content.open_blocking()
    _settle(app, services, timeout_s)


def _settle(app: QApplication, services: Services, timeout_s: float = 10.0) -> None:
    """Let searches in flight arrive before a screen is grabbed."""
    content = services.content
    deadline = monotonic() + timeout_s
    app.processEvents()
    while (
        content is not None
        and hasattr(content, "searches_pending")
        and content.searches_pending()
        and monotonic() < deadline
    ):
        app.processEvents()
    app.processEvents()


def render_tour(app: QApplication, services: Services, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    _wait_for_content(app, services)
    # As on a kiosk a moment after Home: the forms have their rules and categories.
    # Nothing is delivered from the tour.
    ensure_submission_service(services, deliver=False)
    samples = lookup_samples(services)
    with _tour_handoff(services) as handoff:
        window = MainWindow(services)
        window.resize(*TOUR_SIZE)
        window.show()
        try:
            return _tour_screens(app, services, window, samples, handoff, out_dir)
        finally:
            window.allow_close()
            window.close()


def _tour_screens(
    app: QApplication,
    services: Services,
    window: MainWindow,
    samples: dict[str, list[tuple[str, dict[str, Any]]]],
    handoff: TourHandoff,
    out_dir: Path,
) -> list[Path]:
    manager = window.manager
    session = services.session
    written: list[Path] = []
    for language in LANGUAGES:
        for large in (False, True):
            session.set_language(language)
            session.set_large_text(large)
            variant = f"{language}{'-large' if large else ''}"
            manager.wipe_all()  # no search of the previous variant shows through
            for screen_id in manager.registry.screen_ids():
                views = samples.get(screen_id, [])
                if not any(suffix == "" for suffix, _ in views):
                    views = [("", {}), *views]
                for suffix, params in views:
                    manager.jump(screen_id, **params)
                    _settle(app, services)
                    name = f"{variant}-{screen_id}{'-' + suffix if suffix else ''}.png"
                    written.append(_grab(app, window, out_dir / name))
            written += handoff.states(app, window, samples, out_dir, variant)
            written += _submission_shots(app, window, services, out_dir, variant)
            manager.jump("home")
            window.idle_overlay.show_countdown(int(session.countdown_s))
            written.append(_grab(app, window, out_dir / f"{variant}-idle-countdown.png"))
            window.idle_overlay.hide()
            written += _login_and_read_aloud(app, window, services, out_dir, variant)
    session.set_high_contrast(True)
    session.set_language("zh_CN")
    session.set_large_text(False)
    manager.jump("home")
    written.append(_grab(app, window, out_dir / "zh_CN-high-contrast-home.png"))
    for screen_id in ("laws", "article", "practitioner", "guide"):
        for suffix, params in samples.get(screen_id, [])[:1]:
            manager.jump(screen_id, **params)
            _settle(app, services)
            name = f"zh_CN-high-contrast-{screen_id}{'-' + suffix if suffix else ''}.png"
            written.append(_grab(app, window, out_dir / name))
    written += handoff.states(app, window, samples, out_dir, "zh_CN-high-contrast", brief=True)
    written += _submission_shots(app, window, services, out_dir, "zh_CN-high-contrast")
    manager.jump("login")
    written.append(_grab(app, window, out_dir / "zh_CN-high-contrast-login.png"))
    window.login_overlay.greet(TOUR_IDENTITY)
    written.append(_grab(app, window, out_dir / "zh_CN-high-contrast-login-greeting.png"))
    window.login_overlay.dismiss()
    session.set_high_contrast(False)
    return written


def _submission_shots(
    app: QApplication, window: MainWindow, services: Services, out_dir: Path, variant: str
) -> list[Path]:
    """The submission screens filled in, with rule messages, receipts and answers."""
    written: list[Path] = []
    for suffix, show in submission_views(window, services, dt.datetime.now().astimezone()):
        show()
        _settle(app, services)
        # Answers of the content worker arrive as queued signals and rebuild rows; the
        # layouts they post settle over a few more turns of the loop.
        settle_until = monotonic() + 0.3
        while monotonic() < settle_until:
            app.processEvents()
        written.append(_grab(app, window, out_dir / f"{variant}-{suffix}.png"))
    window.manager.wipe_all()
    return written


class _TourClock:
    """The tour's monotonic clock: moved on to show a code that has expired."""

    def __init__(self) -> None:
        self.now = monotonic()

    def __call__(self) -> float:
        return self.now


class _TourMinter:
    """The tour runs without a platform: it shows codes of the platform's URL shape
    (``POST /handoffs`` answers), so the screens look as they do in a hall."""

    def __init__(self) -> None:
        self.count = 0

    def create_handoff(self, context: Any, ttl_s: int) -> dict[str, str]:
        self.count += 1
        token = f"Tour{self.count:04d}x7Qm2Zk9Lw3Rb8Vn"
        expires = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=ttl_s)
        return {
            "token": token,
            "url": f"https://mp.example.gov.cn/h/{token}",
            "expires_at": expires.isoformat(),
        }


TOUR_STATIC_URL_TEMPLATE = "https://mp.example.gov.cn/p/{type}/{id}"


class TourHandoff:
    """The hand-off states the tour shows: a fresh code, an expired one, and offline."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.clock = _TourClock()
        self.minter = _TourMinter()
        self.service = HandoffService(
            self.minter,
            int(services.settings["handoff.ttl_s"]),
            static_url_template=lambda: TOUR_STATIC_URL_TEMPLATE,
            monotonic=self.clock,
        )

    def states(
        self,
        app: QApplication,
        window: MainWindow,
        samples: dict[str, list[tuple[str, dict[str, Any]]]],
        out_dir: Path,
        variant: str,
        brief: bool = False,
    ) -> list[Path]:
        article = dict(samples.get("article", [("", {})])[0][1])
        content = {
            "kind": "content",
            "type": "law",
            "id": str(article.get("law_id") or "civil-code"),
            "anchor": str(article.get("no") or 1077),
        }
        shots: list[Path] = []

        def show(name: str, screen_id: str = "handoff", **params: Any) -> None:
            window.manager.jump(screen_id, **params)
            self._wait(app, window)
            shots.append(_grab(app, window, out_dir / f"{variant}-{name}.png"))

        show("handoff-code", **content)
        screen = window.manager.current_screen
        self.clock.now += self.service.ttl_s + 1
        if screen is not None and hasattr(screen, "update_countdown"):
            screen.update_countdown()
        shots.append(_grab(app, window, out_dir / f"{variant}-handoff-expired.png"))
        if brief:
            return shots
        show("handoff-tracking", kind="tracking", ref=TOUR_REF)
        show("submission_receipt-tracking", "submission_receipt", receipt=_tour_receipt(True))
        self.service.set_minter(None)
        show("handoff-offline-content", **content)
        show("handoff-offline-draft", kind="draft", draft={"kind": "consultation"})
        show("handoff-offline-tracking", kind="tracking", ref=TOUR_REF)
        show("submission_receipt-offline", "submission_receipt", receipt=_tour_receipt(False))
        self.service.set_minter(self.minter)
        return shots

    def _wait(self, app: QApplication, window: MainWindow, timeout_s: float = 5.0) -> None:
        """Until the code (or the reason there is none) is on screen."""
        deadline = monotonic() + timeout_s
        while monotonic() < deadline:
            app.processEvents()
            screen = window.manager.current_screen
            states = [screen.property("handoff_state")] if screen is not None else []
            states += [panel.state for panel in window.findChildren(TrackingQrPanel)]
            if "waiting" not in states:
                break
        app.processEvents()


def _tour_receipt(online: bool) -> Receipt:
    created = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return Receipt(
        client_ref=TOUR_REF,
        client_id="00000000-0000-4000-8000-000000000007",
        kind="consultation",
        created_at=created,
        promised_by=created + dt.timedelta(hours=5),
        promised_hours=5,
        handling_days=None,
        online=online,
    )


@contextmanager
def _tour_handoff(services: Services) -> Iterator[TourHandoff]:
    """The tour's hand-off service in place of the kiosk's for as long as the tour runs."""
    tour = TourHandoff(services)
    kept = services.handoff
    services.handoff = tour.service
    try:
        yield tour
    finally:
        tour.service.forget()
        services.handoff = kept


def _grab(app: QApplication, window: MainWindow, path: Path) -> Path:
    app.processEvents()
    # 256 colours keep text crisp and the files small enough to keep in docs/screens/.
    # No dithering: flat areas stay flat and compress well.
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags)
    image.save(str(path), "PNG", 0)
    return path


# A fictional citizen for the tour: only masked values exist, as on a real screen.
TOUR_IDENTITY = CitizenIdentity(
    id_type="resident", masked_name="张*三", masked_id_number="110***********0021"
)


def _login_and_read_aloud(
    app: QApplication, window: MainWindow, services: Services, out_dir: Path, variant: str
) -> list[Path]:
    """The login greeting and refusal, the logged-in top bar, and read-aloud with captions."""
    session = services.session
    manager = window.manager
    written: list[Path] = []
    session.set_identity(TOUR_IDENTITY)
    manager.jump("home")
    window.login_overlay.greet(TOUR_IDENTITY)
    written.append(_grab(app, window, out_dir / f"{variant}-login-greeting.png"))
    window.login_overlay.refuse("expired")
    written.append(_grab(app, window, out_dir / f"{variant}-login-refused.png"))
    window.login_overlay.dismiss()
    session.set_read_aloud(True)
    manager.jump("login")
    screen = manager.current_screen
    if screen is not None:
        window.read_aloud.show_caption(screen.spoken_text())
    written.append(_grab(app, window, out_dir / f"{variant}-read-aloud-login.png"))
    language, large = session.language, session.large_text
    session.wipe()  # forgets the tour's identity, read-aloud and captions
    session.set_language(language)
    session.set_large_text(large)
    return written
