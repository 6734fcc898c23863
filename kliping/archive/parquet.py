"""Load the output of `kliping spark clean` (Parquet, or JSON Lines without the raw
bytes) into the archive, in bulk.

The rows are already cleaned: each goes through the archive's own ingest path
(`ingest.ingest` with the Spark row's article in place of cleaning) — the same `raw`
and `articles` rows, stems, FTS index, signatures, band keys and clusters as
`kliping ingest`, in the same transactions of 500, idempotent in the same way. The
archive's deduper clusters the articles as they are stored, so the clusters agree with
the Spark `clusters` table wherever the two methods agree (see docs/scaling.md) and later
ingests find their near-duplicates among them. Reading Parquet needs pyarrow only, not PySpark.
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


#: The columns a row of the `articles` table needs to be loaded.
NEEDED_COLUMNS = ("source", "status")


def articles_dataset(path: str | Path) -> Path | None:
    """The `articles` directory of a Spark output at `path` (the output directory, or
    the articles directory itself; Parquet or JSON Lines part files), None when `path`
    is not one."""
    path = Path(path)
    for candidate in (path / "articles", path):
        if candidate.is_dir() and (part_format(candidate) or
                                   (candidate / "_SUCCESS").is_file() and candidate.name == "articles"):
            return candidate
    return None


def nested_outputs(directory: str | Path) -> list[Path]:
    """The Spark outputs inside `directory` (below it, not it): a walk for inputs passes
    over their part files, so the user is told to give them as paths of their own."""
    return [found.parent for found in sorted(Path(directory).rglob("articles"))
            if found.is_dir() and found.parent != Path(directory) and part_format(found)]


def part_format(directory: Path) -> str | None:
    """"parquet" or "jsonl" for a directory of Spark part files (`--format` of
    `kliping spark clean`), None for one without."""
    if any(directory.glob("*.parquet")):
        return "parquet"
    if any(directory.glob("part-*.json")):
        return "jsonl"
    return None


def read_rows(directory: Path, batch_rows: int = BATCH_ROWS) -> Iterator[dict]:
    """The rows of a Spark `articles` table, in file order: Parquet a batch at a time,
    JSON Lines a line at a time (a line that is not a JSON object becomes a row of
    status "unreadable" naming its file and line). ArchiveError, naming the directory,
    for a table that cannot be read or is not kliping's."""
    fmt = part_format(directory)
    if fmt is None:
        raise ArchiveError(f"{directory}: no part files (*.parquet or part-*.json) in this Spark output; "
                           "did `kliping spark clean` finish?")
    rows = _json_rows(directory) if fmt == "jsonl" else _parquet_rows(directory, batch_rows)
    for row in rows:
        missing = [c for c in NEEDED_COLUMNS if row.get(c) is None]
        if missing:
            raise ArchiveError(f"{directory}: not the articles table of `kliping spark clean` "
                               f"(a row without {', '.join(missing)})")
        yield row


def _parquet_rows(directory: Path, batch_rows: int) -> Iterator[dict]:
    try:
        import pyarrow
        import pyarrow.dataset as ds
    except ImportError:
        raise ArchiveError("reading Parquet needs pyarrow: pip install 'kliping[spark]'") from None
    try:
        for batch in ds.dataset(directory, format="parquet").to_batches(batch_size=batch_rows):
            yield from batch.to_pylist()
    except (pyarrow.ArrowException, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ArchiveError(f"{directory}: cannot read this Parquet output of `kliping spark clean`: {first}") from None


def _json_rows(directory: Path) -> Iterator[dict]:
    import json

    for path in sorted(directory.glob("part-*.json")):
        with path.open("rb") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    row = exc
                if not isinstance(row, dict):
                    why = f"not JSON ({row})" if isinstance(row, Exception) else "not a JSON object"
                    row = {"source": f"{path}:{number}", "status": "unreadable", "raw": line,
                           "error": why}
                yield row


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
        raise ArchiveError(f"{path}: no articles table of `kliping spark clean` (DIR/articles)")
    current: dict[str, Article] = {}

    def items() -> Iterator[Received]:
        for row in read_rows(directory):
            try:
                item, article = received(row)
            except (AttributeError, TypeError, ValueError) as exc:  # a hand-edited or foreign row
                item, article = Received(str(row["source"]), None, error=f"{directory}: a row that is "
                                         f"not kliping's ({type(exc).__name__}: {exc})"), None
            current.clear()  # the previous item is stored by now
            if article is not None:
                current[item.source] = article
            yield item

    def cleaned(doc: RawDoc) -> Article:
        return current[doc.source]

    return ingest(db, items(), cleaned, reclean=reclean, on_item=on_item, settings=settings,
                  skip_duplicates=skip_duplicates, batch_size=batch_size)
