"""Control characters shown, never obeyed: text from articles on a terminal or in a report.

An article, a file name or a JSONL id may hold characters that act instead of printing:
ESC starts terminal sequences (colours, titles, hyperlinks, cursor moves), BEL rings, CR
returns to the line start and overwrites it, U+2028 and U+2029 break lines, and the bidi
controls (U+202A-U+202E, U+2066-U+2069) reorder what is shown. :func:`visible` writes each
as an escape (``\\x1b``, ``\\u202e``) for a line on a terminal; :func:`pictured` replaces
the C0 controls with their Unicode control pictures (U+241B for ESC), one character for one,
for reports a person reads (HTML, Markdown). Reports for machines (JSON, SARIF, CSV,
Parquet) keep the text exactly as read.
"""

from __future__ import annotations

import re

#: Characters that act on a terminal or reorder a line: C0 but tab, DEL, C1, line and
#: paragraph separators, bidi embeddings, overrides and isolates, halves of UTF-16 pairs.
_ACTIVE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: Characters with no place in a person's report: C0 but tab, newline and CR; DEL; C1.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` safe to print as one line: every active character as a backslash escape."""
    return _ACTIVE.sub(_escape, text)


def pictured(text: str) -> str:
    """``text`` with each control character shown, one character for one.

    C0 controls become their control pictures (``\\x1b`` -> U+241B), DEL U+2421, and C1
    controls U+FFFD. Tab, newline and CR are kept: they lay out text.
    """
    return _CONTROL.sub(_picture, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"
