"""Token operation and bearer-token checks of the sandbox."""

from __future__ import annotations

import urllib.parse

import httpx
import pytest

from telstra_messaging.sandbox import SandboxServer, SandboxState

from .support import FakeClock, ResponseLog, sms, token_form


def test_token_success_fields(client: httpx.Client, server: SandboxServer) -> None:
    """A valid client credentials request gets a bearer token."""
    response = client.post("/v1/oauth/token", data=token_form(server))
    body = response.json()
    assert response.status_code == 200
    assert body["token_type"] == "Bearer"
    assert body["access_token"]
    assert body["expires_in"] == 3599
    assert response.headers["Cache-Control"] == "no-store"


def test_token_without_scope(client: httpx.Client, server: SandboxServer) -> None:
    """The scope parameter is optional."""
    response = client.post("/v1/oauth/token", data=token_form(server, scope=None))
    assert response.status_code == 200


def test_tokens_differ(client: httpx.Client, server: SandboxServer) -> None:
    """Each token request gets a new random token."""
    first = client.post("/v1/oauth/token", data=token_form(server)).json()
    second = client.post("/v1/oauth/token", data=token_form(server)).json()
    assert first["access_token"] != second["access_token"]


def test_token_lifetime_sets_expires_in(response_log: ResponseLog) -> None:
    """expires_in is the configured lifetime minus one second, as an integer."""
    state = SandboxState(token_lifetime=60)
    with (
        SandboxServer(state) as server,
        httpx.Client(event_hooks={"response": [response_log]}) as http,
    ):
        response = http.post(server.auth_url + "/token", data=token_form(server))
    assert response.json()["expires_in"] == 59


@pytest.mark.parametrize("missing", ["client_id", "client_secret", "grant_type"])
def test_token_missing_parameter(
    client: httpx.Client, server: SandboxServer, missing: str
) -> None:
    """A missing required parameter is invalid_request."""
    response = client.post(
        "/v1/oauth/token", data=token_form(server, **{missing: None})
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert missing in response.json()["error_description"]


def test_token_unsupported_grant(client: httpx.Client, server: SandboxServer) -> None:
    """A grant type other than client_credentials is unsupported_grant_type."""
    form = token_form(server, grant_type="password")
    response = client.post("/v1/oauth/token", data=form)
    assert response.status_code == 400
    assert response.json()["error"] == "unsupported_grant_type"


def test_token_invalid_scope(client: httpx.Client, server: SandboxServer) -> None:
    """A scope other than NSMS is invalid_scope."""
    response = client.post("/v1/oauth/token", data=token_form(server, scope="SMS"))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


def test_token_missing_beats_grant(client: httpx.Client, server: SandboxServer) -> None:
    """A missing parameter wins over a wrong grant type and scope."""
    form = token_form(server, client_secret=None, grant_type="password", scope="X")
    response = client.post("/v1/oauth/token", data=form)
    assert response.json()["error"] == "invalid_request"


@pytest.mark.parametrize(
    "changes",
    [{"client_id": "someone-else"}, {"client_secret": "wrong-secret"}],
)
def test_token_wrong_credentials(
    client: httpx.Client, server: SandboxServer, changes: dict[str, str]
) -> None:
    """A wrong client id or secret is 401 invalid_client."""
    response = client.post("/v1/oauth/token", data=token_form(server, **changes))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_token_json_body(client: httpx.Client, server: SandboxServer) -> None:
    """A JSON token request is invalid_request, because the form is required."""
    response = client.post("/v1/oauth/token", json=token_form(server))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_token_empty_body(client: httpx.Client) -> None:
    """An empty token request is invalid_request."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = client.post("/v1/oauth/token", content=b"", headers=headers)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_token_repeated_parameter(client: httpx.Client, server: SandboxServer) -> None:
    """A parameter sent twice is invalid_request (RFC 6749 section 3.2)."""
    pairs = [*token_form(server).items(), ("client_id", server.client_id)]
    response = client.post(
        "/v1/oauth/token",
        content=urllib.parse.urlencode(pairs).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_token_get_is_405(client: httpx.Client) -> None:
    """GET on the token path is 405 with the spec's Error body."""
    response = client.get("/v1/oauth/token")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.json()["code"] == "METHOD-NOT-ALLOWED"


def test_api_without_authorization(client: httpx.Client) -> None:
    """A messaging call without a token is 401."""
    response = client.post("/v2/messages/sms", json=sms())
    assert response.status_code == 401
    assert response.json()["code"] == "INVALID-ACCESS-TOKEN"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "authorization", ["Basic c2FuZGJveDpzZWNyZXQ=", "Bearer", "token"]
)
def test_api_malformed_authorization(client: httpx.Client, authorization: str) -> None:
    """An Authorization header that is not 'Bearer <token>' is 401."""
    headers = {"Authorization": authorization}
    response = client.get("/v2/messages/sms", headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "INVALID-ACCESS-TOKEN"


def test_api_unknown_token(client: httpx.Client) -> None:
    """A token the sandbox never issued is 401."""
    headers = {"Authorization": "Bearer not-a-token"}
    response = client.get("/v2/messages/sms", headers=headers)
    assert response.status_code == 401
    assert "not valid" in response.json()["message"]


def test_api_token_before_expiry(
    client: httpx.Client, token: str, clock: FakeClock
) -> None:
    """A token still works just before its lifetime ends."""
    clock.advance(3599.9)
    headers = {"Authorization": f"Bearer {token}"}
    response = client.get("/v2/messages/sms", headers=headers)
    assert response.status_code == 200


def test_api_expired_token(client: httpx.Client, token: str, clock: FakeClock) -> None:
    """A token is rejected once its lifetime has passed on the state's clock."""
    clock.advance(3600)
    headers = {"Authorization": f"Bearer {token}"}
    response = client.get("/v2/messages/sms", headers=headers)
    assert response.status_code == 401
    assert "expired" in response.json()["message"]
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_token_not_needed_for_404(client: httpx.Client) -> None:
    """An unknown path is 404 even without a token."""
    response = client.get("/v2/messages/fax")
    assert response.status_code == 404
    assert response.json()["code"] == "RESOURCE-NOT-FOUND"


def test_token_not_needed_for_405(client: httpx.Client) -> None:
    """A wrong method is 405 even without a token."""
    response = client.delete("/v2/messages/sms")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"
    assert response.json()["code"] == "METHOD-NOT-ALLOWED"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("POST", "/v2/token"),
        ("POST", "/v1/oauth/messages/sms"),
        ("DELETE", "/v1/oauth/messages/sms"),
        ("GET", "/v2/messages/sms/"),
        ("GET", "/v2/extra/messages/sms"),
        ("POST", "/messages/sms"),
    ],
)
def test_paths_outside_servers(client: httpx.Client, method: str, path: str) -> None:
    """Operations exist only under their own server path."""
    response = client.request(method, path)
    assert response.status_code == 404
