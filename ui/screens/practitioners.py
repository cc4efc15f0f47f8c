"""Practitioners and institutions: search by name, pinyin, initials or licence; filters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content_views import INSTITUTION_ROLE_LABELS, PRACTITIONER_ROLE_LABELS
from ui.lookup.base import LookupScreen, scroll_area
from ui.lookup.cards import Card, CardListView
from ui.lookup.controls import ChoiceGroup, SearchBar
from ui.screen_registry import ScreenRegistry
from ui.screens.laws import empty_search_text
from ui.widgets import TouchButton, make_label

if TYPE_CHECKING:
    from kiosk.app import Services
    from kiosk.content_views import PersonRow

translate = QCoreApplication.translate

PAGE = 50


def person_card(row: PersonRow) -> Card:
    warning = ""
    if row.penalty_count:
        warning = translate("PractitionersScreen", "有 %1 条处罚或惩戒记录").replace(
            "%1", str(row.penalty_count)
        )
    alert = row.status not in ("practising", "active")
    return Card(row.name, row.detail, row.status_label, warning, payload=row, badge_alert=alert)


class PractitionersScreen(LookupScreen):
    screen_id = "practitioners"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._request = 0
        self.kind = "practitioner"
        self._filters_built = False
        self._built_large = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(32)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 20, 0)
        side_layout.setSpacing(12)
        self.kind_heading = make_label(role="subheading", object_name="practitioners.kind_heading")
        side_layout.addWidget(self.kind_heading)
        self.kind_choice = ChoiceGroup("practitioners.kind", columns=2)
        self.kind_choice.changed.connect(self._on_kind)
        side_layout.addWidget(self.kind_choice)
        self.role_heading = make_label(role="subheading", object_name="practitioners.role_heading")
        side_layout.addWidget(self.role_heading)
        self.roles = ChoiceGroup("practitioners.role", columns=2)
        self.roles.changed.connect(lambda _v: self.reload())
        side_layout.addWidget(self.roles)
        self.district_heading = make_label(
            role="subheading", object_name="practitioners.district_heading"
        )
        side_layout.addWidget(self.district_heading)
        self.districts = ChoiceGroup("practitioners.district", columns=2)
        self.districts.changed.connect(lambda _v: self.reload())
        side_layout.addWidget(self.districts)
        self.expertise_heading = make_label(
            role="subheading", object_name="practitioners.expertise_heading"
        )
        side_layout.addWidget(self.expertise_heading)
        self.expertise = ChoiceGroup("practitioners.expertise", columns=2)
        self.expertise.changed.connect(lambda _v: self.reload())
        side_layout.addWidget(self.expertise)
        side_layout.addStretch(1)
        self.filters_scroll = scroll_area(side, "practitioners.filters")
        self.filters_scroll.setFixedWidth(560)
        outer.addWidget(self.filters_scroll)
        main = QVBoxLayout()
        main.setSpacing(16)
        self.search = SearchBar("practitioners", topics=())
        self.search.query_changed.connect(lambda _q: self.reload())
        main.addWidget(self.search)
        summary_row = QHBoxLayout()
        self.summary = make_label(role="body", object_name="practitioners.summary")
        summary_row.addWidget(self.summary, 1)
        self.reset_button = TouchButton("practitioners.reset")
        self.reset_button.clicked.connect(self.reset_filters)
        summary_row.addWidget(self.reset_button)
        main.addLayout(summary_row)
        main.addWidget(self.notice)
        self.results = CardListView(
            "practitioners.results", lambda: services.session.high_contrast, uniform=True
        )
        self.results.card_activated.connect(self._open)
        main.addWidget(self.results, 1)
        outer.addLayout(main, 1)
        if self.content is not None and hasattr(self.content, "search_finished"):
            self.content.search_finished.connect(self._on_results)
        self.retranslate()

    def title(self) -> str:
        return translate("PractitionersScreen", "律师与机构")

    def retranslate(self) -> None:
        self.search.retranslate()
        self.search.set_placeholder(
            translate("PractitionersScreen", "按姓名、拼音、首字母或执业证号查找"),
            translate("PractitionersScreen", "输入姓名、拼音首字母（如 zw）或执业证号"),
        )
        self.kind_heading.setText(translate("PractitionersScreen", "查找"))
        self.kind_choice.set_choices(
            [
                ("practitioner", translate("PractitionersScreen", "法律服务人员")),
                ("institution", translate("PractitionersScreen", "法律服务机构")),
            ],
            None,
        )
        self.kind_choice.select(self.kind, notify=False)
        self.role_heading.setText(translate("PractitionersScreen", "类别"))
        self.district_heading.setText(translate("PractitionersScreen", "所在区域"))
        self.expertise_heading.setText(translate("PractitionersScreen", "专业领域"))
        all_label = translate("PractitionersScreen", "全部")
        for group in (self.roles, self.districts, self.expertise):
            group.set_all_label(all_label)
        self.reset_button.setText(translate("PractitionersScreen", "清除筛选"))
        self.results.setAccessibleName(translate("PractitionersScreen", "查找结果列表"))
        self._update_summary(self.results.cards.rowCount(), None)

    def _build_filters(self) -> None:
        # Two buttons a row fit normal text; large text needs the whole width for one.
        columns = 1 if self.services.session.large_text else 2
        for group in (self.roles, self.districts, self.expertise):
            group.columns = columns
        all_label = translate("PractitionersScreen", "全部")
        roles = PRACTITIONER_ROLE_LABELS if self.kind == "practitioner" else INSTITUTION_ROLE_LABELS
        self.roles.set_choices(list(roles.items()), all_label)
        self.districts.set_choices([(d, d) for d in self.content.districts(self.kind)], all_label)
        self.expertise.set_choices(
            [(e, e) for e in self.content.expertise_values(self.kind, 12)], all_label
        )
        self._filters_built = True
        # Lay the new buttons out now, not on a later pass that may come after a screenshot.
        side = self.filters_scroll.widget()
        if side is not None and side.layout() is not None:
            # Word-wrapped headings make the panel height-for-width; drop the cached height.
            for group in (self.roles, self.districts, self.expertise):
                group.layout().invalidate()
                group.updateGeometry()
            side.layout().invalidate()
            side.layout().activate()

    def refresh(self) -> None:
        if self.show_notice():
            self.results.cards.clear()
            self.summary.setText("")
            return
        kind = str(self._params.get("kind", "") or self.kind)
        large = self.services.session.large_text
        if kind in ("practitioner", "institution") and (
            kind != self.kind or not self._filters_built or large != self._built_large
        ):
            self._built_large = large
            self.kind = kind
            self.kind_choice.select(kind, notify=False)
            self._build_filters()
        self.reload()

    def _on_kind(self, kind: Any) -> None:
        if kind and kind != self.kind:
            self.kind = str(kind)
            if self.content_ready():
                self._build_filters()
            self.reload()

    def reset_filters(self) -> None:
        for group in (self.roles, self.districts, self.expertise):
            group.select(None, notify=False)
        self.search.field.setText("")
        self.reload()

    def _filters(self) -> tuple[str | None, str | None, str | None]:
        def text(value: object) -> str | None:
            return str(value) if value else None

        return text(self.roles.value()), text(self.districts.value()), text(self.expertise.value())

    def reload(self) -> None:
        """Show the list for the current query and filters."""
        if not self.content_ready():
            return
        role, district, expertise = self._filters()
        query = self.search.query()
        if query:
            self._request = self.content.request_people_search(
                self.kind, query, role, district, expertise, channel="practitioners"
            )
            self.summary.setText(translate("LookupScreen", "正在搜索……"))
            return
        self._request = 0
        content, kind = self.content, self.kind
        total_box = [0]

        def fetch(offset: int, limit: int) -> list[Card]:
            rows, total = content.people_page(kind, role, district, expertise, offset, limit)
            total_box[0] = total
            return [person_card(r) for r in rows]

        self.results.cards.set_source(fetch)
        self.results.scrollToTop()
        self._update_summary(total_box[0], None)

    def _on_results(self, request_id: int, rows: list[Any]) -> None:
        if request_id != self._request:
            return
        self.results.cards.set_cards([person_card(r) for r in rows])
        self._update_summary(len(rows), self.search.query())

    def _update_summary(self, total: int, query: str | None) -> None:
        self.results.setVisible(total > 0 or not self.content_ready())
        if query and total == 0:
            self.summary.setText(empty_search_text(query))
        elif total == 0 and self.content_ready():
            self.summary.setText(
                translate("PractitionersScreen", "没有符合条件的结果，请点「清除筛选」放宽条件。")
            )
        else:
            self.summary.setText(
                translate("PractitionersScreen", "共 %1 个结果，点击查看详情和奖惩记录").replace(
                    "%1", str(total)
                )
            )

    def _open(self, card: Card) -> None:
        row = card.payload
        self.navigate(row.type, id=row.id)

    def wipe(self) -> None:
        """The next citizen sees every practitioner again, with no filter and no search."""
        super().wipe()
        self._request = 0
        self._params = {}
        for group in (self.roles, self.districts, self.expertise):
            group.select(None, notify=False)
        self.kind = "practitioner"
        self.kind_choice.select(self.kind, notify=False)
        self._filters_built = False
        self.results.cards.clear()
        self.summary.setText("")

    def spoken_text(self) -> str:
        lines = [self.title(), self.summary.text()]
        lines += [
            f"{c.title} {c.badge} {c.warning}".strip() for c in self.results.cards.cards()[:5]
        ]
        return "\n".join(line for line in lines if line)


def register(registry: ScreenRegistry) -> None:
    registry.add(PractitionersScreen.screen_id, PractitionersScreen)
    registry.allow(PractitionersScreen.screen_id, "practitioner", "institution")
