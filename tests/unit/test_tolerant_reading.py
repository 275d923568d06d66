"""Readers of 2xx bodies: statuses, send results and replies, read tolerantly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from telstra_messaging._models import (
    DeliveryStatus,
    MessageStatus,
    Reply,
    SentMessage,
    UnreadableBodyError,
    parse_timestamp,
    read_message_status,
    read_replies,
    read_send_result,
)

AEST = timezone(timedelta(hours=10))

STATUS_BODY = {
    "to": "+61400123456",
    "deliveryStatus": "DELIVRD",
    "sentTimestamp": "2017-03-17T10:05:22+10:00",
    "receivedTimestamp": "2017-03-17T10:05:23+10:00",
}


def status_with(raw_status: Any) -> MessageStatus:
    """Read a status body whose deliveryStatus is `raw_status`."""
    return read_message_status({**STATUS_BODY, "deliveryStatus": raw_status})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PEND", DeliveryStatus.PENDING),
        ("SENT", DeliveryStatus.SENT),
        ("DELIVRD", DeliveryStatus.DELIVERED),
        ("EXPIRED", DeliveryStatus.EXPIRED),
        ("DELETED", DeliveryStatus.DELETED),
        ("UNDVBL", DeliveryStatus.UNDELIVERABLE),
        ("REJECTED", DeliveryStatus.REJECTED),
        ("READ", DeliveryStatus.READ),
    ],
)
def test_documented_status(raw: str, expected: DeliveryStatus) -> None:
    """Each status in the document maps to its member."""
    assert status_with(raw).delivery_status is expected


def test_rejectd_is_rejected() -> None:
    """REJECTD, as the live service spells it, maps to REJECTED."""
    assert status_with("REJECTD").delivery_status is DeliveryStatus.REJECTED


def test_rejectd_raw_kept() -> None:
    """REJECTD stays on raw_status as sent."""
    assert status_with("REJECTD").raw_status == "REJECTD"


@pytest.mark.parametrize("raw", ["delivrd", "Delivrd", " DELIVRD "])
def test_status_case_space(raw: str) -> None:
    """Case and surrounding spaces do not change the status."""
    assert status_with(raw).delivery_status is DeliveryStatus.DELIVERED


@pytest.mark.parametrize("raw", ["Unknown", "FOO", "", None, 42, ["SENT"]])
def test_unknown_status(raw: Any) -> None:
    """A status outside the document maps to UNKNOWN."""
    assert status_with(raw).delivery_status is DeliveryStatus.UNKNOWN


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Unknown", "Unknown"), ("FOO", "FOO"), ("", ""), (None, None), (42, "42")],
)
def test_unknown_raw_status(raw: Any, expected: str | None) -> None:
    """raw_status keeps the unknown code, as text."""
    assert status_with(raw).raw_status == expected


@pytest.mark.parametrize("raw", ["Unknown", 42, None])
def test_unknown_raw_body(raw: Any) -> None:
    """The untouched value stays on `.raw`."""
    assert status_with(raw).raw["deliveryStatus"] == raw


@pytest.mark.parametrize("body", [{"to": "+61400123456"}, {}])
def test_missing_status_unreadable(body: dict[str, Any]) -> None:
    """A body without deliveryStatus cannot tell pending from failed: unreadable."""
    with pytest.raises(UnreadableBodyError):
        read_message_status(body)


@pytest.mark.parametrize(
    ("member", "final"),
    [
        (DeliveryStatus.PENDING, False),
        (DeliveryStatus.SENT, False),
        (DeliveryStatus.DELIVERED, True),
        (DeliveryStatus.EXPIRED, True),
        (DeliveryStatus.DELETED, True),
        (DeliveryStatus.UNDELIVERABLE, True),
        (DeliveryStatus.REJECTED, True),
        (DeliveryStatus.READ, True),
        (DeliveryStatus.UNKNOWN, True),
    ],
)
def test_is_final(member: DeliveryStatus, final: bool) -> None:
    """Only PEND and SENT can still change."""
    assert member.is_final is final


@pytest.mark.parametrize("field", ["to", "raw_status", "sent_at", "received_at"])
def test_status_missing_fields(field: str) -> None:
    """Optional fields missing from the body become None."""
    assert getattr(read_message_status({"deliveryStatus": None}), field) is None


def test_status_unknown_field_kept() -> None:
    """A field the document does not list stays on `.raw`."""
    status = read_message_status({**STATUS_BODY, "channel": "SMS"})
    assert status.raw["channel"] == "SMS"


def test_status_to_read() -> None:
    """`to` is read as sent."""
    assert read_message_status(STATUS_BODY).to == "+61400123456"


def test_status_sent_at() -> None:
    """sentTimestamp becomes sent_at."""
    expected = datetime(2017, 3, 17, 10, 5, 22, tzinfo=AEST)
    assert read_message_status(STATUS_BODY).sent_at == expected


def test_status_received_at() -> None:
    """receivedTimestamp becomes received_at."""
    expected = datetime(2017, 3, 17, 10, 5, 23, tzinfo=AEST)
    assert read_message_status(STATUS_BODY).received_at == expected


def test_status_bad_timestamp_kept() -> None:
    """An unreadable timestamp gives None and stays on `.raw`."""
    status = read_message_status({**STATUS_BODY, "sentTimestamp": "yesterday-ish"})
    assert status.raw["sentTimestamp"] == "yesterday-ish"


@pytest.mark.parametrize("body", [[], "DELIVRD", None, 42])
def test_status_non_object(body: Any) -> None:
    """A status body that is not an object is unreadable."""
    with pytest.raises(UnreadableBodyError):
        read_message_status(body)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2017-03-17T10:05:22+10:00",
            datetime(2017, 3, 17, 10, 5, 22, tzinfo=AEST),
        ),
        (
            "2018-04-20T14:24:35Z",
            datetime(2018, 4, 20, 14, 24, 35, tzinfo=UTC),
        ),
        (
            "2018-04-20T14:24:35.123+10:00",
            datetime(2018, 4, 20, 14, 24, 35, 123000, tzinfo=AEST),
        ),
        (
            "2018-04-20T14:24:35.5Z",
            datetime(2018, 4, 20, 14, 24, 35, 500000, tzinfo=UTC),
        ),
        ("2018-04-20T14:24:35", datetime(2018, 4, 20, 14, 24, 35)),
        ("2018-04-20 14:24:35", datetime(2018, 4, 20, 14, 24, 35)),
        (" 2018-04-20T14:24:35 ", datetime(2018, 4, 20, 14, 24, 35)),
    ],
)
def test_timestamp_forms(value: str, expected: datetime) -> None:
    """Timestamps with and without offset, Z and fractions are read."""
    assert parse_timestamp(value) == expected


def test_timestamp_naive() -> None:
    """A timestamp without an offset stays naive."""
    assert parse_timestamp("2018-04-20T14:24:35").tzinfo is None


def test_timestamp_offset_kept() -> None:
    """A timestamp with an offset keeps it."""
    parsed = parse_timestamp("2017-03-17T10:05:22+10:00")
    assert parsed.utcoffset() == timedelta(hours=10)


@pytest.mark.parametrize(
    "value", ["yesterday-ish", "soon", "", "   ", None, 1521000000, "2018-13-45"]
)
def test_timestamp_unreadable(value: Any) -> None:
    """A missing or unreadable timestamp gives None."""
    assert parse_timestamp(value) is None


@pytest.mark.parametrize("value", ["March", "10"])
def test_timestamp_partial_none(value: str) -> None:
    """A partial date is unreadable, not completed with today's date."""
    assert parse_timestamp(value) is None


