from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.o_auth_scope import OAuthScope
from ..models.o_auth_token_request_grant_type import OAuthTokenRequestGrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthTokenRequest")


@_attrs_define
class OAuthTokenRequest:
    """Client credentials grant request.

    Example:
        {'client_id': '1kHZzwyFCgQqRRxaGcafnNfbVbx4QkOs', 'client_secret': 'Iwe0Dq5GqsHzsAxe', 'grant_type':
            'client_credentials', 'scope': 'NSMS'}

    Attributes:
        client_id (str): The application's client id (consumer key). Example: 1kHZzwyFCgQqRRxaGcafnNfbVbx4QkOs.
        client_secret (str): The application's client secret (consumer secret). Example: Iwe0Dq5GqsHzsAxe.
        grant_type (OAuthTokenRequestGrantType): Always client_credentials. Example: client_credentials.
        scope (OAuthScope | Unset): OAuth 2 scopes supported by the API. Example: NSMS.
    """

    client_id: str
    client_secret: str
    grant_type: OAuthTokenRequestGrantType
    scope: OAuthScope | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_secret = self.client_secret

        grant_type = self.grant_type.value

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_secret": client_secret,
                "grant_type": grant_type,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        grant_type = OAuthTokenRequestGrantType(d.pop("grant_type"))

        _scope = d.pop("scope", UNSET)
        scope: OAuthScope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = OAuthScope(_scope)

        o_auth_token_request = cls(
            client_id=client_id,
            client_secret=client_secret,
            grant_type=grant_type,
            scope=scope,
        )

        o_auth_token_request.additional_properties = d
        return o_auth_token_request

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
