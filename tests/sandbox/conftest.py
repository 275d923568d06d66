"""Fixtures that run the sandbox on loopback and check responses against the spec.

Every response that the `client` and `api` fixtures receive passes
`check_against_spec`, which validates it with openapi-core against the
repository's openapi.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from telstra_messaging.sandbox import SandboxServer, SandboxState

from .support import FakeClock, ResponseLog, token_form


@pytest.fixture
def clock() -> FakeClock:
    """Fake clock that drives token expiry and delivery status."""
    return FakeClock()


@pytest.fixture
def state(clock: FakeClock) -> SandboxState:
    """Sandbox state on the fake clock, with a 2-second status interval."""
    return SandboxState(clock=clock, status_interval=2.0)


@pytest.fixture
def server(state: SandboxState) -> Iterator[SandboxServer]:
    """Sandbox served from a background thread on a free loopback port."""
    with SandboxServer(state) as running:
        yield running


@pytest.fixture
def response_log() -> ResponseLog:
    """Spec check run on every response of the `client` and `api` fixtures."""
    return ResponseLog()


@pytest.fixture
def client(server: SandboxServer, response_log: ResponseLog) -> Iterator[httpx.Client]:
    """Client for the sandbox origin, without credentials."""
    with httpx.Client(
        base_url=server.origin, event_hooks={"response": [response_log]}
    ) as http:
        yield http


@pytest.fixture
def raw_client(server: SandboxServer) -> Iterator[httpx.Client]:
    """Client for the sandbox origin without the spec check, for off-spec faults."""
    with httpx.Client(base_url=server.origin) as http:
        yield http


@pytest.fixture
def token(client: httpx.Client, server: SandboxServer) -> str:
    """An access token issued by the sandbox."""
    response = client.post("/v1/oauth/token", data=token_form(server))
    access_token: str = response.json()["access_token"]
    return access_token


@pytest.fixture
def api(
    server: SandboxServer, token: str, response_log: ResponseLog
) -> Iterator[httpx.Client]:
    """Client for the messaging base URL, with a valid bearer token."""
    with httpx.Client(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {token}"},
        event_hooks={"response": [response_log]},
    ) as http:
        yield http


@pytest.fixture
def raw_api(server: SandboxServer, token: str) -> Iterator[httpx.Client]:
    """Client for the messaging base URL with a token, without the spec check."""
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        yield http
