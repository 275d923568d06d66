"""Constructor options: credentials, URLs, transports, timeouts, closing, parity."""

from __future__ import annotations

import inspect

import httpx
import pytest
from fake_service import FakeService

from telstra_messaging import (
    AsyncTelstraMessaging,
    InvalidInputError,
    TelstraMessaging,
)


def test_options_missing_client_id_named() -> None:
    """A missing client id names the argument and the environment variable."""
    with pytest.raises(InvalidInputError) as caught:
        TelstraMessaging(client_secret="secret")
    assert "client_id" in str(caught.value)
    assert "TELSTRA_CLIENT_ID" in str(caught.value)


def test_options_missing_client_secret_named() -> None:
    """A missing client secret names the argument and the environment variable."""
    with pytest.raises(InvalidInputError) as caught:
        AsyncTelstraMessaging(client_id="id")
    assert "client_secret" in str(caught.value)
    assert "TELSTRA_CLIENT_SECRET" in str(caught.value)


def test_options_environment_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials and URLs fall back to the TELSTRA_ variables."""
    service = FakeService()
    monkeypatch.setenv("TELSTRA_CLIENT_ID", "env-id")
    monkeypatch.setenv("TELSTRA_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("TELSTRA_BASE_URL", "http://127.0.0.1:9/api")
    monkeypatch.setenv("TELSTRA_AUTH_URL", "http://127.0.0.1:9/auth")
    with TelstraMessaging(transport=httpx.MockTransport(service.handler)) as client:
        client.get_sms_status("abc")
    token_request, status_request = service.requests
    assert str(token_request.url) == "http://127.0.0.1:9/auth/token"
    assert b"client_id=env-id" in token_request.content
    assert str(status_request.url) == "http://127.0.0.1:9/api/messages/sms/abc/status"


def test_options_plain_http_rejected() -> None:
    """Plain http to a host that is not loopback is rejected."""
    with pytest.raises(InvalidInputError) as caught:
        TelstraMessaging("id", "secret", base_url="http://tapi.example.com/v2")
    assert "https" in str(caught.value)


def test_options_transport_and_client_exclusive() -> None:
    """Passing both http_client and transport is rejected."""
    transport = httpx.MockTransport(FakeService().handler)
    with httpx.Client() as http, pytest.raises(InvalidInputError):
        TelstraMessaging("id", "secret", http_client=http, transport=transport)


def test_options_owned_client_closed() -> None:
    """Leaving the context closes the HTTP client the SDK opened."""
    with TelstraMessaging("id", "secret") as client:
        http = client._http
    assert http.is_closed


def test_options_given_client_left_open() -> None:
    """An http_client passed in stays open for its owner to close."""
    service = FakeService()
    http = httpx.Client(transport=httpx.MockTransport(service.handler))
    with TelstraMessaging("id", "secret", http_client=http) as client:
        client.get_sms_status("abc")
    assert not http.is_closed
    http.close()


async def test_options_async_owned_client_closed() -> None:
    """Leaving the async context closes the HTTP client the SDK opened."""
    async with AsyncTelstraMessaging("id", "secret") as client:
        http = client._http
    assert http.is_closed


def test_options_default_timeout(
    client: TelstraMessaging, service: FakeService
) -> None:
    """The default timeouts are 5 s to connect and 30 s to read."""
    client.get_sms_status("abc")
    timeout = service.requests[-1].extensions["timeout"]
    assert timeout["connect"] == 5.0
    assert timeout["read"] == 30.0


def test_options_client_timeout(service: FakeService) -> None:
    """A client-wide timeout reaches every request."""
    transport = httpx.MockTransport(service.handler)
    with TelstraMessaging("id", "secret", transport=transport, timeout=2.5) as client:
        client.get_sms_status("abc")
    assert service.requests[-1].extensions["timeout"]["read"] == 2.5


def test_options_call_timeout(client: TelstraMessaging, service: FakeService) -> None:
    """A per-call timeout overrides the client's for that call only."""
    client.get_sms_status("abc", timeout=httpx.Timeout(1.0, connect=0.5))
    client.get_sms_status("abc")
    assert service.requests[-2].extensions["timeout"]["connect"] == 0.5
    assert service.requests[-1].extensions["timeout"]["connect"] == 5.0


@pytest.mark.parametrize("timeout", [0, -1, "5", True])
def test_options_bad_timeout_rejected(timeout: object) -> None:
    """A timeout that is not a positive number or httpx.Timeout is rejected."""
    with pytest.raises(InvalidInputError):
        TelstraMessaging("id", "secret", timeout=timeout)  # type: ignore[arg-type]


def test_options_message_id_percent_encoded(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A message id with '/' is percent-encoded completely in the path."""
    client.get_mms_status("/cccb284200035236000000000d52b6ac/1261400000000")
    raw_path = service.requests[-1].url.raw_path
    expected = b"/v2/messages/mms/%2Fcccb284200035236000000000d52b6ac%2F1261400000000"
    assert raw_path == expected + b"/status"


def test_options_invalid_input_sends_nothing(
    client: TelstraMessaging, service: FakeService
) -> None:
    """Input rejected before sending makes no request at all, not even a token one."""
    with pytest.raises(InvalidInputError):
        client.send_sms("12345", "hi")
    assert service.requests == []


PUBLIC_METHODS = [
    "send_sms",
    "send_mms",
    "get_sms_status",
    "get_mms_status",
    "retrieve_sms_replies",
    "iter_sms_replies",
    "wait_for_delivery",
    "close",
]


@pytest.mark.parametrize("name", PUBLIC_METHODS)
def test_parity_same_signature(name: str) -> None:
    """Both clients expose each method with the same parameters."""
    sync_parameters = inspect.signature(getattr(TelstraMessaging, name)).parameters
    async_parameters = inspect.signature(
        getattr(AsyncTelstraMessaging, name)
    ).parameters
    assert list(sync_parameters) == list(async_parameters)


def test_parity_same_public_names() -> None:
    """Both clients have the same public attribute names."""

    def public(cls: type) -> set[str]:
        return {name for name in vars(cls) if not name.startswith("_")}

    assert public(TelstraMessaging) == public(AsyncTelstraMessaging)


async def test_parity_same_results(
    client: TelstraMessaging, async_client: AsyncTelstraMessaging
) -> None:
    """Both clients return equal results for the same responses."""
    assert client.send_sms("0400000000", "hi") == await async_client.send_sms(
        "0400000000", "hi"
    )
    assert client.get_sms_status("abc") == await async_client.get_sms_status("abc")
    assert client.retrieve_sms_replies() == await async_client.retrieve_sms_replies()
