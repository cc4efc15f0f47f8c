"""The strip at the bottom of the window: what is being said, and the citizen's sound controls.

It shows while read-aloud is on, and for a few seconds after anything else was
said (a "read this" button), so that everything spoken can also be read. It
offers: say it again, stop, quieter/louder and slower/faster. The buttons act at
once and say their result ("音量 90%").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from kiosk.session import CitizenSession
from ui.read_aloud import NO_ANNOUNCE_PROPERTY, ReadAloud
from ui.theme import SPACING_PX
from ui.widgets import KineticScrollArea, TouchButton, make_label

translate = QCoreApplication.translate

CAPTION_LINGER_MS = 4000
CAPTION_HEIGHT_PX = 80
CAPTION_LINES = 2


class CaptionBar(QFrame):
    """Captions and sound controls; the main window puts it below the screens."""

    def __init__(self, read_aloud: ReadAloud, session: CitizenSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.read_aloud = read_aloud
        self.session = session
        self.setObjectName("captions")
        self.setProperty("role", "captions")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(SPACING_PX * 2)

        self.text = make_label(role="caption", object_name="captions.text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text_area = KineticScrollArea(self.text)
        self.text_area.setObjectName("captions.scroll")
        self.text_area.setProperty("role", "page")
        self.text_area.setFixedHeight(CAPTION_HEIGHT_PX)
        self.text_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.status = make_label(role="muted", object_name="captions.status")
        self.status.setWordWrap(False)
        self.repeat = TouchButton("captions.repeat")
        self.stop = TouchButton("captions.stop")
        self.quieter = TouchButton("captions.volume_down")
        self.louder = TouchButton("captions.volume_up")
        self.slower = TouchButton("captions.rate_down")
        self.faster = TouchButton("captions.rate_up")
        layout.addWidget(self.text_area, 1)
        layout.addWidget(self.status)
        for button in (
            self.repeat,
            self.stop,
            self.quieter,
            self.louder,
            self.slower,
            self.faster,
        ):
            layout.addWidget(button)
        for button in (self.repeat, self.quieter, self.louder, self.slower, self.faster):
            # Each of these says something better than its own name when tapped.
            button.setProperty(NO_ANNOUNCE_PROPERTY, False)

        self.repeat.clicked.connect(read_aloud.repeat)
        self.stop.clicked.connect(read_aloud.interrupt)
        self.quieter.clicked.connect(lambda: read_aloud.change_volume(-1))
        self.louder.clicked.connect(lambda: read_aloud.change_volume(+1))
        self.slower.clicked.connect(lambda: read_aloud.change_rate(-1))
        self.faster.clicked.connect(lambda: read_aloud.change_rate(+1))
        read_aloud.caption_changed.connect(self._on_read_aloud_caption_changed)
        read_aloud.speaking_changed.connect(self._on_read_aloud_speaking_changed)
        read_aloud.health_changed.connect(self._on_read_aloud_health_changed)
        session.preferences_changed.connect(self._update_visibility)

        self._linger = QTimer(self)
        self._linger.setSingleShot(True)
        self._linger.setInterval(CAPTION_LINGER_MS)
        self._linger.timeout.connect(self._update_visibility)
        self._speaking = False
        self.retranslate()
        self._update_visibility()

    def retranslate(self) -> None:
        self.repeat.setText(translate("CaptionBar", "再听一遍"))
        self.stop.setText(translate("CaptionBar", "停止"))
        self.quieter.setText(translate("CaptionBar", "音量−"))
        self.quieter.set_accessible_name(translate("CaptionBar", "小声一点"))
        self.louder.setText(translate("CaptionBar", "音量+"))
        self.louder.set_accessible_name(translate("CaptionBar", "大声一点"))
        self.slower.setText(translate("CaptionBar", "慢一点"))
        self.faster.setText(translate("CaptionBar", "快一点"))
        self._on_read_aloud_health_changed(self.read_aloud.health)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fit_height(self) -> None:
        """Two lines of caption in the current text size (the rest scrolls)."""
        self.text.ensurePolished()
        lines = self.text.fontMetrics().lineSpacing() * CAPTION_LINES
        self.text_area.setFixedHeight(max(CAPTION_HEIGHT_PX, lines + 8))

    def _on_read_aloud_caption_changed(self, text: str) -> None:
        self.text.setText(text)
        self.text_area.verticalScrollBar().setValue(0)
        self._update_visibility()

    def _on_read_aloud_speaking_changed(self, speaking: bool) -> None:
        self._speaking = speaking
        if not speaking:
            self._linger.start()
        self._update_visibility()

    def _on_read_aloud_health_changed(self, health: str) -> None:
        if health in ("absent", "error"):
            self.status.setText(translate("CaptionBar", "暂无声音，仅显示文字"))
            self.status.show()
        else:
            self.status.setText("")
            self.status.hide()

    def _update_visibility(self) -> None:
        showing_caption = bool(self.text.text()) and (self._speaking or self._linger.isActive())
        visible = self.read_aloud.available and (self.session.read_aloud or showing_caption)
        if visible:
            self.fit_height()
        self.setVisible(visible)
