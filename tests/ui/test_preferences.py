"""Language switch, large text and high contrast from the top bar, applied at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from ui.main_window import MainWindow
from ui.theme import (
    HIGH_CONTRAST,
    LARGE_TEXT_FACTOR,
    STANDARD,
    build_stylesheet,
    contrast_ratio,
)


def test_language_switch_retranslates_the_visible_screen(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    home = window.manager.current_screen
    assert home is not None
    assert window.top_bar.language.text() == "EN"
    qtbot.mouseClick(window.top_bar.language, Qt.MouseButton.LeftButton)
    assert services.session.language == "en"
    # Qt delivers LanguageChange on the next turn of the event loop.
    qtbot.waitUntil(lambda: home.greeting.text() == "Hello! Please choose a service")
    assert home.tiles["laws"].title_label.text() == "Laws"
    assert home.tiles["laws"].accessibleName() == "Laws"
    assert window.top_bar.title_label.text() == "Home"
    assert window.top_bar.finish.text() == "Finish"
    assert window.top_bar.language.text() == "中文"
    qtbot.mouseClick(window.top_bar.language, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: home.greeting.text() == "您好！请选择要办理的服务")
    assert window.top_bar.title_label.text() == "首页"


def test_screens_created_later_come_up_in_the_current_language(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    services.session.set_language("en")
    qtbot.waitUntil(lambda: window.top_bar.title_label.text() == "Home")
    window.manager.navigate("complaint")
    page = window.manager.current_screen
    assert page is not None
    assert page.heading.text() == "Service agreement and risk notice"
    assert page.accept_button.text() == "I have read it and agree"


def _pixel_size(widget: object) -> int:
    return QFontInfo(widget.font()).pixelSize()  # type: ignore[attr-defined]


def test_large_text_scales_every_text_by_at_least_one_and_a_half(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    home = window.manager.current_screen
    assert home is not None
    detail = home.tiles["laws"].detail_label
    normal_body, normal_heading = _pixel_size(detail), _pixel_size(home.greeting)
    assert normal_body >= 24
    qtbot.mouseClick(window.top_bar.text_size, Qt.MouseButton.LeftButton)
    assert services.session.large_text
    assert _pixel_size(detail) >= normal_body * LARGE_TEXT_FACTOR
    assert _pixel_size(home.greeting) >= normal_heading * LARGE_TEXT_FACTOR
    assert window.top_bar.text_size.isChecked()


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "high"])
def test_every_text_colour_pair_is_readable(palette: object) -> None:
    minimum = 7.0 if palette is HIGH_CONTRAST else 4.5
    for name, (foreground, background) in palette.text_pairs().items():  # type: ignore[attr-defined]
        assert contrast_ratio(foreground, background) >= minimum, name


def test_contrast_ratio_is_the_wcag_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_high_contrast_is_applied_to_the_rendered_widgets(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    qtbot.mouseClick(window.top_bar.contrast, Qt.MouseButton.LeftButton)
    assert services.session.high_contrast
    assert HIGH_CONTRAST.window in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    home = window.manager.current_screen
    assert home is not None
    text = home.greeting.palette().color(QPalette.ColorRole.WindowText).name()
    background = home.palette().color(QPalette.ColorRole.Window).name()
    assert contrast_ratio(text, background) >= 7.0
    image = window.grab().toImage()
    assert image.pixelColor(5, image.height() - 5).name() == HIGH_CONTRAST.window


def test_stylesheet_sets_the_chinese_font_and_touch_sizes() -> None:
    sheet = build_stylesheet()
    assert '"Noto Sans CJK SC"' in sheet
    assert ":pressed" in sheet and ":hover" not in sheet
    assert "font-size: 36px" in build_stylesheet(large_text=True)


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
def test_every_label_role_gets_its_own_size(qtbot: QtBot, large_text: bool) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from ui.theme import TextSizes, apply_theme
    from ui.widgets import make_label

    sizes = TextSizes.for_mode(large_text)
    expected = {
        "display": sizes.display,
        "lead": sizes.lead,
        "heading": sizes.heading,
        "subheading": sizes.subheading,
        "body": sizes.body,
        "muted": sizes.body,
        "tile": sizes.tile,
    }
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, large_text=large_text)
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    labels = {role: make_label("文字", role=role) for role in expected}
    for label in labels.values():
        layout.addWidget(label)
    page.show()
    found = {role: _pixel_size(label) for role, label in labels.items()}
    assert found == expected
    apply_theme(app)
