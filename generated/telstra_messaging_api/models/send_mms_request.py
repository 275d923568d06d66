from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mms_content import MMSContent


T = TypeVar("T", bound="SendMMSRequest")


@_attrs_define
class SendMMSRequest:
    """An MMS to send.

    Example:
        {'from': '+61400000001', 'to': '+61400000000', 'subject': 'Floor plan', 'replyRequest': False, 'MMSContent':
            [{'type': 'image/png', 'filename': 'plan.png', 'payload':
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}]}

    Attributes:
        to (str): This is the destination address. Example: +61400000000.
        subject (str): The subject that will be used in an MMS message. Example: Floor plan.
        mms_content (list[MMSContent]): An array of content that will be sent in an MMS message. If this array is
            present it will cause the "body" element to be ignored, and the message
            will be sent as an MMS.
        from_ (str | Unset): This will be the source address that will be displayed on the receiving
            device. If it is not present then it will default to the MSISDN assigned
            to the app. If replyRequest is set to true, then this field will be
            ignored.
             Example: +61400000001.
        reply_request (bool | Unset): If set to true, the reply message functionality will be implemented and
            the to address will be ignored if present.
             Example: False.
    """

    to: str
    subject: str
    mms_content: list[MMSContent]
    from_: str | Unset = UNSET
    reply_request: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        subject = self.subject

        mms_content = []
        for mms_content_item_data in self.mms_content:
            mms_content_item = mms_content_item_data.to_dict()
            mms_content.append(mms_content_item)

        from_ = self.from_

        reply_request = self.reply_request

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "subject": subject,
                "MMSContent": mms_content,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if reply_request is not UNSET:
            field_dict["replyRequest"] = reply_request

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mms_content import MMSContent

        d = dict(src_dict)
        to = d.pop("to")

        subject = d.pop("subject")

        mms_content = []
        _mms_content = d.pop("MMSContent")
        for mms_content_item_data in _mms_content:
            mms_content_item = MMSContent.from_dict(mms_content_item_data)

            mms_content.append(mms_content_item)

        from_ = d.pop("from", UNSET)

        reply_request = d.pop("replyRequest", UNSET)

        send_mms_request = cls(
            to=to,
            subject=subject,
            mms_content=mms_content,
            from_=from_,
            reply_request=reply_request,
        )

        send_mms_request.additional_properties = d
        return send_mms_request

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
