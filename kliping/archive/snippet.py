"""Highlighted snippets of the original text around the words a stemmed query matched.

FTS5's own `snippet()` can only mark tokens of the column it is given; the matches of a
stemmed query are in the `*_stem` columns, whose text is stems, not what the outlet
wrote. So the snippet is made here: every word of the original text whose stem matches
a query term is marked, in the window of words with the most distinct matches. Words
are stemmed in the article's language; in Japanese and Chinese, written without spaces,
the substrings the trigram index matched are marked instead (`substring_snippet`).
"""
from __future__ import annotations

import re

from .query import Query, QueryError, Term, parse_query
from .stem import SUBSTRING_LANGUAGES, TOKEN, fold, stem_language, stem_words, stop_words

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
            end: str = "</mark>", ellipsis: str = "…", size: int = DEFAULT_WORDS,
            language: str | None = None) -> str:
    """About `size` words of `text` around the best cluster of `terms`, matches marked
    (words stemmed in `language`, by default Indonesian).

    Whitespace (paragraph breaks too) is shown as single spaces. Without a match, the
    beginning of the text is shown.
    """
    text = text or ""
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return _SPACE.sub(" ", text).strip()
    size = max(1, int(size))
    folded = [fold(m.group()) for m in tokens]
    stop = stop_words(language)
    content = [i for i, w in enumerate(folded) if w not in stop]
    stemmed: list[str | None] = [None] * len(tokens)
    for i, stem in zip(content, stem_words((folded[i] for i in content), language)):
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


def substring_snippet(text: str | None, needles: tuple[str, ...], start: str = "<mark>",
                      end: str = "</mark>", ellipsis: str = "…", size: int = DEFAULT_WORDS) -> str:
    """About 3 x `size` characters of `text` from just before the first of `needles`
    (case folded), every occurrence in it marked: a snippet of Japanese or Chinese."""
    text = _SPACE.sub(" ", text or "").strip()
    width = 3 * max(1, int(size))
    pattern = re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)),
                         re.IGNORECASE) if needles else None
    first = pattern.search(text) if pattern else None
    lo = max(0, first.start() - width // 6) if first else 0
    hi = min(len(text), lo + width)
    window = text[lo:hi]
    if pattern:
        window = pattern.sub(lambda m: f"{start}{m.group()}{end}", window)
    return (ellipsis if lo > 0 else "") + window + (ellipsis if hi < len(text) else "")


def query_snippet(text: str | None, query: str | None, start: str = "<mark>",
                  end: str = "</mark>", ellipsis: str = "…", size: int = DEFAULT_WORDS,
                  language: str | None = None) -> str:
    """`snippet()` for a query string and an article's language (what the SQL function
    `id_snippet()` does)."""
    try:
        parsed = parse_query(query or "")
    except QueryError:
        return snippet(text, (), start, end, ellipsis, size, language)
    return parsed_snippet(text, parsed, language, start, end, ellipsis, size)


def parsed_snippet(text: str | None, parsed: Query, language: str | None, start: str = "<mark>",
                   end: str = "</mark>", ellipsis: str = "…", size: int = DEFAULT_WORDS) -> str:
    """The snippet of an article of `language` for a parsed query."""
    if language in SUBSTRING_LANGUAGES and parsed.substrings:
        return substring_snippet(text, parsed.substrings, start, end, ellipsis, size)
    language = stem_language(language)
    return snippet(text, parsed.terms_for(language), start, end, ellipsis, size, language)
