"""The wrapper against `prism mock openapi.yaml`, Stoplight's mock server.

Prism validates each request against openapi.yaml, responds with the spec's
examples, validates its own response, and lists any violation in the
`sl-violations` response header. Prism mock ignores `servers`, so it serves every
path, the token operation's included, at its root: the wrapper's `base_url` and
`auth_url` both point at the mock's origin.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from prism_support import (
    ROOT,
    VIOLATIONS_HEADER,
    PrismProcess,
    RecordingTransport,
    describe,
)

from telstra_messaging import (
    DeliveryStatus,
    MessageStatus,
    MmsContent,
    Reply,
    SendResult,
    TelstraMessaging,
)

IMAGE = ROOT / "scripts" / "assets" / "demo-logo.png"
RECIPIENT = "0491 570 006"
# The Unauthorized response's example in openapi.yaml, which Prism mock returns.
UNAUTHORIZED_EXAMPLE = {
    "status": 401,
    "message": "Invalid or no credentials passed in the request",
}


@pytest.fixture
def recorder() -> RecordingTransport:
    """Transport that keeps every response the wrapper receives."""
    return RecordingTransport()


@pytest.fixture
def client(
    prism_mock: PrismProcess, recorder: RecordingTransport
) -> Iterator[TelstraMessaging]:
    """A wrapper client whose base URL and token URL are the mock's origin."""
    with TelstraMessaging(
        "mock-client-id",
        "mock-client-secret",
        base_url=prism_mock.origin,
        auth_url=prism_mock.origin,
        max_retries=0,
        transport=recorder,
    ) as client:
        yield client


@pytest.fixture
def http(prism_mock: PrismProcess) -> Iterator[httpx.Client]:
    """A plain httpx client for the mock's origin."""
    with httpx.Client(
        base_url=prism_mock.origin, timeout=10.0, trust_env=False
    ) as client:
        yield client


def test_wrapper_operations_on_mock(
    client: TelstraMessaging, recorder: RecordingTransport
) -> None:
    """Every wrapper operation gets a typed result and Prism finds no violation."""
    sms = client.send_sms(RECIPIENT, "Your table is ready", reply_request=True)
    sms_status = client.get_sms_status(sms.message_id)
    replies = client.retrieve_sms_replies()
    mms = client.send_mms(RECIPIENT, MmsContent.from_path(IMAGE), subject="Table map")
    mms_status = client.get_mms_status(mms.message_id)

    assert isinstance(sms, SendResult)
    assert sms.message_id
    assert isinstance(sms_status, MessageStatus)
    assert sms_status.delivery_status is DeliveryStatus.DELIVERED
    assert all(isinstance(reply, Reply) for reply in replies)
    assert replies[0].message_id
    assert isinstance(mms, SendResult)
    assert mms.message_id
    assert isinstance(mms_status, MessageStatus)
    assert mms_status.delivery_status is DeliveryStatus.DELIVERED

    requests = [
        (response.request.method, response.request.url.path)
        for response in recorder.responses
    ]
    assert requests == [
        ("POST", "/token"),
        ("POST", "/messages/sms"),
        ("GET", f"/messages/sms/{sms.message_id}/status"),
        ("GET", "/messages/sms"),
        ("POST", "/messages/mms"),
        ("GET", f"/messages/mms/{mms.message_id}/status"),
    ]
    for response in recorder.responses:
        assert VIOLATIONS_HEADER not in response.headers, describe(response)
        assert response.is_success, describe(response)


def test_mock_rejects_sms_without_body(http: httpx.Client) -> None:
    """A send_sms request without the required `body` is a reported violation."""
    response = http.post(
        "/messages/sms",
        json={"to": "+61491570006"},
        headers={"Authorization": "Bearer any-token"},
    )
    violations = json.loads(response.headers.get(VIOLATIONS_HEADER, "[]"))

    assert response.status_code == 422, describe(response)
    assert [violation["location"] for violation in violations] == [["request", "body"]]
    assert "'body'" in violations[0]["message"]


@pytest.mark.parametrize(
    "authorization",
    [None, "Basic bW9jazptb2Nr", "Bearer", "bearer lower-case-scheme"],
    ids=["missing", "basic-scheme", "no-token", "lower-case-scheme"],
)
def test_mock_rejects_bad_authorization(
    http: httpx.Client, authorization: str | None
) -> None:
    """Without `Bearer <token>`, Prism returns the spec's 401 and a violation."""
    headers = {} if authorization is None else {"Authorization": authorization}
    response = http.get("/messages/sms", headers=headers)
    violations = json.loads(response.headers.get(VIOLATIONS_HEADER, "[]"))

    assert response.status_code == 401, describe(response)
    assert response.json() == UNAUTHORIZED_EXAMPLE
    assert [violation.get("code") for violation in violations] == [401]


def test_mock_accepts_any_bearer_token(http: httpx.Client) -> None:
    """Prism checks only the Authorization header's form, never the token itself."""
    response = http.get(
        "/messages/sms", headers={"Authorization": "Bearer never-issued"}
    )

    assert response.status_code == 200, describe(response)
    assert VIOLATIONS_HEADER not in response.headers
