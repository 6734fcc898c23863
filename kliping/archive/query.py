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

The work a query can ask for is bounded (see the limits below): repeated terms count
once, words past `MAX_TERMS` are dropped, prefixes shorter than `MIN_PREFIX` or past
`MAX_PREFIXES` are searched as whole words, and parentheses nested deeper than
`MAX_DEPTH` are ignored (their words kept). Each adjustment adds a sentence to
`Query.notes`, which `kliping search` prints on stderr.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Union

from .stem import DEFAULT_LANGUAGE, STEMMERS, STOP_WORDS, SUBSTRING_LANGUAGES, fold, stem_words, words

#: The columns stemmed queries run against (the stemmed shadows of the text columns).
STEM_COLUMNS = ("title_stem", "description_stem", "text_stem")

#: The FTS column holding each article's language: a stemmed query is matched against
#: the articles of the language it was stemmed for.
LANGUAGE_COLUMN = "language"
#: A term of the trigram (substring) index needs this many characters.
MIN_SUBSTRING = 3
#: "Language" of the terms searched by substring: the words as typed, folded, unstemmed.
SUBSTRING = "substring"

#: An FTS5 expression that matches nothing, for callers that need a query either way.
MATCH_NOTHING = '""'

_OPERATORS = ("AND", "OR", "NOT")

#: At most this many words are searched (each word of a phrase counts; a term repeated in
#: the same group counts once); the rest of the query is dropped, with a note.
MAX_TERMS = 64

#: A prefix (sank*) needs at least this many letters; a shorter one is searched as a word.
MIN_PREFIX = 3

#: At most this many prefixes per query; later ones are searched as whole words.
MAX_PREFIXES = 8

#: Parentheses nested deeper than this are ignored (the words inside are kept).
MAX_DEPTH = 8
#: A query longer than this many characters is read up to here (64 words fit many times).
MAX_QUERY_CHARS = 2000


class QueryError(ValueError):
    """A search query that cannot be run; the message says why, for the user."""


@dataclass(frozen=True)
class Term:
    """One word or phrase: its stems in order; `prefix` when the last one ends with *."""

    stems: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The term as a quoted FTS5 string (with * for a prefix)."""
        quoted = '"' + " ".join(self.stems).replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


@dataclass(frozen=True)
class AllOf:
    """Every one of `include` and none of `exclude`."""

    include: tuple["Node", ...]
    exclude: tuple["Node", ...] = ()


@dataclass(frozen=True)
class AnyOf:
    """At least one of `options`."""

    options: tuple["Node", ...]


Node = Union[Term, AllOf, AnyOf]


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
        return self.substring_tree is not None and _contains(self.substring_tree, (text or "").lower())

    def terms_for(self, language: str | None) -> tuple[Term, ...]:
        """The terms to highlight in an article of `language`."""
        return dict(self.language_terms).get(language, self.terms)


def tokenize(text: str) -> list[tuple[str, str]]:
    """Split a query into (kind, value) pairs: ( ) op neg phrase word."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append((ch, ch))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            out.append(("phrase", text[i + 1:end]))
            i = end + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"':
                j += 1
            chunk = text[i:j]
            i = j
            if chunk in _OPERATORS:
                out.append(("op", chunk))
                continue
            if chunk[0] in "-+":
                if chunk[0] == "-":
                    out.append(("neg", "-"))
                chunk = chunk.lstrip("-+")
            if chunk:
                out.append(("word", chunk))
    return out


