"""Token fetch, reuse, refresh, replay on 401, and where the token may go."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fake_service import FakeService

from telstra_messaging import (
    AsyncTelstraMessaging,
    AuthenticationError,
    TelstraMessaging,
)

COLD_CALLS = 200


def test_token_one_request_many_calls(
    client: TelstraMessaging, service: FakeService
) -> None:
    """One token request serves every call while it is fresh."""
    for _ in range(5):
        client.get_sms_status("abc")
    client.send_sms("0400000000", "hi")
    assert service.token_requests == 1
    assert service.count("GET", "/status") == 5


def test_token_single_flight_threads(
    client: TelstraMessaging, service: FakeService
) -> None:
    """200 threads starting cold at once cause exactly one token request."""
    all_submitted = threading.Event()

    def held_token(request: httpx.Request) -> httpx.Response:
        # Hold the first token response until every call has started, so that the
        # other threads pile up behind it instead of finding a cached token.
        all_submitted.wait(timeout=30)
        return service._default(request)

    service.queue("/token", held_token)
    with ThreadPoolExecutor(max_workers=COLD_CALLS) as pool:
        futures = [pool.submit(client.get_sms_status, "abc") for _ in range(COLD_CALLS)]
        all_submitted.set()
        results = [future.result() for future in futures]
    assert len(results) == COLD_CALLS
    assert service.count("POST", "/token") == 1


async def test_token_single_flight_tasks(
    async_client: AsyncTelstraMessaging, service: FakeService
) -> None:
    """200 tasks starting cold at once cause exactly one token request."""
    results = await asyncio.gather(
        *(async_client.get_sms_status("abc") for _ in range(COLD_CALLS))
    )
    assert len(results) == COLD_CALLS
    assert service.count("POST", "/token") == 1


def test_token_refreshed_before_expiry(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A token is replaced once the clock passes expiry less the margin."""
    now = [1000.0]
    client._slot.clock = lambda: now[0]
    client.get_sms_status("abc")
    now[0] += 3599 - 60 - 1  # Just inside the refresh margin of 60 s.
    client.get_sms_status("abc")
    assert service.count("POST", "/token") == 1
    now[0] += 2
    client.get_sms_status("abc")
    assert service.count("POST", "/token") == 2


@pytest.mark.parametrize("expires_in", ["3599", 3599, 3599.0])
def test_token_expires_in_forms(expires_in: object) -> None:
    """expires_in as a string, an int or a float gives the same lifetime."""
    service = FakeService(expires_in=expires_in)
    transport = httpx.MockTransport(service.handler)
    with TelstraMessaging("id", "secret", transport=transport) as client:
        client._slot.clock = lambda: 0.0
        client.get_sms_status("abc")
        token = client._slot.token
    assert token is not None
    assert token.refresh_at == 3599 - 60


def test_token_replayed_once_on_401(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A 401 drops the token, fetches a new one and replays the call once."""
    service.queue("/status", httpx.Response(401, json={"status": 401, "message": ""}))
    status = client.get_sms_status("abc")
    assert status.raw_status == "DELIVRD"
    assert service.count("POST", "/token") == 2
    assert service.count("GET", "/status") == 2
    replayed = service.requests[-1].headers["authorization"]
    assert replayed == f"Bearer {service.issued_tokens[1]}"


def test_token_second_401_raises(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A second 401 in a row raises AuthenticationError without a third try."""
    refused = httpx.Response(401, json={"status": 401, "message": "Invalid token"})
    service.queue("/messages/sms", refused, refused, refused)
    with pytest.raises(AuthenticationError) as caught:
        client.send_sms("0400000000", "hi")
    assert caught.value.status_code == 401
    assert service.count("POST", "/messages/sms") == 2


def test_token_401_keeps_newer_token(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A 401 on an old token does not drop a newer token another call cached."""
    client.get_sms_status("abc")
    old = client._slot.token
    assert old is not None
    client._slot.token = newer = type(old)(value="newer", refresh_at=old.refresh_at)
    client._slot.discard(old)
    assert client._slot.token is newer


@pytest.mark.parametrize(
    ("status", "error"),
    [(401, "invalid_client"), (400, "unsupported_grant_type"), (400, "invalid_scope")],
)
def test_token_oauth_error_raises(
    client: TelstraMessaging, service: FakeService, status: int, error: str
) -> None:
    """OAuth errors from the token server raise AuthenticationError with the code."""
    body = {"error": error, "error_description": "rejected"}
    service.queue("/token", httpx.Response(status, json=body))
    with pytest.raises(AuthenticationError) as caught:
        client.get_sms_status("abc")
    assert caught.value.code == error
    assert caught.value.status_code == status
    assert service.count("GET", "/status") == 0


def test_token_only_in_authorization_header(
    client: TelstraMessaging, service: FakeService
) -> None:
    """The token travels only in the Authorization header of API requests."""
    client.send_sms("0400000000", "hi")
    client.get_sms_status("abc")
    token = service.issued_tokens[0]
    for request in service.requests:
        assert token not in str(request.url)
        assert token.encode() not in request.content
    token_request = next(r for r in service.requests if r.url.path.endswith("/token"))
    assert "authorization" not in token_request.headers
    api_requests = [r for r in service.requests if r.url.host == "tapi.telstra.com"]
    assert len(api_requests) == 2
    for request in api_requests:
        assert request.headers["authorization"] == f"Bearer {token}"


def test_token_not_sent_to_auth_host(
    client: TelstraMessaging, service: FakeService
) -> None:
    """Requests to the token host never carry a bearer token, even after a 401."""
    service.queue("/status", httpx.Response(401, json={"status": 401}))
    client.get_sms_status("abc")
    for request in service.requests:
        if request.url.host == "sapi.telstra.com":
            assert "authorization" not in request.headers


def test_token_refresh_carries_no_bearer(
    client: TelstraMessaging, service: FakeService
) -> None:
    """The token request that replaces an expired token carries no bearer token."""
    now = [1000.0]
    client._slot.clock = lambda: now[0]
    client.get_sms_status("abc")
    now[0] += 3600
    client.get_sms_status("abc")
    token_requests = [r for r in service.requests if r.url.path.endswith("/token")]
    assert len(token_requests) == 2
    for request in token_requests:
        assert "authorization" not in request.headers


async def test_async_token_refresh_carries_no_bearer(
    async_client: AsyncTelstraMessaging, service: FakeService
) -> None:
    """The async client's refresh token request carries no bearer token either."""
    now = [1000.0]
    async_client._slot.clock = lambda: now[0]
    await async_client.get_sms_status("abc")
    now[0] += 3600
    await async_client.get_sms_status("abc")
    token_requests = [r for r in service.requests if r.url.path.endswith("/token")]
    assert len(token_requests) == 2
    for request in token_requests:
        assert "authorization" not in request.headers
