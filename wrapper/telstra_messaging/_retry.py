"""Retry policy as small pure functions: which failures to retry, and how long to wait.

A send (SMS or MMS) is retried only when the service cannot have accepted the
message: the connection failed before the request went out, or the service
responded 429, 403 SpikeArrest or 503. After a read timeout, a connection dropped
mid-response or a 500, the message may already be on its way, so the error goes
to the caller instead. Reads (status, replies, tokens) are safe to repeat and are
retried on any transport error, 429, SpikeArrest and 5xx. A 401 is not a retry: the
client replays any call once with a new token, since an unauthenticated request was
not accepted.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import attrs
import httpx

from ._errors import SPIKE_ARREST_CODE

__all__ = ["RetryPolicy"]

# Transport errors raised before any byte of the request reached the service.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@attrs.frozen
class RetryPolicy:
    """How many times to retry, and the backoff between attempts.

    Delays are in seconds. The n-th retry waits `initial_delay * 2**(n-1)`, capped
    at `max_delay`, less a random share of up to `jitter` of it, so that many
    clients retrying at once spread out. A `Retry-After` header wins, capped at
    `max_retry_after`.
    """

    max_retries: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float = 0.25

    def backoff(self, retry_number: int, *, rng: Callable[[], float]) -> float:
        """Delay before retry number `retry_number` (1 for the first retry)."""
        base = min(self.max_delay, self.initial_delay * 2.0 ** (retry_number - 1))
        return base * (1 - self.jitter * rng())

    def delay(
        self,
        retry_number: int,
        *,
        retry_after: str | None,
        now: datetime | None = None,
        rng: Callable[[], float] = random.random,
    ) -> float:
        """Delay before a retry: `Retry-After` if present and readable, else backoff."""
        waited = parse_retry_after(retry_after, now=now)
        if waited is not None:
            return min(waited, self.max_retry_after)
        return self.backoff(retry_number, rng=rng)


def parse_retry_after(
    value: str | None, *, now: datetime | None = None
) -> float | None:
    """Read a `Retry-After` header: seconds, or an HTTP date. None if unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_retryable_error(error: httpx.RequestError, *, is_send: bool) -> bool:
    """Return whether a transport error may be retried."""
    if is_send:
        return isinstance(error, _NOT_SENT_ERRORS)
    return True


def is_retryable_status(status: int, code: str | None, *, is_send: bool) -> bool:
    """Return whether a status (and the service's error code) may be retried."""
    if status == 429 or (status == 403 and code == SPIKE_ARREST_CODE):
        return True
    if is_send:
        return status == 503
    return 500 <= status <= 599
