"""The sandbox's in-memory store: tokens, messages, replies, counters and faults."""

from __future__ import annotations

import collections
import copy
import dataclasses
import datetime
import hmac
import secrets
import threading
import time
import types
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal

from telstra_messaging.sandbox._faults import Fault

MessageKind = Literal["sms", "mms"]

OPERATION_IDS: Final = (
    "get_access_token",
    "send_sms",
    "retrieve_sms_responses",
    "get_sms_status",
    "send_mms",
    "get_mms_status",
)

SANDBOX_NUMBER: Final = "+61491570006"
"""The sandbox's own virtual number, which receives the replies.

It is one of the mobile numbers that ACMA reserves for TV shows, films and other
works of fiction, so no real phone has it.
"""

REPLY_BODY: Final = "Thanks, message received"

SPECIAL_RECIPIENTS: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        "+61491570156": "UNDVBL",
        "+61491570157": "EXPIRED",
        "+61491570158": "REJECTED",
        "+61491570159": "DELETED",
        "+61491570110": "READ",
    }
)
"""Recipients whose messages end in a status other than DELIVRD.

The numbers are mobile numbers that ACMA reserves for works of fiction. A message to
one of the first four goes PEND, SENT, then the status shown. A message to
+61491570110 goes PEND, SENT, DELIVRD, then READ one status interval later.
"""

_DELIVERED_STATUSES: Final = frozenset({"DELIVRD", "READ"})


@dataclasses.dataclass(frozen=True)
class StoredMessage:
    """One message the sandbox accepted, for one recipient.

    `created_at` is in seconds of the state's clock. `request_json` is a copy of the
    whole request body, which `body` and `subject` repeat for convenience.
    """

    message_id: str
    kind: MessageKind
    recipient: str
    body: str | None
    subject: str | None
    request_json: dict[str, Any]
    reply_request: bool
    created_at: float


@dataclasses.dataclass(frozen=True)
class StatusSnapshot:
    """The delivery status of a message at one moment, with ISO 8601 timestamps."""

    recipient: str
    status: str
    sent_timestamp: str | None
    received_timestamp: str | None


@dataclasses.dataclass(frozen=True)
class QueuedReply:
    """A reply to a message sent with `replyRequest: true`, queued until retrieved."""

    message_id: str
    sender: str
    recipient: str
    body: str
    received_timestamp: str


@dataclasses.dataclass(frozen=True)
class IssuedToken:
    """An access token and its lifetime as reported in `expires_in`."""

    access_token: str
    expires_in: int


TokenCheck = Literal["valid", "expired", "unknown"]


