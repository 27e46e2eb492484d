"""Markdown read as prose: markup blanked out with spaces, so every offset stays the file's.

The extractors read plain news text; in a Markdown draft, ``[Abbas Mousavi](https://...)
said`` hides the speaker behind a link and ``1.`` of a numbered list looks like a number.
:func:`blank_markdown` replaces the markup characters (heading marks, list markers, block
quotes, emphasis, inline code ticks, link brackets and targets, reference definitions, HTML
tags, table pipes, rules and code fences) by spaces and leaves every other character where
it was, so a claim found in the blanked text has the same offsets in the file.
"""

from __future__ import annotations

import re

MARKDOWN_SUFFIXES = (".md",)

_LINE_MARKUP = re.compile(
    r"^(?:[ \t]*>)+[ \t]?"  # block quotes, nested
    r"|^[ \t]*#{1,6}(?=[ \t]|$)"  # ATX heading marks
    r"|[ \t]+#+[ \t]*$"  # closing heading marks
    r"|^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])"  # list markers
    r"|^[ \t]*(?:[-*_][ \t]*){3,}$"  # thematic breaks
    r"|^[ \t]*(?:`{3,}|~{3,}).*$"  # code fences (the fence line, info string included)
    r"|^[ \t]*=+[ \t]*$|^[ \t]*-+[ \t]*$"  # setext underlines
    r"|^[ \t]{0,3}\[[^\]\n]+\]:.*$",  # reference definitions
    re.MULTILINE,
)
_LINK = re.compile(r"(!?\[)([^\]\n]*)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_INLINE = re.compile(
    r"<[A-Za-z/!][^>\n]*>"  # HTML tags and comments on one line
    r"|(?<![\w*_`\\])(?:\*{1,3}|_{1,3})(?=[^\s*_])"  # emphasis opening at a word's start
    r"|(?<=[^\s*_\\])(?:\*{1,3}|_{1,3})(?![\w*_])"  # emphasis closing at a word's end
    r"|`+"  # inline code ticks
    r"|(?<!\\)\|"  # table pipes
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_link(match: re.Match[str]) -> str:
    opening, label, closing = match.groups()
    return " " * len(opening) + label + " " * len(closing)


def blank_markdown(text: str) -> str:
    """``text`` with its Markdown markup replaced by spaces: same length, same newlines."""
    text = _LINE_MARKUP.sub(_blank, text)
    text = _LINK.sub(_blank_link, text)
    return _INLINE.sub(_blank, text)


def is_markdown(path: str) -> bool:
    """Whether a file is read as Markdown (by its suffix)."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)
