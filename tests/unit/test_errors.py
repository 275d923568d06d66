"""Mapping of non-2xx responses and transport failures to the SDK's exceptions."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from telstra_messaging._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    DeliveryTimeoutError,
    InternalServerError,
    InvalidInputError,
    MethodNotAllowedError,
    MethodNotImplementedError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    ResponseValidationError,
    ServiceUnavailableError,
    TelstraError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
    error_from_response,
    translate_transport_error,
)

SEND_URL = "https://tapi.telstra.com/v2/messages/sms"
TOKEN_URL = "https://sapi.telstra.com/v1/oauth/token"


def make_response(
    status: int, *, url: str = SEND_URL, method: str = "POST", **kwargs: Any
) -> httpx.Response:
    """Build a response bound to a request, so no socket is opened."""
    return httpx.Response(status, request=httpx.Request(method, url), **kwargs)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, MethodNotAllowedError),
        (415, UnsupportedMediaTypeError),
        (422, UnprocessableEntityError),
        (501, MethodNotImplementedError),
        (503, ServiceUnavailableError),
    ],
)
def test_documented_status_class(status: int, expected: type[APIStatusError]) -> None:
    """Each status the document lists maps to its own class."""
    body = {"status": status, "message": "failed"}
    error = error_from_response(make_response(status, json=body))
    assert type(error) is expected


@pytest.mark.parametrize("status", [500, 502, 504, 599])
def test_other_5xx_internal(status: int) -> None:
    """A 5xx without a class of its own maps to InternalServerError."""
    error = error_from_response(make_response(status, json={"message": "down"}))
    assert type(error) is InternalServerError


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (429, {"message": "slow down"}),
        (429, None),
        (403, {"status": "403", "code": "SpikeArrest", "message": ""}),
    ],
)
def test_rate_limit_class(status: int, body: dict[str, str] | None) -> None:
    """429, and 403 with code SpikeArrest, map to RateLimitError."""
    error = error_from_response(make_response(status, json=body))
    assert type(error) is RateLimitError


def test_quota_403_class() -> None:
    """403 with code MSG_Monetization_ERR maps to QuotaExceededError."""
    body = {"status": "403", "code": "MSG_Monetization_ERR", "message": "no credit"}
    error = error_from_response(make_response(403, json=body))
    assert type(error) is QuotaExceededError


@pytest.mark.parametrize(
    "body",
    [
        {"status": "403", "code": "NOT-PROVISIONED", "message": "no access"},
        {"message": "no access"},
        None,
    ],
)
def test_plain_403_permission(body: dict[str, str] | None) -> None:
    """A 403 without a rate-limit or quota code maps to PermissionDeniedError."""
    error = error_from_response(make_response(403, json=body))
    assert type(error) is PermissionDeniedError


@pytest.mark.parametrize("status", [409, 418])
def test_unlisted_4xx_base_class(status: int) -> None:
    """A 4xx outside the table maps to plain APIStatusError."""
    error = error_from_response(make_response(status, json={"message": "x"}))
    assert type(error) is APIStatusError


@pytest.mark.parametrize(
    "body",
    [
        {"status": "404", "code": "RESOURCE-NOT-FOUND", "message": ""},
        {"code": "RESOURCE-NOT-FOUND", "message": "gone"},
        {"status": 200, "message": "OK"},
        {"status": "500", "message": "broken"},
    ],
)
def test_status_line_wins(body: dict[str, Any]) -> None:
    """The class comes from the status line, whatever `status` the body holds."""
    error = error_from_response(make_response(404, json=body))
    assert type(error) is NotFoundError


def test_status_code_from_line() -> None:
    """status_code is the status line's, not the body's."""
    error = error_from_response(make_response(404, json={"status": 200}))
    assert error.status_code == 404


def test_code_read() -> None:
    """The service's `code` is kept on `.code`."""
    body = {"status": "400", "code": "TO-MSISDN-NOT-VALID", "message": "bad to"}
    error = error_from_response(make_response(400, json=body))
    assert error.code == "TO-MSISDN-NOT-VALID"


