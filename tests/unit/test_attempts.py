"""The decision after each attempt, the poll schedule, and settings resolution."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from telstra_messaging._core import (
    DEFAULT_AUTH_URL,
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    Attempts,
    Done,
    Fail,
    PollSchedule,
    Retry,
    Settings,
    resolve_settings,
)
from telstra_messaging._errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    InternalServerError,
    InvalidInputError,
    QuotaExceededError,
    RateLimitError,
    ResponseValidationError,
    ServiceUnavailableError,
)
from telstra_messaging._mms import DEFAULT_MAX_MMS_BYTES
from telstra_messaging._models import DeliveryStatus, UnreadableBodyError
from telstra_messaging._operations import (
    Operation,
    get_sms_status_operation,
    retrieve_sms_responses_operation,
    send_sms_operation,
    token_operation,
)
from telstra_messaging._retry import RetryPolicy
from telstra_messaging._token import AccessToken

SEND_URL = "https://tapi.telstra.com/v2/messages/sms"
STATUS_URL = "https://tapi.telstra.com/v2/messages/sms/x/status"
TOKEN_URL = "https://sapi.telstra.com/v1/oauth/token"

RECIPIENT = "0400123456"
RECIPIENT_DIGITS = "400123456"
MESSAGE_BODY = "Your appointment is at 10:30"
MESSAGE_ID = "/cccb284200035236000000000d52b6ac/1261400123456"

SEND_BODY = {
    "messages": [
        {
            "to": "+61400123456",
            "deliveryStatus": "MessageWaiting",
            "messageId": "d8a96c9c00000000000000000000a2b1",
        }
    ],
    "numberSegments": 1,
}
STATUS_BODY = {"to": "+61400123456", "deliveryStatus": "DELIVRD"}


def send_op() -> Operation[Any]:
    """Return a Send SMS operation."""
    return send_sms_operation(
        to=RECIPIENT,
        body=MESSAGE_BODY,
        from_=None,
        validity=None,
        scheduled_delivery=None,
        notify_url=None,
        reply_request=None,
    )


def read_op() -> Operation[Any]:
    """Return a Get SMS Status operation."""
    return get_sms_status_operation(MESSAGE_ID)


def attempts(operation: Operation[Any], max_retries: int = 2) -> Attempts[Any]:
    """Return an Attempts with no jitter."""
    return Attempts(operation, RetryPolicy(max_retries=max_retries), rng=lambda: 0.0)


def response(
    status: int, *, url: str = SEND_URL, method: str = "POST", **kwargs: Any
) -> httpx.Response:
    """Build a response bound to a request, so no socket is opened."""
    return httpx.Response(status, request=httpx.Request(method, url), **kwargs)


def request(url: str = SEND_URL) -> httpx.Request:
    """Build a request for an httpx exception to carry."""
    return httpx.Request("POST", url)


def test_send_200_done() -> None:
    """A 200 to a send is Done."""
    step = attempts(send_op()).after_response(response(200, json=SEND_BODY))
    assert isinstance(step, Done)


def test_send_200_value() -> None:
    """Done carries the SendResult read from the body."""
    step = attempts(send_op()).after_response(response(200, json=SEND_BODY))
    assert step.value.message_id == "d8a96c9c00000000000000000000a2b1"


def test_read_200_value() -> None:
    """Done carries the MessageStatus read from the body."""
    step = attempts(read_op()).after_response(
        response(200, url=STATUS_URL, method="GET", json=STATUS_BODY)
    )
    assert step.value.delivery_status is DeliveryStatus.DELIVERED


def test_replies_200_value() -> None:
    """An empty list of replies is Done with []."""
    step = attempts(retrieve_sms_responses_operation()).after_response(
        response(200, method="GET", json=[])
    )
    assert step == Done([])


def test_token_200_value() -> None:
    """The token operation reads the token against its own clock."""
    operation = token_operation("id", "secret", lambda: 500.0)
    body = {"access_token": "tok", "token_type": "Bearer", "expires_in": "3599"}
    step = attempts(operation).after_response(response(200, url=TOKEN_URL, json=body))
    assert step == Done(AccessToken(value="tok", refresh_at=500.0 + 3599 - 60))


def non_json_step() -> Fail:
    """Return the step after a 200 whose body is not JSON."""
    reply = response(200, content=b"<html>OK</html>")
    step = attempts(send_op()).after_response(reply)
    assert isinstance(step, Fail)
    return step


def test_non_json_fail_class() -> None:
    """A 200 that is not JSON fails with ResponseValidationError."""
    assert isinstance(non_json_step().error, ResponseValidationError)


def test_non_json_keeps_body() -> None:
    """The error keeps the body as sent."""
    assert non_json_step().error.body == "<html>OK</html>"


def test_non_json_keeps_response() -> None:
    """The error keeps the response."""
    error = non_json_step().error
    assert error.response.status_code == 200


def test_non_json_names_path() -> None:
    """The error text names the method and path template."""
    assert str(non_json_step().error).startswith("POST /messages/sms returned HTTP 200")


def unreadable_step() -> Fail:
    """Return the step after a 200 whose body has no message id."""
    reply = response(200, json={"messages": [{"to": "+61400123456"}]})
    step = attempts(send_op()).after_response(reply)
    assert isinstance(step, Fail)
    return step


def test_unreadable_fail_class() -> None:
    """A 200 without a message id fails with ResponseValidationError."""
    assert isinstance(unreadable_step().error, ResponseValidationError)


def test_unreadable_keeps_body() -> None:
    """The error keeps the body text."""
    error = unreadable_step().error
    assert error.body == '{"messages":[{"to":"+61400123456"}]}'


def test_unreadable_keeps_response() -> None:
    """The error keeps the response."""
    assert unreadable_step().error.response.status_code == 200


def test_unreadable_cause() -> None:
    """The reader's error is the cause."""
    assert isinstance(unreadable_step().cause, UnreadableBodyError)


