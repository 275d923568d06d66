"""Command line for `python -m telstra_messaging.sandbox`."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import socket
import sys

import uvicorn

from telstra_messaging.sandbox._server import (
    DEFAULT_HOST,
    bind_socket,
    origin,
    uvicorn_config,
)
from telstra_messaging.sandbox._spec import load_sandbox_spec
from telstra_messaging.sandbox._state import SPECIAL_RECIPIENTS, SandboxState

DEFAULT_PORT = 8080


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0 to 65535, not {value}")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"seconds must not be negative, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the sandbox command."""
    parser = argparse.ArgumentParser(
        prog="python -m telstra_messaging.sandbox",
        description=(
            "Serve a local implementation of the Telstra Messaging API v2 "
            "(openapi.yaml) with fake credentials, until Ctrl-C."
        ),
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: %(default)s)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help="TCP port to listen on; 0 picks a free port (default: %(default)s)",
    )
    parser.add_argument(
        "--status-interval",
        type=_seconds,
        default=2.0,
        metavar="SECONDS",
        help=(
            "seconds between delivery status steps PEND, SENT and DELIVRD "
            "(default: %(default)s)"
        ),
    )
    parser.add_argument(
        "--client-id",
        default="sandbox-client-id",
        help="client id that the token operation accepts (default: %(default)s)",
    )
    parser.add_argument(
        "--client-secret",
        default="sandbox-client-secret",
        help="client secret that the token operation accepts (default: %(default)s)",
    )
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line; argparse exits with status 2 on invalid arguments."""
    return build_parser().parse_args(argv)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _print_banner(state: SandboxState, server_origin: str) -> None:
    """Print the URLs and the fake credentials that a client needs."""
    spec = load_sandbox_spec()
    print("Telstra Messaging API sandbox")
    print(f"  base URL:      {server_origin}{spec.api_base_path}")
    print(f"  auth URL:      {server_origin}{spec.auth_base_path}")
    print(f"  client id:     {state.client_id}")
    print(f"  client secret: {state.client_secret}")
    special = ", ".join(
        f"{number} {status}" for number, status in SPECIAL_RECIPIENTS.items()
    )
    print(f"  final statuses other than DELIVRD: {special}")
    print("Press Ctrl-C to stop.", flush=True)


def _serve(state: SandboxState, host: str, sock: socket.socket) -> None:
    """Serve the sandbox on the bound socket until Ctrl-C."""
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(state, host, port, configure_logging=True))
    # uvicorn stops on the first Ctrl-C, then raises the signal again once it has
    # restored Python's handler, which turns it into KeyboardInterrupt.
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])


def main(argv: list[str] | None = None) -> int:
    """Run the sandbox in the foreground until Ctrl-C; return the exit status."""
    args = parse_args(argv)
    state = SandboxState(
        client_id=args.client_id,
        client_secret=args.client_secret,
        status_interval=args.status_interval,
    )
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as error:
        print(
            f"error: failed to listen on {origin(args.host, args.port)}: {error}; "
            "choose another --port or --host",
            file=sys.stderr,
        )
        return 1

    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )

    if not _is_loopback(args.host):
        # The credentials are public defaults, so anyone who can reach the host
        # can use it, and the SDK accepts plain http only on loopback.
        print(
            f"warning: --host {args.host} is not a loopback address; the sandbox's "
            "fake credentials are reachable from other machines",
            file=sys.stderr,
        )
    _print_banner(state, origin(args.host, sock.getsockname()[1]))
    _serve(state, args.host, sock)
    return 0
