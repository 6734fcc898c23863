"""The LSH band and paragraph-hash tables, written in sorted runs.

Band keys and paragraph hashes are random numbers. Inserted one at a time into tables
larger than the page cache, every row lands on a page of its own, and the cost per
article grows with the archive. So new rows go first to a *pending run*: TEMP tables
of this connection, small and in memory. Lookups read the stored table and the run.
When the run holds `FLUSH_SHARE` of the articles indexed so far (at least
`FLUSH_MIN`), and at the end of every ingest, it is merged into the stored tables in
key order — each stored page is then written at most once per flush, and as flushes
come at a fixed share of the archive, the pages written per article stay constant.

Nothing is lost when a run dies before its flush: an article's `signatures` row (with
its MinHash) is committed with the article and `indexed = 0` until its rows are
merged; opening the index puts every such article back in the pending run (band keys
from the stored MinHash, paragraph hashes from the stored text). A flush and the
marking of its articles are one transaction.
"""
from __future__ import annotations

from typing import Iterable

import sqlite_utils

#: Article ids read per band key from each table (the earliest stored first): bounds a
#: lookup when many articles share a band (a cluster of many copies, boilerplate texts).
PER_BAND = 8
#: The pending run is merged into the stored tables when it holds this share of the
#: articles indexed so far (fewer, larger flushes: fewer page writes, more memory) …
FLUSH_SHARE = 0.1
#: … or this many articles, whichever is more.
FLUSH_MIN = 1000
#: Page cache of the TEMP tables (KiB): the pending run of a 1M-article archive
#: (100k articles, ~4M rows) fits; beyond it SQLite spills to a temporary file.
TEMP_CACHE_KIB = 256 * 1024

PENDING_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS pending_articles (article_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS pending_bands (
    band_key INTEGER NOT NULL, article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS pending_paragraphs (
    hash INTEGER NOT NULL, article_id INTEGER NOT NULL, start INTEGER NOT NULL, length INTEGER NOT NULL,
    PRIMARY KEY (hash, article_id, start)) WITHOUT ROWID;
"""


def lookup_sql(bands: int) -> str:
    """Ids sharing band keys ?1..?bands with a signature, most shared first, at most ?bands+1."""
    per_band = " UNION ALL ".join(
        f"SELECT article_id FROM (SELECT article_id FROM {table} WHERE band_key = ?{i} LIMIT {PER_BAND})"
        for i in range(1, bands + 1) for table in ("signature_bands", "temp.pending_bands"))
    return (f"SELECT article_id, count(*) AS hits FROM ({per_band}) "
            f"GROUP BY article_id ORDER BY hits DESC, article_id LIMIT ?{bands + 1}")


class BandIndex:
    """The band and paragraph rows of one connection: stored tables plus a pending run."""

    def __init__(self, db: sqlite_utils.Database):
        self.conn = db.conn
        self.conn.execute(f"PRAGMA temp.cache_size = -{TEMP_CACHE_KIB}")
        for statement in PENDING_TABLES.split(";"):
            if statement.strip():
                self.conn.execute(statement)
        self.pending = self.conn.execute("SELECT count(*) FROM temp.pending_articles").fetchone()[0]
        self.indexed = self.conn.execute("SELECT coalesce(max(article_id), 0) FROM signatures").fetchone()[0]

    def unindexed(self) -> list[tuple[int, int, bytes, str | None]]:
        """(id, shingle count, MinHash bytes, text) of signed articles not yet merged
        and not in this connection's pending run."""
        return self.conn.execute(
            "SELECT s.article_id, s.shingles, s.minhash, a.text FROM signatures AS s "
            "JOIN articles AS a ON a.id = s.article_id WHERE s.indexed = 0 "
            "AND s.article_id NOT IN (SELECT article_id FROM temp.pending_articles) "
            "ORDER BY s.article_id").fetchall()

    def add(self, article_id: int, keys: Iterable[int], paragraphs: Iterable[tuple[int, int, int]]) -> None:
        """Put an article's band keys and (hash, start, length) paragraph spans in the
        pending run; its `signatures` row must say `indexed = 0`."""
        conn = self.conn
        conn.execute("INSERT OR IGNORE INTO temp.pending_articles (article_id) VALUES (?)", [article_id])
        conn.executemany("INSERT OR IGNORE INTO temp.pending_bands (band_key, article_id) VALUES (?, ?)",
                         [(key, article_id) for key in keys])
        conn.executemany("INSERT OR IGNORE INTO temp.pending_paragraphs (hash, article_id, start, length) "
                         "VALUES (?, ?, ?, ?)", [(h, article_id, s, n) for h, s, n in paragraphs])
        self.pending += 1

    def due(self) -> bool:
        """Whether the pending run is large enough to merge."""
        return self.pending >= max(FLUSH_MIN, FLUSH_SHARE * self.indexed)

    def remove(self, article_id: int, keys: Iterable[int], hashes: Iterable[int]) -> None:
        """Remove an article's band keys and paragraph hashes, stored or pending."""
        conn = self.conn
        for table in ("signature_bands", "temp.pending_bands"):
            conn.executemany(f"DELETE FROM {table} WHERE band_key = ? AND article_id = ?",
                             [(key, article_id) for key in keys])
        for table in ("paragraphs", "temp.pending_paragraphs"):
            conn.executemany(f"DELETE FROM {table} WHERE hash = ? AND article_id = ?",
                             [(h, article_id) for h in hashes])
        if conn.execute("DELETE FROM temp.pending_articles WHERE article_id = ?", [article_id]).rowcount:
            self.pending -= 1

    def flush(self) -> None:
        """Merge the pending run into the stored tables in key order and mark its
        articles indexed (inside the caller's transaction)."""
        conn = self.conn
        conn.execute("INSERT OR IGNORE INTO signature_bands (band_key, article_id) "
                     "SELECT band_key, article_id FROM temp.pending_bands ORDER BY band_key, article_id")
        conn.execute("INSERT OR IGNORE INTO paragraphs (hash, article_id, start, length) "
                     "SELECT hash, article_id, start, length FROM temp.pending_paragraphs "
                     "ORDER BY hash, article_id, start")
        conn.execute("UPDATE signatures SET indexed = 1 WHERE article_id IN "
                     "(SELECT article_id FROM temp.pending_articles)")
        self._empty_pending()
        self.indexed = max(self.indexed, conn.execute(
            "SELECT coalesce(max(article_id), 0) FROM signatures").fetchone()[0])

    def clear(self) -> None:
        """Forget the pending run (after the stored tables were emptied)."""
        self._empty_pending()
        self.indexed = 0

    def _empty_pending(self) -> None:
        for table in ("pending_bands", "pending_paragraphs", "pending_articles"):
            self.conn.execute(f"DELETE FROM temp.{table}")
        self.pending = 0
