"""A scripted stand-in for the service, for httpx.MockTransport.

It responds to the token request and the messaging operations with spec-shaped
bodies and counts what it receives. A test can queue other responses (a status,
a body, or an exception to raise) for the next requests to a path suffix.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

import httpx

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]

SENT_BODY = {
    "messages": [
        {
            "to": "+61400000000",
            "deliveryStatus": "MessageWaiting",
            "messageId": "d5e2a7c8c2bd48a0b31b8b2a1eb7d5b4",
            "messageStatusLink": "https://tapi.telstra.com/v2/messages/sms/d5e2/status",
        }
    ],
    "messageType": "SMS",
    "numberSegments": 1,
    "numberDestinations": 1,
}
STATUS_BODY = {
    "to": "+61400000000",
    "sentTimestamp": "2017-03-17T10:05:22+10:00",
    "receivedTimestamp": "2017-03-17T10:05:23+10:00",
    "deliveryStatus": "DELIVRD",
}


class FakeService:
    """Stand-in service that a MockTransport calls; safe to use from many threads."""

    def __init__(self, *, expires_in: Any = 3599) -> None:
        self.expires_in = expires_in
        self.requests: list[httpx.Request] = []
        self.token_requests = 0
        self.issued_tokens: list[str] = []
        self.scripted: dict[str, deque[Answer]] = {}
        self._lock = threading.Lock()
        self._serial = itertools.count(1)

    def queue(self, path_suffix: str, *answers: Answer) -> None:
        """Queue `answers` for the next requests to a path ending in `path_suffix`."""
        with self._lock:
            self.scripted.setdefault(path_suffix, deque()).extend(answers)

    def count(self, method: str, path_suffix: str) -> int:
        """How many requests with this method reached a path ending in `path_suffix`."""
        with self._lock:
            return sum(
                1
                for request in self.requests
                if request.method == method and request.url.path.endswith(path_suffix)
            )

    def handler(self, request: httpx.Request) -> httpx.Response:
        """The MockTransport handler."""
        with self._lock:
            self.requests.append(request)
            answer = self._scripted_answer(request)
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        if answer is not None:
            return answer
        return self._default(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        """The async MockTransport handler; it yields to the event loop once, as a
        real network call would, so that concurrent tasks interleave."""
        await asyncio.sleep(0)
        return self.handler(request)

    def _scripted_answer(self, request: httpx.Request) -> Answer | None:
        for suffix, answers in self.scripted.items():
            if request.url.path.endswith(suffix) and answers:
                return answers.popleft()
        return None

    def _default(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/token"):
            with self._lock:
                self.token_requests += 1
                token = f"fake-token-{next(self._serial)}"
                self.issued_tokens.append(token)
            return httpx.Response(
                200,
                json={
                    "access_token": token,
                    "token_type": "Bearer",
                    "expires_in": self.expires_in,
                },
            )
        if request.method == "POST":
            return httpx.Response(200, json=SENT_BODY)
        if path.endswith("/status"):
            return httpx.Response(200, json=STATUS_BODY)
        return httpx.Response(200, json=[])
