"""Reading the OAuth token response, and the cached token's freshness."""

from __future__ import annotations

from typing import Any

import pytest

from telstra_messaging._models import UnreadableBodyError
from telstra_messaging._token import (
    FALLBACK_LIFETIME,
    REFRESH_MARGIN,
    AccessToken,
    TokenSlot,
    read_token,
)

TOKEN_VALUE = "tok-8f3a9c2e1b7d"
NOW = 1000.0
WALL_CLOCK = 1_700_000_000.0


def token_body(**fields: Any) -> dict[str, Any]:
    """Return a token response with `fields` added or replaced."""
    return {"access_token": TOKEN_VALUE, "token_type": "Bearer", **fields}


def refresh_time(lifetime: float) -> float:
    """Return the refresh_at read_token should give for `lifetime` seconds."""
    return NOW + lifetime - min(REFRESH_MARGIN, lifetime / 10)


@pytest.mark.parametrize(
    ("expires_in", "lifetime"),
    [
        (3599, 3599.0),
        ("3599", 3599.0),
        (" 3599 ", 3599.0),
        ("35999", 35999.0),
        (3599.5, 3599.5),
        ("120.5", 120.5),
    ],
)
def test_expires_in_forms(expires_in: Any, lifetime: float) -> None:
    """expires_in is read from an int, a float or a numeric string."""
    token = read_token(token_body(expires_in=expires_in), now=NOW)
    assert token.refresh_at == refresh_time(lifetime)


@pytest.mark.parametrize(
    ("lifetime", "refresh_at"),
    [
        (3599, NOW + 3599 - 60),
        (600, NOW + 600 - 60),
        (300, NOW + 300 - 30),
        (100, NOW + 100 - 10),
        (1, NOW + 1 - 0.1),
    ],
)
def test_refresh_at_exact(lifetime: int, refresh_at: float) -> None:
    """refresh_at is now + lifetime - min(60, lifetime / 10)."""
    token = read_token(token_body(expires_in=lifetime), now=NOW)
    assert token.refresh_at == pytest.approx(refresh_at)


def test_expiry_unix_time() -> None:
    """Without expires_in, the Unix time in `expiry` gives the lifetime."""
    body = token_body(expiry=WALL_CLOCK + 3600)
    token = read_token(body, now=NOW, wall_clock=WALL_CLOCK)
    assert token.refresh_at == NOW + 3600 - 60


def test_expiry_as_string() -> None:
    """`expiry` as a numeric string is read too."""
    body = token_body(expiry=str(int(WALL_CLOCK + 3600)))
    token = read_token(body, now=NOW, wall_clock=WALL_CLOCK)
    assert token.refresh_at == NOW + 3600 - 60


def test_expires_in_beats_expiry() -> None:
    """A readable expires_in wins over `expiry`."""
    body = token_body(expires_in="600", expiry=WALL_CLOCK + 3600)
    token = read_token(body, now=NOW, wall_clock=WALL_CLOCK)
    assert token.refresh_at == NOW + 600 - 60


def test_expiry_in_past_fallback() -> None:
    """An `expiry` already past gives the fallback lifetime."""
    body = token_body(expiry=WALL_CLOCK - 10)
    token = read_token(body, now=NOW, wall_clock=WALL_CLOCK)
    assert token.refresh_at == refresh_time(FALLBACK_LIFETIME)


@pytest.mark.parametrize("expires_in", ["soon", None, -5, 0, True, [3599], ""])
def test_unreadable_lifetime_fallback(expires_in: Any) -> None:
    """An unreadable, missing or non-positive lifetime gives FALLBACK_LIFETIME."""
    token = read_token(token_body(expires_in=expires_in), now=NOW)
    assert token.refresh_at == refresh_time(FALLBACK_LIFETIME)


def test_fallback_is_short() -> None:
    """The fallback lifetime is well under the one hour tokens usually last."""
    assert FALLBACK_LIFETIME < 3600


@pytest.mark.parametrize("expires_in", ["nan", "inf", "Infinity"])
def test_non_finite_lifetime_fallback(expires_in: str) -> None:
    """A non-finite expires_in gives FALLBACK_LIFETIME."""
    token = read_token(token_body(expires_in=expires_in), now=NOW)
    assert token.refresh_at == refresh_time(FALLBACK_LIFETIME)


