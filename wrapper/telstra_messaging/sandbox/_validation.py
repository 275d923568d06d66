"""Request validation with openapi-core, and its errors as the sandbox's errors."""

from __future__ import annotations

import urllib.parse
from typing import Any

from openapi_core.contrib.starlette.requests import StarletteOpenAPIRequest
from openapi_core.deserializing.media_types.exceptions import (
    MediaTypeDeserializeError,
)
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequestBodyError,
    ParameterValidationError,
    RequestBodyValidationError,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from telstra_messaging.sandbox._errors import ApiError, ErrorCode, OAuthError
from telstra_messaging.sandbox._spec import SandboxSpec

_MAX_DETAIL_LENGTH = 200
# Order in which validation failures win when a request has several: 415, 400, 422.
_STATUS_PRIORITY = {415: 0, 400: 1, 422: 2}
_OAUTH_ERROR_PRIORITY = ("invalid_request", "unsupported_grant_type", "invalid_scope")


class SandboxOpenAPIRequest(StarletteOpenAPIRequest):
    """openapi-core request whose path stays percent-encoded.

    Starlette decodes `%2F` in `url.path` to `/`, which would split an MMS message
    id into two path segments. uvicorn keeps the path as sent in `raw_path`.
    """

    @property
    def path(self) -> str:
        raw_path = self.request.scope.get("raw_path")
        if raw_path is None:
            return urllib.parse.quote(self.request.url.path)
        return bytes(raw_path).decode("latin-1")


def request_errors(
    spec: SandboxSpec, openapi_request: SandboxOpenAPIRequest
) -> list[Exception]:
    """Run openapi-core on the request; raise ApiError where it cannot.

    openapi-core raises instead of reporting for a few malformed requests: a
    Content-Type it cannot parse (ValueError), JSON nested too deep to check
    (RecursionError), and a form body that is not UTF-8 (UnicodeDecodeError).
    """
    validator = spec.request_validator
    try:
        return list(validator.iter_errors(openapi_request))
    except RecursionError:
        raise ApiError(
            400, ErrorCode.INVALID_REQUEST, "the JSON body is nested too deeply"
        ) from None
    except UnicodeDecodeError:
        raise ApiError(
            400, ErrorCode.INVALID_REQUEST, "the request body is not valid UTF-8"
        ) from None
    except ValueError:
        raise ApiError(
            415,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "the Content-Type header cannot be parsed",
        ) from None


def _shorten(text: str) -> str:
    if len(text) <= _MAX_DETAIL_LENGTH:
        return text
    return text[: _MAX_DETAIL_LENGTH - 1] + "…"


def _schema_errors(error: Exception) -> list[Any]:
    cause = error.__cause__
    if isinstance(cause, InvalidSchemaValue):
        return list(cause.schema_errors)
    return []


def _schema_error_text(schema_error: Any) -> str:
    # jsonschema.ValidationError; jsonschema has no type information for mypy.
    location = "/".join(str(part) for part in schema_error.absolute_path)
    return _shorten(f"{location or 'body'}: {schema_error.message}")


def _api_error_for(error: Exception) -> ApiError:
    """Translate one openapi-core validation error into the sandbox's ApiError."""
    cause = error.__cause__
    if isinstance(cause, MediaTypeNotFound):
        return ApiError(
            415,
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            f"Content-Type {cause.mimetype!r} is not supported; use "
            + " or ".join(cause.availableMimetypes),
        )
    if isinstance(error, MissingRequestBodyError):
        return ApiError(400, ErrorCode.INVALID_REQUEST, "the request body is missing")
    if isinstance(cause, MediaTypeDeserializeError):
        return ApiError(
            400, ErrorCode.INVALID_REQUEST, "the request body is not valid JSON"
        )
    schema_errors = _schema_errors(error)
    if isinstance(error, ParameterValidationError):
        detail = "; ".join(_schema_error_text(item) for item in schema_errors)
        return ApiError(
            400,
            ErrorCode.INVALID_REQUEST,
            f"{error.location} parameter {error.name!r} is not valid: {detail}",
        )
    if isinstance(error, RequestBodyValidationError) and schema_errors:
        invalid = [item for item in schema_errors if item.validator != "required"]
        if not invalid:
            return ApiError(
                422,
                ErrorCode.MISSING_REQUIRED_PROPERTY,
                "; ".join(_schema_error_text(item) for item in schema_errors),
            )
        return ApiError(
            400,
            ErrorCode.INVALID_REQUEST,
            "; ".join(_schema_error_text(item) for item in invalid),
        )
    return ApiError(400, ErrorCode.INVALID_REQUEST, _shorten(str(error)))


def oauth_error_for(errors: list[Exception]) -> OAuthError:
    """Translate openapi-core errors for a token request into one OAuth 2 error."""
    found: dict[str, str] = {}
    for error in errors:
        if isinstance(error.__cause__, MediaTypeNotFound):
            found.setdefault(
                "invalid_request",
                "Content-Type must be application/x-www-form-urlencoded",
            )
            continue
        schema_errors = _schema_errors(error)
        if not schema_errors:
            found.setdefault("invalid_request", _shorten(str(error)))
        for item in schema_errors:
            location = list(item.absolute_path)
            if item.validator == "enum" and location == ["grant_type"]:
                found.setdefault(
                    "unsupported_grant_type", "grant_type must be client_credentials"
                )
            elif item.validator == "enum" and location == ["scope"]:
                found.setdefault("invalid_scope", "scope must be NSMS")
            else:
                found.setdefault("invalid_request", _schema_error_text(item))
    for name in _OAUTH_ERROR_PRIORITY:
        if name in found:
            return OAuthError(400, name, found[name])
    raise AssertionError("no OAuth error found for a failed validation")


def api_error_for(errors: list[Exception]) -> ApiError:
    """Translate openapi-core errors for a messaging request into one ApiError."""
    api_errors = [_api_error_for(error) for error in errors]
    return min(api_errors, key=lambda item: _STATUS_PRIORITY.get(item.status, 1))
