"""The telstra-messaging command, run in-process against the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from telstra_messaging.cli import main
from telstra_messaging.sandbox import RespondWith, SandboxServer

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
    first, second = capsys.readouterr().out.splitlines()
    message_id = first.removeprefix("sent SMS: ")
    assert second.startswith(f"{message_id}: status DELIVRD")
    assert sandbox_environment.state.accepted_count() == 1


def test_cli_send_sms_json(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints the service's response."""
    assert main(["--json", "send-sms", "0491570006", "0491570110", "Hi both"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["numberDestinations"] == 2


def test_cli_status_and_replies(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """status shows a message's state, and replies prints the waiting reply."""
    assert main(["--json", "send-sms", "0491570006", "Reply?", "--reply-request"]) == 0
    message_id = json.loads(capsys.readouterr().out)["messages"][0]["messageId"]
    assert main(["status", message_id]) == 0
    assert capsys.readouterr().out.startswith("status ")
    wait = ["--reply-request", "--wait", "10"]
    assert main(["send-sms", "0491570006", "Reply again?", *wait]) == 0
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
    assert ": status DELIVRD" in output


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
    assert capsys.readouterr().out.strip() == "GSM-7: 161 septets, 2 segments"


def test_cli_sandbox_help(capsys: pytest.CaptureFixture[str]) -> None:
    """sandbox passes its options on to the sandbox's own parser."""
    with pytest.raises(SystemExit) as caught:
        main(["sandbox", "--help"])
    assert caught.value.code == 0
    assert "--port" in capsys.readouterr().out


def test_cli_wait_reports_each_recipient(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """--wait labels each recipient's status and exits 3 if one failed."""
    arguments = ["send-sms", "0491570006", "0491570156", "Two of us", "--wait", "10"]
    assert main(arguments) == 3
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "status DELIVRD" in lines[1]
    assert "status UNDVBL" in lines[2]


def test_cli_wait_timeout_keeps_id(
    sandbox_environment: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wait that runs out of time exits 3, with the id printed before it."""
    pending = RespondWith(200, json_body={"deliveryStatus": "PEND"})
    sandbox_environment.state.inject("get_sms_status", pending, times=100)
    assert main(["send-sms", "0491570006", "Slow one", "--wait", "0.2"]) == 3
    captured = capsys.readouterr()
    message_id = captured.out.strip().removeprefix("sent SMS: ")
    assert message_id in captured.err
    assert "last status PEND" in captured.err


@pytest.mark.parametrize("wait", ["-1", "0", "nan", "soon"])
def test_cli_bad_wait_sends_nothing(
    sandbox_environment: SandboxServer, wait: str
) -> None:
    """An invalid --wait is rejected by the parser before anything is sent."""
    with pytest.raises(SystemExit) as caught:
        main(["send-sms", "0491570006", "Hello", "--wait", wait])
    assert caught.value.code == 2
    assert sandbox_environment.state.request_count("send_sms") == 0


def test_cli_mms_type_option(
    sandbox_environment: SandboxServer,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """--type sets the media type of a file whose name does not tell it."""
    card = tmp_path / "contact.card"
    card.write_text("BEGIN:VCARD\nEND:VCARD\n")
    assert main(["send-mms", "0491570006", str(card), "--type", "text/x-vCard"]) == 0
    stored = sandbox_environment.state.messages[-1]
    assert stored.request_json["MMSContent"][0]["type"] == "text/x-vCard"
