"""The synchronous client."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Literal, TypeVar

import httpx

from . import _operations as ops
from ._base import ClientBase, delivery_timeout
from ._core import (
    Done,
    Fail,
    TimeoutArg,
    build_request,
    to_timeout,
)
from ._mms import DEFAULT_MAX_MMS_BYTES, MmsContent
from ._models import MessageStatus, Reply, SendResult
from ._token import AccessToken

__all__ = ["TelstraMessaging"]

T = TypeVar("T")


class TelstraMessaging(ClientBase):
    """Client for the Telstra Messaging API v2.

    Credentials and URLs fall back to TELSTRA_CLIENT_ID, TELSTRA_CLIENT_SECRET,
    TELSTRA_BASE_URL and TELSTRA_AUTH_URL, then to the production servers. The
    client is thread-safe: one token request serves every thread, and the token is
    refreshed shortly before it expires. Use it as a context manager, or call
    `close()`, to close the HTTP connections it opened.

    `timeout` is seconds or an `httpx.Timeout` (default: 5 s to connect, 30 s for
    the rest). Each request method also takes `timeout=` for one call, but
    `wait_for_delivery`'s `timeout` is its whole wait. `max_retries`
    counts retries after the first attempt; 0 turns retrying off. Pass
    `http_client` (closed by you, not by this client) or `transport` for proxies,
    custom TLS or tests.
    """

    def __init__(
        self,
        client_id: str | None = None,
        client_secret: str | None = None,
        *,
        base_url: str | None = None,
        auth_url: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int = 2,
        max_mms_bytes: int = DEFAULT_MAX_MMS_BYTES,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._configure(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            auth_url=auth_url,
            timeout=timeout,
            max_retries=max_retries,
            max_mms_bytes=max_mms_bytes,
            http_client=http_client,
            transport=transport,
            http_type=httpx.Client,
        )
        self._http = http_client or httpx.Client(
            transport=transport, timeout=self._settings.timeout
        )
        self._token_lock = threading.Lock()
        self._sleep = time.sleep

    def __enter__(self) -> TelstraMessaging:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections, if this client opened them."""
        if self._owns_http:
            self._http.close()

    def send_sms(
        self,
        to: str | Sequence[str],
        body: str,
        *,
        from_: str | None = None,
        validity: int | None = None,
        scheduled_delivery: int | None = None,
        notify_url: str | None = None,
        reply_request: bool | None = None,
        timeout: TimeoutArg = None,
    ) -> SendResult:
        """Send an SMS to up to 10 recipients.

        Numbers may be national ('0400 000 000') or international ('+61400000000').
        `validity` and `scheduled_delivery` are minutes. The send is never repeated
        once the service may have accepted it.
        """
        operation = ops.send_sms_operation(
            to=to,
            body=body,
            from_=from_,
            validity=validity,
            scheduled_delivery=scheduled_delivery,
            notify_url=notify_url,
            reply_request=reply_request,
        )
        return self._call(operation, timeout)

    def send_mms(
        self,
        to: str | Sequence[str],
        content: MmsContent | Sequence[MmsContent],
        *,
        subject: str = "",
        from_: str | None = None,
        reply_request: bool | None = None,
        timeout: TimeoutArg = None,
    ) -> SendResult:
        """Send an MMS built from `MmsContent` items (see `MmsContent.from_path`)."""
        operation = ops.send_mms_operation(
            to=to,
            subject=subject,
            content=content,
            from_=from_,
            reply_request=reply_request,
            max_bytes=self._settings.max_mms_bytes,
        )
        return self._call(operation, timeout)

    def get_sms_status(
        self, message_id: str, *, timeout: TimeoutArg = None
    ) -> MessageStatus:
        """Fetch the delivery status of an SMS."""
        return self._call(ops.get_sms_status_operation(message_id), timeout)

    def get_mms_status(
        self, message_id: str, *, timeout: TimeoutArg = None
    ) -> MessageStatus:
        """Fetch the delivery status of an MMS."""
        return self._call(ops.get_mms_status_operation(message_id), timeout)

    def retrieve_sms_replies(self, *, timeout: TimeoutArg = None) -> list[Reply]:
        """Fetch the oldest waiting reply, whose `more_messages` counts the rest."""
        return self._call(ops.retrieve_sms_responses_operation(), timeout)

    def iter_sms_replies(self, *, timeout: TimeoutArg = None) -> Iterator[Reply]:
        """Yield every waiting reply, polling again while `more_messages` is above 0."""
        while True:
            replies = self.retrieve_sms_replies(timeout=timeout)
            yield from replies
            if not replies or not replies[-1].more_messages:
                return

    def wait_for_delivery(
        self,
        message_id: str,
        *,
        kind: Literal["sms", "mms"] = "sms",
        timeout: float = 60.0,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
    ) -> MessageStatus:
        """Poll the status until it is final (anything but PEND and SENT).

        Raises DeliveryTimeoutError, carrying the last status, once `timeout`
        seconds have passed; a poll already in progress is not cut short. Polls
        start `poll_interval` apart and grow to `max_poll_interval`. A status
        outside the document's list (UNKNOWN) counts as final.
        """
        schedule = self._poll_schedule(kind, timeout, poll_interval, max_poll_interval)
        fetch = self.get_sms_status if kind == "sms" else self.get_mms_status
        while True:
            status = fetch(message_id)
            if status.delivery_status.is_final:
                return status
            delay = schedule.next_delay()
            if delay is None:
                raise delivery_timeout(message_id, timeout, status)
            self._sleep(delay)

    def _call(self, operation: ops.Operation[T], timeout: TimeoutArg) -> T:
        attempts = self._attempts(operation)
        request_timeout = to_timeout(timeout)
        while True:
            token = self._token() if operation.server == "api" else None
            request = build_request(
                self._http, self._settings, operation, token, request_timeout
            )
            try:
                response = self._http.send(request, follow_redirects=False)
            except httpx.RequestError as error:
                step = attempts.after_error(error)
            else:
                step = attempts.after_response(response, token=token)

            if isinstance(step, Done):
                return step.value
            if isinstance(step, Fail):
                raise step.error from step.cause
            if step.discard_token and token is not None:
                with self._token_lock:
                    self._slot.discard(token)
            self._sleep(step.delay)

    def _token(self) -> AccessToken:
        token = self._slot.fresh()
        if token is not None:
            return token
        with self._token_lock:
            token = self._slot.fresh()
            if token is None:
                token = self._fetch_token()
                self._slot.token = token
            return token

    def _fetch_token(self) -> AccessToken:
        return self._call(self._token_operation(), None)
