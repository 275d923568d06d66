"""The spec check used by these tests, and the sandbox's copy of openapi.yaml."""

from __future__ import annotations

import httpx
import pytest
from spec_support import load_spec

from telstra_messaging.sandbox import (
    RespondWith,
    SandboxServer,
    SandboxState,
    create_app,
)
from telstra_messaging.sandbox._spec import load_spec_document, sandbox_spec_document

from .support import ResponseLog, check_against_spec, sms


def _response(method: str, url: str, status: int, **content: object) -> httpx.Response:
    request = httpx.Request(method, url)
    return httpx.Response(status, request=request, **content)  # type: ignore[arg-type]


def test_check_rejects_bad_body() -> None:
    """The spec check rejects a 200 that lacks the required properties."""
    response = _response("POST", "http://127.0.0.1:1/v2/messages/sms", 200, json={})
    with pytest.raises(AssertionError, match=r"violates openapi\.yaml"):
        check_against_spec(response)


def test_check_rejects_string_status() -> None:
    """The spec check rejects an Error body whose status is a string."""
    body = {"status": "404", "code": "RESOURCE-NOT-FOUND", "message": "gone"}
    response = _response(
        "GET", "http://127.0.0.1:1/v2/messages/sms/x/status", 404, json=body
    )
    with pytest.raises(AssertionError, match=r"violates openapi\.yaml"):
        check_against_spec(response)


def test_check_rejects_html(raw_api: httpx.Client, state: SandboxState) -> None:
    """The spec check rejects a gateway's HTML page."""
    state.inject("send_sms", RespondWith.gateway_html(502))
    response = raw_api.post("/messages/sms", json=sms())
    with pytest.raises(AssertionError, match="text/html"):
        check_against_spec(response)


def test_check_runs_on_every_response(
    client: httpx.Client, api: httpx.Client, response_log: ResponseLog
) -> None:
    """Each response of the checked clients goes through the spec check."""
    before = response_log.checked
    api.post("/messages/sms", json=sms())
    api.get("/messages/sms")
    client.get("/v2/messages/fax")
    assert response_log.checked == before + 3


def test_sandbox_spec_servers_relative() -> None:
    """The sandbox's copy of the spec uses the server paths of openapi.yaml."""
    document = sandbox_spec_document()
    assert document["servers"] == [{**load_spec()["servers"][0], "url": "/v2"}]
    assert document["paths"]["/token"]["servers"][0]["url"] == "/v1/oauth"


def test_sandbox_spec_unchanged_source() -> None:
    """The packaged openapi.yaml is the repository's file, unchanged."""
    assert load_spec_document() == load_spec()


def test_create_app_default_state() -> None:
    """create_app without a state makes a default one."""
    app = create_app()
    assert isinstance(app.state.sandbox, SandboxState)


def test_server_urls() -> None:
    """SandboxServer exposes both base URLs on its port."""
    with SandboxServer() as server:
        base_url = server.base_url
        auth_url = server.auth_url
        port = server.port
    assert base_url == f"http://127.0.0.1:{port}/v2"
    assert auth_url == f"http://127.0.0.1:{port}/v1/oauth"


def test_server_port_before_start() -> None:
    """Reading the port of a server that is not running raises."""
    with pytest.raises(RuntimeError, match="not running"):
        _ = SandboxServer().port


def test_server_address_in_use() -> None:
    """Starting on a port in use raises OSError."""
    with (
        SandboxServer() as first,
        pytest.raises(OSError, match=r"[Aa]ddress already in use"),
    ):
        SandboxServer(port=first.port).start()
