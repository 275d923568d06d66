"""Typed results, read tolerantly from what the service sends.

Each reader takes the decoded JSON of a 2xx response. Fields the document marks
optional, or that the live service has been seen to drop, become None when
missing. Unknown fields stay reachable on `.raw`. Only a body that gives the
caller nothing to act on (no message ids after a send, not an object) raises
`ResponseValidationError`, and that error keeps the raw response.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

import attrs
from dateutil import parser as date_parser
from dateutil import tz

__all__ = [
    "DeliveryReceipt",
    "DeliveryStatus",
    "MessageStatus",
    "Reply",
    "SendResult",
    "SentMessage",
]


def mask_number(number: str | None) -> str:
    """Show only the last three digits of a phone number, for reprs."""
    if number is None:
        return "None"
    return repr("*" * max(len(number) - 3, 0) + number[-3:])


class DeliveryStatus(enum.StrEnum):
    """Delivery status of a message; the value is the code the service sends."""

    PENDING = "PEND"
    SENT = "SENT"
    DELIVERED = "DELIVRD"
    EXPIRED = "EXPIRED"
    DELETED = "DELETED"
    UNDELIVERABLE = "UNDVBL"
    REJECTED = "REJECTED"
    READ = "READ"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, raw: object) -> DeliveryStatus:
        """Map a status code to a member; codes outside the document are UNKNOWN."""
        if not isinstance(raw, str):
            return cls.UNKNOWN
        code = raw.strip().upper()
        # The live service has sent REJECTD, without the E, for rejected messages.
        if code == "REJECTD":
            return cls.REJECTED
        try:
            return cls(code)
        except ValueError:
            return cls.UNKNOWN

    @property
    def is_final(self) -> bool:
        """Whether the status can no longer change (anything but PEND and SENT)."""
        return self not in (DeliveryStatus.PENDING, DeliveryStatus.SENT)


@attrs.frozen
class SentMessage:
    """One message created by a send, one for each recipient."""

    to: str | None = attrs.field(repr=mask_number)
    message_id: str
    delivery_status: str | None
    message_status_link: str | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class SendResult:
    """The service's response to a send: one SentMessage for each recipient."""

    messages: list[SentMessage]
    message_type: str | None
    number_segments: int | None
    number_destinations: int | None
    raw: Mapping[str, Any] = attrs.field(repr=False)

    @property
    def message_id(self) -> str:
        """The id of the first message; the only one for a single recipient."""
        return self.messages[0].message_id


@attrs.frozen
class MessageStatus:
    """Delivery status of a message that was sent.

    `raw_status` keeps the code as sent, so a status outside the document's list is
    reported as `DeliveryStatus.UNKNOWN` without losing it.
    """

    to: str | None = attrs.field(repr=mask_number)
    delivery_status: DeliveryStatus
    raw_status: str | None
    sent_at: datetime | None
    received_at: datetime | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class Reply:
    """A message received from a recipient."""

    to: str | None = attrs.field(repr=mask_number)
    from_: str | None = attrs.field(repr=mask_number)
    body: str | None = attrs.field(repr=False)
    received_at: datetime | None
    more_messages: int | None
    message_id: str | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


@attrs.frozen
class DeliveryReceipt:
    """A delivery notification POSTed by the service to a `notify_url`."""

    to: str | None = attrs.field(repr=mask_number)
    message_id: str | None
    delivery_status: DeliveryStatus
    raw_status: str | None
    sent_at: datetime | None
    received_at: datetime | None
    raw: Mapping[str, Any] = attrs.field(repr=False)


# Spec property name -> result field, for each result. The readers below read the
# same keys, and the contract tests check both against openapi.yaml.
SENT_MESSAGE_FIELDS = {
    "to": "to",
    "messageId": "message_id",
    "deliveryStatus": "delivery_status",
    "messageStatusLink": "message_status_link",
}
SEND_RESULT_FIELDS = {
    "messages": "messages",
    "messageType": "message_type",
    "numberSegments": "number_segments",
    "numberDestinations": "number_destinations",
}
MESSAGE_STATUS_FIELDS = {
    "to": "to",
    "deliveryStatus": "delivery_status",
    "sentTimestamp": "sent_at",
    "receivedTimestamp": "received_at",
}
REPLY_FIELDS = {
    "to": "to",
    "from": "from_",
    "body": "body",
    "receivedTimestamp": "received_at",
    "moreMessages": "more_messages",
    "messageId": "message_id",
}


class UnreadableBodyError(Exception):
    """Raised by a reader; the caller turns it into ResponseValidationError."""