def test_timestamp_zone_name() -> None:
    """A zone name gives None or an aware time, never a naive one without the zone."""
    parsed = parse_timestamp("2017-03-17 10:05:22 AEST")
    assert parsed is None or parsed.tzinfo is not None


SEND_BODY = {
    "messages": [
        {
            "to": "+61400123456",
            "deliveryStatus": "MessageWaiting",
            "messageId": "d8a96c9c00000000000000000000a2b1",
            "messageStatusLink": "https://tapi.telstra.com/v2/messages/sms/x/status",
        }
    ],
    "messageType": "SMS",
    "numberSegments": 1,
    "numberDestinations": 1,
}


def test_send_message_id() -> None:
    """The first message's id is on `message_id`."""
    result = read_send_result(SEND_BODY)
    assert result.message_id == "d8a96c9c00000000000000000000a2b1"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("message_type", "SMS"),
        ("number_segments", 1),
        ("number_destinations", 1),
    ],
)
def test_send_fields(field: str, expected: Any) -> None:
    """The documented fields of a send response are read."""
    assert getattr(read_send_result(SEND_BODY), field) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("to", "+61400123456"),
        ("delivery_status", "MessageWaiting"),
        ("message_status_link", "https://tapi.telstra.com/v2/messages/sms/x/status"),
    ],
)
def test_sent_message_fields(field: str, expected: str) -> None:
    """The documented fields of each sent message are read."""
    message = read_send_result(SEND_BODY).messages[0]
    assert getattr(message, field) == expected


def test_send_extra_fields_kept() -> None:
    """Fields the document does not list stay on `.raw`."""
    result = read_send_result({**SEND_BODY, "country": [{"AUS": 1}]})
    assert result.raw["country"] == [{"AUS": 1}]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2", 2), (" 3 ", 3), (2.0, 2), ("two", None), (True, None), (None, None)],
)
def test_send_segments_tolerant(value: Any, expected: int | None) -> None:
    """numberSegments is read from an int, a numeric string or a whole float."""
    result = read_send_result({**SEND_BODY, "numberSegments": value})
    assert result.number_segments == expected


def test_send_missing_type() -> None:
    """A missing messageType gives None."""
    body = {key: value for key, value in SEND_BODY.items() if key != "messageType"}
    assert read_send_result(body).message_type is None


