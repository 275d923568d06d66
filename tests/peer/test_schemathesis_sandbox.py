"""schemathesis generates requests from openapi.yaml and checks the sandbox's responses.

The spec's servers are Telstra's hosts, and the token operation has a server of its
own. schemathesis gets a copy of the spec whose paths carry the sandbox's path
prefixes (`/v1/oauth/token`, `/v2/messages/...`) and whose server and OAuth token
URL are relative, so a request sent without `base_url` fails instead of leaving
the machine. Each test passes the sandbox's origin on 127.0.0.1 as `base_url`,
and a requests session that ignores HTTP_PROXY and the like.

The schema is loaded when the module is imported, because
`schemathesis.pytest.from_fixture` in schemathesis 4.32.5 reads
`request.node._nodeid`, which pytest 9.2.0 no longer has.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
import requests
import schemathesis
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config import HealthCheck, SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from spec_support import load_spec

from telstra_messaging.sandbox import SandboxServer

# Fixed seed for every operation's cases, so a run repeats the previous one even
# after the test functions' code changes (Hypothesis's derandomize alone derives
# its seed from that code).
SEED = 0
# Generated cases per operation in the fuzzing phase. The examples and coverage
# phases add a fixed set of cases derived from the schema.
MAX_EXAMPLES = 25
# Seconds a single request to the sandbox may take before the case fails.
REQUEST_TIMEOUT = 10.0
# Polls before a test gives up waiting for a delivery or an empty reply queue.
# The sandbox's status interval is 0.05 s, so a few polls normally suffice.
MAX_POLLS = 200
POLL_INTERVAL = 0.05
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


def sandbox_document() -> dict[str, Any]:
    """Return a copy of openapi.yaml with the sandbox's paths and relative URLs."""
    document = copy.deepcopy(load_spec())
    default_servers = document.pop("servers")
    paths = {}
    for path, path_item in document["paths"].items():
        servers = path_item.pop("servers", default_servers)
        prefix = urlsplit(servers[0]["url"]).path.rstrip("/")
        paths[prefix + path] = path_item
    document["paths"] = paths
    document["servers"] = [{"url": "/"}]
    flows = document["components"]["securitySchemes"]["oauth2"]["flows"]
    token_url = flows["clientCredentials"]["tokenUrl"]
    flows["clientCredentials"]["tokenUrl"] = urlsplit(token_url).path
    return document


def load_schema(modes: list[GenerationMode]) -> schemathesis.BaseSchema:
    """Load the sandbox's copy of the spec with bounded, repeatable generation.

    An explicit SchemathesisConfig keeps a schemathesis.toml elsewhere on the
    machine from changing the run. The disabled example database keeps one run
    from replaying another run's failures. Hypothesis's too_slow health check is
    off because it fails on generation time, which depends on the machine's load.
    """
    config = SchemathesisConfig(seed=SEED, suppress_health_check=[HealthCheck.too_slow])
    schema = schemathesis.openapi.from_dict(sandbox_document(), config=config)
    schema.config.update(request_timeout=REQUEST_TIMEOUT)
    schema.config.generation.update(
        modes=modes, max_examples=MAX_EXAMPLES, deterministic=True, database="none"
    )
    return schema