def read_send_result(data: Any) -> SendResult:
    """Read a MessageSentResponse."""
    fields = _require_object(data, "send response")
    entries = fields.get("messages")
    if not isinstance(entries, list) or not entries:
        raise UnreadableBodyError("send response has no 'messages' list")
    return SendResult(
        messages=[_read_sent_message(entry) for entry in entries],
        message_type=_optional_text(fields.get("messageType")),
        number_segments=_optional_int(fields.get("numberSegments")),
        number_destinations=_optional_int(fields.get("numberDestinations")),
        raw=fields,
    )


def _read_sent_message(data: Any) -> SentMessage:
    fields = _require_object(data, "entry of 'messages'")
    message_id = fields.get("messageId")
    if not isinstance(message_id, str) or not message_id:
        raise UnreadableBodyError("entry of 'messages' has no 'messageId'")
    return SentMessage(
        to=_optional_text(fields.get("to")),
        message_id=message_id,
        delivery_status=_optional_text(fields.get("deliveryStatus")),
        message_status_link=_optional_text(fields.get("messageStatusLink")),
        raw=fields,
    )


def read_message_status(data: Any) -> MessageStatus:
    """Read an OutboundPollResponse."""
    fields = _require_object(data, "status response")
    if "deliveryStatus" not in fields:
        # Without it the caller cannot tell a pending message from a failed one.
        raise UnreadableBodyError("status response has no 'deliveryStatus'")
    raw_status = _optional_text(fields.get("deliveryStatus"))
    return MessageStatus(
        to=_optional_text(fields.get("to")),
        delivery_status=DeliveryStatus.parse(raw_status),
        raw_status=raw_status,
        sent_at=parse_timestamp(fields.get("sentTimestamp")),
        received_at=parse_timestamp(fields.get("receivedTimestamp")),
        raw=fields,
    )


def read_replies(data: Any) -> list[Reply]:
    """Read the array of InboundPollResponse; a single object is accepted too."""
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise UnreadableBodyError("replies response is not a JSON array")
    return [read_reply(entry) for entry in data if _is_reply(entry)]


def _is_reply(data: Any) -> bool:
    # An object without a sender, body or id is the "nothing waiting" marker.
    return isinstance(data, dict) and any(
        data.get(key) for key in ("from", "body", "messageId")
    )


def read_reply(data: Any) -> Reply:
    """Read one InboundPollResponse, or an inbound callback."""
    fields = _require_object(data, "reply")
    return Reply(
        to=_optional_text(fields.get("to")),
        from_=_optional_text(fields.get("from")),
        body=_optional_text(fields.get("body")),
        received_at=parse_timestamp(fields.get("receivedTimestamp"))
        or parse_timestamp(fields.get("sentTimestamp")),
        more_messages=_optional_int(fields.get("moreMessages")),
        message_id=_optional_text(fields.get("messageId")),
        raw=fields,
    )


def read_delivery_receipt(data: Any) -> DeliveryReceipt:
    """Read a delivery receipt POSTed to a notify URL."""
    fields = _require_object(data, "delivery receipt")
    raw_status = _optional_text(fields.get("deliveryStatus"))
    return DeliveryReceipt(
        to=_optional_text(fields.get("to")),
        message_id=_optional_text(fields.get("messageId")),
        delivery_status=DeliveryStatus.parse(raw_status),
        raw_status=raw_status,
        sent_at=parse_timestamp(fields.get("sentTimestamp")),
        received_at=parse_timestamp(fields.get("receivedTimestamp")),
        raw=fields,
    )


def parse_timestamp(value: Any) -> datetime | None:
    """Parse a timestamp leniently; one without an offset stays naive.

    Returns None for a missing or unreadable value, which stays on `.raw`.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date_parser.isoparse(text)
    except (ValueError, OverflowError):
        pass
    # dateutil fills missing parts from its default, so a partial value such as
    # "March" parses differently under two defaults; such a value is unreadable.
    try:
        first = date_parser.parse(text, default=_DEFAULT_A, tzinfos=_zone)
        second = date_parser.parse(text, default=_DEFAULT_B, tzinfos=_zone)
    except (ValueError, OverflowError):
        return None
    return first if first == second else None


_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)
# Australian zone abbreviations, in seconds east of UTC.
_ZONE_OFFSETS = {
    "AEST": 36000,
    "AEDT": 39600,
    "ACST": 34200,
    "ACDT": 37800,
    "AWST": 28800,
    "UTC": 0,
    "GMT": 0,
}


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    """Resolve a zone name for dateutil; an unknown name makes the value unreadable."""
    if offset is not None:
        return tz.tzoffset(name, offset)
    if name is None:
        return None
    if name.upper() in _ZONE_OFFSETS:
        return tz.tzoffset(name, _ZONE_OFFSETS[name.upper()])
    raise ValueError(f"unknown time zone {name!r}")


def _require_object(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise UnreadableBodyError(f"{what} is not a JSON object")
    return data


def _optional_text(value: Any) -> str | None:
    # Numbers become text; objects and arrays where text belongs are unreadable,
    # and stay on `.raw`.
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _optional_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None
