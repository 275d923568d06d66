"""The package's public names, logging set-up and wait helper."""

from __future__ import annotations

import logging
import subprocess
import sys

import httpx
import pytest
from fake_service import FakeService

import telstra_messaging
from telstra_messaging import (
    AsyncTelstraMessaging,
    DeliveryStatus,
    DeliveryTimeoutError,
    TelstraMessaging,
)


def test_all_sorted_and_importable() -> None:
    """__all__ is sorted, and each name in it exists."""
    names = telstra_messaging.__all__
    assert names == sorted(names, key=lambda name: (not name.isupper(), name))
    for name in names:
        assert hasattr(telstra_messaging, name), name


def test_all_lists_every_public_name() -> None:
    """Every public attribute of the package is listed in __all__."""
    public = {
        name
        for name, value in vars(telstra_messaging).items()
        if not name.startswith("_") and not isinstance(value, type(sys))
    }
    public.discard("annotations")
    assert public == set(telstra_messaging.__all__)


def test_logger_has_null_handler() -> None:
    """The SDK's logger has a NullHandler, so it prints nothing by default."""
    handlers = logging.getLogger("telstra_messaging").handlers
    assert any(isinstance(handler, logging.NullHandler) for handler in handlers)


def _debug_output(environment: dict[str, str]) -> str:
    # One response body serves both calls: the token reader and the status reader each
    # take their own keys from it.
    script = (
        "import httpx, telstra_messaging as t\n"
        "body = {'access_token': 'x', 'deliveryStatus': 'PEND'}\n"
        "h = lambda r: httpx.Response(200, json=body)\n"
        "c = t.TelstraMessaging('i', 's', transport=httpx.MockTransport(h))\n"
        "c.get_sms_status('abc')\n"
    )
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=True,
    )
    return result.stderr


def test_telstra_log_debug_prints() -> None:
    """TELSTRA_LOG=debug prints request lines to stderr."""
    output = _debug_output({"TELSTRA_LOG": "debug", "PATH": "/usr/bin:/bin"})
    assert "POST /token -> 200 (attempt 1)" in output
    assert "GET /messages/sms/{messageId}/status -> 200 (attempt 1)" in output


def test_telstra_log_unset_silent() -> None:
    """Without TELSTRA_LOG nothing is printed."""
    assert _debug_output({"PATH": "/usr/bin:/bin"}) == ""


def test_wait_times_out(client: TelstraMessaging, service: FakeService) -> None:
    """wait_for_delivery raises DeliveryTimeoutError carrying the last status."""
    pending = {"to": "+61400000000", "deliveryStatus": "PEND"}
    service.queue("/status", *[httpx.Response(200, json=pending)] * 50)
    now = [0.0]

    def advance(delay: float) -> None:
        now[0] += delay

    client._sleep = advance
    client._monotonic = lambda: now[0]
    with pytest.raises(DeliveryTimeoutError) as caught:
        client.wait_for_delivery("abc", timeout=5, poll_interval=1)
    assert caught.value.last_status is not None
    assert caught.value.last_status.delivery_status is DeliveryStatus.PENDING
    assert now[0] == pytest.approx(5.0)


def test_wait_returns_final(client: TelstraMessaging, service: FakeService) -> None:
    """wait_for_delivery polls through PEND and SENT until a final status."""
    bodies = [{"deliveryStatus": code} for code in ("PEND", "SENT", "UNDVBL")]
    service.queue("/status", *[httpx.Response(200, json=body) for body in bodies])
    now = [0.0]

    def advance(delay: float) -> None:
        now[0] += delay

    client._sleep = advance
    client._monotonic = lambda: now[0]
    status = client.wait_for_delivery("abc", poll_interval=0.5)
    assert status.delivery_status is DeliveryStatus.UNDELIVERABLE
    assert service.count("GET", "/status") == 3


def test_telstra_log_unknown_warns() -> None:
    """An unknown TELSTRA_LOG value warns that logging stays off."""
    output = _debug_output({"TELSTRA_LOG": "verbose", "PATH": "/usr/bin:/bin"})
    assert "TELSTRA_LOG='verbose' is not one of debug, info, warning" in output


async def test_async_wait_returns_final(
    async_client: AsyncTelstraMessaging, service: FakeService
) -> None:
    """The async wait_for_delivery stops polling at the first final status."""
    bodies = [{"deliveryStatus": code} for code in ("PEND", "SENT", "UNDVBL")]
    service.queue("/status", *[httpx.Response(200, json=body) for body in bodies])
    now = [0.0]

    async def advance(delay: float) -> None:
        now[0] += delay

    async_client._sleep = advance
    async_client._monotonic = lambda: now[0]
    status = await async_client.wait_for_delivery("abc", poll_interval=0.5)
    assert status.delivery_status is DeliveryStatus.UNDELIVERABLE
    assert service.count("GET", "/status") == 3
    assert now[0] == pytest.approx(0.5 + 0.75)


async def test_async_replies_polled_while_more(
    async_client: AsyncTelstraMessaging, service: FakeService
) -> None:
    """The async iter_sms_replies polls again while moreMessages is above 0."""
    first = {"from": "+61400000001", "body": "one", "moreMessages": 1}
    second = {"from": "+61400000001", "body": "two", "moreMessages": 0}
    service.queue(
        "/messages/sms",
        httpx.Response(200, json=[first]),
        httpx.Response(200, json=[second]),
    )
    replies = [reply async for reply in async_client.iter_sms_replies()]
    assert [reply.body for reply in replies] == ["one", "two"]
    assert service.count("GET", "/messages/sms") == 2