def test_message_read() -> None:
    """The service's `message` is kept on `.message`."""
    body = {"status": "400", "code": "TO-MSISDN-NOT-VALID", "message": "bad to"}
    error = error_from_response(make_response(400, json=body))
    assert error.message == "bad to"


def test_body_kept() -> None:
    """The parsed JSON body is kept on `.body`."""
    body = {"status": "400", "code": "TECH-ERR", "message": "x"}
    error = error_from_response(make_response(400, json=body))
    assert error.body == body


def test_empty_message() -> None:
    """An empty service message stays empty."""
    body = {"status": "404", "code": "RESOURCE-NOT-FOUND", "message": ""}
    error = error_from_response(make_response(404, json=body))
    assert error.message == ""


def test_empty_message_text() -> None:
    """An empty message leaves only the status and code in the exception text."""
    body = {"status": "404", "code": "RESOURCE-NOT-FOUND", "message": ""}
    error = error_from_response(make_response(404, json=body))
    assert str(error) == "HTTP 404 RESOURCE-NOT-FOUND"


def test_missing_code_none() -> None:
    """A body without `code` gives `.code` None."""
    error = error_from_response(make_response(400, json={"message": "x"}))
    assert error.code is None


def html_gateway_response() -> httpx.Response:
    """A 502 page as a gateway in front of the service sends it."""
    html = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    return make_response(
        502, content=html, headers={"content-type": "text/html; charset=utf-8"}
    )


def test_html_body_class() -> None:
    """An HTML 502 maps to InternalServerError."""
    assert type(error_from_response(html_gateway_response())) is InternalServerError


def test_html_body_none() -> None:
    """An HTML body is not JSON, so `.body` is None."""
    assert error_from_response(html_gateway_response()).body is None


def test_html_message_names_type() -> None:
    """An HTML body is described by its content type."""
    error = error_from_response(html_gateway_response())
    assert error.message == "non-JSON body (text/html)"


@pytest.mark.parametrize("fragment", ["<html", "<title>", "nginx", "Bad Gateway"])
def test_html_not_in_text(fragment: str) -> None:
    """The exception text never includes the HTML page."""
    assert fragment not in str(error_from_response(html_gateway_response()))


def test_empty_body_class() -> None:
    """An empty 504 maps to InternalServerError."""
    error = error_from_response(make_response(504, content=b""))
    assert type(error) is InternalServerError


def test_empty_body_none() -> None:
    """An empty body gives `.body` None."""
    assert error_from_response(make_response(504, content=b"")).body is None


def test_empty_body_message() -> None:
    """An empty body gives an empty message."""
    assert error_from_response(make_response(504, content=b"")).message == ""


@pytest.mark.parametrize("body", [[1, 2], "oops", 42])
def test_non_object_json_body(body: Any) -> None:
    """JSON that is not an object is kept on `.body` and gives no code."""
    error = error_from_response(make_response(404, json=body))
    assert error.body == body


@pytest.mark.parametrize("body", [[1, 2], "oops", 42])
def test_non_object_json_class(body: Any) -> None:
    """JSON that is not an object still maps by the status line."""
    error = error_from_response(make_response(404, json=body))
    assert type(error) is NotFoundError


@pytest.mark.parametrize("body", [[{"code": "X"}], "oops"])
def test_non_object_json_code(body: Any) -> None:
    """JSON that is not an object gives `.code` None."""
    assert error_from_response(make_response(400, json=body)).code is None


def test_invalid_utf8_body() -> None:
    """A body that is not UTF-8 gives `.body` None rather than an exception."""
    response = make_response(
        500, content=b"\xc3\x28", headers={"content-type": "application/json"}
    )
    assert error_from_response(response).body is None


