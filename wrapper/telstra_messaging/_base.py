"""The base class of both clients: configuration, repr, and the set-up of each
call's attempts and of delivery polling, none of which does I/O."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import httpx

from . import _operations as ops
from ._core import (
    Attempts,
    PollSchedule,
    Settings,
    TimeoutArg,
    check_http_options,
    check_wait_arguments,
    client_repr,
    resolve_settings,
    sensitive_values,
)
from ._errors import DeliveryTimeoutError
from ._models import MessageStatus
from ._token import AccessToken, TokenSlot

T = TypeVar("T")


class ClientBase:
    """Settings, token slot and non-I/O helpers of TelstraMessaging and its twin."""

    _settings: Settings
    _slot: TokenSlot
    _owns_http: bool
    _monotonic: Callable[[], float]

    def _configure(
        self,
        *,
        client_id: str | None,
        client_secret: str | None,
        base_url: str | None,
        auth_url: str | None,
        timeout: TimeoutArg,
        max_retries: int,
        max_mms_bytes: int,
        http_client: object,
        transport: object,
        http_type: type[httpx.Client] | type[httpx.AsyncClient],
    ) -> None:
        """Check the constructor arguments and set up everything but the I/O."""
        self._settings = resolve_settings(
            client_id=client_id,
            client_secret=client_secret,
            base_url=base_url,
            auth_url=auth_url,
            timeout=timeout,
            max_retries=max_retries,
            max_mms_bytes=max_mms_bytes,
        )
        check_http_options(http_client, transport, http_type)
        self._owns_http = http_client is None
        self._slot = TokenSlot()
        self._monotonic = time.monotonic

    def __repr__(self) -> str:
        return client_repr(type(self).__name__, self._settings)

    def _attempts(self, operation: ops.Operation[T]) -> Attempts[T]:
        return Attempts(
            operation,
            self._settings.retry,
            redact=sensitive_values(operation, self._settings),
        )

    def _token_operation(self) -> ops.Operation[AccessToken]:
        return ops.token_operation(
            self._settings.client_id, self._settings.client_secret, self._slot.clock
        )

    def _poll_schedule(
        self, kind: str, timeout: float, poll_interval: float, max_poll_interval: float
    ) -> PollSchedule:
        check_wait_arguments(kind, timeout, poll_interval, max_poll_interval)
        return PollSchedule(
            deadline=self._monotonic() + timeout,
            interval=poll_interval,
            max_interval=max_poll_interval,
            clock=self._monotonic,
        )


def delivery_timeout(
    message_id: str, timeout: float, status: MessageStatus
) -> DeliveryTimeoutError:
    """Build the error for a message still not final after `timeout` seconds."""
    return DeliveryTimeoutError(
        f"message {message_id} has no final delivery status after {timeout:g} s "
        f"(last status {status.delivery_status.value}); call get_sms_status or "
        "get_mms_status later, or wait longer",
        message_id=message_id,
        last_status=status,
    )
