"""SMS segment estimates for GSM-7 and UCS-2 bodies."""

from __future__ import annotations

import pytest

from telstra_messaging._segments import SegmentEstimate, estimate_segments


@pytest.mark.parametrize(
    ("body", "units", "segments"),
    [
        ("", 0, 0),
        ("a", 1, 1),
        ("a" * 160, 160, 1),
        ("a" * 161, 161, 2),
        ("a" * 306, 306, 2),
        ("a" * 307, 307, 3),
        ("a" * 459, 459, 3),
        ("a" * 460, 460, 4),
    ],
)
def test_gsm7_lengths(body: str, units: int, segments: int) -> None:
    """Plain GSM-7 text fits 160 septets in one segment, then 153 per segment."""
    assert estimate_segments(body) == SegmentEstimate("GSM-7", units, segments)


@pytest.mark.parametrize(
    ("body", "units", "segments"),
    [
        ("€" * 80, 160, 1),
        ("€" * 81, 162, 2),
        ("a" * 158 + "€", 160, 1),
        ("a" * 159 + "€", 161, 2),
    ],
)
def test_gsm7_extension_lengths(body: str, units: int, segments: int) -> None:
    """The euro sign takes two septets."""
    assert estimate_segments(body) == SegmentEstimate("GSM-7", units, segments)


@pytest.mark.parametrize("char", ["[", "]", "{", "}", "~", "^", "|", "\\", "€"])
def test_extension_two_septets(char: str) -> None:
    """Each GSM-7 extension character counts two septets."""
    assert estimate_segments(char) == SegmentEstimate("GSM-7", 2, 1)


@pytest.mark.parametrize(
    "body", ["é", "è", "Ç", "ñ", "ü", "Ä", "£", "¥", "@", "$", "\n", "Hello, World!"]
)
def test_basic_set_gsm7(body: str) -> None:
    """Characters of the GSM 03.38 basic set keep the body in GSM-7."""
    assert estimate_segments(body).encoding == "GSM-7"


@pytest.mark.parametrize("body", ["é", "Ç", "@", "£"])
def test_basic_set_one_septet(body: str) -> None:
    """A basic-set character counts one septet."""
    assert estimate_segments(body).units == 1


@pytest.mark.parametrize(
    "body", ["ç", "á", "`", "\u2019", "\u201c", "\u2013", "😀", "你", "\x1b"]
)
def test_outside_set_ucs2(body: str) -> None:
    """A character outside GSM 03.38 switches the body to UCS-2."""
    assert estimate_segments(body).encoding == "UCS-2"


def test_one_char_switches_all() -> None:
    """One UCS-2 character makes the whole body count in UTF-16 units."""
    assert estimate_segments("a" * 100 + "ç") == SegmentEstimate("UCS-2", 101, 2)


@pytest.mark.parametrize(
    ("body", "units", "segments"),
    [
        ("ç" * 70, 70, 1),
        ("ç" * 71, 71, 2),
        ("ç" * 134, 134, 2),
        ("ç" * 135, 135, 3),
        ("😀" * 35, 70, 1),
        ("😀" * 36, 72, 2),
    ],
)
def test_ucs2_lengths(body: str, units: int, segments: int) -> None:
    """UCS-2 fits 70 UTF-16 units in one segment, then 67 per segment."""
    assert estimate_segments(body) == SegmentEstimate("UCS-2", units, segments)


def test_emoji_two_units() -> None:
    """An emoji outside the BMP counts two UTF-16 code units."""
    assert estimate_segments("😀").units == 2
