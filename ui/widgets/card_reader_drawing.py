"""A drawing of the kiosk's front: the screen, the reader pad below it, and a card going onto it.

Painted with QPainter (no image file to ship or keep in sync); colours come from
the theme's palette so it follows high contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.theme import Palette, palette_for


class CardReaderDrawing(QWidget):
    """Where to put the card: a kiosk, its reader pad, a card with an arrow down onto it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login.drawing")
        self._palette = palette_for(False)
        self._pad_label = ""
        self.setMinimumSize(520, 560)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(640, 680)

    def set_high_contrast(self, on: bool) -> None:
        self._palette = palette_for(on)
        self.update()

    def set_pad_label(self, text: str) -> None:
        """The words printed on the pad in the drawing (读卡区 / Card reader)."""
        self._pad_label = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = float(self.width()), float(self.height())
        # The drawing is laid out on a 640 x 680 grid and scaled to fit.
        scale = min(w / 640, h / 680)
        painter.translate((w - 640 * scale) / 2, (h - 680 * scale) / 2)
        painter.scale(scale, scale)
        self._paint_kiosk(painter, p)
        self._paint_card(painter, p)
        painter.end()

    def _paint_kiosk(self, painter: QPainter, p: Palette) -> None:
        outline = QPen(QColor(p.border), 6)
        painter.setPen(outline)
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(QRectF(120, 20, 400, 640), 28, 28)  # the cabinet
        painter.setBrush(QColor(p.topbar))
        painter.drawRoundedRect(QRectF(150, 50, 340, 230), 12, 12)  # its screen
        # The reader pad, highlighted: this is where the card goes.
        pad = QRectF(190, 430, 260, 150)
        painter.setPen(QPen(QColor(p.focus), 8, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(p.pressed))
        painter.drawRoundedRect(pad, 18, 18)
        painter.setPen(QColor(p.text))
        font = QFont(self.font())
        font.setPixelSize(30)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pad, Qt.AlignmentFlag.AlignCenter, self._pad_label)

    def _paint_card(self, painter: QPainter, p: Palette) -> None:
        # The card, tilted a little, above the pad.
        painter.save()
        painter.translate(320, 340)
        painter.rotate(-6)
        card = QRectF(-120, -70, 240, 140)
        painter.setPen(QPen(QColor(p.primary), 5))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(card, 14, 14)
        painter.setBrush(QColor(p.primary))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(-100, -45, 70, 85))  # photo
        for row in range(3):
            painter.drawRoundedRect(QRectF(-15, -40 + row * 30, 115, 14), 6, 6)  # text lines
        painter.restore()
        # The arrow from the card down and into the pad.
        pen = QPen(QColor(p.focus), 10)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(
            QPolygonF([QPointF(450, 340), QPointF(580, 340), QPointF(580, 505), QPointF(490, 505)])
        )
        head = QPolygonF([QPointF(500, 475), QPointF(500, 535), QPointF(455, 505)])
        path = QPainterPath()
        path.addPolygon(head)
        painter.fillPath(path, QColor(p.focus))
