"""Ingest: read inputs, keep every one in `raw`, clean it, upsert the article.

Idempotent: an input whose exact bytes are already in `raw` (and were cleaned) is
"unchanged" without being cleaned again. An input is a document: a text or HTML file,
or one record of a JSON Lines or WARC file. A new input becomes a `raw` row and, when it
cleans, an article: "new" for an unknown key, "updated" when the key (its canonical
URL) is known but the content changed — the article then points at the newer raw, and
both raws stay — or "unchanged". An input that cannot be read or cleaned is still stored
in `raw`, with status "failed" and the error, and counted "failed".

Every stored article is signed and clustered with its near-duplicates (`dedup.py`) in
the same transaction. With `skip_duplicates`, a new article whose best match has a
Jaccard similarity of at least `near_exact_threshold` (the same text as a whole, not
a part of it) is not stored: its raw gets status "duplicate" and points at
the article it copies, and it is counted "skipped".

Work is committed in batches, one transaction each; an interrupted run keeps the
batches it finished. Each batch's articles are put in the full-text index by one
statement before its commit (`fts_batch.py`).
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import sqlite_utils

from ..cleaner import DEFAULT_SETTINGS, Article, InputError, RawDoc, Settings
from ..cleaner.inputs import MAX_DOCUMENT_BYTES, read_input
from ..signature import SignedText, sign_text
from .db import utc_now
from .dedup import Deduplicator
from .fts_batch import BatchIndex
from .records import article_row, raw_row, sha256_hex

#: Raw statuses of inputs that are done with (ingested again only with reclean).
DONE = ("ok", "duplicate")

#: Inputs per transaction: larger batches write fewer, larger FTS5 segments (measured:
#: 2,000 ingests 1.06x faster than 500); a run killed mid-batch redoes at most this many.
BATCH_SIZE = 2000


@dataclass(frozen=True)
class Received:
    """One input as it arrived: `doc` when it could be read as text, else `error`.

    `data` is the exact bytes (None when nothing could be read at all); `url` and
    `content_type` are what a failed input declared (a read one has them in `doc`);
    `http` the validators of a fetched page (`etag`, `last_modified` columns of `raw`).
    """

    source: str
    data: bytes | None
    doc: RawDoc | None = None
    error: str | None = None
    fetched_at: str | None = None
    url: str | None = None
    content_type: str | None = None
    prepared: Prepared | None = None
    http: dict | None = None


@dataclass(frozen=True)
class Prepared:
    """An article made ready for the archive: its `articles` row without `raw_id` and
    times (stems included) and what near-duplicate detection keeps of its text."""

    row: dict
    signed: SignedText


def prepare(article: Article, settings: Settings = DEFAULT_SETTINGS) -> Prepared:
    """The row (values as SQLite stores them) and signature of `article` — the work of
    an ingest that needs no database."""
    row = article_row(article)
    return Prepared({k: sql_value(v) for k, v in row.items()}, sign_text(row["text"] or "", settings))


def prepare_item(item: Received, clean_doc: Callable[[RawDoc], Article],
                 settings: Settings = DEFAULT_SETTINGS) -> Received:
    """`item` cleaned and prepared, or carrying the error that stopped it (never raises
    for a bad document); items without a document, or prepared already, as they are."""
    if item.doc is None or item.prepared is not None:
        return item
    try:
        return replace(item, prepared=prepare(clean_doc(item.doc), settings))
    except Exception as exc:  # one bad document must not stop the batch
        return replace(item, error=f"cannot clean: {type(exc).__name__}: {exc}")


def sql_value(value: object) -> object:
    """A row value as SQLite stores it: lists and dicts as JSON (as sqlite-utils does)."""
    if value.__class__ in _AS_IS:
        return value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, default=repr, ensure_ascii=False)
    return value


_AS_IS = frozenset({str, int, float, bytes, type(None)})


def insert_row(conn: sqlite3.Connection, table: str, row: dict) -> int:
    """Insert `row` into `table` (plain SQL: the per-call introspection of
    sqlite-utils' `insert` costs more than the insert); return its rowid."""
    return conn.execute(_insert_sql(table, tuple(row)), list(map(sql_value, row.values()))).lastrowid


def update_row(conn: sqlite3.Connection, table: str, row_id: int, values: dict) -> None:
    """Set `values` on the row of `table` with this id."""
    conn.execute(_update_sql(table, tuple(values)), [*map(sql_value, values.values()), row_id])


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f"[{column}]" for column in columns)
    return f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


