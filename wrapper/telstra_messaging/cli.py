"""The `telstra-messaging` command: send, check and receive messages from a shell.

Credentials come from TELSTRA_CLIENT_ID and TELSTRA_CLIENT_SECRET only, so the
secret stays out of shell history; URLs from --base-url and --auth-url or their
TELSTRA_ variables. Exit status: 0 on success, 1 when the service or the network
fails, 2 for invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ._client import TelstraMessaging
from ._errors import InvalidInputError, TelstraError
from ._mms import MmsContent
from ._models import MessageStatus, Reply, SendResult
from ._segments import estimate_segments

__all__ = ["main"]

Printer = Callable[[str], None]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The sandbox parses its own options, --help included.
    if arguments[:1] == ["sandbox"]:
        return _run_sandbox(arguments[1:])
    args = _build_parser().parse_args(arguments)
    if args.command == "segments":
        estimate = estimate_segments(args.body)
        print(
            f"{estimate.encoding}, {estimate.units} units, {estimate.segments} segments"
        )
        return 0
    try:
        with TelstraMessaging(base_url=args.base_url, auth_url=args.auth_url) as client:
            result = _COMMANDS[args.command](client, args)
    except InvalidInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except TelstraError as error:
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    _print_result(result, as_json=args.json)
    return 0


def _run_sandbox(sandbox_args: list[str]) -> int:
    try:
        from .sandbox import main as sandbox_main
    except ImportError as error:
        print(
            f"error: the sandbox needs its extra: pip install "
            f"'telstra-messaging-v2[sandbox]' ({error.name} is missing)",
            file=sys.stderr,
        )
        return 2
    return sandbox_main(sandbox_args)


def _send_sms(client: TelstraMessaging, args: argparse.Namespace) -> Any:
    sent = client.send_sms(
        args.to,
        args.body,
        from_=args.from_,
        validity=args.validity,
        scheduled_delivery=args.scheduled_delivery,
        notify_url=args.notify_url,
        reply_request=args.reply_request or None,
    )
    if not args.wait:
        return sent
    return [sent, client.wait_for_delivery(sent.message_id, timeout=args.wait)]


def _send_mms(client: TelstraMessaging, args: argparse.Namespace) -> Any:
    content = [MmsContent.from_path(path) for path in args.files]
    sent = client.send_mms(
        args.to,
        content,
        subject=args.subject,
        from_=args.from_,
        reply_request=args.reply_request or None,
    )
    if not args.wait:
        return sent
    status = client.wait_for_delivery(sent.message_id, kind="mms", timeout=args.wait)
    return [sent, status]


def _status(client: TelstraMessaging, args: argparse.Namespace) -> Any:
    if args.mms:
        return client.get_mms_status(args.message_id)
    return client.get_sms_status(args.message_id)


def _replies(client: TelstraMessaging, args: argparse.Namespace) -> Any:
    return list(client.iter_sms_replies())


_COMMANDS: dict[str, Callable[[TelstraMessaging, argparse.Namespace], Any]] = {
    "send-sms": _send_sms,
    "send-mms": _send_mms,
    "status": _status,
    "replies": _replies,
}


def _print_result(result: Any, *, as_json: bool) -> None:
    items = result if isinstance(result, list) else [result]
    if as_json:
        print(json.dumps([dict(item.raw) for item in items], indent=2))
        return
    if not items:
        print("no replies waiting")
    for item in items:
        print(_describe(item))


def _describe(item: SendResult | MessageStatus | Reply) -> str:
    if isinstance(item, SendResult):
        ids = ", ".join(message.message_id for message in item.messages)
        return f"sent {item.message_type or 'message'}: {ids}"
    if isinstance(item, MessageStatus):
        when = item.received_at or item.sent_at
        suffix = f" at {when.isoformat()}" if when else ""
        return f"status {item.delivery_status.value}{suffix}"
    return f"reply from {item.from_}: {item.body}"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="telstra-messaging",
        description="Send SMS and MMS through the Telstra Messaging API v2. "
        "Reads TELSTRA_CLIENT_ID and TELSTRA_CLIENT_SECRET.",
    )
    parser.add_argument("--base-url", help="API base URL (default: TELSTRA_BASE_URL)")
    parser.add_argument(
        "--auth-url", help="token server base URL (default: TELSTRA_AUTH_URL)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the service's JSON responses"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    sms = commands.add_parser("send-sms", help="send an SMS")
    sms.add_argument("to", nargs="+", help="recipient numbers, up to 10")
    sms.add_argument("body", help="message text")
    sms.add_argument("--validity", type=int, help="minutes to keep trying, 1-10080")
    sms.add_argument(
        "--scheduled-delivery", type=int, help="minutes to wait before sending"
    )
    sms.add_argument("--notify-url", help="URL that receives the delivery receipt")
    _add_send_options(sms)

    mms = commands.add_parser("send-mms", help="send an MMS built from files")
    mms.add_argument("to", help="recipient number")
    mms.add_argument("files", nargs="+", help="files to attach; types from names")
    mms.add_argument("--subject", default="", help="subject, up to 64 characters")
    _add_send_options(mms)

    status = commands.add_parser("status", help="show a message's delivery status")
    status.add_argument("message_id", help="id returned by send-sms or send-mms")
    status.add_argument("--mms", action="store_true", help="the message is an MMS")

    commands.add_parser("replies", help="print every reply waiting")

    segments = commands.add_parser("segments", help="estimate SMS segments of a text")
    segments.add_argument("body", help="message text")

    # Listed for the help text only: main() hands "sandbox ..." to the sandbox.
    commands.add_parser(
        "sandbox", help="run the local sandbox server (see 'sandbox --help')"
    )
    return parser


def _add_send_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--from", dest="from_", help="sender number or alphanumeric id (11 chars)"
    )
    command.add_argument(
        "--reply-request", action="store_true", help="ask the recipient to reply"
    )
    command.add_argument(
        "--wait",
        type=float,
        metavar="SECONDS",
        help="wait up to SECONDS for a final delivery status",
    )


if __name__ == "__main__":
    sys.exit(main())
