"""The staff panel: what is wrong with this kiosk, and the common fixes on the spot.

Only reachable through the staff gesture and the PIN. Everything shown comes
from :class:`kiosk.staff.panel.StaffPanel`; nothing here touches files,
network or devices itself. Card data is never shown: only the reader's port,
health and the time of its last read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kiosk.staff.export import PASSPHRASE_MIN, ExportError
from kiosk.staff.panel import (
    READER_TEST_MS,
    ExportOutcome,
    NetworkCheck,
    PanelSnapshot,
    SpeechTest,
    StaffPanel,
)
from ui.screen_registry import ScreenRegistry
from ui.screens.base import Screen
from ui.theme import SPACING_PX
from ui.widgets import (
    BigLineEdit,
    KineticScrollArea,
    TouchButton,
    enable_kinetic_scrolling,
    make_label,
)

if TYPE_CHECKING:
    from kiosk.app import Services

translate = QCoreApplication.translate

IDLE_STEP_S = 30
VOLUME_STEP = 0.1


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


class StaffPanelScreen(Screen):
    screen_id = "staff_panel"

    exit_requested = Signal(int)
    """Restart (75) or exit to the desktop (64): the shell closes the window with that code."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.panel = StaffPanel(services, self) if services.staff is not None else None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(SPACING_PX * 2)

        header = QHBoxLayout()
        self.heading = make_label(role="heading", object_name="staff_panel.heading")
        header.addWidget(self.heading, 1)
        self.logout_button = TouchButton("staff_panel.logout", role="primary")
        self.logout_button.clicked.connect(self._on_logout_clicked)
        header.addWidget(self.logout_button)
        outer.addLayout(header)

        content = QWidget()
        content.setObjectName("staff_panel.content")
        grid = QGridLayout(content)
        grid.setSpacing(SPACING_PX * 3)
        grid.setContentsMargins(0, 0, SPACING_PX * 2, 0)
        self.scroll = KineticScrollArea(content)
        self.scroll.setObjectName("staff_panel.scroll")
        # Dragged with a finger; a thin scroll bar would be a target too small to touch.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)

        # --- this kiosk --------------------------------------------------------
        self.kiosk_heading = make_label(role="subheading", object_name="staff_panel.kiosk_heading")
        self.kiosk_facts = make_label(object_name="staff_panel.kiosk_facts")
        self.network_button = TouchButton("staff_panel.check_network")
        self.network_button.clicked.connect(self._on_check_network_clicked)
        self.network_result = make_label(role="muted", object_name="staff_panel.network_result")
        # --- sync -----------------------------------------------------------------
        self.sync_heading = make_label(role="subheading", object_name="staff_panel.sync_heading")
        self.sync_facts = make_label(object_name="staff_panel.sync_facts")
        self.sync_button = TouchButton("staff_panel.sync_now")
        self.sync_button.clicked.connect(self._on_sync_clicked)
        self.sync_progress = QProgressBar()
        self.sync_progress.setObjectName("staff_panel.sync_progress")
        self.sync_progress.setMinimumHeight(32)
        self.sync_progress.setTextVisible(False)
        self.sync_progress.setRange(0, 1)
        self.sync_progress.setValue(0)
        self.sync_progress.setVisible(False)  # only while (and after) staff ask for a sync
        self.sync_result = make_label(role="muted", object_name="staff_panel.sync_result")
        self.failed_box = QVBoxLayout()
        self.failed_box.setSpacing(SPACING_PX)
        self.export_heading = make_label(object_name="staff_panel.export_heading")
        self.export_passphrase = BigLineEdit("staff_panel.export_passphrase")
        self.export_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.export_passphrase.setMaxLength(128)
        self.export_folders = QVBoxLayout()
        self.export_folders.setSpacing(SPACING_PX)
        self.export_result = make_label(role="muted", object_name="staff_panel.export_result")
        # --- devices --------------------------------------------------------------
        self.devices_heading = make_label(
            role="subheading", object_name="staff_panel.devices_heading"
        )
        self.devices_facts = make_label(object_name="staff_panel.devices_facts")
        self.test_reader_button = TouchButton("staff_panel.test_reader")
        self.test_reader_button.clicked.connect(self._on_test_reader_clicked)
        self.test_speech_button = TouchButton("staff_panel.test_speech")
        self.test_speech_button.clicked.connect(self._on_test_speech_clicked)
        self.test_result = make_label(role="muted", object_name="staff_panel.test_result")
        # --- settings -------------------------------------------------------------
        self.settings_heading = make_label(
            role="subheading", object_name="staff_panel.settings_heading"
        )
        self.idle_label = make_label(object_name="staff_panel.idle_label")
        self.idle_less = TouchButton("staff_panel.idle_less", "−")
        self.idle_more = TouchButton("staff_panel.idle_more", "+")
        self.idle_less.clicked.connect(
            lambda: self._step_setting("session.idle_timeout_s", -IDLE_STEP_S)
        )
        self.idle_more.clicked.connect(
            lambda: self._step_setting("session.idle_timeout_s", IDLE_STEP_S)
        )
        self.volume_label = make_label(object_name="staff_panel.volume_label")
        self.volume_less = TouchButton("staff_panel.volume_less", "−")
        self.volume_more = TouchButton("staff_panel.volume_more", "+")
        self.volume_less.clicked.connect(lambda: self._step_setting("speech.volume", -VOLUME_STEP))
        self.volume_more.clicked.connect(lambda: self._step_setting("speech.volume", VOLUME_STEP))
        self.port_edit = BigLineEdit("staff_panel.reader_port")
        self.port_save = TouchButton("staff_panel.reader_port_save")
        self.port_save.clicked.connect(self._on_port_save_clicked)
        self.port_hint = make_label(role="muted", object_name="staff_panel.reader_port_hint")
        self.settings_result = make_label(role="muted", object_name="staff_panel.settings_result")
        # --- out of service -----------------------------------------------------
        self.service_heading = make_label(
            role="subheading", object_name="staff_panel.service_heading"
        )
        self.service_state = make_label(object_name="staff_panel.service_state")
        self.service_message = BigLineEdit("staff_panel.service_message")
        self.service_message.setMaxLength(200)
        self.service_toggle = TouchButton("staff_panel.service_toggle", role="primary")
        self.service_toggle.clicked.connect(self._on_service_toggle_clicked)
        # --- storage and log ----------------------------------------------------
        self.storage_heading = make_label(
            role="subheading", object_name="staff_panel.storage_heading"
        )
        self.storage_facts = make_label(object_name="staff_panel.storage_facts")
        self.log_view = QPlainTextEdit()
        self.log_view.setObjectName("staff_panel.log")
        self.log_view.setReadOnly(True)
        self.log_view.setMinimumHeight(320)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.log_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scrolling(self.log_view)
        # --- leaving ---------------------------------------------------------------
        self.restart_button = TouchButton("staff_panel.restart")
        self.restart_button.clicked.connect(self._on_restart_clicked)
        self.exit_button = TouchButton("staff_panel.exit")
        self.exit_button.clicked.connect(self._on_exit_clicked)
        self.exit_confirm = make_label(object_name="staff_panel.exit_confirm")
        self.exit_confirm_yes = TouchButton("staff_panel.exit_confirm_yes", role="primary")
        self.exit_confirm_yes.clicked.connect(self._on_exit_confirmed)
        self.exit_confirm_no = TouchButton("staff_panel.exit_confirm_no")
        self.exit_confirm_no.clicked.connect(lambda: self._show_exit_confirmation(False))

        left = QVBoxLayout()
        right = QVBoxLayout()
        for column in (left, right):
            column.setSpacing(SPACING_PX * 2)
        left.addWidget(self.kiosk_heading)
        left.addWidget(self.kiosk_facts)
        left.addLayout(_row(self.network_button, stretch=True))
        left.addWidget(self.network_result)
        left.addWidget(self.sync_heading)
        left.addWidget(self.sync_facts)
        left.addLayout(_row(self.sync_button, stretch=True))
        left.addWidget(self.sync_progress)
        left.addWidget(self.sync_result)
        left.addLayout(self.failed_box)
        left.addWidget(self.export_heading)
        left.addWidget(self.export_passphrase)
        left.addLayout(self.export_folders)
        left.addWidget(self.export_result)
        left.addWidget(self.storage_heading)
        left.addWidget(self.storage_facts)
        left.addWidget(self.log_view)
        right.addWidget(self.service_heading)
        right.addWidget(self.service_state)
        right.addWidget(self.service_message)
        right.addLayout(_row(self.service_toggle, stretch=True))
        right.addWidget(self.devices_heading)
        right.addWidget(self.devices_facts)
        right.addLayout(_row(self.test_reader_button, self.test_speech_button, stretch=True))
        right.addWidget(self.test_result)
        right.addWidget(self.settings_heading)
        right.addLayout(_row(self.idle_label, self.idle_less, self.idle_more))
        right.addLayout(_row(self.volume_label, self.volume_less, self.volume_more))
        right.addLayout(_row(self.port_edit, self.port_save))
        right.addWidget(self.port_hint)
        right.addWidget(self.settings_result)
        right.addLayout(_row(self.restart_button, self.exit_button, stretch=True))
        right.addWidget(self.exit_confirm)
        right.addLayout(_row(self.exit_confirm_yes, self.exit_confirm_no, stretch=True))
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(5000)
        self._refresh_timer.timeout.connect(self.refresh)
        if self.panel is not None:
            self.panel.sync_progressed.connect(self._on_panel_sync_progressed)
            self.panel.sync_finished.connect(self._on_panel_sync_finished)
            self.panel.network_checked.connect(self._on_network_checked)
            self.panel.export_finished.connect(self._on_export_finished)
            self.panel.reader_test_finished.connect(self._on_reader_test_finished)
        self._show_exit_confirmation(False)
        self.snapshot: PanelSnapshot | None = None
        self._export_targets: list[Path] = []
        self._failed_shown: tuple[Any, ...] | None = None
        self.retranslate()

    # --- life cycle -------------------------------------------------------------
    def title(self) -> str:
        return translate("StaffPanel", "维护面板")

    def enter(self, **params: Any) -> None:
        self._show_exit_confirmation(False)
        self.settings_result.clear()
        self.test_result.clear()
        self.export_result.clear()
        self.export_passphrase.clear()
        self.refresh()
        if self.panel is not None:
            self.port_edit.setText(str(self.services.settings["idcard.port"]))
            # Reachability asked afresh each time the panel opens, not just the last heartbeat.
            self._on_check_network_clicked()
        self._refresh_timer.start()

    def leave(self) -> None:
        self._refresh_timer.stop()
        self.export_passphrase.clear()

    def wipe(self) -> None:
        """The citizen wipe does not concern staff; their session ends on its own clock."""

    # --- facts ------------------------------------------------------------------
    def refresh(self) -> None:
        if self.panel is None:
            self.kiosk_facts.setText(translate("StaffPanel", "工作人员模式不可用"))
            return
        snap = self.snapshot = self.panel.snapshot()
        if not snap.central_configured:
            network = translate("StaffPanel", "未配置中心平台（离线演示）")
        elif snap.reachable is None:
            network = translate("StaffPanel", "尚未联系中心平台")
        elif snap.reachable:
            network = translate("StaffPanel", "中心平台可达")
        else:
            network = translate("StaffPanel", "中心平台不可达")
        beat = snap.last_heartbeat_at.strftime("%H:%M:%S") if snap.last_heartbeat_at else "—"
        self.kiosk_facts.setText(
            "\n".join(
                [
                    translate("StaffPanel", "终端编号：%1").replace("%1", snap.kiosk_id),
                    translate("StaffPanel", "软件版本：%1").replace("%1", snap.version),
                    translate("StaffPanel", "网络（据最近心跳）：%1").replace("%1", network),
                    translate("StaffPanel", "最近心跳：%1").replace("%1", beat),
                ]
            )
        )
        self.sync_facts.setText(self._sync_text(snap))
        self._fill_failed(snap)
        self.devices_facts.setText(self._devices_text(snap))
        settings = self.services.settings
        self.storage_facts.setText(
            translate("StaffPanel", "磁盘可用：%1；数据库：%2")
            .replace("%1", _size(snap.disk_free_bytes))
            .replace("%2", _size(snap.database_bytes))
            + "\n"
            + translate("StaffPanel", "数据文件夹：%1").replace("%1", str(settings.data_dir))
            + "\n"
            + translate("StaffPanel", "日志文件夹：%1（已隐去个人信息）").replace(
                "%1", str(settings.log_dir)
            )
        )
        self.log_view.setPlainText("\n".join(snap.log_lines))
        # The newest lines are the ones staff look for: show the end.
        self.log_view.verticalScrollBar().setValue(self.log_view.verticalScrollBar().maximum())
        folders = self.panel.export_folders()
        if folders != self._export_targets:
            self._fill_export_folders(folders)  # a USB stick was plugged in or pulled out
        self.idle_label.setText(
            translate("StaffPanel", "无操作超时：%1 秒").replace(
                "%1", str(snap.settings["session.idle_timeout_s"])
            )
        )
        self.volume_label.setText(
            translate("StaffPanel", "音量：%1%").replace(
                "%1", str(round(float(snap.settings["speech.volume"]) * 100))
            )
        )
        self._render_service_state(snap)
        self.sync_button.setEnabled(snap.central_configured and not self.panel.syncing)
        self.network_button.setEnabled(snap.central_configured and not self.panel.checking_network)
        self.test_reader_button.setEnabled(not self.panel.reader_test_running)
        self.export_heading.setText(
            translate("StaffPanel", "导出发送失败的提交（加密，共 %1 条）").replace(
                "%1", str(len(snap.failed_outbox))
            )
        )

    def _sync_text(self, snap: PanelSnapshot) -> str:
        state = snap.sync
        if state is None:
            return translate("StaffPanel", "同步：未启用")
        last = (
            state.last_success_at.astimezone().strftime("%m-%d %H:%M")
            if state.last_success_at
            else "—"
        )
        counts = translate("StaffPanel", "，").join(
            f"{kind} {count}" for kind, count in sorted(state.item_counts.items())
        )
        lines = [
            translate("StaffPanel", "最近成功同步：%1").replace("%1", last),
            translate("StaffPanel", "同步游标：%1").replace("%1", str(state.cursor or "—")),
            translate("StaffPanel", "内容数量：%1").replace("%1", counts or "—"),
            translate("StaffPanel", "待发送：%1；发送失败：%2")
            .replace("%1", str(state.outbox_pending + state.outbox_in_flight))
            .replace("%2", str(state.outbox_failed)),
        ]
        if state.outbox_auth_problem:
            lines.append(translate("StaffPanel", "终端认证失败：请检查设备令牌"))
        if state.last_error:
            lines.append(
                translate("StaffPanel", "最近错误：%1").replace("%1", state.last_error[:120])
            )
        return "\n".join(lines)

    def _fill_failed(self, snap: PanelSnapshot) -> None:
        shown = tuple(
            (record.entry_id, record.last_error, record.last_status)
            for record in snap.failed_outbox[:20]
        )
        if shown == self._failed_shown:
            return  # unchanged: a row under a finger is not rebuilt every refresh
        self._failed_shown = shown
        _clear_layout(self.failed_box)
        for record in snap.failed_outbox[:20]:
            row = QWidget()
            row.setObjectName(f"staff_panel.failed.{record.entry_id}")
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            reason = record.last_error or (
                f"HTTP {record.last_status}" if record.last_status else "—"
            )
            label = make_label(f"{record.client_ref} · {record.kind} · {reason[:60]}", role="muted")
            label.setAccessibleName(label.text())
            button = TouchButton(
                f"staff_panel.retry.{record.entry_id}", translate("StaffPanel", "重试")
            )
            button.clicked.connect(
                lambda _c=False, entry=record.entry_id: self._on_retry_clicked(entry)
            )
            layout.addWidget(label, 1)
            layout.addWidget(button)
            self.failed_box.addWidget(row)

    def _devices_text(self, snap: PanelSnapshot) -> str:
        names = {
            "idcard": translate("StaffPanel", "身份证读卡器"),
            "speech": translate("StaffPanel", "语音朗读"),
        }
        keys = {
            "port": translate("StaffPanel", "串口"),
            "last_read": translate("StaffPanel", "最近读卡"),
            "engine_name": translate("StaffPanel", "引擎"),
            "voice": translate("StaffPanel", "音色"),
            "problem": translate("StaffPanel", "原因"),
        }
        lines = []
        for device in snap.devices:
            details = []
            for key, value in device.detail.items():
                if key == "port" and value == "simulator":
                    value = translate("StaffPanel", "内置模拟读卡器")
                details.append(
                    translate("StaffPanel", "%1 %2")
                    .replace("%1", keys.get(key, key))
                    .replace("%2", value)
                )
            line = (
                translate("StaffPanel", "%1：%2")
                .replace("%1", names.get(device.name, device.name))
                .replace("%2", self._health_text(device.health))
            )
            if details:
                line += translate("StaffPanel", "（%1）").replace(
                    "%1", translate("StaffPanel", "，").join(details)
                )
            lines.append(line)
        return "\n".join(lines)

    def _render_service_state(self, snap: PanelSnapshot) -> None:
        if snap.out_of_service:
            source = (
                translate("StaffPanel", "由中心平台设置")
                if snap.out_of_service_source == "platform"
                else translate("StaffPanel", "由工作人员设置")
            )
            self.service_state.setText(
                translate("StaffPanel", "当前：暂停服务（%1）").replace("%1", source)
            )
        else:
            self.service_state.setText(translate("StaffPanel", "当前：正常服务"))
        staff_on = self.panel is not None and self.panel.staff.maintenance.staff_active
        self.service_toggle.setText(
            translate("StaffPanel", "恢复服务") if staff_on else translate("StaffPanel", "暂停服务")
        )

    # --- actions ----------------------------------------------------------------
    def _on_logout_clicked(self) -> None:
        if self.panel is not None:
            self.panel.staff.session.end("logout")

    def _on_sync_clicked(self) -> None:
        if self.panel is None:
            return
        if self.panel.sync_now():
            self.sync_button.setEnabled(False)
            self.sync_progress.setVisible(True)
            self.sync_progress.setRange(0, 0)  # busy until the first page arrives
            self.sync_result.setText(translate("StaffPanel", "正在同步…"))
        else:
            self.sync_result.setText(
                translate("StaffPanel", "现在无法同步（未配置中心平台或正在同步）")
            )

    def _on_panel_sync_progressed(self, pages: int, changes: int) -> None:
        self.sync_progress.setRange(0, 0)
        self.sync_result.setText(
            translate("StaffPanel", "已处理 %1 页，%2 条变更")
            .replace("%1", str(pages))
            .replace("%2", str(changes))
        )

    def _on_panel_sync_finished(self, ok: bool, message: str) -> None:
        self.sync_progress.setRange(0, 1)
        self.sync_progress.setValue(1 if ok else 0)
        self.sync_result.setText(
            translate("StaffPanel", "同步完成，%1 条变更").replace("%1", message)
            if ok
            else translate("StaffPanel", "同步失败：%1").replace("%1", message)
        )
        self.refresh()

    def _on_retry_clicked(self, entry_id: int) -> None:
        if self.panel is not None:
            self.panel.retry_failed(entry_id)
            self.refresh()

    def _on_check_network_clicked(self) -> None:
        if self.panel is None:
            return
        if self.panel.check_network():
            self.network_button.setEnabled(False)
            self.network_result.setText(translate("StaffPanel", "正在检查中心平台…"))
        elif not self.services.settings.has_central:
            self.network_result.setText(
                translate("StaffPanel", "未配置中心平台地址（central.url），无法检查")
            )

    def _on_network_checked(self, result: NetworkCheck) -> None:
        self.network_button.setEnabled(True)
        self.network_result.setText(
            translate("StaffPanel", "刚刚检查：中心平台可达（%1）").replace("%1", result.detail)
            if result.ok
            else translate("StaffPanel", "刚刚检查：中心平台不可达（%1）").replace(
                "%1", result.detail
            )
        )

    def _health_text(self, health: str) -> str:
        return {
            "ok": translate("StaffPanel", "正常"),
            "absent": translate("StaffPanel", "未连接"),
            "error": translate("StaffPanel", "故障"),
        }.get(health, health)

    def _on_test_reader_clicked(self) -> None:
        if self.panel is None:
            return
        if self.panel.start_reader_test():
            self.test_reader_button.setEnabled(False)
            self.test_result.setText(
                translate("StaffPanel", "请在 %1 秒内把一张身份证放到读卡器上…").replace(
                    "%1", str(READER_TEST_MS // 1000)
                )
            )

    def _on_reader_test_finished(self, outcome: str, health: str) -> None:
        said = {
            "card_read": translate(
                "StaffPanel", "读到一张身份证，读卡器工作正常（卡内信息不显示）"
            ),
            "card_rejected": translate(
                "StaffPanel", "读卡器有反应，但这张卡无法使用（过期、无效或读不出）"
            ),
            "no_card": translate("StaffPanel", "没有读到卡"),
            "absent": translate("StaffPanel", "本机没有启用读卡器"),
        }.get(outcome, outcome)
        self.test_result.setText(
            translate("StaffPanel", "读卡器测试：%1；状态：%2")
            .replace("%1", said)
            .replace("%2", self._health_text(health))
        )
        self.refresh()

    def _on_test_speech_clicked(self) -> None:
        if self.panel is None:
            return
        result: SpeechTest = self.panel.test_speech()
        voices = "，".join(f"{lang} {voice}" for lang, voice in result.voices.items()) or "—"
        text = (
            translate("StaffPanel", "语音测试：%1；引擎：%2；音色：%3")
            .replace("%1", self._health_text(result.health))
            .replace("%2", result.engine)
            .replace("%3", voices)
        )
        if result.detail and result.health != "ok":
            text += "\n" + result.detail[:160]
        self.test_result.setText(text)

    def _fill_export_folders(self, folders: list[Path]) -> None:
        _clear_layout(self.export_folders)
        self._export_targets = folders
        for number, folder in enumerate(self._export_targets):
            button = TouchButton(f"staff_panel.export_to.{number}")
            button.setText(translate("StaffPanel", "导出到 %1").replace("%1", str(folder)))
            button.set_accessible_name(button.text())
            button.clicked.connect(lambda _c=False, target=folder: self._on_export_clicked(target))
            self.export_folders.addWidget(button)
        self._sync_export_buttons()

    def _sync_export_buttons(self) -> None:
        """One export at a time: the buttons wait while the panel service exports."""
        exporting = self.panel is not None and self.panel.exporting
        for index in range(self.export_folders.count()):
            item = self.export_folders.itemAt(index)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(not exporting)

    def _on_export_clicked(self, folder: Any) -> None:
        if self.panel is None:
            return
        try:
            started = self.panel.export_failed(self.export_passphrase.text(), folder)
        except ExportError:
            self.export_result.setText(
                translate("StaffPanel", "口令至少 %1 个字符").replace("%1", str(PASSPHRASE_MIN))
            )
            return
        if not started:
            return  # one export at a time (its buttons are disabled until it ends)
        self._sync_export_buttons()
        self.export_result.setText(
            translate("StaffPanel", "正在导出到 %1，请勿拔出 U 盘…").replace("%1", str(folder))
        )

    def _on_export_finished(self, outcome: ExportOutcome) -> None:
        self._sync_export_buttons()
        if outcome.error is not None:
            # The passphrase stays: staff can try another stick without typing it again.
            self.export_result.setText(
                translate("StaffPanel", "无法写入：%1").replace("%1", outcome.error)
            )
            return
        self.export_passphrase.clear()
        self.export_result.setText(
            translate(
                "StaffPanel",
                "已导出 %1 条到 %2。口令请另行告知接收人；用 legal-kiosk staff read-export 打开。",
            )
            .replace("%1", str(outcome.count))
            .replace("%2", str(outcome.target))
        )

    def _step_setting(self, key: str, step: float) -> None:
        if self.panel is None:
            return
        current = self.services.settings[key]
        value: Any = round(current + step, 2) if isinstance(current, float) else int(current + step)
        self._apply_setting(key, value)

    def _on_port_save_clicked(self) -> None:
        self._apply_setting("idcard.port", self.port_edit.text().strip())

    def _apply_setting(self, key: str, value: Any) -> None:
        if self.panel is None:
            return
        error = self.panel.change_setting(key, value)
        if error:
            self.settings_result.setText(translate("StaffPanel", "未保存：%1").replace("%1", error))
        elif key == "idcard.port":
            self.settings_result.setText(
                translate("StaffPanel", "已保存，读卡器已用新串口重新连接")
                if self.panel.reader_reconnects()
                else translate("StaffPanel", "已保存，点下方“重启程序”后生效")
            )
        else:
            self.settings_result.setText(translate("StaffPanel", "已保存"))
        self.refresh()

    def _on_service_toggle_clicked(self) -> None:
        if self.panel is None:
            return
        maintenance = self.panel.staff.maintenance
        self.panel.set_out_of_service(not maintenance.staff_active, self.service_message.text())
        self.refresh()

    def _on_restart_clicked(self) -> None:
        if self.panel is not None:
            self.exit_requested.emit(self.panel.restart())

    def _on_exit_clicked(self) -> None:
        self._show_exit_confirmation(True)

    def _on_exit_confirmed(self) -> None:
        self._show_exit_confirmation(False)
        if self.panel is not None:
            self.exit_requested.emit(self.panel.exit_to_desktop())

    def _show_exit_confirmation(self, shown: bool) -> None:
        for widget in (self.exit_confirm, self.exit_confirm_yes, self.exit_confirm_no):
            widget.setVisible(shown)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.logout_button.setText(translate("StaffPanel", "退出维护"))
        self.kiosk_heading.setText(translate("StaffPanel", "本机"))
        self.sync_heading.setText(translate("StaffPanel", "同步与待发送"))
        self.network_button.setText(translate("StaffPanel", "检查中心平台连接"))
        self.export_passphrase.set_label(
            translate("StaffPanel", "导出口令（至少 %1 个字符）").replace("%1", str(PASSPHRASE_MIN))
        )
        self.sync_button.setText(translate("StaffPanel", "立即同步"))
        self.sync_progress.setAccessibleName(translate("StaffPanel", "同步进度"))
        self.devices_heading.setText(translate("StaffPanel", "设备"))
        self.test_reader_button.setText(translate("StaffPanel", "测试读卡器"))
        self.test_speech_button.setText(translate("StaffPanel", "测试语音"))
        self.settings_heading.setText(translate("StaffPanel", "设置"))
        for button, name in (
            (self.idle_less, translate("StaffPanel", "缩短超时")),
            (self.idle_more, translate("StaffPanel", "延长超时")),
            (self.volume_less, translate("StaffPanel", "减小音量")),
            (self.volume_more, translate("StaffPanel", "增大音量")),
        ):
            button.set_accessible_name(name)
        self.port_edit.set_label(
            translate("StaffPanel", "读卡器串口"), translate("StaffPanel", "例如 /dev/ttyUSB0")
        )
        self.port_save.setText(translate("StaffPanel", "保存串口"))
        self.port_hint.setText(translate("StaffPanel", "留空则使用内置的模拟读卡器（仅供演示）。"))
        self.service_heading.setText(translate("StaffPanel", "暂停服务"))
        staff_on = self.panel is not None and self.panel.staff.maintenance.staff_active
        self.service_toggle.setText(
            translate("StaffPanel", "恢复服务") if staff_on else translate("StaffPanel", "暂停服务")
        )
        self.service_message.set_label(translate("StaffPanel", "给市民的说明（可选）"))
        self.storage_heading.setText(translate("StaffPanel", "存储与日志"))
        self.log_view.setAccessibleName(translate("StaffPanel", "最近日志"))
        self.log_view.setPlaceholderText(translate("StaffPanel", "日志里还没有内容"))
        self.restart_button.setText(translate("StaffPanel", "重启程序"))
        self.exit_button.setText(translate("StaffPanel", "退出到桌面"))
        self.exit_confirm.setText(
            translate("StaffPanel", "确定退出到桌面吗？退出后本机不再为市民服务，直到重新启动。")
        )
        self.exit_confirm_yes.setText(translate("StaffPanel", "确定退出"))
        self.exit_confirm_no.setText(translate("StaffPanel", "取消"))
        self._failed_shown = None  # rows and export buttons are rebuilt in the new language
        self._fill_export_folders(self._export_targets)
        if self.isVisible():
            self.refresh()


def _clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # gone at once; deleted when control returns to the event loop
            widget.deleteLater()


def _row(*widgets: QWidget, stretch: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(SPACING_PX * 2)
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return row


def register(registry: ScreenRegistry) -> None:
    registry.add(StaffPanelScreen.screen_id, StaffPanelScreen, top_bar=False, in_history=False)
