"""Cursor encoding of the change feed: opaque both ways, garbage is an expired cursor."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devserver.feed import Cursor, CursorExpired


def test_cursors_round_trip_and_stay_short() -> None:
    for cursor in (Cursor(True, "ab12cd34", 0, 900, 17), Cursor(False, "ab12cd34", 3, 0, 2**40)):
        text = cursor.encode()
        assert Cursor.decode(text) == cursor
        assert len(text) <= 200 and "=" not in text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "!!!",
        base64.urlsafe_b64encode(b"q.ab.1.2").decode(),
        base64.urlsafe_b64encode(b"i.ab.-1.2").decode(),
    ],
)
def test_garbage_cursors_are_expired(text: str) -> None:
    with pytest.raises(CursorExpired):
        Cursor.decode(text)


@given(st.text(max_size=200))
def test_any_text_decodes_to_a_valid_cursor_or_expires(text: str) -> None:
    try:
        cursor = Cursor.decode(text)
    except CursorExpired:
        return
    assert cursor.last >= 0
    assert Cursor.decode(cursor.encode()) == cursor
