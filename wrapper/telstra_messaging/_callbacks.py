"""Reading the JSON the service POSTs to a `notify_url`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._errors import InvalidInputError
from ._models import (
    DeliveryReceipt,
    Reply,
    read_delivery_receipt,
    read_reply,
)

__all__ = ["parse_callback"]


def parse_callback(body: bytes | str | Mapping[str, Any]) -> DeliveryReceipt | Reply:
    """Turn a notify_url POST body into a DeliveryReceipt or an inbound Reply.

    A body with `deliveryStatus` is a delivery receipt; one with `body` or `from`
    is a reply. Respond to the service's POST with 204 quickly, because it retries
    callbacks that are not acknowledged. Raises InvalidInputError for a body that
    is neither.
    """
    data = _decode(body)
    if "deliveryStatus" in data:
        return read_delivery_receipt(data)
    if "body" in data or "from" in data:
        return read_reply(data)
    raise InvalidInputError(
        "callback body is neither a delivery receipt (no 'deliveryStatus') nor a "
        "reply (no 'body' or 'from')"
    )


def _decode(body: bytes | str | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    if isinstance(body, str):
        body = body.removeprefix("\ufeff")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, TypeError, RecursionError) as error:
        raise InvalidInputError(
            "callback body is not JSON; pass the raw request body or the parsed dict"
        ) from error
    if not isinstance(data, dict):
        raise InvalidInputError(
            "callback body is JSON but not an object; pass the raw POST body that "
            "the service sent to notify_url"
        )
    return data
