"""Lists of cards (search hits, laws, people, cases) as Qt model/view, fetched page by page.

A list view paints only the rows on screen, so 50,000 practitioners cost what
a screenful costs: the model asks its ``fetch(offset, limit)`` for one page at
a time as the citizen scrolls (``canFetchMore`` / ``fetchMore``), and no screen
builds a widget per row.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.theme import palette_for
from ui.widgets import enable_kinetic_scrolling

PAGE_SIZE = 50
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "【", "】"
_PADDING = 20
_GAP = 8
_INDENT_PX = 40

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Card:
    """What one row shows. ``detail`` may carry 【highlights】; ``warning`` is shown in red."""

    title: str
    detail: str = ""
    badge: str = ""
    warning: str = ""
    payload: Any = None
    badge_alert: bool = False
    """The badge tells of a problem (暂停执业, 吊销, 已废止): dark red instead of blue."""
    indent: int = 0
    """Depth in a tree (a chapter under a part): each level moves the card right."""


def highlighted_html(text: str, high_contrast: bool = False) -> str:
    """Escape ``text`` and turn 【matches】 into visible marks (not colour alone)."""
    escaped = html.escape(text).replace("\n", "<br>")
    if high_contrast:
        opening = '<span style="color:#ffff00; font-weight:bold; text-decoration:underline">'
    else:
        opening = '<span style="background-color:#ffe58a; color:#111827; font-weight:bold">'
    return escaped.replace(HIGHLIGHT_OPEN, opening).replace(HIGHLIGHT_CLOSE, "</span>")


class CardListModel(QAbstractListModel):
    """Rows from ``fetch(offset, limit)``, one page at a time, or a fixed list."""

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._cards: list[Card] = []
        self._fetch: Callable[[int, int], list[Card]] | None = None
        self._exhausted = True
        self.pages_fetched = 0

    # --- filling ----------------------------------------------------------------
    def set_cards(self, cards: list[Card]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self._fetch = None
        self._exhausted = True
        self.pages_fetched = 0
        self.endResetModel()

    def set_source(self, fetch: Callable[[int, int], list[Card]]) -> None:
        """Rows from ``fetch``; the first page is read at once, the rest on demand."""
        self.beginResetModel()
        self._cards = []
        self._fetch = fetch
        self._exhausted = False
        self.pages_fetched = 0
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.set_cards([])

    def card(self, row: int) -> Card | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def cards(self) -> list[Card]:
        return list(self._cards)

    # --- QAbstractListModel ----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [card.title, card.badge, card.warning, card.detail]
            text = " ".join(p for p in parts if p)
            return text.replace(HIGHLIGHT_OPEN, "").replace(HIGHLIGHT_CLOSE, "")
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        page = self._fetch(len(self._cards), self.page_size)
        self.pages_fetched += 1
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            first = len(self._cards)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._cards.extend(page)
            self.endInsertRows()


class CardDelegate(QStyledItemDelegate):
    """Paints a card: bold title with a status badge, a warning line, wrapped detail."""

    CACHE_SIZE = 400

    def __init__(self, high_contrast: Callable[[], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._high_contrast = high_contrast
        # Laying out rich text is the costly part of a row; sizeHint and paint share it.
        self._documents: OrderedDict[tuple[Any, ...], QTextDocument] = OrderedDict()

    def _document(self, card: Card, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        contrast = self._high_contrast()
        key = (
            card.title,
            card.detail,
            card.badge,
            card.warning,
            width,
            option.font.pixelSize(),
            contrast,
        )
        cached = self._documents.get(key)
        if cached is not None:
            self._documents.move_to_end(key)
            return cached
        document = self._build_document(card, option, width, contrast)
        self._documents[key] = document
        if len(self._documents) > self.CACHE_SIZE:
            self._documents.popitem(last=False)
        return document

    def _build_document(
        self, card: Card, option: QStyleOptionViewItem, width: int, contrast: bool
    ) -> QTextDocument:
        colours = palette_for(contrast)
        body_px = max(24, option.font.pixelSize())
        title_px = round(body_px * 1.25)
        parts = [
            f'<div style="font-size:{title_px}px; font-weight:bold; color:{colours.text}">'
            f"{html.escape(card.title)}"
        ]
        if card.badge:
            badge_colour = colours.offline if card.badge_alert else colours.primary
            badge_text = colours.badge_text if card.badge_alert else colours.primary_text
            parts.append(
                f'&nbsp;&nbsp;<span style="font-size:{body_px}px; color:{badge_text};'
                f' background-color:{badge_colour}">&nbsp;{html.escape(card.badge)}&nbsp;</span>'
            )
        if card.warning:
            # On the title line, so every row of a list has the same height.
            warning_colour = "#ffff00" if contrast else "#9a1c1c"
            parts.append(
                f'&nbsp;&nbsp;<span style="font-size:{body_px}px; font-weight:bold;'
                f' color:{warning_colour}">{html.escape(card.warning)}</span>'
            )
        parts.append("</div>")
        if card.detail:
            parts.append(
                f'<div style="font-size:{body_px}px; color:{colours.muted}">'
                f"{highlighted_html(card.detail, contrast)}</div>"
            )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml("".join(parts))
        document.setTextWidth(max(100, width - 2 * _PADDING))
        return document

    def _card(self, index: AnyIndex) -> Card | None:
        card = index.data(CARD_ROLE)
        return card if isinstance(card, Card) else None

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        card = self._card(index)
        if card is None:
            return QSize(0, 0)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 800
        document = self._document(card, option, width - card.indent * _INDENT_PX)
        height = int(document.size().height()) + 2 * _PADDING + _GAP
        return QSize(width, max(96, height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card = self._card(index)
        if card is None:
            return
        contrast = self._high_contrast()
        colours = palette_for(contrast)
        rect = option.rect.adjusted(card.indent * _INDENT_PX, 0, 0, -_GAP)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pressed = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setBrush(QColor(colours.pressed if pressed else colours.surface))
        painter.setPen(QPen(QColor(colours.border), 3 if contrast else 2))
        painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 12, 12)
        document = self._document(card, option, rect.width())
        painter.translate(rect.left() + _PADDING, rect.top() + _PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()


class CardListView(QListView):
    """A kinetic list of cards; a tap emits ``card_activated(card)``."""

    card_activated = Signal(object)

    def __init__(
        self,
        object_name: str,
        high_contrast: Callable[[], bool],
        parent: QWidget | None = None,
        uniform: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.cards = CardListModel(self)
        self.setModel(self.cards)
        self.setItemDelegate(CardDelegate(high_contrast, self))
        self.setUniformItemSizes(uniform)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(160)
        self.setProperty("role", "cards")
        enable_kinetic_scrolling(self)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)

    def _on_clicked(self, index: QModelIndex) -> None:
        card = self.cards.card(index.row())
        if card is not None:
            self.card_activated.emit(card)

    def activate_row(self, row: int) -> bool:
        """Open the card in ``row`` as a tap would (automation and tests)."""
        card = self.cards.card(row)
        if card is None:
            return False
        self.setCurrentIndex(self.cards.index(row))
        self.card_activated.emit(card)
        return True

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # Row heights depend on the width: let the view ask the delegate again.
        self.scheduleDelayedItemsLayout()
