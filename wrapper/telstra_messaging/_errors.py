"""Exceptions raised by the SDK, and the one place that maps a response to them.

```
TelstraError
├── InvalidInputError           also a ValueError: an argument or callback body was
│                               rejected, and nothing was sent
├── DeliveryTimeoutError        wait_for_delivery ran out of time
├── APIConnectionError          no usable response (connect, read or protocol failure)
│   └── APITimeoutError
├── ResponseValidationError     a 2xx response the SDK cannot read
└── APIStatusError              any other non-2xx response
    ├── BadRequestError             400
    ├── AuthenticationError         401, and OAuth errors from the token server
    ├── PermissionDeniedError       403
    ├── NotFoundError               404
    ├── MethodNotAllowedError       405
    ├── UnsupportedMediaTypeError   415
    ├── UnprocessableEntityError    422
    ├── RateLimitError              429, and 403 with code SpikeArrest
    ├── QuotaExceededError          403 with code MSG_Monetization_ERR
    ├── MethodNotImplementedError   501
    ├── ServiceUnavailableError     503
    └── InternalServerError         500 and every other 5xx
```

Exception messages never contain tokens, client secrets, phone numbers or message
bodies. The service's own code, message and request id are kept on the exception's
attributes as sent. A service may echo what it was sent, so the exception's text
is scrubbed. The values of the failed request (secret, token, body, recipients)
are replaced, digit runs that may be phone numbers are masked, and each part is
cut to 200 characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._models import MessageStatus

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "DeliveryTimeoutError",
    "InternalServerError",
    "InvalidInputError",
    "MethodNotAllowedError",
    "MethodNotImplementedError",
    "NotFoundError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "ResponseValidationError",
    "ServiceUnavailableError",
    "TelstraError",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "error_from_response",
]

# Error codes the live service sends in the body of a 403.
SPIKE_ARREST_CODE = "SpikeArrest"
QUOTA_EXCEEDED_CODE = "MSG_Monetization_ERR"

_DIGIT_RUN = re.compile(r"\+?\d[\d \-().]{4,}\d")
_MAX_MESSAGE_CHARS = 200


class TelstraError(Exception):
    """Base class of every exception the SDK raises."""


class InvalidInputError(TelstraError, ValueError):
    """An argument was rejected before any request was sent."""


class DeliveryTimeoutError(TelstraError):
    """A message did not reach a final delivery status in the time allowed."""

    def __init__(
        self, message: str, *, message_id: str, last_status: MessageStatus | None
    ) -> None:
        super().__init__(message)
        self.message_id = message_id
        self.last_status = last_status


class APIConnectionError(TelstraError):
    """No usable response arrived: the connection failed, dropped or timed out."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The connect, write, read or pool timeout ran out."""


class ResponseValidationError(TelstraError):
    """A successful response whose body the SDK cannot read.

    `response` and `body` keep what the service sent, so nothing is lost.
    """

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.response = response
        self.body = response.text


class APIStatusError(TelstraError):
    """The service responded with a status other than 2xx.

    Attributes: `status_code` (from the status line, never from the body), `code`
    (the service's error code such as `TO-MSISDN-NOT-VALID`, or the OAuth error
    such as `invalid_client`, when present), `message` (the service's text, which
    may be empty), `body` (the parsed JSON, or None), `request_id` and `response`.
    """

    def __init__(
        self,
        *,
        response: httpx.Response,
        body: Any,
        code: str | None,
        message: str,
        redact: Iterable[str] = (),
        hint: str = "",
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.code = code
        self.message = message
        self.request_id = _request_id(response)
        # `redact` is used here and not stored, so the exception keeps no secret.
        text = self._describe(tuple(redact))
        super().__init__(f"{text}; {hint}" if hint else text)

    def _describe(self, redact: tuple[str, ...]) -> str:
        text = f"HTTP {self.status_code}"
        if self.code:
            text += f" {scrub(self.code, redact)}"
        if self.message:
            text += f": {scrub(self.message, redact)}"
        if self.request_id:
            text += f" (request id {_redact(self.request_id, redact)})"
        return text


class BadRequestError(APIStatusError):
    """400: invalid or missing request parameters."""


class AuthenticationError(APIStatusError):
    """401, or an OAuth error from the token server: check the client credentials.

    The text of an error from the token server states that the token request was
    rejected and names the variables that contain the credentials.
    """


class PermissionDeniedError(APIStatusError):
    """403: the credentials were accepted but the account lacks permission."""


class NotFoundError(APIStatusError):
    """404: unknown path, or a message id that is unknown or older than 7 days."""


class MethodNotAllowedError(APIStatusError):
    """405: the resource does not support this HTTP method."""


class UnsupportedMediaTypeError(APIStatusError):
    """415: the service does not accept the request's content type."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429, or 403 with code SpikeArrest: too many calls at once."""


class QuotaExceededError(APIStatusError):
    """403 with code MSG_Monetization_ERR: credit or quota is used up.

    Retrying cannot help, so this error is never retried.
    """


class MethodNotImplementedError(APIStatusError):
    """501: the method is not implemented for this resource."""


class ServiceUnavailableError(APIStatusError):
    """503: the service is unavailable for now."""


class InternalServerError(APIStatusError):
    """500, or any other 5xx, including HTML or empty responses from a gateway."""


_CLASS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    415: UnsupportedMediaTypeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    501: MethodNotImplementedError,
    503: ServiceUnavailableError,
}