OAUTH_BODY = {"error": "invalid_client", "error_description": "Client credentials bad"}


@pytest.mark.parametrize("status", [400, 401])
def test_oauth_error_class(status: int) -> None:
    """An OAuth error from the token server maps to AuthenticationError."""
    response = make_response(status, url=TOKEN_URL, json=OAUTH_BODY)
    error = error_from_response(response, token_request=True)
    assert type(error) is AuthenticationError


@pytest.mark.parametrize("status", [400, 401])
def test_oauth_error_code(status: int) -> None:
    """The OAuth `error` becomes `.code`."""
    response = make_response(status, url=TOKEN_URL, json=OAUTH_BODY)
    error = error_from_response(response, token_request=True)
    assert error.code == "invalid_client"


def test_oauth_error_description() -> None:
    """The OAuth `error_description` becomes `.message`."""
    response = make_response(401, url=TOKEN_URL, json=OAUTH_BODY)
    error = error_from_response(response, token_request=True)
    assert error.message == "Client credentials bad"


@pytest.mark.parametrize(
    ("status", "expected"),
    [(429, RateLimitError), (503, ServiceUnavailableError), (500, InternalServerError)],
)
def test_oauth_error_keeps_5xx_and_429(
    status: int, expected: type[APIStatusError]
) -> None:
    """An OAuth-shaped 5xx or 429 from the token server keeps its status class."""
    response = make_response(status, url=TOKEN_URL, json=OAUTH_BODY)
    error = error_from_response(response, token_request=True)
    assert type(error) is expected


def test_oauth_shape_ignored_off_token() -> None:
    """Outside a token request an `error` key does not change the class."""
    error = error_from_response(make_response(400, json=OAUTH_BODY))
    assert type(error) is BadRequestError


@pytest.mark.parametrize(
    ("header", "value"),
    [("x-request-id", "req-123"), ("X-Request-ID", "req-123")],
)
def test_request_id_header(header: str, value: str) -> None:
    """request_id comes from the x-request-id header."""
    response = make_response(400, json={"message": "x"}, headers={header: value})
    assert error_from_response(response).request_id == "req-123"


def test_request_id_in_text() -> None:
    """The request id appears in the exception text."""
    response = make_response(
        400, json={"message": "x"}, headers={"x-request-id": "req-123"}
    )
    assert "req-123" in str(error_from_response(response))


def test_request_id_absent() -> None:
    """Without a request id header, request_id is None."""
    assert error_from_response(make_response(400, json={})).request_id is None


def test_response_kept() -> None:
    """The response is kept on `.response`."""
    response = make_response(400, json={})
    assert error_from_response(response).response is response


@pytest.mark.parametrize(
    ("message", "digits"),
    [
        ("Invalid destination +61400123456", "61400123456"),
        ("Invalid destination 0400 123 456", "400 123 456"),
        ("Invalid destination 0400123456", "0400123456"),
        ("Invalid destination +61-400-123-456", "400-123-456"),
    ],
)
def test_text_masks_number(message: str, digits: str) -> None:
    """A phone number the service echoes in its message is masked in the text."""
    body = {"status": "400", "code": "TO-MSISDN-NOT-VALID", "message": message}
    error = error_from_response(make_response(400, json=body))
    assert digits not in str(error)


def test_text_keeps_words() -> None:
    """Masking keeps the rest of the service's message."""
    body = {
        "code": "TO-MSISDN-NOT-VALID",
        "message": "Invalid destination +61400123456",
    }
    error = error_from_response(make_response(400, json=body))
    assert str(error) == "HTTP 400 TO-MSISDN-NOT-VALID: Invalid destination [number]"


def test_oauth_description_masked() -> None:
    """A phone number in an OAuth error description is masked in the text."""
    body = {"error": "invalid_request", "error_description": "bad user 0400123456"}
    response = make_response(400, url=TOKEN_URL, json=body)
    error = error_from_response(response, token_request=True)
    assert "0400123456" not in str(error)


