"""Hostile input and hostile responses: each gets a typed error, nothing is sent
twice, and nothing secret reaches an exception message or a log."""

from __future__ import annotations

import logging
import math

import httpx
import pytest
from fake_service import FakeService

from telstra_messaging import (
    APIConnectionError,
    APIStatusError,
    AsyncTelstraMessaging,
    AuthenticationError,
    BadRequestError,
    InvalidInputError,
    MmsContent,
    ResponseValidationError,
    TelstraMessaging,
    estimate_segments,
    parse_callback,
)

PNG = MmsContent.from_bytes(b"\x89PNG\r\n\x1a\n", filename="dot.png")
DEEP_JSON = b"[" * 100_000


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.send_sms(["0400 000 000", "+61400000000"], "twice?"),
        lambda c: c.send_sms(None, "hi"),
        lambda c: c.send_sms(400000000, "hi"),
        lambda c: c.send_sms("0400000000", "hi \ud83d"),
        lambda c: c.send_sms("0400000000", "x", notify_url="https://\ud800.example/"),
        lambda c: c.send_sms("0400000000", "x", notify_url="http://[::1"),
        lambda c: c.send_sms("0400000000", "x", notify_url="https://a.example/ b"),
        lambda c: c.get_sms_status("\ud800"),
        lambda c: c.get_sms_status("x" * 100_000),
        lambda c: c.send_mms("0400000000", None),
        lambda c: c.send_mms("0400000000", PNG, subject="\ud800"),
        lambda c: c.send_mms("0400000000", MmsContent("image/png", "a.png", b"aGk=")),
        lambda c: c.send_mms("0400000000", MmsContent("image/png", "a.png", 5)),
        lambda c: c.send_mms("0400000000", MmsContent("image/png", " ", "aGk=")),
        lambda c: c.wait_for_delivery("abc", timeout=math.nan),
        lambda c: c.wait_for_delivery("abc", poll_interval=math.inf),
        lambda c: c.get_sms_status("abc", timeout=math.nan),
        lambda c: c.get_sms_status("abc", timeout=httpx.Timeout(math.inf)),
    ],
    ids=[
        "duplicate-recipient",
        "to-none",
        "to-int",
        "body-lone-surrogate",
        "notify-url-surrogate",
        "notify-url-unparseable",
        "notify-url-space",
        "message-id-surrogate",
        "message-id-huge",
        "content-none",
        "subject-surrogate",
        "payload-bytes",
        "payload-int",
        "filename-blank",
        "wait-timeout-nan",
        "poll-interval-inf",
        "call-timeout-nan",
        "call-timeout-inf",
    ],
)
def test_bad_argument_rejected_unsent(
    client: TelstraMessaging, service: FakeService, call: object
) -> None:
    """Each bad argument raises InvalidInputError before any request."""
    with pytest.raises(InvalidInputError):
        call(client)  # type: ignore[operator]
    assert service.requests == []


@pytest.mark.parametrize(
    "build",
    [
        lambda: MmsContent.from_bytes("text", filename="a.txt"),
        lambda: MmsContent.from_bytes(b"x", filename=None),
        lambda: MmsContent.from_path(None),
        lambda: MmsContent.from_path("a\0.png"),
    ],
    ids=["data-str", "filename-none", "path-none", "path-null-byte"],
)
def test_mms_content_bad_argument(build: object) -> None:
    """Building MMS content from bad arguments raises InvalidInputError."""
    with pytest.raises(InvalidInputError):
        build()  # type: ignore[operator]


@pytest.mark.parametrize(
    "options",
    [
        {"base_url": ""},
        {"auth_url": "   "},
        {"base_url": 5},
        {"base_url": "http://[::1"},
        {"base_url": " https://tapi.example.com/v2"},
        {"base_url": "https://tapi.example.com/v2?x=1"},
        {"base_url": "https://tapi.example.com/v2#f"},
        {"base_url": "http://127.0.0.1:abc/v2"},
        {"client_id": "   "},
        {"client_id": 123},
        {"timeout": math.inf},
        {"http_client": "x"},
    ],
    ids=lambda options: "-".join(f"{k}={v!r}" for k, v in options.items()),
)
def test_bad_constructor_argument_rejected(options: dict[str, object]) -> None:
    """Each bad constructor argument raises InvalidInputError."""
    arguments: dict[str, object] = {"client_id": "id", "client_secret": "secret"}
    arguments.update(options)
    with pytest.raises(InvalidInputError):
        TelstraMessaging(**arguments)  # type: ignore[arg-type]