schema = load_schema([GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
# Without a token, only valid requests are sent: the sandbox matches the path and
# method (404, 405) before it checks the token, so an invalid path parameter or
# method would never reach the token check.
anonymous_schema = load_schema([GenerationMode.POSITIVE]).exclude(
    operation_id="get_access_token"
)


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    """The requests session that schemathesis sends with, ignoring proxy variables."""
    with requests.Session() as http:
        http.trust_env = False
        yield http


@pytest.fixture(scope="module")
def access_token(sandbox: SandboxServer) -> str:
    """A bearer token from the sandbox's token endpoint."""
    response = httpx.post(
        sandbox.auth_url + "/token",
        data={
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "grant_type": "client_credentials",
            "scope": "NSMS",
        },
        timeout=REQUEST_TIMEOUT,
        trust_env=False,
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@schema.parametrize()
def test_sandbox_conforms_with_token(
    case: schemathesis.Case,
    sandbox: SandboxServer,
    session: requests.Session,
    access_token: str,
) -> None:
    """With a valid token, no response is a 5xx or departs from the spec."""
    case.call_and_validate(
        base_url=sandbox.origin,
        session=session,
        headers={"Authorization": f"Bearer {access_token}"},
        checks=CHECKS,
    )


@anonymous_schema.parametrize()
def test_sandbox_requires_token(
    case: schemathesis.Case, sandbox: SandboxServer, session: requests.Session
) -> None:
    """Without a token, every messaging operation returns 401 with an Error body."""
    header_names = {name.lower() for name in case.headers or {}}
    assert "authorization" not in header_names

    response = case.call_and_validate(
        base_url=sandbox.origin, session=session, checks=CHECKS
    )

    assert response.status_code == 401, response.text
    assert response.json()["status"] == 401


def send(sandbox: SandboxServer, token: str, kind: str, body: dict[str, Any]) -> str:
    """Send one SMS or MMS straight to the sandbox and return its message id."""
    response = httpx.post(
        f"{sandbox.base_url}/messages/{kind}",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=REQUEST_TIMEOUT,
        trust_env=False,
    )
    assert response.status_code == 200, response.text
    message_id: str = response.json()["messages"][0]["messageId"]
    return message_id


@pytest.mark.parametrize("kind", ["sms", "mms"])
def test_sandbox_status_conforms(
    sandbox: SandboxServer, session: requests.Session, access_token: str, kind: str
) -> None:
    """Status responses for a stored message conform from PEND to DELIVRD."""
    body: dict[str, Any] = {"to": "+61491570006", "replyRequest": True}
    if kind == "sms":
        body["body"] = "Status check"
    else:
        body["subject"] = "Status check"
        body["MMSContent"] = [
            {"type": "text/plain", "filename": "note.txt", "payload": "aGk="}
        ]
    message_id = send(sandbox, access_token, kind, body)
    operation = schema[f"/v2/messages/{kind}/{{messageId}}/status"]["GET"]
    headers = {"Authorization": f"Bearer {access_token}"}

    # schemathesis sends explicit path parameters as given, so the MMS id's slashes
    # are percent-encoded here, as the spec requires.
    path_parameters = {"messageId": quote(message_id, safe="")}

    statuses = []
    for _ in range(MAX_POLLS):
        case = operation.Case(path_parameters=path_parameters)
        response = case.call_and_validate(
            base_url=sandbox.origin, session=session, headers=headers, checks=CHECKS
        )
        assert response.status_code == 200, response.text
        statuses.append(response.json()["deliveryStatus"])
        if statuses[-1] == "DELIVRD":
            break
        time.sleep(POLL_INTERVAL)

    assert statuses[-1] == "DELIVRD", statuses
    assert set(statuses) <= {"PEND", "SENT", "DELIVRD"}


def test_sandbox_replies_conform(
    sandbox: SandboxServer, session: requests.Session, access_token: str
) -> None:
    """Reply responses conform while replies wait and once the queue is empty."""
    headers = {"Authorization": f"Bearer {access_token}"}
    operation = schema["/v2/messages/sms"]["GET"]
    for _ in range(2):
        send(
            sandbox,
            access_token,
            "sms",
            {"to": "+61491570006", "body": "Reply please", "replyRequest": True},
        )
    # Replies are queued once a message is delivered, two status intervals after
    # it was sent.
    time.sleep(sandbox.state.status_interval * 3)

    bodies = []
    for _ in range(MAX_POLLS):
        response = operation.Case().call_and_validate(
            base_url=sandbox.origin, session=session, headers=headers, checks=CHECKS
        )
        bodies.append(response.json())
        if bodies[-1] == []:
            break

    assert bodies[-1] == []
    assert any(body and body[0]["moreMessages"] >= 1 for body in bodies)


@pytest.mark.parametrize(
    ("path", "method", "path_parameters", "body", "expected_status"),
    [
        (
            "/v2/messages/mms",
            "POST",
            {},
            {
                "to": "+61491570006",
                "subject": "Non-ASCII payload",
                "MMSContent": [
                    {"type": "image/png", "filename": "logo.png", "payload": "é"}
                ],
            },
            400,
        ),
        (
            "/v2/messages/sms/{messageId}/status",
            "GET",
            # Explicit path parameters are sent as given: this is an encoded newline.
            {"messageId": "before%0Aafter"},
            None,
            404,
        ),
    ],
    ids=["non-ascii-mms-payload", "newline-in-message-id"],
)
def test_sandbox_edge_inputs_conform(
    sandbox: SandboxServer,
    session: requests.Session,
    access_token: str,
    path: str,
    method: str,
    path_parameters: dict[str, str],
    body: dict[str, Any] | None,
    expected_status: int,
) -> None:
    """Inputs that tripped the sandbox's validator or router get spec errors."""
    operation = schema[path][method]
    if body is None:
        case = operation.Case(path_parameters=path_parameters)
    else:
        case = operation.Case(path_parameters=path_parameters, body=body)

    response = case.call_and_validate(
        base_url=sandbox.origin,
        session=session,
        headers={"Authorization": f"Bearer {access_token}"},
        checks=CHECKS,
    )

    assert response.status_code == expected_status, response.text
