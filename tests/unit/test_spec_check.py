"""The request check that runs behind every test can fail."""

from __future__ import annotations

import httpx
import pytest
from spec_support import check_request, openapi_for


def test_spec_check_rejects_unknown_property() -> None:
    """A body key that openapi.yaml lacks fails the request check."""
    request = httpx.Request(
        "POST",
        "https://tapi.telstra.com/v2/messages/sms",
        json={"to": "+61400000000", "body": "hi", "priority": 1},
        headers={"Authorization": "Bearer t"},
    )
    with pytest.raises(AssertionError, match=r"violates openapi\.yaml"):
        check_request(openapi_for(), request)


def test_spec_check_rejects_missing_bearer() -> None:
    """A messaging request without a bearer token fails the request check."""
    request = httpx.Request("GET", "https://tapi.telstra.com/v2/messages/sms")
    with pytest.raises(AssertionError, match="has no bearer token"):
        check_request(openapi_for(), request)


def test_spec_check_rejects_bearer_on_token() -> None:
    """A token request that carries an Authorization header fails the check."""
    request = httpx.Request(
        "POST",
        "https://sapi.telstra.com/v1/oauth/token",
        data={
            "client_id": "i",
            "client_secret": "s",
            "grant_type": "client_credentials",
        },
        headers={"Authorization": "Bearer t"},
    )
    with pytest.raises(AssertionError, match="Authorization"):
        check_request(openapi_for(), request)
