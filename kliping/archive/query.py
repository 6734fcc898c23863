"""Turn what a person types into a safe, stemmed FTS5 query.

The syntax is small and forgiving:

    sanksi jatuh            both words (AND)
    sanksi OR embargo       either
    "sanksi ekonomi"        a phrase
    sanksi -putin           exclude (also: sanksi NOT putin)
    sank*                   a prefix of the stem
    (sanksi OR embargo) rusia

Every word is folded and stemmed like the `*_stem` columns, stop words are dropped, and
each term is written as a quoted FTS5 string (quotes doubled), so no input can produce
an FTS5 syntax error or reach FTS5 as an operator: unbalanced quotes end at the end of
the query, unbalanced parentheses are closed or ignored, and stray operators are
ignored. FTS5's own NEAR, column filters (`title:`, `{a b}:`), `^` and `+` are not part
of this grammar: they are read as words or ignored. A query that is left with nothing to
search for raises `QueryError` with a message meant for the person who typed it.

The work a query can ask for is bounded (the limits are in query_tree.py): repeated terms count
once, words past `MAX_TERMS` are dropped, prefixes shorter than `MIN_PREFIX` or past
`MAX_PREFIXES` are searched as whole words, and parentheses nested deeper than
`MAX_DEPTH` are ignored (their words kept). Each adjustment adds a sentence to
`Query.notes`, which `kliping search` prints on stderr.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .query_tree import (MAX_DEPTH, MAX_PREFIXES, MAX_TERMS, MIN_PREFIX, SUBSTRING, Budget, Node, Parser,
                         QueryError, Term, all_terms, limit_depth, matches_text, positive_terms, render,
                         short_prefixes, tokenize)
from .stem import DEFAULT_LANGUAGE, STEMMERS, STOP_WORDS, SUBSTRING_LANGUAGES, fold, words

#: The columns stemmed queries run against (the stemmed shadows of the text columns).
STEM_COLUMNS = ("title_stem", "description_stem", "text_stem")

#: The FTS column holding each article's language: a stemmed query is matched against
#: the articles of the language it was stemmed for.
LANGUAGE_COLUMN = "language"
#: A term of the trigram (substring) index needs this many characters.
MIN_SUBSTRING = 3

#: An FTS5 expression that matches nothing, for callers that need a query either way.
MATCH_NOTHING = '""'

#: A query longer than this many characters is read up to here (64 words fit many times).
MAX_QUERY_CHARS = 2000


@dataclass(frozen=True)
class Query:
    """A parsed query: the text typed, its FTS5 expression and the terms to highlight.

    `fts` matches each article with the query stemmed in the article's language;
    `stemmed` holds that expression per stemmer language and `language_terms` the terms
    to highlight per language (`terms` are the Indonesian ones). `substring` is the
    expression for the trigram index of Japanese and Chinese articles (None when a term
    is shorter than MIN_SUBSTRING characters; `contains()` then tests an article's text
    in Python), `substrings` its terms.
    """

    text: str
    tree: Node
    fts: str
    terms: tuple[Term, ...]
    notes: tuple[str, ...] = ()
    stemmed: tuple[tuple[str, str], ...] = ()
    language_terms: tuple[tuple[str, tuple[Term, ...]], ...] = ()
    substring: str | None = None
    substrings: tuple[str, ...] = ()
    substring_tree: Node | None = None

    def contains(self, text: str | None) -> bool:
        """Whether `text` (lower case) holds the substring query (for the articles of
        SUBSTRING_LANGUAGES when the trigram index cannot be used)."""
        return self.substring_tree is not None and matches_text(self.substring_tree, (text or "").lower())

    def terms_for(self, language: str | None) -> tuple[Term, ...]:
        """The terms to highlight in an article of `language`."""
        return dict(self.language_terms).get(language, self.terms)


def parse_query(text: str, columns: tuple[str, ...] = STEM_COLUMNS) -> Query:
    """Parse `text` into a Query on the stemmed `columns`; QueryError if nothing is left.

    The limits (MAX_TERMS, MIN_PREFIX, MAX_PREFIXES, MAX_DEPTH) are applied; what they
    changed is said in `Query.notes`.
    """
    return _parse_query(text or "", tuple(columns or ()))


@lru_cache(maxsize=32)
def _parse_query(text: str, columns: tuple[str, ...]) -> Query:
    # cached: id_snippet() parses the same query once per result row
    cut = len(text) > MAX_QUERY_CHARS
    if cut:  # a person types far less; past this, reading it would only cost time
        text = (text[:MAX_QUERY_CHARS + 1].rsplit(None, 1) or [""])[0]  # no word cut in two
    tokens, flattened = limit_depth(tokenize(text))
    tree = Parser(tokens).parse()
    notes: list[str] = []
    if tree is not None:
        budget = Budget()
        tree = budget.walk(tree)
        short = short_prefixes(tokens)
        if short:
            notes.append(f"prefixes need at least {MIN_PREFIX} letters; searched as whole "
                         f"words: {_listing(short)}")
        if budget.as_words:
            notes.append(f"at most {MAX_PREFIXES} prefixes are searched; these were searched "
                         f"as whole words: {_listing(budget.as_words)}")
        if budget.dropped:
            notes.append(f"only the first {MAX_TERMS} words are searched; "
                         f"{budget.dropped} more were left out")
        if flattened:
            notes.append(f"parentheses nested deeper than {MAX_DEPTH} levels were ignored")
        if cut:
            notes.append(f"only the first {MAX_QUERY_CHARS:,} characters of the query are read")
    if tree is None:
        typed = [w for w in words(text) if w.lower() not in ("and", "or", "not")]
        if typed and all(fold(w) in STOP_WORDS for w in typed):
            raise QueryError(
                f"{quoted_short(text.strip())} has only common words (like 'yang', 'dan'), which are "
                "not indexed; add a more specific word.")
        raise QueryError("Nothing to search for: type one or more words, e.g. sanksi.")
    trees = {DEFAULT_LANGUAGE: tree}
    for language in STEMMERS:
        if language != DEFAULT_LANGUAGE:
            other = Parser(tokens, language).parse()
            trees[language] = Budget(language).walk(other) if other is not None else None
    stemmed = {lang: _scoped(render(t), columns) for lang, t in trees.items() if t is not None}
    substring_tree = Parser(tokens, SUBSTRING).parse()
    substring_tree = Budget(SUBSTRING).walk(substring_tree) if substring_tree is not None else None
    substrings = tuple(t.stems[0] for t in all_terms(substring_tree)) if substring_tree else ()
    usable = bool(substrings) and all(len(s) >= MIN_SUBSTRING for s in substrings)
    return Query(text=text, tree=tree, fts=_by_language(stemmed), terms=tuple(positive_terms(tree)),
                 notes=tuple(notes), stemmed=tuple(stemmed.items()),
                 language_terms=tuple((lang, tuple(positive_terms(t)))
                                      for lang, t in trees.items() if t is not None),
                 substring=render(substring_tree) if usable else None,
                 substrings=tuple(t.stems[0] for t in positive_terms(substring_tree)) if substrings else (),
                 substring_tree=substring_tree)


def _scoped(expr: str, columns: tuple[str, ...]) -> str:
    return "{" + " ".join(columns) + "} : (" + expr + ")" if columns else expr


def _by_language(stemmed: dict[str, str]) -> str:
    """One FTS5 expression: each language's expression for the articles of that language
    (the `language` column); the default one for every language without a stemmer but
    those searched by substring (SUBSTRING_LANGUAGES), which the trigram index answers.
    Languages whose expressions are the same share one."""
    groups: dict[str, list[str]] = {}
    for language, expr in stemmed.items():
        groups.setdefault(expr, []).append(language)
    parts = []
    for expr, languages in groups.items():
        if DEFAULT_LANGUAGE in languages:
            others = [lang for lang in STEMMERS if lang not in languages] + list(SUBSTRING_LANGUAGES)
            parts.append(f"(({expr}) NOT ({LANGUAGE_COLUMN} : ({_any_of(others)})))")
        else:
            parts.append(f"(({expr}) AND ({LANGUAGE_COLUMN} : ({_any_of(languages)})))")
    return " OR ".join(parts)


def _any_of(languages: list[str]) -> str:
    return " OR ".join(f'"{lang}"' for lang in languages)


def quoted_short(text: str, most: int = 60) -> str:
    """`text` quoted (repr: control characters escaped), cut after `most` characters."""
    return repr(text if len(text) <= most else text[:most] + "…")


def _listing(items: list[str], most: int = 5) -> str:
    shown = ", ".join(repr(i[:40]) for i in items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def match_expression(text: str | None) -> str:
    """The FTS5 expression for `text`, or one that matches nothing when it has no words.

    For SQL (the `id_match()` function), where an exception would surface as an opaque
    "user-defined function raised exception".
    """
    try:
        return parse_query(text or "").fts
    except QueryError:
        return MATCH_NOTHING


def substring_expression(text: str | None) -> str:
    """The trigram-index expression for `text`, or one that matches nothing (for SQL)."""
    try:
        return parse_query(text or "").substring or MATCH_NOTHING
    except QueryError:
        return MATCH_NOTHING
