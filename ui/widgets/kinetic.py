"""Kinetic (flick) scrolling for every scrollable view: a finger drags the content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
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
    # The scroll bars only show where the citizen is; the finger moves the content.
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
        bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    if isinstance(view, QAbstractItemView):
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setProperty("kinetic", True)


class KineticScrollArea(QScrollArea):
    """A frameless, vertically scrolling area, flickable as soon as it has something to scroll.

    Kinetic scrolling is switched on when the content of a shown area first
    outgrows it: the first ``QScroller.grabGesture`` of a process costs ~30 ms,
    which neither Home (nothing to scroll at normal text size) nor the hidden
    caption strip should make the kiosk pay before Home is on screen.
    """

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if content is not None:
            self.setWidget(content)
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)

    @property
    def kinetic(self) -> bool:
        return bool(self.property("kinetic"))

    def _on_scroll_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self.isVisible():
            self._enable_kinetic_if_scrollable()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._enable_kinetic_if_scrollable()

    def _enable_kinetic_if_scrollable(self) -> None:
        if self.verticalScrollBar().maximum() > 0 and not self.kinetic:
            enable_kinetic_scrolling(self)
