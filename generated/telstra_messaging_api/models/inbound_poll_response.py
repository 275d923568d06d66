from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InboundPollResponse")


@_attrs_define
class InboundPollResponse:
    """A reply received. Poll for incoming messages returning the latest. Only works
    if no callback URL was specified when provisioning a number.

        Example:
            {'to': '+61400000001', 'from': '+61400000000', 'body': 'Yes, see you then', 'receivedTimestamp':
                '2018-04-20T14:24:35', 'moreMessages': 0, 'messageId': 'DMASApiA0000000146'}

        Attributes:
            to (str | Unset): The phone number (recipient) that the message was sent to (in E.164 format). Example:
                +61400000001.
            from_ (str | Unset): The phone number (sender) that the message was sent from (in E.164 format). Example:
                +61400000000.
            body (str | Unset): Text body of the message that was sent. Example: Yes, see you then.
            received_timestamp (str | Unset): The date and time when the message was received by the recipient. Example:
                2018-04-20T14:24:35.
            more_messages (int | Unset): Indicates if there are more messages that can be polled from the server.
                0 means no more messages are available. Anything else indicates there are
                more messages on the server.
                 Example: 0.
            message_id (str | Unset): Optional message ID of the SMS you sent. Use this ID to view the message
                status or get responses.
                 Example: DMASApiA0000000146.
    """

    to: str | Unset = UNSET
    from_: str | Unset = UNSET
    body: str | Unset = UNSET
    received_timestamp: str | Unset = UNSET
    more_messages: int | Unset = UNSET
    message_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        from_ = self.from_

        body = self.body

        received_timestamp = self.received_timestamp

        more_messages = self.more_messages

        message_id = self.message_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if to is not UNSET:
            field_dict["to"] = to
        if from_ is not UNSET:
            field_dict["from"] = from_
        if body is not UNSET:
            field_dict["body"] = body
        if received_timestamp is not UNSET:
            field_dict["receivedTimestamp"] = received_timestamp
        if more_messages is not UNSET:
            field_dict["moreMessages"] = more_messages
        if message_id is not UNSET:
            field_dict["messageId"] = message_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = d.pop("to", UNSET)

        from_ = d.pop("from", UNSET)

        body = d.pop("body", UNSET)

        received_timestamp = d.pop("receivedTimestamp", UNSET)

        more_messages = d.pop("moreMessages", UNSET)

        message_id = d.pop("messageId", UNSET)

        inbound_poll_response = cls(
            to=to,
            from_=from_,
            body=body,
            received_timestamp=received_timestamp,
            more_messages=more_messages,
            message_id=message_id,
        )

        inbound_poll_response.additional_properties = d
        return inbound_poll_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
