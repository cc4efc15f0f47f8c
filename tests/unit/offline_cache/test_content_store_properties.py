"""Any sequence of feed changes, cut into pages anyhow, ends in the state the rules describe."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from offline_cache.content_store import ContentStore
from offline_cache.db import database_proxy, open_database
from offline_cache.models import LawArticle
from offline_cache.schema import ensure_schema
from tests.content_factory import delete_change, law_change

change_steps = st.lists(
    st.tuples(
        st.sampled_from(["law-a", "law-b", "law-c"]),
        st.sampled_from(["upsert", "upsert", "delete"]),
        st.integers(min_value=1, max_value=6),
        st.integers(min_value=0, max_value=4),
    ),
    max_size=25,
)


def expected_state(steps: list[tuple[str, str, int, int]]) -> dict[str, tuple[int, int]]:
    """The contract's rules, written out plainly: id -> (version, article count)."""
    state: dict[str, tuple[int, int]] = {}
    for item_id, op, version, articles in steps:
        if op == "delete":
            state.pop(item_id, None)
        elif item_id not in state or version >= state[item_id][0]:
            state[item_id] = (version, articles)
    return state


@settings(max_examples=60, deadline=None)
@given(steps=change_steps, cuts=st.lists(st.integers(min_value=1, max_value=6), max_size=10))
def test_any_paging_gives_the_same_result(
    steps: list[tuple[str, str, int, int]], cuts: list[int]
) -> None:
    database = open_database(":memory:")
    try:
        ensure_schema(database)
        store = ContentStore(database)
        changes: list[dict[str, Any]] = [
            delete_change("law", item_id, version)
            if op == "delete"
            else law_change(item_id, version=version, articles=articles)
            for item_id, op, version, articles in steps
        ]
        position, page_no = 0, 0
        sizes = iter(cuts)
        while position < len(changes):
            size = next(sizes, len(changes))
            store.apply_page(changes[position : position + size], f"c{page_no}")
            position += size
            page_no += 1
        found = {
            law_id: (law.version, len(law.articles))
            for law_id in ("law-a", "law-b", "law-c")
            if (law := store.get_law(law_id)) is not None
        }
        assert found == expected_state(steps)
        assert LawArticle.select().count() == sum(count for _, count in found.values())
    finally:
        database.close()
        database_proxy.initialize(None)
