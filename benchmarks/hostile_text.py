"""Benchmark: texts built to make the extractors backtrack, against ordinary prose.

Each input class is one source of ``--size`` characters (1 MB by default) built to hurt one
family of patterns: runs of digits with separators, repeated hedge words, long runs of
capitalised words or initials, nested and unbalanced quotation marks, a sentence without a
full stop, a megabyte of one character, and so on. The baseline is ordinary prose of the same
size: the five seeds repeated. For every class the script prints the seconds through
``extract_claims`` and through the whole ``check_cluster`` (the hostile source in a cluster
with the five seeds, so alignment and the built-in rules have something to compare), the
claims found, and the ratio of each time to the baseline's.

    python -m benchmarks.hostile_text [--size 1000000] [--only CLASS ...]

The generators are also used by tests/robustness/test_text_hostile.py at a small size.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_texts() -> list[str]:
    """The five seed articles, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _fill(pieces: Iterator[str], size: int) -> str:
    """Concatenate ``pieces`` until ``size`` characters, cut to exactly ``size``."""
    out: list[str] = []
    total = 0
    for piece in pieces:
        out.append(piece)
        total += len(piece)
        if total >= size:
            break
    return "".join(out)[:size]


def _cycle(*pieces: str) -> Callable[[int], str]:
    return lambda size: _fill(itertools.cycle(pieces), size)


def _prose(size: int) -> str:
    return _fill(itertools.cycle(seed_texts()), size)


def _prose_one_line(size: int) -> str:
    """The seeds as one line: sentences with full stops but no paragraph break."""
    return " ".join(_prose(size).split())[:size]


def _no_full_stop(size: int) -> str:
    """The seeds as one sentence: no line break and no sentence-ending punctuation."""
    text = _prose_one_line(size)
    return text.translate(str.maketrans(".!?…\n", ",,,, "))


def _random_quotes(size: int) -> str:
    """Quotation marks of every kind, nested and unbalanced, between words and inside them."""
    rng = random.Random(8)
    marks = ['"', "“", "”", "‘", "’", "«", "»", "„", "'", "‹", "›", "「", "」"]
    words = ["said", "Esper", "troops", "we", "will", "attack", "O", "it", "s", "750", "the"]

    def pieces() -> Iterator[str]:
        while True:
            yield rng.choice(marks) * rng.randint(1, 3)
            yield rng.choice(words)
            yield rng.choice([" ", "", ", ", ". "])

    return _fill(pieces(), size)


def _quote_whole_text(size: int) -> str:
    """One quotation opened at the start and never closed; ends on an opening mark."""
    body = _prose_one_line(size - 2)
    return "“" + body.replace("“", "").replace("”", "") + "“"


def _nested_quotes(size: int) -> str:
    opening = "He said “she said ‘they said « we said „"
    return _fill(itertools.cycle([opening]), size)


def _random_control(size: int) -> str:
    """Prose with control characters, right-to-left marks and zero-width spaces sprinkled in."""
    rng = random.Random(3)
    text = list(_prose(size))
    odd = ["\x00", "\x07", "\x1b", "\u200f", "\u200e", "\u202e", "\u200b", "\ufeff", "\x0c"]
    for i in range(0, len(text), 7):
        text[i] = rng.choice(odd)
    return "".join(text)


def _capitalised_words(size: int) -> str:
    rng = random.Random(5)

    def pieces() -> Iterator[str]:
        while True:
            yield rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(
                rng.choice("aeioulnrst") for _ in range(rng.randint(0, 7))
            )
            yield " "

    return _fill(pieces(), size)


