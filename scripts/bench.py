"""Measure the SDK's overhead against raw httpx, on the same sandbox, in one run.

Each case makes the same requests over loopback HTTP, once through raw httpx with
a token fetched up front and once through the SDK, and reports the median and
95th-percentile time per call. Cold-start concurrency is reported as a count of
token requests. The figures go to docs/benchmarks.md.

    .venv/bin/python scripts/bench.py [--calls N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx

from telstra_messaging import AsyncTelstraMessaging, TelstraMessaging
from telstra_messaging.sandbox import SandboxServer, SandboxState

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
RECIPIENT = "+61491570006"
COLD_TASKS = 200


def _timings(call: Callable[[], object], calls: int) -> list[float]:
    """Run `call` `calls` times after a short warm-up; return seconds per call."""
    for _ in range(min(20, calls)):
        call()
    timings = []
    for _ in range(calls):
        start = time.perf_counter()
        call()
        timings.append(time.perf_counter() - start)
    return timings


def _summary(timings: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(timings)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def _raw_token(http: httpx.Client, server: SandboxServer) -> str:
    response = http.post(
        f"{server.auth_url}/token",
        data={
            "client_id": server.client_id,
            "client_secret": server.client_secret,
            "grant_type": "client_credentials",
            "scope": "NSMS",
        },
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def _measure(server: SandboxServer, calls: int) -> list[tuple[str, str, float, float]]:
    rows = []
    with (
        httpx.Client() as http,
        TelstraMessaging(
            server.client_id,
            server.client_secret,
            base_url=server.base_url,
            auth_url=server.auth_url,
        ) as client,
    ):
        headers = {"Authorization": f"Bearer {_raw_token(http, server)}"}
        message_id = client.send_sms(RECIPIENT, "benchmark").message_id

        def raw_status() -> object:
            url = f"{server.base_url}/messages/sms/{message_id}/status"
            return http.get(url, headers=headers).json()

        def raw_send() -> object:
            body = {"to": RECIPIENT, "body": "benchmark"}
            url = f"{server.base_url}/messages/sms"
            return http.post(url, json=body, headers=headers).json()

        cases = [
            ("get SMS status", raw_status, lambda: client.get_sms_status(message_id)),
            (
                "send SMS",
                raw_send,
                lambda: client.send_sms("0491 570 006", "benchmark"),
            ),
        ]
        for name, raw, sdk in cases:
            rows.append((name, "raw httpx", *_summary(_timings(raw, calls))))
            rows.append((name, "SDK", *_summary(_timings(sdk, calls))))
    return rows


async def _cold_start(server: SandboxServer) -> int:
    """Start COLD_TASKS status calls at once on a new client; count token requests."""
    before = server.state.request_count("get_access_token")
    async with AsyncTelstraMessaging(
        server.client_id,
        server.client_secret,
        base_url=server.base_url,
        auth_url=server.auth_url,
    ) as client:
        sent = await client.send_sms(RECIPIENT, "cold start")
        await asyncio.gather(
            *(client.get_sms_status(sent.message_id) for _ in range(COLD_TASKS))
        )
    return server.state.request_count("get_access_token") - before


def _write(rows: list[tuple[str, str, float, float]], tokens: int, calls: int) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Produced by `make bench` (`scripts/bench.py`): the SDK against raw httpx, on",
        "the same sandbox over loopback HTTP, in one run. Raw httpx reuses one",
        "connection and a token fetched before timing starts; the SDK does the same",
        "plus input checks, request building through the generated client, response",
        "reading and retry bookkeeping. Both sides include the sandbox's own time,",
        "which dominates. These are one machine's figures, not guarantees.",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, httpx {httpx.__version__}",
        f"- Calls per case: {calls}, after 20 warm-up calls",
        "",
        "| operation | client | median ms | p95 ms |",
        "|---|---|---|---|",
    ]
    lines += [f"| {op} | {who} | {med:.2f} | {p95:.2f} |" for op, who, med, p95 in rows]
    lines += [
        "",
        f"Cold start: {COLD_TASKS} concurrent status calls on a new async client made "
        f"{tokens} token request(s).",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    """Run the benchmarks and write docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per case")
    args = parser.parse_args()
    with SandboxServer(SandboxState(status_interval=0.05)) as server:
        rows = _measure(server, args.calls)
        tokens = asyncio.run(_cold_start(server))
    report = _write(rows, tokens, args.calls)
    OUTPUT.write_text(report, encoding="utf-8")
    print(report)
    return 0 if tokens == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
