"""One builder for each operation in openapi.yaml, shared by both clients.

A builder checks its arguments, then lets the generated package build the
request (path, percent-encoded path parameters, JSON or form body, headers), and
pairs it with the reader for the response. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Literal, TypeVar

import attrs

from telstra_messaging_api.api.authentication import get_access_token
from telstra_messaging_api.api.messaging import (
    get_mms_status,
    get_sms_status,
    retrieve_sms_responses,
    send_mms,
    send_sms,
)
from telstra_messaging_api.models.mms_content import MMSContent
from telstra_messaging_api.models.mms_content_type import MMSContentType
from telstra_messaging_api.models.o_auth_scope import OAuthScope
from telstra_messaging_api.models.o_auth_token_request import OAuthTokenRequest
from telstra_messaging_api.models.o_auth_token_request_grant_type import (
    OAuthTokenRequestGrantType,
)
from telstra_messaging_api.models.send_mms_request import SendMMSRequest
from telstra_messaging_api.models.send_sms_request import SendSMSRequest

from . import _validation as check
from ._errors import InvalidInputError
from ._mms import MmsContent, check_contents
from ._models import (
    MessageStatus,
    Reply,
    SendResult,
    read_message_status,
    read_replies,
    read_send_result,
)
from ._token import AccessToken, read_token

T = TypeVar("T")

# The client method that calls each messaging operation of openapi.yaml. The token
# operation, get_access_token, is called by the clients themselves.
METHOD_BY_OPERATION = {
    "send_sms": "send_sms",
    "get_sms_status": "get_sms_status",
    "retrieve_sms_responses": "retrieve_sms_replies",
    "send_mms": "send_mms",
    "get_mms_status": "get_mms_status",
}


@attrs.frozen
class Operation(Generic[T]):
    """A request ready to send, and how to read its 2xx response.

    `path_template` is the spec's path, used in logs because the real path may
    hold a message id. `request` is what the generated `_get_kwargs` returned.
    """

    operation_id: str
    path_template: str
    server: Literal["api", "auth"]
    is_send: bool
    request: dict[str, Any] = attrs.field(repr=False)
    read: Callable[[Any], T] = attrs.field(repr=False)


def token_operation(
    client_id: str, client_secret: str, clock: Callable[[], float]
) -> Operation[AccessToken]:
    """Build the client credentials token request.

    `clock` is the monotonic clock against which the token's expiry is kept.
    """
    body = OAuthTokenRequest(
        client_id=client_id,
        client_secret=client_secret,
        grant_type=OAuthTokenRequestGrantType.CLIENT_CREDENTIALS,
        scope=OAuthScope.NSMS,
    )
    return Operation(
        operation_id="get_access_token",
        path_template="/token",
        server="auth",
        is_send=False,
        request=get_access_token._get_kwargs(body=body),
        read=lambda data: read_token(data, now=clock()),
    )


def send_sms_operation(
    *,
    to: str | Sequence[str],
    body: str,
    from_: str | None,
    validity: int | None,
    scheduled_delivery: int | None,
    notify_url: str | None,
    reply_request: bool | None,
) -> Operation[SendResult]:
    """Check the arguments of Send SMS and build its request."""
    if reply_request is not None:
        _check_flag(reply_request)
    request = SendSMSRequest(
        to=check.normalise_recipients(to, reply_request=reply_request is True),
        body=check.check_body(body),
    )
    if from_ is not None:
        request.from_ = check.normalise_sender(from_)
    if validity is not None:
        request.validity = check.check_minutes(
            validity, argument="validity", maximum=check.MAX_VALIDITY_MINUTES
        )
    if scheduled_delivery is not None:
        request.scheduled_delivery = check.check_minutes(
            scheduled_delivery, argument="scheduled_delivery", maximum=None
        )
    if notify_url is not None:
        request.notify_url = check.check_notify_url(notify_url)
    if reply_request is not None:
        request.reply_request = _check_flag(reply_request)
    return Operation(
        operation_id="send_sms",
        path_template="/messages/sms",
        server="api",
        is_send=True,
        request=send_sms._get_kwargs(body=request),
        read=read_send_result,
    )


def send_mms_operation(
    *,
    to: str | Sequence[str],
    subject: str,
    content: MmsContent | Sequence[MmsContent],
    from_: str | None,
    reply_request: bool | None,
    max_bytes: int,
) -> Operation[SendResult]:
    """Check the arguments of Send MMS and build its request."""
    if reply_request is not None:
        _check_flag(reply_request)
    items = check_contents(content, max_bytes=max_bytes)
    request = SendMMSRequest(
        to=check.normalise_recipients(to, reply_request=reply_request is True),
        subject=check.check_subject(subject),
        mms_content=[
            MMSContent(
                type_=MMSContentType(item.media_type),
                filename=item.filename,
                payload=item.payload,
            )
            for item in items
        ],
    )
    if from_ is not None:
        request.from_ = check.normalise_sender(from_)
    if reply_request is not None:
        request.reply_request = _check_flag(reply_request)
    return Operation(
        operation_id="send_mms",
        path_template="/messages/mms",
        server="api",
        is_send=True,
        request=send_mms._get_kwargs(body=request),
        read=read_send_result,
    )


def get_sms_status_operation(message_id: str) -> Operation[MessageStatus]:
    """Build Get SMS Status; the generated code percent-encodes the id, '/' too."""
    return Operation(
        operation_id="get_sms_status",
        path_template="/messages/sms/{messageId}/status",
        server="api",
        is_send=False,
        request=get_sms_status._get_kwargs(message_id=_check_message_id(message_id)),
        read=read_message_status,
    )


def get_mms_status_operation(message_id: str) -> Operation[MessageStatus]:
    """Build Get MMS Status; the generated code percent-encodes the id, '/' too."""
    return Operation(
        operation_id="get_mms_status",
        path_template="/messages/mms/{messageId}/status",
        server="api",
        is_send=False,
        request=get_mms_status._get_kwargs(message_id=_check_message_id(message_id)),
        read=read_message_status,
    )


def retrieve_sms_responses_operation() -> Operation[list[Reply]]:
    """Build Retrieve SMS Responses."""
    return Operation(
        operation_id="retrieve_sms_responses",
        path_template="/messages/sms",
        server="api",
        is_send=False,
        request=retrieve_sms_responses._get_kwargs(),
        read=read_replies,
    )


# Ids from the service are under 100 characters; a much longer one is a mistake.
MAX_MESSAGE_ID_CHARS = 1000


def _check_message_id(message_id: str) -> str:
    check.check_text(message_id, argument="message_id")
    if not message_id.strip() or len(message_id) > MAX_MESSAGE_ID_CHARS:
        raise InvalidInputError(
            "message_id must be the id returned by send_sms or send_mms, "
            f"non-empty and at most {MAX_MESSAGE_ID_CHARS} characters"
        )
    return message_id


def _check_flag(value: bool) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(
            f"reply_request must be True or False, not {type(value).__name__}"
        )
    return value
