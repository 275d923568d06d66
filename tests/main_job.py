"""The main job, as a user runs it: an SMS and an MMS delivered, and the reply."""

from __future__ import annotations

from pathlib import Path

from telstra_messaging import DeliveryStatus, MmsContent, TelstraMessaging

IMAGE = Path(__file__).resolve().parent.parent / "scripts" / "assets" / "demo-logo.png"
NATIONAL_MOBILE = "0491 570 006"


def run_main_job(client: TelstraMessaging, *, poll_interval: float) -> None:
    """Send an SMS and an MMS to a national-format number, and check every step."""
    sms = client.send_sms(NATIONAL_MOBILE, "Your table is ready", reply_request=True)
    assert sms.messages[0].to == "+61491570006"
    assert sms.number_segments == 1
    sms_status = client.wait_for_delivery(sms.message_id, poll_interval=poll_interval)
    assert sms_status.delivery_status is DeliveryStatus.DELIVERED
    assert sms_status.received_at is not None

    mms = client.send_mms(
        NATIONAL_MOBILE, MmsContent.from_path(IMAGE), subject="Table map"
    )
    assert "/" in mms.message_id
    mms_status = client.wait_for_delivery(
        mms.message_id, kind="mms", poll_interval=poll_interval
    )
    assert mms_status.delivery_status is DeliveryStatus.DELIVERED

    replies = list(client.iter_sms_replies())
    assert [reply.message_id for reply in replies] == [sms.message_id]
    assert replies[0].from_ == "+61491570006"
