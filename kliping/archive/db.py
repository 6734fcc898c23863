"""The archive database: one SQLite file, its schema and its migrations.

Tables (see docs/archive.md):

* `raw` — every input as received, its sha256, where it came from and whether it could
  be cleaned (`status` "ok", "failed" with `error`, or "duplicate").
* `articles` — one row per article (natural key `key`: the canonical URL when known,
  else "sha256:" + content hash), with stemmed shadow columns `*_stem` and the
  near-duplicate cluster it belongs to (`cluster_id`).
* `signatures`, `signature_bands`, `paragraphs`, `signature_params` — MinHash
  signatures, their LSH band keys (WITHOUT ROWID, keyed by band key), paragraph hashes,
  and the parameters the signatures were made with; views `duplicates`, `clusters`
  and `shared_paragraphs` read them (see `dedup.py`).

`articles_fts` is an FTS5 index (external content, tokenizer `unicode61
remove_diacritics 2`) over the title and description as written, the stemmed shadows
of title, description and text (every kliping search runs on the stems; each article is
stemmed in its language, see stem.py) and the language (a query stemmed in English is
matched against English articles), kept in sync by triggers, with bm25 column weights as
its default rank. `articles_trigram` (FTS5 `trigram` tokenizer, contentless) indexes the
title, description and text of Japanese and Chinese articles, which have no spaces
between words, so that any substring of 3 characters or more finds them. While `fts_deferred` has a row
— only inside a kliping ingest transaction, emptied before it commits — the insert and
update triggers leave the index to the ingest, which indexes its batch in one
statement (`fts_batch.py`).
Everything is plain SQLite: sqlite-utils, Datasette and the sqlite3 shell open it as is.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .errors import ArchiveError
from .functions import register_functions
from .stem import STEMMERS, SUBSTRING_LANGUAGES

#: Bumped with every change of the schema; stored as PRAGMA user_version.
SCHEMA_VERSION = 7

TEXT_COLUMNS = ("title", "description", "text")
#: Text column -> its stemmed shadow column.
STEMMED = {"title": "title_stem", "description": "description_stem", "text": "text_stem"}
#: The indexed columns: headline and description also as written (for plain
#: `sqlite-utils search` and Datasette's `_search`, which match words as typed), the body
#: by its stems only — every kliping search (CLI, canned query, `id_match()`) runs on the
#: stems, and indexing the body's words twice cost 30% of an ingest.
FTS_COLUMNS = ["title", "description"] + [STEMMED[c] for c in TEXT_COLUMNS] + ["language"]
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
#: Default FTS5 rank: bm25 with the title weighted over the description over the text
#: (one weight per FTS column, in FTS_COLUMNS order; the language does not count).
FTS_RANK = "bm25(10.0, 3.0, 10.0, 3.0, 1.0, 0.0)"
FTS_TRIGGERS = ("articles_ai", "articles_ad", "articles_au")
#: The table whose row (inside an ingest transaction) defers indexing to the ingest.
FTS_DEFERRED = "fts_deferred"
#: FTS_COLUMNS as an SQL column list.
FTS_COLUMN_LIST = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
_NEW = ", ".join(f"new.[{c}]" for c in FTS_COLUMNS)
_OLD = ", ".join(f"old.[{c}]" for c in FTS_COLUMNS)
_NOT_DEFERRED = f"WHEN NOT EXISTS (SELECT 1 FROM [{FTS_DEFERRED}])"
#: sqlite-utils' insert and update triggers, narrowed: not while an ingest defers
#: indexing, and the update trigger only when an indexed column (or the id) changes —
#: setting `cluster_id` does not reindex an article.
FTS_TRIGGER_SQL = {
    "articles_ai": f"""CREATE TRIGGER [articles_ai] AFTER INSERT ON [articles] {_NOT_DEFERRED}
BEGIN
  INSERT INTO [articles_fts] (rowid, {FTS_COLUMN_LIST}) VALUES (new.rowid, {_NEW});
END""",
    "articles_au": f"""CREATE TRIGGER [articles_au] AFTER UPDATE OF [id], {FTS_COLUMN_LIST} ON [articles] {_NOT_DEFERRED}
BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, {FTS_COLUMN_LIST}) VALUES ('delete', old.rowid, {_OLD});
  INSERT INTO [articles_fts] (rowid, {FTS_COLUMN_LIST}) VALUES (new.rowid, {_NEW});
