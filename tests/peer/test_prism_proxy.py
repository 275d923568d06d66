"""The wrapper's main job through `prism proxy --errors`, Stoplight's validating
proxy, in front of the sandbox.

Prism 5.14.2 forwards a request to the upstream URL's path joined with the request
path, so a proxy whose upstream is http://127.0.0.1:S/v2 sends `/messages/sms` on
to `/v2/messages/sms`. The sandbox serves the token operation under `/v1/oauth`
and the messaging operations under `/v2`, so one proxy fronts each. With
`--errors`, Prism rejects a request that violates openapi.yaml itself (401 or 422)
without forwarding it, and replaces an upstream response that violates the spec
with a 500. Each is an application/problem+json body: the 422 and the 500 list
the violations in its `validation` field, and the 500 also in `sl-violations`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from main_job import run_main_job
from prism_support import (
    VIOLATIONS_HEADER,
    PrismProcess,
    RecordingTransport,
    describe,
)

from telstra_messaging import TelstraMessaging
from telstra_messaging.sandbox import RespondWith, SandboxServer

PRISM_PROBLEM = "https://stoplight.io/prism/errors#"


def operation_id(request: httpx.Request) -> str:
    """Return the openapi.yaml operation id of a request the wrapper sent."""
    method, path = request.method, request.url.path
    if path == "/token":
        return "get_access_token"
    if path == "/messages/sms":
        return "send_sms" if method == "POST" else "retrieve_sms_responses"
    if path == "/messages/mms":
        return "send_mms"
    if path.startswith("/messages/sms/"):
        return "get_sms_status"
    if path.startswith("/messages/mms/"):
        return "get_mms_status"
    raise AssertionError(f"the wrapper sent a request to an unknown path: {path}")


@pytest.fixture
def recorder() -> RecordingTransport:
    """Transport that keeps every response the wrapper receives."""
    return RecordingTransport()


@pytest.fixture
def client(
    sandbox: SandboxServer,
    api_proxy: PrismProcess,
    auth_proxy: PrismProcess,
    recorder: RecordingTransport,
) -> Iterator[TelstraMessaging]:
    """A wrapper client whose base URL and token URL are the two proxies."""
    with TelstraMessaging(
        sandbox.client_id,
        sandbox.client_secret,
        base_url=api_proxy.origin,
        auth_url=auth_proxy.origin,
        max_retries=0,
        transport=recorder,
    ) as client:
        yield client


@pytest.fixture
def token(auth_proxy: PrismProcess, sandbox: SandboxServer) -> str:
    """An access token that the sandbox issued through the token proxy."""
    response = httpx.post(
        auth_proxy.origin + "/token",
        data={
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "grant_type": "client_credentials",
            "scope": "NSMS",
        },
        timeout=10.0,
        trust_env=False,
    )
    assert response.status_code == 200, describe(response)
    access_token: str = response.json()["access_token"]
    return access_token


def request_counts(sandbox: SandboxServer) -> Counter[str]:
    """Return how many requests the sandbox served for each operation id."""
    return Counter(
        {
            name: sandbox.state.request_count(name)
            for name in (
                "get_access_token",
                "send_sms",
                "retrieve_sms_responses",
                "get_sms_status",
                "send_mms",
                "get_mms_status",
            )
        }
    )


def test_main_job_through_proxy(
    client: TelstraMessaging, recorder: RecordingTransport, sandbox: SandboxServer
) -> None:
    """The main job passes Prism's checks, and every request reaches the sandbox."""
    counts_before = request_counts(sandbox)

    run_main_job(client, poll_interval=0.05)

    for response in recorder.responses:
        assert VIOLATIONS_HEADER not in response.headers, describe(response)
        assert response.is_success, describe(response)

    sent = Counter(operation_id(response.request) for response in recorder.responses)
    assert sent["get_access_token"] == 1
    assert sent["get_mms_status"] >= 1
    assert request_counts(sandbox) - counts_before == sent


def test_proxy_rejects_invalid_request(
    api_proxy: PrismProcess, sandbox: SandboxServer, token: str
) -> None:
    """With --errors, an SMS without `body` gets Prism's 422 and is not forwarded."""
    sends_before = sandbox.state.request_count("send_sms")

    response = httpx.post(
        api_proxy.origin + "/messages/sms",
        json={"to": "+61491570006"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10.0,
        trust_env=False,
    )
    problem = response.json()

    assert response.status_code == 422, describe(response)
    assert problem["type"] == PRISM_PROBLEM + "UNPROCESSABLE_ENTITY"
    assert [item["location"] for item in problem["validation"]] == [["body"]]
    assert sandbox.state.request_count("send_sms") == sends_before


def test_proxy_rejects_missing_token(
    api_proxy: PrismProcess, sandbox: SandboxServer
) -> None:
    """A messaging request without a bearer token gets Prism's 401, not forwarded."""
    polls_before = sandbox.state.request_count("retrieve_sms_responses")

    response = httpx.get(
        api_proxy.origin + "/messages/sms", timeout=10.0, trust_env=False
    )

    assert response.status_code == 401, describe(response)
    assert response.json()["type"] == PRISM_PROBLEM + "UNAUTHORIZED"
    assert sandbox.state.request_count("retrieve_sms_responses") == polls_before


@pytest.mark.parametrize(
    ("fault", "expected_location"),
    [
        (
            RespondWith(200, json_body=[{"moreMessages": "two"}]),
            ["response", "body", "0", "moreMessages"],
        ),
        (RespondWith.gateway_html(502), ["response"]),
    ],
    ids=["wrong-type", "html-body"],
)
def test_proxy_rejects_invalid_response(
    api_proxy: PrismProcess,
    sandbox: SandboxServer,
    token: str,
    fault: RespondWith,
    expected_location: list[str],
) -> None:
    """With --errors, an upstream response that breaks the spec becomes Prism's 500."""
    polls_before = sandbox.state.request_count("retrieve_sms_responses")
    sandbox.state.inject("retrieve_sms_responses", fault)

    response = httpx.get(
        api_proxy.origin + "/messages/sms",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10.0,
        trust_env=False,
    )
    violations = json.loads(response.headers.get(VIOLATIONS_HEADER, "[]"))

    assert response.status_code == 500, describe(response)
    assert response.json()["type"] == PRISM_PROBLEM + "VIOLATIONS"
    assert expected_location in [item["location"] for item in violations]
    assert sandbox.state.request_count("retrieve_sms_responses") == polls_before + 1
