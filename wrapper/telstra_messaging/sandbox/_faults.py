"""Faults that tests inject into the sandbox with `SandboxState.inject`.

`RespondWith` and `DelayThenProcess` apply to the next request to the operation.
`AcceptThenFail`, `AcceptThenDrop` and `AcceptThenDelay` apply to the next request
that the sandbox accepts (responds to with 2xx), so a request rejected for a missing
token or an invalid body passes them by. Fault responses are not checked against
openapi.yaml.
"""

from __future__ import annotations

import dataclasses
import http
from collections.abc import Mapping
from typing import Any, ClassVar

from telstra_messaging.sandbox._errors import ErrorCode, error_body

_DEFAULT_CODES: Mapping[int, ErrorCode] = {
    429: ErrorCode.TOO_MANY_REQUESTS,
    503: ErrorCode.SERVICE_UNAVAILABLE,
}

_GATEWAY_HTML = (
    "<html><head><title>{status} {phrase}</title></head>"
    "<body><h1>{status} {phrase}</h1></body></html>"
)


def _check_status(status: int) -> None:
    if not 100 <= status <= 599:
        raise ValueError(f"status must be an HTTP status from 100 to 599, not {status}")


def _check_seconds(seconds: float) -> None:
    if seconds < 0:
        raise ValueError(f"seconds must not be negative, not {seconds}")


def default_error_body(status: int) -> dict[str, Any]:
    """Build the Error body that a fault sends when it is given no body."""
    code = _DEFAULT_CODES.get(status, ErrorCode.TECH_ERR)
    return error_body(status, code, http.HTTPStatus(status).phrase)


@dataclasses.dataclass(frozen=True)
class RespondWith:
    """Respond with this response without processing the request.

    The body is `json_body` as JSON, or `content` as raw bytes with `content_type`,
    or, when neither is given, the spec's Error body for `status`.
    """

    status: int
    json_body: Any = None
    content: bytes | None = None
    content_type: str | None = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)

    applies_after_accept: ClassVar[bool] = False

    def __post_init__(self) -> None:
        _check_status(self.status)
        if self.json_body is not None and self.content is not None:
            raise ValueError("give json_body or content, not both")

    @classmethod
    def error(
        cls,
        status: int,
        code: str,
        *,
        message: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> RespondWith:
        """Respond with the spec's Error body; `message` defaults to the phrase."""
        _check_status(status)
        text = message if message is not None else http.HTTPStatus(status).phrase
        return cls(
            status, json_body=error_body(status, code, text), headers=headers or {}
        )

    @classmethod
    def spike_arrest(cls) -> RespondWith:
        """Respond 403 SpikeArrest, the live service's limit for bursts of calls."""
        return cls.error(403, ErrorCode.SPIKE_ARREST, message="Spike arrest violation")

    @classmethod
    def quota_exceeded(cls) -> RespondWith:
        """Respond 403 MSG_Monetization_ERR, the live service's out-of-credit error."""
        return cls.error(
            403, ErrorCode.MSG_MONETIZATION_ERR, message="Quota or credit exhausted"
        )

    @classmethod
    def too_many_requests(cls, *, retry_after: int | None = None) -> RespondWith:
        """Respond 429, with Retry-After in seconds when `retry_after` is set."""
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        return cls.error(429, ErrorCode.TOO_MANY_REQUESTS, headers=headers)

    @classmethod
    def service_unavailable(cls, *, retry_after: int | None = None) -> RespondWith:
        """Respond 503, with Retry-After in seconds when `retry_after` is set."""
        headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
        return cls.error(503, ErrorCode.SERVICE_UNAVAILABLE, headers=headers)

    @classmethod
    def gateway_html(cls, status: int = 502) -> RespondWith:
        """Respond with an HTML error page, as a gateway before the service does."""
        _check_status(status)
        page = _GATEWAY_HTML.format(
            status=status, phrase=http.HTTPStatus(status).phrase
        )
        return cls(
            status, content=page.encode(), content_type="text/html; charset=utf-8"
        )

    @classmethod
    def empty(cls, status: int = 504) -> RespondWith:
        """Respond with an empty body and no Content-Type."""
        return cls(status, content=b"")


@dataclasses.dataclass(frozen=True)
class DelayThenProcess:
    """Wait `seconds`, then process the request as usual.

    If the client closes the connection during the wait, the sandbox drops the
    request without processing it, so nothing is stored.
    """

    seconds: float

    applies_after_accept: ClassVar[bool] = False

    def __post_init__(self) -> None:
        _check_seconds(self.seconds)


@dataclasses.dataclass(frozen=True)
class AcceptThenFail:
    """Process the request (storing any message), then respond with an error.

    The body is `json_body`, or the spec's Error body for `status` when it is None.
    """

    status: int = 500
    json_body: Any = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)

    applies_after_accept: ClassVar[bool] = True

    def __post_init__(self) -> None:
        _check_status(self.status)


@dataclasses.dataclass(frozen=True)
class AcceptThenDrop:
    """Process the request, then close the connection in the middle of the response.

    The sandbox sends the status line and headers with the Content-Length of the
    whole body, sends the first half of the body, and aborts, so an httpx client
    raises httpx.RemoteProtocolError.
    """

    applies_after_accept: ClassVar[bool] = True


@dataclasses.dataclass(frozen=True)
class AcceptThenDelay:
    """Process the request, then wait `seconds` before sending the usual response.

    The wait ends early when the client closes the connection, for example because
    its read timeout expired.
    """

    seconds: float

    applies_after_accept: ClassVar[bool] = True

    def __post_init__(self) -> None:
        _check_seconds(self.seconds)


Fault = (
    RespondWith | DelayThenProcess | AcceptThenFail | AcceptThenDrop | AcceptThenDelay
)