def test_value_read() -> None:
    """The access token is kept on `.value`."""
    assert read_token(token_body(expires_in=3599), now=NOW).value == TOKEN_VALUE


def test_unknown_keys_ignored() -> None:
    """Keys the SDK does not use, such as scope, are ignored."""
    body = token_body(expires_in="3599", scope="NSMS", foo={"bar": 1})
    assert read_token(body, now=NOW).refresh_at == NOW + 3599 - 60


def test_missing_token_type() -> None:
    """A missing token_type means Bearer."""
    token = read_token({"access_token": TOKEN_VALUE, "expires_in": "3599"}, now=NOW)
    assert token.value == TOKEN_VALUE


@pytest.mark.parametrize("token_type", ["bearer", "BEARER", "Bearer"])
def test_bearer_any_case(token_type: str) -> None:
    """token_type Bearer is accepted in any case."""
    token = read_token(token_body(token_type=token_type), now=NOW)
    assert token.value == TOKEN_VALUE


@pytest.mark.parametrize("token_type", ["MAC", "Basic", ""])
def test_other_token_type(token_type: str) -> None:
    """A token_type other than Bearer is rejected."""
    with pytest.raises(UnreadableBodyError, match="token_type"):
        read_token(token_body(token_type=token_type), now=NOW)


@pytest.mark.parametrize("value", [None, "", 42])
def test_missing_access_token(value: Any) -> None:
    """A missing, empty or non-string access_token is rejected."""
    with pytest.raises(UnreadableBodyError, match="access_token"):
        read_token({"access_token": value, "expires_in": "3599"}, now=NOW)


def test_absent_access_token() -> None:
    """A body without access_token is rejected."""
    with pytest.raises(UnreadableBodyError, match="access_token"):
        read_token({"token_type": "Bearer", "expires_in": "3599"}, now=NOW)


@pytest.mark.parametrize("body", [[], "tok", None, 42])
def test_non_object_rejected(body: Any) -> None:
    """A token body that is not an object is rejected."""
    with pytest.raises(UnreadableBodyError, match="not a JSON object"):
        read_token(body, now=NOW)


def test_repr_hides_value() -> None:
    """The repr of a token never shows its value."""
    token = read_token(token_body(expires_in=3599), now=NOW)
    assert TOKEN_VALUE not in repr(token)


@pytest.mark.parametrize(("now", "fresh"), [(0.0, True), (99.9, True), (100.0, False)])
def test_is_fresh(now: float, fresh: bool) -> None:
    """A token is fresh strictly before refresh_at."""
    assert AccessToken(value="t", refresh_at=100.0).is_fresh(now) is fresh


class FakeClock:
    """A fake monotonic clock that advances only when a test sets `now`."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_slot_fresh_before_refresh() -> None:
    """The slot returns its token before refresh_at."""
    clock = FakeClock(50.0)
    token = AccessToken(value="t", refresh_at=100.0)
    assert TokenSlot(clock=clock, token=token).fresh() is token


def test_slot_stale_after_refresh() -> None:
    """The slot returns None once the clock reaches refresh_at."""
    clock = FakeClock(50.0)
    slot = TokenSlot(clock=clock, token=AccessToken(value="t", refresh_at=100.0))
    clock.now = 100.0
    assert slot.fresh() is None


def test_slot_empty() -> None:
    """An empty slot returns None."""
    assert TokenSlot(clock=FakeClock()).fresh() is None


def test_slot_discard_same() -> None:
    """discard clears the token it was given."""
    token = AccessToken(value="t", refresh_at=100.0)
    slot = TokenSlot(clock=FakeClock(), token=token)
    slot.discard(token)
    assert slot.token is None


def test_slot_discard_other() -> None:
    """discard keeps a token that already replaced the refused one."""
    refused = AccessToken(value="t", refresh_at=100.0)
    newer = AccessToken(value="t", refresh_at=100.0)
    slot = TokenSlot(clock=FakeClock(), token=newer)
    slot.discard(refused)
    assert slot.token is newer
