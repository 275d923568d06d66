"""Clients wired to a FakeService through a spec-validating MockTransport."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fake_service import FakeService
from spec_support import AsyncValidatingTransport, ValidatingTransport, openapi_for

from telstra_messaging import AsyncTelstraMessaging, TelstraMessaging

CLIENT_ID = "unit-client-id"
CLIENT_SECRET = "unit-client-secret"


@pytest.fixture
def service() -> FakeService:
    """A fresh fake service."""
    return FakeService()


@pytest.fixture
def sleeps() -> list[float]:
    """Delays the client asked to sleep, recorded instead of slept."""
    return []


@pytest.fixture
def client(service: FakeService, sleeps: list[float]) -> Iterator[TelstraMessaging]:
    """A sync client on the fake service; requests are checked against the spec."""
    transport = ValidatingTransport(
        httpx.MockTransport(service.handler), openapi_for(), check_responses=False
    )
    with TelstraMessaging(CLIENT_ID, CLIENT_SECRET, transport=transport) as client:
        client._sleep = sleeps.append
        yield client


@pytest.fixture
async def async_client(
    service: FakeService, sleeps: list[float]
) -> AsyncIterator[AsyncTelstraMessaging]:
    """An async client on the fake service; requests are checked against the spec."""
    transport = AsyncValidatingTransport(
        httpx.MockTransport(service.async_handler),
        openapi_for(),
        check_responses=False,
    )

    async def record(delay: float) -> None:
        sleeps.append(delay)

    async with AsyncTelstraMessaging(
        CLIENT_ID, CLIENT_SECRET, transport=transport
    ) as client:
        client._sleep = record
        yield client
