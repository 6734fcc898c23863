"""Patterns for lines that repeat across scrapes of one outlet, exactly or in shape.

Furniture repeats from page to page: the same line ("Pilihan Untukmu"), a date line
whose date changes ("Kompas.com - 03/01/2022, 10:15 WIB"), a byline whose names change
("Penulis A | Editor B"). Two such lines are aligned word by word; the words they share
stay literal and the words that differ become groups (named `author` or `editor` after
a label word, `value` for a date), giving an anchored pattern that matches both.
"""
from __future__ import annotations

import difflib
import re

from ..cleaner.dates import DATE_PATTERN, parse_date
from ..cleaner.rules import expand

#: Label words before a name: the name is an author, or the editor.
AUTHOR_LABELS = frozenset("penulis reporter wartawan pewarta kontributor oleh by writer author".split())
EDITOR_LABELS = frozenset("editor redaktur penyunting".split())
#: Lines longer than this many words are prose, not furniture of a shape.
MAX_SHAPE_WORDS = 15
#: A shape keeps at least this many words literal, and this share of the line's characters.
MIN_FIXED_WORDS = 2
MIN_FIXED_SHARE = 0.25
#: A repeated line longer than this is matched by its first words (at least these many).
MAX_EXACT_CHARS = 60
PREFIX_WORDS, PREFIX_CHARS = 4, 30
#: A date line is short: the date and a label or brand around it.
MAX_DATE_LINE = 90

_SPECIAL = re.compile(r"([\\.^$*+?{}\[\]()|])")
_DATE = re.compile(DATE_PATTERN)


def escape(text: str) -> str:
    """Escape the regex characters of `text`, leaving spaces and dashes readable."""
    return _SPECIAL.sub(r"\\\1", text)


def exact_pattern(line: str) -> str:
    """Return the pattern of exactly this line."""
    return f"^{escape(line)}$"


def prefix_pattern(line: str) -> str | None:
    """Return a pattern for a long line by its first words (a promo whose link may
    change), or None when the line is short enough to match whole."""
    if len(line) <= MAX_EXACT_CHARS:
        return None
    words: list[str] = []
    for word in line.split(" "):
        words.append(word)
        if len(words) >= PREFIX_WORDS and len(" ".join(words)) >= PREFIX_CHARS:
            break
    prefix = " ".join(words)
    boundary = r"\b" if prefix[-1].isalnum() else ""
    return f"^{escape(prefix)}{boundary}.*$"


def date_pattern(line: str, zone: str = "WIB") -> str | None:
    """Return the pattern of a date line — its date as `(?P<value>{date})`, the words
    around it literal — or None when `line` is no short line holding a date."""
    if len(line) > MAX_DATE_LINE:
        return None
    m = _DATE.search(line)
    if not m or not parse_date(m.group(0), zone):
        return None
    return f"^{escape(line[:m.start()])}(?P<value>{{date}}){escape(line[m.end():])}$"


def _group(label: str, last: bool) -> str:
    word = label.lower().rstrip(":")
    lazy = "" if last else "?"
    if word in AUTHOR_LABELS:
        return f"(?P<author>.+{lazy})"
    if word in EDITOR_LABELS:
        return f"(?P<editor>.+{lazy})"
    return f".+{lazy}"


def shape_pattern(a: str, b: str) -> str | None:
    """Return a pattern matching two lines of the same shape (same first word, enough
    words in common), with groups for the words that differ; None when they differ too
    much or not at all."""
    words_a, words_b = a.split(" "), b.split(" ")
    if (words_a[0] != words_b[0] or a == b
            or max(len(words_a), len(words_b)) > MAX_SHAPE_WORDS):
        return None
    pieces: list[str | None] = []  # literal words, None for a run that differs
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            pieces += words_a[i1:i2]
        elif not pieces or pieces[-1] is not None:
            pieces.append(None)
    fixed = [p for p in pieces if p is not None]
    if len(fixed) < MIN_FIXED_WORDS or len(" ".join(fixed)) < MIN_FIXED_SHARE * max(len(a), len(b)):
        return None
    out = []
    for i, piece in enumerate(pieces):
        if piece is None:
            label = pieces[i - 1] if i and pieces[i - 1] is not None else ""
            out.append(_group(label, last=i == len(pieces) - 1))
        else:
            out.append(escape(piece))
    pattern = "^" + " ".join(out) + "$"
    if not (matches(pattern, a) and matches(pattern, b)):
        return None
    return pattern


def matches(pattern: str, line: str) -> bool:
    """Say whether a (placeholder-bearing) pattern matches the whole line."""
    return re.search(expand(pattern), line) is not None


def group_names(pattern: str) -> set[str]:
    """Return the named groups of a pattern."""
    return set(re.findall(r"\(\?P<(\w+)>", pattern))


def variant_key(text: str) -> str:
    """Return what two printings of one furniture line share: case and digits aside."""
    return re.sub(r"\d+", "0", " ".join(text.casefold().split()))


def general_pattern(variants: list[str]) -> str:
    """Return a pattern matching every variant: digit runs as \\d+, case ignored when it
    differs, a long line by its first words (a promo whose tail changes)."""
    text = variants[0]
    prefix = prefix_pattern(text)
    body = prefix[1:] if prefix else f"{escape(text)}$"
    body = re.sub(r"\d+", r"\\d+", body)
    pattern = ("(?i)" if len({v.casefold() for v in variants}) < len(set(variants)) else "") + "^" + body
    return pattern if all(matches(pattern, v) for v in variants) else exact_pattern(text)
