"""Input checks that run before anything is sent.

Each check raises `InvalidInputError` naming the argument and the fix. Phone
numbers go through the `phonenumbers` library (Google's libphonenumber metadata),
with Australia as the default region, because the service documents national
format ('04xxxxxxxx') as well as E.164.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

import httpx
import phonenumbers

from ._errors import InvalidInputError

DEFAULT_REGION = "AU"
MAX_RECIPIENTS = 10
MAX_SENDER_ID_CHARS = 11
MAX_VALIDITY_MINUTES = 10080  # 7 days, the limit stated by later API versions.
MAX_SUBJECT_CHARS = 64

_SENDER_ID = re.compile(r"[A-Za-z0-9 ]+")
_PHONE_CHARACTERS = re.compile(r"[+\d\s().\-]+")


def normalise_phone_number(value: str, *, argument: str) -> str:
    """Return `value` in E.164 form ('+61400000000'), or raise InvalidInputError.

    Accepts national ('0400 000 000', '(04) 0000 0000'), international with or
    without '+' ('61400000000') and '+61 (0) 400 000 000'.
    """
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(
            f"{argument} must be a phone number such as '0400 000 000' "
            "or '+61400000000'"
        )
    # phonenumbers reads letters as keypad digits and drops trailing text such as
    # "ext 12", which would send to another number, so only phone characters pass.
    if not _PHONE_CHARACTERS.fullmatch(value.strip()):
        raise InvalidInputError(
            f"{argument} may contain only digits, spaces and the characters + ( ) . -"
        )
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise InvalidInputError(
            f"{argument} is not a valid phone number; give an Australian number such "
            "as '0400 000 000' or an international one starting with '+'"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_recipients(to: str | Sequence[str], *, reply_request: bool) -> str:
    """Check one or several recipients; return them comma-separated in E.164.

    NOTE: the 2.2.2 document types `to` as one string, and later versions accept
    up to 10 recipients without saying how they are joined. Comma-separated is an
    assumption not yet checked against the live service.
    """
    if isinstance(to, str):
        numbers = [to]
    elif isinstance(to, Sequence):
        numbers = list(to)
    else:
        raise InvalidInputError(
            f"to must be a phone number or a list of them, not {type(to).__name__}"
        )
    if not numbers:
        raise InvalidInputError("to must name at least one recipient")
    if len(numbers) > MAX_RECIPIENTS:
        raise InvalidInputError(
            f"to has {len(numbers)} recipients; the service accepts at most "
            f"{MAX_RECIPIENTS} in one request, so split the send"
        )
    if reply_request and len(numbers) > 1:
        raise InvalidInputError(
            "reply_request=True works with one recipient only; send to each "
            "recipient separately to collect replies"
        )
    normalised = [
        normalise_phone_number(number, argument=f"to[{index}]" if index else "to")
        for index, number in enumerate(numbers)
    ]
    _reject_repeats(normalised)
    return ",".join(normalised)


def _reject_repeats(numbers: list[str]) -> None:
    """Reject a number listed twice, in any spelling: it would get the SMS twice."""
    for index, number in enumerate(numbers):
        first = numbers.index(number)
        if first != index:
            raise InvalidInputError(
                f"to[{index}] is the same number as to[{first}]; list each "
                "recipient once"
            )


def normalise_sender(value: str) -> str:
    """Check `from_`: a phone number, or an alphanumeric sender id of up to 11 chars."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(
            "from_ must be a phone number or an alphanumeric sender id; "
            "leave it out to use the application's own number"
        )
    if _PHONE_CHARACTERS.fullmatch(value):
        return normalise_phone_number(value, argument="from_")
    if not _SENDER_ID.fullmatch(value):
        raise InvalidInputError(
            "from_ as a sender id may contain only letters, digits and spaces"
        )
    if len(value) > MAX_SENDER_ID_CHARS:
        raise InvalidInputError(
            f"from_ has {len(value)} characters; a sender id has at most "
            f"{MAX_SENDER_ID_CHARS}"
        )
    return value


def check_text(value: object, *, argument: str) -> str:
    """Check that `value` is a str that can be sent as UTF-8 JSON.

    A lone UTF-16 surrogate, such as half of an emoji cut by slicing, cannot be.
    """
    if not isinstance(value, str):
        raise InvalidInputError(f"{argument} must be a str, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidInputError(
            f"{argument} contains an unpaired surrogate at index {error.start}; "
            "it is not valid text, so check how the string was cut or decoded"
        ) from None
    return value


def check_body(value: str) -> str:
    """Check an SMS body: a string with at least one non-space character."""
    check_text(value, argument="body")
    if not value.strip():
        raise InvalidInputError("body is empty; give the text of the message")
    return value


def check_minutes(value: int, *, argument: str, maximum: int | None) -> int:
    """Check a whole number of minutes between 1 and `maximum`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(
            f"{argument} must be a whole number of minutes, not {type(value).__name__}"
        )
    if value < 1 or (maximum is not None and value > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise InvalidInputError(
            f"{argument}={value} is out of range; give at least 1{upper} minutes"
        )
    return value


def check_notify_url(value: str) -> str:
    """Check that `notify_url` is an absolute http or https URL."""
    check_text(value, argument="notify_url")
    if not _parses_as_http_url(value):
        raise InvalidInputError(
            "notify_url must be an absolute http(s) URL such as "
            "'https://example.com/telstra/notify'"
        )
    return value


def _parses_as_http_url(value: str) -> bool:
    if value != value.strip() or any(ord(char) < 0x21 for char in value):
        return False
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError):
        return False
    return url.scheme in ("http", "https") and bool(url.host)


def check_subject(value: str) -> str:
    """Check an MMS subject: a string of at most 64 characters."""
    check_text(value, argument="subject")
    if len(value) > MAX_SUBJECT_CHARS:
        raise InvalidInputError(
            f"subject has {len(value)} characters; the service accepts at most "
            f"{MAX_SUBJECT_CHARS}"
        )
    return value


def check_service_url(value: object, *, argument: str, variable: str) -> str:
    """Check a base URL: https, or plain http on a loopback host only.

    The URL may not carry credentials, a query or a fragment, since the SDK
    appends paths to it and sends its own Authorization header. The message never
    repeats the URL, which could hold a password.
    """
    invalid = InvalidInputError(
        f"{argument} (or {variable}) must be an absolute https URL without "
        "credentials, query or fragment, such as 'https://tapi.telstra.com/v2'"
    )
    if not isinstance(value, str) or not _parses_as_http_url(value):
        raise invalid
    url = httpx.URL(value)
    if url.userinfo or "?" in value or "#" in value:
        raise invalid
    if url.scheme == "http" and not _is_loopback(url.host):
        raise InvalidInputError(
            f"{argument} (or {variable}) uses plain http on a host that is not "
            "loopback; use https so the token and messages are encrypted"
        )
    return value.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
