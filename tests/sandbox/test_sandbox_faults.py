"""Fault injection and request counting of the sandbox."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from spec_support import load_spec

from telstra_messaging.sandbox import (
    OPERATION_IDS,
    AcceptThenDelay,
    AcceptThenDrop,
    AcceptThenFail,
    DelayThenProcess,
    RespondWith,
    SandboxServer,
    SandboxState,
)

from .support import mms, sms, token_form

_SHORT_READ = httpx.Timeout(5.0, read=0.2)


def test_operation_ids_match_spec() -> None:
    """OPERATION_IDS lists exactly the operations of openapi.yaml."""
    spec_ids = {
        operation["operationId"]
        for path_item in load_spec()["paths"].values()
        for operation in path_item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert set(OPERATION_IDS) == spec_ids


def test_respond_503_not_stored(api: httpx.Client, state: SandboxState) -> None:
    """RespondWith(503) sends the spec's Error body and stores nothing."""
    state.inject("send_sms", RespondWith(503))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 503
    assert response.json()["code"] == "SERVICE-UNAVAILABLE"
    assert state.accepted_count() == 0


def test_respond_500_default(api: httpx.Client, state: SandboxState) -> None:
    """RespondWith(500) sends TECH-ERR."""
    state.inject("send_sms", RespondWith(500))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 500
    assert response.json()["code"] == "TECH-ERR"


def test_respond_429_retry_after(api: httpx.Client, state: SandboxState) -> None:
    """too_many_requests sends 429 with Retry-After."""
    state.inject("send_sms", RespondWith.too_many_requests(retry_after=7))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"


def test_respond_503_retry_after(api: httpx.Client, state: SandboxState) -> None:
    """service_unavailable sends 503 with Retry-After."""
    state.inject("send_sms", RespondWith.service_unavailable(retry_after=3))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "3"


def test_respond_spike_arrest(api: httpx.Client, state: SandboxState) -> None:
    """spike_arrest sends 403 SpikeArrest."""
    state.inject("send_sms", RespondWith.spike_arrest())
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 403
    assert response.json()["code"] == "SpikeArrest"


def test_respond_quota_exceeded(api: httpx.Client, state: SandboxState) -> None:
    """quota_exceeded sends 403 MSG_Monetization_ERR."""
    state.inject("send_sms", RespondWith.quota_exceeded())
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 403
    assert response.json()["code"] == "MSG_Monetization_ERR"


def test_respond_custom_json(raw_api: httpx.Client, state: SandboxState) -> None:
    """RespondWith sends a given JSON body, such as the live string status."""
    body = {"status": "404", "code": "RESOURCE-NOT-FOUND", "message": ""}
    state.inject("get_sms_status", RespondWith(404, json_body=body))
    response = raw_api.get("/messages/sms/abc/status")
    assert response.status_code == 404
    assert response.json() == body


def test_respond_gateway_html(raw_api: httpx.Client, state: SandboxState) -> None:
    """gateway_html sends an HTML page."""
    state.inject("send_sms", RespondWith.gateway_html(502))
    response = raw_api.post("/messages/sms", json=sms())
    assert response.status_code == 502
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.text.startswith("<html>")


def test_respond_empty_body(raw_api: httpx.Client, state: SandboxState) -> None:
    """empty sends no body and no Content-Type."""
    state.inject("send_sms", RespondWith.empty(504))
    response = raw_api.post("/messages/sms", json=sms())
    assert response.status_code == 504
    assert response.content == b""
    assert "Content-Type" not in response.headers


def test_respond_before_auth(client: httpx.Client, state: SandboxState) -> None:
    """RespondWith applies before the token check, as a gateway would."""
    state.inject("send_sms", RespondWith(503))
    response = client.post("/v2/messages/sms", json=sms())
    assert response.status_code == 503


def test_respond_on_token(raw_client: httpx.Client, server: SandboxServer) -> None:
    """Faults apply to the token operation too."""
    server.state.inject("get_access_token", RespondWith(503))
    response = raw_client.post("/v1/oauth/token", data=token_form(server))
    assert response.status_code == 503
    assert server.state.request_count("get_access_token") == 1


