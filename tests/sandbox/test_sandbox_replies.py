"""Replies to messages sent with replyRequest, read with GET /v2/messages/sms."""

from __future__ import annotations

import datetime

import httpx

from telstra_messaging.sandbox import SANDBOX_NUMBER, SPECIAL_RECIPIENTS, SandboxState

from .support import FakeClock, mms, sms


def _send_for_reply(api: httpx.Client, to: str) -> str:
    response = api.post("/messages/sms", json=sms(to=to, replyRequest=True))
    message_id: str = response.json()["messages"][0]["messageId"]
    return message_id


def test_no_replies_is_empty_list(api: httpx.Client) -> None:
    """With no reply waiting the response is an empty array."""
    response = api.get("/messages/sms")
    assert response.status_code == 200
    assert response.json() == []


def test_reply_waits_for_delivery(api: httpx.Client, clock: FakeClock) -> None:
    """A reply is queued only once the message is delivered."""
    _send_for_reply(api, "0412345678")
    clock.advance(3.9)
    before = api.get("/messages/sms").json()
    clock.advance(0.1)
    after = api.get("/messages/sms").json()
    assert before == []
    assert len(after) == 1


def test_reply_fields(api: httpx.Client, clock: FakeClock) -> None:
    """A reply comes from the recipient to the sandbox number, with the message id."""
    message_id = _send_for_reply(api, "0412345678")
    clock.advance(4.0)
    [reply] = api.get("/messages/sms").json()
    assert reply["from"] == "+61412345678"
    assert reply["to"] == SANDBOX_NUMBER
    assert reply["messageId"] == message_id
    assert reply["body"]
    assert reply["moreMessages"] == 0
    received = datetime.datetime.fromisoformat(reply["receivedTimestamp"])
    assert received.utcoffset() is not None


def test_replies_count_down(api: httpx.Client, clock: FakeClock) -> None:
    """moreMessages counts the replies still waiting, oldest reply first."""
    sent_ids = [_send_for_reply(api, f"041234567{digit}") for digit in range(3)]
    clock.advance(4.0)
    polls = [api.get("/messages/sms").json() for _ in range(4)]
    assert [poll[0]["moreMessages"] for poll in polls[:3]] == [2, 1, 0]
    assert [poll[0]["messageId"] for poll in polls[:3]] == sent_ids
    assert polls[3] == []


def test_reply_returned_once(api: httpx.Client, clock: FakeClock) -> None:
    """A reply is removed when it is returned."""
    _send_for_reply(api, "0412345678")
    clock.advance(4.0)
    first = api.get("/messages/sms").json()
    second = api.get("/messages/sms").json()
    assert len(first) == 1
    assert second == []


def test_no_reply_without_request(api: httpx.Client, clock: FakeClock) -> None:
    """A message without replyRequest gets no reply."""
    api.post("/messages/sms", json=sms(replyRequest=False))
    clock.advance(10.0)
    assert api.get("/messages/sms").json() == []


def test_no_reply_when_undelivered(api: httpx.Client, clock: FakeClock) -> None:
    """Messages that end undelivered get no reply."""
    for number, status in SPECIAL_RECIPIENTS.items():
        if status != "READ":
            _send_for_reply(api, number)
    clock.advance(10.0)
    assert api.get("/messages/sms").json() == []


def test_reply_to_read_recipient(api: httpx.Client, clock: FakeClock) -> None:
    """A message that ends READ gets a reply."""
    _send_for_reply(api, "+61491570110")
    clock.advance(10.0)
    assert len(api.get("/messages/sms").json()) == 1


def test_reply_to_mms(api: httpx.Client, clock: FakeClock) -> None:
    """An MMS sent with replyRequest gets its reply on the SMS replies path."""
    response = api.post("/messages/mms", json=mms(replyRequest=True))
    message_id = response.json()["messages"][0]["messageId"]
    clock.advance(4.0)
    [reply] = api.get("/messages/sms").json()
    assert reply["messageId"] == message_id


def test_stored_reply_request(api: httpx.Client, state: SandboxState) -> None:
    """The stored record keeps replyRequest."""
    _send_for_reply(api, "0412345678")
    [stored] = state.messages
    assert stored.reply_request is True