def test_text_truncated() -> None:
    """A long service message is cut in the exception text."""
    error = error_from_response(make_response(400, json={"message": "x" * 1000}))
    assert len(str(error)) < 300


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.ReadTimeout("timed out"), APITimeoutError),
        (httpx.ConnectTimeout("timed out"), APITimeoutError),
        (httpx.WriteTimeout("timed out"), APITimeoutError),
        (httpx.PoolTimeout("timed out"), APITimeoutError),
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.RemoteProtocolError("dropped"), APIConnectionError),
        (httpx.ReadError("reset"), APIConnectionError),
    ],
)
def test_transport_error_class(
    error: httpx.TransportError, expected: type[APIConnectionError]
) -> None:
    """Timeouts map to APITimeoutError and other transport errors to its parent."""
    wrapped = translate_transport_error(error, description="POST /messages/sms")
    assert type(wrapped) is expected


def test_transport_error_request() -> None:
    """The wrapped error keeps the request of the httpx error."""
    request = httpx.Request("POST", SEND_URL)
    error = httpx.ConnectError("refused", request=request)
    wrapped = translate_transport_error(error, description="POST /messages/sms")
    assert wrapped.request is request


def test_transport_error_no_request() -> None:
    """An httpx error without a request gives request None."""
    wrapped = translate_transport_error(
        httpx.ConnectError("refused"), description="POST /messages/sms"
    )
    assert wrapped.request is None


def test_transport_error_description() -> None:
    """The wrapped error's text names the operation and the httpx error class."""
    wrapped = translate_transport_error(
        httpx.ReadTimeout("timed out"), description="POST /messages/sms"
    )
    assert str(wrapped) == "POST /messages/sms timed out (ReadTimeout)"


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        (InvalidInputError, TelstraError),
        (InvalidInputError, ValueError),
        (DeliveryTimeoutError, TelstraError),
        (APIConnectionError, TelstraError),
        (APITimeoutError, APIConnectionError),
        (ResponseValidationError, TelstraError),
        (APIStatusError, TelstraError),
        (BadRequestError, APIStatusError),
        (AuthenticationError, APIStatusError),
        (PermissionDeniedError, APIStatusError),
        (NotFoundError, APIStatusError),
        (MethodNotAllowedError, APIStatusError),
        (UnsupportedMediaTypeError, APIStatusError),
        (UnprocessableEntityError, APIStatusError),
        (RateLimitError, APIStatusError),
        (QuotaExceededError, APIStatusError),
        (MethodNotImplementedError, APIStatusError),
        (ServiceUnavailableError, APIStatusError),
        (InternalServerError, APIStatusError),
        (TelstraError, Exception),
    ],
)
def test_hierarchy_subclass(child: type[Exception], parent: type[Exception]) -> None:
    """Each class sits where the module docstring draws it."""
    assert issubclass(child, parent)


@pytest.mark.parametrize(
    ("child", "other"),
    [
        (APITimeoutError, APIStatusError),
        (RateLimitError, PermissionDeniedError),
        (QuotaExceededError, PermissionDeniedError),
        (QuotaExceededError, RateLimitError),
        (ResponseValidationError, APIStatusError),
        (APIStatusError, ValueError),
    ],
)
def test_hierarchy_separate(child: type[Exception], other: type[Exception]) -> None:
    """Classes on different branches do not catch each other."""
    assert not issubclass(child, other)


def test_delivery_timeout_last_status() -> None:
    """DeliveryTimeoutError keeps the last status it saw."""
    error = DeliveryTimeoutError("timed out", message_id="abc", last_status=None)
    assert error.last_status is None


def test_validation_error_body() -> None:
    """ResponseValidationError keeps the raw body text."""
    response = make_response(200, content=b"not json")
    error = ResponseValidationError("unreadable", response=response)
    assert error.body == "not json"