def test_first_401_replays() -> None:
    """The first 401 on an API call drops the token and retries at once."""
    step = attempts(send_op()).after_response(response(401, json={}))
    assert step == Retry(0.0, discard_token=True)


def test_second_401_fails() -> None:
    """A second 401 fails with AuthenticationError."""
    decider = attempts(send_op())
    decider.after_response(response(401, json={}))
    step = decider.after_response(response(401, json={}))
    assert isinstance(step.error, AuthenticationError)


def test_replay_spends_no_retry() -> None:
    """The token replay does not count against max_retries."""
    decider = attempts(send_op(), max_retries=1)
    decider.after_response(response(401, json={}))
    step = decider.after_response(response(503, json={}))
    assert step == Retry(0.5)


def test_token_401_fails_at_once() -> None:
    """A 401 from the token server fails at once, with no replay."""
    operation = token_operation("id", "secret", lambda: 0.0)
    body = {"error": "invalid_client", "error_description": "bad"}
    step = attempts(operation).after_response(response(401, url=TOKEN_URL, json=body))
    assert isinstance(step.error, AuthenticationError)


def test_token_400_oauth_code() -> None:
    """An OAuth error on a 400 from the token server keeps its code."""
    operation = token_operation("id", "secret", lambda: 0.0)
    body = {"error": "invalid_client", "error_description": "bad"}
    step = attempts(operation).after_response(response(400, url=TOKEN_URL, json=body))
    assert step.error.code == "invalid_client"


def test_send_503_retries_then_fails() -> None:
    """A send that keeps getting 503 is retried twice, then fails."""
    decider = attempts(send_op())
    steps = [decider.after_response(response(503, json={})) for _ in range(3)]
    assert [type(step) for step in steps] == [Retry, Retry, Fail]


def test_send_503_final_error() -> None:
    """The final error after 503s is ServiceUnavailableError."""
    decider = attempts(send_op())
    for _ in range(2):
        decider.after_response(response(503, json={}))
    step = decider.after_response(response(503, json={}))
    assert isinstance(step.error, ServiceUnavailableError)


def test_retry_delays_double() -> None:
    """Retry delays double from 0.5 with no jitter."""
    decider = attempts(send_op(), max_retries=3)
    steps = [decider.after_response(response(503, json={})) for _ in range(3)]
    assert steps == [Retry(0.5), Retry(1.0), Retry(2.0)]


@pytest.mark.parametrize("status", [500, 502, 504])
def test_send_5xx_fails_at_once(status: int) -> None:
    """A send is not retried after a 5xx other than 503."""
    step = attempts(send_op()).after_response(response(status, json={}))
    assert isinstance(step.error, InternalServerError)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_read_5xx_retried(status: int) -> None:
    """A read is retried after any 5xx."""
    step = attempts(read_op()).after_response(
        response(status, url=STATUS_URL, method="GET", json={})
    )
    assert step == Retry(0.5)


def test_send_spike_arrest_retried() -> None:
    """A send is retried after 403 SpikeArrest."""
    body = {"status": "403", "code": "SpikeArrest", "message": ""}
    step = attempts(send_op()).after_response(response(403, json=body))
    assert step == Retry(0.5)


