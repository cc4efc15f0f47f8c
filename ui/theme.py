"""The look of the kiosk: one stylesheet built from (large text, high contrast).

Touch-grade rules live here and nowhere else: body text at least 24 px (1.5x
with large text), targets at least 64x64 px with 8 px spacing, primary actions
at least 80 px tall, a visible pressed state, nothing that depends on hover,
and an explicit Chinese font so that Hanzi never fall back to Japanese shapes.

Widgets pick their look with a dynamic ``role`` property (see :data:`ROLES`),
never with their own stylesheet, so that switching text size or contrast
re-styles the whole kiosk at once. Minimum sizes are *not* in the stylesheet
(a stylesheet ``min-height`` silently overrides ``setMinimumSize``): use the
widgets of ``ui/widgets`` (TouchButton, BigLineEdit), which set them, and the
automation test checks every screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

FONT_FAMILY = "Noto Sans CJK SC"
FONT_FALLBACKS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans")

BODY_PX = 24
LARGE_TEXT_FACTOR = 1.5
MIN_TARGET_PX = 64
PRIMARY_TARGET_PX = 80
SPACING_PX = 8

ROLES = (
    "display",  # QLabel: very large text (attract screen)
    "lead",  # QLabel: large introductory text
    "heading",  # QLabel: screen heading
    "subheading",  # QLabel: section heading
    "body",  # QLabel: running text (the default)
    "muted",  # QLabel: secondary text, still >= 24 px and readable
    "primary",  # QPushButton: the main action of a screen (>= 80 px tall)
    "secondary",  # QPushButton: other actions
    "tile",  # QPushButton: a Home tile; QLabel: the title inside a tile
    "topbar",  # QPushButton: a top bar control
    "badge",  # QLabel: small status badge (online/offline)
    "caption",  # QLabel: what read-aloud is saying (caption strip)
    "greeting",  # QLabel: the large ID-card login greeting
)


@dataclass(frozen=True)
class Palette:
    """The colours of one contrast mode; every text/background pair is checked in tests."""

    window: str
    surface: str
    text: str
    muted: str
    primary: str
    primary_text: str
    primary_pressed: str
    secondary: str
    secondary_text: str
    pressed: str
    border: str
    topbar: str
    topbar_text: str
    online: str
    offline: str
    badge_text: str
    overlay: str
    focus: str
    error: str = "#a4161a"
    """A rule's message next to its field (always with a ⚠ sign too, never colour alone)."""

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """(foreground, background) of every text shown on screen, by name."""
        return {
            "body": (self.text, self.window),
            "body-on-surface": (self.text, self.surface),
            "muted": (self.muted, self.window),
            "muted-on-surface": (self.muted, self.surface),
            "primary": (self.primary_text, self.primary),
            "primary-pressed": (self.primary_text, self.primary_pressed),
            "secondary": (self.secondary_text, self.secondary),
            "secondary-pressed": (self.secondary_text, self.pressed),
            "topbar": (self.topbar_text, self.topbar),
            "badge-online": (self.badge_text, self.online),
            "badge-offline": (self.badge_text, self.offline),
            "overlay": (self.text, self.surface),
            "error": (self.error, self.window),
            "error-on-surface": (self.error, self.surface),
        }


STANDARD = Palette(
    window="#eef2f7",
    surface="#ffffff",
    text="#111827",
    muted="#374151",
    primary="#0b4f8a",
    primary_text="#ffffff",
    primary_pressed="#062f55",
    secondary="#ffffff",
    secondary_text="#0b3b66",
    pressed="#c9dcef",
    border="#5b6b80",
    topbar="#0b3b66",
    topbar_text="#ffffff",
    online="#166534",
    offline="#374151",
    badge_text="#ffffff",
    overlay="rgba(0, 0, 0, 0.72)",
    focus="#b45309",
)

HIGH_CONTRAST = Palette(
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffff00",
    primary="#ffff00",
    primary_text="#000000",
    primary_pressed="#ffffff",
    secondary="#000000",
    secondary_text="#ffffff",
    pressed="#333333",
    border="#ffffff",
    topbar="#000000",
    topbar_text="#ffff00",
    online="#000000",
    offline="#000000",
    badge_text="#ffffff",
    overlay="rgba(0, 0, 0, 0.92)",
    focus="#00ffff",
    error="#ff9e9e",
)


