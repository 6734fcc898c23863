"""Search the archive: a stemmed FTS5 query, bm25-ranked, with highlighted snippets.

The query is parsed and stemmed in Python (`query.parse_query`) and matched against the
stemmed shadow columns; ranking is the FTS table's default rank (bm25 with the title
weighted over the description over the text, see `db.FTS_RANK`). The user's words only
ever reach SQLite as bound parameters: the FTS5 expression `parse_query` writes (every
term a quoted string) and the filter values.

The work is bounded: the query's limits (`query.MAX_TERMS` and friends), the connection
is `query_only` while the search runs, and SQLite is stopped by a progress handler when
the search takes longer than `timeout` seconds (`SearchTimeout`).
"""
from __future__ import annotations

import re
import sqlite3
import time
from datetime import date
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import sqlite_utils

from .query import Query, QueryError, parse_query, quoted_short
from .db import SUBSTRING_TEST, TRIGRAM
from .snippet import DEFAULT_WORDS, parsed_snippet

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

DEFAULT_LIMIT = 10

#: Seconds a search may run in SQLite before it is stopped (None: no limit).
DEFAULT_TIMEOUT = 10.0

#: SQLite virtual-machine steps between two looks at the clock.
PROGRESS_STEPS = 1000


class SearchTimeout(QueryError):
    """The search ran longer than its time limit and was stopped."""

    def __init__(self, text: str, timeout: float):
        super().__init__(
            f"The search for {quoted_short(text)} took longer than {timeout:g} s and was stopped; "
            "try fewer or more specific words, longer prefixes, or a longer --timeout.")
        self.timeout = timeout


@contextmanager
def bounded(conn: sqlite3.Connection, timeout: float | None):
    """Run statements on `conn` read-only (PRAGMA query_only) and, with a `timeout`,
    interrupted (sqlite3.OperationalError "interrupted") once it has passed."""
    was_query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    conn.execute("PRAGMA query_only = 1")
    if timeout is not None:
        deadline = time.monotonic() + timeout
        conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
    try:
        yield conn
    finally:
        conn.set_progress_handler(None, 0)
        if not was_query_only:
            conn.execute("PRAGMA query_only = 0")


@dataclass(frozen=True)
class Hit:
    """One search result, best first; `rank` is bm25 (lower is better).

    `cluster_id` is its near-duplicate cluster; with `collapse`, `copies` counts the
    other members of that cluster that matched the query too.
    """

    id: int
    title: str | None
    outlet: str
    published: str | None
    language: str | None
    url: str | None
    snippet: str
    rank: float
    cluster_id: int | None = None
    copies: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def check_date(value: str | None, name: str) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD; QueryError otherwise."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise QueryError(f"{name} must be a date like 2021, 2021-12 or 2021-12-31, not {value!r}")
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise QueryError(f"{name}: {value!r} is no date (a month is 01-12, a day one of that month's)") from None
    return value


def check_filters(db: sqlite_utils.Database, outlets: tuple[str, ...] = (), language: str | None = None) -> None:
    """QueryError when an outlet or the language asked for has no article in the archive
    (a typo would otherwise look like "nothing matches"); the message lists what there is."""
    for column, values, what in (("outlet", outlets, "from outlet"), ("language", (language,) if language else (), "in language")):
        for value in values:
            if not db.execute(f"SELECT 1 FROM articles WHERE [{column}] = ? LIMIT 1", [value]).fetchone():
                there = [row[0] for row in db.execute(
                    f"SELECT [{column}] FROM articles WHERE [{column}] IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 12")]
                listing = ", ".join(there) if there else "none"
                raise QueryError(f"the archive has no articles {what} {value!r} (it has: {listing})")


#: `sort` → ORDER BY of a search: best match first, or newest first (undated last).
ORDERS = {"rank": "{rank}", "date": "{published} IS NULL, {published} DESC, {rank}"}


def filter_sql(outlets: tuple[str, ...] = (), since: str | None = None, until: str | None = None,
               language: str | None = None) -> tuple[list[str], dict]:
    """WHERE terms on `articles` and their parameters for the filters of a search (and
    of `kliping export`). `since` and `until` are inclusive and compare with the start
    of `published` (until 2021-12 includes all of December 2021); articles without a
    date are left out when either is given."""
    since = check_date(since, "--since")
    until = check_date(until, "--until")
    where: list[str] = []
    params: dict = {}
    if outlets:
        names = [f":outlet{i}" for i in range(len(outlets))]
        where.append(f"articles.outlet IN ({', '.join(names)})")
        params.update({n[1:]: o for n, o in zip(names, outlets)})
    if since:
        where.append("articles.published >= :since")
        params["since"] = since
    if until:
        where.append("substr(articles.published, 1, :until_len) <= :until")
        params.update(until=until, until_len=len(until))
    if language:
        where.append("articles.language = :language")
        params["language"] = language
    return where, params


