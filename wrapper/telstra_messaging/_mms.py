"""MMS content: building it from files or bytes, and checking it before a send."""

from __future__ import annotations

import base64
import binascii
import mimetypes
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from telstra_messaging_api.models.mms_content_type import MMSContentType

from ._errors import InvalidInputError
from ._validation import check_text

__all__ = ["DEFAULT_MAX_MMS_BYTES", "MMS_CONTENT_TYPES", "MmsContent"]

# The Telstra network accepts MMS of up to 2 MB; other carriers accept less. The
# limit applies to the base64 text sent, which is a third larger than the files.
DEFAULT_MAX_MMS_BYTES = 2_000_000

# The content types openapi.yaml lists, taken from the generated enum.
MMS_CONTENT_TYPES = frozenset(member.value for member in MMSContentType)

# mimetypes guesses that differ from the names the service expects.
_TYPE_ALIASES = {
    "audio/x-wav": "audio/wav",
    "audio/vnd.wave": "audio/wav",
    "audio/x-aac": "audio/aac",
    "image/x-ms-bmp": "image/bmp",
    "text/vcard": "text/x-vCard",
    "text/x-vcard": "text/x-vCard",
    "text/calendar": "text/x-vCalendar",
    "text/x-vcalendar": "text/x-vCalendar",
}
_TYPE_BY_SUFFIX = {
    ".amr": "audio/amr",
    ".aac": "audio/aac",
    ".mp3": "audio/mpeg",
    ".3gp": "video/3gpp",
    ".vcf": "text/x-vCard",
    ".vcs": "text/x-vCalendar",
    ".ics": "text/x-vCalendar",
}


@attrs.frozen
class MmsContent:
    """One piece of MMS content: its media type, file name and base64 payload."""

    media_type: str
    filename: str
    payload: str = attrs.field(repr=False)

    @classmethod
    def from_bytes(
        cls, data: bytes, *, filename: str, media_type: str | None = None
    ) -> MmsContent:
        """Encode `data`; the type is inferred from `filename` unless given."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise InvalidInputError(
                f"data must be bytes, not {type(data).__name__}; "
                "encode text first, for example with .encode('utf-8')"
            )
        _check_filename(filename, argument="filename")
        return cls(
            media_type=media_type or guess_content_type(filename),
            filename=filename,
            payload=base64.b64encode(data).decode("ascii"),
        )

    @classmethod
    def from_path(
        cls, path: str | os.PathLike[str], *, media_type: str | None = None
    ) -> MmsContent:
        """Read a file, infer its media type from its name, and encode it."""
        try:
            file = Path(path)
            data = file.read_bytes()
        except TypeError as error:
            raise InvalidInputError(
                f"path must be a str or os.PathLike, not {type(path).__name__}"
            ) from error
        except ValueError as error:
            raise InvalidInputError(
                f"path is not a valid file name: {error}"
            ) from error
        except OSError as error:
            raise InvalidInputError(
                f"cannot read MMS content file {file.name!r}: {error.strerror}"
            ) from error
        return cls.from_bytes(data, filename=file.name, media_type=media_type)


def guess_content_type(filename: str) -> str:
    """Return the service's media type for a file name, or raise InvalidInputError."""
    suffix = Path(filename).suffix.lower()
    guessed = _TYPE_BY_SUFFIX.get(suffix) or mimetypes.guess_type(filename)[0]
    guessed = _TYPE_ALIASES.get(guessed or "", guessed)
    if guessed not in MMS_CONTENT_TYPES:
        raise InvalidInputError(
            f"cannot tell the MMS content type of {filename!r}; pass media_type= "
            f"with one of: {', '.join(sorted(MMS_CONTENT_TYPES))}"
        )
    return guessed


def check_contents(
    contents: MmsContent | Sequence[MmsContent], *, max_bytes: int
) -> list[MmsContent]:
    """Check each content's type and payload, and the total size."""
    if isinstance(contents, MmsContent):
        items = [contents]
    elif isinstance(contents, Sequence) and not isinstance(contents, str | bytes):
        items = list(contents)
    else:
        raise InvalidInputError(
            f"content must be an MmsContent or a list of them, not "
            f"{type(contents).__name__}"
        )
    if not items:
        raise InvalidInputError("content must hold at least one MmsContent")
    total = 0
    for index, item in enumerate(items):
        if not isinstance(item, MmsContent):
            raise InvalidInputError(
                f"content[{index}] is a {type(item).__name__}; build it with "
                "MmsContent.from_path() or MmsContent.from_bytes()"
            )
        _check_one(item, index)
        total += len(item.payload)
    if total > max_bytes:
        raise InvalidInputError(
            f"MMS content is {total} bytes as base64; the limit is {max_bytes} "
            "bytes, so send smaller files or raise max_mms_bytes"
        )
    return items


def _check_filename(filename: object, *, argument: str) -> None:
    name = check_text(filename, argument=argument)
    if not name.strip():
        raise InvalidInputError(f"{argument} is empty; give the file's name")


def _check_one(item: MmsContent, index: int) -> None:
    if item.media_type not in MMS_CONTENT_TYPES:
        raise InvalidInputError(
            f"content[{index}].media_type {item.media_type!r} is not accepted; use "
            "one of: "
            f"{', '.join(sorted(MMS_CONTENT_TYPES))}"
        )
    _check_filename(item.filename, argument=f"content[{index}].filename")
    if not isinstance(item.payload, str):
        raise InvalidInputError(
            f"content[{index}].payload must be base64 text (str), not "
            f"{type(item.payload).__name__}; build it with MmsContent.from_bytes()"
        )
    try:
        base64.b64decode(item.payload, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidInputError(
            f"content[{index}].payload is not valid base64; build it with "
            "MmsContent.from_bytes() or MmsContent.from_path()"
        ) from error