def palette_for(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else STANDARD


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an opaque colour."""
    c = QColor(colour)

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class TextSizes:
    body: int
    display: int
    lead: int
    heading: int
    subheading: int
    tile: int
    topbar: int

    @classmethod
    def for_mode(cls, large_text: bool) -> TextSizes:
        f = LARGE_TEXT_FACTOR if large_text else 1.0
        return cls(
            body=round(BODY_PX * f),
            display=round(64 * f),
            lead=round(40 * f),
            heading=round(44 * f),
            subheading=round(32 * f),
            tile=round(40 * f),
            topbar=round(24 * f) if not large_text else 30,
        )


def kiosk_font(large_text: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setFamilies(list(FONT_FALLBACKS))
    font.setPixelSize(TextSizes.for_mode(large_text).body)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def build_stylesheet(large_text: bool = False, high_contrast: bool = False) -> str:
    """The one stylesheet of the kiosk for this text size and contrast."""
    p = palette_for(high_contrast)
    s = TextSizes.for_mode(large_text)
    border_w = 3 if high_contrast else 2
    families = ", ".join(f'"{f}"' for f in FONT_FALLBACKS)
    return f"""
* {{ font-family: {families}; }}
QWidget {{ font-size: {s.body}px; color: {p.text}; }}
QMainWindow, QWidget#shell, QStackedWidget, Screen {{ background: {p.window}; }}
QLabel {{ background: transparent; color: {p.text}; }}
QLabel[role="display"] {{ font-size: {s.display}px; font-weight: bold; }}
QLabel[role="lead"] {{ font-size: {s.lead}px; }}
QLabel[role="heading"] {{ font-size: {s.heading}px; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {s.subheading}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="tile"] {{ font-size: {s.tile}px; font-weight: bold; color: {p.secondary_text}; }}
QLabel[role="badge"] {{
    color: {p.badge_text}; border: {border_w}px solid {p.border}; border-radius: 8px;
    padding: 4px 12px; font-size: {s.topbar}px;
}}
QLabel[role="badge"][online="true"] {{ background: {p.online}; }}
QLabel[role="badge"][online="false"] {{ background: {p.offline}; }}
QPushButton {{
    background: {p.secondary}; color: {p.secondary_text};
    border: {border_w}px solid {p.border}; border-radius: 12px;
    padding: 8px 20px; font-size: {s.body}px;
}}
QPushButton:pressed, QPushButton:checked:pressed {{ background: {p.pressed}; }}
QPushButton:checked {{ background: {p.primary}; color: {p.primary_text}; }}
QPushButton:focus {{ border-color: {p.focus}; }}
QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QPushButton[role="primary"] {{
    background: {p.primary}; color: {p.primary_text};
    font-weight: bold; font-size: {s.subheading}px;
}}
QPushButton[role="primary"]:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="tile"] {{
    background: {p.surface}; color: {p.text}; border-radius: 16px; padding: 16px;
    text-align: left;
}}
QPushButton[role="tile"]:pressed {{ background: {p.pressed}; }}
QPushButton[align="left"] {{ text-align: left; }}
QWidget#topbar {{ background: {p.topbar}; }}
QWidget#topbar QLabel {{ color: {p.topbar_text}; font-size: {s.topbar}px; }}
QWidget#topbar QLabel[role="heading"] {{ font-size: {s.subheading}px; font-weight: bold; }}
QPushButton[role="topbar"] {{
    background: {p.topbar}; color: {p.topbar_text}; border-color: {p.topbar_text};
    font-size: {s.topbar}px; padding: 4px 14px;
}}
QPushButton[role="topbar"]:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="topbar"]:checked {{ background: {p.topbar_text}; color: {p.topbar}; }}
QLineEdit, QTextEdit, QPlainTextEdit {{
    background: {p.surface}; color: {p.text};
    border: {border_w}px solid {p.border}; border-radius: 8px; padding: 8px 12px;
    font-size: {s.body}px; selection-background-color: {p.primary};
    selection-color: {p.primary_text};
}}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{
    border: {border_w + 1}px solid {p.focus};
}}
QAbstractScrollArea {{ background: {p.window}; border: none; }}
QPlainTextEdit {{ background: {p.surface}; border: {border_w}px solid {p.border}; }}
QPlainTextEdit:focus {{ border: {border_w + 1}px solid {p.focus}; }}
QLabel[error="true"] {{ color: {p.error}; font-weight: bold; }}
QLineEdit[error="true"], QPlainTextEdit[error="true"] {{
    border: {border_w + 1}px solid {p.error};
}}
QScrollArea > QWidget > QWidget {{ background: {p.window}; }}
QScrollBar:vertical {{ width: 24px; background: {p.window}; }}
QScrollBar::handle:vertical {{ background: {p.border}; min-height: 64px; border-radius: 8px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0px; width: 0px; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QWidget#idle_overlay {{ background: {p.overlay}; }}
QWidget#login_overlay {{ background: {p.overlay}; }}
QLabel[role="greeting"] {{ font-size: {round(s.heading * 1.4)}px; font-weight: bold; }}
QFrame#captions {{ background: {p.surface}; border-top: {border_w + 2}px solid {p.border}; }}
QLabel[role="caption"] {{ font-size: {s.subheading}px; font-weight: bold; }}
QPushButton[role="topbar"][identity="true"] {{ border-style: double; border-width: {border_w + 4}px; }}
QScrollArea[role="page"], QScrollArea[role="page"] > QWidget,
QScrollArea[role="page"] > QWidget > QWidget {{ background: transparent; }}
QFrame#idle_panel, QFrame[role="panel"] {{
    background: {p.surface}; border: {border_w}px solid {p.border}; border-radius: 20px;
}}
"""


def apply_theme(app: QApplication, large_text: bool = False, high_contrast: bool = False) -> None:
    """Set the application font and stylesheet for this text size and contrast."""
    app.setFont(kiosk_font(large_text))
    app.setStyleSheet(build_stylesheet(large_text, high_contrast))
