"""Everything both clients share except I/O: settings, request building, and the
decision after each attempt (return, raise, or wait and retry).

The sync and async clients each contain only the loop that sends requests, sleeps
and guards the token. Every choice inside that loop is made here.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs
import httpx

from . import _retry
from ._errors import (
    InvalidInputError,
    ResponseValidationError,
    TelstraError,
    error_from_response,
    scrub,
    translate_transport_error,
)
from ._logging import LOGGER_NAME
from ._models import UnreadableBodyError
from ._operations import Operation
from ._retry import RetryPolicy
from ._token import AccessToken
from ._validation import check_service_url

__all__ = ["DEFAULT_AUTH_URL", "DEFAULT_BASE_URL", "DEFAULT_TIMEOUT"]

T = TypeVar("T")

logger = logging.getLogger(LOGGER_NAME)

DEFAULT_BASE_URL = "https://tapi.telstra.com/v2"
DEFAULT_AUTH_URL = "https://sapi.telstra.com/v1/oauth"
# Seconds. Connecting should be quick; a send may wait on the service's backend.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
USER_AGENT = "telstra-messaging-v2-python"

TimeoutArg = float | httpx.Timeout | None


@attrs.frozen
class Settings:
    """Resolved constructor arguments; the credentials never appear in its repr."""

    client_id: str = attrs.field(repr=False)
    client_secret: str = attrs.field(repr=False)
    base_url: str
    auth_url: str
    timeout: httpx.Timeout
    retry: RetryPolicy
    max_mms_bytes: int


def resolve_settings(
    *,
    client_id: str | None,
    client_secret: str | None,
    base_url: str | None,
    auth_url: str | None,
    timeout: TimeoutArg,
    max_retries: int,
    max_mms_bytes: int,
) -> Settings:
    """Check the constructor arguments and return the Settings.

    client_id, client_secret, base_url and auth_url fall back to their TELSTRA_
    variable when None, then to the default. An empty variable counts as unset.
    """
    client_id = _credential(client_id, "client_id", "TELSTRA_CLIENT_ID")
    client_secret = _credential(client_secret, "client_secret", "TELSTRA_CLIENT_SECRET")
    _check_count(max_retries, argument="max_retries", minimum=0)
    _check_count(max_mms_bytes, argument="max_mms_bytes", minimum=1)
    return Settings(
        client_id=client_id,
        client_secret=client_secret,
        base_url=check_service_url(
            _fallback(base_url, "TELSTRA_BASE_URL", DEFAULT_BASE_URL),
            argument="base_url",
            variable="TELSTRA_BASE_URL",
        ),
        auth_url=check_service_url(
            _fallback(auth_url, "TELSTRA_AUTH_URL", DEFAULT_AUTH_URL),
            argument="auth_url",
            variable="TELSTRA_AUTH_URL",
        ),
        timeout=to_timeout(timeout) or DEFAULT_TIMEOUT,
        retry=RetryPolicy(max_retries=max_retries),
        max_mms_bytes=max_mms_bytes,
    )


def _check_count(value: object, *, argument: str, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidInputError(
            f"{argument} must be an int of {minimum} or more, not {value!r}"
        )


def _fallback(value: str | None, variable: str, default: str | None) -> str | None:
    if value is not None:
        return value
    return os.environ.get(variable) or default


def _credential(value: str | None, argument: str, variable: str) -> str:
    resolved = _fallback(value, variable, None)
    if resolved is not None and not isinstance(resolved, str):
        raise InvalidInputError(
            f"{argument} must be a str, not {type(resolved).__name__}"
        )
    if resolved is None or not resolved.strip():
        raise InvalidInputError(
            f"missing {argument}: pass {argument}= or set {variable}"
        )
    return resolved


def to_timeout(value: TimeoutArg) -> httpx.Timeout | None:
    """Turn a number of seconds into an httpx.Timeout; None stays None."""
    if value is None:
        return None
    if isinstance(value, httpx.Timeout):
        parts = (value.connect, value.read, value.write, value.pool)
        if not all(part is None or is_positive_seconds(part) for part in parts):
            raise InvalidInputError(
                f"each part of the httpx.Timeout must be positive seconds or None, "
                f"not {value!r}"
            )
        return value
    if not is_positive_seconds(value):
        raise InvalidInputError(
            "timeout must be a positive number of seconds or an httpx.Timeout, "
            f"not {value!r}"
        )
    return httpx.Timeout(float(value))


def is_positive_seconds(value: object) -> bool:
    """Return whether `value` is a finite number of seconds above zero."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value > 0


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    settings: Settings,
    operation: Operation[Any],
    token: AccessToken | None,
    timeout: httpx.Timeout | None,
) -> httpx.Request:
    """Build the httpx request from the generated keyword arguments.

    The token goes in the Authorization header, and only on requests to base_url.
    """
    kwargs = operation.request
    base = settings.base_url if operation.server == "api" else settings.auth_url
    headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
    headers.update(kwargs.get("headers", {}))
    if token is not None and operation.server == "api":
        headers["Authorization"] = f"Bearer {token.value}"
    return http.build_request(
        kwargs["method"].upper(),
        base + kwargs["url"],
        json=kwargs.get("json"),
        data=kwargs.get("data"),
        headers=headers,
        timeout=timeout or settings.timeout,
    )


def sensitive_values(operation: Operation[Any], settings: Settings) -> tuple[str, ...]:
    """Values of a request that must not reach an exception message or a log.

    They are the client secret, and a send's body, subject, sender and recipients,
    which a service may echo in an error.
    """
    values = [settings.client_secret]
    sent = operation.request.get("json") or {}
    for key in ("body", "subject", "from"):
        if isinstance(sent.get(key), str):
            values.append(sent[key])
    if isinstance(sent.get("to"), str):
        values.extend(sent["to"].split(","))
    return tuple(values)


