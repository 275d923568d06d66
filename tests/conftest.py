"""Fixtures shared by every test."""

from __future__ import annotations

import pytest

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