def error_from_response(
    response: httpx.Response,
    *,
    token_request: bool = False,
    redact: Iterable[str] = (),
) -> APIStatusError:
    """Build the exception for a non-2xx response.

    Error bodies that differ from the document still give the right class: `status`
    as a string, an extra `code`, an empty message, HTML or an empty body. Token
    server errors in the OAuth shape (`{"error": "invalid_client"}`) become
    `AuthenticationError` whatever their status, unless the status is 5xx or 429.
    `redact` lists values of the request that must not appear in the text.
    """
    body = _json_or_none(response)
    fields = body if isinstance(body, dict) else {}
    code = _text(fields.get("code")) or None
    message = _text(fields.get("message"))
    oauth_error = _text(fields.get("error"))
    if token_request and oauth_error:
        code = oauth_error
        message = _text(fields.get("error_description"))

    error_class = _error_class(response.status_code, code)
    status = response.status_code
    if token_request and oauth_error and status < 500 and status != 429:
        error_class = AuthenticationError
    if not message and body is None and response.content:
        message = f"non-JSON body ({_content_type(response)})"
    hint = ""
    if token_request and error_class is AuthenticationError:
        hint = (
            "the token request was rejected; check client_id and client_secret "
            "(TELSTRA_CLIENT_ID, TELSTRA_CLIENT_SECRET)"
        )
    return error_class(
        response=response,
        body=body,
        code=code,
        message=message,
        redact=redact,
        hint=hint,
    )


def _error_class(status: int, code: str | None) -> type[APIStatusError]:
    if status == 403 and code == SPIKE_ARREST_CODE:
        return RateLimitError
    if status == 403 and code == QUOTA_EXCEEDED_CODE:
        return QuotaExceededError
    if status in _CLASS_BY_STATUS:
        return _CLASS_BY_STATUS[status]
    if status >= 500:
        return InternalServerError
    return APIStatusError


def translate_transport_error(
    error: httpx.RequestError, *, description: str
) -> APIConnectionError:
    """Wrap an httpx request error; the caller chains the original with `from`.

    Besides transport errors this covers a body that cannot be decoded (such as
    a gzip header on a body that is not gzip), which leaves no usable response.
    """
    request = _request(error)
    # The host and port help tell a wrong base URL from a server that is down. The
    # path stays a template because it may contain a message id.
    where = f" to {request.url.netloc.decode('ascii')}" if request is not None else ""
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(
            f"{description}{where} timed out ({type(error).__name__})",
            request=request,
        )
    return APIConnectionError(
        f"{description}{where} failed: {type(error).__name__}; check the URL and "
        "that the server is running",
        request=request,
    )


def _request(error: httpx.RequestError) -> httpx.Request | None:
    try:
        return error.request
    except RuntimeError:
        return None


def _json_or_none(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _content_type(response: httpx.Response) -> str:
    content_type = str(response.headers.get("content-type", "no content type"))
    return content_type.split(";")[0]


def _request_id(response: httpx.Response) -> str | None:
    for header in ("x-request-id", "x-correlation-id", "request-id"):
        if header in response.headers:
            return str(response.headers[header])
    return None


def scrub(text: str, redact: tuple[str, ...] = ()) -> str:
    """Prepare text from the service for an exception message or a log line.

    Each value in `redact` of 4 or more characters becomes "[redacted]", digit
    runs that may be phone numbers become "[number]", and the result is cut to
    200 characters.
    """
    return _DIGIT_RUN.sub("[number]", _redact(text, redact))[:_MAX_MESSAGE_CHARS]


def _redact(text: str, redact: tuple[str, ...]) -> str:
    """Replace each value in `redact` of 4 or more characters with "[redacted]"."""
    for value in sorted(redact, key=len, reverse=True):
        if len(value) >= 4:
            text = text.replace(value, "[redacted]")
    return text[:_MAX_MESSAGE_CHARS]
