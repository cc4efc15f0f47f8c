from __future__ import annotations

from kiosk.submissions.messages import problem_message
from kiosk.submissions.rules import Problem


def test_messages_fill_in_their_parameters() -> None:
    message = problem_message(
        Problem("content", "duplicate", {"client_ref": "HALL01-20261122-0007"})
    )
    assert "HALL01-20261122-0007" in message
    assert "50" in problem_message(Problem("subject", "too_long", {"maximum": 50}))


def test_unknown_codes_and_missing_parameters_still_give_a_message() -> None:
    assert problem_message(Problem("x", "no_such_code"))
    assert problem_message(Problem("subject", "too_long"))  # parameter missing
