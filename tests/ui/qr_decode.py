"""Decode QR codes painted by the kiosk with zxing-cpp (a real, well-kept decoder)."""

from __future__ import annotations

import numpy as np
import zxingcpp
from PySide6.QtGui import QImage


def image_to_gray(image: QImage) -> np.ndarray:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buffer = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, :width].copy()


def decode_qr(image: QImage) -> list[str]:
    results = zxingcpp.read_barcodes(image_to_gray(image), formats=zxingcpp.BarcodeFormat.QRCode)
    return [result.text for result in results]
