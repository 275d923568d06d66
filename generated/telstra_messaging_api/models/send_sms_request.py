from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SendSMSRequest")


@_attrs_define
class SendSMSRequest:
    """An SMS to send.

    Example:
        {'to': '+61400000000', 'body': 'Your table is ready', 'from': '+61400000001', 'validity': 60,
            'scheduledDelivery': 1, 'notifyURL': 'https://example.com/telstra/notify', 'replyRequest': False}

    Attributes:
        to (str): Phone number (in E.164 format) to send the SMS to. This number can be in
            international format if preceded by a '+', or in national format.
             Example: +61400000000.
        body (str): The text body of the message. Messages longer than 160 characters will be
            counted as multiple messages.
             Example: Your table is ready.
        from_ (str | Unset): Phone number (in E.164 format) the SMS was sent from. If not present, the
            service will use the mobile number associated with the application, or it
            can be an alphanumeric address of up to 11 characters.
             Example: +61400000001.
        validity (int | Unset): How long the platform should attempt to deliver the message for, in
            minutes from the time the message is sent.
             Example: 60.
        scheduled_delivery (int | Unset): How long the platform should wait before attempting to send the message,
            in minutes.
             Example: 1.
        notify_url (str | Unset): A URL that will be called once your message has been processed. The
            status may be delivered, expired, deleted, etc.
             Example: https://example.com/telstra/notify.
        reply_request (bool | Unset): If set to true, the reply message functionality will be implemented and
            the to address will be ignored if present. If false or not present, then
            normal message handling is implemented.
             Example: False.
    """

    to: str
    body: str
    from_: str | Unset = UNSET
    validity: int | Unset = UNSET
    scheduled_delivery: int | Unset = UNSET
    notify_url: str | Unset = UNSET
    reply_request: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        body = self.body

        from_ = self.from_

        validity = self.validity

        scheduled_delivery = self.scheduled_delivery

        notify_url = self.notify_url

        reply_request = self.reply_request

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "body": body,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if validity is not UNSET:
            field_dict["validity"] = validity
        if scheduled_delivery is not UNSET:
            field_dict["scheduledDelivery"] = scheduled_delivery
        if notify_url is not UNSET:
            field_dict["notifyURL"] = notify_url
        if reply_request is not UNSET:
            field_dict["replyRequest"] = reply_request

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = d.pop("to")

        body = d.pop("body")

        from_ = d.pop("from", UNSET)

        validity = d.pop("validity", UNSET)

        scheduled_delivery = d.pop("scheduledDelivery", UNSET)

        notify_url = d.pop("notifyURL", UNSET)

        reply_request = d.pop("replyRequest", UNSET)

        send_sms_request = cls(
            to=to,
            body=body,
            from_=from_,
            validity=validity,
            scheduled_delivery=scheduled_delivery,
            notify_url=notify_url,
            reply_request=reply_request,
        )

        send_sms_request.additional_properties = d
        return send_sms_request

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
