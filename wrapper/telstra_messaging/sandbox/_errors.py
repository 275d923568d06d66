"""Error codes and the exceptions that the sandbox turns into error responses."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from starlette.responses import JSONResponse


class ErrorCode(enum.StrEnum):
    """The `code` values that the sandbox puts in the spec's Error body.

    RESOURCE-NOT-FOUND, TO-MSISDN-NOT-VALID, FROM-MSISDN-TOO-LONG, TECH-ERR,
    SpikeArrest and MSG_Monetization_ERR are codes the live service sends. The live
    service reports too many recipients for a reply request as the text "TOO MANY
    DESTINATIONS", and the sandbox sends that as TOO-MANY-DESTINATIONS. The sandbox
    chose the other codes itself.
    """

    INVALID_REQUEST = "INVALID-REQUEST"
    MISSING_REQUIRED_PROPERTY = "MISSING-REQUIRED-PROPERTY"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED-MEDIA-TYPE"
    INVALID_ACCESS_TOKEN = "INVALID-ACCESS-TOKEN"  # noqa: S105 (an error code)
    RESOURCE_NOT_FOUND = "RESOURCE-NOT-FOUND"
    METHOD_NOT_ALLOWED = "METHOD-NOT-ALLOWED"
    TO_MSISDN_NOT_VALID = "TO-MSISDN-NOT-VALID"
    TOO_MANY_DESTINATIONS = "TOO-MANY-DESTINATIONS"
    VALIDITY_NOT_VALID = "VALIDITY-NOT-VALID"
    FROM_MSISDN_TOO_LONG = "FROM-MSISDN-TOO-LONG"
    FROM_MSISDN_NOT_VALID = "FROM-MSISDN-NOT-VALID"
    SUBJECT_TOO_LONG = "SUBJECT-TOO-LONG"
    MMS_CONTENT_NOT_VALID = "MMS-CONTENT-NOT-VALID"
    TECH_ERR = "TECH-ERR"
    SERVICE_UNAVAILABLE = "SERVICE-UNAVAILABLE"
    TOO_MANY_REQUESTS = "TOO-MANY-REQUESTS"
    SPIKE_ARREST = "SpikeArrest"
    MSG_MONETIZATION_ERR = "MSG_Monetization_ERR"


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """Build the spec's Error body, with `status` as an integer."""
    return {"status": status, "code": code, "message": message}


class ApiError(Exception):
    """A messaging request that the sandbox rejects with the spec's Error body."""

    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    def to_response(self) -> JSONResponse:
        """Render the error as a JSON response."""
        return JSONResponse(
            error_body(self.status, self.code, self.message),
            status_code=self.status,
            headers=self.headers,
        )


class OAuthError(Exception):
    """A token request that the sandbox rejects with the OAuth 2 error body.

    `error` is one of the OAuthProviderError values in openapi.yaml, which are the
    error codes of RFC 6749 section 5.2.
    """

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(f"{status} {error}: {description}")
        self.status = status
        self.error = error
        self.description = description

    def to_response(self) -> JSONResponse:
        """Render the error as a JSON response that no cache may store."""
        return JSONResponse(
            {"error": self.error, "error_description": self.description},
            status_code=self.status,
            headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
        )
