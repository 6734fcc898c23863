"""Load the output of `kliping spark clean` (Parquet) into the archive, in bulk.

The rows are already cleaned: each goes through the archive's own ingest path
(`ingest.ingest` with the Spark row's article in place of cleaning) — the same `raw`
and `articles` rows, stems, FTS index, signatures, band keys and clusters as
`kliping ingest`, in the same transactions of 500, idempotent in the same way. The
archive's deduper clusters the articles as they are stored, so the clusters agree with
the Spark `clusters` table wherever the two methods agree (see docs/scaling.md) and later
ingests find their near-duplicates among them. Reading needs pyarrow only, not PySpark.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import sqlite_utils

from ..cleaner import DEFAULT_SETTINGS, Article, RawDoc, Settings
from .db import ArchiveError
from .ingest import BATCH_SIZE, IngestSummary, Received, ingest

#: Read at a time from the Parquet files.
BATCH_ROWS = 500
#: The prefix `kliping ingest` gives a cleaning failure of each Spark status.
FAILURE_PREFIX = {"unreadable": "", "not-article": "cannot clean: NotAnArticle: ", "failed": "cannot clean: "}


def articles_dataset(path: str | Path) -> Path | None:
    """The Parquet `articles` directory of a Spark output at `path` (the output
    directory, or the articles directory itself), None when `path` is not one."""
    path = Path(path)
    for candidate in (path / "articles", path):
        if candidate.is_dir() and (any(candidate.glob("*.parquet")) or
                                   (candidate / "_SUCCESS").is_file() and candidate.name == "articles"):
            return candidate
    return None


def read_rows(directory: Path, batch_rows: int = BATCH_ROWS) -> Iterator[dict]:
    """The rows of a Parquet dataset, a batch at a time, in file order."""
    try:
        import pyarrow.dataset as ds
    except ImportError:
        raise ArchiveError("reading Parquet needs pyarrow: pip install 'kliping[spark]'") from None
    for batch in ds.dataset(directory, format="parquet").to_batches(batch_size=batch_rows):
        yield from batch.to_pylist()


def received(row: dict) -> tuple[Received, Article | None]:
    """The archive's view of one Spark row: the input as received, and its article."""
    data = row.get("raw")
    if row["status"] != "ok":
        error = FAILURE_PREFIX.get(row["status"], "") + (row.get("error") or row["status"])
        return Received(row["source"], data, error=error, fetched_at=row.get("fetched_at"),
                        url=row.get("raw_url"), content_type=row.get("content_type")), None
    doc = RawDoc(source=row["source"], data=data or b"", text="", url=row.get("raw_url"),
                 content_type=row.get("content_type") or "text/plain",
                 fetched_at=row.get("fetched_at"), encoding=row.get("encoding") or "utf-8")
    return Received(row["source"], data, doc=doc, fetched_at=row.get("fetched_at")), Article.from_dict(row)


def load_spark_output(db: sqlite_utils.Database, path: str | Path, *, reclean: bool = False,
                      settings: Settings = DEFAULT_SETTINGS, skip_duplicates: bool = False,
                      on_item: Callable[[Received, str, str | None], None] | None = None,
                      batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Store every row of the Spark output at `path` in the archive `db`."""
    directory = articles_dataset(path)
    if directory is None:
        raise ValueError(f"{path}: no Parquet articles table (the output of `kliping spark clean`)")
    current: dict[str, Article] = {}

    def items() -> Iterator[Received]:
        for row in read_rows(directory):
            item, article = received(row)
            current.clear()  # the previous item is stored by now
            if article is not None:
                current[item.source] = article
            yield item

    def cleaned(doc: RawDoc) -> Article:
        return current[doc.source]

    return ingest(db, items(), cleaned, reclean=reclean, on_item=on_item, settings=settings,
                  skip_duplicates=skip_duplicates, batch_size=batch_size)
