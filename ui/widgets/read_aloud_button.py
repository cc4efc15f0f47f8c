"""The "read this" button every content view offers: reads its text aloud, toggle or not."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from ui.widgets.touch import TouchButton

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


class ReadAloudButton(TouchButton):
    """Says ``text_provider()`` at once (interrupting), in the session's language.

    It works whether or not the citizen turned read-aloud on, since tapping it
    is the request; the caption strip shows the text as it is said. Hidden on
    terminals where read-aloud is disabled (``speech.enabled = false``). Its own
    name is not announced when tapped: the text it reads follows at once.

    Usage in a screen::

        self.read_this = ReadAloudButton(services, self.spoken_text, "laws.read_this")
    """

    def __init__(
        self,
        services: Services,
        text_provider: Callable[[], str],
        object_name: str = "read_this",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(object_name, role="secondary", parent=parent)
        self.services = services
        self._text_provider = text_provider
        # ui.read_aloud.NO_ANNOUNCE_PROPERTY (not imported: widgets stay below it)
        self.setProperty("read_aloud_announce", False)
        self.setVisible(bool(services.settings["speech.enabled"]))
        self.clicked.connect(self.read)
        self.retranslate()

    def read(self) -> bool:
        """Say the text now; False when there is no speech service or nothing to say."""
        speech = self.services.speech
        if speech is None:
            return False
        try:
            text = self._text_provider()
        except Exception:  # a faulty provider must not take the screen down
            log.exception("read-this text failed")
            return False
        if not text.strip():
            return False
        speech.speak_now(text)
        return True

    def retranslate(self) -> None:
        self.setText(translate("ReadAloudButton", "朗读本页"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
