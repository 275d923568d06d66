"""Input checks that run before any request is sent."""

from __future__ import annotations

from typing import Any

import pytest

from telstra_messaging._errors import InvalidInputError
from telstra_messaging._validation import (
    check_body,
    check_minutes,
    check_notify_url,
    check_service_url,
    check_subject,
    normalise_phone_number,
    normalise_recipients,
    normalise_sender,
)

AU_MOBILE = "+61400000000"


@pytest.mark.parametrize(
    "value",
    [
        "0400000000",
        "0400 000 000",
        "(04) 0000 0000",
        "61400000000",
        "+61400000000",
        "+61 (0) 400 000 000",
        "0400-000-000",
        "0400.000.000",
        " 0400000000 ",
    ],
)
def test_phone_au_forms(value: str) -> None:
    """Every usual way of writing an Australian mobile gives its E.164 form."""
    assert normalise_phone_number(value, argument="to") == AU_MOBILE


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+64 21 123 4567", "+64211234567"),
        ("+1 415 555 2671", "+14155552671"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_international(value: str, expected: str) -> None:
    """Numbers outside Australia are kept, in E.164 form."""
    assert normalise_phone_number(value, argument="to") == expected


@pytest.mark.parametrize(
    "value",
    ["12345", "04000000001", "", "   ", "abc", "0400000000,0400000001", "+"],
)
def test_phone_rejects_invalid(value: str) -> None:
    """An impossible number raises InvalidInputError."""
    with pytest.raises(InvalidInputError):
        normalise_phone_number(value, argument="to")


@pytest.mark.parametrize("value", [None, 400000000, ["0400000000"]])
def test_phone_rejects_non_str(value: Any) -> None:
    """A value that is not a str raises InvalidInputError."""
    with pytest.raises(InvalidInputError):
        normalise_phone_number(value, argument="to")


@pytest.mark.parametrize("value", ["12345", "04000000001", "", "abc"])
def test_phone_message_names_argument(value: str) -> None:
    """The message names the argument that was rejected."""
    with pytest.raises(InvalidInputError) as caught:
        normalise_phone_number(value, argument="reply_to")
    assert str(caught.value).startswith("reply_to ")


@pytest.mark.parametrize(
    ("value", "digits"),
    [("04000000001", "04000000001"), ("0400 123 45678", "123 45678")],
)
def test_phone_message_hides_value(value: str, digits: str) -> None:
    """The message never repeats the rejected number."""
    with pytest.raises(InvalidInputError) as caught:
        normalise_phone_number(value, argument="to")
    assert digits not in str(caught.value)


def test_phone_error_has_no_context() -> None:
    """The rejection is not chained to the phonenumbers exception."""
    with pytest.raises(InvalidInputError) as caught:
        normalise_phone_number("abc", argument="to")
    assert caught.value.__context__ is None


@pytest.mark.parametrize("value", ["0400 OOO OOO", "0400 000 OOO"])
def test_phone_rejects_letters(value: str) -> None:
    """A number mistyped with the letter O is rejected, not read as keypad digits."""
    with pytest.raises(InvalidInputError):
        normalise_phone_number(value, argument="to")


@pytest.mark.parametrize("value", ["0400000000x", "0400 000 000 ext 12"])
def test_phone_rejects_trailing_text(value: str) -> None:
    """Text after the number is rejected, not silently dropped."""
    with pytest.raises(InvalidInputError):
        normalise_phone_number(value, argument="to")


def test_recipients_single() -> None:
    """One recipient as a str is normalised."""
    assert normalise_recipients("0400 000 000", reply_request=False) == AU_MOBILE


def test_recipients_list_joined() -> None:
    """Several recipients are normalised and joined by commas."""
    result = normalise_recipients(
        ["0400000000", "+64 21 123 4567"], reply_request=False
    )
    assert result == "+61400000000,+64211234567"


def test_recipients_ten_accepted() -> None:
    """Ten recipients, the service's maximum, are accepted."""
    numbers = [f"04000000{index:02d}" for index in range(10)]
    result = normalise_recipients(numbers, reply_request=False)
    assert result.count(",") == 9


def test_recipients_tuple_accepted() -> None:
    """Any sequence of numbers is accepted."""
    result = normalise_recipients(("0400000000",), reply_request=False)
    assert result == AU_MOBILE


def test_recipients_eleven_rejected() -> None:
    """Eleven recipients are rejected with the maximum in the message."""
    numbers = [f"04000000{index:02d}" for index in range(11)]
    with pytest.raises(InvalidInputError, match="at most 10"):
        normalise_recipients(numbers, reply_request=False)


def test_recipients_empty_rejected() -> None:
    """An empty list is rejected."""
    with pytest.raises(InvalidInputError, match="at least one"):
        normalise_recipients([], reply_request=False)


def test_recipients_reply_several_rejected() -> None:
    """reply_request=True with several recipients is rejected."""
    with pytest.raises(InvalidInputError, match="reply_request"):
        normalise_recipients(["0400000000", "0400000001"], reply_request=True)


def test_recipients_reply_single_accepted() -> None:
    """reply_request=True with one recipient is accepted."""
    assert normalise_recipients(["0400000000"], reply_request=True) == AU_MOBILE


def test_recipients_names_index() -> None:
    """A bad recipient after the first is named by its index."""
    with pytest.raises(InvalidInputError, match=r"^to\[2\] "):
        normalise_recipients(["0400000000", "0400000001", "123"], reply_request=False)


def test_recipients_first_named_to() -> None:
    """A bad first recipient is named 'to'."""
    with pytest.raises(InvalidInputError, match=r"^to "):
        normalise_recipients(["123", "0400000001"], reply_request=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0400 000 000", AU_MOBILE),
        ("+61400000000", AU_MOBILE),
        ("(04) 0000 0000", AU_MOBILE),
        ("ACME Dental", "ACME Dental"),
        ("Acme", "Acme"),
        ("Shop24", "Shop24"),
    ],
)
def test_sender_accepted(value: str, expected: str) -> None:
    """Phone numbers are normalised and alphanumeric ids are kept."""
    assert normalise_sender(value) == expected


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ("ACME Dental1", "at most 11"),
        ("ACME Dentist", "at most 11"),
        ("ACME!", "letters, digits and spaces"),
        ("Acme.Dental", "letters, digits and spaces"),
        ("Café", "letters, digits and spaces"),
        ("", "from_ must be"),
        ("   ", "from_ must be"),
        ("12345", "not a valid phone number"),
    ],
)
def test_sender_rejected(value: str, pattern: str) -> None:
    """Long ids, symbols, empty values and impossible numbers are rejected."""
    with pytest.raises(InvalidInputError, match=pattern):
        normalise_sender(value)


