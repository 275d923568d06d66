"""Retry policy: Retry-After parsing, backoff, and which failures are retried."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from telstra_messaging._retry import (
    RetryPolicy,
    is_retryable_error,
    is_retryable_status,
    parse_retry_after,
)

NOW = datetime(2024, 1, 1, 0, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("1.5", 1.5),
        (" 7 ", 7.0),
        ("-2", 0.0),
        ("Mon, 01 Jan 2024 00:00:10 GMT", 10.0),
        ("Mon, 01 Jan 2024 00:02:00 GMT", 120.0),
        ("Sun, 31 Dec 2023 23:59:00 GMT", 0.0),
        ("Sun, 31 Dec 2000 00:00:00 GMT", 0.0),
    ],
)
def test_parse_retry_after(value: str, expected: float) -> None:
    """Seconds and HTTP dates give the wait in seconds, never below zero."""
    assert parse_retry_after(value, now=NOW) == expected


@pytest.mark.parametrize("value", ["garbage", "3 seconds", "soon", "", "   ", None])
def test_parse_retry_after_unreadable(value: str | None) -> None:
    """An unreadable, empty or missing header gives None."""
    assert parse_retry_after(value, now=NOW) is None


def test_parse_retry_after_naive_date() -> None:
    """A date without a zone is read as UTC."""
    assert parse_retry_after("Mon, 01 Jan 2024 00:00:05 -0000", now=NOW) == 5.0


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        ("3", 3.0),
        ("60", 60.0),
        ("3600", 60.0),
        ("inf", 60.0),
        ("Mon, 01 Jan 2024 02:00:00 GMT", 60.0),
    ],
)
def test_delay_caps_retry_after(retry_after: str, expected: float) -> None:
    """Retry-After wins over backoff, capped at max_retry_after."""
    policy = RetryPolicy()
    delay = policy.delay(1, retry_after=retry_after, now=NOW, rng=lambda: 0.0)
    assert delay == expected


def test_delay_custom_cap() -> None:
    """max_retry_after sets the cap."""
    policy = RetryPolicy(max_retry_after=5.0)
    assert policy.delay(1, retry_after="30", now=NOW, rng=lambda: 0.0) == 5.0


@pytest.mark.parametrize("retry_after", [None, "garbage", ""])
def test_delay_falls_back_to_backoff(retry_after: str | None) -> None:
    """Without a readable Retry-After the delay is the backoff."""
    policy = RetryPolicy()
    assert policy.delay(2, retry_after=retry_after, now=NOW, rng=lambda: 0.0) == 1.0


@pytest.mark.parametrize(
    ("retry_number", "expected"),
    [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 8.0), (6, 8.0), (20, 8.0)],
)
def test_backoff_doubles_and_caps(retry_number: int, expected: float) -> None:
    """Backoff doubles from initial_delay and stops at max_delay."""
    policy = RetryPolicy()
    assert policy.backoff(retry_number, rng=lambda: 0.0) == expected


@pytest.mark.parametrize(
    ("retry_number", "expected"),
    [(1, 0.375), (2, 0.75), (5, 6.0), (9, 6.0)],
)
def test_backoff_full_jitter(retry_number: int, expected: float) -> None:
    """rng 1.0 takes off the whole jitter share, leaving (1 - jitter) of the delay."""
    policy = RetryPolicy()
    assert policy.backoff(retry_number, rng=lambda: 1.0) == expected


def test_backoff_half_jitter() -> None:
    """rng 0.5 takes off half the jitter share."""
    policy = RetryPolicy(initial_delay=4.0, jitter=0.5)
    assert policy.backoff(1, rng=lambda: 0.5) == 3.0


def test_backoff_custom_settings() -> None:
    """initial_delay and max_delay set the curve."""
    policy = RetryPolicy(initial_delay=1.0, max_delay=3.0)
    delays = [policy.backoff(n, rng=lambda: 0.0) for n in (1, 2, 3)]
    assert delays == [1.0, 2.0, 3.0]


def test_policy_rejects_negative() -> None:
    """max_retries below zero is rejected."""
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)


def test_policy_default_retries() -> None:
    """The default policy retries twice."""
    assert RetryPolicy().max_retries == 2


REQUEST = httpx.Request("POST", "https://tapi.telstra.com/v2/messages/sms")

NOT_SENT_ERRORS = [
    httpx.ConnectError("refused", request=REQUEST),
    httpx.ConnectTimeout("timed out", request=REQUEST),
    httpx.PoolTimeout("timed out", request=REQUEST),
]
MAYBE_SENT_ERRORS = [
    httpx.ReadTimeout("timed out", request=REQUEST),
    httpx.WriteTimeout("timed out", request=REQUEST),
    httpx.RemoteProtocolError("dropped", request=REQUEST),
    httpx.ReadError("reset", request=REQUEST),
    httpx.WriteError("broken pipe", request=REQUEST),
]


@pytest.mark.parametrize("error", NOT_SENT_ERRORS, ids=lambda e: type(e).__name__)
def test_send_retries_unsent(error: httpx.TransportError) -> None:
    """A send is retried when the request cannot have gone out."""
    assert is_retryable_error(error, is_send=True) is True


@pytest.mark.parametrize("error", MAYBE_SENT_ERRORS, ids=lambda e: type(e).__name__)
def test_send_keeps_maybe_sent(error: httpx.TransportError) -> None:
    """A send is not retried when the message may already be on its way."""
    assert is_retryable_error(error, is_send=True) is False


@pytest.mark.parametrize(
    "error", NOT_SENT_ERRORS + MAYBE_SENT_ERRORS, ids=lambda e: type(e).__name__
)
def test_read_retries_any_error(error: httpx.TransportError) -> None:
    """A read is retried after any transport error."""
    assert is_retryable_error(error, is_send=False) is True


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (429, None, True),
        (403, "SpikeArrest", True),
        (503, None, True),
        (500, None, False),
        (502, None, False),
        (504, None, False),
        (403, None, False),
        (403, "MSG_Monetization_ERR", False),
        (400, None, False),
        (401, None, False),
        (404, "RESOURCE-NOT-FOUND", False),
    ],
)
def test_send_status(status: int, code: str | None, expected: bool) -> None:
    """A send retries 429, 403 SpikeArrest and 503 only."""
    assert is_retryable_status(status, code, is_send=True) is expected


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (429, None, True),
        (403, "SpikeArrest", True),
        (500, None, True),
        (502, None, True),
        (503, None, True),
        (504, None, True),
        (599, None, True),
        (403, None, False),
        (403, "MSG_Monetization_ERR", False),
        (400, None, False),
        (401, None, False),
        (404, None, False),
        (422, None, False),
    ],
)
def test_read_status(status: int, code: str | None, expected: bool) -> None:
    """A read retries 429, 403 SpikeArrest and every 5xx."""
    assert is_retryable_status(status, code, is_send=False) is expected