END""",
}

#: The substring index of Japanese and Chinese articles (see SUBSTRING_LANGUAGES).
TRIGRAM = "articles_trigram"
TRIGRAM_COLUMNS = ["title", "description", "text"]
TRIGRAM_COLUMN_LIST = ", ".join(f"[{c}]" for c in TRIGRAM_COLUMNS)
#: SQL test of an article row (prefix `new.`, `old.` or none) for the trigram index.
SUBSTRING_TEST = "{row}[language] IN (" + ", ".join(f"'{x}'" for x in SUBSTRING_LANGUAGES) + ")"
_TRI_NEW = ", ".join(f"new.[{c}]" for c in TRIGRAM_COLUMNS)
_TRI_OLD = ", ".join(f"old.[{c}]" for c in TRIGRAM_COLUMNS)
_TRI_INSERT = f"INSERT INTO [{TRIGRAM}] (rowid, {TRIGRAM_COLUMN_LIST})"
_TRI_DELETE = f"INSERT INTO [{TRIGRAM}] ([{TRIGRAM}], rowid, {TRIGRAM_COLUMN_LIST})"
#: The trigram index's triggers: contentless, so a row leaves it by its old values.
TRIGRAM_TRIGGER_SQL = {
    "articles_trigram_ai": f"""CREATE TRIGGER [articles_trigram_ai] AFTER INSERT ON [articles]
WHEN {SUBSTRING_TEST.format(row="new.")} AND NOT EXISTS (SELECT 1 FROM [{FTS_DEFERRED}])
BEGIN
  {_TRI_INSERT} VALUES (new.rowid, {_TRI_NEW});
END""",
    "articles_trigram_ad": f"""CREATE TRIGGER [articles_trigram_ad] AFTER DELETE ON [articles]
WHEN {SUBSTRING_TEST.format(row="old.")}
BEGIN
  {_TRI_DELETE} VALUES ('delete', old.rowid, {_TRI_OLD});
END""",
    "articles_trigram_au": f"""CREATE TRIGGER [articles_trigram_au] AFTER UPDATE OF [id], {TRIGRAM_COLUMN_LIST}, [language] ON [articles] {_NOT_DEFERRED}
BEGIN
  {_TRI_DELETE} SELECT 'delete', old.rowid, {_TRI_OLD} WHERE {SUBSTRING_TEST.format(row="old.")};
  {_TRI_INSERT} SELECT new.rowid, {_TRI_NEW} WHERE {SUBSTRING_TEST.format(row="new.")};
END""",
}

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

#: The page's own details (schema version 5); tags and images are JSON arrays, so
#: Datasette facets tags with `_facet_array`.
PAGE_DETAIL_COLUMNS = {"modified": str, "section": str, "tags": str, "site_name": str,
                       "image": str, "images": str}


#: Page cache per connection (KiB; SQLite's default is 2 MiB) and memory-mapped reads:
#: the LSH band and paragraph tables are read and written at random places, and a
#: small cache makes each of those a system call once the archive is large.
CACHE_KIB = 256 * 1024
MMAP_BYTES = 8 * 2**30
#: Page size of a new archive (SQLite's default is 4 KiB): an article row with its text
#: and stemmed text (~7 KiB) then fits in one page instead of spilling into overflow
#: pages, and FTS5's segments are written in fewer, larger pages (measured: ingest 1.12x).
PAGE_SIZE = 16384
#: WAL size before a checkpoint copies its pages into the file (SQLite's default is
#: 1000 pages): a batch of articles dirties thousands of band pages; checkpointing every
#: few batches writes a page changed by several of them once.
WAL_CHECKPOINT_BYTES = 256 * 2**20
#: Bytes the WAL file is cut back to after a checkpoint (a flush of the band index can
#: grow it to the size of the index for a moment).
WAL_SIZE_LIMIT = 64 * 2**20


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def open_archive(path: str | Path, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open (and when `create`, create) the archive at `path`, schema up to date.

    The file is put in WAL mode; the id_* SQL functions are registered. `readonly`
    opens it for reading only (search, dupes, serve): nothing is written, so an archive
    in a read-only folder or on a read-only disk can be read.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise ArchiveError(f"no archive at {path}: create one with `kliping ingest PATH --db {path}`")
    if readonly:
        return _open_readonly(path)
    try:
        db = sqlite_utils.Database(path)
        register_functions(db.conn)
        if db.journal_mode != "wal":
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # no effect once the file has tables
            db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_BYTES // page_size}")
        db.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        migrate(db)
        ensure_fts(db)
    except Exception as exc:
        if isinstance(exc, ArchiveError):
            raise
        raise ArchiveError(f"{path}: cannot open as a kliping archive: {exc}") from exc
    return db


def _open_readonly(path: Path) -> sqlite_utils.Database:
    """The archive opened read-only. In WAL mode a reader needs the -shm file, which a
    read-only folder cannot hold; the file is then opened as immutable (SQLite reads it
    without any lock or side file: right for a folder no writer can write to)."""
    uri = path.resolve().as_uri()
    last = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(uri + query, uri=True, check_same_thread=False)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            last = exc
            continue
        if version != SCHEMA_VERSION:
            conn.close()
            raise ArchiveError(f"{path}: schema version {version}, not {SCHEMA_VERSION}: open it once "
                               "with a writing command (kliping ingest) to bring it up to date")
        db = sqlite_utils.Database(conn)
        register_functions(db.conn)
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        return db
    raise ArchiveError(f"{path}: cannot open as a kliping archive: {last}")


def checkpoint(db: sqlite_utils.Database) -> None:
    """Copy everything the WAL holds into the main file and empty the WAL, so that the
    .db file alone holds the archive even while another process keeps the WAL open
    (`kliping serve`); every writing command ends with it."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


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


