"""Run the main job end to end against the embedded sandbox.

Starts the sandbox on 127.0.0.1, then through the SDK: fetches a token, sends an
SMS to a national-format Australian mobile and polls it to DELIVRD, sends an MMS
carrying a PNG from scripts/assets, polls it, and prints the replies waiting.
Exits 1 if any step fails; the sandbox stops on the way out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from telstra_messaging import (
    DeliveryStatus,
    MmsContent,
    TelstraError,
    TelstraMessaging,
)
from telstra_messaging.sandbox import SandboxServer, SandboxState

IMAGE = Path(__file__).parent / "assets" / "demo-logo.png"
# ACMA's fictitious mobile number for drama, in national format.
RECIPIENT = "0491 570 006"
STATUS_INTERVAL = 0.5  # Seconds between sandbox delivery steps.


def step(text: str) -> None:
    """Print one step of the demo."""
    print(f"- {text}", flush=True)


def run(server: SandboxServer) -> None:
    """Run the demo steps against a running sandbox; raise on any failure."""
    with TelstraMessaging(
        client_id=server.client_id,
        client_secret=server.client_secret,
        base_url=server.base_url,
        auth_url=server.auth_url,
    ) as client:
        sms = client.send_sms(
            to=RECIPIENT, body="Your table for two is ready", reply_request=True
        )
        tokens = server.state.request_count("get_access_token")
        step(f"token fetched from {server.auth_url}/token ({tokens} request)")
        step(
            f"SMS sent to {RECIPIENT}: id {sms.message_id}, "
            f"{sms.number_segments} segment(s)"
        )
        status = client.wait_for_delivery(sms.message_id, poll_interval=0.2)
        _check_delivered("SMS", status.delivery_status)
        step(f"SMS status {status.raw_status} at {status.received_at}")

        image = MmsContent.from_path(IMAGE)
        mms = client.send_mms(to=RECIPIENT, content=image, subject="Table map")
        step(
            f"MMS sent with {image.filename} ({image.media_type}, "
            f"{len(image.payload)} base64 bytes): id {mms.message_id}"
        )
        status = client.wait_for_delivery(mms.message_id, kind="mms", poll_interval=0.2)
        _check_delivered("MMS", status.delivery_status)
        step(f"MMS status {status.raw_status} at {status.received_at}")

        replies = list(client.iter_sms_replies())
        step(f"{len(replies)} reply waiting")
        for reply in replies:
            step(f"reply from {reply.from_}: {reply.body!r}")
        if not replies:
            raise RuntimeError("expected a reply to the SMS sent with reply_request")


def _check_delivered(kind: str, status: DeliveryStatus) -> None:
    if status is not DeliveryStatus.DELIVERED:
        raise RuntimeError(f"{kind} ended as {status.value}, expected DELIVRD")


def main() -> int:
    """Start the sandbox, run the demo, and stop the sandbox."""
    state = SandboxState(status_interval=STATUS_INTERVAL)
    with SandboxServer(state) as server:
        step(f"sandbox running at {server.base_url}")
        try:
            run(server)
        except (TelstraError, RuntimeError) as error:
            print(f"demo failed: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    step("sandbox stopped; demo passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
