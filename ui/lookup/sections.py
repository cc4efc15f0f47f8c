"""Blocks of a detail page: labelled fields, penalty records, numbered steps, a photo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.lookup.base import panel
from ui.theme import palette_for
from ui.widgets import make_label

translate = QCoreApplication.translate


class FieldGrid(QWidget):
    """Label: value rows; a row whose value is empty is hidden, never shown as blank."""

    def __init__(self, prefix: str, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}.fields")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(keys):
            label = make_label(role="muted", object_name=f"{prefix}.{key}_label")
            label.setWordWrap(False)
            value = make_label(role="body", object_name=f"{prefix}.{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.labels[key], self.values[key] = label, value
        grid.setColumnStretch(1, 1)

    def set_label(self, key: str, text: str) -> None:
        self.labels[key].setText(text)

    def set_value(self, key: str, text: str) -> None:
        self.values[key].setText(text)
        self.labels[key].setVisible(bool(text))
        self.values[key].setVisible(bool(text))

    def lines(self) -> list[str]:
        """ "Label value" of each shown row, in order (for read-aloud)."""
        return [
            f"{self.labels[k].text()} {self.values[k].text()}"
            for k in self.values
            if self.values[k].text()
        ]


class PenaltyList(QWidget):
    """Every penalty in plain view (date, authority, kind, reason), or "none on record"."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setObjectName(f"{prefix}.penalties")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.heading = make_label(role="subheading", object_name=f"{prefix}.penalties_heading")
        self._layout.addWidget(self.heading)
        self._items: list[QWidget] = []
        self._texts: list[str] = []

    def set_penalties(self, penalties: Sequence[object]) -> None:
        for item in self._items:
            self._layout.removeWidget(item)
            item.hide()  # gone from the screen now, deleted later
            item.deleteLater()
        self._items, self._texts = [], []
        if not penalties:
            none = make_label(role="body", object_name=f"{self.prefix}.penalties_none")
            none.setText(translate("PenaltyList", "无处罚和惩戒记录。"))
            self._layout.addWidget(none)
            self._items.append(none)
            self._texts.append(none.text())
            return
        for number, penalty in enumerate(penalties, start=1):
            frame, layout = panel()
            frame.setObjectName(f"{self.prefix}.penalty_{number}")
            kind = str(getattr(penalty, "kind", ""))
            date = str(getattr(penalty, "date", ""))
            authority = str(getattr(penalty, "authority", ""))
            reason = str(getattr(penalty, "reason", ""))
            title = make_label(
                role="subheading", object_name=f"{self.prefix}.penalty_{number}_kind"
            )
            title.setText(f"{kind}　{date}")
            layout.addWidget(title)
            lines = []
            if authority:
                lines.append(translate("PenaltyList", "作出机关：%1").replace("%1", authority))
            lines.append(translate("PenaltyList", "事由：%1").replace("%1", reason))
            body = make_label(role="body", object_name=f"{self.prefix}.penalty_{number}_detail")
            body.setTextFormat(Qt.TextFormat.PlainText)
            body.setText("\n".join(lines))
            layout.addWidget(body)
            self._layout.addWidget(frame)
            self._items.append(frame)
            self._texts.append(f"{date} {authority} {kind}。{reason}")

    def count(self) -> int:
        return len([t for t in self._items if t.objectName().startswith(f"{self.prefix}.penalty_")])

    def spoken(self) -> list[str]:
        return [self.heading.text(), *self._texts]


def placeholder_photo(size: int, high_contrast: bool) -> QPixmap:
    """A neutral head-and-shoulders outline for a practitioner without a photo."""
    colours = palette_for(high_contrast)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colours.surface))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colours.border))
    head = size * 0.36
    painter.drawEllipse(QRectF((size - head) / 2, size * 0.14, head, head))
    body = QPainterPath()
    body.addRoundedRect(
        QRectF(size * 0.18, size * 0.58, size * 0.64, size * 0.5), size * 0.2, size * 0.2
    )
    painter.drawPath(body)
    painter.end()
    return pixmap
