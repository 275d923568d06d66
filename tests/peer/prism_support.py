"""Run Stoplight Prism (installed by scripts/install-prism.sh) on 127.0.0.1.

Prism 5.14.2 reports how an exchange breaks openapi.yaml in the `sl-violations`
response header, a JSON array of violations. `RecordingTransport` keeps every
response a client receives so that tests can look for that header.

Every httpx call here and in the tests passes `trust_env=False` (or an explicit
transport, which has the same effect), so an HTTP_PROXY variable cannot send
loopback traffic to another host.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
PRISM = ROOT / ".prism" / "node_modules" / ".bin" / "prism"
PRISM_VERSION = "5.14.2"
VIOLATIONS_HEADER = "sl-violations"

# Seconds. Prism 5.14.2 served its first request 1.5 to 1.9 s after starting on an
# idle 2-core machine, and the margin covers a loaded CI machine.
STARTUP_TIMEOUT = 60.0
_STARTUP_POLL = 0.1
_STOP_TIMEOUT = 10.0
# Starts retried with a new port when another process took the free port first.
_PORT_ATTEMPTS = 5
_PRISM_PROBLEM_TYPE = "https://stoplight.io/prism/errors#"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def check_prism_installed() -> None:
    """Raise RuntimeError unless .prism contains the pinned Prism version."""
    if not PRISM.exists():
        raise RuntimeError(
            f"Prism is not installed at {PRISM}; run scripts/install-prism.sh"
        )
    completed = subprocess.run(  # noqa: S603 (fixed local executable)
        [str(PRISM), "--version"],
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT,
        check=False,
    )
    version = completed.stdout.strip()
    if version != PRISM_VERSION:
        raise RuntimeError(
            f"{PRISM} --version printed {version!r}, expected {PRISM_VERSION!r}; "
            "run scripts/install-prism.sh"
        )


class PrismStartError(RuntimeError):
    """Raised when Prism exits or stays silent instead of serving."""


class _PortInUseError(PrismStartError):
    """Raised when Prism exits because its port was taken."""


class PrismProcess:
    """One Prism process, `prism mock` or `prism proxy`, listening on 127.0.0.1.

    `arguments` start with the command name; this class adds `-h` and `-p`.
    Prism's log goes to `log_path`, so a start failure can show it.
    """

    def __init__(self, arguments: list[str], log_path: Path) -> None:
        self.arguments = arguments
        self.log_path = log_path
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def origin(self) -> str:
        """Scheme, host and port, such as http://127.0.0.1:4010."""
        if self.port is None:
            raise RuntimeError("Prism is not running; call start() first")
        return f"http://127.0.0.1:{self.port}"

    def log_text(self, start: int = 0) -> str:
        """Return what Prism has logged so far, from byte offset `start` on."""
        try:
            with self.log_path.open("rb") as log:
                log.seek(start)
                return log.read().decode("utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def _log_size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except FileNotFoundError:
            return 0

    def start(self) -> None:
        """Start Prism on a free port and wait until it serves HTTP requests.

        Raises PrismStartError when Prism exits or does not respond within
        STARTUP_TIMEOUT seconds, with Prism's log in the message.
        """
        for _ in range(_PORT_ATTEMPTS):
            try:
                self._start_once(free_port())
            except _PortInUseError:
                continue
            return
        raise PrismStartError(
            f"Prism found its port in use {_PORT_ATTEMPTS} times; log:\n"
            + self.log_text()
        )

    def _start_once(self, port: int) -> None:
        self.port = port
        log_start = self._log_size()
        command = [str(PRISM), *self.arguments, "-h", "127.0.0.1", "-p", str(port)]
        with self.log_path.open("ab") as log:
            # A new session puts Prism and any child it forks in one process
            # group, which stop() signals as a whole.
            self._process = subprocess.Popen(  # noqa: S603 (fixed local executable)
                command,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                self._process = None
                log = self.log_text(log_start)
                if "EADDRINUSE" in log:
                    raise _PortInUseError(port)
                raise PrismStartError(
                    f"Prism exited while starting on port {port}; log:\n{log}"
                )
            if self._responds():
                return
            time.sleep(_STARTUP_POLL)
        self.stop()
        raise PrismStartError(
            f"Prism did not respond on {self.origin} within {STARTUP_TIMEOUT:g} s; "
            "log:\n" + self.log_text(log_start)
        )

    def _responds(self) -> bool:
        # GET / matches no operation, so Prism responds with its own 404 problem
        # (and, in proxy mode with --errors, forwards nothing upstream). Checking
        # the problem type distinguishes Prism from another process on the port.
        try:
            response = httpx.get(self.origin + "/", timeout=1.0, trust_env=False)
        except httpx.TransportError:
            return False
        return _PRISM_PROBLEM_TYPE in response.text

    def stop(self) -> None:
        """Send SIGTERM to Prism's process group, then SIGKILL if it lingers."""
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(_STOP_TIMEOUT)


@contextlib.contextmanager
def running_prism(arguments: list[str], log_path: Path) -> Iterator[PrismProcess]:
    """Run Prism for the duration of the block, and stop it even on failure."""
    prism = PrismProcess(arguments, log_path)
    try:
        prism.start()
        yield prism
    finally:
        prism.stop()


class RecordingTransport(httpx.BaseTransport):
    """A transport that sends through httpx.HTTPTransport and keeps each response."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.responses: list[httpx.Response] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        self.responses.append(response)
        return response

    def close(self) -> None:
        self.inner.close()


def describe(response: httpx.Response) -> str:
    """Return the request line, status and any violations, for assert messages."""
    request = response.request
    violations = response.headers.get(VIOLATIONS_HEADER, "none")
    return (
        f"{request.method} {request.url.raw_path.decode('ascii')} -> "
        f"{response.status_code}; {VIOLATIONS_HEADER}: {violations}"
    )
