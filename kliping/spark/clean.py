"""The cleaning stage: input files → one output row per document, in `mapPartitions`.

Files are read whole by Spark's `binaryFile` source; plain JSON Lines files are read
as lines by its `text` source (split across tasks, line numbers restored from each
split's place in its file). Every document then goes through `clean_one`, the function
`kliping clean` uses, with the rules loaded once per Python worker (Spark keeps its
workers between tasks) — never per record. A document that cannot be read or cleaned
is a row with its status and error, never dropped.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote

from ..cleaner import CONTRACT_KEYS, DEFAULT_SETTINGS, InputError, load_rules
from ..cleaner.batch import Outcome, clean_one
from .listing import InputFile, MissingInput
from .records import file_documents, line_document
from .schema import ARTICLE_COLUMNS, LIST_KEYS

UTF8_BOM = b"\xef\xbb\xbf"
#: doc_id = partition index << ID_SHIFT | row number in the partition.
ID_SHIFT = 33

_RULES: dict = {}


def worker_rules(rules_dirs: tuple[str, ...]):
    """The built-in rules merged with `rules_dirs`, loaded once per worker process.
    Directories shipped with `SparkContext.addFile` are found where Spark put them."""
    if rules_dirs not in _RULES:
        _RULES[rules_dirs] = load_rules([_shipped(d) for d in rules_dirs])
    return _RULES[rules_dirs]


def _shipped(directory: str) -> str:
    from pyspark import SparkFiles

    local = Path(SparkFiles.get(Path(directory).name))
    return str(local) if local.is_dir() else directory


def epoch_to_iso(seconds: int | None) -> str | None:
    """Epoch seconds as ISO 8601 UTC, the form the archive stores times in."""
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def output_row(doc_id: int, doc, outcome: Outcome, mtime: int | None, keep_raw: bool) -> tuple:
    """One `articles` row (ARTICLE_COLUMNS order) for a document and its outcome."""
    if outcome.article is not None:
        fields = outcome.article.to_dict()
    else:
        fields = dict.fromkeys(CONTRACT_KEYS)
        fields["source"] = outcome.source
    data = doc.data
    if isinstance(doc, InputError):
        raw = {"raw_url": doc.url, "content_type": doc.content_type, "encoding": None, "fetched_at": None}
    else:
        raw = {"raw_url": doc.url, "content_type": doc.content_type, "encoding": doc.encoding,
               "fetched_at": doc.fetched_at}
    raw["fetched_at"] = raw["fetched_at"] or epoch_to_iso(mtime)
    raw["raw_sha256"] = None if data is None else hashlib.sha256(data).hexdigest()
    raw["raw_size"] = None if data is None else len(data)
    raw["raw"] = data if keep_raw else None
    values = {**fields, **raw, "doc_id": doc_id, "status": outcome.status, "error": outcome.error}
    for key in LIST_KEYS:
        if values[key] is not None:
            values[key] = list(values[key])
    if values["images"] is not None:
        values["images"] = [(image["url"], image["caption"]) for image in values["images"]]
    return tuple(values[c] for c in ARTICLE_COLUMNS)


def clean_partition(index: int, items: Iterable[tuple], rules_dirs: tuple[str, ...],
                    outlet: str | None, keep_raw: bool) -> Iterator[tuple]:
    """Clean every document of a partition of (name, line number or None, bytes,
    mtime) items; a None `bytes` is an input that names nothing."""
    rules = worker_rules(rules_dirs)
    n = 0
    for name, number, data, mtime in items:
        for doc in _documents(name, number, data):
            outcome = clean_one(doc, rules, DEFAULT_SETTINGS, outlet)
            yield output_row((index << ID_SHIFT) + n, doc, outcome, mtime, keep_raw)
            n += 1


def _documents(name: str, number: int | None, data: bytes | None):
    if data is None:
        return [InputError(name, "No such file or directory")]
    if number is None:
        return file_documents(name, bytes(data))
    doc = line_document(name, number, bytes(data))
    return [] if doc is None else [doc]


def whole_files(spark, files: list[InputFile]):
    """(name, None, bytes, mtime) for every file read whole (empty files, which Spark's
    file sources skip, straight from the listing)."""
    empty = spark.sparkContext.parallelize([(f.name, None, b"", f.mtime) for f in files if not f.size], 1)
    files = [f for f in files if f.size]
    if not files:
        return empty
    names = spark.sparkContext.broadcast({f.uri: f.name for f in files})
    frame = spark.read.format("binaryFile").load([f.uri for f in files])
    rows = frame.selectExpr("path", "content", "cast(modificationTime as long) as mtime").rdd
    return rows.map(lambda r: (_name(names.value, r[0]), None, r[1], r[2])).union(empty)


def jsonl_lines(spark, files: list[InputFile]):
    """(name, line number, line bytes, mtime) for every line of the plain JSON Lines
    files. A file is split into blocks read by different tasks; a first pass counts
    each block's lines, so that each line gets its number in its file."""
    if not files:
        return spark.sparkContext.emptyRDD()
    frame = (spark.read.option("lineSep", "\n").text([f.uri for f in files])
             .selectExpr("_metadata.file_path as path", "_metadata.file_block_start as block",
                         "cast(value as binary) as line",
                         "cast(_metadata.file_modification_time as long) as mtime"))
    counts = frame.groupBy("path", "block").count().collect()
    first: dict[tuple[str, int], int] = {}
    for path in sorted({r["path"] for r in counts}):
        number = 1
        for row in sorted((r for r in counts if r["path"] == path), key=lambda r: r["block"]):
            first[(path, row["block"])] = number
            number += row["count"]
    context = spark.sparkContext
    starts = context.broadcast(first)
    names = context.broadcast({f.uri: f.name for f in files})
    boms = context.broadcast({f.uri for f in files if _starts_with_bom(spark, f.uri)})
    return frame.rdd.mapPartitions(partial(_number_lines, starts=starts, names=names, boms=boms))


