"""Checks on send requests that openapi.yaml cannot express, and the segment count.

The sandbox runs these checks after the request has passed schema validation, in
this order, and rejects the request at the first failure with status 400 and the
code shown:

- `to` is a comma-separated list of 1 to 10 phone numbers. Each number, after
  stripping surrounding spaces, is E.164 (`+`, then 8 to 15 digits, the first not 0)
  or an Australian mobile number in national form (`04` and 8 more digits).
  Otherwise TO-MSISDN-NOT-VALID.
- `replyRequest: true` needs exactly one recipient. Otherwise TOO-MANY-DESTINATIONS.
- SMS `validity` is 1 to 10080 minutes (7 days). Otherwise VALIDITY-NOT-VALID.
- A `from` made of an optional `+` and digits, or an empty `from`, must be a phone
  number in one of the forms allowed for `to`, else FROM-MSISDN-NOT-VALID. Any
  other `from` is an alphanumeric sender id of at most 11 characters, else
  FROM-MSISDN-TOO-LONG.
- MMS `subject` is at most 64 characters. Otherwise SUBJECT-TOO-LONG.
- MMS `MMSContent` has at least one item. Otherwise MMS-CONTENT-NOT-VALID.

A `payload` that is not base64 never reaches these checks, because openapi.yaml
declares it `format: byte` and schema validation rejects it first (400
INVALID-REQUEST).

The sandbox does not enforce the 1900-character SMS body limit or the 2 MB MMS
size limit of later API versions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from telstra_messaging._segments import estimate_segments
from telstra_messaging.sandbox._errors import ApiError, ErrorCode

MAX_RECIPIENTS: Final = 10
MIN_VALIDITY_MINUTES: Final = 1
MAX_VALIDITY_MINUTES: Final = 10080
MAX_ALPHANUMERIC_SENDER_LENGTH: Final = 11
MAX_MMS_SUBJECT_LENGTH: Final = 64

_E164_NUMBER = re.compile(r"\+[1-9][0-9]{7,14}")
_AU_NATIONAL_MOBILE = re.compile(r"04[0-9]{8}")
_NUMERIC_SENDER = re.compile(r"\+?[0-9]+")


def to_e164(number: str) -> str | None:
    """Return the E.164 form of an accepted phone number, or None if it is invalid."""
    if _E164_NUMBER.fullmatch(number):
        return number
    if _AU_NATIONAL_MOBILE.fullmatch(number):
        return "+61" + number[1:]
    return None


def parse_recipients(to: str) -> list[str]:
    """Split `to` into E.164 numbers, or raise ApiError TO-MSISDN-NOT-VALID."""
    items = [item.strip() for item in to.split(",")]
    if len(items) > MAX_RECIPIENTS:
        raise ApiError(
            400,
            ErrorCode.TO_MSISDN_NOT_VALID,
            f"'to' lists {len(items)} recipients; the maximum is {MAX_RECIPIENTS}",
        )
    recipients = []
    for position, item in enumerate(items, start=1):
        number = to_e164(item)
        if number is None:
            raise ApiError(
                400,
                ErrorCode.TO_MSISDN_NOT_VALID,
                f"recipient {position} in 'to' is not a valid phone number; use "
                "E.164 form (+61412345678) or Australian mobile form (0412345678)",
            )
        recipients.append(number)
    return recipients


def check_reply_request(request: Mapping[str, Any], recipients: list[str]) -> None:
    """Raise ApiError TOO-MANY-DESTINATIONS for a reply request to several numbers."""
    if request.get("replyRequest") is True and len(recipients) > 1:
        raise ApiError(
            400,
            ErrorCode.TOO_MANY_DESTINATIONS,
            "TOO MANY DESTINATIONS: a message with replyRequest true must have "
            "exactly one recipient",
        )


def check_validity(request: Mapping[str, Any]) -> None:
    """Raise ApiError VALIDITY-NOT-VALID when `validity` is out of range."""
    validity = request.get("validity")
    if validity is None:
        return
    if not MIN_VALIDITY_MINUTES <= validity <= MAX_VALIDITY_MINUTES:
        raise ApiError(
            400,
            ErrorCode.VALIDITY_NOT_VALID,
            f"'validity' must be {MIN_VALIDITY_MINUTES} to {MAX_VALIDITY_MINUTES} "
            f"minutes, not {validity}",
        )


def check_sender(request: Mapping[str, Any]) -> None:
    """Raise ApiError when `from` is neither a valid number nor a valid sender id."""
    sender = request.get("from")
    if sender is None:
        return
    if not sender or _NUMERIC_SENDER.fullmatch(sender):
        if to_e164(sender) is None:
            raise ApiError(
                400,
                ErrorCode.FROM_MSISDN_NOT_VALID,
                "'from' is not a valid phone number; use E.164 form "
                "(+61412345678) or Australian mobile form (0412345678)",
            )
        return
    if len(sender) > MAX_ALPHANUMERIC_SENDER_LENGTH:
        raise ApiError(
            400,
            ErrorCode.FROM_MSISDN_TOO_LONG,
            f"an alphanumeric 'from' must be at most {MAX_ALPHANUMERIC_SENDER_LENGTH} "
            f"characters, not {len(sender)}",
        )


def check_sms_request(request: Mapping[str, Any]) -> list[str]:
    """Run the SMS checks and return the recipients in E.164 form."""
    recipients = parse_recipients(request["to"])
    check_reply_request(request, recipients)
    check_validity(request)
    check_sender(request)
    return recipients


def check_mms_request(request: Mapping[str, Any]) -> list[str]:
    """Run the MMS checks and return the recipients in E.164 form."""
    recipients = parse_recipients(request["to"])
    check_reply_request(request, recipients)
    check_sender(request)
    subject = request["subject"]
    if len(subject) > MAX_MMS_SUBJECT_LENGTH:
        raise ApiError(
            400,
            ErrorCode.SUBJECT_TOO_LONG,
            f"'subject' must be at most {MAX_MMS_SUBJECT_LENGTH} characters, "
            f"not {len(subject)}",
        )
    if not request["MMSContent"]:
        raise ApiError(
            400,
            ErrorCode.MMS_CONTENT_NOT_VALID,
            "'MMSContent' must contain at least one item",
        )
    return recipients


def count_sms_segments(text: str) -> int:
    """Count the SMS segments that `text` needs, at least one.

    The SDK's `estimate_segments` contains the GSM-7 and UCS-2 rules; the service
    reports one segment for an empty text.
    """
    return max(1, estimate_segments(text).segments)
