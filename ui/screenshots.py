"""The screen tour: every registered screen, both languages, normal and large text, as PNG."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.app import Services
from kiosk.identity import CitizenIdentity
from ui.main_window import MainWindow

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


def render_tour(app: QApplication, services: Services, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services)
    window.resize(*TOUR_SIZE)
    window.show()
    manager = window.manager
    session = services.session
    written: list[Path] = []
    for language in LANGUAGES:
        for large in (False, True):
            session.set_language(language)
            session.set_large_text(large)
            variant = f"{language}{'-large' if large else ''}"
            for screen_id in manager.registry.screen_ids():
                manager.jump(screen_id)
                written.append(_grab(app, window, out_dir / f"{variant}-{screen_id}.png"))
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
    manager.jump("login")
    written.append(_grab(app, window, out_dir / "zh_CN-high-contrast-login.png"))
    window.login_overlay.greet(TOUR_IDENTITY)
    written.append(_grab(app, window, out_dir / "zh_CN-high-contrast-login-greeting.png"))
    window.login_overlay.dismiss()
    window.allow_close()
    window.close()
    return written


def _grab(app: QApplication, window: MainWindow, path: Path) -> Path:
    app.processEvents()
    window.grab().save(str(path), "PNG")
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
