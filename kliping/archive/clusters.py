"""Reading near-duplicates: clusters with their members, paragraphs shared by outlets."""
from __future__ import annotations

from dataclasses import asdict, dataclass

import sqlite_utils


@dataclass(frozen=True)
class Member:
    """An article of a cluster; `similarity` to `match_id`, the member it matched when
    it joined (None for the article the cluster was founded on)."""

    id: int
    outlet: str
    title: str | None
    published: str | None
    url: str | None
    similarity: float | None
    match_id: int | None
    canonical: bool


@dataclass(frozen=True)
class Cluster:
    """Near-duplicate articles, the canonical copy first."""

    id: int
    members: tuple[Member, ...]

    @property
    def canonical_id(self) -> int:
        return self.members[0].id

    def to_dict(self) -> dict:
        return {"cluster_id": self.id, "canonical_id": self.canonical_id,
                "articles": [asdict(m) for m in self.members]}


@dataclass(frozen=True)
class SharedParagraph:
    """A paragraph (normalised hash) found in articles of more than one outlet."""

    hash: int
    text: str
    article_ids: tuple[int, ...]
    outlets: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"hash": self.hash, "text": self.text, "article_ids": list(self.article_ids),
                "outlets": list(self.outlets)}


def clusters(db: sqlite_utils.Database, cluster_id: int | None = None) -> list[Cluster]:
    """Every cluster (or the one with `cluster_id`), oldest first."""
    where, params = ("WHERE cluster_id = ?", [cluster_id]) if cluster_id is not None else ("", [])
    rows = db.execute(f"""
        SELECT cluster_id, article_id, outlet, title, published, url, similarity, match_id, is_canonical
        FROM duplicates {where}
        ORDER BY cluster_id, is_canonical DESC, julianday(published) IS NULL, julianday(published), article_id
    """, params).fetchall()
    found: dict[int, list[Member]] = {}
    for row in rows:
        found.setdefault(row[0], []).append(Member(*row[1:8], canonical=bool(row[8])))
    return [Cluster(cid, tuple(members)) for cid, members in found.items()]


def shared_paragraphs(db: sqlite_utils.Database, article_id: int | None = None) -> list[SharedParagraph]:
    """Paragraphs printed by more than one outlet (or those of one article), most
    widely shared first."""
    where, params = "", []
    if article_id is not None:
        where, params = "WHERE hash IN (SELECT hash FROM paragraphs WHERE article_id = ?)", [article_id]
    rows = db.execute(f"""
        SELECT hash, text, article_ids, outlet_names FROM shared_paragraphs {where}
        ORDER BY outlets DESC, articles DESC, hash
    """, params).fetchall()
    return [SharedParagraph(h, text or "", tuple(sorted(int(i) for i in ids.split(","))),
                            tuple(sorted(outlets.split(","))))
            for h, text, ids, outlets in rows]
