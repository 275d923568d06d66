"""A change to openapi.yaml that the wrapper does not follow fails a named test.

Each test changes one field in a copy of the spec, regenerates the client from
it into a temporary folder with the project's pinned generator, and runs the
contract tests against that spec and client. They must fail, naming the field.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from spec_support import load_spec

ROOT = Path(__file__).resolve().parents[2]
GENERATOR_BIN = ROOT / ".venv-gen" / "bin"
CONTRACT_TESTS = [
    "tests/contract/test_coverage.py",
    "tests/contract/test_spec_examples.py",
]


def _regenerate(spec: dict[str, Any], folder: Path) -> Path:
    """Write `spec` and generate the client from it; return the spec's path."""
    spec_path = folder / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    generator = GENERATOR_BIN / "openapi-python-client"
    assert generator.exists(), "the generator is missing; run 'make check-generated'"
    environment = dict(os.environ)
    environment["PATH"] = f"{GENERATOR_BIN}{os.pathsep}{environment['PATH']}"
    environment["RUFF_NO_CACHE"] = "true"
    subprocess.run(  # noqa: S603 (fixed arguments, local files)
        [
            str(generator),
            "generate",
            "--path",
            str(spec_path),
            "--config",
            str(ROOT / "generator-config.yml"),
            "--meta",
            "none",
            "--output-path",
            str(folder / "generated" / "telstra_messaging_api"),
            "--fail-on-warning",
        ],
        check=True,
        capture_output=True,
        env=environment,
        timeout=300,
    )
    return spec_path


def _run_contract_tests(
    spec_path: Path, folder: Path
) -> subprocess.CompletedProcess[str]:
    """Run the contract tests against the changed spec and its generated client."""
    environment = dict(os.environ)
    environment["CONTRACT_SPEC_PATH"] = str(spec_path)
    environment["PYTHONPATH"] = str(folder / "generated")
    return subprocess.run(  # noqa: S603 (fixed arguments, local files)
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *CONTRACT_TESTS,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def _rename_message_id(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    message = schemas["Message"]
    message["properties"]["msgId"] = message["properties"].pop("messageId")
    message["required"] = [
        "msgId" if n == "messageId" else n for n in message["required"]
    ]
    for example in (
        message["example"],
        *schemas["MessageSentResponse"]["example"]["messages"],
        *spec["components"]["responses"]["MessageSent"]["content"]["application/json"][
            "example"
        ]["messages"],
    ):
        example["msgId"] = example.pop("messageId")


def _add_required_priority(spec: dict[str, Any]) -> None:
    request = spec["components"]["schemas"]["SendSMSRequest"]
    request["properties"]["priority"] = {"type": "integer", "example": 1}
    request["required"] = [*request["required"], "priority"]
    request["example"]["priority"] = 1
    content = spec["paths"]["/messages/sms"]["post"]["requestBody"]["content"]
    content["application/json"]["example"]["priority"] = 1


@pytest.mark.parametrize(
    ("change", "named_test", "named_field"),
    [
        (_rename_message_id, "test_response_properties_mapped[Message]", "msgId"),
        (
            _add_required_priority,
            "test_request_properties_reachable[send_sms]",
            "priority",
        ),
    ],
    ids=["renamed-response-property", "new-required-request-property"],
)
def test_drift_named_by_contract_tests(
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    named_test: str,
    named_field: str,
) -> None:
    """The contract tests fail on the changed spec and name the changed field."""
    spec = copy.deepcopy(load_spec())
    change(spec)
    spec_path = _regenerate(spec, tmp_path)
    result = _run_contract_tests(spec_path, tmp_path)
    assert result.returncode == 1, result.stdout[-2000:]
    assert f"FAILED {CONTRACT_TESTS[0]}::{named_test}" in result.stdout
    assert named_field in result.stdout


def test_drift_unchanged_spec_passes(tmp_path: Path) -> None:
    """An unchanged copy passes, so each failure above comes from its change."""
    spec_path = _regenerate(copy.deepcopy(load_spec()), tmp_path)
    result = _run_contract_tests(spec_path, tmp_path)
    assert result.returncode == 0, result.stdout[-2000:]