def test_send_spike_arrest_final() -> None:
    """The final error after SpikeArrest is RateLimitError."""
    body = {"status": "403", "code": "SpikeArrest", "message": ""}
    step = attempts(send_op(), max_retries=0).after_response(response(403, json=body))
    assert isinstance(step.error, RateLimitError)


def test_quota_not_retried() -> None:
    """403 MSG_Monetization_ERR fails at once."""
    body = {"status": "403", "code": "MSG_Monetization_ERR", "message": "no credit"}
    step = attempts(read_op()).after_response(response(403, json=body))
    assert isinstance(step.error, QuotaExceededError)


@pytest.mark.parametrize("status", [400, 403, 404, 422])
def test_client_errors_not_retried(status: int) -> None:
    """A 4xx other than 401, 429 and SpikeArrest fails at once."""
    step = attempts(read_op()).after_response(response(status, json={}))
    assert isinstance(step, Fail)


def test_send_read_timeout_fails() -> None:
    """A send after a read timeout fails with APITimeoutError."""
    error = httpx.ReadTimeout("timed out", request=request())
    step = attempts(send_op()).after_error(error)
    assert isinstance(step.error, APITimeoutError)


def test_send_read_timeout_cause() -> None:
    """The httpx error is kept as the cause."""
    error = httpx.ReadTimeout("timed out", request=request())
    step = attempts(send_op()).after_error(error)
    assert step.cause is error


def test_send_read_timeout_text() -> None:
    """The error text names the method and path template."""
    error = httpx.ReadTimeout("timed out", request=request())
    step = attempts(send_op()).after_error(error)
    assert str(step.error) == (
        "POST /messages/sms to tapi.telstra.com timed out (ReadTimeout)"
    )


@pytest.mark.parametrize(
    "error_class", [httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError]
)
def test_send_maybe_sent_fails(error_class: type[httpx.TransportError]) -> None:
    """A send is not retried once the request may have gone out."""
    step = attempts(send_op()).after_error(error_class("x", request=request()))
    assert isinstance(step.error, APIConnectionError)


@pytest.mark.parametrize(
    "error_class", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout]
)
def test_send_not_sent_retried(error_class: type[httpx.TransportError]) -> None:
    """A send is retried when the request cannot have gone out."""
    step = attempts(send_op()).after_error(error_class("x", request=request()))
    assert step == Retry(0.5)


def test_send_connect_error_final() -> None:
    """After the last retry a connect error fails with APIConnectionError."""
    decider = attempts(send_op(), max_retries=1)
    decider.after_error(httpx.ConnectError("x", request=request()))
    step = decider.after_error(httpx.ConnectError("x", request=request()))
    assert type(step.error) is APIConnectionError


@pytest.mark.parametrize(
    "error_class", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ConnectError]
)
def test_read_transport_retried(error_class: type[httpx.TransportError]) -> None:
    """A read is retried after any transport error."""
    step = attempts(read_op()).after_error(error_class("x", request=request()))
    assert step == Retry(0.5)


@pytest.mark.parametrize(
    ("retry_after", "delay"), [("3", 3.0), ("0", 0.0), ("3600", 60.0), ("x", 0.5)]
)
def test_retry_after_honoured(retry_after: str, delay: float) -> None:
    """Retry-After on a 429 sets the delay, capped at 60 seconds."""
    reply = response(429, json={}, headers={"Retry-After": retry_after})
    assert attempts(send_op()).after_response(reply) == Retry(delay)


def test_max_retries_zero() -> None:
    """With max_retries=0 a retryable status fails at once."""
    step = attempts(send_op(), max_retries=0).after_response(response(503, json={}))
    assert isinstance(step, Fail)


def test_max_retries_zero_error() -> None:
    """With max_retries=0 a connect error fails at once."""
    step = attempts(read_op(), max_retries=0).after_error(
        httpx.ConnectError("x", request=request())
    )
    assert isinstance(step, Fail)


def test_attempt_counter() -> None:
    """Each response and error counts one attempt."""
    decider = attempts(read_op())
    decider.after_error(httpx.ConnectError("x", request=request()))
    decider.after_response(response(503, json={}))
    assert decider.attempt == 2


@pytest.fixture
def debug_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture the SDK's log at DEBUG."""
    caplog.set_level(logging.DEBUG, logger="telstra_messaging")
    return caplog


def retry_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Return the text of each retry record."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.getMessage().startswith("Retrying")
    ]