@lru_cache(maxsize=64)
def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"UPDATE [{table}] SET {', '.join(f'[{column}] = ?' for column in columns)} WHERE id = ?"


def find_raw(conn: sqlite3.Connection, item: Received) -> tuple[int, str] | None:
    """(id, status) of the `raw` row already holding this input, if any."""
    if item.data is not None:
        sql, params = "select id, status from raw where sha256 = ?", [sha256_hex(item.data)]
    else:
        sql, params = "select id, status from raw where sha256 is null and source = ?", [item.source]
    return conn.execute(sql, params).fetchone()


@dataclass
class IngestSummary:
    """Counts of outcomes, and (source, message) for every failed input.

    `near_duplicates` counts the new or updated articles that joined a cluster.
    """

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    near_duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.failed + self.skipped

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @classmethod
    def total_of(cls, summaries: list["IngestSummary"]) -> "IngestSummary":
        """One summary of several runs into the same archive (inputs of several kinds)."""
        total = cls()
        for summary in summaries:
            for name in ("new", "updated", "unchanged", "failed", "skipped", "near_duplicates"):
                setattr(total, name, getattr(total, name) + getattr(summary, name))
            total.failures.extend(summary.failures)
        return total

    def __str__(self) -> str:
        text = (f"{self.total} document{'s' if self.total != 1 else ''}: {self.new} new, "
                f"{self.updated} updated, {self.unchanged} unchanged, {self.failed} failed")
        if self.skipped:
            text += f", {self.skipped} skipped as near-exact copies"
        if self.near_duplicates:
            text += f"; {self.near_duplicates} near-duplicate{'s' if self.near_duplicates != 1 else ''}"
        return text


def _mtime(path: str) -> str | None:
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def receive(names: Iterable[str], url: str | None = None,
            max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Received]:
    """Read each input name ("-" is standard input) into its documents: one for a text
    or HTML file, one per record of a JSON Lines or WARC file. Those the cleaner's
    readers reject keep their bytes (`InputError.data`), source and declared URL;
    documents over `max_bytes` are rejected unread."""
    for name in names:
        mtime = None if name == "-" else _mtime(name)
        for item in read_input(name, url=url, max_bytes=max_bytes):
            if isinstance(item, InputError):
                yield Received(item.source, item.data, error=item.message, fetched_at=mtime,
                               url=item.url, content_type=item.content_type)
            else:
                yield Received(item.source, item.data, doc=item, fetched_at=item.fetched_at or mtime)


