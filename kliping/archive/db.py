"""The archive database: one SQLite file, its schema and its migrations.

Two tables (see docs/archive.md):

* `raw` — every input as received, its sha256, where it came from and whether it could
  be cleaned (`status` "ok" or "failed", with `error`).
* `articles` — one row per article (natural key `key`: the canonical URL when known,
  else "sha256:" + content hash), with stemmed shadow columns `*_stem`.

`articles_fts` is an FTS5 index (external content, tokenizer `unicode61
remove_diacritics 2`) over the text columns and their stemmed shadows, kept in sync by
the triggers sqlite-utils creates, with bm25 column weights as its default rank.
Everything is plain SQLite: sqlite-utils, Datasette and the sqlite3 shell open it as is.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .functions import register_functions

#: Bumped with every change of the schema; stored as PRAGMA user_version.
SCHEMA_VERSION = 1

TEXT_COLUMNS = ("title", "description", "text")
#: Text column -> its stemmed shadow column.
STEMMED = {"title": "title_stem", "description": "description_stem", "text": "text_stem"}
FTS_COLUMNS = list(TEXT_COLUMNS) + [STEMMED[c] for c in TEXT_COLUMNS]
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
#: Default FTS5 rank: bm25 with the title weighted over the description over the text
#: (one weight per FTS column, in FTS_COLUMNS order).
FTS_RANK = "bm25(10.0, 3.0, 1.0, 10.0, 3.0, 1.0)"
FTS_TRIGGERS = ("articles_ai", "articles_ad", "articles_au")

RAW_COLUMNS = {
    "id": int,
    "sha256": str,
    "source": str,
    "url": str,
    "fetched_at": str,
    "received_at": str,
    "content_type": str,
    "encoding": str,
    "size": int,
    "text": str,
    "data": bytes,
    "status": str,
    "error": str,
    "article_id": int,
}

ARTICLE_COLUMNS = {
    "id": int,
    "key": str,
    "url": str,
    "outlet": str,
    "title": str,
    "description": str,
    "text": str,
    "published": str,
    "published_month": str,
    "dateline": str,
    "author": str,
    "editor": str,
    "language": str,
    "related": str,
    "captions": str,
    "source": str,
    "content_hash": str,
    "raw_id": int,
    "ingested_at": str,
    "updated_at": str,
    "title_stem": str,
    "description_stem": str,
    "text_stem": str,
}


class ArchiveError(Exception):
    """The archive file is missing or cannot be used."""


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def open_archive(path: str | Path, create: bool = True) -> sqlite_utils.Database:
    """Open (and when `create`, create) the archive at `path`, schema up to date.

    The file is put in WAL mode; the id_* SQL functions are registered.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise ArchiveError(f"no archive at {path}: create one with `kliping ingest PATH --db {path}`")
    try:
        db = sqlite_utils.Database(path)
        register_functions(db.conn)
        if db.journal_mode != "wal":
            db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
        ensure_fts(db)
    except Exception as exc:
        if isinstance(exc, ArchiveError):
            raise
        raise ArchiveError(f"{path}: cannot open as a kliping archive: {exc}") from exc
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version stored in the file (0 for a new file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> None:
    """Bring the schema up to SCHEMA_VERSION, one step at a time."""
    version = schema_version(db)
    if version == 0 and db.table_names() and not db["articles"].exists():
        raise ArchiveError("an SQLite database, but not a kliping archive (it has other tables)")
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            f"the archive has schema version {version}, newer than this kliping "
            f"({SCHEMA_VERSION}); upgrade kliping")
    for step in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step}")


def create_v1(db: sqlite_utils.Database) -> None:
    """Version 1: raw, articles, their indexes and the FTS index."""
    db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"key", "outlet", "content_hash"})
    db["raw"].create(RAW_COLUMNS, pk="id", not_null={"source", "received_at", "status"},
                     foreign_keys=[("article_id", "articles", "id")])
    db["articles"].add_foreign_key("raw_id", "raw", "id")
    db["raw"].create_index(["sha256"], unique=True)
    db["raw"].create_index(["source"])
    db["raw"].create_index(["article_id"])
    db["articles"].create_index(["key"], unique=True)
    for column in ("outlet", "published", "published_month", "language", "raw_id"):
        db["articles"].create_index([column])
    create_fts(db)


MIGRATIONS = {1: create_v1}


def create_fts(db: sqlite_utils.Database) -> None:
    """(Re)create the FTS index with its triggers and rank, and fill it."""
    articles = db["articles"]
    articles.enable_fts(FTS_COLUMNS, fts_version="FTS5", tokenize=FTS_TOKENIZE,
                        create_triggers=True, replace=True)
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', ?)", [FTS_RANK])
    articles.rebuild_fts()


def ensure_fts(db: sqlite_utils.Database) -> None:
    """Recreate the FTS index if its table or triggers are gone.

    `table.transform()` (sqlite-utils, also `sqlite-utils transform`) drops the triggers
    that keep `articles_fts` in sync; this puts them back and reindexes.
    """
    names = {t.name for t in db["articles"].triggers}
    if db["articles_fts"].exists() and all(t in names for t in FTS_TRIGGERS):
        return
    with db.atomic():
        create_fts(db)
