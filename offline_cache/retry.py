"""Retry timing: exponential backoff with full jitter, never sooner than ``Retry-After``.

Full jitter (a random wait between 0 and the exponential ceiling) spreads a
fleet of kiosks that lost the platform at the same moment, so they do not all
come back at once. The random source, the clock and the sleep are injectable.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

MAX_RETRY_AFTER_S = 24 * 3600.0


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER_S)
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, min(moment.timestamp() - current, MAX_RETRY_AFTER_S))


@dataclass
class Backoff:
    """``delay(attempt)``: attempt 1 waits up to ``base``, then doubling up to ``cap``."""

    base: float = 1.0
    cap: float = 300.0
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, attempt: int) -> float:
        exponent = max(0, min(attempt - 1, 30))
        return float(min(self.cap, self.base * (2**exponent)))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        wait = self.rng.uniform(0.0, self.ceiling(attempt))
        if retry_after is not None:
            wait = max(wait, retry_after)
        return wait


def call_with_retries(
    operation: Callable[[], T],
    *,
    is_retryable: Callable[[Exception], bool],
    retry_after_of: Callable[[Exception], float | None] = lambda error: None,
    attempts: int = 3,
    backoff: Backoff | None = None,
    sleep: Callable[[float], None] = time.sleep,
    max_wait_s: float = 60.0,
    on_retry: Callable[[Exception, float], None] | None = None,
) -> T:
    """Run ``operation``; retry retryable errors up to ``attempts`` times in all.

    A wait longer than ``max_wait_s`` (a long ``Retry-After``) is not slept
    through: the error is raised so the caller can schedule the next try.
    """
    backoff = backoff or Backoff()
    attempt = 0
    while True:
        attempt += 1
        try:
            return operation()
        except Exception as error:
            if attempt >= attempts or not is_retryable(error):
                raise
            wait = backoff.delay(attempt, retry_after_of(error))
            if wait > max_wait_s:
                raise
            if on_retry is not None:
                on_retry(error, wait)
            sleep(wait)