def test_send_several_messages() -> None:
    """A send to several recipients gives one SentMessage each."""
    second = {"to": "+61400000001", "messageId": "second-id"}
    result = read_send_result(
        {**SEND_BODY, "messages": [*SEND_BODY["messages"], second]}
    )
    assert [m.message_id for m in result.messages] == [
        "d8a96c9c00000000000000000000a2b1",
        "second-id",
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"messageType": "SMS"},
        {"messages": []},
        {"messages": "abc"},
        {"messages": [{"to": "+61400123456"}]},
        {"messages": [{"messageId": ""}]},
        {"messages": [{"messageId": 42}]},
        {"messages": ["abc"]},
        [],
        "ok",
        None,
    ],
)
def test_send_unreadable(body: Any) -> None:
    """A send body with no message id to act on is unreadable."""
    with pytest.raises(UnreadableBodyError):
        read_send_result(body)


REPLY_BODY = {
    "to": "+61400000001",
    "from": "+61400123456",
    "body": "Yes, see you then",
    "receivedTimestamp": "2018-04-20T14:24:35",
    "moreMessages": 0,
    "messageId": "DMASApiA0000000146",
}


def test_replies_list_of_one() -> None:
    """A list of one reply gives one Reply."""
    assert len(read_replies([REPLY_BODY])) == 1


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("to", "+61400000001"),
        ("from_", "+61400123456"),
        ("body", "Yes, see you then"),
        ("received_at", datetime(2018, 4, 20, 14, 24, 35)),
        ("more_messages", 0),
        ("message_id", "DMASApiA0000000146"),
    ],
)
def test_reply_fields(field: str, expected: Any) -> None:
    """Each documented field of a reply is read."""
    assert getattr(read_replies([REPLY_BODY])[0], field) == expected


def test_replies_empty_list() -> None:
    """An empty list gives no replies."""
    assert read_replies([]) == []


def test_replies_single_object() -> None:
    """A single object instead of a list is read as one reply."""
    assert read_replies(REPLY_BODY)[0].body == "Yes, see you then"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"status": "EMPTY", "moreMessages": 0},
        {"to": "+61400000001", "from": "", "body": "", "messageId": ""},
        [{"status": "EMPTY"}],
        [None, "x"],
    ],
)
def test_replies_nothing_waiting(body: Any) -> None:
    """An entry without a sender, body or id is skipped."""
    assert read_replies(body) == []


def test_replies_skip_marker_keep_reply() -> None:
    """A marker beside a real reply leaves just the reply."""
    replies = read_replies([{"status": "EMPTY"}, REPLY_BODY])
    assert [reply.message_id for reply in replies] == ["DMASApiA0000000146"]


def test_replies_more_as_string() -> None:
    """moreMessages as a string is read as an int."""
    assert read_replies([{**REPLY_BODY, "moreMessages": "3"}])[0].more_messages == 3


def test_reply_sent_timestamp_fallback() -> None:
    """Without receivedTimestamp, sentTimestamp gives received_at."""
    body = {
        key: value for key, value in REPLY_BODY.items() if key != "receivedTimestamp"
    }
    body["sentTimestamp"] = "2018-04-20T14:24:36"
    expected = datetime(2018, 4, 20, 14, 24, 36)
    assert read_replies([body])[0].received_at == expected


def test_reply_extra_field_kept() -> None:
    """A field the document does not list stays on `.raw`."""
    reply = read_replies([{**REPLY_BODY, "channel": "SMS"}])[0]
    assert reply.raw["channel"] == "SMS"


@pytest.mark.parametrize("body", ["[]", 42, None])
def test_replies_non_list(body: Any) -> None:
    """A replies body that is neither a list nor an object is unreadable."""
    with pytest.raises(UnreadableBodyError):
        read_replies(body)


def test_status_repr_masks_to() -> None:
    """The repr of a status shows only the last digits of `to`."""
    text = repr(read_message_status(STATUS_BODY))
    assert "61400123456" not in text


def test_status_repr_keeps_tail() -> None:
    """The masked number keeps its last three digits."""
    text = repr(read_message_status(STATUS_BODY))
    assert "'*********456'" in text


@pytest.mark.parametrize("hidden", ["61400123456", "61400000001", "see you then"])
def test_reply_repr_hides(hidden: str) -> None:
    """The repr of a reply hides both numbers and the body."""
    assert hidden not in repr(read_replies([REPLY_BODY])[0])


def test_sent_message_repr_masks() -> None:
    """The repr of a sent message hides the recipient's number."""
    message: SentMessage = read_send_result(SEND_BODY).messages[0]
    assert "61400123456" not in repr(message)


def test_send_result_repr_masks() -> None:
    """The repr of a send result hides the recipients' numbers."""
    assert "61400123456" not in repr(read_send_result(SEND_BODY))


def test_repr_none_number() -> None:
    """A missing number shows as None in the repr."""
    reply = Reply(
        to=None,
        from_=None,
        body=None,
        received_at=None,
        more_messages=None,
        message_id=None,
        raw={},
    )
    assert "to=None" in repr(reply)
