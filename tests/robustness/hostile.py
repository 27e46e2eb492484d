"""A cluster whose every field is hostile: markup, escapes, controls and path tricks.

Two forms of one event: a directory of ``.txt`` files (file names with markup and quotes)
and a JSONL file (ids that look like paths, a ``javascript:`` URL, markup in outlet and
title). The articles disagree on a number, a date, a quote and a spelling, so that every
report carries findings whose evidence is a sentence full of :data:`PAYLOADS`.
"""

from __future__ import annotations

import json
from pathlib import Path

#: Text that would act if a report or a terminal passed it on unescaped.
HTML = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> </textarea> <!-- ]]> '
    '<a href="javascript:alert(3)">click</a> <details open><summary>more</summary>'
)
MARKDOWN = "*bold* _it_ `code` a|b [x](javascript:alert(4)) <details> ![i](http://x/i.png)"
XML_JSON = "\" \\ &amp; & < > ' ]]>"
CONTROLS = (
    "\x01\x0b\x1b[31mRED\x1b[0m \x1b]8;;http://evil.example/\x07link\x1b]8;;\x07 "
    "\x1b]0;pwned\x07 \x07 abc\rXYZ \x9b2J"
)
UNICODE = "\u2028 \u2029 \u202eevil\u202c \u0085"
PAYLOADS = (HTML, MARKDOWN, XML_JSON, CONTROLS, UNICODE)

#: What a payload may leave in any inert output: the terminal-acting characters, none.
TERMINAL_ACTIVE = "\x1b\x07\x01\x0b\r\x9b"

#: Strings an output must never contain, as markup that would act in HTML.
ACTIVE_MARKUP = ("<script>", "<img ", "onerror=", "</textarea>", "<details", "<a href")


#: A sentence a spreadsheet would take for a formula (it starts a paragraph).
FORMULA = '=HYPERLINK("http://evil.example/","click")'


def article(number: str, day: str, quote: str, spelling: str) -> str:
    """One article: each claim sentence carries every payload."""
    mixed = " ".join(PAYLOADS)
    return (
        f"# Heading {HTML}\n\n"
        f"{FORMULA} said {number} people were hurt.\n\n"
        f"Militants fired {number} rockets at the base on {day}, officials said. {mixed}\n\n"
        f'"We will {quote} {XML_JSON} {CONTROLS}," General Kenneth McKenzie said on {day}.\n\n'
        f"The {spelling} militia {MARKDOWN} claimed the attack on {day}. {UNICODE}\n"
        f"| table | cell | {HTML} |\n"
        f"{CONTROLS}\n"
    )


ARTICLES = (
    article("12", "Tuesday", "respond decisively", "Kataib Hezbollah"),
    article("15", "Wednesday", "not respond decisively", "Kataeb Hezbollah"),
    article("12", "Tuesday", "respond firmly", "Kataib Hezbollah"),
    article("12", "Tuesday", "respond decisively", "Kataib Hezbollah"),
)

#: Source ids a JSONL file may give: paths, device names, quotes, length.
JSONL_SOURCE_IDS = ("../../etc/x", "a/b", "con", "q\"uo'te<b>&" + "x" * 300)
#: A cluster id that tries to leave --out and carries markup.
JSONL_CLUSTER_ID = '../../escape/<script>alert("c")</script>'
#: Outlet, title and url of every JSONL document.
OUTLET = '<b onmouseover="alert(6)">Outlet</b> *x* ' + CONTROLS
TITLE = "<script>alert(7)</script> [t](javascript:alert(8)) " + CONTROLS
URL = "javascript:alert(9)"
#: File names of the directory form (their stems become source ids).
FILE_STEMS = ('src"&<b>1', "src`*_|2", "src[x](javascript:3)", "con")
DIRECTORY_NAME = "cl<img src=x onerror=alert(10)>"


def write_directory(root: Path) -> Path:
    """The cluster as a directory of ``.txt`` files; returns the directory."""
    cluster = root / DIRECTORY_NAME
    cluster.mkdir(parents=True)
    for stem, text in zip(FILE_STEMS, ARTICLES, strict=True):
        (cluster / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
    return cluster


def write_jsonl(root: Path) -> Path:
    """The cluster as one JSONL file, one document a line; returns the file."""
    path = root / "hostile.jsonl"
    lines = [
        json.dumps(
            {
                "cluster_id": JSONL_CLUSTER_ID,
                "source_id": source_id,
                "text": text,
                "outlet": OUTLET,
                "title": TITLE,
                "url": URL,
            }
        )
        for source_id, text in zip(JSONL_SOURCE_IDS, ARTICLES, strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_bad_inputs(root: Path) -> list[Path]:
    """Two inputs that are problems whose message carries the hostile name or id."""
    cluster = root / "bad"
    cluster.mkdir()
    (cluster / "esc\x1b[31mred\x07.txt").write_text(ARTICLES[0], encoding="utf-8")
    (cluster / "fine.txt").write_text(ARTICLES[1], encoding="utf-8")
    jsonl = root / "bad.jsonl"
    record = {"cluster_id": "id\x1b]0;pwned\x07\nnext", "source_id": "s", "text": "Text."}
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return [cluster, jsonl]