def _starts_with_bom(spark, uri: str) -> bool:
    """Whether a file starts with a UTF-8 byte-order mark (Hadoop's line reader drops
    it from the first line; it is put back so the raw bytes stay as received)."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    stream = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).open(path)
    try:
        return [stream.read() for _ in range(len(UTF8_BOM))] == list(UTF8_BOM)
    finally:
        stream.close()


def _number_lines(rows, starts, names, boms):
    """Lines in a partition come in file order within each block: count on."""
    seen: dict[tuple[str, int], int] = {}
    for path, block, line, mtime in rows:
        key = (path, block)
        offset = seen.get(key, 0)
        seen[key] = offset + 1
        if block == 0 and offset == 0 and (path in boms.value or unquote(path) in boms.value):
            line = UTF8_BOM + bytes(line)
        yield _name(names.value, path), starts.value[key] + offset, line, mtime


def _name(names: dict[str, str], uri: str) -> str:
    return names.get(uri) or names.get(unquote(uri)) or uri


def missing_inputs(spark, missing: list[MissingInput]):
    """(name, None, None, None) for every input path that names nothing."""
    return spark.sparkContext.parallelize([(m.name, None, None, None) for m in missing], 1)


def clean_rows(spark, files: list[InputFile], missing: list[MissingInput],
               rules_dirs: tuple[str, ...] = (), outlet: str | None = None,
               keep_raw: bool = True, partitions: int | None = None):
    """The RDD of output rows (ARTICLE_COLUMNS order) for the listed inputs."""
    context = spark.sparkContext
    for directory in rules_dirs:
        context.addFile(directory, recursive=True)
    items = context.union([whole_files(spark, [f for f in files if not f.by_lines]),
                           jsonl_lines(spark, [f for f in files if f.by_lines]),
                           missing_inputs(spark, missing)])
    if partitions:
        items = items.repartition(partitions)
    return items.mapPartitionsWithIndex(
        partial(clean_partition, rules_dirs=tuple(rules_dirs), outlet=outlet, keep_raw=keep_raw))
