"""The tree a search query is read into, and how it is read.

A query is tokenized, parsed by recursive descent into words and phrases (`Term`) under
groups (`AllOf`, `AnyOf`), and walked once more by a `Budget` that drops repeats and
what is over the limits below. `query.py` builds its FTS5 expressions from these trees,
one per stemmer language and one for the trigram index.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from .stem import DEFAULT_LANGUAGE, stem_words, words

#: "Language" of the terms searched by substring: the words as typed, folded, unstemmed.
SUBSTRING = "substring"

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


def short_prefixes(tokens: list[tuple[str, str]]) -> list[str]:
    """The words typed as a prefix (ending with *) with fewer than MIN_PREFIX letters."""
    short = []
    for kind, value in tokens:
        if kind == "word" and value.endswith("*"):
            last = words(value)[-1:]
            if last and len(last[0]) < MIN_PREFIX:
                short.append(value)
    return short


def limit_depth(tokens: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
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


class Parser:
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


class Budget:
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


def all_terms(node: Node) -> list[Term]:
    """Every term of a tree, excluded ones too."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, AnyOf):
        return [t for child in node.options for t in all_terms(child)]
    return [t for child in node.include + node.exclude for t in all_terms(child)]


def matches_text(node: Node, text: str) -> bool:
    """Whether `text` holds what the tree asks for, each term as a substring."""
    if isinstance(node, Term):
        return node.stems[0] in text
    if isinstance(node, AnyOf):
        return any(matches_text(o, text) for o in node.options)
    return all(matches_text(n, text) for n in node.include) and \
        not any(matches_text(n, text) for n in node.exclude)
