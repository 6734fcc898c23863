"""Undo the scraper's double decoding of punctuation: UTF-8 bytes read in a single-byte
code page and stored again as UTF-8 ("β€”" for "—" read as Greek cp1253, "ยฉ" for "©"
read as Thai cp874, "â€™" for "’" read as Windows-1252).

A run is repaired only where encoding it back in its code page gives valid UTF-8 made
of punctuation, symbols, spaces or Latin letters, and (for the Thai and Greek pages)
where it does not stand inside a word of that script, so genuine Thai, Greek, Russian or
CJK text, "€ 5" or a lone "Â" never change. ftfy's fix_encoding repairs only the
Windows-1252 kind (and also changes text that is not broken), hence this module: one
mechanism for the three code pages seen in scrapes."""
from __future__ import annotations

import functools
import re
import unicodedata

from .. import regex_cache

#: Code pages a scraper misread UTF-8 in, each with the script whose letters a genuine
#: word of it is made of (None: Latin, whose words mojibake sits inside, "cafÃ©").
CODE_PAGES = (("cp1252", None), ("cp874", "\u0e00-\u0e7f"), ("cp1253", "\u0370-\u03ff"))
#: Windows-1252 leaves five bytes undefined; a scraper that read them kept them as the
#: C1 control of the same number ("â€\x9d" for the closing quote "”").
_CP1252_GAPS = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _table(codec: str) -> dict[str, int]:
    """Map each character of `codec`'s upper half to its byte."""
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[bytes([byte]).decode(codec)] = byte
        except UnicodeDecodeError:
            if codec == "cp1252" and byte in _CP1252_GAPS:
                table[chr(byte)] = byte
    return table


def _chars(table: dict[str, int], low: int, high: int) -> str:
    return "".join(re.escape(ch) for ch, b in table.items() if low <= b <= high)


def _run_pattern(table: dict[str, int], script: str | None) -> re.Pattern:
    """A lead character then as many continuation characters as its UTF-8 lead byte
    announces (2-, 3- and 4-byte sequences), not inside a word of `script`."""
    cont = f"[{_chars(table, 0x80, 0xBF)}]"
    runs = "|".join(f"[{_chars(table, lo, hi)}]{cont}{{{n}}}"
                    for lo, hi, n in ((0xC2, 0xDF, 1), (0xE0, 0xEF, 2), (0xF0, 0xF4, 3)))
    if script is None:
        return re.compile(f"(?:{runs})+")
    return re.compile(f"(?<![{script}])(?:{runs})+(?![{script}])")


_TABLES = [(_table(codec), script) for codec, script in CODE_PAGES]
#: Quick check: a lead character of any code page then a continuation one. 7 of the
#: 946 pages of tests/corpus hold one; ASCII text is not even searched.
_ANY_PAIR = regex_cache.compile("[{}][{}]".format(
    "".join(_chars(table, 0xC2, 0xF4) for table, _ in _TABLES),
    "".join(_chars(table, 0x80, 0xBF) for table, _ in _TABLES)))


def _wanted(text: str) -> bool:
    """Say whether repaired text is what double decoding hides: punctuation, symbols,
    spaces and Latin letters, never another script's letters or a control."""
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "PS" or cat == "Zs":
            continue
        if cat[0] == "L" and "LATIN" in unicodedata.name(ch, ""):
            continue
        return False
    return True


def _in_script_line(m: re.Match, script: re.Pattern | None) -> bool:
    """Say whether the line of match `m` holds letters of `script` besides such runs:
    a Thai or Greek line's short words ("ยก", lift) are genuine, not mojibake."""
    if script is None:
        return False
    text = m.string
    line = text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.end()) % (len(text) + 1)]
    return bool(script.search(m.re.sub("", line)))


def _repairer(table: dict[str, int], script: re.Pattern | None):
    def repair(m: re.Match) -> str:
        run = m.group(0)
        if _in_script_line(m, script):
            return run
        try:
            fixed = bytes(table[ch] for ch in run).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return run
        return fixed if _wanted(fixed) else run
    return repair


@functools.cache
def _repairs() -> list:
    """Each code page's run pattern and repair, built the first time a text needs them."""
    return [(_run_pattern(table, script), _repairer(table, script and re.compile(f"[{script}]")))
            for table, script in _TABLES]


def repair_mojibake(text: str) -> str:
    """Return `text` with its runs of double-decoded UTF-8 punctuation repaired; text
    without such a run (ASCII text at once) is returned as it is."""
    if text.isascii() or not _ANY_PAIR.search(text):
        return text
    for pattern, repair in _repairs():
        text = pattern.sub(repair, text)
    return text
