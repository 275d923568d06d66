"""MMS content: building it from files and bytes, and checking it before a send."""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from telstra_messaging._errors import InvalidInputError
from telstra_messaging._mms import (
    DEFAULT_MAX_MMS_BYTES,
    MMS_CONTENT_TYPES,
    MmsContent,
    check_contents,
)


def png_bytes() -> bytes:
    """Return a valid 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def png_file(tmp_path: Path) -> Path:
    """A real PNG file in a temporary folder."""
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes())
    return path


def test_from_path_png_type(png_file: Path) -> None:
    """A .png file gets type image/png."""
    assert MmsContent.from_path(png_file).media_type == "image/png"


def test_from_path_filename(png_file: Path) -> None:
    """The file name, without its folder, becomes the filename."""
    assert MmsContent.from_path(png_file).filename == "logo.png"


def test_from_path_payload(png_file: Path) -> None:
    """The payload base64-decodes back to the file's bytes."""
    content = MmsContent.from_path(png_file)
    assert base64.b64decode(content.payload, validate=True) == png_bytes()


def test_from_path_str(png_file: Path) -> None:
    """A str path works as well as a Path."""
    assert MmsContent.from_path(str(png_file)).filename == "logo.png"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("photo.jpg", "image/jpeg"),
        ("photo.jpeg", "image/jpeg"),
        ("PHOTO.JPG", "image/jpeg"),
        ("anim.gif", "image/gif"),
        ("logo.png", "image/png"),
        ("song.mp3", "audio/mpeg"),
        ("card.vcf", "text/x-vCard"),
        ("note.txt", "text/plain"),
        ("event.ics", "text/x-vCalendar"),
        ("clip.3gp", "video/3gpp"),
        ("voice.amr", "audio/amr"),
        ("clip.mp4", "video/mp4"),
    ],
)
def test_type_from_suffix(tmp_path: Path, name: str, expected: str) -> None:
    """The media type is inferred from the file suffix."""
    path = tmp_path / name
    path.write_bytes(b"data")
    assert MmsContent.from_path(path).media_type == expected


def test_unknown_suffix_rejected(tmp_path: Path) -> None:
    """An unknown suffix is rejected."""
    path = tmp_path / "blob.xyz"
    path.write_bytes(b"data")
    with pytest.raises(InvalidInputError, match="pass media_type="):
        MmsContent.from_path(path)


@pytest.mark.parametrize("accepted", ["image/png", "text/x-vCard", "audio/mpeg"])
def test_unknown_suffix_lists_types(tmp_path: Path, accepted: str) -> None:
    """The rejection lists the accepted types."""
    path = tmp_path / "blob.xyz"
    path.write_bytes(b"data")
    with pytest.raises(InvalidInputError) as caught:
        MmsContent.from_path(path)
    assert accepted in str(caught.value)