def test_fault_times(api: httpx.Client, state: SandboxState) -> None:
    """A fault injected twice applies to two requests, then service resumes."""
    state.inject("send_sms", RespondWith(503), times=2)
    statuses = [api.post("/messages/sms", json=sms()).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert state.pending_faults("send_sms") == 0


def test_faults_in_order(api: httpx.Client, state: SandboxState) -> None:
    """Faults for one operation apply in the order they were injected."""
    state.inject("send_sms", RespondWith(503))
    state.inject("send_sms", RespondWith.spike_arrest())
    first = api.post("/messages/sms", json=sms())
    second = api.post("/messages/sms", json=sms())
    assert first.status_code == 503
    assert second.json()["code"] == "SpikeArrest"


def test_faults_per_operation(api: httpx.Client, state: SandboxState) -> None:
    """A fault for one operation leaves the others alone."""
    state.inject("send_mms", RespondWith(503))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 200
    assert state.pending_faults("send_mms") == 1


def test_clear_faults(api: httpx.Client, state: SandboxState) -> None:
    """clear_faults drops every queued fault."""
    state.inject("send_sms", RespondWith(503), times=3)
    state.clear_faults()
    assert api.post("/messages/sms", json=sms()).status_code == 200


def test_accept_then_fail(api: httpx.Client, state: SandboxState) -> None:
    """AcceptThenFail stores the message, then responds 500."""
    state.inject("send_sms", AcceptThenFail())
    failed = api.post("/messages/sms", json=sms())
    retried = api.post("/messages/sms", json=sms())
    assert failed.status_code == 500
    assert failed.json()["code"] == "TECH-ERR"
    assert retried.status_code == 200
    assert state.accepted_count() == 2


def test_accept_fault_skips_rejected(api: httpx.Client, state: SandboxState) -> None:
    """An accept fault waits for a request that the sandbox accepts."""
    state.inject("send_sms", AcceptThenFail(503))
    rejected = api.post("/messages/sms", json=sms(to="123"))
    pending = state.pending_faults("send_sms")
    failed = api.post("/messages/sms", json=sms())
    assert rejected.status_code == 400
    assert pending == 1
    assert failed.status_code == 503
    assert state.accepted_count() == 1


def test_accept_fault_blocks_queue(api: httpx.Client, state: SandboxState) -> None:
    """A fault queued behind a waiting accept fault waits its turn."""
    state.inject("send_sms", AcceptThenFail())
    state.inject("send_sms", RespondWith(503))
    rejected = api.post("/messages/sms", json=sms(to="123"))
    failed = api.post("/messages/sms", json=sms())
    unavailable = api.post("/messages/sms", json=sms())
    assert rejected.status_code == 400
    assert failed.status_code == 500
    assert unavailable.status_code == 503


def test_accept_then_drop(api: httpx.Client, state: SandboxState) -> None:
    """AcceptThenDrop stores the message and cuts the response body short."""
    state.inject("send_sms", AcceptThenDrop())
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/messages/sms", json=sms())
    assert state.accepted_count() == 1


def test_drop_then_next_works(api: httpx.Client, state: SandboxState) -> None:
    """The server keeps serving after a dropped connection."""
    state.inject("send_mms", AcceptThenDrop())
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/messages/mms", json=mms())
    response = api.post("/messages/mms", json=mms())
    assert response.status_code == 200
    assert state.accepted_count() == 2


def test_drop_status_call(api: httpx.Client, state: SandboxState) -> None:
    """AcceptThenDrop works on a read operation."""
    message_id = api.post("/messages/sms", json=sms()).json()["messages"][0][
        "messageId"
    ]
    state.inject("get_sms_status", AcceptThenDrop())
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(f"/messages/sms/{message_id}/status")


def test_accept_then_delay(api: httpx.Client, state: SandboxState) -> None:
    """AcceptThenDelay stores the message and outlasts the read timeout."""
    state.inject("send_sms", AcceptThenDelay(1.0))
    with pytest.raises(httpx.ReadTimeout):
        api.post("/messages/sms", json=sms(), timeout=_SHORT_READ)
    assert state.accepted_count() == 1


def test_short_delay_responds(api: httpx.Client, state: SandboxState) -> None:
    """AcceptThenDelay responds normally when the client waits long enough."""
    state.inject("send_sms", AcceptThenDelay(0.05))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 200


def test_delay_then_process(
    api: httpx.Client, server: SandboxServer, state: SandboxState
) -> None:
    """DelayThenProcess stores nothing when the client gives up first."""
    state.inject("send_sms", DelayThenProcess(1.0))
    with pytest.raises(httpx.ReadTimeout):
        api.post("/messages/sms", json=sms(), timeout=_SHORT_READ)
    server.stop()
    assert state.accepted_count() == 0


def test_delay_then_process_short(api: httpx.Client, state: SandboxState) -> None:
    """DelayThenProcess processes the request after the delay."""
    state.inject("send_sms", DelayThenProcess(0.05))
    response = api.post("/messages/sms", json=sms())
    assert response.status_code == 200
    assert state.accepted_count() == 1


def test_stop_cuts_long_delay(server: SandboxServer, token: str) -> None:
    """Stopping the server ends a request held by a long injected delay."""
    server.state.inject("send_sms", AcceptThenDelay(30))
    outcome: dict[str, object] = {}

    def send() -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=server.base_url, timeout=60.0) as http:
            try:
                outcome["status"] = http.post(
                    "/messages/sms", json=sms(), headers=headers
                ).status_code
            except httpx.TransportError as error:
                outcome["error"] = error

    sender = threading.Thread(target=send)
    sender.start()
    for _ in range(500):
        if server.state.accepted_count():
            break
        time.sleep(0.01)
    server.stop()
    sender.join()
    assert server.state.accepted_count() == 1
    assert outcome.get("status") != 200