def test_base_url_password_not_echoed() -> None:
    """A base URL with credentials is rejected without repeating the password."""
    with pytest.raises(InvalidInputError) as caught:
        TelstraMessaging("id", "secret", base_url="https://user:hunter2pw@h/v2")
    assert "hunter2pw" not in str(caught.value)


@pytest.mark.parametrize("token", ["tok\r\nInjected: 1", "tök", "with space"])
def test_unsendable_token_rejected(
    client: TelstraMessaging, service: FakeService, token: str
) -> None:
    """A token that cannot go in a header raises ResponseValidationError, unsent."""
    body = {"access_token": token, "expires_in": 3599}
    service.queue("/token", httpx.Response(200, json=body))
    with pytest.raises(ResponseValidationError) as caught:
        client.get_sms_status("abc")
    assert token not in str(caught.value)
    assert service.count("GET", "/status") == 0


def test_redirect_not_followed() -> None:
    """A 307 from the token server is not followed, even by a redirecting client."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(307, headers={"location": "http://127.0.0.1:9999/c"})

    http = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    client = TelstraMessaging("id", "secret-value", http_client=http)
    with pytest.raises(APIStatusError) as caught:
        client.get_sms_status("abc")
    http.close()
    assert caught.value.status_code == 307
    assert seen == ["https://sapi.telstra.com/v1/oauth/token"]


def test_echoed_secret_redacted(client: TelstraMessaging, service: FakeService) -> None:
    """A token error that echoes the client secret shows it redacted."""
    body = {"error": "invalid_request", "error_description": "bad unit-client-secret"}
    service.queue("/token", httpx.Response(400, json=body))
    with pytest.raises(AuthenticationError) as caught:
        client.get_sms_status("abc")
    assert "unit-client-secret" not in str(caught.value)
    assert "[redacted]" in str(caught.value)


def test_echoed_send_values_masked(
    client: TelstraMessaging, service: FakeService, caplog: pytest.LogCaptureFixture
) -> None:
    """Code, message and request id that echo the send are masked, logs too."""
    caplog.set_level(logging.DEBUG, logger="telstra_messaging")
    echo = {
        "status": 503,
        "code": "TO-MSISDN-NOT-VALID +61491570042",
        "message": "0491.570.042 rejected: 'meet me at 5'",
    }
    headers = {"x-request-id": "+61491570042"}
    service.queue(
        "/messages/sms",
        httpx.Response(503, json=echo, headers=headers),
        httpx.Response(400, json={**echo, "status": 400}, headers=headers),
    )
    with pytest.raises(BadRequestError) as caught:
        client.send_sms("0491570042", "meet me at 5")
    text = str(caught.value)
    logged = " ".join(record.getMessage() for record in caplog.records)
    for planted in ("491570042", "491.570.042", "meet me at 5"):
        assert planted not in text
        assert planted not in logged
    assert caught.value.code == echo["code"]


def test_error_text_length_capped(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A huge error code or message is cut in the exception's text."""
    huge = {"status": 400, "code": "C" * 100_000, "message": "M" * 100_000}
    service.queue("/status", httpx.Response(400, json=huge))
    with pytest.raises(BadRequestError) as caught:
        client.get_sms_status("abc")
    assert len(str(caught.value)) < 1000


@pytest.mark.parametrize("status", [200, 400, 503])
def test_deep_json_typed_error(
    client: TelstraMessaging, service: FakeService, status: int
) -> None:
    """JSON nested too deep to parse gives a typed error, not RecursionError."""
    service.queue("/status", *[httpx.Response(status, content=DEEP_JSON)] * 3)
    expected = ResponseValidationError if status == 200 else APIStatusError
    with pytest.raises(expected):
        client.get_sms_status("abc")


def test_deep_json_callback_rejected() -> None:
    """parse_callback rejects JSON nested too deep with InvalidInputError."""
    with pytest.raises(InvalidInputError):
        parse_callback(DEEP_JSON)


def test_callback_str_with_bom() -> None:
    """A str callback body that starts with a byte order mark is read."""
    receipt = parse_callback('\ufeff{"messageId": "a", "deliveryStatus": "DELIVRD"}')
    assert receipt.message_id == "a"


