"""SQL functions for stemmed search, registered on every archive connection.

    id_stem(text)                 stems of the words, stop words left out: 'jatuh sanksi'
    id_match(query)               a safe FTS5 expression on the stemmed columns for a
                                  query typed by a person ('""', matching nothing, when
                                  it has no searchable word)
    id_snippet(text, query[, start, end, ellipsis, words])
                                  words of text around the query's matches, marked

sqlite-utils and Datasette get them through `kliping.archive.plugin`.
"""
from __future__ import annotations

import sqlite3

from .query import match_expression
from .snippet import DEFAULT_WORDS, query_snippet
from .stem import stem_text


def id_stem(text):
    """SQL id_stem(text): the stemmed words of text; NULL for NULL."""
    return None if text is None else stem_text(str(text))


def id_match(query):
    """SQL id_match(query): the FTS5 expression for a typed query."""
    return match_expression(None if query is None else str(query))


def id_snippet(text, query, start="<mark>", end="</mark>", ellipsis="…", size=DEFAULT_WORDS):
    """SQL id_snippet(text, query, ...): a highlighted snippet of text; NULL for NULL."""
    if text is None:
        return None
    return query_snippet(str(text), None if query is None else str(query),
                         str(start), str(end), str(ellipsis), int(size or DEFAULT_WORDS))


def register_functions(conn: sqlite3.Connection) -> None:
    """Register id_stem, id_match and id_snippet on a sqlite3 connection."""
    conn.create_function("id_stem", 1, id_stem, deterministic=True)
    conn.create_function("id_match", 1, id_match, deterministic=True)
    for nargs in range(2, 7):
        conn.create_function("id_snippet", nargs, id_snippet, deterministic=True)
