"""Fixtures for checks by independent tools: Prism (mock and validating proxy) and
schemathesis, each run against openapi.yaml on 127.0.0.1 only.

Every Prism process and sandbox here is module-scoped, so one start serves all
tests of a file, and is stopped in the fixture's teardown even when a test fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prism_support import SPEC, PrismProcess, check_prism_installed, running_prism

from telstra_messaging.sandbox import SandboxServer, SandboxState

# Seconds between the sandbox's delivery steps: PEND, SENT, then DELIVRD.
STATUS_INTERVAL = 0.05


@pytest.fixture(scope="session")
def prism_installed() -> None:
    """Fail every Prism test with the install command when Prism is missing."""
    try:
        check_prism_installed()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def prism_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder for the log files of the module's Prism processes."""
    return tmp_path_factory.mktemp("prism")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    """A sandbox on an ephemeral loopback port, shared by the module's tests."""
    with SandboxServer(SandboxState(status_interval=STATUS_INTERVAL)) as server:
        yield server


@pytest.fixture(scope="module")
def prism_mock(prism_installed: None, prism_logs: Path) -> Iterator[PrismProcess]:
    """`prism mock openapi.yaml`, serving every operation at its root path."""
    with running_prism(["mock", str(SPEC)], prism_logs / "mock.log") as prism:
        yield prism


@pytest.fixture(scope="module")
def api_proxy(
    prism_installed: None, prism_logs: Path, sandbox: SandboxServer
) -> Iterator[PrismProcess]:
    """`prism proxy --errors` whose upstream is the sandbox's messaging base URL."""
    arguments = ["proxy", "--errors", str(SPEC), sandbox.base_url]
    with running_prism(arguments, prism_logs / "api-proxy.log") as prism:
        yield prism


@pytest.fixture(scope="module")
def auth_proxy(
    prism_installed: None, prism_logs: Path, sandbox: SandboxServer
) -> Iterator[PrismProcess]:
    """`prism proxy --errors` whose upstream is the sandbox's token server URL."""
    arguments = ["proxy", "--errors", str(SPEC), sandbox.auth_url]
    with running_prism(arguments, prism_logs / "auth-proxy.log") as prism:
        yield prism