def make_term(chunk: str, phrase: bool = False, language: str = DEFAULT_LANGUAGE) -> Term | None:
    """A Term from a word (a trailing * makes a prefix) or a quoted phrase; None if empty.

    A prefix shorter than MIN_PREFIX letters is stemmed and searched as a whole word.
    In `language` SUBSTRING the term is the text as typed, lower case (a prefix is a substring).
    """
    prefix = not phrase and chunk.endswith("*")
    tokens = list(words(chunk))
    if not tokens:
        return None
    if language == SUBSTRING:
        printable = "".join(ch if ch.isprintable() else " " for ch in chunk.rstrip("*"))
        # lower case only: the trigram index folds case, not diacritics (nor kana voicing)
        return Term((" ".join(printable.lower().split()),)) if printable.strip() else None
    if prefix and len(tokens[-1]) >= MIN_PREFIX:
        head = stem_words(tokens[:-1], language)
        return Term(tuple(head) + (tokens[-1],), prefix=True)
    stems = stem_words(tokens, language)
    return Term(tuple(stems)) if stems else None


def _short_prefixes(tokens: list[tuple[str, str]]) -> list[str]:
    """The words typed as a prefix (ending with *) with fewer than MIN_PREFIX letters."""
    short = []
    for kind, value in tokens:
        if kind == "word" and value.endswith("*"):
            last = words(value)[-1:]
            if last and len(last[0]) < MIN_PREFIX:
                short.append(value)
    return short