class SandboxState:
    """In-memory store of the sandbox, safe to read from any thread.

    Delivery status and token expiry follow `clock`, a callable that returns
    monotonic seconds, so tests can drive time with a fake clock. Timestamps in
    responses are the wall-clock time at which the clock read zero, plus the clock's
    value, in UTC.

    A message's status is PEND when sent, SENT after `status_interval` seconds and
    final after twice that. A message sent with `replyRequest: true` that ends
    DELIVRD or READ gets one reply, queued at the moment it is delivered.
    """

    def __init__(
        self,
        *,
        client_id: str = "sandbox-client-id",
        client_secret: str = "sandbox-client-secret",  # noqa: S107 (fake secret)
        token_lifetime: float = 3600,
        status_interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if token_lifetime <= 0:
            raise ValueError(f"token_lifetime must be positive, not {token_lifetime}")
        if status_interval < 0:
            raise ValueError(
                f"status_interval must not be negative, not {status_interval}"
            )
        self._client_id = client_id
        self._client_secret = client_secret
        self._token_lifetime = token_lifetime
        self._status_interval = status_interval
        self._clock = clock
        self._epoch_offset = time.time() - clock()
        self._lock = threading.Lock()
        self._tokens: dict[str, float] = {}
        self._messages: list[StoredMessage] = []
        self._messages_by_id: dict[str, StoredMessage] = {}
        self._awaiting_reply: list[StoredMessage] = []
        self._replies: collections.deque[QueuedReply] = collections.deque()
        self._request_counts = dict.fromkeys(OPERATION_IDS, 0)
        self._faults: dict[str, collections.deque[Fault]] = {
            operation_id: collections.deque() for operation_id in OPERATION_IDS
        }

    @property
    def client_id(self) -> str:
        """The client id that the token operation accepts."""
        return self._client_id

    @property
    def client_secret(self) -> str:
        """The client secret that the token operation accepts."""
        return self._client_secret

    @property
    def token_lifetime(self) -> float:
        """Seconds, on the state's clock, that an access token stays valid."""
        return self._token_lifetime

    @property
    def status_interval(self) -> float:
        """Seconds, on the state's clock, between two delivery status steps."""
        return self._status_interval

    @property
    def messages(self) -> list[StoredMessage]:
        """A snapshot of the stored messages, oldest first."""
        with self._lock:
            return list(self._messages)

    def accepted_count(self) -> int:
        """Return the number of messages stored, one for each recipient."""
        with self._lock:
            return len(self._messages)

    def request_count(self, operation_id: str) -> int:
        """Return how many requests matched the operation, whatever their outcome."""
        _check_operation_id(operation_id)
        with self._lock:
            return self._request_counts[operation_id]

    def record_request(self, operation_id: str) -> None:
        """Count one request to the operation."""
        _check_operation_id(operation_id)
        with self._lock:
            self._request_counts[operation_id] += 1

    def inject(self, operation_id: str, fault: Fault, *, times: int = 1) -> None:
        """Queue `fault` for the next `times` requests to the operation.

        Faults for one operation apply in the order they were queued. See the
        fault classes for which requests each kind applies to.
        """
        _check_operation_id(operation_id)
        if times < 1:
            raise ValueError(f"times must be at least 1, not {times}")
        with self._lock:
            self._faults[operation_id].extend([fault] * times)

    def pending_faults(self, operation_id: str) -> int:
        """Return how many faults are still queued for the operation."""
        _check_operation_id(operation_id)
        with self._lock:
            return len(self._faults[operation_id])

    def clear_faults(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            for queue in self._faults.values():
                queue.clear()

    def take_fault(self, operation_id: str, *, accepted: bool) -> Fault | None:
        """Remove and return the next fault if it applies at this stage.

        With `accepted` false, only a fault that applies before processing is
        taken. With `accepted` true, only a fault that applies after the request
        was accepted is taken.
        """
        _check_operation_id(operation_id)
        with self._lock:
            queue = self._faults[operation_id]
            if queue and queue[0].applies_after_accept == accepted:
                return queue.popleft()
            return None

    def check_credentials(self, client_id: str, client_secret: str) -> bool:
        """Return whether the client id and secret are the sandbox's own."""
        id_matches = hmac.compare_digest(client_id.encode(), self._client_id.encode())
        secret_matches = hmac.compare_digest(
            client_secret.encode(), self._client_secret.encode()
        )
        return id_matches and secret_matches

    def issue_token(self) -> IssuedToken:
        """Create an access token that expires `token_lifetime` seconds from now.

        `expires_in` is one second less than the lifetime, rounded down, as the live
        service reports 3599 for its one-hour tokens.
        """
        token = secrets.token_urlsafe(32)
        with self._lock:
            now = self._clock()
            self._tokens = {
                known: expiry for known, expiry in self._tokens.items() if expiry > now
            }
            self._tokens[token] = now + self._token_lifetime
        return IssuedToken(token, max(int(self._token_lifetime) - 1, 0))

    def check_token(self, token: str) -> TokenCheck:
        """Return whether the access token is valid, expired or unknown."""
        with self._lock:
            expiry = self._tokens.get(token)
            if expiry is None:
                return "unknown"
            if self._clock() >= expiry:
                return "expired"
            return "valid"

    def store_messages(
        self,
        kind: MessageKind,
        recipients: list[str],
        request_json: Mapping[str, Any],
    ) -> list[StoredMessage]:
        """Store one message for each recipient and return them."""
        reply_request = request_json.get("replyRequest") is True
        body = request_json.get("body") if kind == "sms" else None
        subject = request_json.get("subject") if kind == "mms" else None
        stored = []
        with self._lock:
            now = self._clock()
            for recipient in recipients:
                message = StoredMessage(
                    message_id=_new_message_id(kind),
                    kind=kind,
                    recipient=recipient,
                    body=body,
                    subject=subject,
                    request_json=copy.deepcopy(dict(request_json)),
                    reply_request=reply_request,
                    created_at=now,
                )
                self._messages.append(message)
                self._messages_by_id[message.message_id] = message
                if reply_request:
                    self._awaiting_reply.append(message)
                stored.append(message)
        return stored

    def find_message(self, message_id: str) -> StoredMessage | None:
        """Return the stored message with this id, or None."""
        with self._lock:
            return self._messages_by_id.get(message_id)

    def delivery_status(self, message: StoredMessage) -> StatusSnapshot:
        """Return the message's delivery status at the current clock time."""
        with self._lock:
            now = self._clock()
        interval = self._status_interval
        sent_at = message.created_at + interval
        delivered_at = message.created_at + 2 * interval
        final = SPECIAL_RECIPIENTS.get(message.recipient, "DELIVRD")
        sent_timestamp = self._timestamp(sent_at) if now >= sent_at else None
        if now < sent_at:
            status = "PEND"
        elif now < delivered_at:
            status = "SENT"
        elif final == "READ" and now < delivered_at + interval:
            status = "DELIVRD"
        else:
            status = final
        received_timestamp = None
        if now >= delivered_at and final in _DELIVERED_STATUSES:
            received_timestamp = self._timestamp(delivered_at)
        return StatusSnapshot(
            message.recipient, status, sent_timestamp, received_timestamp
        )

    def pop_reply(self) -> tuple[QueuedReply, int] | None:
        """Remove the oldest queued reply; return it and the number still queued."""
        with self._lock:
            self._queue_due_replies(self._clock())
            if not self._replies:
                return None
            reply = self._replies.popleft()
            return reply, len(self._replies)

    def _queue_due_replies(self, now: float) -> None:
        waiting = []
        for message in self._awaiting_reply:
            delivered_at = message.created_at + 2 * self._status_interval
            final = SPECIAL_RECIPIENTS.get(message.recipient, "DELIVRD")
            if final not in _DELIVERED_STATUSES:
                continue
            if now < delivered_at:
                waiting.append(message)
                continue
            self._replies.append(
                QueuedReply(
                    message_id=message.message_id,
                    sender=message.recipient,
                    recipient=SANDBOX_NUMBER,
                    body=REPLY_BODY,
                    received_timestamp=self._timestamp(delivered_at),
                )
            )
        self._awaiting_reply = waiting

    def _timestamp(self, clock_time: float) -> str:
        moment = datetime.datetime.fromtimestamp(
            self._epoch_offset + clock_time, tz=datetime.UTC
        )
        return moment.isoformat(timespec="seconds")


def _check_operation_id(operation_id: str) -> None:
    if operation_id not in OPERATION_IDS:
        raise ValueError(
            f"unknown operation id {operation_id!r}; expected one of "
            + ", ".join(OPERATION_IDS)
        )


def _new_message_id(kind: MessageKind) -> str:
    # MMS ids copy the live service's shape "/<32 hex>/<13 digits>", whose slashes
    # the client must percent-encode in the status path.
    if kind == "mms":
        return f"/{secrets.token_hex(16)}/{secrets.randbelow(10**13):013d}"
    return secrets.token_hex(16)
