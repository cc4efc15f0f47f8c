"""A QR code painted crisply at kiosk size.

The matrix comes from the ``qrcode`` library and is painted module by module
with QPainter: an integer number of pixels per module (no blurry scaling), the
four-module quiet zone kept, always black on white (also in high-contrast mode,
where a light-on-dark code would not scan with many phones). Error correction
Q (25 %) copes with glare and fingerprints on a kiosk screen.
"""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE_MODULES = 4


def qr_matrix(text: str) -> list[list[bool]]:
    """Modules of the code for ``text``, quiet zone included (True = dark)."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_Q, border=QUIET_ZONE_MODULES
    )
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def paint_matrix(painter: QPainter, matrix: list[list[bool]], area: QRect) -> QRect:
    """Paint ``matrix`` centred in ``area`` with whole-pixel modules; returns the code's rect."""
    count = len(matrix)
    module = max(1, min(area.width(), area.height()) // count)
    side = module * count
    left = area.left() + (area.width() - side) // 2
    top = area.top() + (area.height() - side) // 2
    painter.fillRect(QRect(left, top, side, side), QColor("white"))
    black = QColor("black")
    for y, row in enumerate(matrix):
        x = 0
        while x < count:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < count and row[x]:
                x += 1
            # One rectangle per run of dark modules keeps painting fast at 1080p.
            painter.fillRect(
                left + start * module, top + y * module, (x - start) * module, module, black
            )
    return QRect(left, top, side, side)


class QrCodeWidget(QWidget):
    """Shows one text (a URL) as a QR code; empty text paints nothing but the white square."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("qrCode")
        self.setAccessibleName("QR code")
        self._text = ""
        self._matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(240, 240))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.update()

    def module_count(self) -> int:
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if self._matrix:
                paint_matrix(painter, self._matrix, self.rect())
            else:
                side = min(self.width(), self.height())
                painter.fillRect(
                    QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side),
                    QColor("white"),
                )
        finally:
            painter.end()

    def to_image(self, side: int) -> QImage:
        """The code alone as a square image of ``side`` pixels (for tests and print-outs)."""
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        if self._matrix:
            painter = QPainter(image)
            try:
                paint_matrix(painter, self._matrix, image.rect())
            finally:
                painter.end()
        return image