def _limit_depth(tokens: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
    """Drop parentheses nested deeper than MAX_DEPTH (and their closing ones)."""
    out: list[tuple[str, str]] = []
    depth = extra = 0
    for tok in tokens:
        if tok[0] == "(":
            if depth >= MAX_DEPTH:
                extra += 1
                continue
            depth += 1
        elif tok[0] == ")":
            if extra:
                extra -= 1
                continue
            depth = max(0, depth - 1)
        out.append(tok)
    return out, len(out) != len(tokens)


class _Parser:
    """Recursive descent over tokens: any := all (OR all)*; all := unit+; unit := [-|NOT] atom."""

    def __init__(self, tokens: list[tuple[str, str]], language: str = DEFAULT_LANGUAGE):
        self.tokens = tokens
        self.language = language
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Node | None:
        parts = []
        while self.peek() is not None:
            node = self.parse_any()
            if node is not None:
                parts.append(node)
            if self.peek() is not None and self.peek()[0] == ")":
                self.pos += 1  # a stray ")" at the top level is ignored
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def parse_any(self) -> Node | None:
        options = [self.parse_all()]
        while self.peek() == ("op", "OR"):
            self.pos += 1
            options.append(self.parse_all())
        return _any([o for o in options if o is not None])

    def parse_all(self) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while (tok := self.peek()) is not None and tok[0] != ")" and tok != ("op", "OR"):
            if tok in (("op", "NOT"), ("neg", "-")):
                self.pos += 1
                node = self.parse_atom()
                if node is not None:
                    exclude.append(node)
            elif tok == ("op", "AND"):
                self.pos += 1
            else:
                node = self.parse_atom()
                if node is not None:
                    include.append(node)
        if exclude and not include:
            raise QueryError(
                "Excluded words (-word or NOT word) need a word to search for as well, "
                "for example: sanksi -putin")
        if not include:
            return None
        if len(include) == 1 and not exclude:
            return include[0]
        return AllOf(tuple(include), tuple(exclude))

    def parse_atom(self) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        kind, value = tok
        self.pos += 1
        if kind == "(":
            node = self.parse_any()
            if self.peek() is not None and self.peek()[0] == ")":
                self.pos += 1  # an unclosed "(" closes at the end of the query
            return node
        if kind == "phrase":
            return make_term(value, phrase=True, language=self.language)
        if kind == "word":
            return make_term(value, language=self.language)
        return None  # an operator where a word belongs: ignored


def _any(options: list[Node]) -> Node | None:
    if not options:
        return None
    return options[0] if len(options) == 1 else AnyOf(tuple(options))


def _unique(nodes) -> list[Node]:
    """`nodes` without Nones and repeats (in a group, a repeated term changes nothing)."""
    return list(dict.fromkeys(n for n in nodes if n is not None))


class _Budget:
    """What is left of MAX_TERMS and MAX_PREFIXES while a tree is walked in order."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        self.terms = MAX_TERMS
        self.prefixes = MAX_PREFIXES
        self.dropped = 0
        self.as_words: list[str] = []

    def term(self, term: Term) -> Term | None:
        if term.prefix:
            if self.prefixes > 0:
                self.prefixes -= 1
            else:
                self.as_words.append(term.stems[-1] + "*")
                stems = tuple(term.stems[:-1]) + tuple(stem_words(term.stems[-1:], self.language))
                if not stems:
                    return None
                term = Term(stems)
        n = len(term.stems)
        if n > self.terms:
            self.dropped += n - self.terms
            if self.terms == 0:
                return None
            term = Term(term.stems[:self.terms])  # a cut phrase; a cut prefix is a word
        self.terms -= len(term.stems)
        return term

    def walk(self, node: Node) -> Node | None:
        """`node` with repeats removed and what is over the budget dropped."""
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, AnyOf):
            return _any(_unique(self.walk(o) for o in _unique(node.options)))
        include = _unique(self.walk(n) for n in _unique(node.include))
        if not include:
            return None
        exclude = _unique(self.walk(n) for n in _unique(node.exclude))
        if len(include) == 1 and not exclude:
            return include[0]
        return AllOf(tuple(include), tuple(exclude))


def render(node: Node) -> str:
    """The FTS5 expression for a tree, fully parenthesised."""
    if isinstance(node, Term):
        return node.fts()
    if isinstance(node, AnyOf):
        return " OR ".join(f"({render(o)})" for o in node.options)
    expr = " AND ".join(f"({render(n)})" for n in node.include)
    if node.exclude:
        expr = f"({expr}) NOT (" + " OR ".join(f"({render(n)})" for n in node.exclude) + ")"
    return expr


def positive_terms(node: Node) -> list[Term]:
    """The terms a match contains (not the excluded ones), for highlighting."""
    if isinstance(node, Term):
        return [node]
    children = node.options if isinstance(node, AnyOf) else node.include
    return [t for child in children for t in positive_terms(child)]


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
    tokens, flattened = _limit_depth(tokenize(text))
    tree = _Parser(tokens).parse()
    notes: list[str] = []
    if tree is not None:
        budget = _Budget()
        tree = budget.walk(tree)
        short = _short_prefixes(tokens)
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
            other = _Parser(tokens, language).parse()
            trees[language] = _Budget(language).walk(other) if other is not None else None
    stemmed = {lang: _scoped(render(t), columns) for lang, t in trees.items() if t is not None}
    substring_tree = _Parser(tokens, SUBSTRING).parse()
    substring_tree = _Budget(SUBSTRING).walk(substring_tree) if substring_tree is not None else None
    substrings = tuple(t.stems[0] for t in all_terms(substring_tree)) if substring_tree else ()
    usable = bool(substrings) and all(len(s) >= MIN_SUBSTRING for s in substrings)
    return Query(text=text, tree=tree, fts=_by_language(stemmed), terms=tuple(positive_terms(tree)),
                 notes=tuple(notes), stemmed=tuple(stemmed.items()),
                 language_terms=tuple((lang, tuple(positive_terms(t)))
                                      for lang, t in trees.items() if t is not None),
                 substring=render(substring_tree) if usable else None,
                 substrings=tuple(t.stems[0] for t in positive_terms(substring_tree)) if substrings else (),
                 substring_tree=substring_tree)


def _contains(node: Node, text: str) -> bool:
    if isinstance(node, Term):
        return node.stems[0] in text
    if isinstance(node, AnyOf):
        return any(_contains(o, text) for o in node.options)
    return all(_contains(n, text) for n in node.include) and \
        not any(_contains(n, text) for n in node.exclude)


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


def all_terms(node: Node) -> list[Term]:
    """Every term of a tree, excluded ones too."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, AnyOf):
        return [t for child in node.options for t in all_terms(child)]
    return [t for child in node.include + node.exclude for t in all_terms(child)]


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
