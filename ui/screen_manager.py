"""The screen stack: creates screens on first use, checks every transition, keeps history."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.screen_registry import ScreenRegistry

if TYPE_CHECKING:
    from kiosk.app import Services
    from ui.screens.base import Screen

log = logging.getLogger(__name__)

HOME = "home"
ATTRACT = "attract"
COMING_SOON = "coming_soon"
RECOVERY = "recovery"


class ScreenManager(QObject):
    """Owns the ``QStackedWidget`` and is the only one who changes its page.

    ``navigate`` honours the transition table of the registry; a destination
    that is allowed but not built yet opens the coming-soon screen for it.
    """

    screen_changed = Signal(str)
    """The id of the screen now shown."""
    title_changed = Signal(str)
    """The title of the screen now shown (on showing it, and when it changes)."""
    navigation_started = Signal(str)
    """(screen id) a navigation is allowed and about to show that screen."""
    screen_created = Signal(str, object)
    """(screen id, screen) when a screen is first created, before it is shown."""

    def __init__(
        self, services: Services, registry: ScreenRegistry, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.registry = registry
        self.stack = QStackedWidget(parent)
        self.stack.setObjectName("screens")
        self._screens: dict[str, Screen] = {}
        self._history: list[tuple[str, dict[str, Any]]] = []
        self._current: str | None = None

    # --- queries ----------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        return self._current

    @property
    def current_screen(self) -> Screen | None:
        return self._screens.get(self._current) if self._current else None

    def can_go_back(self) -> bool:
        return len(self._history) > 1 or self._on_transient_screen()

    def _on_transient_screen(self) -> bool:
        """A screen kept out of the history (hand-off …) is shown above the last one in it."""
        return bool(self._history) and self._current != self._history[-1][0]

    def history(self) -> list[str]:
        return [screen_id for screen_id, _ in self._history]

    def created_screens(self) -> list[Screen]:
        return list(self._screens.values())

    def screen(self, screen_id: str) -> Screen:
        """The screen for ``screen_id``, created on first use."""
        existing = self._screens.get(screen_id)
        if existing is not None:
            return existing
        spec = self.registry.spec(screen_id)
        created = spec.factory(self.services)
        created.navigation_requested.connect(self._on_screen_navigation_requested)
        created.back_requested.connect(self.back)
        created.home_requested.connect(self.home)
        created.title_changed.connect(
            lambda title, source=created: self._on_screen_title_changed(source, title)
        )
        self._screens[screen_id] = created
        self.stack.addWidget(created)
        self.screen_created.emit(screen_id, created)
        return created

    def create_all(self) -> list[Screen]:
        """Create every registered screen (screenshots and automation checks)."""
        return [self.screen(screen_id) for screen_id in self.registry.screen_ids()]

    def shows_top_bar(self) -> bool:
        return self._current is None or self.registry.spec(self._current).top_bar

    # --- navigation -------------------------------------------------------------
    def navigate(self, screen_id: str, **params: Any) -> bool:
        """Show ``screen_id`` if the table allows it from the current screen."""
        if not self.registry.allows(self._current, screen_id):
            log.warning(
                "navigation %s -> %s is not in the transition table", self._current, screen_id
            )
            return False
        if not self.registry.has(screen_id):
            params = {"service": screen_id, **params}
            screen_id = COMING_SOON
        self.navigation_started.emit(screen_id)
        self._show(screen_id, params, record=True)
        return True

    def back(self) -> bool:
        if self._on_transient_screen():
            # Back from a transient screen returns to the screen it was opened from.
            screen_id, params = self._history[-1]
            self._show(screen_id, params, record=False)
            return True
        if len(self._history) <= 1:
            return False
        self._history.pop()
        screen_id, params = self._history[-1]
        self._show(screen_id, params, record=False)
        return True

    def home(self) -> None:
        self._history.clear()
        self._show(HOME, {}, record=True)

    def show_attract(self) -> None:
        self._history.clear()
        self._show(ATTRACT, {}, record=False)

    def jump(self, screen_id: str, **params: Any) -> None:
        """Show any registered screen as the only one in the history, ignoring the table
        (screen tour and tests only)."""
        self._history.clear()
        self._show(screen_id, params, record=True)

    def show_recovery(self) -> None:
        """The calm "recovering" screen after an unexpected error (bypasses the table)."""
        self._show(RECOVERY, {}, record=False)

    def wipe_all(self) -> None:
        """The session ended: every created screen forgets its inputs."""
        for created in self._screens.values():
            try:
                created.wipe()
            except Exception:  # one faulty screen must not keep others' data
                log.exception("wiping screen %s failed", created.screen_id)

    def _on_screen_navigation_requested(self, screen_id: str, params: dict[str, Any]) -> None:
        self.navigate(screen_id, **params)

    def _on_screen_title_changed(self, source: Screen, title: str) -> None:
        if source is self.current_screen:
            self.title_changed.emit(title)

    def _show(self, screen_id: str, params: dict[str, Any], record: bool) -> None:
        previous = self.current_screen
        target = self.screen(screen_id)
        if previous is not None and previous is not target:
            previous.leave()
        if record and self.registry.spec(screen_id).in_history:
            if self._history and self._history[-1][0] == screen_id:
                self._history[-1] = (screen_id, params)
            else:
                self._history.append((screen_id, params))
        self._current = screen_id
        target.enter(**params)
        self.stack.setCurrentWidget(target)
        self.screen_changed.emit(screen_id)
        self.title_changed.emit(target.title())
