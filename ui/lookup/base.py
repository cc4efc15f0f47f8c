"""What every lookup screen shares: the content service's state, read-aloud, hand-off."""

from __future__ import annotations

import importlib.util
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.screens.base import Screen
from ui.widgets import KineticScrollArea, TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

HANDOFF_SCREEN = "handoff"


def handoff_available() -> bool:
    """Whether the continue-on-phone screen is part of this build."""
    try:
        return importlib.util.find_spec(f"ui.screens.{HANDOFF_SCREEN}") is not None
    except (ImportError, ValueError):
        return False


class LookupScreen(Screen):
    """A screen that reads content; shows a calm message while content is being prepared."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._params: dict[str, Any] = {}
        self._shown = False
        self.notice = make_label(role="subheading", object_name=f"{self.screen_id}.notice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.hide()
        content = services.content
        if content is not None and hasattr(content, "ready"):
            content.ready.connect(self._on_content_ready)

    # --- content state -------------------------------------------------------------
    @property
    def content(self) -> Any:
        return self.services.content

    def content_ready(self) -> bool:
        content = self.content
        return content is not None and bool(getattr(content, "is_ready", False))

    def content_notice(self) -> str:
        """Why nothing is shown yet, or "" when content can be read."""
        content = self.content
        if content is None or getattr(content, "state", "") == "failed":
            return translate(
                "LookupScreen",
                "内容暂时无法显示。请到服务窗口咨询，或拨打 12348 法律服务热线。",
            )
        if not self.content_ready():
            return translate("LookupScreen", "正在准备内容，请稍候……")
        return ""

    def show_notice(self) -> bool:
        """Show the "preparing"/"unavailable" notice; True when content cannot be read yet."""
        text = self.content_notice()
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        return bool(text)

    def _on_content_ready(self) -> None:
        if self._shown:
            self.refresh()

    # --- life cycle -------------------------------------------------------------------
    def enter(self, **params: Any) -> None:
        self._params = dict(params)
        self._shown = True
        self._wrap_headings()
        self.refresh()

    def _wrap_headings(self) -> None:
        """Headings wrap rather than widen a column (large text, long English labels)."""
        for label in self.findChildren(QLabel):
            if label.property("role") in ("heading", "subheading", "body", "muted"):
                label.setWordWrap(True)

    def leave(self) -> None:
        self._shown = False

    def refresh(self) -> None:
        """Show ``self._params`` (called on enter and when content becomes ready)."""

    # --- shared buttons --------------------------------------------------------------
    def make_read_aloud_button(self) -> TouchButton:
        button = TouchButton(f"{self.screen_id}.read_aloud")
        button.clicked.connect(self.read_aloud)
        button.setVisible(self.services.speech is not None)
        return button

    def read_aloud(self) -> None:
        speech = self.services.speech
        if speech is None:
            return
        try:
            speech.speak_now(self.spoken_text())
        except Exception:  # read-aloud must never take the screen down
            log.exception("read-aloud failed")

    def make_handoff_button(self) -> TouchButton:
        button = TouchButton(f"{self.screen_id}.handoff")
        button.setVisible(handoff_available())
        return button

    def hand_off(self, content_type: str, item_id: str, anchor: str = "") -> None:
        if not handoff_available():
            return
        self.navigate(HANDOFF_SCREEN, kind="content", type=content_type, id=item_id, anchor=anchor)


def scroll_area(content: QWidget, object_name: str) -> KineticScrollArea:
    """A kinetic scroll area that shows the screen's own background (both contrast modes):
    a scroll area paints its viewport with the platform palette otherwise."""
    area = KineticScrollArea(content)
    area.setObjectName(object_name)
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return area


def panel() -> tuple[QFrame, QVBoxLayout]:
    """A framed surface for a block of content."""
    frame = QFrame()
    frame.setProperty("role", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(12)
    return frame, layout


def body_label(object_name: str, selectable: bool = False) -> QLabel:
    label = make_label(role="body", object_name=object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def set_badge(label: QLabel, text: str, good: bool) -> None:
    """A status badge: green when all is well, dark red otherwise (plus the words)."""
    label.setText(text)
    label.setVisible(bool(text))
    label.setProperty("online", good)
    label.style().unpolish(label)
    label.style().polish(label)
