"""Public API used the way callers use it; mypy --strict checks this file.

It is never run: it only has to type-check.
"""

from __future__ import annotations

from datetime import datetime

import httpx

from telstra_messaging import (
    APIStatusError,
    AsyncTelstraMessaging,
    DeliveryReceipt,
    DeliveryStatus,
    MessageStatus,
    MmsContent,
    RateLimitError,
    Reply,
    SegmentEstimate,
    SendResult,
    TelstraMessaging,
    estimate_segments,
    parse_callback,
)


def send_and_wait(client: TelstraMessaging) -> DeliveryStatus:
    """Send an SMS and wait for its final status."""
    sent: SendResult = client.send_sms(
        "0400 000 000",
        "Your table is ready",
        from_="ACME",
        validity=60,
        scheduled_delivery=1,
        notify_url="https://example.com/notify",
        reply_request=False,
        timeout=httpx.Timeout(10.0, connect=2.0),
    )
    status: MessageStatus = client.wait_for_delivery(sent.message_id, timeout=30)
    when: datetime | None = status.received_at
    del when
    return status.delivery_status


def send_picture(client: TelstraMessaging) -> str:
    """Send an MMS and return its id."""
    content = MmsContent.from_path("plan.png")
    return client.send_mms(["+61400000000"], [content], subject="Plan").message_id


def read_replies(client: TelstraMessaging) -> list[str | None]:
    """Collect the bodies of the waiting replies."""
    replies: list[Reply] = list(client.iter_sms_replies())
    return [reply.body for reply in replies]


async def send_async(client: AsyncTelstraMessaging) -> int | None:
    """Send with the async client and read the segment count."""
    try:
        sent = await client.send_sms("0400000000", "Code 123456")
    except RateLimitError as error:
        return error.status_code
    except APIStatusError as error:
        return int(error.status_code)
    status = await client.get_sms_status(sent.message_id)
    assert status.delivery_status in DeliveryStatus
    async for reply in client.iter_sms_replies():
        print(reply.message_id)
    return sent.number_segments


def handle_callback(body: bytes) -> str | None:
    """Read a notify_url POST."""
    event = parse_callback(body)
    if isinstance(event, DeliveryReceipt):
        return event.delivery_status.value
    return event.from_


def segments(text: str) -> int:
    """Count segments."""
    estimate: SegmentEstimate = estimate_segments(text)
    return estimate.segments
