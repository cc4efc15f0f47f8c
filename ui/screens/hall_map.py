"""The hall map: where each window is and what it handles.

A hall with its own floor-plan image sets ``ui.hall_map``; otherwise the
kiosk draws a plain plan from the windows the service guides name, with the
entrance and "you are here". The window a guide points to is marked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.lookup.base import LookupScreen, scroll_area
from ui.screen_registry import ScreenRegistry
from ui.theme import TextSizes, palette_for
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import HallWindow

translate = QCoreApplication.translate


class HallPlan(QWidget):
    """A drawn plan: windows along the far wall, the entrance and the kiosk near the door."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hall_map.plan")
        self.services = services
        self.windows: list[HallWindow] = []
        self.marked = ""
        self.here_text = ""
        self.entrance_text = ""
        self.setMinimumSize(800, 520)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_windows(self, windows: list[HallWindow], marked: str) -> None:
        self.windows, self.marked = list(windows), marked
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        session = self.services.session
        colours = palette_for(session.high_contrast)
        sizes = TextSizes.for_mode(session.large_text)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hall = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        painter.setPen(QPen(QColor(colours.border), 4))
        painter.setBrush(QColor(colours.surface))
        painter.drawRoundedRect(hall, 16, 16)
        font = QFont(self.font())
        font.setPixelSize(sizes.body)
        painter.setFont(font)
        count = max(1, len(self.windows))
        gap = 16.0
        width = (hall.width() - gap * (count + 1)) / count
        height = hall.height() * 0.45
        for number, window in enumerate(self.windows):
            box = QRectF(
                hall.left() + gap + number * (width + gap), hall.top() + gap, width, height
            )
            marked = window.window == self.marked
            painter.setPen(
                QPen(QColor(colours.focus if marked else colours.border), 8 if marked else 3)
            )
            painter.setBrush(QColor(colours.primary if marked else colours.window))
            painter.drawRoundedRect(box, 12, 12)
            painter.setPen(QColor(colours.primary_text if marked else colours.text))
            bold = QFont(font)
            bold.setBold(True)
            size = sizes.subheading
            bold.setPixelSize(size)
            # Shrink a long window name to fit its box, never below the body size.
            while size > sizes.body and QFontMetrics(bold).horizontalAdvance(window.window) > (
                box.width() - 24
            ):
                size -= 2
                bold.setPixelSize(size)
            painter.setFont(bold)
            title_box = box.adjusted(8, 12, -8, -box.height() * 0.55)
            painter.drawText(
                title_box,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                window.window,
            )
            painter.setFont(font)
            services_box = box.adjusted(8, box.height() * 0.42, -8, -8)
            painter.drawText(
                services_box,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                "\n".join(window.services),
            )
        painter.setPen(QColor(colours.text))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        door = QRectF(hall.center().x() - 160, hall.bottom() - 70, 320, 62)
        painter.setPen(QPen(QColor(colours.border), 3, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(door)
        painter.setPen(QColor(colours.text))
        painter.drawText(door, Qt.AlignmentFlag.AlignCenter, self.entrance_text)
        here = QRectF(hall.left() + 40, hall.bottom() - 190, 440, 120)
        painter.setPen(QPen(QColor(colours.focus), 5))
        painter.setBrush(QColor(colours.window))
        painter.drawRoundedRect(here, 50, 50)
        painter.setPen(QColor(colours.text))
        painter.drawText(
            here.adjusted(16, 8, -16, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.here_text,
        )
        painter.end()


class HallMapScreen(LookupScreen):
    screen_id = "hall_map"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.windows: list[HallWindow] = []
        self.marked = ""
        self.buttons: list[TouchButton] = []
        self.rows: list[QWidget] = []
        self._pixmap = QPixmap()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(12)
        self.heading = make_label(role="subheading", object_name="hall_map.heading")
        left.addWidget(self.heading)
        left.addWidget(self.notice)
        self.plan = HallPlan(services)
        left.addWidget(self.plan, 1)
        self.image = QLabel()
        self.image.setObjectName("hall_map.image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.hide()
        left.addWidget(self.image, 1)
        outer.addLayout(left, 3)
        legend = QWidget()
        self.legend_layout = QVBoxLayout(legend)
        self.legend_layout.setContentsMargins(0, 0, 16, 0)
        self.legend_layout.setSpacing(12)
        self.legend_heading = make_label(role="subheading", object_name="hall_map.legend_heading")
        self.legend_layout.addWidget(self.legend_heading)
        self.legend_end = make_label(role="muted", object_name="hall_map.help")
        self.legend_layout.addWidget(self.legend_end)
        self.legend_layout.addStretch(1)
        scroll = scroll_area(legend, "hall_map.legend")
        scroll.setFixedWidth(520)
        outer.addWidget(scroll)
        self.retranslate()

    def title(self) -> str:
        return translate("HallMapScreen", "大厅窗口分布图")

    def retranslate(self) -> None:
        self.heading.setText(translate("HallMapScreen", "各窗口位置和办理事项"))
        self.legend_heading.setText(translate("HallMapScreen", "点击窗口查看位置"))
        self.legend_end.setText(
            translate("HallMapScreen", "找不到窗口？请到咨询台或拨打 %1。").replace(
                "%1", str(self.services.settings["kiosk.hall_phone"])
            )
        )
        self.plan.here_text = translate("HallMapScreen", "您在这里（自助终端）")
        self.plan.entrance_text = translate("HallMapScreen", "入口")
        self.plan.update()

    def refresh(self) -> None:
        self.marked = str(self._params.get("window", ""))
        self.windows = [] if self.show_notice() else self.content.hall_windows()
        for row in self.rows:
            self.legend_layout.removeWidget(row)
            row.hide()  # gone from the screen now, deleted later
            row.deleteLater()
        self.rows, self.buttons = [], []
        for number, window in enumerate(self.windows):
            row = QWidget()
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 8)
            row_layout.setSpacing(4)
            button = TouchButton(f"hall_map.window_{number + 1}", window.window, checkable=True)
            button.setChecked(window.window == self.marked)
            button.clicked.connect(lambda _=False, w=window.window: self.mark(w))
            handles = make_label("、".join(window.services), role="body")
            row_layout.addWidget(button)
            row_layout.addWidget(handles)
            self.legend_layout.insertWidget(1 + number, row)
            self.rows.append(row)
            self.buttons.append(button)
        image_path = self.content.hall_map_image() if self.content_ready() else None
        pixmap = QPixmap(str(image_path)) if image_path else QPixmap()
        self._pixmap = pixmap
        if not pixmap.isNull():
            self._scale_image()
            self.image.setAccessibleName(self.title())
        self.image.setVisible(not pixmap.isNull())
        self.plan.setVisible(pixmap.isNull())
        self.plan.set_windows(self.windows, self.marked)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._scale_image()

    def _scale_image(self) -> None:
        if not self._pixmap.isNull():
            self.image.setPixmap(
                self._pixmap.scaled(
                    self.image.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def mark(self, window: str) -> None:
        self.marked = window
        for candidate, button in zip(self.windows, self.buttons, strict=True):
            button.setChecked(candidate.window == window)
        self.plan.set_windows(self.windows, window)

    def spoken_text(self) -> str:
        lines = [self.title(), self.heading.text()]
        lines += [f"{w.window}：{'、'.join(w.services)}" for w in self.windows]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(HallMapScreen.screen_id, HallMapScreen)