@attrs.frozen
class Done(Generic[T]):
    """The attempt succeeded with `value`."""

    value: T


@attrs.frozen
class Fail:
    """Raise `error`, chained from `cause`."""

    error: TelstraError
    cause: BaseException | None = None


@attrs.frozen
class Retry:
    """Wait `delay` seconds, then try again; drop the token first if it was refused."""

    delay: float
    discard_token: bool = False


Step = Done[T] | Fail | Retry


@attrs.define
class Attempts(Generic[T]):
    """Decides, after each attempt of one call, what the client does next."""

    operation: Operation[T]
    policy: RetryPolicy
    rng: Callable[[], float] = random.random
    redact: tuple[str, ...] = attrs.field(default=(), repr=False)
    attempt: int = 0
    retries: int = 0
    token_replayed: bool = False

    def after_error(self, error: httpx.RequestError) -> Step[T]:
        """Decide after a transport or decoding error (nothing usable came back)."""
        self.attempt += 1
        op = self.operation
        wrapped = translate_transport_error(
            error, description=f"{_method(op)} {op.path_template}"
        )
        if not _retry.is_retryable_error(error, is_send=op.is_send):
            return Fail(wrapped, error)
        return self._retry_or_fail(wrapped, error, type(error).__name__, None)

    def after_response(
        self, response: httpx.Response, *, token: AccessToken | None = None
    ) -> Step[T]:
        """Decide after a response: read a 2xx, replay a 401 once, or map the error.

        `token` is the token the request carried, kept out of the error's text.
        """
        self.attempt += 1
        op = self.operation
        logger.debug(
            "%s %s -> %d (attempt %d)",
            _method(op),
            op.path_template,
            response.status_code,
            self.attempt,
        )
        if response.is_success:
            return self._read(response)

        if self._should_replay(response):
            return Retry(0.0, discard_token=True)

        redact = self.redact + ((token.value,) if token is not None else ())
        error = error_from_response(
            response, token_request=op.server == "auth", redact=redact
        )
        if not _retry.is_retryable_status(
            response.status_code, error.code, is_send=op.is_send
        ):
            return Fail(error)
        code = scrub(error.code or "", redact)
        reason = f"HTTP {response.status_code} {code}".rstrip()
        return self._retry_or_fail(
            error, None, reason, response.headers.get("retry-after")
        )

    def _should_replay(self, response: httpx.Response) -> bool:
        """Return whether a 401 from the API gets its one replay with a new token."""
        if response.status_code != 401 or self.operation.server != "api":
            return False
        if self.token_replayed:
            return False
        self.token_replayed = True
        logger.debug("Token rejected with 401; fetching a new token and retrying once")
        return True

    def _retry_or_fail(
        self,
        error: TelstraError,
        cause: BaseException | None,
        reason: str,
        retry_after: str | None,
    ) -> Step[T]:
        if self.retries >= self.policy.max_retries:
            return Fail(error, cause)
        self.retries += 1
        delay = self.policy.delay(self.retries, retry_after=retry_after, rng=self.rng)
        logger.debug(
            "Retrying %s %s in %.2fs (retry %d of %d): %s",
            _method(self.operation),
            self.operation.path_template,
            delay,
            self.retries,
            self.policy.max_retries,
            reason,
        )
        return Retry(delay)

    def _read(self, response: httpx.Response) -> Step[T]:
        op = self.operation
        try:
            data = json.loads(response.content)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return Fail(
                ResponseValidationError(
                    f"{_method(op)} {op.path_template} returned "
                    f"HTTP {response.status_code} with a body that is not JSON",
                    response=response,
                )
            )
        try:
            return Done(op.read(data))
        except UnreadableBodyError as error:
            return Fail(
                ResponseValidationError(
                    f"{_method(op)} {op.path_template} returned an unreadable "
                    f"body: {error}",
                    response=response,
                ),
                error,
            )


def _method(operation: Operation[Any]) -> str:
    return str(operation.request["method"]).upper()


@attrs.define
class PollSchedule:
    """Delays between status polls: growing by half each time, within a deadline."""

    deadline: float
    interval: float
    max_interval: float
    clock: Callable[[], float]

    def next_delay(self) -> float | None:
        """Seconds to wait before the next poll, or None once the deadline passed."""
        remaining = self.deadline - self.clock()
        if remaining <= 0:
            return None
        delay = min(self.interval, remaining)
        self.interval = min(self.interval * 1.5, self.max_interval)
        return delay


def check_wait_arguments(
    kind: str, timeout: float, poll_interval: float, max_poll_interval: float
) -> None:
    """Check the arguments of wait_for_delivery."""
    if kind not in ("sms", "mms"):
        raise InvalidInputError(f"kind must be 'sms' or 'mms', not {kind!r}")
    for name, value in (
        ("timeout", timeout),
        ("poll_interval", poll_interval),
        ("max_poll_interval", max_poll_interval),
    ):
        if not is_positive_seconds(value):
            raise InvalidInputError(
                f"{name} must be a positive number of seconds, not {value!r}"
            )


def check_http_options(
    http_client: object, transport: object, expected: type[object]
) -> None:
    """Check that at most one of http_client and transport is given, and its type."""
    if http_client is not None and transport is not None:
        raise InvalidInputError("pass http_client or transport, not both")
    if http_client is not None and not isinstance(http_client, expected):
        raise InvalidInputError(
            f"http_client must be an httpx.{expected.__name__}, "
            f"not {type(http_client).__name__}"
        )


def client_repr(name: str, settings: Settings) -> str:
    """Build the repr of a client: its URLs, never its credentials."""
    return f"{name}(base_url={settings.base_url!r}, auth_url={settings.auth_url!r})"
