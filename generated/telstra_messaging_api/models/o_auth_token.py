from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthToken")


@_attrs_define
class OAuthToken:
    """OAuth 2 Authorization endpoint response.

    Example:
        {'access_token': 'hpbWF3UsBb2RE8iJyqXgALW0ncGZ', 'token_type': 'Bearer', 'expires_in': 3599, 'scope': 'NSMS',
            'expiry': 1490000000}

    Attributes:
        access_token (str): Access token. Example: hpbWF3UsBb2RE8iJyqXgALW0ncGZ.
        token_type (str): Type of access token. Example: Bearer.
        expires_in (int | Unset): Time in seconds before the access token expires. Example: 3599.
        scope (str | Unset): List of scopes granted. This is a space-delimited list of strings. Example: NSMS.
        expiry (int | Unset): Time of token expiry as unix timestamp (UTC). Example: 1490000000.
    """

    access_token: str
    token_type: str
    expires_in: int | Unset = UNSET
    scope: str | Unset = UNSET
    expiry: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        scope = self.scope

        expiry = self.expiry

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
            }
        )
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if scope is not UNSET:
            field_dict["scope"] = scope
        if expiry is not UNSET:
            field_dict["expiry"] = expiry

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = d.pop("token_type")

        expires_in = d.pop("expires_in", UNSET)

        scope = d.pop("scope", UNSET)

        expiry = d.pop("expiry", UNSET)

        o_auth_token = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            scope=scope,
            expiry=expiry,
        )

        o_auth_token.additional_properties = d
        return o_auth_token

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
