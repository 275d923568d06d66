"""The main job end to end over loopback HTTP: token, SMS, MMS, status, replies."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from main_job import IMAGE, NATIONAL_MOBILE, run_main_job

from telstra_messaging import (
    AsyncTelstraMessaging,
    DeliveryStatus,
    MmsContent,
    NotFoundError,
    TelstraMessaging,
)
from telstra_messaging.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def test_main_job_sync(client: TelstraMessaging, sandbox: SandboxServer) -> None:
    """Send an SMS and an MMS, see both delivered, and read the reply."""
    run_main_job(client, poll_interval=0.02)
    assert sandbox.state.request_count("get_access_token") == 1


async def test_main_job_async(
    async_client: AsyncTelstraMessaging, sandbox: SandboxServer
) -> None:
    """The async client runs the same job with the same results."""
    sms = await async_client.send_sms(NATIONAL_MOBILE, "Hi", reply_request=True)
    status = await async_client.wait_for_delivery(sms.message_id, poll_interval=0.02)
    assert status.delivery_status is DeliveryStatus.DELIVERED
    mms = await async_client.send_mms(NATIONAL_MOBILE, MmsContent.from_path(IMAGE))
    status = await async_client.wait_for_delivery(
        mms.message_id, kind="mms", poll_interval=0.02
    )
    assert status.delivery_status is DeliveryStatus.DELIVERED
    replies = [reply async for reply in async_client.iter_sms_replies()]
    assert len(replies) == 1
    assert sandbox.state.request_count("get_access_token") == 1


def test_main_job_replies_drain(client: TelstraMessaging) -> None:
    """iter_sms_replies keeps polling while moreMessages is above 0."""
    ids = []
    for _ in range(3):
        sent = client.send_sms(NATIONAL_MOBILE, "Reply please", reply_request=True)
        client.wait_for_delivery(sent.message_id, poll_interval=0.02)
        ids.append(sent.message_id)
    first = client.retrieve_sms_replies()
    assert first[0].more_messages == 2
    rest = list(client.iter_sms_replies())
    assert [reply.message_id for reply in first + rest] == ids
    assert client.retrieve_sms_replies() == []


def test_main_job_several_recipients(
    client: TelstraMessaging, sandbox: SandboxServer
) -> None:
    """One send to three recipients stores three messages."""
    sent = client.send_sms(["0491 570 006", "0491570110", "+61491570159"], "Hello")
    assert sent.number_destinations == 3
    assert len(sent.messages) == 3
    assert sandbox.state.accepted_count() == 3


@pytest.mark.parametrize(
    ("recipient", "final"),
    [
        ("0491570156", DeliveryStatus.UNDELIVERABLE),
        ("0491570157", DeliveryStatus.EXPIRED),
        ("0491570158", DeliveryStatus.REJECTED),
        ("0491570159", DeliveryStatus.DELETED),
    ],
)
def test_main_job_failure_statuses(
    client: TelstraMessaging, recipient: str, final: DeliveryStatus
) -> None:
    """The sandbox's special numbers end in each failure status."""
    sent = client.send_sms(recipient, "Will this arrive?")
    status = client.wait_for_delivery(sent.message_id, poll_interval=0.02)
    assert status.delivery_status is final


def test_main_job_unknown_id(client: TelstraMessaging) -> None:
    """A status request for an unknown id raises NotFoundError."""
    with pytest.raises(NotFoundError) as caught:
        client.get_sms_status("0123456789abcdef0123456789abcdef")
    assert caught.value.code == "RESOURCE-NOT-FOUND"


def test_demo_script_passes(capsys: pytest.CaptureFixture[str]) -> None:
    """scripts/demo.py runs its steps against its own sandbox and returns 0."""
    spec = importlib.util.spec_from_file_location("demo", ROOT / "scripts" / "demo.py")
    assert spec is not None
    assert spec.loader is not None
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    assert demo.main() == 0
    output = capsys.readouterr().out
    assert output.count("status DELIVRD") == 2
    assert "reply from" in output
