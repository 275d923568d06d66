"""The `telstra-messaging` command: send, check and receive messages from a shell.

Credentials come from TELSTRA_CLIENT_ID and TELSTRA_CLIENT_SECRET only, so the
secret stays out of shell history; URLs from --base-url and --auth-url or their
TELSTRA_ variables. A send prints its message ids before any `--wait`, so an id is
never lost to a failed wait.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from typing import Literal, Protocol

from ._client import TelstraMessaging
from ._errors import DeliveryTimeoutError, InvalidInputError, TelstraError
from ._mms import MmsContent
from ._models import DeliveryStatus, MessageStatus, Reply, SendResult
from ._segments import estimate_segments

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1  # The service or the network failed.
EXIT_INVALID = 2  # Invalid input; nothing was sent.
EXIT_NOT_DELIVERED = 3  # --wait ended in a failure status, or ran out of time.

_DELIVERED = (DeliveryStatus.DELIVERED, DeliveryStatus.READ)
_EPILOG = (
    "exit status: 0 success, 1 the service or the network failed, 2 invalid input "
    "(nothing sent), 3 --wait saw a message not delivered or ran out of time"
)

Item = SendResult | MessageStatus | Reply


class Emit(Protocol):
    """Prints one result, labelled with a message id when one is given."""

    def __call__(self, item: Item, *, message_id: str | None = None) -> None: ...


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # The sandbox parses its own options, --help included.
    if arguments[:1] == ["sandbox"]:
        return _run_sandbox(arguments[1:])
    args = _build_parser().parse_args(arguments)
    if args.command == "segments":
        print(_describe_segments(args.body))
        return EXIT_OK

    def emit(item: Item, *, message_id: str | None = None) -> None:
        if args.json:
            fields = dict(item.raw)
            if message_id is not None:
                fields.setdefault("messageId", message_id)
            print(json.dumps(fields), flush=True)
        elif message_id is not None:
            print(f"{message_id}: {_describe(item)}", flush=True)
        else:
            print(_describe(item), flush=True)

    try:
        with TelstraMessaging(base_url=args.base_url, auth_url=args.auth_url) as client:
            return _COMMANDS[args.command](client, args, emit)
    except InvalidInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    except TelstraError as error:
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILED


def _run_sandbox(sandbox_args: list[str]) -> int:
    try:
        from .sandbox import main as sandbox_main
    except ImportError as error:
        print(
            f"error: the sandbox needs its extra: pip install "
            f"'telstra-messaging-v2[sandbox]' ({error.name or error} is missing)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    return sandbox_main(sandbox_args)


def _send_sms(client: TelstraMessaging, args: argparse.Namespace, emit: Emit) -> int:
    sent = client.send_sms(
        args.to,
        args.body,
        from_=args.from_,
        validity=args.validity,
        scheduled_delivery=args.scheduled_delivery,
        notify_url=args.notify_url,
        reply_request=args.reply_request or None,
    )
    emit(sent)
    return _wait_for_all(client, sent, "sms", args.wait, emit)


def _send_mms(client: TelstraMessaging, args: argparse.Namespace, emit: Emit) -> int:
    content = [MmsContent.from_path(path, media_type=args.type) for path in args.files]
    sent = client.send_mms(
        args.to,
        content,
        subject=args.subject,
        from_=args.from_,
        reply_request=args.reply_request or None,
    )
    emit(sent)
    return _wait_for_all(client, sent, "mms", args.wait, emit)


def _wait_for_all(
    client: TelstraMessaging,
    sent: SendResult,
    kind: Literal["sms", "mms"],
    wait: float | None,
    emit: Emit,
) -> int:
    """Wait for each recipient's message in turn; report any not delivered."""
    if wait is None:
        return EXIT_OK
    outcome = EXIT_OK
    for message in sent.messages:
        try:
            status = client.wait_for_delivery(
                message.message_id, kind=kind, timeout=wait
            )
        except DeliveryTimeoutError as error:
            print(f"error: {error}", file=sys.stderr)
            outcome = EXIT_NOT_DELIVERED
            continue
        emit(status, message_id=message.message_id)
        if status.delivery_status not in _DELIVERED:
            outcome = EXIT_NOT_DELIVERED
    return outcome


