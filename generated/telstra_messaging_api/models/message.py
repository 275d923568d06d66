from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """One message created by a send.

    Example:
        {'to': '+61400000000', 'deliveryStatus': 'MessageWaiting', 'messageId': 'd5e2a7c8c2bd48a0b31b8b2a1eb7d5b4',
            'messageStatusLink': 'https://tapi.telstra.com/v2/messages/sms/d5e2a7c8c2bd48a0b31b8b2a1eb7d5b4/status'}

    Attributes:
        to (str): The recipient's phone number. Example: +61400000000.
        delivery_status (str): Free-text state of the message when it was accepted, such as
            MessageWaiting. Not limited to the Status values.
             Example: MessageWaiting.
        message_id (str): Unique identifier of the message, used to read its status. Example:
            d5e2a7c8c2bd48a0b31b8b2a1eb7d5b4.
        message_status_link (str): URL of the message's status. Example:
            https://tapi.telstra.com/v2/messages/sms/d5e2a7c8c2bd48a0b31b8b2a1eb7d5b4/status.
    """

    to: str
    delivery_status: str
    message_id: str
    message_status_link: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        delivery_status = self.delivery_status

        message_id = self.message_id

        message_status_link = self.message_status_link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "deliveryStatus": delivery_status,
                "messageId": message_id,
                "messageStatusLink": message_status_link,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = d.pop("to")

        delivery_status = d.pop("deliveryStatus")

        message_id = d.pop("messageId")

        message_status_link = d.pop("messageStatusLink")

        message = cls(
            to=to,
            delivery_status=delivery_status,
            message_id=message_id,
            message_status_link=message_status_link,
        )

        message.additional_properties = d
        return message

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
