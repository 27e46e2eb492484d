"""Turning the bytes of a source into text, or a clear reason why not.

In order: a byte-order mark decides (UTF-8, UTF-16 LE/BE; the mark is dropped and offsets
count from the character after it); else valid UTF-8 without NUL bytes is UTF-8; else the
encoding the user named (``--encoding``), so that a cluster mixing UTF-8 and cp1252 files
reads right with ``--encoding cp1252``. Anything else is an error that says what the bytes
look like: UTF-16 without a byte-order mark, a known binary format, or which byte is not
UTF-8. Newlines are kept exactly as they are in the file.
"""

from __future__ import annotations

import codecs

#: Share of control characters above which a file is taken for binary data.
_BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_SAMPLE = 8192
_UTF8_HINT = "convert it to UTF-8 or pass --encoding (e.g. cp1252 or latin-1)"

#: Leading bytes of binary formats often saved under a wrong name.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)


class DecodeFailure(ValueError):
    """The bytes are not text in the expected encoding."""


def check_encoding(name: str) -> str:
    """The canonical name of a text encoding; :class:`DecodeFailure` for an unusable one."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise DecodeFailure(f"unknown encoding {name!r}") from None
    if not getattr(codec, "_is_text_encoding", True):  # base64, rot13, zlib: bytes codecs
        raise DecodeFailure(f"{name!r} is not a text encoding")
    return codec.name


def decode_source(data: bytes, encoding: str | None = None) -> str:
    """Decode one source's bytes to text; raise :class:`DecodeFailure` with a reason."""
    if data.startswith(codecs.BOM_UTF8):
        hint = "despite its UTF-8 byte-order mark: convert it to UTF-8"
        text = _decode_utf8(data[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8), hint)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_named(data, "utf-16", "despite its UTF-16 byte-order mark")
    elif encoding is not None and not _is_clean_utf8(data):
        text = _decode_named(data, encoding, "check --encoding")
    else:
        _reject_binary_bytes(data)
        text = _decode_utf8(data, 0, _UTF8_HINT)
    if not text.strip():
        raise DecodeFailure("empty file (no text)")
    _reject_binary(text)
    return text


def _is_clean_utf8(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _reject_binary_bytes(data: bytes) -> None:
    """Name what the bytes look like when they are not UTF-8 text."""
    kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    if kind is not None:
        raise DecodeFailure(f"binary file ({kind}), not text")
    nul = data.find(b"\x00")
    if nul < 0:
        return
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16 is not None:
        raise DecodeFailure(
            f"looks like {utf16.upper()} text without a byte-order mark; "
            f"pass --encoding {utf16} (or save it as UTF-8)"
        )
    raise DecodeFailure(f"binary file (a NUL byte at offset {nul}), not text")


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when the bytes read that way are text with spaces in it.

    Read in the wrong byte order, a space (U+0020) becomes U+2000, so only the right order
    has spaces and newlines; binary data has neither in both orders, or control characters.
    """
    pairs = len(sample) // 2
    if pairs < 8:  # too short to tell from binary
        return None
    for name in ("utf-16-le", "utf-16-be"):
        text = sample[: 2 * pairs].decode(name, "replace")
        spaces = text.count(" ") + text.count("\n")
        if spaces >= 0.05 * pairs and _control_share(text) <= _BINARY_CONTROL_SHARE:
            return name
    return None


def _decode_utf8(data: bytes, offset: int, hint: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeFailure(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start + offset}, "
            f"line {line}); {hint}"
        ) from None


def _decode_named(data: bytes, encoding: str, hint: str) -> str:
    name = check_encoding(encoding)
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"not valid {name} (byte offset {exc.start}); {hint}") from None
    return text[1:] if text.startswith("\ufeff") else text


def _reject_binary(text: str) -> None:
    if "\x00" in text or _control_share(text[:_SAMPLE]) > _BINARY_CONTROL_SHARE:
        raise DecodeFailure("binary file (mostly control characters), not text")


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    controls += text.count("\ufffd")
    return controls / max(len(text), 1)
