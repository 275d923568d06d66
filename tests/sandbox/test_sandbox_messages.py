"""Sending SMS and MMS, and reading their delivery status, on the sandbox."""

from __future__ import annotations

import datetime
import re
import urllib.parse

import httpx
import pytest

from telstra_messaging.sandbox import (
    SPECIAL_RECIPIENTS,
    SandboxServer,
    SandboxState,
    count_sms_segments,
)

from .support import FakeClock, mms, sms, token_form


def _status_path(kind: str, message_id: str) -> str:
    return f"/messages/{kind}/{urllib.parse.quote(message_id, safe='')}/status"


def _send(api: httpx.Client, kind: str, to: str) -> str:
    body = sms(to=to) if kind == "sms" else mms(to=to)
    message_id: str = api.post(f"/messages/{kind}", json=body).json()["messages"][0][
        "messageId"
    ]
    return message_id


def test_sms_response_fields(api: httpx.Client) -> None:
    """Send SMS returns the spec's MessageSentResponse for one recipient."""
    response = api.post("/messages/sms", json=sms(to="0412345678"))
    body = response.json()
    message = body["messages"][0]
    assert response.status_code == 200
    assert body["messageType"] == "SMS"
    assert body["numberSegments"] == 1
    assert body["numberDestinations"] == 1
    assert message["to"] == "+61412345678"
    assert message["deliveryStatus"] == "MessageWaiting"
    assert re.fullmatch(r"[0-9a-f]{32}", message["messageId"])


def test_sms_status_link(api: httpx.Client, server: SandboxServer) -> None:
    """messageStatusLink is the absolute URL of the message's status."""
    message = api.post("/messages/sms", json=sms()).json()["messages"][0]
    expected = f"{server.base_url}/messages/sms/{message['messageId']}/status"
    assert message["messageStatusLink"] == expected
    assert api.get(message["messageStatusLink"]).status_code == 200


def test_sms_stored_record(
    api: httpx.Client, state: SandboxState, clock: FakeClock
) -> None:
    """The state stores the message with its request and creation time."""
    request = sms(to="0412345678", body="Table for two", validity=60)
    message_id = api.post("/messages/sms", json=request).json()["messages"][0][
        "messageId"
    ]
    [stored] = state.messages
    assert stored.message_id == message_id
    assert stored.kind == "sms"
    assert stored.recipient == "+61412345678"
    assert stored.body == "Table for two"
    assert stored.subject is None
    assert stored.request_json == request
    assert stored.reply_request is False
    assert stored.created_at == clock.now


def test_sms_several_recipients(api: httpx.Client, state: SandboxState) -> None:
    """One message is stored and returned for each recipient."""
    response = api.post("/messages/sms", json=sms(to="0412345678,+61412345679"))
    recipients = [message["to"] for message in response.json()["messages"]]
    assert recipients == ["+61412345678", "+61412345679"]
    assert response.json()["numberDestinations"] == 2
    assert state.accepted_count() == 2


def test_sms_ids_unique(api: httpx.Client) -> None:
    """Each recipient's message gets its own id."""
    response = api.post("/messages/sms", json=sms(to="0412345678,0412345679"))
    ids = {message["messageId"] for message in response.json()["messages"]}
    assert len(ids) == 2


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),
        ("€" * 81, 2),
        ("\f" * 81, 2),
        ("[]{}~^|\\" * 20, 3),
        ("你" * 70, 1),
        ("你" * 71, 2),
        ("你" * 134, 2),
        ("你" * 135, 3),
        ("😀" * 35, 1),
        ("😀" * 36, 2),
        ("Ça coûte 5€", 1),
        ("a" * 152 + "€" + "a" * 152, 3),
        ("你" + "a" * 65 + "😀" + "a" * 66, 3),
    ],
)
def test_segment_count(text: str, segments: int) -> None:
    """Segments follow GSM-7 and UCS-2 sizes without splitting a character."""
    assert count_sms_segments(text) == segments


@pytest.mark.parametrize(("text", "segments"), [("a" * 161, 2), ("你" * 71, 2)])
def test_sms_number_segments(api: httpx.Client, text: str, segments: int) -> None:
    """Send SMS reports the segment count of the body."""
    response = api.post("/messages/sms", json=sms(body=text))
    assert response.json()["numberSegments"] == segments


def test_sms_status_progression(api: httpx.Client, clock: FakeClock) -> None:
    """Status goes PEND, SENT, DELIVRD one status interval apart."""
    path = _status_path("sms", _send(api, "sms", "0412345678"))
    pending = api.get(path).json()
    clock.advance(1.99)
    still_pending = api.get(path).json()
    clock.advance(0.01)
    sent = api.get(path).json()
    clock.advance(2.0)
    delivered = api.get(path).json()
    assert pending == {"to": "+61412345678", "deliveryStatus": "PEND"}
    assert still_pending["deliveryStatus"] == "PEND"
    assert sent["deliveryStatus"] == "SENT"
    assert "sentTimestamp" in sent
    assert "receivedTimestamp" not in sent
    assert delivered["deliveryStatus"] == "DELIVRD"
    assert delivered["sentTimestamp"] == sent["sentTimestamp"]
    assert "receivedTimestamp" in delivered


def test_status_timestamps_iso(api: httpx.Client, clock: FakeClock) -> None:
    """Timestamps are ISO 8601 with an offset, two seconds apart."""
    path = _status_path("sms", _send(api, "sms", "0412345678"))
    clock.advance(4.0)
    body = api.get(path).json()
    sent = datetime.datetime.fromisoformat(body["sentTimestamp"])
    received = datetime.datetime.fromisoformat(body["receivedTimestamp"])
    assert sent.utcoffset() is not None
    assert (received - sent).total_seconds() == 2