@pytest.mark.parametrize("value", ["hi", " x ", "a" * 2000, "Yes\n"])
def test_body_accepted(value: str) -> None:
    """A body with a non-space character is returned unchanged."""
    assert check_body(value) == value


@pytest.mark.parametrize("value", ["", "   ", "\n\t"])
def test_body_rejects_blank(value: str) -> None:
    """An empty or blank body is rejected."""
    with pytest.raises(InvalidInputError, match="body is empty"):
        check_body(value)


@pytest.mark.parametrize("value", [None, b"hi", 42])
def test_body_rejects_non_str(value: Any) -> None:
    """A body that is not a str is rejected."""
    with pytest.raises(InvalidInputError, match="body must be a str"):
        check_body(value)


@pytest.mark.parametrize("value", [1, 60, 10080])
def test_validity_accepted(value: int) -> None:
    """validity from 1 to 10080 minutes is accepted."""
    assert check_minutes(value, argument="validity", maximum=10080) == value


@pytest.mark.parametrize("value", [0, 10081, -1])
def test_validity_out_of_range(value: int) -> None:
    """validity outside 1 to 10080 is rejected."""
    with pytest.raises(InvalidInputError, match=r"^validity=.* out of range"):
        check_minutes(value, argument="validity", maximum=10080)


