"""A real sandbox on 127.0.0.1, and clients whose every exchange with it is
checked against openapi.yaml."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from spec_support import AsyncValidatingTransport, ValidatingTransport, openapi_for

from telstra_messaging import AsyncTelstraMessaging, TelstraMessaging
from telstra_messaging.sandbox import SandboxServer, SandboxState

# Seconds between the sandbox's delivery steps: PEND, SENT, then DELIVRD.
STATUS_INTERVAL = 0.05


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A sandbox serving on an ephemeral loopback port."""
    with SandboxServer(SandboxState(status_interval=STATUS_INTERVAL)) as server:
        yield server


@pytest.fixture
def transport(sandbox: SandboxServer) -> ValidatingTransport:
    """Real HTTP to the sandbox, each request and response checked against the spec."""
    return ValidatingTransport(
        httpx.HTTPTransport(), openapi_for(sandbox.base_url, sandbox.auth_url)
    )


def _client_options(sandbox: SandboxServer) -> dict[str, str]:
    return {
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "base_url": sandbox.base_url,
        "auth_url": sandbox.auth_url,
    }


@pytest.fixture
def client(
    sandbox: SandboxServer, transport: ValidatingTransport
) -> Iterator[TelstraMessaging]:
    """A sync client talking to the sandbox; retries do not sleep."""
    with TelstraMessaging(**_client_options(sandbox), transport=transport) as client:
        client._sleep = lambda delay: None
        yield client


@pytest.fixture
async def async_client(
    sandbox: SandboxServer,
) -> AsyncIterator[AsyncTelstraMessaging]:
    """An async client talking to the sandbox, with the same spec checks."""
    transport = AsyncValidatingTransport(
        httpx.AsyncHTTPTransport(), openapi_for(sandbox.base_url, sandbox.auth_url)
    )

    async def no_sleep(delay: float) -> None:
        return None

    async with AsyncTelstraMessaging(
        **_client_options(sandbox), transport=transport
    ) as client:
        client._sleep = no_sleep
        yield client
