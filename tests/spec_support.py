"""openapi-core checks for every exchange a test sends through httpx.

openapi-core has no httpx integration, so the two adapter classes here give it
an httpx request and response in the shape of its `Request` and `Response`
protocols. `ValidatingTransport` wraps a real transport (loopback HTTP to the
sandbox, or an httpx.MockTransport) and fails the test on any request the spec
does not allow, any messaging request without a bearer token, and, unless
`check_responses` is False, any response the spec does not allow.
"""

from __future__ import annotations

import copy
import functools
import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

# CONTRACT_SPEC_PATH points the contract tests at another copy of the spec, which
# the drift tests use to show that a changed spec breaks a named test.
SPEC_PATH = Path(
    os.environ.get("CONTRACT_SPEC_PATH")
    or Path(__file__).resolve().parent.parent / "openapi.yaml"
)
REQUEST_SCHEMAS = (
    "SendSMSRequest",
    "SendMMSRequest",
    "MMSContent",
    "OAuthTokenRequest",
)
API_SERVER = "https://tapi.telstra.com/v2"
AUTH_SERVER = "https://sapi.telstra.com/v1/oauth"


@functools.cache
def load_spec() -> dict[str, Any]:
    """Return openapi.yaml as a dict (cached; copy before changing it)."""
    with SPEC_PATH.open(encoding="utf-8") as file:
        spec: dict[str, Any] = yaml.safe_load(file)
    return spec


@functools.cache
def openapi_for(base_url: str = API_SERVER, auth_url: str = AUTH_SERVER) -> OpenAPI:
    """Build an OpenAPI validator whose servers are `base_url` and `auth_url`."""
    spec = copy.deepcopy(load_spec())
    spec["servers"] = [{"url": base_url}]
    spec["paths"]["/token"]["servers"] = [{"url": auth_url}]
    # The SDK must send only the properties the spec names, so the request body
    # schemas are closed here, though the document leaves them open.
    for name in REQUEST_SCHEMAS:
        spec["components"]["schemas"][name]["additionalProperties"] = False
    return OpenAPI.from_dict(spec)


class HttpxOpenAPIRequest:
    """An httpx.Request seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        self._url = urlsplit(str(request.url))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(self._url.query)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return f"{self._url.scheme}://{self._url.netloc}"

    @property
    def path(self) -> str:
        return self._url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", "")).lower()


class HttpxOpenAPIResponse:
    """An httpx.Response seen through openapi-core's Response protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def data(self) -> bytes:
        return self._response.content

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return str(self._response.headers.get("content-type", ""))

    @property
    def headers(self) -> Headers:
        return Headers(dict(self._response.headers))


def check_request(openapi: OpenAPI, request: httpx.Request) -> None:
    """Fail unless the spec allows `request`.

    Messaging requests need a bearer token, and the token request must have none.
    """
    adapted = HttpxOpenAPIRequest(request)
    result = openapi.unmarshal_request(adapted)
    assert not result.errors, (
        f"{request.method} {request.url.path} violates openapi.yaml: "
        f"{_describe(result.errors)}"
    )
    if request.url.path.endswith("/token"):
        assert "authorization" not in request.headers, (
            "the token request carries an Authorization header"
        )
    else:
        authorization = request.headers.get("authorization", "")
        assert authorization.startswith("Bearer "), (
            f"{request.method} {request.url.path} has no bearer token"
        )


def check_response(
    openapi: OpenAPI, request: httpx.Request, response: httpx.Response
) -> None:
    """Fail unless the spec allows `response` to `request`."""
    result = openapi.unmarshal_response(
        HttpxOpenAPIRequest(request), HttpxOpenAPIResponse(response)
    )
    assert not result.errors, (
        f"response {response.status_code} to {request.method} {request.url.path} "
        f"violates openapi.yaml: {_describe(result.errors)}"
    )


def _describe(errors: Any) -> list[str]:
    return [f"{error!r}: {error.__cause__ or ''}" for error in errors]


class ValidatingTransport(httpx.BaseTransport):
    """A transport that checks each exchange against openapi.yaml."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        openapi: OpenAPI,
        *,
        check_responses: bool = True,
    ) -> None:
        self.inner = inner
        self.openapi = openapi
        self.check_responses = check_responses
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        check_request(self.openapi, request)
        self.requests.append(request)
        response = self.inner.handle_request(request)
        if self.check_responses:
            response.read()
            check_response(self.openapi, request, response)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncValidatingTransport(httpx.AsyncBaseTransport):
    """The async twin of ValidatingTransport."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        openapi: OpenAPI,
        *,
        check_responses: bool = True,
    ) -> None:
        self.inner = inner
        self.openapi = openapi
        self.check_responses = check_responses
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        check_request(self.openapi, request)
        self.requests.append(request)
        response = await self.inner.handle_async_request(request)
        if self.check_responses:
            await response.aread()
            check_response(self.openapi, request, response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
