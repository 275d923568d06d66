"""Helpers for the sandbox tests: a fake clock, request bodies and the spec check.

Every response that the `client` and `api` fixtures receive is validated with
openapi-core against the repository's openapi.yaml, unchanged: the check moves the
request from the sandbox's origin to the spec's server URL of the same path.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema_path import SchemaPath
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.response.validators import V30ResponseValidator
from openapi_schema_validator import OAS30Validator

from telstra_messaging.sandbox import SandboxServer

SPEC_FILE = Path(__file__).resolve().parents[2] / "openapi.yaml"
SPEC_DOCUMENT: dict[str, Any] = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
SPEC = SchemaPath.from_dict(SPEC_DOCUMENT)
ERROR_SCHEMA = SPEC_DOCUMENT["components"]["schemas"]["Error"]


def _server_origins() -> dict[str, str]:
    """Map each server path of the spec (/v2, /v1/oauth) to its origin."""
    urls = [server["url"] for server in SPEC_DOCUMENT["servers"]]
    for path_item in SPEC_DOCUMENT["paths"].values():
        urls += [server["url"] for server in path_item.get("servers", [])]
    origins = {}
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        origins[parts.path] = f"{parts.scheme}://{parts.netloc}"
    return origins


SERVER_ORIGINS = _server_origins()


class FakeClock:
    """Monotonic clock that moves only when a test advances it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class SpecRequest:
    """openapi-core request for an httpx request, moved to the spec's server URL."""

    def __init__(self, request: httpx.Request) -> None:
        self.path = request.url.raw_path.split(b"?")[0].decode("ascii")
        self.host_url = "https://unknown.invalid"
        for server_path, server_origin in SERVER_ORIGINS.items():
            if self.path.startswith(server_path + "/"):
                self.host_url = server_origin
        self.method = request.method.lower()
        self.body = request.content
        self.content_type = request.headers.get("Content-Type", "")
        self.parameters = RequestParameters(header=dict(request.headers))


class SpecResponse:
    """openapi-core response for an httpx response."""

    def __init__(self, response: httpx.Response) -> None:
        self.data = response.content
        self.status_code = response.status_code
        self.content_type = response.headers.get("Content-Type", "")
        self.headers = response.headers


def check_against_spec(response: httpx.Response) -> None:
    """Raise unless the response is what openapi.yaml allows for its request.

    A response to a path or method that the spec lacks must be the Error schema.
    Any Error body must repeat the HTTP status and have a non-empty message.
    """
    response.read()
    request = SpecRequest(response.request)
    full_url = urllib.parse.urljoin(request.host_url, request.path)
    try:
        APICallPathFinder(SPEC).find(request.method, full_url)
    except PathError:
        OAS30Validator(ERROR_SCHEMA).validate(response.json())
    else:
        V30ResponseValidator(SPEC).validate(request, SpecResponse(response))
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
