"""A scrape's lines, the kinds a line can become, and the shapes of text the passes share
(a sentence, a paragraph's end, a list item)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .. import dedupe, regex_cache


# Kinds of line: body text, metadata fields, or dropped.
BLANK, DROP, BODY, TITLE, DESCRIPTION = "blank", "drop", "body", "title", "description"
PUBLISHED, CAPTION, RELATED, AUTHOR, EDITOR = "published", "caption", "related", "author", "editor"
TAG, SECTION = "tag", "section"
CANDIDATE = "candidate"  # not decided by pass 1
#: Lines that are only a URL: kept as the article's URL when it has none.
_URL_LINE = regex_cache.compile(r"^(?:URL\s*:\s*)?(https?://\S+)$", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
#: C0 and C1 control characters but tab and the line breaks: never text, and on a
#: terminal they set titles, clear screens or move the cursor (a scrape can hold them).
CONTROLS = regex_cache.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ASCII_CONTROLS = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"
_SPACES = regex_cache.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: The spaces of _SPACES other than the plain one: with no run of plain spaces either,
#: folding spaces changes nothing.
_ODD_SPACE = regex_cache.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
#: A caption echo or standfirst never exceeds this many characters.
_MAX_STANDFIRST = 600
_MAX_RELATED = 200
#: A line ending in one full stop (in Chinese and Japanese, "。") reads as a sentence, not a headline.
_SENTENCE_END = regex_cache.compile(r"(?:[^.]\.|。)[\"”’」』]?$")
#: A body paragraph ends like a sentence; a headline, however long, seldom does.
PARAGRAPH_END = regex_cache.compile(r"[.!?…。！？][\"”’)」』]?$")
#: Characters of the scripts written without spaces between words (kana, han, hangul).
CJK = regex_cache.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: As many of them make a sentence as _SENTENCE_WORDS words do.
_SENTENCE_CJK_CHARS = 10
#: A sentence closed by the editors' sign-off: "… kata dia. (tan/jpnn)", "…tersebut.(gir/jpnn)".
_SIGNED_OFF = regex_cache.compile(r"[.!?…][\"”’]?\s*\([^()]{1,40}\)$")
#: A sentence ends inside a line: its mark, then a space (or a CJK full stop).
_SENTENCE_INSIDE = regex_cache.compile(r"[.!?…][\"”’)]?\s+\S|[。！？]")
_SENTENCE_WORDS = 5
#: A list item's marker: "1. ", "2) ", "3). ", "4.) ", "- ", "• ".
_LIST_ITEM = regex_cache.compile(r"(?:\d{1,2}[.)]{1,2}|[-•*–])\s")
_LIST_MARKER = regex_cache.compile(r"^(?:\d{1,2}[.)]|[-•*–])\s+")


@dataclass(slots=True)
class Line:
    """One input line and the decision about it.

    number: 1-based line number in the input; text: the line with spacing tidied;
    kind: what it became; key/pattern: the rule key and pattern that decided;
    value: the field value taken from it; body: its text in the article (body lines).
    """

    number: int
    text: str
    kind: str = CANDIDATE
    key: str | None = None
    pattern: str | None = None
    value: str | None = None
    body: str | None = None
    groups: dict | None = None

    def decide(self, kind: str, key: str, pattern: str | None = None, value: str | None = None) -> None:
        self.kind, self.key, self.pattern, self.value = kind, key, pattern, value


@dataclass(slots=True)
class Extraction:
    """What the text passes found: the lines with their decisions and the fields."""

    lines: list[Line]
    title: str | None = None
    description: str | None = None
    dateline: str | None = None
    url: str | None = None
    stamp: str | None = None
    #: The day a lead's prefix gives ("Jakarta, 19 September 2025 – "): the date when no line has one.
    lead_date: str | None = None
    norms: dict[str, str] = field(default_factory=dict, repr=False)

    def normalised(self, text: str) -> str:
        """Return `dedupe.normalise(text)`, worked out once per text of this document
        (a paragraph is compared with the title, then with the other paragraphs)."""
        norm = self.norms.get(text)
        if norm is None:
            norm = self.norms[text] = dedupe.normalise(text)
        return norm

    def values(self, kind: str) -> list[str]:
        return [ln.value for ln in self.lines if ln.kind == kind and ln.value]

    @property
    def paragraphs(self) -> list[str]:
        return [ln.body for ln in self.lines if ln.kind == BODY and ln.body]


def tidy(line: str) -> str:
    """Return a line NFC-normalised, without invisible or control characters or runs
    of spaces."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return fold_spaces(strip_controls(line)).strip()


def strip_controls(text: str) -> str:
    """Return `text` without control characters (tab and line breaks kept)."""
    if text.isascii():  # bytes.translate is several times faster than a regex search
        data = text.encode("ascii")
        kept = data.translate(None, _ASCII_CONTROLS)
        return text if len(kept) == len(data) else kept.decode("ascii")
    return CONTROLS.sub("", text) if CONTROLS.search(text) else text


def fold_spaces(text: str) -> str:
    """Return `text` with each run of spaces (tabs, no-break and wide ones too) as one
    plain space. Looking first is cheap: text that needs nothing is left as it is."""
    odd = ("\t" in text) if text.isascii() else _ODD_SPACE.search(text)  # ASCII: a tab is the only one
    if odd or "  " in text:
        return _SPACES.sub(" ", text)
    return text


def split_lines(text: str) -> list[Line]:
    """Split a scrape into numbered, tidied lines.

    The lines are tidied together, joined by newlines (which tidying never makes,
    removes or merges a character across): one pass over the text instead of four
    calls a line."""
    raw = text.splitlines()
    if not raw:
        return []
    joined = unicodedata.normalize("NFC", "\n".join(raw))
    if any(chr(c) in joined for c in _INVISIBLE):  # translate() is slow on non-ASCII text
        joined = joined.translate(_INVISIBLE)
    joined = fold_spaces(strip_controls(joined))
    return [Line(n, line.strip()) for n, line in enumerate(joined.split("\n"), 1)]


def _value(m: re.Match) -> str | None:
    """Return the group 'value' when the pattern has one, else the whole match."""
    if "value" in m.re.groupindex:
        return (m.group("value") or "").strip() or None
    return m.group(0).strip()


def _groups(m: re.Match) -> dict[str, str]:
    return {k: v.strip() for k, v in m.groupdict().items() if v and v.strip()}


def is_sentence(text: str) -> bool:
    """Say whether a block reads as text: a sentence of a few words at least (in
    Chinese and Japanese, written without spaces, of a few words' worth of characters)."""
    if not PARAGRAPH_END.search(text):
        return False
    return (len(text.split(None, _SENTENCE_WORDS - 1)) >= _SENTENCE_WORDS
            or len(CJK.findall(text)) >= _SENTENCE_CJK_CHARS)