def _status(client: TelstraMessaging, args: argparse.Namespace, emit: Emit) -> int:
    if args.mms:
        emit(client.get_mms_status(args.message_id))
    else:
        emit(client.get_sms_status(args.message_id))
    return EXIT_OK


def _replies(client: TelstraMessaging, args: argparse.Namespace, emit: Emit) -> int:
    count = 0
    for reply in client.iter_sms_replies():
        emit(reply)
        count += 1
    if not count and not args.json:
        print("no replies waiting")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[TelstraMessaging, argparse.Namespace, Emit], int]] = {
    "send-sms": _send_sms,
    "send-mms": _send_mms,
    "status": _status,
    "replies": _replies,
}


def _describe(item: Item) -> str:
    if isinstance(item, SendResult):
        ids = ", ".join(message.message_id for message in item.messages)
        return f"sent {item.message_type or 'message'}: {ids}"
    if isinstance(item, MessageStatus):
        when = item.received_at or item.sent_at
        suffix = f" at {when.isoformat()}" if when else ""
        return f"status {item.delivery_status.value}{suffix}"
    return f"reply from {item.from_}: {item.body}"


def _describe_segments(body: str) -> str:
    estimate = estimate_segments(body)
    unit = "septets" if estimate.encoding == "GSM-7" else "UTF-16 code units"
    plural = "" if estimate.segments == 1 else "s"
    return (
        f"{estimate.encoding}: {estimate.units} {unit}, "
        f"{estimate.segments} segment{plural}"
    )


def _positive_seconds(text: str) -> float:
    """Parse a --wait value: a finite number of seconds above zero."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(
            f"must be a positive number of seconds, not {text!r}"
        )
    return seconds


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="telstra-messaging",
        description="Send SMS and MMS through the Telstra Messaging API v2. "
        "Reads TELSTRA_CLIENT_ID and TELSTRA_CLIENT_SECRET.",
        epilog=_EPILOG,
    )
    parser.add_argument("--base-url", help="API base URL (default: TELSTRA_BASE_URL)")
    parser.add_argument(
        "--auth-url", help="token server base URL (default: TELSTRA_AUTH_URL)"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print each response of the service as one line of JSON",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    sms = commands.add_parser("send-sms", help="send an SMS", epilog=_EPILOG)
    sms.add_argument("to", nargs="+", help="recipient numbers, up to 10")
    sms.add_argument("body", help="message text")
    sms.add_argument("--validity", type=int, help="minutes to keep trying, 1-10080")
    sms.add_argument(
        "--scheduled-delivery", type=int, help="minutes to wait before sending"
    )
    sms.add_argument("--notify-url", help="URL that receives the delivery receipt")
    _add_send_options(sms)

    mms = commands.add_parser(
        "send-mms", help="send an MMS built from files", epilog=_EPILOG
    )
    mms.add_argument("to", help="recipient number")
    mms.add_argument("files", nargs="+", help="files to attach; types from names")
    mms.add_argument("--subject", default="", help="subject, up to 64 characters")
    mms.add_argument(
        "--type", help="media type for every file, such as image/png (default: guessed)"
    )
    _add_send_options(mms)

    status = commands.add_parser("status", help="show a message's delivery status")
    status.add_argument("message_id", help="id printed by send-sms or send-mms")
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
        "--from",
        dest="from_",
        metavar="SENDER",
        help="sender number or alphanumeric id of up to 11 characters",
    )
    command.add_argument(
        "--reply-request", action="store_true", help="ask the recipient to reply"
    )
    command.add_argument(
        "--wait",
        type=_positive_seconds,
        metavar="SECONDS",
        help="after sending, wait up to SECONDS for each message's final status",
    )


if __name__ == "__main__":
    sys.exit(main())
