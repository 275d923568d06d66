from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.o_auth_provider_error import OAuthProviderError
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthProvider")


@_attrs_define
class OAuthProvider:
    """OAuth 2 Authorization endpoint exception.

    Example:
        {'error': 'invalid_client', 'error_description': 'Client authentication failed', 'error_uri':
            'https://example.com/oauth/errors/invalid_client'}

    Attributes:
        error (OAuthProviderError): OAuth 2 Authorization error codes. Example: invalid_request.
        error_description (str | Unset): Human-readable text providing additional information on error. Used to
            assist the client developer in understanding the error that occurred.
             Example: Client authentication failed.
        error_uri (str | Unset): A URI identifying a human-readable web page with information about the
            error, used to provide the client developer with additional information
            about the error.
             Example: https://example.com/oauth/errors/invalid_client.
    """

    error: OAuthProviderError
    error_description: str | Unset = UNSET
    error_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error.value

        error_description = self.error_description

        error_uri = self.error_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if error_uri is not UNSET:
            field_dict["error_uri"] = error_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = OAuthProviderError(d.pop("error"))

        error_description = d.pop("error_description", UNSET)

        error_uri = d.pop("error_uri", UNSET)

        o_auth_provider = cls(
            error=error,
            error_description=error_description,
            error_uri=error_uri,
        )

        o_auth_provider.additional_properties = d
        return o_auth_provider

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
