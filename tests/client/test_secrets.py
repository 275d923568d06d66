"""Secrets, tokens, phone numbers and message bodies never leak into logs,
reprs or exception messages."""

from __future__ import annotations

import logging
import traceback

import httpx
import pytest
from fake_service import FakeService

from telstra_messaging import (
    APIConnectionError,
    APIStatusError,
    ResponseValidationError,
    TelstraError,
    TelstraMessaging,
)

FAKE_SECRET = "planted-secret-5f1e9c"
FAKE_TOKEN = "planted-token-a8d2b7"
FAKE_NUMBER = "0412 345 678"
FAKE_NUMBER_E164 = "+61412345678"
FAKE_BODY = "planted body: your code is 884422"
PLANTED = [
    FAKE_SECRET,
    FAKE_TOKEN,
    FAKE_NUMBER,
    FAKE_NUMBER_E164,
    "412345678",
    FAKE_BODY,
]


def _token_answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, json={"access_token": FAKE_TOKEN, "token_type": "Bearer", "expires_in": 5}
    )


def _echoing_error(request: httpx.Request) -> httpx.Response:
    # A service error that echoes the recipient number and the body back.
    message = f"Invalid destination {FAKE_NUMBER_E164} for '{FAKE_BODY}'"
    return httpx.Response(
        400, json={"status": "400", "code": "TO-MSISDN-NOT-VALID", "message": message}
    )


def _exercise(client: TelstraMessaging, service: FakeService) -> list[object]:
    """Run sends, failures and retries; return every object a user might print."""
    seen: list[object] = [client]
    service.queue("/token", _token_answer, _token_answer, _token_answer)
    sent = client.send_sms(FAKE_NUMBER, FAKE_BODY, from_=FAKE_NUMBER)
    seen += [sent, *sent.messages, client.get_sms_status(sent.message_id)]

    service.queue(
        "/messages/sms",
        httpx.Response(503, json={"status": 503, "message": FAKE_BODY}),
        httpx.Response(401, json={"status": 401}),
        _echoing_error,
        httpx.ConnectError(f"connect failed for {FAKE_TOKEN}"),
        httpx.ReadTimeout("read timed out"),
        httpx.Response(200, text=f"<html>{FAKE_BODY}</html>"),
    )
    for _ in range(3):
        try:
            client.send_sms(FAKE_NUMBER, FAKE_BODY)
        except TelstraError as error:
            seen.append(error)
    return seen


@pytest.fixture
def exercised(
    client: TelstraMessaging, service: FakeService, caplog: pytest.LogCaptureFixture
) -> tuple[list[object], list[logging.LogRecord]]:
    """Every printable object and every log record from one planted run."""
    caplog.set_level(logging.DEBUG, logger="telstra_messaging")
    return _exercise(client, service), caplog.records


def test_secrets_run_hits_every_path(
    exercised: tuple[list[object], list[logging.LogRecord]],
) -> None:
    """The planted run reaches status, connection and unreadable-body errors."""
    seen, records = exercised
    kinds = {type(item) for item in seen}
    assert any(issubclass(kind, APIStatusError) for kind in kinds)
    assert any(issubclass(kind, APIConnectionError) for kind in kinds)
    assert ResponseValidationError in kinds
    assert any("Retrying" in record.getMessage() for record in records)


def test_secrets_absent_from_logs(
    exercised: tuple[list[object], list[logging.LogRecord]],
) -> None:
    """No log record carries a planted value in its message, args or exception."""
    _, records = exercised
    assert records
    for record in records:
        text = record.getMessage() + repr(record.args)
        if record.exc_info:
            text += "".join(traceback.format_exception(*record.exc_info))
        for value in PLANTED:
            assert value not in text, record.getMessage()


def test_secrets_absent_from_reprs_and_messages(
    exercised: tuple[list[object], list[logging.LogRecord]],
) -> None:
    """No repr, str or exception message shows a planted value."""
    seen, _ = exercised
    for item in seen:
        for text in (repr(item), str(item)):
            for value in PLANTED:
                assert value not in text, type(item).__name__


def test_secrets_absent_from_client_repr() -> None:
    """The client's repr names its URLs and nothing of its credentials."""
    client = TelstraMessaging("planted-id-77", FAKE_SECRET)
    text = repr(client)
    client.close()
    assert FAKE_SECRET not in text
    assert "planted-id-77" not in text
    assert "tapi.telstra.com" in text
