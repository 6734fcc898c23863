"""Repeats inside one article: titles printed 2-3 times, near-duplicate paragraphs.

Two texts are repeats when their normalised forms are equal, or (both at least
`near_duplicate_min_chars` long) their rapidfuzz ratio reaches `near_duplicate`.
The first occurrence in reading order is kept.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache

from .settings import DEFAULT_SETTINGS, Settings

#: Runs of letters and digits: what is left of a text once punctuation is folded away.
_WORD = re.compile(r"[^\W_]+")
#: The same for ASCII, as a byte table: letters lower-cased, digits kept, the rest a space.
_ASCII_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32
                    for c in range(256))


#: Punctuation beyond ASCII that news text is full of (curly quotes, dashes): NFKC and
#: case folding leave each as it is, and none is part of a word.
PLAIN_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u00ab\u00bb\u2022\u00b7"
_BEYOND_PLAIN = re.compile(f"[^\x00-\x7f{PLAIN_PUNCTUATION}]")


#: A text cut short by the page ends so; a caption this long (normalised) that it
#: starts with is the photo's, whose alt text it is.
_CUT_MARKS = ("...", "…")
_ECHOED_CAPTION_CHARS = 30


def normalise(text: str) -> str:
    """Return `text` NFKC-folded, case-folded, with punctuation runs as single spaces."""
    if text.isascii() or not _BEYOND_PLAIN.search(text):
        # NFKC changes no ASCII text nor PLAIN_PUNCTUATION; one byte table does the rest
        # (each character beyond ASCII, encoded as "?", a space).
        return " ".join(text.encode("ascii", "replace").translate(_ASCII_FOLD).decode("ascii").split())
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def is_repeat(a: str, b: str, settings: Settings = DEFAULT_SETTINGS) -> bool:
    """Say whether `b` repeats `a` (equal when normalised, or nearly equal)."""
    return repeats_normalised(normalise(a), normalise(b), settings)


def repeats_normalised(na: str, nb: str, settings: Settings = DEFAULT_SETTINGS) -> bool:
    """`is_repeat` of two texts already normalised (to normalise each text once)."""
    if not na or not nb:
        return False
    if na == nb:
        return True
    shorter = min(len(na), len(nb))
    if shorter < settings.near_duplicate_min_chars:
        return False
    if shorter < settings.near_duplicate * max(len(na), len(nb)):
        return False  # lengths too far apart for the ratio to reach the threshold
    return _ratio()(na, nb) >= settings.near_duplicate * 100


@cache
def _ratio():
    """rapidfuzz's ratio, imported when two texts first come near enough in length to
    need it (a run of one scrape often never does)."""
    from rapidfuzz.fuzz import ratio
    return ratio


def repeated_indexes(texts: list[str], settings: Settings = DEFAULT_SETTINGS) -> dict[int, int]:
    """Map the index of each text that repeats an earlier one to that earlier index."""
    return repeated_normalised([normalise(text) for text in texts], settings)


def repeated_normalised(norms: list[str], settings: Settings = DEFAULT_SETTINGS) -> dict[int, int]:
    """`repeated_indexes` of texts already normalised."""
    seen_exact: dict[str, int] = {}
    kept: list[tuple[int, str]] = []
    repeats: dict[int, int] = {}
    for i, norm in enumerate(norms):
        if not norm:
            continue
        if norm in seen_exact:
            repeats[i] = seen_exact[norm]
            continue
        if len(norm) >= settings.near_duplicate_min_chars:
            earlier = next(
                (j for j, other in kept if _near(norm, other, settings)), None
            )
            if earlier is not None:
                repeats[i] = earlier
                continue
            kept.append((i, norm))
        seen_exact[norm] = i
    return repeats


#: A text of this many words at least, this share of them in a longer text, is an excerpt of it.
_EXCERPT_WORDS = 10
_EXCERPT_SHARE = 0.92


def excerpted_normalised(norms: list[str], only: Iterable[int] | None = None) -> dict[int, int]:
    """Map the index of each text (of those in `only`, or all) whose words nearly all
    stand in a longer one (in any order: a pull quote may cut and reorder its paragraph)
    to the index of a longer text holding them."""
    words = [Counter(norm.split()) for norm in norms]
    sizes = [sum(counts.values()) for counts in words]
    holding: dict[str, list[int]] = {}  # each word: the texts holding it
    for j, counts in enumerate(words):
        for word in counts:
            holding.setdefault(word, []).append(j)
    excerpts: dict[int, int] = {}
    for i in range(len(words)) if only is None else only:
        mine, size = words[i], sizes[i]
        if size < _EXCERPT_WORDS:
            continue
        need = _EXCERPT_SHARE * size
        # Each longer text with the most words it could share: a text under the need is
        # passed over without counting what it really shares.
        bound: Counter[int] = Counter()
        for word, count in mine.items():
            for j in holding[word]:
                if sizes[j] > size:
                    bound[j] += count
        for j, most in bound.most_common():
            if most < need:
                break
            if sum((mine & words[j]).values()) >= need:
                excerpts[i] = j
                break
    return excerpts


def _near(a: str, b: str, settings: Settings) -> bool:
    shorter, longer = (len(a), len(b)) if len(a) <= len(b) else (len(b), len(a))
    if shorter < settings.near_duplicate * longer:
        return False
    return _ratio()(a, b) >= settings.near_duplicate * 100


def is_caption_echo(text: str, captions: list[str], max_chars: int = 80) -> bool:
    """Say whether a line is an image's alt text that a caption starts with (a short
    one), a caption printed once more (Katadata prints it on both sides of its credit),
    or the alt text holding the caption and more, cut short."""
    if not captions:
        return False
    norm = normalise(text)
    if not norm:
        return False
    if len(text) > max_chars:
        return any(c == norm for c in map(normalise, captions)) or is_alt_text_cut_short(text, captions)
    return any(c.startswith(norm) for c in map(normalise, captions))


def is_alt_text_cut_short(text: str, captions: list[str]) -> bool:
    """Say whether a line is a photo's alt text as Katadata prints it over the credit:
    the caption, more sentences, cut short by the page ("… untuk pembeli mob...")."""
    if not text.rstrip().endswith(_CUT_MARKS):
        return False
    norm = normalise(text)
    return any(len(c) >= _ECHOED_CAPTION_CHARS and norm.startswith(c) and norm != c
               for c in map(normalise, captions))