#: Outlets that copy others: never the canonical copy while an outlet's copy is there.
MIRROR_OUTLETS = ("blogmirror",)
#: Order of a cluster's members, canonical first: an outlet (a known one before
#: `generic`) over a mirror, then the earliest published (UTC; undated last), then id.
CANONICAL_ORDER = (
    "CASE WHEN a.outlet IN ({mirrors}) THEN 2 WHEN a.outlet = 'generic' THEN 1 ELSE 0 END, "
    "julianday(a.published) IS NULL, julianday(a.published), a.id"
).format(mirrors=", ".join(f"'{m}'" for m in MIRROR_OUTLETS))

DEDUP_TABLES = f"""
CREATE TABLE signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    shingles INTEGER NOT NULL,
    minhash BLOB NOT NULL,
    match_id INTEGER,
    similarity REAL
);
CREATE TABLE signature_bands (
    band_key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE TABLE paragraphs (
    hash INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (hash, article_id, start)
) WITHOUT ROWID;
CREATE TABLE signature_params (
    name TEXT PRIMARY KEY,
    value INTEGER
);
CREATE VIEW duplicates AS
SELECT a.id AS article_id, a.cluster_id, a.outlet, a.title, a.published, a.url,
       s.match_id, s.similarity,
       first_value(a.id) OVER cluster AS canonical_id,
       a.id = first_value(a.id) OVER cluster AS is_canonical
FROM articles AS a LEFT JOIN signatures AS s ON s.article_id = a.id
WHERE a.cluster_id IS NOT NULL
WINDOW cluster AS (PARTITION BY a.cluster_id ORDER BY {CANONICAL_ORDER}
                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);
CREATE VIEW clusters AS
SELECT cluster_id,
       max(CASE WHEN is_canonical THEN article_id END) AS canonical_id,
       max(CASE WHEN is_canonical THEN title END) AS title,
       count(*) AS articles,
       count(DISTINCT outlet) AS outlets,
       group_concat(DISTINCT outlet) AS outlet_names,
       min(similarity) AS min_similarity,
       min(published) AS first_published
FROM duplicates GROUP BY cluster_id;
CREATE VIEW shared_paragraphs AS
SELECT p.hash,
       count(DISTINCT p.article_id) AS articles,
       count(DISTINCT a.outlet) AS outlets,
       group_concat(DISTINCT a.outlet) AS outlet_names,
       group_concat(DISTINCT p.article_id) AS article_ids,
       (SELECT substr(x.text, q.start + 1, q.length) FROM paragraphs AS q
        JOIN articles AS x ON x.id = q.article_id WHERE q.hash = p.hash LIMIT 1) AS text
FROM paragraphs AS p JOIN articles AS a ON a.id = p.article_id
GROUP BY p.hash HAVING count(DISTINCT a.outlet) > 1;
"""


def create_v2(db: sqlite_utils.Database) -> None:
    """Version 2: near-duplicates — `articles.cluster_id`, signatures, LSH bands,
    paragraph hashes, their views (the signatures are made by version 3)."""
    db["articles"].add_column("cluster_id", int)
    db["articles"].create_index(["cluster_id"])
    _run_script(db, DEDUP_TABLES)