def test_request_count_token_reuse(api: httpx.Client, state: SandboxState) -> None:
    """One token request serves many messaging calls."""
    for _ in range(5):
        api.post("/messages/sms", json=sms())
    assert state.request_count("get_access_token") == 1
    assert state.request_count("send_sms") == 5


def test_request_count_all_outcomes(client: httpx.Client, state: SandboxState) -> None:
    """Rejected and faulted requests are counted; unmatched paths are not."""
    state.inject("retrieve_sms_responses", RespondWith(503))
    client.get("/v2/messages/sms")
    client.get("/v2/messages/sms")
    client.get("/v2/messages/nothing")
    assert state.request_count("retrieve_sms_responses") == 2


def test_inject_unknown_operation() -> None:
    """inject rejects an operation id that openapi.yaml does not define."""
    with pytest.raises(ValueError, match="unknown operation id"):
        SandboxState().inject("sendSms", RespondWith(503))


def test_inject_times_positive() -> None:
    """inject rejects times below 1."""
    with pytest.raises(ValueError, match="times"):
        SandboxState().inject("send_sms", RespondWith(503), times=0)


def test_request_count_unknown() -> None:
    """request_count rejects an unknown operation id."""
    with pytest.raises(ValueError, match="unknown operation id"):
        SandboxState().request_count("send")


@pytest.mark.parametrize("status", [99, 600])
def test_fault_status_range(status: int) -> None:
    """Fault statuses must be HTTP statuses."""
    with pytest.raises(ValueError, match="status"):
        RespondWith(status)


def test_fault_one_body() -> None:
    """RespondWith takes a JSON body or raw content, not both."""
    with pytest.raises(ValueError, match="not both"):
        RespondWith(500, json_body={}, content=b"")


@pytest.mark.parametrize("fault_class", [AcceptThenDelay, DelayThenProcess])
def test_fault_delay_not_negative(
    fault_class: type[AcceptThenDelay] | type[DelayThenProcess],
) -> None:
    """Delays must not be negative."""
    with pytest.raises(ValueError, match="negative"):
        fault_class(-1)
