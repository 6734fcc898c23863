"""SQL functions for stemmed search, registered on every archive connection.

    id_stem(text[, language])     stems of the words, stop words left out: 'jatuh sanksi'
                                  (language en or fr: that language's stemmer)
    id_match(query)               a safe FTS5 expression on the stemmed columns for a
                                  query typed by a person ('""', matching nothing, when
                                  it has no searchable word), each article matched with
                                  the query stemmed in its language
    id_substring(query)           the same for the trigram index `articles_trigram`
                                  (Japanese and Chinese; '""' when a word is shorter
                                  than 3 characters)
    id_contains(text, query)      1 when text holds the query as substrings (what the
                                  trigram index cannot answer: words of 1 or 2 characters)
    id_snippet(text, query[, start, end, ellipsis, words, language])
                                  words of text around the query's matches, marked
                                  (NULL for an argument: its default)

sqlite-utils and Datasette get them through `kliping.archive.plugin`.

id_match() and id_snippet() never raise, whatever they are given (an exception in an SQL
function fails the whole statement, and in Datasette shows an error page): a query that
cannot be used matches nothing, a bad snippet argument falls back to its default. The
query's limits (`query.MAX_TERMS` …) apply to both.
"""
from __future__ import annotations

import logging
import sqlite3

from .query import MATCH_NOTHING, QueryError, match_expression, parse_query, substring_expression
from .snippet import DEFAULT_WORDS, query_snippet
from .stem import stem_text


def id_stem(text, language=None):
    """SQL id_stem(text[, language]): the stemmed words of text; NULL for NULL."""
    return None if text is None else stem_text(str(text), _text(language))


log = logging.getLogger(__name__)

#: id_snippet() shows at most this many words, from at most this many characters of
#: the text (an article is far shorter): an SQL function cannot be interrupted by
#: Datasette's time limit, so it bounds its own work.
MAX_SNIPPET_WORDS = 200
MAX_SNIPPET_TEXT = 200_000


def _text(value) -> str | None:
    """An SQL value as text (a BLOB decoded as UTF-8 with replacement)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _or(value, default: str) -> str:
    """An SQL text argument; NULL for its default."""
    return default if value is None else _text(value)


def id_match(query):
    """SQL id_match(query): the FTS5 expression for a typed query; never raises."""
    try:
        return match_expression(_text(query))
    except Exception:  # a bug, not the input: match nothing rather than fail the page
        log.exception("id_match(%.80r) failed", query)
        return MATCH_NOTHING


def id_substring(query):
    """SQL id_substring(query): the trigram-index expression for a typed query; never raises."""
    try:
        return substring_expression(_text(query))
    except Exception:  # a bug, not the input
        log.exception("id_substring(%.80r) failed", query)
        return MATCH_NOTHING


def id_contains(text, query):
    """SQL id_contains(text, query): 1 or 0; never raises."""
    try:
        return int(parse_query(_text(query) or "").contains(_text(text)[:MAX_SNIPPET_TEXT] if text else ""))
    except QueryError:
        return 0
    except Exception:  # a bug, not the input
        log.exception("id_contains(…, %.80r) failed", query)
        return 0


def id_snippet(text, query, start="<mark>", end="</mark>", ellipsis="…", size=DEFAULT_WORDS,
               language=None):
    """SQL id_snippet(text, query, ...): a highlighted snippet of text; NULL for NULL."""
    if text is None:
        return None
    try:
        size = min(int(size), MAX_SNIPPET_WORDS) if size else DEFAULT_WORDS
    except (TypeError, ValueError, OverflowError):
        size = DEFAULT_WORDS
    text = _text(text)[:MAX_SNIPPET_TEXT]
    try:
        return query_snippet(text, _text(query), _or(start, "<mark>"), _or(end, "</mark>"),
                             _or(ellipsis, "…"), size, _text(language))
    except Exception:  # a bug, not the input: the text unmarked rather than an error page
        log.exception("id_snippet(…, %.80r) failed", query)
        return query_snippet(text, None, "", "", "…", DEFAULT_WORDS)


def register_functions(conn: sqlite3.Connection) -> None:
    """Register id_stem, id_match, id_substring and id_snippet on a sqlite3 connection."""
    conn.create_function("id_stem", 1, id_stem, deterministic=True)
    conn.create_function("id_stem", 2, id_stem, deterministic=True)
    conn.create_function("id_match", 1, id_match, deterministic=True)
    conn.create_function("id_substring", 1, id_substring, deterministic=True)
    conn.create_function("id_contains", 2, id_contains, deterministic=True)
    for nargs in range(2, 8):
        conn.create_function("id_snippet", nargs, id_snippet, deterministic=True)
