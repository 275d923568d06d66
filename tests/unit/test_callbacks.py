"""Reading the delivery receipts and replies the service POSTs to a notify URL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from telstra_messaging._callbacks import parse_callback
from telstra_messaging._errors import InvalidInputError
from telstra_messaging._models import DeliveryReceipt, DeliveryStatus, Reply

AEST = timezone(timedelta(hours=10))

RECEIPT_TEXT = (
    '{"to":"+61400000000","sentTimestamp":"2017-03-17T10:05:22+10:00",'
    '"receivedTimestamp":"2017-03-17T10:05:23+10:00",'
    '"messageId":"/cccb284200035236000000000d52b6ac/1261400000000",'
    '"deliveryStatus":"DELIVRD"}'
)
REPLY_TEXT = (
    '{"to":"+61400000000","from":"+61400000001","body":"Yes",'
    '"sentTimestamp":"2018-04-20T14:24:35","messageId":"DMASApiA0000000146"}'
)


def body_forms(text: str) -> list[Any]:
    """Return `text` as bytes, as str and as a parsed dict."""
    return [text.encode("utf-8"), text, json.loads(text)]


@pytest.mark.parametrize("body", body_forms(RECEIPT_TEXT), ids=["bytes", "str", "dict"])
def test_receipt_type(body: Any) -> None:
    """A body with deliveryStatus gives a DeliveryReceipt."""
    assert isinstance(parse_callback(body), DeliveryReceipt)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("to", "+61400000000"),
        ("message_id", "/cccb284200035236000000000d52b6ac/1261400000000"),
        ("delivery_status", DeliveryStatus.DELIVERED),
        ("raw_status", "DELIVRD"),
        ("sent_at", datetime(2017, 3, 17, 10, 5, 22, tzinfo=AEST)),
        ("received_at", datetime(2017, 3, 17, 10, 5, 23, tzinfo=AEST)),
    ],
)
@pytest.mark.parametrize("body", body_forms(RECEIPT_TEXT), ids=["bytes", "str", "dict"])
def test_receipt_fields(body: Any, field: str, expected: Any) -> None:
    """Each field of the delivery receipt is read."""
    assert getattr(parse_callback(body), field) == expected


def test_receipt_rejectd() -> None:
    """A receipt with REJECTD reports REJECTED."""
    receipt = parse_callback({**json.loads(RECEIPT_TEXT), "deliveryStatus": "REJECTD"})
    assert receipt.delivery_status is DeliveryStatus.REJECTED


def test_receipt_unknown_status() -> None:
    """A receipt with an unknown status reports UNKNOWN."""
    receipt = parse_callback({**json.loads(RECEIPT_TEXT), "deliveryStatus": "Unknown"})
    assert receipt.delivery_status is DeliveryStatus.UNKNOWN


def test_receipt_dict_copied() -> None:
    """A dict passed in is copied, so `.raw` does not change with it."""
    data = json.loads(RECEIPT_TEXT)
    receipt = parse_callback(data)
    data["deliveryStatus"] = "PEND"
    assert receipt.raw["deliveryStatus"] == "DELIVRD"


@pytest.mark.parametrize("body", body_forms(REPLY_TEXT), ids=["bytes", "str", "dict"])
def test_reply_type(body: Any) -> None:
    """A body with `from` and `body` gives a Reply."""
    assert isinstance(parse_callback(body), Reply)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("to", "+61400000000"),
        ("from_", "+61400000001"),
        ("body", "Yes"),
        ("received_at", datetime(2018, 4, 20, 14, 24, 35)),
        ("message_id", "DMASApiA0000000146"),
        ("more_messages", None),
    ],
)
@pytest.mark.parametrize("body", body_forms(REPLY_TEXT), ids=["bytes", "str", "dict"])
def test_reply_fields(body: Any, field: str, expected: Any) -> None:
    """Each field of the reply is read; received_at comes from sentTimestamp."""
    assert getattr(parse_callback(body), field) == expected


@pytest.mark.parametrize(
    "body", [{"from": "+61400000001"}, {"body": "Yes"}], ids=["from", "body"]
)
def test_reply_one_key_enough(body: dict[str, str]) -> None:
    """Either `from` or `body` marks a reply."""
    assert isinstance(parse_callback(body), Reply)


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xc3\x28",
        "",
        b"[]",
        '["DELIVRD"]',
        b'"DELIVRD"',
        b"42",
        b"{}",
        {},
        {"to": "+61400000000", "messageId": "abc"},
        None,
    ],
)
def test_rejected_bodies(body: Any) -> None:
    """Invalid JSON, a list, a scalar and an object of neither kind are rejected."""
    with pytest.raises(InvalidInputError):
        parse_callback(body)


def test_rejection_is_value_error() -> None:
    """The rejection can be caught as a ValueError."""
    with pytest.raises(ValueError, match="not JSON"):
        parse_callback(b"{not json")


def test_list_message() -> None:
    """A JSON list is named as JSON that is not an object."""
    with pytest.raises(InvalidInputError, match="not an object"):
        parse_callback(b"[]")


def test_empty_object_message() -> None:
    """An object of neither kind is named as such."""
    with pytest.raises(InvalidInputError, match="neither a delivery receipt"):
        parse_callback(b"{}")


def test_receipt_with_from_is_receipt() -> None:
    """A body with deliveryStatus is a DeliveryReceipt even if it also has from."""
    body = {**json.loads(RECEIPT_TEXT), "from": "+61400000001"}
    assert isinstance(parse_callback(body), DeliveryReceipt)
