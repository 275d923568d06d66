from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.message import Message


T = TypeVar("T", bound="MessageSentResponse")


@_attrs_define
class MessageSentResponse:
    """The messages created by a send, one for each recipient.

    Example:
        {'messages': [{'to': '+61400000000', 'deliveryStatus': 'MessageWaiting', 'messageId':
            'd5e2a7c8c2bd48a0b31b8b2a1eb7d5b4', 'messageStatusLink':
            'https://tapi.telstra.com/v2/messages/sms/d5e2a7c8c2bd48a0b31b8b2a1eb7d5b4/status'}], 'messageType': 'SMS',
            'numberSegments': 1, 'numberDestinations': 1}

    Attributes:
        messages (list[Message]): One entry for each recipient.
        message_type (str): Kind of message that was sent (SMS, MMS or RCS). Example: SMS.
        number_segments (int): Number of segments the message was split into, each billed as one message. Example: 1.
        number_destinations (int): Number of recipients. Example: 1.
    """

    messages: list[Message]
    message_type: str
    number_segments: int
    number_destinations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        message_type = self.message_type

        number_segments = self.number_segments

        number_destinations = self.number_destinations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
                "messageType": message_type,
                "numberSegments": number_segments,
                "numberDestinations": number_destinations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message import Message

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = Message.from_dict(messages_item_data)

            messages.append(messages_item)

        message_type = d.pop("messageType")

        number_segments = d.pop("numberSegments")

        number_destinations = d.pop("numberDestinations")

        message_sent_response = cls(
            messages=messages,
            message_type=message_type,
            number_segments=number_segments,
            number_destinations=number_destinations,
        )

        message_sent_response.additional_properties = d
        return message_sent_response

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
