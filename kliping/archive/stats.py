"""What the archive holds, counted: articles by outlet, language and month, the
near-duplicate clusters, and the raw inputs that could not be cleaned (by reason)."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import sqlite_utils

#: The kinds of failure listed (most frequent first); the rest are counted in "other".
TOP_FAILURES = 10


@dataclass(frozen=True)
class ArchiveStats:
    """Counts of an archive; each `by_*` is (value, articles) pairs, largest first
    (months in calendar order, undated as None)."""

    articles: int
    by_outlet: list[tuple[str, int]]
    by_language: list[tuple[str | None, int]]
    by_month: list[tuple[str | None, int]]
    clusters: int
    clustered: int
    raw: int
    failed: int
    failures: list[tuple[str, int]]

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("by_outlet", "by_language", "by_month", "failures"):
            data[key] = {str(value) if value is not None else "": n for value, n in data[key]}
        return data


def archive_stats(db: sqlite_utils.Database) -> ArchiveStats:
    """Count what `db` holds."""
    def pairs(sql: str) -> list[tuple]:
        return [tuple(row) for row in db.execute(sql).fetchall()]

    clusters, clustered = db.execute(
        "SELECT count(DISTINCT cluster_id), count(cluster_id) FROM articles").fetchone()
    failed = pairs("SELECT error FROM raw WHERE status = 'failed'")
    kinds: dict[str, int] = {}
    for (error,) in failed:
        kind = failure_kind(error)
        kinds[kind] = kinds.get(kind, 0) + 1
    ranked = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > TOP_FAILURES:
        ranked = ranked[:TOP_FAILURES - 1] + [("other", sum(n for _, n in ranked[TOP_FAILURES - 1:]))]
    return ArchiveStats(
        articles=db.execute("SELECT count(*) FROM articles").fetchone()[0],
        by_outlet=pairs("SELECT outlet, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"),
        by_language=pairs("SELECT language, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"),
        by_month=pairs("SELECT published_month, count(*) FROM articles GROUP BY 1 "
                       "ORDER BY published_month IS NULL, published_month"),
        clusters=clusters, clustered=clustered,
        raw=db.execute("SELECT count(*) FROM raw").fetchone()[0],
        failed=len(failed), failures=ranked,
    )


def failure_kind(error: str | None) -> str:
    """The kind of a failure message, without the details that differ per input
    ("not an article: its URL path '/news' is…" → "not an article: its URL path")."""
    text = (error or "unknown").strip().splitlines()[0] if (error or "").strip() else "unknown"
    text = re.split(r"\s*[(\[{'\"“]|\s\d", text, maxsplit=1)[0]
    return text[:80].rstrip(" :,;") or "unknown"
