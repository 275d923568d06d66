"""Estimate how many SMS segments a body takes, and so how many are billed."""

from __future__ import annotations

from typing import Literal

import attrs

# Importing gsm0338 registers the "gsm03.38" codec with the codecs module.
import gsm0338  # type: ignore[import-untyped]  # noqa: F401

__all__ = ["SegmentEstimate", "estimate_segments"]

Encoding = Literal["GSM-7", "UCS-2"]

# Units per segment: one segment alone, or each part of a longer message, whose
# user data header takes 7 septets in GSM-7 and 3 UTF-16 code units in UCS-2.
GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67
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
    UTF-16 code units, so an emoji counts twice. A character is never split across
    two segments. An empty body needs no segment. The service's own count on
    `SendResult.number_segments` is authoritative.
    """
    sizes = _gsm7_sizes(body)
    if sizes is not None:
        return SegmentEstimate(
            "GSM-7", sum(sizes), _pack(sizes, GSM7_SINGLE, GSM7_MULTI)
        )
    # surrogatepass counts a lone surrogate as the one code unit it is.
    sizes = [len(char.encode("utf-16-le", "surrogatepass")) // 2 for char in body]
    return SegmentEstimate("UCS-2", sum(sizes), _pack(sizes, UCS2_SINGLE, UCS2_MULTI))


def _gsm7_sizes(body: str) -> list[int] | None:
    """Septets of each character, or None if any character is outside GSM-7."""
    # A bare ESC is the codec's escape mark, not a character a body can carry.
    if _ESCAPE in body:
        return None
    try:
        return [len(char.encode("gsm03.38")) for char in body]
    except UnicodeEncodeError:
        return None


def _pack(sizes: list[int], single: int, multi: int) -> int:
    """Count the segments needed to hold characters of these sizes, in order."""
    total = sum(sizes)
    if total <= single:
        return 1 if total else 0
    segments, used = 1, 0
    for size in sizes:
        if used + size > multi:
            segments += 1
            used = 0
        used += size
    return segments
