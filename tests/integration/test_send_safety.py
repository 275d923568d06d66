"""A send is never repeated when the service may already have accepted it.

Each test injects a fault into the real sandbox and counts the messages it
stored and the send requests it received.
"""

from __future__ import annotations

import httpx
import pytest

from telstra_messaging import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    MmsContent,
    TelstraMessaging,
)
from telstra_messaging.sandbox import (
    AcceptThenDelay,
    AcceptThenDrop,
    AcceptThenFail,
    Fault,
    RespondWith,
    SandboxServer,
)

PNG = MmsContent.from_bytes(b"\x89PNG\r\n\x1a\n", filename="dot.png")


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (AcceptThenDrop(), APIConnectionError),
        (AcceptThenFail(500), InternalServerError),
        (AcceptThenFail(502), InternalServerError),
    ],
    ids=["dropped-mid-response", "500", "502"],
)
def test_sms_accepted_then_failed_sent_once(
    client: TelstraMessaging, sandbox: SandboxServer, fault: Fault, error: type
) -> None:
    """After the service accepted the SMS and the response failed, it is not resent."""
    sandbox.state.inject("send_sms", fault)
    with pytest.raises(error):
        client.send_sms("0491570006", "Once only")
    assert sandbox.state.accepted_count() == 1
    assert sandbox.state.request_count("send_sms") == 1


def test_sms_read_timeout_sent_once(sandbox: SandboxServer) -> None:
    """A read timeout after the SMS was accepted raises without a second send."""
    sandbox.state.inject("send_sms", AcceptThenDelay(seconds=2.0))
    with TelstraMessaging(
        sandbox.client_id,
        sandbox.client_secret,
        base_url=sandbox.base_url,
        auth_url=sandbox.auth_url,
    ) as client:
        client._sleep = lambda delay: None
        with pytest.raises(APITimeoutError):
            client.send_sms("0491570006", "Once only", timeout=httpx.Timeout(0.2))
    assert sandbox.state.accepted_count() == 1
    assert sandbox.state.request_count("send_sms") == 1


def test_mms_dropped_sent_once(
    client: TelstraMessaging, sandbox: SandboxServer
) -> None:
    """An MMS whose response was cut off is not sent again."""
    sandbox.state.inject("send_mms", AcceptThenDrop())
    with pytest.raises(APIConnectionError):
        client.send_mms("0491570006", PNG)
    assert sandbox.state.accepted_count() == 1
    assert sandbox.state.request_count("send_mms") == 1


@pytest.mark.parametrize(
    "fault",
    [
        RespondWith.service_unavailable(),
        RespondWith.too_many_requests(retry_after=1),
        RespondWith.spike_arrest(),
    ],
    ids=["503", "429", "spike-arrest"],
)
def test_sms_rejected_then_retried_once_stored(
    client: TelstraMessaging, sandbox: SandboxServer, fault: Fault
) -> None:
    """A send the service turned away is retried, and stored exactly once."""
    sandbox.state.inject("send_sms", fault)
    sent = client.send_sms("0491570006", "Second time lucky")
    assert sent.message_id
    assert sandbox.state.accepted_count() == 1
    assert sandbox.state.request_count("send_sms") == 2


def test_sms_connection_refused_retried(sandbox: SandboxServer) -> None:
    """A send refused at connect is retried (nothing was sent), then raises."""
    with TelstraMessaging(
        sandbox.client_id,
        sandbox.client_secret,
        base_url="http://127.0.0.1:9/v2",
        auth_url=sandbox.auth_url,
    ) as client:
        attempts: list[float] = []
        client._sleep = attempts.append
        with pytest.raises(APIConnectionError):
            client.send_sms("0491570006", "Nobody home")
    assert len(attempts) == 2


def test_status_read_retried_after_drop(
    client: TelstraMessaging, sandbox: SandboxServer
) -> None:
    """A status read cut off mid-response is simply read again."""
    sent = client.send_sms("0491570006", "Status please")
    sandbox.state.inject("get_sms_status", AcceptThenDrop())
    status = client.get_sms_status(sent.message_id)
    assert status.raw_status in ("PEND", "SENT", "DELIVRD")
    assert sandbox.state.request_count("get_sms_status") == 2
