"""The full-screen "还需要更多时间吗？" countdown over whatever the citizen was doing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.session import CitizenSession
from ui.widgets import TouchButton, make_label

translate = QCoreApplication.translate


class IdleOverlay(QWidget):
    """Covers its parent while the session counts down; Continue extends, Finish wipes."""

    def __init__(self, session: CitizenSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("idle_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("idle_panel")
        panel.setMinimumWidth(1000)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(64, 56, 64, 56)
        inner.setSpacing(32)
        self.question = make_label(role="heading", object_name="idle.question")
        self.remaining = make_label(role="lead", object_name="idle.remaining")
        for label in (self.question, self.remaining):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        self.continue_button = TouchButton("idle.continue", role="primary")
        self.continue_button.setMinimumHeight(120)
        self.finish_button = TouchButton("idle.finish")
        self.finish_button.setMinimumHeight(80)
        inner.addWidget(self.continue_button)
        inner.addWidget(self.finish_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        self.continue_button.clicked.connect(session.extend)
        self.finish_button.clicked.connect(session.finish)
        session.countdown_started.connect(self.show_countdown)
        session.countdown_ticked.connect(self._show_seconds)
        session.extended.connect(self.hide)
        session.wiped.connect(self.hide)
        parent.installEventFilter(self)
        self._seconds = 0
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(translate("IdleOverlay", "还需要更多时间吗？"))
        self.continue_button.setText(translate("IdleOverlay", "继续使用"))
        self.finish_button.setText(translate("IdleOverlay", "结束并清除我的信息"))
        self._show_seconds(self._seconds)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def show_countdown(self, seconds: int) -> None:
        """Cover the screen with the question and ``seconds`` left."""
        self._show_seconds(seconds)
        self.setGeometry(self.parentWidget().rect())
        # The on-screen keyboard is a window of its own above ours: put it away
        # so that it cannot hide the continue button.
        QGuiApplication.inputMethod().hide()
        self.show()
        self.raise_()
        self.continue_button.setFocus()

    def _show_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self.remaining.setText(
            translate("IdleOverlay", "%1 秒后将结束本次服务并清除您填写的信息").replace(
                "%1", str(seconds)
            )
        )
