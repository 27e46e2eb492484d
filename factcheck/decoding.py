"""Turning the bytes of a source into text, or a clear reason why not.

UTF-8 is the expected encoding; a UTF-8 byte-order mark is dropped, and offsets count from
the character after it. UTF-16 with a byte-order mark is decoded as such. Anything else that
is not valid UTF-8 is an error, unless the user names an encoding (``--encoding``).
Newlines are kept exactly as they are in the file.
"""

from __future__ import annotations

import codecs

#: Share of control characters above which a file is taken for binary data.
_BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


class DecodeFailure(ValueError):
    """The bytes are not text in the expected encoding."""


def decode_source(data: bytes, encoding: str | None = None) -> str:
    """Decode one source's bytes to text; raise :class:`DecodeFailure` with a reason."""
    if encoding is not None:
        text = _decode_named(data, encoding)
    elif data.startswith(codecs.BOM_UTF8):
        text = _decode_utf8(data[len(codecs.BOM_UTF8) :], offset=len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_named(data, "utf-16")
    else:
        if b"\x00" in data[:8192]:
            raise DecodeFailure("binary file (contains NUL bytes), not text")
        text = _decode_utf8(data, offset=0)
    if not text.strip():
        raise DecodeFailure("empty file (no text)")
    _reject_binary(text)
    return text


def _decode_utf8(data: bytes, offset: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeFailure(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start + offset}, "
            f"line {line}); convert it to UTF-8 or pass --encoding (e.g. latin-1)"
        ) from None


def _decode_named(data: bytes, encoding: str) -> str:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise DecodeFailure(f"unknown encoding {encoding!r}") from None
    if not getattr(codec, "_is_text_encoding", True):  # base64, rot13, zlib: bytes codecs
        raise DecodeFailure(f"{encoding!r} is not a text encoding")
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"not valid {codec.name} at byte offset {exc.start}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _reject_binary(text: str) -> None:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > _BINARY_CONTROL_SHARE * len(sample):
        raise DecodeFailure("binary file (mostly control characters), not text")
