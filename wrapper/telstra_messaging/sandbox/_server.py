"""Run the sandbox application with uvicorn in a background thread."""

from __future__ import annotations

import logging
import socket
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from telstra_messaging.sandbox._app import create_app
from telstra_messaging.sandbox._spec import load_sandbox_spec
from telstra_messaging.sandbox._state import SandboxState

logger = logging.getLogger("telstra_messaging.sandbox")

DEFAULT_HOST = "127.0.0.1"
# After a stop request, uvicorn cancels requests still running after this many
# seconds, such as one held by an injected delay while its client keeps waiting.
GRACEFUL_SHUTDOWN_SECONDS = 1
_STARTUP_POLLS = 1000
_STARTUP_POLL_SECONDS = 0.01
_STOP_JOIN_SECONDS = 10.0


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind a TCP socket on host and port; port 0 picks a free port.

    Raises OSError when the address is in use or cannot be bound.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # asyncio sets TCP_NODELAY on accepted connections only when the listening
    # socket's proto is IPPROTO_TCP. Without it, Nagle's algorithm and delayed ACKs
    # add about 40 ms to every response that uvicorn writes in two parts.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def origin(host: str, port: int) -> str:
    """Return the http origin for host and port, with brackets for IPv6."""
    shown_host = f"[{host}]" if ":" in host else host
    return f"http://{shown_host}:{port}"


def uvicorn_config(
    state: SandboxState, host: str, port: int, *, configure_logging: bool
) -> uvicorn.Config:
    """Build the uvicorn configuration that both the thread and the CLI use.

    With `configure_logging` false, uvicorn leaves the process's logging setup alone.
    """
    return uvicorn.Config(
        create_app(state),
        host=host,
        port=port,
        http="h11",
        ws="none",
        lifespan="off",
        log_config=LOGGING_CONFIG if configure_logging else None,
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


def _wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> bool:
    """Poll until uvicorn accepts connections, for about 10 seconds at most.

    Returns False when the thread exits first or the time runs out.
    """
    for _ in range(_STARTUP_POLLS):
        if server.started:
            return True
        if not thread.is_alive():
            return False
        time.sleep(_STARTUP_POLL_SECONDS)
    return False


class SandboxServer:
    """Context manager that serves the sandbox from a background thread.

    The server listens on `host` (127.0.0.1 by default) and `port` (0 by default,
    which picks a free port). Entering the context returns once uvicorn accepts
    connections. Leaving it stops uvicorn and joins the thread.
    """

    def __init__(
        self,
        state: SandboxState | None = None,
        *,
        host: str = DEFAULT_HOST,
        port: int = 0,
    ) -> None:
        self.state = state if state is not None else SandboxState()
        self.host = host
        self._requested_port = port
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._port is None:
            raise RuntimeError("the sandbox server is not running; call start() first")
        return self._port

    @property
    def origin(self) -> str:
        """Scheme, host and port, such as http://127.0.0.1:8080."""
        return origin(self.host, self.port)

    @property
    def base_url(self) -> str:
        """Base URL of the messaging operations, such as http://127.0.0.1:8080/v2."""
        return self.origin + load_sandbox_spec().api_base_path

    @property
    def auth_url(self) -> str:
        """Base URL of the token server, such as http://127.0.0.1:8080/v1/oauth."""
        return self.origin + load_sandbox_spec().auth_base_path

    @property
    def client_id(self) -> str:
        """The client id that the sandbox accepts."""
        return self.state.client_id

    @property
    def client_secret(self) -> str:
        """The client secret that the sandbox accepts."""
        return self.state.client_secret

    def start(self) -> None:
        """Start uvicorn in a thread and wait until it accepts connections.

        Raises OSError when the address cannot be bound, and RuntimeError when
        uvicorn does not start.
        """
        if self._thread is not None:
            raise RuntimeError("the sandbox server is already running")
        sock = bind_socket(self.host, self._requested_port)
        self._port = sock.getsockname()[1]
        config = uvicorn_config(
            self.state, self.host, self._port, configure_logging=False
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run,
            kwargs={"sockets": [sock]},
            name=f"telstra-messaging-sandbox-{self._port}",
            daemon=True,
        )
        self._server = server
        self._thread = thread
        thread.start()
        if _wait_until_started(server, thread):
            logger.info("sandbox listening on %s", self.origin)
            return
        self.stop()
        sock.close()
        raise RuntimeError(
            f"the sandbox server on {origin(self.host, self._requested_port)} did not "
            "start; the uvicorn log has the cause"
        )

    def stop(self) -> None:
        """Ask uvicorn to exit and join its thread; does nothing when not running."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(_STOP_JOIN_SECONDS)
        if thread.is_alive():
            logger.warning(
                "sandbox on port %s did not stop within %s seconds; forcing exit",
                self._port,
                _STOP_JOIN_SECONDS,
            )
            server.force_exit = True
            thread.join(_STOP_JOIN_SECONDS)
        self._server = None
        self._thread = None
        logger.info("sandbox on port %s stopped", self._port)
        self._port = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