@pytest.mark.parametrize("kind", ["sms", "mms"])
@pytest.mark.parametrize(
    ("recipient", "final"),
    [
        (number, status)
        for number, status in SPECIAL_RECIPIENTS.items()
        if status != "READ"
    ],
)
def test_special_recipient_final(
    api: httpx.Client, clock: FakeClock, kind: str, recipient: str, final: str
) -> None:
    """Special recipients end in their documented status after SENT."""
    path = _status_path(kind, _send(api, kind, recipient))
    clock.advance(2.0)
    sent = api.get(path).json()
    clock.advance(2.0)
    ended = api.get(path).json()
    assert sent["deliveryStatus"] == "SENT"
    assert ended["deliveryStatus"] == final
    assert "receivedTimestamp" not in ended


def test_special_recipient_read(api: httpx.Client, clock: FakeClock) -> None:
    """+61491570110 is DELIVRD, then READ one interval later."""
    path = _status_path("sms", _send(api, "sms", "0491570110"))
    clock.advance(4.0)
    delivered = api.get(path).json()
    clock.advance(2.0)
    read = api.get(path).json()
    assert delivered["deliveryStatus"] == "DELIVRD"
    assert read["deliveryStatus"] == "READ"
    assert read["receivedTimestamp"] == delivered["receivedTimestamp"]


def test_special_recipients_table() -> None:
    """The table lists the five documented numbers."""
    assert dict(SPECIAL_RECIPIENTS) == {
        "+61491570156": "UNDVBL",
        "+61491570157": "EXPIRED",
        "+61491570158": "REJECTED",
        "+61491570159": "DELETED",
        "+61491570110": "READ",
    }


def test_status_unknown_id(api: httpx.Client) -> None:
    """An unknown message id is 404 RESOURCE-NOT-FOUND."""
    response = api.get(_status_path("sms", "0" * 32))
    assert response.status_code == 404
    assert response.json()["code"] == "RESOURCE-NOT-FOUND"


def test_sms_id_on_mms_route(api: httpx.Client) -> None:
    """An SMS id on the MMS status path is 404."""
    response = api.get(_status_path("mms", _send(api, "sms", "0412345678")))
    assert response.status_code == 404


def test_mms_id_on_sms_route(api: httpx.Client) -> None:
    """An MMS id on the SMS status path is 404."""
    response = api.get(_status_path("sms", _send(api, "mms", "0412345678")))
    assert response.status_code == 404


def test_mms_response_fields(api: httpx.Client) -> None:
    """Send MMS returns MessageSentResponse with type MMS and one segment."""
    response = api.post("/messages/mms", json=mms(to="0412345678"))
    body = response.json()
    assert response.status_code == 200
    assert body["messageType"] == "MMS"
    assert body["numberSegments"] == 1
    assert body["messages"][0]["to"] == "+61412345678"


def test_mms_id_has_slashes(api: httpx.Client) -> None:
    """MMS ids have the live service's /<hex>/<digits> shape."""
    message_id = _send(api, "mms", "0412345678")
    assert re.fullmatch(r"/[0-9a-f]{32}/[0-9]{13}", message_id)


def test_mms_status_encoded_slash(api: httpx.Client) -> None:
    """The MMS status path finds an id whose slashes are sent as %2F."""
    path = _status_path("mms", _send(api, "mms", "0412345678"))
    response = api.get(path)
    assert "%2F" in path
    assert response.status_code == 200
    assert response.json()["deliveryStatus"] == "PEND"


def test_mms_status_lowercase_escape(api: httpx.Client) -> None:
    """A lower-case %2f escape finds the MMS id too."""
    message_id = _send(api, "mms", "0412345678")
    path = "/messages/mms/" + message_id.replace("/", "%2f") + "/status"
    assert api.get(path).status_code == 200


def test_mms_status_raw_slash(api: httpx.Client) -> None:
    """An MMS id with unencoded slashes does not match the status path."""
    message_id = _send(api, "mms", "0412345678")
    response = api.get(f"/messages/mms/{message_id.lstrip('/')}/status")
    assert response.status_code == 404


def test_mms_status_link(api: httpx.Client, server: SandboxServer) -> None:
    """The MMS status link is percent-encoded and works."""
    message = api.post("/messages/mms", json=mms()).json()["messages"][0]
    quoted = urllib.parse.quote(message["messageId"], safe="")
    expected = f"{server.base_url}/messages/mms/{quoted}/status"
    assert message["messageStatusLink"] == expected
    assert api.get(message["messageStatusLink"]).status_code == 200


def test_mms_stored_record(api: httpx.Client, state: SandboxState) -> None:
    """The state stores an MMS with its subject and no body."""
    api.post("/messages/mms", json=mms(subject="Floor plan"))
    [stored] = state.messages
    assert stored.kind == "mms"
    assert stored.subject == "Floor plan"
    assert stored.body is None


def test_status_interval_zero() -> None:
    """With a zero status interval a message is delivered at once."""
    state = SandboxState(status_interval=0)
    with SandboxServer(state) as server, httpx.Client(base_url=server.origin) as http:
        token_response = http.post("/v1/oauth/token", data=token_form(server))
        headers = {"Authorization": f"Bearer {token_response.json()['access_token']}"}
        sent = http.post("/v2/messages/sms", json=sms(), headers=headers).json()
        link = sent["messages"][0]["messageStatusLink"]
        status = http.get(link, headers=headers).json()
    assert status["deliveryStatus"] == "DELIVRD"
