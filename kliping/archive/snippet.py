"""Highlighted snippets of the original text around the words a stemmed query matched.

FTS5's own `snippet()` can only mark tokens of the column it is given; the matches of a
stemmed query are in the `*_stem` columns, whose text is stems, not what the outlet
wrote. So the snippet is made here: every word of the original text whose stem matches
a query term is marked, in the window of words with the most distinct matches.
"""
from __future__ import annotations

import re

from .query import QueryError, Term, parse_query
from .stem import STOP_WORDS, TOKEN, fold, stem_words

#: Words shown in a snippet by default (like the last argument of FTS5's snippet()).
DEFAULT_WORDS = 24

_SPACE = re.compile(r"\s+")


def _matcher(terms: tuple[Term, ...]):
    stems: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        if term.prefix:
            stems.update(term.stems[:-1])
            prefixes.add(term.stems[-1])
        else:
            stems.update(term.stems)

    def key(folded: str, stem: str | None) -> str | None:
        if stem is not None and stem in stems:
            return stem
        for prefix in prefixes:
            if folded.startswith(prefix) or (stem or "").startswith(prefix):
                return prefix
        return None

    return key


def snippet(text: str | None, terms: tuple[Term, ...], start: str = "<mark>",
            end: str = "</mark>", ellipsis: str = "…", size: int = DEFAULT_WORDS) -> str:
    """About `size` words of `text` around the best cluster of `terms`, matches marked.

    Whitespace (paragraph breaks too) is shown as single spaces. Without a match, the
    beginning of the text is shown.
    """
    text = text or ""
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return _SPACE.sub(" ", text).strip()
    size = max(1, int(size))
    folded = [fold(m.group()) for m in tokens]
    content = [i for i, w in enumerate(folded) if w not in STOP_WORDS]
    stemmed: list[str | None] = [None] * len(tokens)
    for i, stem in zip(content, stem_words(folded[i] for i in content)):
        stemmed[i] = stem
    key = _matcher(terms)
    hits = [key(f, s) for f, s in zip(folded, stemmed)]

    first, best = 0, (0, 0)
    lead = max(0, min(3, size // 4))
    # the window [lo, hi) starting `lead` words before each match, slid along the text
    # (linear however long the text and the window are)
    inside: dict[str, int] = {}
    count = lo = hi = 0
    for i, hit in enumerate(hits):
        if hit is None:
            continue
        new_lo = max(0, i - lead)
        new_hi = min(len(hits), new_lo + size)
        for h in hits[hi:new_hi] if new_hi > hi else ():
            if h is not None:
                inside[h] = inside.get(h, 0) + 1
                count += 1
        hi = max(hi, new_hi)
        for h in hits[lo:new_lo]:
            if h is not None:
                inside[h] -= 1
                count -= 1
                if not inside[h]:
                    del inside[h]
        lo = new_lo
        score = (len(inside), count)
        if score > best:
            first, best = lo, score
    last = min(len(tokens), first + size) - 1
    if last == len(tokens) - 1:  # near the end: show a full window anyway
        first = max(0, last - size + 1)

    pieces = [ellipsis] if first > 0 else []
    cursor = tokens[first].start()
    for i in range(first, last + 1):
        m = tokens[i]
        pieces.append(text[cursor:m.start()])
        pieces.append(f"{start}{m.group()}{end}" if hits[i] is not None else m.group())
        cursor = m.end()
    tail = text[cursor:tokens[last + 1].start()] if last + 1 < len(tokens) else text[cursor:]
    pieces.append(tail.rstrip() if last + 1 >= len(tokens) else _trailing_punct(tail))
    if last + 1 < len(tokens):
        pieces.append(ellipsis)
    return _SPACE.sub(" ", "".join(pieces)).strip()


def _trailing_punct(gap: str) -> str:
    """Keep punctuation right after the last word (up to the first space)."""
    return gap.split(None, 1)[0] if gap.strip() and not gap[0].isspace() else ""


def query_snippet(text: str | None, query: str | None, start: str = "<mark>",
                  end: str = "</mark>", ellipsis: str = "…", size: int = DEFAULT_WORDS) -> str:
    """`snippet()` for a query string (what the SQL function `id_snippet()` does)."""
    try:
        terms = parse_query(query or "").terms
    except QueryError:
        terms = ()
    return snippet(text, terms, start, end, ellipsis, size)
