"""Malformed requests get a 4xx in the documented shape, never a 500."""

from __future__ import annotations

import httpx
import pytest

from telstra_messaging.sandbox import SandboxServer

from .support import token_form

FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        (
            {"Content-Type": "application/json"},
            b'{"to":"0400000000","body":"x","x":' + b"[" * 5000 + b"]" * 5000 + b"}",
            400,
        ),
        ({"Content-Type": ";;;==="}, b"{}", 415),
        (
            {"Content-Type": "application/json"},
            b'{"to":"0400000000","body":"\\ud800"}',
            200,
        ),
    ],
    ids=["nested-5000-deep", "unparseable-content-type", "lone-surrogate-body"],
)
def test_malformed_send_answered(
    api: httpx.Client, headers: dict[str, str], body: bytes, status: int
) -> None:
    """Deep JSON, a broken Content-Type and a lone surrogate get no 500."""
    response = api.post("/messages/sms", headers=headers, content=body)
    assert response.status_code == status


@pytest.mark.parametrize("content_type", [FORM, f"{FORM}; charset=latin-1"])
def test_token_form_not_utf8(
    client: httpx.Client, server: SandboxServer, content_type: str
) -> None:
    """A token form that is not UTF-8 gets OAuth invalid_request, not a 500."""
    form = token_form(server)
    body = f"client_secret={form['client_secret']}&grant_type=client_credentials"
    response = client.post(
        "/v1/oauth/token",
        headers={"Content-Type": content_type},
        content=b"client_id=\xff&" + body.encode(),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_newline_in_path_json_404(api: httpx.Client) -> None:
    """An encoded newline in a path still gets the JSON Error body."""
    response = api.get("/messages/sms/before%0Aafter/status")
    assert response.status_code == 404
    assert response.json()["code"] == "RESOURCE-NOT-FOUND"


def test_oversized_body_rejected(api: httpx.Client) -> None:
    """A body over the sandbox's 10 MB limit gets 400 without being validated."""
    body = b'{"to":"0400000000","body":"' + b"x" * 10_000_001 + b'"}'
    response = api.post(
        "/messages/sms", headers={"Content-Type": "application/json"}, content=body
    )
    assert response.status_code == 400
    assert "over 10000000 bytes" in response.json()["message"]
