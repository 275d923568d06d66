"""Retries through the client: which calls are repeated, how often, how long apart."""

from __future__ import annotations

import logging

import httpx
import pytest
from fake_service import FakeService

from telstra_messaging import (
    APIConnectionError,
    APITimeoutError,
    AsyncTelstraMessaging,
    InternalServerError,
    QuotaExceededError,
    RateLimitError,
    ServiceUnavailableError,
    TelstraMessaging,
)


def _error(status: int, code: str | None = None, **headers: str) -> httpx.Response:
    body = {"status": status, "message": "failed"}
    if code:
        body["code"] = code
    return httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(
    "first",
    [
        _error(429),
        _error(403, "SpikeArrest"),
        _error(503),
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("connect timed out"),
    ],
    ids=["429", "spike-arrest", "503", "connect-error", "connect-timeout"],
)
def test_send_retried_when_not_accepted(
    client: TelstraMessaging, service: FakeService, first: object
) -> None:
    """A send is repeated when the service cannot have accepted it."""
    service.queue("/messages/sms", first)
    sent = client.send_sms("0400000000", "hi")
    assert sent.message_id
    assert service.count("POST", "/messages/sms") == 2


@pytest.mark.parametrize(
    ("first", "error"),
    [
        (_error(500), InternalServerError),
        (_error(502), InternalServerError),
        (_error(504), InternalServerError),
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
        (httpx.RemoteProtocolError("peer closed"), APIConnectionError),
        (httpx.ReadError("reset"), APIConnectionError),
        (httpx.WriteTimeout("write timed out"), APITimeoutError),
    ],
    ids=["500", "502", "504", "read-timeout", "dropped", "read-error", "write-timeout"],
)
def test_send_not_retried_when_maybe_accepted(
    client: TelstraMessaging, service: FakeService, first: object, error: type
) -> None:
    """A send that the service may have accepted is never repeated."""
    service.queue("/messages/sms", first)
    with pytest.raises(error):
        client.send_sms("0400000000", "hi")
    assert service.count("POST", "/messages/sms") == 1


def test_send_quota_not_retried(client: TelstraMessaging, service: FakeService) -> None:
    """403 MSG_Monetization_ERR raises QuotaExceededError at once."""
    service.queue("/messages/sms", _error(403, "MSG_Monetization_ERR"))
    with pytest.raises(QuotaExceededError):
        client.send_sms("0400000000", "hi")
    assert service.count("POST", "/messages/sms") == 1


@pytest.mark.parametrize(
    "first",
    [
        _error(500),
        _error(502),
        _error(429),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("peer closed"),
    ],
    ids=["500", "502", "429", "read-timeout", "dropped"],
)
def test_read_retried(
    client: TelstraMessaging, service: FakeService, first: object
) -> None:
    """Status reads are repeated after 5xx, 429 and any transport error."""
    service.queue("/status", first)
    status = client.get_sms_status("abc")
    assert status.raw_status == "DELIVRD"
    assert service.count("GET", "/status") == 2


def test_retries_stop_at_max(
    client: TelstraMessaging, service: FakeService, sleeps: list[float]
) -> None:
    """With the default max_retries=2 a call makes three attempts, then raises."""
    service.queue("/status", _error(503), _error(503), _error(503), _error(503))
    with pytest.raises(ServiceUnavailableError):
        client.get_sms_status("abc")
    assert service.count("GET", "/status") == 3
    assert len(sleeps) == 2


def test_retries_back_off_exponentially(
    client: TelstraMessaging, service: FakeService, sleeps: list[float]
) -> None:
    """Each retry waits about twice as long as the one before, within jitter."""
    service.queue("/status", _error(503), _error(503))
    client.get_sms_status("abc")
    assert 0.5 * 0.75 <= sleeps[0] <= 0.5
    assert 1.0 * 0.75 <= sleeps[1] <= 1.0


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [("3", 3.0), ("0", 0.0), ("7200", 60.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retries_honour_retry_after(
    client: TelstraMessaging,
    service: FakeService,
    sleeps: list[float],
    retry_after: str,
    expected: float,
) -> None:
    """Retry-After in seconds or as a past HTTP date sets the delay, capped at 60 s."""
    service.queue("/messages/sms", _error(429, **{"Retry-After": retry_after}))
    client.send_sms("0400000000", "hi")
    assert sleeps == [expected]


def test_retries_off_with_zero(service: FakeService) -> None:
    """max_retries=0 makes one attempt only."""
    service.queue("/status", _error(503), _error(503))
    transport = httpx.MockTransport(service.handler)
    client = TelstraMessaging("id", "secret", transport=transport, max_retries=0)
    with client, pytest.raises(ServiceUnavailableError):
        client.get_sms_status("abc")
    assert service.count("GET", "/status") == 1


def test_retries_raise_rate_limit_after_max(
    client: TelstraMessaging, service: FakeService
) -> None:
    """Rate limiting that outlasts the retries raises RateLimitError."""
    spike = _error(403, "SpikeArrest")
    service.queue("/messages/sms", spike, spike, spike)
    with pytest.raises(RateLimitError) as caught:
        client.send_sms("0400000000", "hi")
    assert caught.value.code == "SpikeArrest"
    assert service.count("POST", "/messages/sms") == 3


def test_retries_logged_at_debug(
    client: TelstraMessaging, service: FakeService, caplog: pytest.LogCaptureFixture
) -> None:
    """Each retry logs one DEBUG line with the path template, delay and reason."""
    caplog.set_level(logging.DEBUG, logger="telstra_messaging")
    service.queue("/status", _error(503), httpx.ConnectError("refused"))
    client.get_sms_status("id-with-secret-ish-value")
    retries = [r for r in caplog.records if r.getMessage().startswith("Retrying")]
    assert len(retries) == 2
    assert all(r.levelno == logging.DEBUG for r in retries)
    assert "/messages/sms/{messageId}/status" in retries[0].getMessage()
    assert "HTTP 503" in retries[0].getMessage()
    assert "ConnectError" in retries[1].getMessage()
    assert all("id-with-secret-ish-value" not in r.getMessage() for r in caplog.records)


async def test_async_send_not_retried_after_read_timeout(
    async_client: AsyncTelstraMessaging, service: FakeService
) -> None:
    """The async client also never repeats a send after a read timeout."""
    service.queue("/messages/sms", httpx.ReadTimeout("read timed out"))
    with pytest.raises(APITimeoutError):
        await async_client.send_sms("0400000000", "hi")
    assert service.count("POST", "/messages/sms") == 1


async def test_async_send_retried_after_503(
    async_client: AsyncTelstraMessaging, service: FakeService, sleeps: list[float]
) -> None:
    """The async client repeats a send after 503, sleeping once."""
    service.queue("/messages/sms", _error(503))
    await async_client.send_sms("0400000000", "hi")
    assert service.count("POST", "/messages/sms") == 2
    assert len(sleeps) == 1