def hits_source(db: sqlite_utils.Database, parsed: Query, params: dict) -> tuple[str, str, str, list[str]]:
    """What a query matches, for a SELECT joining `articles`: the FROM source, its
    article id and rank columns, and the WHERE terms; the query's own parameters are
    added to `params`. Stemmed words through `articles_fts`; Japanese and Chinese
    articles by substring (through the trigram index, or for words under 3 characters
    by reading them)."""
    params["match"] = parsed.fts
    if parsed.substring_tree is None or not db.execute(f"SELECT 1 FROM [{TRIGRAM}] LIMIT 1").fetchone():
        return "articles_fts", "articles_fts.rowid", "articles_fts.rank", ["articles_fts MATCH :match"]
    if parsed.substring:
        substrings = f"SELECT rowid, rank FROM [{TRIGRAM}] WHERE [{TRIGRAM}] MATCH :substring"
        params["substring"] = parsed.substring
    else:
        substrings = (f"SELECT id, 0.0 FROM articles WHERE {SUBSTRING_TEST.format(row='')} AND "
                      "id_contains(coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || text, :query)")
        params["query"] = parsed.text
    source = f"""(
            SELECT rowid AS id, rank FROM articles_fts WHERE articles_fts MATCH :match
            UNION ALL {substrings}
        ) AS hits"""
    return source, "hits.id", "hits.rank", ["1"]


def search(db: sqlite_utils.Database, query: str | Query, *, outlets: tuple[str, ...] = (),
           since: str | None = None, until: str | None = None, language: str | None = None,
           limit: int = DEFAULT_LIMIT, mark: tuple[str, str] = ("<mark>", "</mark>"),
           snippet_words: int = DEFAULT_WORDS, collapse: bool = False,
           timeout: float | None = DEFAULT_TIMEOUT, offset: int = 0, sort: str = "rank") -> list[Hit]:
    """The best `limit` articles for `query` after the first `offset`, filtered (see
    `filter_sql`); QueryError for an unusable query. `sort` is "rank" (best first) or
    "date" (newest first).

    With `collapse`, only the best-ranked article of each near-duplicate cluster.
    SQLite is stopped after `timeout` seconds (None: no limit), raising `SearchTimeout`.
    """
    parsed = query if isinstance(query, Query) else parse_query(query)
    filters, filter_params = filter_sql(outlets, since, until, language)
    if limit < 1:
        raise QueryError("--limit must be at least 1")
    if offset < 0:
        raise QueryError("--offset must be 0 or more")
    if sort not in ORDERS:
        raise QueryError(f"--sort must be one of {', '.join(ORDERS)}, not {sort!r}")
    if timeout is not None and not timeout > 0:
        raise QueryError("--timeout must be more than 0 seconds")
    params: dict = {"limit": int(limit), "offset": int(offset), **filter_params}
    source, hit_id, hit_rank, where = hits_source(db, parsed, params)
    where += filters
    order = ORDERS[sort]
    sql = f"""
        SELECT articles.id, articles.title, articles.outlet, articles.published,
               articles.language, articles.url, articles.text, {hit_rank},
               articles.cluster_id, 0 AS copies
        FROM {source} JOIN articles ON articles.id = {hit_id}
        WHERE {' AND '.join(where)}
        ORDER BY {order.format(published="articles.published", rank=hit_rank)}
        LIMIT :limit OFFSET :offset
    """
    if collapse:
        sql = f"""
        SELECT id, title, outlet, published, language, url, text, rank, cluster_id, copies - 1
        FROM (
            SELECT articles.id, articles.title, articles.outlet, articles.published,
                   articles.language, articles.url, articles.text, {hit_rank} AS rank,
                   articles.cluster_id,
                   row_number() OVER family AS nth, count(*) OVER family AS copies
            FROM {source} JOIN articles ON articles.id = {hit_id}
            WHERE {' AND '.join(where)}
            WINDOW family AS (PARTITION BY coalesce(articles.cluster_id, -articles.id)
                              ORDER BY {hit_rank}
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        )
        WHERE nth = 1
        ORDER BY {order.format(published="published", rank="rank")}
        LIMIT :limit OFFSET :offset
    """
    try:
        with bounded(db.conn, timeout):
            rows = db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if str(exc) == "interrupted":
            raise SearchTimeout(parsed.text, timeout) from None
        if "fts5" in str(exc):  # a safety net: parse_query quotes every term
            raise QueryError(f"cannot search for {quoted_short(parsed.text)}: {exc}") from None
        raise
    start, end = mark
    return [
        Hit(id=row[0], title=row[1], outlet=row[2], published=row[3], language=row[4],
            url=row[5], snippet=parsed_snippet(row[6], parsed, row[4], start, end, size=snippet_words),
            rank=row[7], cluster_id=row[8], copies=row[9])
        for row in rows
    ]