#: Input class -> generator of a text of the given size. ``prose`` is the baseline.
CLASSES: dict[str, Callable[[int], str]] = {
    "prose": _prose,
    "prose-one-line": _prose_one_line,
    "sentence-no-full-stop": _no_full_stop,
    "digits-commas": _cycle("1,"),
    "digits-dots": _cycle("1."),
    "digits-spaces": _cycle("1 "),
    "digits-mixed-separators": _cycle("1,000.", "5 ", "000,", "2-", "3/", "4:"),
    "one-digit": _cycle("1"),
    "one-letter": _cycle("a"),
    "one-space": _cycle(" "),
    "newlines": _cycle("\n"),
    "dashes": _cycle("-"),
    "dots": _cycle("."),
    "dashes-dots": _cycle("-.", "--", "..", " - "),
    "hedge-words": _cycle("about "),
    "hedge-phrases": _cycle("more than ", "nearly ", "at least ", "roughly ", "up to "),
    "numbers-with-units": _cycle("about 750 troops ", "31 rockets, ", "14,000 km and "),
    "number-words": _cycle("thirty-one ", "hundred ", "and ", "a dozen ", "million "),
    "capitalised-letters": _cycle(*(f"{c} " for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
    "one-capital": _cycle("A"),
    "byline-like": _cycle("By John Smith", ", ", "Jane Doe", " and ", "Bob Roe Lee "),
    "credit-like": _cycle("REUTERS/", "Tom ", "AB/", "(Photo: ", "Getty Images "),
    "capitalised-words": _capitalised_words,
    "initials": _cycle("J. ", "R. "),
    "titles-and-names": _cycle("Defense Secretary Mark T. Esper ", "said ", "Gen. Mark Milley, "),
    "weekdays-months": _cycle("Monday ", "January ", "Tuesday, ", "2 ", "March 3, ", "on "),
    "quotes-random": _random_quotes,
    "quotes-nested": _nested_quotes,
    "quote-whole-text": _quote_whole_text,
    "one-long-quote": lambda size: "“" + _prose_one_line(size - 2).replace("”", "") + "”",
    "straight-quotes": _cycle('"'),
    "single-openers": _cycle("‘a ", "“b” "),
    "apostrophes": _cycle("it's ", "O'Neil's ", "'tis ", "don't' ", "’"),
    "parentheses": _cycle("(", "[", "(a "),
    "control-and-rtl": _random_control,
    "huge-integer": _cycle("1" * 5000, " troops "),
    "huge-grouped": _cycle("1,000" * 2000, " troops "),
    "huge-decimal": _cycle("0." + "9" * 5000, " percent "),
    "huge-exponent": _cycle("1e999 ", "10^400 ", "1E-999 "),
}


#: Input class -> its row in the robustness table (tests/robustness/README.md).
FAMILIES: dict[str, str] = {
    "prose": "text-prose-baseline",
    "prose-one-line": "text-long-line",
    "sentence-no-full-stop": "text-no-sentence-end",
    "digits-commas": "text-digit-runs",
    "digits-dots": "text-digit-runs",
    "digits-spaces": "text-digit-runs",
    "digits-mixed-separators": "text-digit-runs",
    "one-digit": "text-digit-runs",
    "one-letter": "text-one-character",
    "one-space": "text-one-character",
    "newlines": "text-one-character",
    "dashes": "text-one-character",
    "dots": "text-one-character",
    "dashes-dots": "text-one-character",
    "one-capital": "text-one-character",
    "hedge-words": "text-hedge-runs",
    "hedge-phrases": "text-hedge-runs",
    "numbers-with-units": "text-dense-claims",
    "number-words": "text-dense-claims",
    "weekdays-months": "text-dense-claims",
    "capitalised-letters": "text-capitalised-runs",
    "capitalised-words": "text-capitalised-runs",
    "initials": "text-capitalised-runs",
    "titles-and-names": "text-capitalised-runs",
    "byline-like": "text-capitalised-runs",
    "credit-like": "text-capitalised-runs",
    "quotes-random": "text-quotes-unbalanced",
    "quotes-nested": "text-quotes-unbalanced",
    "quote-whole-text": "text-quotes-unbalanced",
    "one-long-quote": "text-quotes-unbalanced",
    "straight-quotes": "text-quotes-unbalanced",
    "single-openers": "text-quotes-unbalanced",
    "apostrophes": "text-apostrophes",
    "parentheses": "text-brackets-unbalanced",
    "control-and-rtl": "text-control-and-rtl",
    "huge-integer": "text-huge-numbers",
    "huge-grouped": "text-huge-numbers",
    "huge-decimal": "text-huge-numbers",
    "huge-exponent": "text-huge-numbers",
}


def cluster_of(text: str, name: str):  # type: ignore[no-untyped-def]
    """A cluster with the hostile source and the five seeds."""
    from factcheck.corpus import Cluster, Source

    seeds = [Source(f"seed{i}", name, t, "seeds") for i, t in enumerate(seed_texts())]
    return Cluster(name, (Source("hostile", name, text, "hostile"), *seeds))


def measure(name: str, size: int, rules) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """Seconds through extraction alone, through the whole pipeline, and claims found."""
    from factcheck.corpus import Cluster
    from factcheck.extract import clear_caches, extract_claims
    from factcheck.pipeline import check_cluster

    text = CLASSES[name](size)
    alone = Cluster(name, (cluster_of(text, name).sources[0],))
    clear_caches()
    started = time.perf_counter()
    claims = extract_claims(alone)
    extraction = time.perf_counter() - started
    clear_caches()
    started = time.perf_counter()
    check_cluster(cluster_of(text, name), rules.rules, rules.synonyms)
    whole = time.perf_counter() - started
    return extraction, whole, len(claims)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input")
    parser.add_argument("--only", nargs="*", default=None, help="input classes to run")
    args = parser.parse_args(argv)
    from factcheck.extract import extract_claims
    from factcheck.rules.loader import load_rules

    rules = load_rules()
    extract_claims(cluster_of("Warm-up: 750 troops.", "warm-up"))  # imports and catalogues
    names = args.only or list(CLASSES)
    base_extract, base_whole, _ = measure("prose", args.size, rules)
    print(f"{args.size:,} characters per input; baseline: ordinary prose (the seeds repeated)")
    print(f"baseline: extraction {base_extract:.2f} s, whole pipeline {base_whole:.2f} s")
    print(f"{'input class':26} {'extract s':>10} {'x prose':>8} {'pipeline s':>11} "
          f"{'x prose':>8} {'claims':>8}")  # fmt: skip
    for name in names:
        extraction, whole, claims = measure(name, args.size, rules)
        print(
            f"{name:26} {extraction:10.2f} {extraction / base_extract:8.2f} {whole:11.2f} "
            f"{whole / base_whole:8.2f} {claims:8,}",
            flush=True,
        )


if __name__ == "__main__":
    main()
