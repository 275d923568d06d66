from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mms_content_type import MMSContentType

T = TypeVar("T", bound="MMSContent")


@_attrs_define
class MMSContent:
    """One piece of content in an MMS.

    Example:
        {'type': 'image/png', 'filename': 'plan.png', 'payload':
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}

    Attributes:
        type_ (MMSContentType): Media type of one piece of MMS content. Example: image/png.
        filename (str): The file name to be associated with the content. Some devices will display
            this file name with a placeholder for the content.
             Example: plan.png.
        payload (str): The content, base64-encoded. Example:
            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==.
    """

    type_: MMSContentType
    filename: str
    payload: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        filename = self.filename

        payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "filename": filename,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = MMSContentType(d.pop("type"))

        filename = d.pop("filename")

        payload = d.pop("payload")

        mms_content = cls(
            type_=type_,
            filename=filename,
            payload=payload,
        )

        mms_content.additional_properties = d
        return mms_content

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