def run_send_503s(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Run a send through three 503s that echo the number, and return the log."""
    body = {
        "status": "503",
        "code": "TECH-ERR",
        "message": "Service busy for +61400123456",
    }
    decider = attempts(send_op())
    for _ in range(3):
        decider.after_response(response(503, json=body))
    return [record.getMessage() for record in caplog.records]


def test_log_one_record_per_retry(debug_log: pytest.LogCaptureFixture) -> None:
    """Each retry logs one record."""
    run_send_503s(debug_log)
    assert len(retry_messages(debug_log)) == 2


@pytest.mark.parametrize(
    ("index", "fragment"),
    [
        (0, "POST /messages/sms "),
        (0, "0.50s"),
        (0, "retry 1 of 2"),
        (0, "HTTP 503 TECH-ERR"),
        (1, "1.00s"),
        (1, "retry 2 of 2"),
    ],
)
def test_log_retry_content(
    debug_log: pytest.LogCaptureFixture, index: int, fragment: str
) -> None:
    """A retry record names the path template, delay, retry number and reason."""
    run_send_503s(debug_log)
    assert fragment in retry_messages(debug_log)[index]


def test_log_transport_reason(debug_log: pytest.LogCaptureFixture) -> None:
    """A retry after a transport error names the httpx error class."""
    attempts(send_op()).after_error(httpx.ConnectError("x", request=request()))
    assert retry_messages(debug_log)[0].endswith(": ConnectError")


def test_log_read_uses_template(debug_log: pytest.LogCaptureFixture) -> None:
    """A read's retry record shows the path template, not the message id."""
    attempts(read_op()).after_response(
        response(503, url=STATUS_URL, method="GET", json={})
    )
    assert "GET /messages/sms/{messageId}/status " in retry_messages(debug_log)[0]


@pytest.mark.parametrize(
    "secret", [RECIPIENT_DIGITS, MESSAGE_BODY, "d8a96c9c", "cccb2842"]
)
def test_log_hides_details(debug_log: pytest.LogCaptureFixture, secret: str) -> None:
    """No record contains a phone number, message body or message id."""
    run_send_503s(debug_log)
    decider = attempts(read_op())
    decider.after_response(response(503, url=STATUS_URL, method="GET", json={}))
    decider.after_response(
        response(200, url=STATUS_URL, method="GET", json=STATUS_BODY)
    )
    attempts(send_op()).after_response(response(200, json=SEND_BODY))
    records = [record.getMessage() for record in debug_log.records]
    assert not [text for text in records if secret in text]


class FakeClock:
    """A fake monotonic clock that advances only when a test sets `now`."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_poll_delays_grow() -> None:
    """Delays grow by half each time, up to max_interval."""
    schedule = PollSchedule(
        deadline=100.0, interval=1.0, max_interval=3.0, clock=FakeClock()
    )
    delays = [schedule.next_delay() for _ in range(5)]
    assert delays == [1.0, 1.5, 2.25, 3.0, 3.0]


def test_poll_last_delay_cut() -> None:
    """The last delay is cut to the time left before the deadline."""
    clock = FakeClock(9.5)
    schedule = PollSchedule(deadline=10.0, interval=2.0, max_interval=5.0, clock=clock)
    assert schedule.next_delay() == 0.5


@pytest.mark.parametrize("now", [10.0, 11.0])
def test_poll_none_after_deadline(now: float) -> None:
    """Once the deadline is reached there is no next delay."""
    clock = FakeClock(now)
    schedule = PollSchedule(deadline=10.0, interval=1.0, max_interval=5.0, clock=clock)
    assert schedule.next_delay() is None


def test_poll_follows_clock() -> None:
    """The schedule reads the clock on each call."""
    clock = FakeClock()
    schedule = PollSchedule(deadline=5.0, interval=1.0, max_interval=5.0, clock=clock)
    delays = []
    for _ in range(5):
        delay = schedule.next_delay()
        delays.append(delay)
        if delay is not None:
            clock.now += delay
    assert delays == [1.0, 1.5, 2.25, 0.25, None]


def settings(**overrides: Any) -> Settings:
    """Call resolve_settings with credentials and defaults, plus `overrides`."""
    arguments: dict[str, Any] = {
        "client_id": "id-123",
        "client_secret": "secret-456",
        "base_url": None,
        "auth_url": None,
        "timeout": None,
        "max_retries": 2,
        "max_mms_bytes": DEFAULT_MAX_MMS_BYTES,
    }
    arguments.update(overrides)
    return resolve_settings(**arguments)


@pytest.mark.parametrize(
    ("argument", "variable"),
    [("client_id", "TELSTRA_CLIENT_ID"), ("client_secret", "TELSTRA_CLIENT_SECRET")],
)
@pytest.mark.parametrize("value", [None, ""])
def test_missing_credential(argument: str, variable: str, value: str | None) -> None:
    """A missing credential names the argument and the environment variable."""
    pattern = f"missing {argument}: pass {argument}= or set {variable}"
    with pytest.raises(InvalidInputError, match=pattern):
        settings(**{argument: value})


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        ("TELSTRA_CLIENT_ID", "env-id", "client_id", "env-id"),
        ("TELSTRA_CLIENT_SECRET", "env-secret", "client_secret", "env-secret"),
        (
            "TELSTRA_BASE_URL",
            "http://127.0.0.1:8080/v2/",
            "base_url",
            "http://127.0.0.1:8080/v2",
        ),
        (
            "TELSTRA_AUTH_URL",
            "http://localhost:9000/oauth",
            "auth_url",
            "http://localhost:9000/oauth",
        ),
    ],
)
def test_env_used(
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    field: str,
    expected: str,
) -> None:
    """An environment variable fills an argument that is absent."""
    monkeypatch.setenv(variable, value)
    argument = {field: None}
    assert getattr(settings(**argument), field) == expected


@pytest.mark.parametrize(
    ("variable", "field", "argument_value"),
    [
        ("TELSTRA_CLIENT_ID", "client_id", "arg-id"),
        ("TELSTRA_CLIENT_SECRET", "client_secret", "arg-secret"),
        ("TELSTRA_BASE_URL", "base_url", "https://127.0.0.1:8443/v2"),
        ("TELSTRA_AUTH_URL", "auth_url", "https://127.0.0.1:8443/oauth"),
    ],
)
def test_argument_beats_env(
    monkeypatch: pytest.MonkeyPatch, variable: str, field: str, argument_value: str
) -> None:
    """An argument wins over its environment variable."""
    monkeypatch.setenv(variable, "http://localhost:1/from-env")
    assert getattr(settings(**{field: argument_value}), field) == argument_value


def test_default_base_url() -> None:
    """The default base URL is the documented API server."""
    assert settings().base_url == "https://tapi.telstra.com/v2"


def test_default_auth_url() -> None:
    """The default auth URL is the documented token server."""
    assert settings().auth_url == "https://sapi.telstra.com/v1/oauth"


@pytest.mark.parametrize(
    ("constant", "expected"),
    [
        (DEFAULT_BASE_URL, "https://tapi.telstra.com/v2"),
        (DEFAULT_AUTH_URL, "https://sapi.telstra.com/v1/oauth"),
    ],
)
def test_default_constants(constant: str, expected: str) -> None:
    """The module constants are the documented servers."""
    assert constant == expected


@pytest.mark.parametrize("max_retries", [-1, True, 1.5, "2"])
def test_bad_max_retries(max_retries: Any) -> None:
    """max_retries must be a whole number, 0 or more."""
    with pytest.raises(InvalidInputError, match="max_retries"):
        settings(max_retries=max_retries)


def test_max_retries_passed() -> None:
    """max_retries reaches the retry policy."""
    assert settings(max_retries=5).retry.max_retries == 5


@pytest.mark.parametrize("field", ["base_url", "auth_url"])
def test_plain_http_rejected(field: str) -> None:
    """Plain http on a host that is not loopback is rejected."""
    with pytest.raises(InvalidInputError, match="use https"):
        settings(**{field: "http://example.com/v2"})


def test_plain_http_env_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain http from the environment is rejected too, naming the variable."""
    monkeypatch.setenv("TELSTRA_BASE_URL", "http://example.com/v2")
    with pytest.raises(InvalidInputError, match="TELSTRA_BASE_URL"):
        settings()


def test_default_timeout() -> None:
    """Without a timeout the default applies."""
    assert settings().timeout == DEFAULT_TIMEOUT


def test_number_timeout() -> None:
    """A number of seconds becomes an httpx.Timeout."""
    assert settings(timeout=5).timeout == httpx.Timeout(5.0)


@pytest.mark.parametrize("timeout", [0, -1, True, "5"])
def test_bad_timeout(timeout: Any) -> None:
    """A timeout that is not a positive number is rejected."""
    with pytest.raises(InvalidInputError, match="timeout"):
        settings(timeout=timeout)


@pytest.mark.parametrize("limit", [0, -1, True, 1.5])
def test_settings_bad_mms_limit_rejected(limit: object) -> None:
    """max_mms_bytes must be a positive whole number."""
    with pytest.raises(InvalidInputError):
        settings(max_mms_bytes=limit)


@pytest.mark.parametrize("secret", ["id-123", "secret-456"])
def test_settings_repr_hides(secret: str) -> None:
    """The settings repr never shows the credentials."""
    assert secret not in repr(settings())
