"""The tables the Spark job writes, as plain column lists (no PySpark needed to read
them: `kliping.archive.parquet` loads them with pyarrow) and as Spark schemas.

`articles`: one row per document, also those that failed — the Article contract keys
(`CONTRACT_KEYS`, lists as array<string>, `images` as array<struct<url, caption>>), then `status` ("ok", "unreadable",
"not-article", "failed"), `error`, and what the archive's `raw` table keeps: the raw
bytes' sha256 and size, the record's own URL, content type, encoding, fetch time, and
(unless left out) the bytes. `doc_id` numbers the rows of one run.

`clusters`: one row per article in a near-duplicate cluster: `cluster_id` (the smallest
`doc_id` of the cluster), `doc_id`, `source`, `size` (articles in the cluster) and
`similarity` (its best verified similarity to another member).
"""
from __future__ import annotations

from ..cleaner import CONTRACT_KEYS

LIST_KEYS = ("author", "related", "captions", "tags")
RAW_COLUMNS = ("raw_sha256", "raw_size", "raw_url", "content_type", "encoding", "fetched_at")
ARTICLE_COLUMNS = ("doc_id",) + CONTRACT_KEYS + ("status", "error") + RAW_COLUMNS + ("raw",)
CLUSTER_COLUMNS = ("cluster_id", "doc_id", "source", "size", "similarity")
_LONGS = ("doc_id", "raw_size", "cluster_id", "size")


def spark_type(column: str):
    """The Spark SQL type of an output column."""
    from pyspark.sql import types as T

    if column in LIST_KEYS:
        return T.ArrayType(T.StringType(), containsNull=False)
    if column == "images":
        return T.ArrayType(T.StructType([T.StructField("url", T.StringType(), nullable=False),
                                         T.StructField("caption", T.StringType())]), containsNull=False)
    if column in _LONGS:
        return T.LongType()
    if column == "raw":
        return T.BinaryType()
    if column == "similarity":
        return T.DoubleType()
    return T.StringType()


def spark_schema(columns: tuple[str, ...]):
    """A StructType of `columns`, in that order."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(c, spark_type(c), nullable=c not in ("doc_id", "source", "status"))
                         for c in columns])
