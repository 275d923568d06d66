"""Estimate how many SMS segments a body takes, and so how many are billed."""

from __future__ import annotations

import math
from typing import Literal

import attrs

# Importing gsm0338 registers the "gsm03.38" codec with the codecs module.
import gsm0338  # type: ignore[import-untyped]  # noqa: F401

__all__ = ["SegmentEstimate", "estimate_segments"]

Encoding = Literal["GSM-7", "UCS-2"]

# Characters per segment: one segment alone, or each part of a longer message, whose
# user data header takes 7 characters in GSM-7 and 3 UTF-16 code units in UCS-2.
_GSM7_SINGLE, _GSM7_MULTI = 160, 153
_UCS2_SINGLE, _UCS2_MULTI = 70, 67
_ESCAPE = "\x1b"


@attrs.frozen
class SegmentEstimate:
    """Encoding, length in that encoding's units, and number of segments."""

    encoding: Encoding
    units: int
    segments: int


def estimate_segments(body: str) -> SegmentEstimate:
    """Estimate the encoding and segment count of an SMS body.

    GSM-7 counts septets, so extension characters such as '€', '[' and '{' count
    twice. A body with any character outside GSM 03.38 goes as UCS-2, counted in
    UTF-16 code units, so an emoji counts twice. The service's own count on
    `SendResult.number_segments` is authoritative.
    """
    septets = _gsm7_septets(body)
    if septets is not None:
        return SegmentEstimate(
            "GSM-7", septets, _count(septets, _GSM7_SINGLE, _GSM7_MULTI)
        )
    units = len(body.encode("utf-16-le")) // 2
    return SegmentEstimate("UCS-2", units, _count(units, _UCS2_SINGLE, _UCS2_MULTI))


def _gsm7_septets(body: str) -> int | None:
    # A bare ESC is the codec's escape mark, not a character a body can carry.
    if _ESCAPE in body:
        return None
    try:
        return len(body.encode("gsm03.38"))
    except UnicodeEncodeError:
        return None


def _count(units: int, single: int, multi: int) -> int:
    if units <= single:
        return 1 if units else 0
    return math.ceil(units / multi)
