from __future__ import annotations

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.ui.qr_decode import decode_qr, image_to_gray
from ui.widgets.qr_code import QUIET_ZONE_MODULES, QrCodeWidget

URL = "https://mp.example.gov.cn/h/3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"


@pytest.mark.parametrize("side", [240, 480, 777])
def test_painted_code_decodes_back_to_the_url(qtbot: QtBot, side: int) -> None:
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.set_text(URL)
    assert decode_qr(widget.to_image(side)) == [URL]


def test_code_is_crisp_black_on_white_with_its_quiet_zone(qtbot: QtBot) -> None:
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.set_text(URL)
    side = 600
    pixels = image_to_gray(widget.to_image(side))
    assert set(np.unique(pixels)) == {0, 255}  # no grey edges: whole-pixel modules
    module = side // widget.module_count()
    offset = (side - module * widget.module_count()) // 2
    dark = np.argwhere(pixels == 0)
    first_dark = dark.min(axis=0)
    last_dark = dark.max(axis=0)
    quiet = QUIET_ZONE_MODULES * module
    assert (first_dark >= offset + quiet).all()
    assert (last_dark < side - offset - quiet).all()


def test_the_widget_on_screen_decodes(qtbot: QtBot) -> None:
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.resize(520, 520)
    widget.set_text(URL)
    widget.show()
    qtbot.waitExposed(widget)
    assert decode_qr(widget.grab().toImage()) == [URL]


def test_empty_text_shows_no_code(qtbot: QtBot) -> None:
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.set_text("")
    assert widget.module_count() == 0
    assert decode_qr(widget.to_image(300)) == []
