"""Kinetic (flick) scrolling for every scrollable view: a finger drags the content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)


def enable_kinetic_scrolling(view: QAbstractScrollArea) -> None:
    """Let a finger (or a mouse press, as touch screens often report) drag-scroll ``view``."""
    viewport = view.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    overshoot = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, overshoot)
    properties.setScrollMetric(
        QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, overshoot
    )
    # A small dead zone so that a slightly moving tap still counts as a tap.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    scroller.setScrollerProperties(properties)
    if isinstance(view, QAbstractItemView):
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setProperty("kinetic", True)


class KineticScrollArea(QScrollArea):
    """A frameless, vertically scrolling area with kinetic scrolling already on."""

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if content is not None:
            self.setWidget(content)
        enable_kinetic_scrolling(self)


def make_touch_scroll_bar(
    view: QAbstractScrollArea, object_name: str, accessible_name: str
) -> None:
    """Give ``view``'s vertical scroll bar an automation id, a name and a finger's width."""
    bar = view.verticalScrollBar()
    bar.setObjectName(object_name)
    bar.setAccessibleName(accessible_name)
    bar.setProperty("role", "touch")
