"""openapi.yaml, loaded for openapi-core with the servers moved to the sandbox.

openapi-core 0.23 finds an operation by joining the request's host URL and path,
matching the path template, then comparing what precedes it with the operation's
`servers` URL. The spec's servers are absolute Telstra URLs, so the sandbox replaces
each one with its path (`/v2`, `/v1/oauth`). openapi-core compares a relative server
URL with the request path only, which lets validation work on any host and port.
"""

from __future__ import annotations

import base64
import binascii
import copy
import functools
import importlib.resources
import urllib.parse
from typing import Any

import yaml
from jsonschema_path import SchemaPath
from openapi_core.datatypes import RequestParameters
from openapi_core.security.factories import SecurityProviderFactory
from openapi_core.security.providers import BaseProvider
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.request.validators import V30RequestValidator

SPEC_RESOURCE = "openapi.yaml"

_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@functools.cache
def load_spec_document() -> dict[str, Any]:
    """Load openapi.yaml from the package, unchanged."""
    resource = importlib.resources.files(__package__).joinpath(SPEC_RESOURCE)
    document: dict[str, Any] = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return document


def _relative_servers(servers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**server, "url": urllib.parse.urlsplit(server["url"]).path}
        for server in servers
    ]


def sandbox_spec_document() -> dict[str, Any]:
    """Return a copy of openapi.yaml whose server URLs are paths on the sandbox."""
    document = copy.deepcopy(load_spec_document())
    if "servers" in document:
        document["servers"] = _relative_servers(document["servers"])
    for path_item in document["paths"].values():
        if "servers" in path_item:
            path_item["servers"] = _relative_servers(path_item["servers"])
        for method in _HTTP_METHODS:
            operation = path_item.get(method)
            if operation is not None and "servers" in operation:
                operation["servers"] = _relative_servers(operation["servers"])
    return document


def is_base64(value: Any) -> bool:
    """Check `format: byte`: standard base64 text.

    It replaces openapi-schema-validator 0.8.1's own check, which encodes the value
    as ASCII outside its error handling and so raises on any non-ASCII payload.
    """
    if not isinstance(value, str):
        return True
    if not value.isascii():
        return False
    try:
        base64.b64decode(value, validate=True)
    except binascii.Error:
        return False
    return True


class _BearerTokenProvider(BaseProvider):
    """Security provider for the spec's oauth2 scheme.

    openapi-core 0.23 has no provider for oauth2 and warns on every request. The
    sandbox checks the token itself before validation, so this provider only
    returns the bearer token from the Authorization header.
    """

    def __call__(self, parameters: RequestParameters) -> Any:
        authorization = parameters.header.get("Authorization", "")
        scheme, _, token = authorization.partition(" ")
        return token if scheme.lower() == "bearer" else None


class _SandboxSecurityProviderFactory(SecurityProviderFactory):
    def __init__(self) -> None:
        self.PROVIDERS = {
            **SecurityProviderFactory.PROVIDERS,
            "oauth2": _BearerTokenProvider,
        }


class SandboxSpec:
    """openapi-core objects for the sandbox's copy of openapi.yaml."""

    def __init__(self) -> None:
        document = sandbox_spec_document()
        self.api_base_path: str = document["servers"][0]["url"]
        """Path of the messaging operations, `/v2`."""
        self.auth_base_path: str = document["paths"]["/token"]["servers"][0]["url"]
        """Path of the token operation's server, `/v1/oauth`."""
        self.schema_path = SchemaPath.from_dict(document)
        self.path_finder = APICallPathFinder(self.schema_path)
        self.request_validator = V30RequestValidator(
            self.schema_path,
            security_provider_factory=_SandboxSecurityProviderFactory(),
            extra_format_validators={"byte": is_base64},
        )

    def allowed_methods(self, url: str) -> list[str]:
        """Return the upper-case methods that the spec defines for this URL."""
        allowed = []
        for method in _HTTP_METHODS:
            try:
                self.path_finder.find(method, url)
            except PathError:
                continue
            allowed.append(method.upper())
        return allowed


@functools.cache
def load_sandbox_spec() -> SandboxSpec:
    """Build the openapi-core objects once for the process."""
    return SandboxSpec()
