"""What the submission service hands to screens: receipts and lookup results.

Plain values with no personal data and no I/O, in a module of their own so that
screens can name them without loading the service (and its HTTP client).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.submissions.rules import Problem


@dataclass(frozen=True)
class Receipt:
    """What the citizen takes away. No personal data: safe to show, speak and log."""

    client_ref: str
    client_id: str
    kind: str
    created_at: datetime
    promised_by: datetime | None
    promised_hours: int | None
    handling_days: int | None
    online: bool


@dataclass(frozen=True)
class LocalSubmission:
    """What the kiosk itself still holds about a submission."""

    client_ref: str
    kind: str
    created_at: datetime
    state: str  # "queued", "delivered", "failed"
    tracking_no: str | None


@dataclass
class LookupResult:
    """Answer of a "my submissions" lookup.

    ``online`` False means the platform could not be asked: ``local`` is then
    all there is. ``remote`` holds the platform's SubmissionStatus objects.
    """

    online: bool
    remote: list[dict[str, Any]] = field(default_factory=list)
    local: list[LocalSubmission] = field(default_factory=list)
    problem: str | None = None  # "not_found", "auth", "invalid"


class SubmissionRejected(Exception):
    """The draft breaks a rule; ``problems`` says which field and why. Nothing was stored."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__(", ".join(f"{p.field}:{p.code}" for p in self.problems))
