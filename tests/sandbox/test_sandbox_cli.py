"""The `python -m telstra_messaging.sandbox` command."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading

import httpx
import pytest

from telstra_messaging.sandbox import SPECIAL_RECIPIENTS, SandboxState, main
from telstra_messaging.sandbox._cli import _is_loopback, _print_banner, parse_args

# Bounds for the subprocess test: they stop a hung child, and a healthy run ends
# far sooner.
_LINE_WAIT_SECONDS = 30.0
_EXIT_WAIT_SECONDS = 30.0


def test_parse_defaults() -> None:
    """Without options the sandbox uses 127.0.0.1:8080 and the fake credentials."""
    args = parse_args([])
    assert args.host == "127.0.0.1"
    assert args.port == 8080
    assert args.status_interval == 2.0
    assert args.client_id == "sandbox-client-id"
    assert args.client_secret == "sandbox-client-secret"


def test_parse_options() -> None:
    """Each option sets its value."""
    args = parse_args(
        [
            "--host",
            "::1",
            "--port",
            "0",
            "--status-interval",
            "0.5",
            "--client-id",
            "my-id",
            "--client-secret",
            "my-secret",
        ]
    )
    assert args.host == "::1"
    assert args.port == 0
    assert args.status_interval == 0.5
    assert args.client_id == "my-id"
    assert args.client_secret == "my-secret"


@pytest.mark.parametrize(
    "argv",
    [
        ["--port", "65536"],
        ["--port", "-1"],
        ["--port", "http"],
        ["--status-interval", "-1"],
        ["--status-interval", "nan"],
    ],
)
def test_parse_rejects(argv: list[str]) -> None:
    """Invalid values exit with status 2."""
    with pytest.raises(SystemExit) as exit_info:
        parse_args(argv)
    assert exit_info.value.code == 2


def test_main_port_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    """main returns 1 and explains when the port is taken."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["--port", str(port)])
    assert status == 1
    assert "choose another --port" in capsys.readouterr().err


def _start_line_reader(
    process: subprocess.Popen[str],
) -> tuple[queue.Queue[str], threading.Thread]:
    """Copy the child's output lines into a queue from a daemon thread.

    The thread puts an empty string when the output ends.
    """
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout
    assert stdout is not None

    def copy_lines() -> None:
        for line in stdout:
            lines.put(line)
        lines.put("")

    reader = threading.Thread(target=copy_lines, daemon=True)
    reader.start()
    return lines, reader


def test_module_runs_and_stops() -> None:
    """With --port 0 the module prints its real URLs, serves, and exits 0 on SIGINT."""
    process = subprocess.Popen(
        [sys.executable, "-m", "telstra_messaging.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines, reader = _start_line_reader(process)
    try:
        printed = {}
        while "client secret" not in printed:
            line = lines.get(timeout=_LINE_WAIT_SECONDS)
            assert line, "the sandbox exited before printing its URLs"
            name, _, value = line.partition(":")
            printed[name.strip()] = value.strip()
        form = {
            "client_id": printed["client id"],
            "client_secret": printed["client secret"],
            "grant_type": "client_credentials",
        }
        response = httpx.post(printed["auth URL"] + "/token", data=form)
        process.send_signal(signal.SIGINT)
        exit_status = process.wait(_EXIT_WAIT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        reader.join(_EXIT_WAIT_SECONDS)
        assert process.stdout is not None
        process.stdout.close()
    assert printed["base URL"].startswith("http://127.0.0.1:")
    assert not printed["base URL"].startswith("http://127.0.0.1:0/")
    assert printed["base URL"].endswith("/v2")
    assert response.status_code == 200
    assert exit_status == 0


def test_banner_lists_special_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    """The banner lists the numbers that end in other statuses."""
    _print_banner(SandboxState(), "http://127.0.0.1:8080")
    banner = capsys.readouterr().out
    for number, status in SPECIAL_RECIPIENTS.items():
        assert f"{number} {status}" in banner


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False)],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    """Only loopback hosts pass without the warning."""
    assert _is_loopback(host) is loopback


def test_missing_extra_names_install_command() -> None:
    """Without the sandbox extra, importing the sandbox names the pip command."""
    script = (
        "import importlib.util as util\n"
        "real = util.find_spec\n"
        "util.find_spec = lambda name, *rest: (\n"
        "    None if name == 'starlette' else real(name, *rest)\n"
        ")\n"
        "import telstra_messaging.sandbox\n"
    )
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "pip install 'telstra-messaging-v2[sandbox]'" in result.stderr
    assert "ImportError: the sandbox needs starlette" in result.stderr