def test_unaccepted_known_type(tmp_path: Path) -> None:
    """A type that mimetypes guesses but the service does not accept is rejected."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(InvalidInputError, match=r"doc\.pdf"):
        MmsContent.from_path(path)


def test_explicit_type_wins(tmp_path: Path) -> None:
    """media_type= overrides the type inferred from the name."""
    path = tmp_path / "blob.xyz"
    path.write_bytes(b"data")
    assert MmsContent.from_path(path, media_type="image/png").media_type == "image/png"


def test_explicit_type_over_suffix(png_file: Path) -> None:
    """media_type= wins over a suffix that has a type of its own."""
    assert (
        MmsContent.from_path(png_file, media_type="image/jpg").media_type == "image/jpg"
    )


def test_missing_file_rejected(tmp_path: Path) -> None:
    """A missing file raises InvalidInputError naming it."""
    with pytest.raises(InvalidInputError, match=r"absent\.png"):
        MmsContent.from_path(tmp_path / "absent.png")


def test_missing_file_chained(tmp_path: Path) -> None:
    """The OSError is kept as the cause."""
    with pytest.raises(InvalidInputError) as caught:
        MmsContent.from_path(tmp_path / "absent.png")
    assert isinstance(caught.value.__cause__, OSError)


def test_folder_rejected(tmp_path: Path) -> None:
    """A folder instead of a file raises InvalidInputError."""
    folder = tmp_path / "pictures.png"
    folder.mkdir()
    with pytest.raises(InvalidInputError):
        MmsContent.from_path(folder)


def test_from_bytes_payload() -> None:
    """from_bytes encodes the bytes as base64."""
    content = MmsContent.from_bytes(b"hello", filename="note.txt")
    assert content.payload == "aGVsbG8="


def test_repr_hides_payload() -> None:
    """The repr never shows the payload."""
    content = MmsContent.from_bytes(b"secret-picture-bytes", filename="note.txt")
    assert content.payload not in repr(content)


def test_repr_shows_name() -> None:
    """The repr shows the type and file name."""
    content = MmsContent.from_bytes(b"x", filename="note.txt")
    assert repr(content) == "MmsContent(media_type='text/plain', filename='note.txt')"


def text_content(data: bytes = b"hello") -> MmsContent:
    """Return a valid text/plain content."""
    return MmsContent.from_bytes(data, filename="note.txt")


def test_check_single_item() -> None:
    """A single MmsContent is accepted as a one-item list."""
    content = text_content()
    assert check_contents(content, max_bytes=DEFAULT_MAX_MMS_BYTES) == [content]


def test_check_list_kept() -> None:
    """A list of valid contents is returned in order."""
    items = [text_content(b"a"), text_content(b"b")]
    assert check_contents(items, max_bytes=DEFAULT_MAX_MMS_BYTES) == items


@pytest.mark.parametrize("content_type", ["application/pdf", "image/webp", "IMAGE/PNG"])
def test_check_type_outside_list(content_type: str) -> None:
    """A type outside the document's list is rejected."""
    item = MmsContent(media_type=content_type, filename="x", payload="aGVsbG8=")
    with pytest.raises(InvalidInputError, match=r"content\[0\]\.media_type"):
        check_contents([item], max_bytes=DEFAULT_MAX_MMS_BYTES)


@pytest.mark.parametrize("payload", ["not base64!", "abc", "aGVsbG8=\x00"])
def test_check_invalid_base64(payload: str) -> None:
    """A payload that is not valid base64 is rejected."""
    item = MmsContent(media_type="text/plain", filename="x.txt", payload=payload)
    with pytest.raises(InvalidInputError, match="not valid base64"):
        check_contents([item], max_bytes=DEFAULT_MAX_MMS_BYTES)


def test_check_empty_filename() -> None:
    """An empty file name is rejected."""
    item = MmsContent(media_type="text/plain", filename="", payload="aGVsbG8=")
    with pytest.raises(InvalidInputError, match="filename is empty"):
        check_contents([item], max_bytes=DEFAULT_MAX_MMS_BYTES)


def test_check_empty_list() -> None:
    """An empty list is rejected."""
    with pytest.raises(InvalidInputError, match="at least one"):
        check_contents([], max_bytes=DEFAULT_MAX_MMS_BYTES)


@pytest.mark.parametrize("item", ["logo.png", {"type": "image/png"}, b"data"])
def test_check_non_content_item(item: Any) -> None:
    """An item that is not an MmsContent is rejected with its index."""
    with pytest.raises(InvalidInputError, match=r"content\[1\] is a"):
        check_contents([text_content(), item], max_bytes=DEFAULT_MAX_MMS_BYTES)


def test_check_over_limit() -> None:
    """Base64 text over max_bytes in total is rejected."""
    items = [text_content(b"abc"), text_content(b"abc")]
    with pytest.raises(InvalidInputError, match="is 8 bytes as base64"):
        check_contents(items, max_bytes=7)


def test_check_at_limit() -> None:
    """Base64 text of exactly max_bytes is accepted."""
    items = [text_content(b"abc"), text_content(b"abc")]
    assert check_contents(items, max_bytes=8) == items


def test_check_counts_base64() -> None:
    """The limit applies to the base64 text, which is larger than the file."""
    item = text_content(b"x" * 12)
    with pytest.raises(InvalidInputError, match="16 bytes as base64"):
        check_contents([item], max_bytes=12)


def test_content_types_from_spec() -> None:
    """The accepted types are the document's list of 23."""
    assert len(MMS_CONTENT_TYPES) == 23


@pytest.mark.parametrize("content_type", ["image/png", "text/x-vCard", "video/3gp"])
def test_content_types_members(content_type: str) -> None:
    """The accepted types include the document's names, with their case."""
    assert content_type in MMS_CONTENT_TYPES