class Ingester:
    """Stores received inputs and their articles in one open archive."""

    def __init__(self, db: sqlite_utils.Database, clean_doc: Callable[[RawDoc], Article],
                 reclean: bool = False, now: Callable[[], str] = utc_now,
                 settings: Settings = DEFAULT_SETTINGS, skip_duplicates: bool = False,
                 furniture: Callable[[Prepared], Prepared] | None = None):
        self.db = db
        self.furniture = furniture
        self.clean_doc = clean_doc
        self.reclean = reclean
        self.now = now
        self.settings = settings
        self.dedup = Deduplicator(db, settings)
        self.fts = BatchIndex(db.conn)
        self.skip_near = settings.near_exact_threshold if skip_duplicates else None
        self.clustered = False

    def ingest(self, item: Received) -> tuple[str, str | None]:
        """Store one input; return (outcome, error message or None)."""
        existing = find_raw(self.db.conn, item)
        if existing and existing[1] in DONE and not self.reclean:
            if item.http:  # fetched again, unchanged: the newest validators count
                update_row(self.db.conn, "raw", existing[0], item.http)
            return "unchanged", None
        now = self.now()
        item = prepare_item(item, self.clean_doc, self.settings)
        if self.furniture is not None and item.prepared is not None:  # furniture.py
            stripped = self.furniture(item.prepared)
            if stripped is not item.prepared:  # most articles hold no furniture: no copy
                item = replace(item, prepared=stripped)
        if existing:
            raw_id = existing[0]
        else:
            doc = item.doc
            row = raw_row(item.source, item.data, received_at=now, status="failed",
                          url=doc.url if doc else item.url, fetched_at=item.fetched_at,
                          content_type=doc.content_type if doc else item.content_type,
                          encoding=doc.encoding if doc else None)
            row.update(item.http or {})
            raw_id = insert_row(self.db.conn, "raw", row)
        if item.prepared is None:
            update_row(self.db.conn, "raw", raw_id, {"status": "failed", "error": item.error})
            return "failed", item.error
        outcome, article_id = self.store_article(item.prepared, raw_id, now)
        status = "duplicate" if outcome == "skipped" else "ok"
        update_row(self.db.conn, "raw", raw_id, {"status": status, "error": None, "article_id": article_id})
        return outcome, None

    def store_article(self, prepared: Prepared, raw_id: int, now: str) -> tuple[str, int]:
        """Insert or update the article by its natural key, with its signature and
        cluster; return (outcome, id) — for "skipped", the id of the article copied."""
        self.clustered = False
        row = dict(prepared.row, raw_id=raw_id, ingested_at=now, updated_at=now)
        found = self.db.execute("select id, content_hash, text, cluster_id from articles where key = ?",
                                [row["key"]]).fetchone()
        if found is None:
            match = self.dedup.match(row["text"], signed=prepared.signed)
            if self.skip_near is not None and (match.jaccard or 0) >= self.skip_near:
                return "skipped", match.article_id
            row["cluster_id"] = self.dedup.join(match)
            article_id = insert_row(self.db.conn, "articles", row)
            self.fts.inserted(article_id)
            self.dedup.store(article_id, match)
            self.clustered = row["cluster_id"] is not None
            return "new", article_id
        article_id, old_hash, old_text, old_cluster = found
        if old_hash == row["content_hash"]:
            return "unchanged", article_id
        del row["ingested_at"]
        self.dedup.forget(article_id, old_text)
        match = self.dedup.match(row["text"], exclude=article_id, signed=prepared.signed)
        stays = old_cluster is not None and match.cluster_id == old_cluster
        row["cluster_id"] = old_cluster if stays else self.dedup.join(match)
        self.fts.rewriting(article_id)
        update_row(self.db.conn, "articles", article_id, row)
        self.dedup.store(article_id, match)
        if row["cluster_id"] != old_cluster:
            self.dedup.tidy(old_cluster)
        self.clustered = row["cluster_id"] is not None
        return "updated", article_id


def ingest(db: sqlite_utils.Database, items: Iterable[Received],
           clean_doc: Callable[[RawDoc], Article], *, reclean: bool = False,
           batch_size: int = BATCH_SIZE, on_item: Callable[[Received, str, str | None], None] | None = None,
           now: Callable[[], str] = utc_now, settings: Settings = DEFAULT_SETTINGS,
           skip_duplicates: bool = False,
           furniture: Callable[[Prepared], Prepared] | None = None) -> IngestSummary:
    """Ingest `items` into `db` in transactions of `batch_size`; return the summary.

    `settings` gives the near-duplicate parameters; `skip_duplicates` stores no article
    for a near-exact copy; `furniture` takes each prepared article's furniture out
    (furniture.py). `on_item(item, outcome, error)` is called after each input (for
    progress and error reports).
    """
    ingester = Ingester(db, clean_doc, reclean=reclean, now=now, settings=settings,
                        skip_duplicates=skip_duplicates, furniture=furniture)
    summary = IngestSummary()
    items = iter(items)
    while True:
        done = 0
        with db.atomic():
            ingester.fts.begin()
            for item in items:
                outcome, error = ingester.ingest(item)
                summary.count(outcome)
                if ingester.clustered and outcome in ("new", "updated"):
                    summary.near_duplicates += 1
                if error is not None:
                    summary.failures.append((item.source, error))
                if on_item is not None:
                    on_item(item, outcome, error)
                done += 1
                if done >= batch_size:
                    break
            ingester.fts.end()
        if done < batch_size:
            with db.atomic():
                ingester.dedup.flush()
            return summary