def test_empty_status_body_unreadable(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A status response without deliveryStatus raises instead of looking final."""
    service.queue("/status", httpx.Response(200, json={}))
    with pytest.raises(ResponseValidationError):
        client.wait_for_delivery("abc")


def test_list_where_text_belongs(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A list where text belongs reads as None and stays on .raw."""
    body = {"to": ["+61400000000"], "deliveryStatus": "DELIVRD"}
    service.queue("/status", httpx.Response(200, json=body))
    status = client.get_sms_status("abc")
    assert status.to is None
    assert status.raw["to"] == ["+61400000000"]


@pytest.mark.parametrize("char", [chr(0xD83D), chr(0xDFFF), f"a{chr(0xD800)}b"])
def test_segments_lone_surrogate(char: str) -> None:
    """estimate_segments counts a lone surrogate as one UCS-2 unit."""
    estimate = estimate_segments(char)
    assert estimate.encoding == "UCS-2"
    assert estimate.units == len(char)


def test_decoding_error_typed(client: TelstraMessaging, service: FakeService) -> None:
    """A body that fails to decode raises APIConnectionError, not httpx's error."""

    def broken(request: httpx.Request) -> httpx.Response:
        # A stream, so that httpx decodes the body only when the client reads it.
        stream = httpx.ByteStream(b"not gzip at all")
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=stream)

    service.queue("/messages/sms", broken)
    with pytest.raises(APIConnectionError) as caught:
        client.send_sms("0400000000", "hi")
    assert isinstance(caught.value.__cause__, httpx.DecodingError)
    assert service.count("POST", "/messages/sms") == 1


def test_echoed_token_redacted(client: TelstraMessaging, service: FakeService) -> None:
    """A service error that echoes the bearer token shows it redacted."""

    def echo_token(request: httpx.Request) -> httpx.Response:
        token = request.headers["authorization"].removeprefix("Bearer ")
        body = {"status": 403, "message": f"token {token} lacks scope"}
        return httpx.Response(403, json=body)

    service.queue("/status", echo_token)
    with pytest.raises(APIStatusError) as caught:
        client.get_sms_status("abc")
    assert service.issued_tokens[0] not in str(caught.value)
    assert "[redacted]" in str(caught.value)


def test_connection_error_names_host(service: FakeService) -> None:
    """A connection failure names the host and port, not the path's message id."""

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    transport = httpx.MockTransport(refuse)
    client = TelstraMessaging(
        "id", "secret", base_url="http://127.0.0.1:9/v2", transport=transport
    )
    client._sleep = lambda delay: None
    with client, pytest.raises(APIConnectionError) as caught:
        client.get_mms_status("secret-looking-id")
    text = str(caught.value)
    assert "sapi.telstra.com" in text
    assert "failed: ConnectError" in text


def test_token_rejection_names_variables(
    client: TelstraMessaging, service: FakeService
) -> None:
    """A rejected token request names the credentials to check."""
    body = {"error": "invalid_client", "error_description": "unknown client"}
    service.queue("/token", httpx.Response(401, json=body))
    with pytest.raises(AuthenticationError) as caught:
        client.get_sms_status("abc")
    assert "TELSTRA_CLIENT_SECRET" in str(caught.value)


def test_validity_over_max_rejected_unsent(
    client: TelstraMessaging, service: FakeService
) -> None:
    """validity=10081, one minute over 7 days, raises InvalidInputError unsent."""
    with pytest.raises(InvalidInputError, match=r"^validity=10081 is out of range"):
        client.send_sms("0400000000", "x", validity=10081)
    assert service.requests == []


async def test_async_send_redirect_not_followed() -> None:
    """The async client does not follow a 307 on a send, even when its client would."""
    service = FakeService()
    moved = httpx.Response(307, headers={"location": "http://127.0.0.1:9999/c"})
    service.queue("/messages/sms", moved)
    http = httpx.AsyncClient(
        transport=httpx.MockTransport(service.async_handler), follow_redirects=True
    )
    client = AsyncTelstraMessaging("id", "secret-value", http_client=http)
    with pytest.raises(APIStatusError) as caught:
        await client.send_sms("0400000000", "hi")
    await http.aclose()
    assert caught.value.status_code == 307
    hosts = [request.url.host for request in service.requests]
    assert hosts == ["sapi.telstra.com", "tapi.telstra.com"]
