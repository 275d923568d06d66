"""The OAuth access token: reading the token response, and when to refresh it."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from typing import Any

import attrs

from ._models import UnreadableBodyError

# Used when the token response gives no readable lifetime: short, so that a
# wrong guess costs one extra token request rather than a run of 401s.
FALLBACK_LIFETIME = 300.0
# Refresh this long before expiry, but for a lifetime under 600 s refresh at 90% of
# it instead, so that a short-lived token is not refreshed at once.
REFRESH_MARGIN = 60.0
# Visible ASCII: a superset of RFC 6750's b64token that an HTTP header can carry.
_TOKEN_CHARACTERS = re.compile(r"[\x21-\x7e]+")


@attrs.frozen
class AccessToken:
    """A bearer token and the monotonic time after which it is refreshed."""

    value: str = attrs.field(repr=False)
    refresh_at: float

    def is_fresh(self, now: float) -> bool:
        """Return whether the token can still be sent at monotonic time `now`."""
        return now < self.refresh_at


def read_token(
    data: Any, *, now: float, wall_clock: float | None = None
) -> AccessToken:
    """Read an OAuthToken body tolerantly.

    `expires_in` may be an int or a numeric string ("3599"); without it, `expiry`
    (a Unix time) is used; without either, FALLBACK_LIFETIME. Unknown keys are
    ignored, and a missing `token_type` means Bearer.
    """
    if not isinstance(data, dict):
        raise UnreadableBodyError("token response is not a JSON object")
    value = data.get("access_token")
    if not isinstance(value, str) or not value:
        raise UnreadableBodyError("token response has no 'access_token'")
    if not _TOKEN_CHARACTERS.fullmatch(value):
        # It could not go in an Authorization header, and would fail every call.
        raise UnreadableBodyError(
            "token response has an access_token with characters that cannot be "
            "sent in a header"
        )
    token_type = data.get("token_type")
    if token_type is not None and str(token_type).lower() != "bearer":
        raise UnreadableBodyError("token response has a token_type other than Bearer")

    lifetime = _lifetime(data, wall_clock if wall_clock is not None else time.time())
    margin = min(REFRESH_MARGIN, lifetime / 10)
    return AccessToken(value=value, refresh_at=now + lifetime - margin)


def _lifetime(data: dict[str, Any], wall_clock: float) -> float:
    seconds = _number(data.get("expires_in"))
    if seconds is None:
        expiry = _number(data.get("expiry"))
        seconds = expiry - wall_clock if expiry is not None else None
    if seconds is None or seconds <= 0:
        return FALLBACK_LIFETIME
    return seconds


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    # "nan" and "inf" parse as floats but are no lifetime.
    return number if math.isfinite(number) else None


@attrs.define
class TokenSlot:
    """The cached token. Callers hold their own lock while they set `token` or call
    `discard`."""

    clock: Callable[[], float] = time.monotonic
    token: AccessToken | None = None

    def fresh(self) -> AccessToken | None:
        """Return the cached token if it is still fresh, else None."""
        token = self.token
        if token is not None and token.is_fresh(self.clock()):
            return token
        return None

    def discard(self, failed: AccessToken) -> None:
        """Forget `failed`, unless another caller has already replaced it."""
        if self.token is failed:
            self.token = None