@pytest.mark.parametrize("value", [True, False, 1.5, 60.0, "60", None])
def test_minutes_rejects_non_int(value: Any) -> None:
    """Minutes that are not a whole int are rejected, bools included."""
    with pytest.raises(InvalidInputError, match="whole number of minutes"):
        check_minutes(value, argument="validity", maximum=10080)


@pytest.mark.parametrize("value", [1, 10081, 1_000_000])
def test_scheduled_any_positive(value: int) -> None:
    """scheduled_delivery has no upper limit."""
    result = check_minutes(value, argument="scheduled_delivery", maximum=None)
    assert result == value


@pytest.mark.parametrize("value", [0, -5])
def test_scheduled_rejects_non_positive(value: int) -> None:
    """scheduled_delivery below 1 is rejected."""
    with pytest.raises(InvalidInputError, match="scheduled_delivery"):
        check_minutes(value, argument="scheduled_delivery", maximum=None)


@pytest.mark.parametrize(
    "value",
    [
        "https://example.com/telstra/notify",
        "http://example.com/cb",
        "https://127.0.0.1:8443/cb?x=1",
    ],
)
def test_notify_url_accepted(value: str) -> None:
    """Absolute http and https URLs are accepted unchanged."""
    assert check_notify_url(value) == value


@pytest.mark.parametrize(
    "value", ["ftp://x", "/relative", "example.com/cb", "https://", "", None]
)
def test_notify_url_rejected(value: Any) -> None:
    """Other schemes, relative URLs and URLs without a host are rejected."""
    with pytest.raises(InvalidInputError, match="notify_url"):
        check_notify_url(value)


@pytest.mark.parametrize("value", ["", "Hi", "s" * 64])
def test_subject_accepted(value: str) -> None:
    """A subject of up to 64 characters is accepted."""
    assert check_subject(value) == value


def test_subject_too_long() -> None:
    """A subject of 65 characters is rejected."""
    with pytest.raises(InvalidInputError, match="at most 64"):
        check_subject("s" * 65)


def test_subject_non_str() -> None:
    """A subject that is not a str is rejected."""
    with pytest.raises(InvalidInputError, match="subject must be a str"):
        check_subject(None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://tapi.telstra.com/v2", "https://tapi.telstra.com/v2"),
        ("https://tapi.telstra.com/v2/", "https://tapi.telstra.com/v2"),
        ("https://example.org", "https://example.org"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://127.0.0.1:8080/v2/", "http://127.0.0.1:8080/v2"),
        ("http://localhost", "http://localhost"),
        ("http://localhost:9000/", "http://localhost:9000"),
        ("http://[::1]:9", "http://[::1]:9"),
    ],
)
def test_service_url_accepted(value: str, expected: str) -> None:
    """https anywhere and http on loopback are accepted, trailing slash removed."""
    result = check_service_url(value, argument="base_url", variable="TELSTRA_BASE_URL")
    assert result == expected


@pytest.mark.parametrize(
    "value", ["http://example.com", "http://10.0.0.1", "http://localhost.example.com"]
)
def test_service_url_plain_http(value: str) -> None:
    """Plain http on a host that is not loopback is rejected, pointing at https."""
    with pytest.raises(InvalidInputError, match="use https"):
        check_service_url(value, argument="base_url", variable="TELSTRA_BASE_URL")


@pytest.mark.parametrize("value", ["ftp://example.com", "tapi.telstra.com/v2", ""])
def test_service_url_not_absolute(value: str) -> None:
    """A URL without an http(s) scheme and host is rejected."""
    with pytest.raises(InvalidInputError, match="absolute https URL"):
        check_service_url(value, argument="base_url", variable="TELSTRA_BASE_URL")


def test_service_url_names_variable() -> None:
    """The message names both the argument and the environment variable."""
    with pytest.raises(InvalidInputError, match=r"auth_url \(or TELSTRA_AUTH_URL\)"):
        check_service_url(
            "http://example.com", argument="auth_url", variable="TELSTRA_AUTH_URL"
        )
