"""The telstra-messaging command, run in-process against the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from telstra_messaging.cli import main
from telstra_messaging.sandbox import SandboxServer

IMAGE = Path(__file__).resolve().parents[2] / "scripts" / "assets" / "demo-logo.png"


@pytest.fixture
def sandbox_environment(
    sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> SandboxServer:
    """Point the command at the sandbox through the TELSTRA_ variables."""
    monkeypatch.setenv("TELSTRA_CLIENT_ID", sandbox.client_id)
    monkeypatch.setenv("TELSTRA_CLIENT_SECRET", sandbox.client_secret)
    monkeypatch.setenv("TELSTRA_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("TELSTRA_AUTH_URL", sandbox.auth_url)
    return sandbox


def test_cli_send_sms_waits(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """send-sms --wait prints the message id and the final status."""
    assert main(["send-sms", "0491570006", "Hello there", "--wait", "10"]) == 0
    output = capsys.readouterr().out
    assert output.startswith("sent SMS: ")
    assert "status DELIVRD" in output
    assert sandbox_environment.state.accepted_count() == 1


def test_cli_send_sms_json(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints the service's response."""
    assert main(["--json", "send-sms", "0491570006", "0491570110", "Hi both"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed[0]["numberDestinations"] == 2


def test_cli_status_and_replies(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """status shows a message's state, and replies prints the waiting reply."""
    main(["--json", "send-sms", "0491570006", "Reply?", "--reply-request"])
    message_id = json.loads(capsys.readouterr().out)[0]["messages"][0]["messageId"]
    assert main(["status", message_id]) == 0
    assert capsys.readouterr().out.startswith("status ")
    main(["send-sms", "0491570006", "Reply again?", "--reply-request", "--wait", "10"])
    capsys.readouterr()
    assert main(["replies"]) == 0
    assert "reply from +61491570006" in capsys.readouterr().out


def test_cli_send_mms(
    sandbox_environment: SandboxServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """send-mms attaches files and waits for delivery."""
    assert main(["send-mms", "0491570006", str(IMAGE), "--wait", "10"]) == 0
    output = capsys.readouterr().out
    assert output.startswith("sent MMS: ")
    assert "status DELIVRD" in output


def test_cli_invalid_number_exit_2(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid number exits 2 with the reason, and nothing is sent."""
    assert main(["send-sms", "12345", "Hello"]) == 2
    assert "not a valid phone number" in capsys.readouterr().err
    assert sandbox_environment.state.request_count("send_sms") == 0


def test_cli_service_error_exit_1(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A service error exits 1 and names the error class."""
    assert main(["status", "0123456789abcdef0123456789abcdef"]) == 1
    assert "NotFoundError" in capsys.readouterr().err


def test_cli_missing_credentials_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Without credentials the command exits 2 naming the variables."""
    assert main(["replies"]) == 2
    assert "TELSTRA_CLIENT_ID" in capsys.readouterr().err


def test_cli_segments(capsys: pytest.CaptureFixture[str]) -> None:
    """segments prints the encoding and the count without any credentials."""
    assert main(["segments", "a" * 161]) == 0
    assert capsys.readouterr().out.strip() == "GSM-7, 161 units, 2 segments"


def test_cli_sandbox_help(capsys: pytest.CaptureFixture[str]) -> None:
    """sandbox passes its options on to the sandbox's own parser."""
    with pytest.raises(SystemExit) as caught:
        main(["sandbox", "--help"])
    assert caught.value.code == 0
    assert "--port" in capsys.readouterr().out
