from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message_sent_response import MessageSentResponse
from ...models.send_mms_request import SendMMSRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SendMMSRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/messages/mms",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MessageSentResponse:
    if response.status_code == 200:
        response_200 = MessageSentResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Error.from_dict(response.json())

        return response_405

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 501:
        response_501 = Error.from_dict(response.json())

        return response_501

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | MessageSentResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMMSRequest,
) -> Response[Error | MessageSentResponse]:
    """Send MMS

     Send an MMS made of one or more pieces of content.

    Args:
        body (SendMMSRequest): An MMS to send. Example: {'from': '+61400000001', 'to':
            '+61400000000', 'subject': 'Floor plan', 'replyRequest': False, 'MMSContent': [{'type':
            'image/png', 'filename': 'plan.png', 'payload': 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfF
            cSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MessageSentResponse]
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
    body: SendMMSRequest,
) -> Error | MessageSentResponse | None:
    """Send MMS

     Send an MMS made of one or more pieces of content.

    Args:
        body (SendMMSRequest): An MMS to send. Example: {'from': '+61400000001', 'to':
            '+61400000000', 'subject': 'Floor plan', 'replyRequest': False, 'MMSContent': [{'type':
            'image/png', 'filename': 'plan.png', 'payload': 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfF
            cSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MessageSentResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMMSRequest,
) -> Response[Error | MessageSentResponse]:
    """Send MMS

     Send an MMS made of one or more pieces of content.

    Args:
        body (SendMMSRequest): An MMS to send. Example: {'from': '+61400000001', 'to':
            '+61400000000', 'subject': 'Floor plan', 'replyRequest': False, 'MMSContent': [{'type':
            'image/png', 'filename': 'plan.png', 'payload': 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfF
            cSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MessageSentResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendMMSRequest,
) -> Error | MessageSentResponse | None:
    """Send MMS

     Send an MMS made of one or more pieces of content.

    Args:
        body (SendMMSRequest): An MMS to send. Example: {'from': '+61400000001', 'to':
            '+61400000000', 'subject': 'Floor plan', 'replyRequest': False, 'MMSContent': [{'type':
            'image/png', 'filename': 'plan.png', 'payload': 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfF
            cSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MessageSentResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
