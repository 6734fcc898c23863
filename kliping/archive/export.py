"""Reading articles out of the archive: one in full, or all a filter selects, as the same
objects `kliping clean` prints (plus the archive's `id` and `cluster_id`), streamed as
JSON Lines, CSV or Parquet.

Rows are read a batch at a time and written as they come, so an export of any size runs
in bounded memory. The filters are the search's (`search.filter_sql`); a query, when
given, is matched as `kliping search` matches it and orders the rows best first.
"""
from __future__ import annotations

import csv
import json
import typing
from typing import IO, Iterator

import sqlite_utils

from ..cleaner import CONTRACT_KEYS, Article
from .query import Query
from .records import row_article
from .search import filter_sql, hits_source

FORMATS = ("jsonl", "csv", "parquet")
#: Rows fetched from SQLite (and written to Parquet) at a time.
BATCH_ROWS = 1000


def article_dict(row: dict) -> dict:
    """An `articles` row as `kliping clean` prints the article, with `id` and `cluster_id`."""
    return {"id": row["id"], **row_article(row).to_dict(), "cluster_id": row.get("cluster_id")}


def article_by_id(db: sqlite_utils.Database, article_id: int) -> dict | None:
    """The article with `article_id` (see `article_dict`), None when there is none."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return article_dict(rows[0]) if rows else None


def select_articles(db: sqlite_utils.Database, query: Query | None = None, *, outlets: tuple[str, ...] = (),
                    since: str | None = None, until: str | None = None, language: str | None = None,
                    limit: int | None = None) -> Iterator[dict]:
    """The articles the filters select (see `article_dict`): by id, or best match first
    for `query`; at most `limit`."""
    where, params = filter_sql(outlets, since, until, language)
    source, order = "articles", "articles.id"
    if query is not None:  # matched as `kliping search` matches it, every language
        hits, hit_id, hit_rank, matching = hits_source(db, query, params)
        source = f"{hits} JOIN articles ON articles.id = {hit_id}"
        where = matching + where
        order = f"{hit_rank}, articles.id"
    sql = f"SELECT articles.* FROM {source} {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = int(limit)
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH_ROWS):
        for values in batch:
            yield article_dict(dict(zip(names, values)))


def write_jsonl(articles: Iterator[dict], out: IO[str]) -> int:
    """One JSON object a line; returns how many."""
    count = 0
    for count, article in enumerate(articles, 1):
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return count


def write_csv(articles: Iterator[dict], out: IO[str]) -> int:
    """A header, then one row per article; lists as JSON text (as sqlite-utils and
    Datasette write them). Returns how many."""
    writer, count = None, 0
    for count, article in enumerate(articles, 1):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(article), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in article.items()})
    if writer is None:  # no article: the header alone, so the file still says its columns
        csv.writer(out, lineterminator="\n").writerow(["id", *CONTRACT_KEYS, "cluster_id"])
    return count


def write_parquet(articles: Iterator[dict], path: str) -> int:
    """A Parquet file of the articles (columns: `parquet_schema`). Returns how many."""
    import pyarrow
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict] = []
        for count, article in enumerate(articles, 1):
            batch.append({name: _parquet_value(article.get(name), schema.field(name).type) for name in schema.names})
            if len(batch) == BATCH_ROWS:
                writer.write_table(pyarrow.Table.from_pylist(batch, schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pyarrow.Table.from_pylist(batch, schema))
    return count


def parquet_schema():
    """The Parquet columns: id, the Article contract's fields by their types (a tuple of
    strings a list<string>, a tuple of records such as `Image` a list of structs of
    strings, anything else a string), cluster_id."""
    import pyarrow

    hints = typing.get_type_hints(Article)
    fields = [pyarrow.field("id", pyarrow.int64(), nullable=False)]
    for name in CONTRACT_KEYS:
        hint = hints.get(name)
        item = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else None
        if item is str:
            kind = pyarrow.list_(pyarrow.string())
        elif item is not None and _record_fields(item):
            kind = pyarrow.list_(pyarrow.struct([(f, pyarrow.string()) for f in _record_fields(item)]))
        else:
            kind = pyarrow.string()
        fields.append(pyarrow.field(name, kind))
    fields.append(pyarrow.field("cluster_id", pyarrow.int64()))
    return pyarrow.schema(fields)


def _record_fields(kind) -> tuple[str, ...]:
    """The field names of a record type (a NamedTuple or a dataclass), () for others."""
    import dataclasses

    if dataclasses.is_dataclass(kind):
        return tuple(f.name for f in dataclasses.fields(kind))
    return tuple(getattr(kind, "_fields", ()))


def _parquet_value(value, kind):
    import pyarrow

    if value is None or pyarrow.types.is_integer(kind) or pyarrow.types.is_list(kind):
        return value
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
