"""Helpers for the sandbox tests: a fake clock, request bodies and the spec check.

Every response that the `client` and `api` fixtures receive is validated with
openapi-core against the repository's openapi.yaml, with its servers set to the
sandbox's URLs.
"""

from __future__ import annotations

from typing import Any

import httpx
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_schema_validator import OAS30Validator
from spec_support import HttpxOpenAPIRequest, check_response, load_spec, openapi_for

from telstra_messaging.sandbox import SandboxServer
from telstra_messaging.sandbox._spec import load_sandbox_spec

ERROR_SCHEMA = load_spec()["components"]["schemas"]["Error"]


class FakeClock:
    """Monotonic clock that moves only when a test advances it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def check_against_spec(response: httpx.Response) -> None:
    """Raise unless the response is what openapi.yaml allows for its request.

    A response to a path or method that the spec lacks must be the Error schema.
    Any Error body must repeat the HTTP status and have a non-empty message.
    """
    response.read()
    origin = f"{response.request.url.scheme}://{response.request.url.netloc.decode()}"
    sandbox_spec = load_sandbox_spec()
    openapi = openapi_for(
        origin + sandbox_spec.api_base_path, origin + sandbox_spec.auth_base_path
    )
    request = HttpxOpenAPIRequest(response.request)
    try:
        APICallPathFinder(openapi.spec).find(request.method, str(response.request.url))
    except PathError:
        OAS30Validator(ERROR_SCHEMA).validate(response.json())
    else:
        check_response(openapi, response.request, response)
    body = response.json()
    if isinstance(body, dict) and "status" in body:
        assert body["status"] == response.status_code
        assert body["message"]


class ResponseLog:
    """Counts the responses that passed `check_against_spec`."""

    def __init__(self) -> None:
        self.checked = 0

    def __call__(self, response: httpx.Response) -> None:
        check_against_spec(response)
        self.checked += 1


def token_form(server: SandboxServer, **changes: str | None) -> dict[str, str]:
    """Return a valid token request form; a change of None removes the field."""
    form: dict[str, str | None] = {
        "client_id": server.client_id,
        "client_secret": server.client_secret,
        "grant_type": "client_credentials",
        "scope": "NSMS",
    }
    form.update(changes)
    return {name: value for name, value in form.items() if value is not None}


def sms(
    to: str = "0412345678", body: str = "Your table is ready", **extra: Any
) -> dict[str, Any]:
    """Return a valid send-SMS request body."""
    return {"to": to, "body": body, **extra}


PNG_PAYLOAD = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
    "RU5ErkJggg=="
)


def mms(
    to: str = "0412345678", subject: str = "Floor plan", **extra: Any
) -> dict[str, Any]:
    """Return a valid send-MMS request body with one PNG image."""
    content = [{"type": "image/png", "filename": "plan.png", "payload": PNG_PAYLOAD}]
    return {"to": to, "subject": subject, "MMSContent": content, **extra}
