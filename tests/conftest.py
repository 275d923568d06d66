"""Fixtures shared by every test."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from spec_support import check_request, openapi_for

from telstra_messaging import _async_client as async_client_module
from telstra_messaging import _client as sync_client_module
from telstra_messaging._core import Settings, build_request
from telstra_messaging._operations import Operation
from telstra_messaging._token import AccessToken

_SDK_VARIABLES = (
    "TELSTRA_CLIENT_ID",
    "TELSTRA_CLIENT_SECRET",
    "TELSTRA_BASE_URL",
    "TELSTRA_AUTH_URL",
    "TELSTRA_LOG",
)


@pytest.fixture(autouse=True)
def _clear_sdk_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the machine's TELSTRA_ variables out of every test."""
    for name in _SDK_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _check_every_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validate every request the SDK builds, in every test, against openapi.yaml.

    The check wraps the one function both clients use to build requests, with the
    client's own base URLs as the spec's servers, so it covers clients that tests
    create themselves and the CLI's too. Messaging requests must carry a token.
    """

    def checked_build_request(
        http: httpx.Client | httpx.AsyncClient,
        settings: Settings,
        operation: Operation[Any],
        token: AccessToken | None,
        timeout: httpx.Timeout | None,
    ) -> httpx.Request:
        request = build_request(http, settings, operation, token, timeout)
        check_request(openapi_for(settings.base_url, settings.auth_url), request)
        return request

    for module in (sync_client_module, async_client_module):
        monkeypatch.setattr(module, "build_request", checked_build_request)
