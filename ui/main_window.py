"""The one frameless window that covers the whole screen: top bar, screens, overlays."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from ui.caption_bar import CaptionBar
from ui.event_loop import step_each_turn
from ui.i18n import Translations
from ui.idle_overlay import IdleOverlay
from ui.login_overlay import LoginOverlay
from ui.read_aloud import ReadAloud
from ui.screen_manager import ATTRACT, HOME, ScreenManager
from ui.screen_registry import ScreenRegistry, discover_screens
from ui.theme import apply_theme
from ui.top_bar import TopBar

if TYPE_CHECKING:
    from kiosk.app import Services

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1920, 1080)


class MainWindow(QMainWindow):
    """Frameless and screen-sized; refuses to close until staff call :meth:`allow_close`."""

    def __init__(
        self,
        services: Services,
        registry: ScreenRegistry | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.setObjectName("main_window")
        self.setWindowTitle("legal-kiosk")
        self._close_allowed = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        self.translations = translations or Translations(app)
        # The theme goes on before any widget exists, so that each widget is
        # styled once when it is first shown rather than re-styled at once.
        self._applied_theme: tuple[bool, bool] = (
            services.session.large_text,
            services.session.high_contrast,
        )
        apply_theme(app, *self._applied_theme)

        shell = QWidget(self)
        shell.setObjectName("shell")
        self.shell_layout = QVBoxLayout(shell)
        self.shell_layout.setContentsMargins(0, 0, 0, 0)
        self.shell_layout.setSpacing(0)
        self.read_aloud = ReadAloud(services, self)
        self.top_bar = TopBar(services, shell)
        if registry is None:
            # Home's module now; the others once Home is shown (see
            # register_remaining_screens), or at once when a screen needs them.
            registry = discover_screens(first=(HOME,))
        self.manager = ScreenManager(services, registry, shell)
        self.captions = CaptionBar(self.read_aloud, services.session, shell)
        # The stack may shrink below its pages' minimum while the on-screen
        # keyboard takes the lower part of the screen (see ui/keyboard.py).
        self.manager.stack.setMinimumSize(1, 1)
        self.shell_layout.addWidget(self.top_bar)
        self.shell_layout.addWidget(self.manager.stack, 1)
        self.shell_layout.addWidget(self.captions)
        self.setCentralWidget(shell)
        self.login_overlay = LoginOverlay(shell, self.read_aloud)
        self.idle_overlay = IdleOverlay(services.session, shell)

        session = services.session
        self.top_bar.back_clicked.connect(self.manager.back)
        self.top_bar.home_clicked.connect(self.manager.home)
        self.top_bar.finish_clicked.connect(session.finish)
        self.top_bar.logout_clicked.connect(self._on_top_bar_logout_clicked)
        self.read_aloud.health_changed.connect(self.top_bar.set_speech_health)
        self.top_bar.set_speech_health(self.read_aloud.health)
        login = services.login
        if login is not None:
            login.logged_in.connect(self._on_login_logged_in)
            login.refused.connect(self._on_login_refused)
            login.logged_out.connect(self.login_overlay.dismiss)
        self.manager.screen_changed.connect(self._on_manager_screen_changed)
        self.manager.title_changed.connect(self.top_bar.set_title)
        session.started.connect(self._on_session_started)
        session.countdown_started.connect(self._on_session_countdown_started)
        session.wiped.connect(self._on_session_wiped)
        session.preferences_changed.connect(self._on_session_preferences_changed)
        self._on_session_preferences_changed()

    # --- window ---------------------------------------------------------------
    def place_on_screen(self, windowed: bool = False) -> None:
        """Fill the screen without a frame (works with no window manager at all)."""
        if windowed:
            self.resize(*WINDOWED_SIZE)
            self.show()
            return
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.show()
        self.raise_()
        self.activateWindow()

    def allow_close(self) -> None:
        """Staff exit: after this the window (and so the kiosk) may close."""
        log.info("closing the kiosk allowed by staff")
        self._close_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_allowed:
            self.read_aloud.detach()
            event.accept()
        else:
            event.ignore()

    def register_remaining_screens(self) -> None:
        """Import the screen modules Home did not need, one per turn of the event loop
        (a tap is never kept waiting long); the kiosk calls this once Home is shown."""
        step_each_turn(self.manager.registry.register_next)

    # --- reactions ------------------------------------------------------------
    def show_home(self) -> None:
        self.manager.home()

    def recover(self, _summary: str = "") -> None:
        """After an unexpected error: the calm screen, which returns Home by itself."""
        self.idle_overlay.hide()
        try:
            self.manager.show_recovery()
        except Exception:  # the recovery itself failing must not loop
            log.exception("recovery screen failed; going Home")
            self.manager.home()

    def _on_manager_screen_changed(self, screen_id: str) -> None:
        self.top_bar.setVisible(self.manager.shows_top_bar())
        self.top_bar.set_navigation(self.manager.can_go_back(), screen_id == HOME)
        self.read_aloud.screen_arrived(self.manager.current_screen)

    def _on_session_countdown_started(self, seconds: int) -> None:
        # Someone who cannot read the question must hear it before the wipe.
        overlay = self.idle_overlay
        self.read_aloud.announce(f"{overlay.question.text()}\n{overlay.remaining.text()}")

    def _on_login_logged_in(self, identity: object) -> None:
        if self.manager.current_id == "login":
            self.manager.home()  # the card did what that screen explains
        self.idle_overlay.hide()
        self.login_overlay.greet(identity)  # type: ignore[arg-type]

    def _on_login_refused(self, reason: str) -> None:
        self.login_overlay.refuse(reason)

    def _on_top_bar_logout_clicked(self) -> None:
        login = self.services.login
        if login is not None:
            login.log_out()
        else:
            self.services.session.logout()

    def _on_session_started(self) -> None:
        if self.manager.current_id in (None, ATTRACT):
            self.manager.home()

    def _on_session_wiped(self) -> None:
        self.login_overlay.dismiss()  # speech is reset by ReadAloud on the same signal
        self._app.inputMethod().reset()  # drop any half-typed pinyin
        self.manager.wipe_all()
        self._app.inputMethod().hide()
        self.manager.show_attract()

    def _on_session_preferences_changed(self) -> None:
        session = self.services.session
        theme = (session.large_text, session.high_contrast)
        if theme != self._applied_theme:
            self._applied_theme = theme
            apply_theme(self._app, *theme)
        if session.language != self.translations.language:
            self.translations.install(session.language)
        # After the translators: a screen re-read in a new language is read in it.
        self.read_aloud.follow_preferences()
