from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.o_auth_provider import OAuthProvider
from ...models.o_auth_token import OAuthToken
from ...models.o_auth_token_request import OAuthTokenRequest
from ...types import Response


def _get_kwargs(
    *,
    body: OAuthTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthProvider | OAuthToken:
    if response.status_code == 200:
        response_200 = OAuthToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthProvider.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthProvider.from_dict(response.json())

        return response_401

    response_default = OAuthProvider.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthProvider | OAuthToken]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> Response[OAuthProvider | OAuthToken]:
    """Get an access token

     Exchange the application's client id and secret for a bearer token
    (OAuth 2 client credentials grant).

    Args:
        body (OAuthTokenRequest): Client credentials grant request. Example: {'client_id':
            '1kHZzwyFCgQqRRxaGcafnNfbVbx4QkOs', 'client_secret': 'Iwe0Dq5GqsHzsAxe', 'grant_type':
            'client_credentials', 'scope': 'NSMS'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthProvider | OAuthToken]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> OAuthProvider | OAuthToken | None:
    """Get an access token

     Exchange the application's client id and secret for a bearer token
    (OAuth 2 client credentials grant).

    Args:
        body (OAuthTokenRequest): Client credentials grant request. Example: {'client_id':
            '1kHZzwyFCgQqRRxaGcafnNfbVbx4QkOs', 'client_secret': 'Iwe0Dq5GqsHzsAxe', 'grant_type':
            'client_credentials', 'scope': 'NSMS'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthProvider | OAuthToken
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> Response[OAuthProvider | OAuthToken]:
    """Get an access token

     Exchange the application's client id and secret for a bearer token
    (OAuth 2 client credentials grant).

    Args:
        body (OAuthTokenRequest): Client credentials grant request. Example: {'client_id':
            '1kHZzwyFCgQqRRxaGcafnNfbVbx4QkOs', 'client_secret': 'Iwe0Dq5GqsHzsAxe', 'grant_type':
            'client_credentials', 'scope': 'NSMS'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthProvider | OAuthToken]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> OAuthProvider | OAuthToken | None:
    """Get an access token

     Exchange the application's client id and secret for a bearer token
    (OAuth 2 client credentials grant).

    Args:
        body (OAuthTokenRequest): Client credentials grant request. Example: {'client_id':
            '1kHZzwyFCgQqRRxaGcafnNfbVbx4QkOs', 'client_secret': 'Iwe0Dq5GqsHzsAxe', 'grant_type':
            'client_credentials', 'scope': 'NSMS'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthProvider | OAuthToken
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
