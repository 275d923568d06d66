from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutboundPollResponse")


@_attrs_define
class OutboundPollResponse:
    """Delivery status of a message that was sent.

    Example:
        {'to': '+61400000000', 'receivedTimestamp': '2017-03-17T10:05:23+10:00', 'sentTimestamp':
            '2017-03-17T10:05:22+10:00', 'deliveryStatus': 'DELIVRD'}

    Attributes:
        to (str | Unset): The phone number (recipient) the message was sent to (in E.164 format). Example: +61400000000.
        received_timestamp (str | Unset): The date and time when the message was received by the recipient. Example:
            2017-03-17T10:05:23+10:00.
        sent_timestamp (str | Unset): The date and time when the message was sent. Example: 2017-03-17T10:05:22+10:00.
        delivery_status (Status | Unset): Delivery status of a message. PEND: waiting to be sent. SENT: sent to the
            network. DELIVRD: delivered to the handset. EXPIRED: not delivered within
            the validity period. DELETED: deleted before delivery. UNDVBL: cannot be
            delivered. REJECTED: rejected by the network. READ: read by the recipient.
             Example: PEND.
    """

    to: str | Unset = UNSET
    received_timestamp: str | Unset = UNSET
    sent_timestamp: str | Unset = UNSET
    delivery_status: Status | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        received_timestamp = self.received_timestamp

        sent_timestamp = self.sent_timestamp

        delivery_status: str | Unset = UNSET
        if not isinstance(self.delivery_status, Unset):
            delivery_status = self.delivery_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if to is not UNSET:
            field_dict["to"] = to
        if received_timestamp is not UNSET:
            field_dict["receivedTimestamp"] = received_timestamp
        if sent_timestamp is not UNSET:
            field_dict["sentTimestamp"] = sent_timestamp
        if delivery_status is not UNSET:
            field_dict["deliveryStatus"] = delivery_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = d.pop("to", UNSET)

        received_timestamp = d.pop("receivedTimestamp", UNSET)

        sent_timestamp = d.pop("sentTimestamp", UNSET)

        _delivery_status = d.pop("deliveryStatus", UNSET)
        delivery_status: Status | Unset
        if isinstance(_delivery_status, Unset):
            delivery_status = UNSET
        else:
            delivery_status = Status(_delivery_status)

        outbound_poll_response = cls(
            to=to,
            received_timestamp=received_timestamp,
            sent_timestamp=sent_timestamp,
            delivery_status=delivery_status,
        )

        outbound_poll_response.additional_properties = d
        return outbound_poll_response

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