def create_v3(db: sqlite_utils.Database) -> None:
    """Version 3: `signatures.indexed` — 0 while an article's band keys and paragraph
    hashes wait in a pending run (see `band_index`); signatures made for the articles
    stored before version 2."""
    from .dedup import rebuild

    db.execute("ALTER TABLE signatures ADD COLUMN indexed INTEGER NOT NULL DEFAULT 1")
    db.execute("CREATE INDEX signatures_unindexed ON signatures (article_id) WHERE indexed = 0")
    if db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() and \
            not db.execute("SELECT 1 FROM signatures LIMIT 1").fetchone():
        rebuild(db)


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run `script` statement by statement (executescript would commit the transaction)."""
    import sqlite3

    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def create_v4(db: sqlite_utils.Database) -> None:
    """Version 4: the FTS index without the body as written (FTS_COLUMNS), made again;
    `fts_deferred` and the narrowed FTS triggers (an ingest indexes its batch in one
    statement; `cluster_id` updates no longer reindex)."""
    create_fts(db)


def create_v5(db: sqlite_utils.Database) -> None:
    """Version 5: the page's details (modified, section, tags, site name, images), NULL
    for the articles stored before (a re-ingest of their raw fills them); section indexed
    for its facet."""
    articles = db["articles"]
    have = articles.columns_dict
    for column, kind in PAGE_DETAIL_COLUMNS.items():
        if column not in have:
            articles.add_column(column, kind)
    articles.create_index(["section"], if_not_exists=True)


def create_v6(db: sqlite_utils.Database) -> None:
    """Version 6: search in the article's language — English and French articles
    stemmed again with their own stemmer, the language in the FTS index (FTS_COLUMNS),
    and the trigram index of Japanese and Chinese articles."""
    for name in FTS_TRIGGERS:  # the index is made again below: no reindexing row by row
        db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
    others = [lang for lang in STEMMERS if lang != "id"]
    stems = ", ".join(f"[{shadow}] = id_stem([{column}], [language])" for column, shadow in STEMMED.items())
    db.execute(f"UPDATE articles SET {stems} WHERE language IN ({', '.join('?' for _ in others)})", others)
    create_fts(db)
    create_trigram(db)


def create_v7(db: sqlite_utils.Database) -> None:
    """Version 7: `raw.etag` and `raw.last_modified`, the HTTP validators of a page
    `kliping fetch` stored, for its next conditional GET."""
    have = db["raw"].columns_dict
    for column in ("etag", "last_modified"):
        if column not in have:
            db["raw"].add_column(column, str)


MIGRATIONS = {1: create_v1, 2: create_v2, 3: create_v3, 4: create_v4, 5: create_v5, 6: create_v6,
              7: create_v7}


def create_trigram(db: sqlite_utils.Database) -> None:
    """(Re)create the trigram index of Japanese and Chinese articles, its triggers, and
    fill it. Contentless (content=''): Datasette and sqlite-utils, which look for the
    index of `articles` by its content table, keep finding `articles_fts`."""
    db.execute(f"DROP TABLE IF EXISTS [{TRIGRAM}]")
    db.execute(f"CREATE VIRTUAL TABLE [{TRIGRAM}] USING FTS5 ({TRIGRAM_COLUMN_LIST}, "
               "tokenize='trigram', content='')")
    for name, sql in TRIGRAM_TRIGGER_SQL.items():
        db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
        db.execute(sql)
    db.execute(f"{_TRI_INSERT} SELECT [id], {TRIGRAM_COLUMN_LIST} FROM [articles] "
               f"WHERE {SUBSTRING_TEST.format(row='')}")


def create_fts(db: sqlite_utils.Database) -> None:
    """(Re)create the FTS index with its triggers and rank, and fill it."""
    articles = db["articles"]
    articles.enable_fts(FTS_COLUMNS, fts_version="FTS5", tokenize=FTS_TOKENIZE,
                        create_triggers=True, replace=True)
    narrow_fts_triggers(db)
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', ?)", [FTS_RANK])
    articles.rebuild_fts()


def narrow_fts_triggers(db: sqlite_utils.Database) -> None:
    """Create `fts_deferred` and replace the insert and update triggers by kliping's
    (FTS_TRIGGER_SQL); the index stays as it is."""
    db.execute(f"CREATE TABLE IF NOT EXISTS [{FTS_DEFERRED}] (since TEXT)")
    for name, sql in FTS_TRIGGER_SQL.items():
        db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
        db.execute(sql)


def ensure_fts(db: sqlite_utils.Database) -> None:
    """Recreate the FTS index if its table or triggers are gone or it indexes other
    columns than FTS_COLUMNS; put kliping's triggers back if others replaced them.

    `table.transform()` (sqlite-utils, also `sqlite-utils transform`) drops the triggers
    that keep `articles_fts` in sync; this puts them back and reindexes. `sqlite-utils
    enable-fts --create-triggers --replace` leaves an index in sync with triggers that
    do not know `fts_deferred`: those are narrowed again (an ingest with them would
    index its articles twice).
    """
    triggers = {t.name: t.sql for t in db["articles"].triggers}
    if not db[TRIGRAM].exists() or any(triggers.get(n) != sql for n, sql in TRIGRAM_TRIGGER_SQL.items()):
        with db.atomic():
            create_trigram(db)
    fts = db["articles_fts"]
    if not fts.exists() or [c.name for c in fts.columns] != FTS_COLUMNS or \
            not all(t in triggers for t in FTS_TRIGGERS):
        with db.atomic():
            create_fts(db)
    elif any(triggers[name] != sql for name, sql in FTS_TRIGGER_SQL.items()):
        with db.atomic():
            narrow_fts_triggers(db)
