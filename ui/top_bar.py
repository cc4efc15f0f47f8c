"""The bar above every citizen screen: where am I, the way back, and my preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ui.theme import MIN_TARGET_PX, SPACING_PX
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate

TOP_BAR_HEIGHT = 96


class TopBar(QWidget):
    """Title, Back, Home, 中文/EN, read-aloud, text size, contrast, online badge, clock, Finish.

    The bar only asks: the main window connects its signals to the screen
    manager; the toggles write straight into the citizen session.
    """

    back_clicked = Signal()
    home_clicked = Signal()
    finish_clicked = Signal()
    logout_clicked = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        session = services.session
        self.setObjectName("topbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(TOP_BAR_HEIGHT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(SPACING_PX * 2)

        self.back = TouchButton("topbar.back", role="topbar")
        self.home = TouchButton("topbar.home", role="topbar")
        self.title_label = make_label(role="heading", object_name="topbar.title")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title_label.setWordWrap(False)
        self.language = TouchButton("topbar.language", role="topbar")
        self.read_aloud = TouchButton("topbar.read_aloud", role="topbar", checkable=True)
        self.text_size = TouchButton("topbar.text_size", role="topbar", checkable=True)
        self.contrast = TouchButton("topbar.contrast", role="topbar", checkable=True)
        self.connection = make_label(role="badge", object_name="topbar.connection")
        self.clock = make_label(object_name="topbar.clock")
        # ID-card login: who is logged in (masked) on the way out; hidden otherwise.
        self.logout = TouchButton("topbar.logout", role="topbar")
        self.logout.setProperty("identity", True)
        self.finish = TouchButton("topbar.finish", role="topbar")
        for widget in (self.back, self.home):
            layout.addWidget(widget)
        layout.addWidget(self.title_label, 1)
        for widget in (
            self.language,
            self.read_aloud,
            self.text_size,
            self.contrast,
            self.connection,
            self.clock,
            self.logout,
            self.finish,
        ):
            layout.addWidget(widget)
        self.read_aloud.setVisible(bool(services.settings["speech.enabled"]))
        self._speech_health = ""
        self.logout.hide()
        # When the bar is full, the title gives way (it is repeated on the screen),
        # never a button.
        self.title_label.setMinimumWidth(MIN_TARGET_PX)

        self.back.clicked.connect(self.back_clicked)
        self.home.clicked.connect(self.home_clicked)
        self.finish.clicked.connect(self.finish_clicked)
        self.logout.clicked.connect(self.logout_clicked)
        session.identity_changed.connect(self._on_session_identity_changed)
        self.language.clicked.connect(self._on_language_clicked)
        self.read_aloud.toggled.connect(session.set_read_aloud)
        self.text_size.toggled.connect(session.set_large_text)
        self.contrast.toggled.connect(session.set_high_contrast)
        session.preferences_changed.connect(self._on_session_preferences_changed)
        services.connectivity.changed.connect(self._on_connectivity_changed)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._update_clock)
        self._clock_timer.start()
        self._update_clock()
        self._on_session_preferences_changed()
        self.retranslate()

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def set_navigation(self, can_go_back: bool, on_home: bool) -> None:
        """Back only when there is somewhere to go back to; Home only away from Home."""
        self.back.setVisible(can_go_back)
        self.home.setVisible(not on_home)

    def retranslate(self) -> None:
        self.back.setText(translate("TopBar", "‹ 返回"))
        self.back.set_accessible_name(translate("TopBar", "返回"))
        self.home.setText(translate("TopBar", "首页"))
        # The switch shows the language it switches *to*, in that language.
        self.language.setText("EN" if self.services.session.language == "zh_CN" else "中文")
        self.language.set_accessible_name(translate("TopBar", "切换语言"))
        self._show_read_aloud_health()
        self.text_size.setText(translate("TopBar", "大字"))
        self.contrast.setText(translate("TopBar", "高对比"))
        self.finish.setText(translate("TopBar", "结束"))
        self._on_session_identity_changed(self.services.session.identity)
        self._on_connectivity_changed(self.services.connectivity.online)

    def set_speech_health(self, health: str) -> None:
        """ok / absent / error of read-aloud: without sound the toggle still gives captions."""
        self._speech_health = health
        self._show_read_aloud_health()

    def _show_read_aloud_health(self) -> None:
        if self._speech_health in ("absent", "error"):
            # Said calmly, on the toggle itself: it still works, as captions.
            self.read_aloud.setText(translate("TopBar", "朗读\n(仅字幕)"))
            self.read_aloud.set_accessible_name(translate("TopBar", "朗读，暂无声音，仅显示字幕"))
        else:
            self.read_aloud.setText(translate("TopBar", "朗读"))
            self.read_aloud.set_accessible_name(translate("TopBar", "朗读"))

    def _on_session_identity_changed(self, identity: object) -> None:
        masked = str(getattr(identity, "masked_name", "") or "")
        logged_in = identity is not None
        # Who is logged in, and what the button does.
        self.logout.setText(f"{masked} · {translate('TopBar', '退出登录')}" if logged_in else "")
        self.logout.set_accessible_name(
            translate("TopBar", "退出登录（已登录 %1）").replace("%1", masked) if logged_in else ""
        )
        self.logout.setVisible(logged_in)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language_clicked(self) -> None:
        session = self.services.session
        session.set_language("en" if session.language == "zh_CN" else "zh_CN")

    def _on_session_preferences_changed(self) -> None:
        session = self.services.session
        QTimer.singleShot(0, self, self._fit_badge)  # after the new stylesheet is applied
        for button, value in (
            (self.read_aloud, session.read_aloud),
            (self.text_size, session.large_text),
            (self.contrast, session.high_contrast),
        ):
            if button.isChecked() != value:
                button.blockSignals(True)
                button.setChecked(value)
                button.blockSignals(False)

    def _on_connectivity_changed(self, online: bool) -> None:
        self.connection.setProperty("online", "true" if online else "false")
        self.connection.setText(
            translate("TopBar", "在线") if online else translate("TopBar", "离线服务")
        )
        style = self.connection.style()
        style.unpolish(self.connection)
        style.polish(self.connection)
        self._fit_badge()

    def _fit_badge(self) -> None:
        # The badge's font and border come from the stylesheet, which the label's
        # cached size hint does not follow when the theme changes: size it here.
        badge = self.connection
        badge.ensurePolished()
        badge.setMinimumWidth(badge.fontMetrics().horizontalAdvance(badge.text()) + 48)

    def _update_clock(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm"))
