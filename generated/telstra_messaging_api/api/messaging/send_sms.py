from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message_sent_response import MessageSentResponse
from ...models.send_sms_request import SendSMSRequest
from ...types import Response


def _get_kwargs(
    *,
    body: SendSMSRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/messages/sms",
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
    body: SendSMSRequest,
) -> Response[Error | MessageSentResponse]:
    """Send SMS

     Send an SMS to one recipient, or to several in one request.

    Args:
        body (SendSMSRequest): An SMS to send. Example: {'to': '+61400000000', 'body': 'Your table
            is ready', 'from': '+61400000001', 'validity': 60, 'scheduledDelivery': 1, 'notifyURL':
            'https://example.com/telstra/notify', 'replyRequest': False}.

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
    body: SendSMSRequest,
) -> Error | MessageSentResponse | None:
    """Send SMS

     Send an SMS to one recipient, or to several in one request.

    Args:
        body (SendSMSRequest): An SMS to send. Example: {'to': '+61400000000', 'body': 'Your table
            is ready', 'from': '+61400000001', 'validity': 60, 'scheduledDelivery': 1, 'notifyURL':
            'https://example.com/telstra/notify', 'replyRequest': False}.

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
    body: SendSMSRequest,
) -> Response[Error | MessageSentResponse]:
    """Send SMS

     Send an SMS to one recipient, or to several in one request.

    Args:
        body (SendSMSRequest): An SMS to send. Example: {'to': '+61400000000', 'body': 'Your table
            is ready', 'from': '+61400000001', 'validity': 60, 'scheduledDelivery': 1, 'notifyURL':
            'https://example.com/telstra/notify', 'replyRequest': False}.

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
    body: SendSMSRequest,
) -> Error | MessageSentResponse | None:
    """Send SMS

     Send an SMS to one recipient, or to several in one request.

    Args:
        body (SendSMSRequest): An SMS to send. Example: {'to': '+61400000000', 'body': 'Your table
            is ready', 'from': '+61400000001', 'validity': 60, 'scheduledDelivery': 1, 'notifyURL':
            'https://example.com/telstra/notify', 'replyRequest': False}.

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
