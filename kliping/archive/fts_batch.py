"""Index an ingest's batch of articles in one statement instead of one trigger per row.

FTS5's insert trigger indexes each article on its own; measured here, that costs twice
what one `INSERT INTO articles_fts … SELECT … FROM articles` per batch does (FTS5
flushes its pending terms at every statement savepoint, which a trigger opens). An
ingest therefore puts a row in `fts_deferred` when its transaction starts — the
narrowed triggers (`db.FTS_TRIGGER_SQL`) then stand aside — notes the articles it
inserts or rewrites, indexes them all before the commit and empties `fts_deferred`
again. It is one transaction: other connections never see the row, and a run killed
before the commit leaves neither articles nor index entries behind.
"""
from __future__ import annotations

import json
import sqlite3

from .db import (FTS_COLUMN_LIST, FTS_DEFERRED, SUBSTRING_TEST, TRIGRAM, TRIGRAM_COLUMN_LIST,
                 utc_now)

_INDEX = (f"INSERT INTO [articles_fts] (rowid, {FTS_COLUMN_LIST}) SELECT [id], {FTS_COLUMN_LIST} "
          "FROM [articles] WHERE [id] IN (SELECT value FROM json_each(?)) ORDER BY [id]")
_UNINDEX = (f"INSERT INTO [articles_fts] ([articles_fts], rowid, {FTS_COLUMN_LIST}) "
            f"SELECT 'delete', [id], {FTS_COLUMN_LIST} FROM [articles] WHERE [id] = ?")
#: The same for the trigram index (Japanese and Chinese articles only).
_SUBSTRINGS = SUBSTRING_TEST.format(row="")
_TRI_INDEX = (f"INSERT INTO [{TRIGRAM}] (rowid, {TRIGRAM_COLUMN_LIST}) SELECT [id], {TRIGRAM_COLUMN_LIST} "
              "FROM [articles] WHERE [id] IN (SELECT value FROM json_each(?)) "
              f"AND {_SUBSTRINGS} ORDER BY [id]")
_TRI_UNINDEX = (f"INSERT INTO [{TRIGRAM}] ([{TRIGRAM}], rowid, {TRIGRAM_COLUMN_LIST}) "
                f"SELECT 'delete', [id], {TRIGRAM_COLUMN_LIST} FROM [articles] WHERE [id] = ? AND {_SUBSTRINGS}")


class BatchIndex:
    """The FTS work of one ingest transaction, done in one statement at its end.

    Outside `begin()` … `end()` it does nothing and the triggers index as usual.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.active = False
        self.ids: set[int] = set()

    def begin(self) -> None:
        """Stand the triggers aside for the rest of this transaction."""
        self.conn.execute(f"INSERT INTO [{FTS_DEFERRED}] (since) VALUES (?)", [utc_now()])
        self.active = True
        self.ids = set()

    def inserted(self, article_id: int) -> None:
        """A new article row: index it at the end."""
        if self.active:
            self.ids.add(article_id)

    def rewriting(self, article_id: int) -> None:
        """Call *before* an update of the article's indexed columns: its old terms
        leave the index now (unless it waits to be indexed), its new ones at the end."""
        if self.active and article_id not in self.ids:
            self.conn.execute(_UNINDEX, [article_id])
            self.conn.execute(_TRI_UNINDEX, [article_id])
            self.ids.add(article_id)

    def end(self) -> None:
        """Index the batch and let the triggers work again (still before the commit)."""
        if not self.active:
            return
        if self.ids:
            ids = json.dumps(sorted(self.ids))
            self.conn.execute(_INDEX, [ids])
            self.conn.execute(_TRI_INDEX, [ids])
        self.conn.execute(f"DELETE FROM [{FTS_DEFERRED}]")
        self.active = False
        self.ids = set()
