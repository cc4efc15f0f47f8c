"""Shared touch widgets: every screen builds from these."""

from ui.widgets.kinetic import (
    KineticScrollArea,
    enable_kinetic_scrolling,
)
from ui.widgets.read_aloud_button import ReadAloudButton
from ui.widgets.touch import BigLineEdit, TileButton, TouchButton, clear_inputs, make_label

__all__ = [
    "BigLineEdit",
    "KineticScrollArea",
    "ReadAloudButton",
    "TileButton",
    "TouchButton",
    "clear_inputs",
    "enable_kinetic_scrolling",
    "make_label",
]
