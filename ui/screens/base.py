"""The base of every screen: what the screen manager, read-aloud and the wipe call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.touch import clear_inputs

if TYPE_CHECKING:
    from kiosk.app import Services


class Screen(QWidget):
    """One full screen below the top bar. Subclasses set ``screen_id``.

    Life cycle, driven by the screen manager:
    ``__init__(services)`` once (build widgets, then call ``retranslate()``),
    ``enter(**params)`` each time it is shown, ``leave()`` when another screen
    replaces it, ``wipe()`` when the citizen session ends (clear every input and
    anything personal), ``retranslate()`` whenever the language changes.

    A screen never reaches the stack or other screens: it asks for navigation
    with :meth:`navigate`, :meth:`go_back` and :meth:`go_home`.
    """

    screen_id: ClassVar[str] = ""

    navigation_requested = Signal(str, dict)
    back_requested = Signal()
    home_requested = Signal()
    title_changed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName(f"screen.{self.screen_id}")

    # --- what subclasses override ---------------------------------------------
    def title(self) -> str:
        """Heading of the screen in the current language (shown in the top bar)."""
        return ""

    def enter(self, **params: Any) -> None:
        """The screen is about to be shown, with the parameters of the navigation."""

    def leave(self) -> None:
        """Another screen replaces this one (stop timers, cancel work)."""

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def wipe(self) -> None:
        """Forget everything of the session: by default every input below the screen."""
        clear_inputs(self)

    def spoken_text(self) -> str:
        """Heading and main content in reading order, for read-aloud.

        The default reads the title and then the visible labels in the order
        they were created; screens with richer content override it.
        """
        parts = [self.title()]
        for label in self.findChildren(QLabel):
            text = label.text().strip()
            if text and label.isVisibleTo(self) and not text.startswith("<"):
                parts.append(text)
        return "\n".join(p for p in parts if p)

    # --- what subclasses call -------------------------------------------------
    def navigate(self, screen_id: str, **params: Any) -> None:
        self.navigation_requested.emit(screen_id, params)

    def go_back(self) -> None:
        self.back_requested.emit()

    def go_home(self) -> None:
        self.home_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.title_changed.emit(self.title())
        super().changeEvent(event)
