"""Near-duplicate articles at ingest: signatures, LSH lookups, clusters, paragraph hashes.

An article's text is signed by `kliping.signature` (MinHash over 3-word
shingles). Its LSH band keys are looked up in `signature_bands` and the pending run of
`band_index` — one index seek per band and table, at most `PER_BAND` ids read per key —
so the work per article does not grow with the archive. Candidates are screened by
their estimated similarity, the few left are verified exactly on their stored text,
and the best match at or above `duplicate_threshold` gives the article its cluster:
the match's cluster, or a new one founded on the match (`cluster_id` = the match's
id). Clusters are not merged: an article joins its best match's cluster only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sqlite_utils

from ..cleaner.settings import DEFAULT_SETTINGS, Settings
from ..signature import (Signature, SignedText, all_paragraph_hashes, band_count,
                                 band_keys, estimated_similarity, jaccard, paragraph_spans,
                                 shingles, sign_text, similarity)
from .band_index import BandIndex, lookup_sql
from .errors import ArchiveError

#: Candidates whose estimated similarity is this far below the threshold are dropped
#: without exact verification (about 4 standard deviations of a 128-value estimate).
ESTIMATE_MARGIN = 0.15


@dataclass(frozen=True)
class Match:
    """A signed text and its best verified match (if any)."""

    signed: SignedText
    article_id: int | None = None
    cluster_id: int | None = None
    similarity: float | None = None
    jaccard: float | None = None


def signature_params(settings: Settings) -> dict[str, int]:
    """The settings that make signatures and band keys comparable."""
    return {"num_perm": settings.num_perm, "minhash_seed": settings.minhash_seed,
            "shingle_size": settings.shingle_size, "lsh_rows": settings.lsh_rows,
            "lsh_bands": band_count(settings)}


def stored_params(db: sqlite_utils.Database) -> dict[str, int]:
    """The signature settings the archive's signatures were made with ({} when none)."""
    if not db.execute("SELECT 1 FROM signatures LIMIT 1").fetchone():
        return {}
    return dict(db.execute("SELECT name, value FROM signature_params").fetchall())


#: Stored articles whose shingle sets a Deduplicator keeps (least recently verified out).
SHINGLE_CACHE = 256


class Deduplicator:
    """Finds, records and clusters near-duplicates in one open archive."""

    def __init__(self, db: sqlite_utils.Database, settings: Settings = DEFAULT_SETTINGS):
        self.db = db
        self.settings = settings
        self.params = signature_params(settings)
        self.lookup = lookup_sql(self.params["lsh_bands"])
        self._check_params()
        self.index = BandIndex(db)
        self._shingle_cache: dict[int, tuple[str, frozenset[str]]] = {}
        with db.atomic():  # articles a run committed but did not merge (it died first)
            for article_id, count, data, text in self.index.unindexed():
                self.index.add(article_id, band_keys(Signature.from_bytes(data, count), settings),
                               paragraph_spans(text or "", settings))

    def _check_params(self) -> None:
        stored = stored_params(self.db)
        if stored == self.params:
            return
        if stored:
            differ = ", ".join(f"{k}={stored.get(k)}" for k in self.params if stored.get(k) != self.params[k])
            raise ArchiveError(
                f"the archive's signatures were made with {differ}; use the same settings, "
                f"or make them again with `kliping dupes --rebuild` and the new ones")
        with self.db.atomic():
            self.db.execute("DELETE FROM signature_params")
            self.db.conn.executemany("INSERT INTO signature_params (name, value) VALUES (?, ?)",
                                     list(self.params.items()))

    def match(self, text: str | None, exclude: int | None = None, signed: SignedText | None = None) -> Match:
        """Find the best match of `text` at or above the threshold; `signed` is the
        text's `sign_text` when a worker made it already."""
        signed = signed or sign_text(text or "", self.settings)
        if signed.signature is None:
            return Match(signed)
        return self.verify(text, signed, self.candidates(signed.bands, exclude))

    def candidates(self, bands: tuple[int, ...], exclude: int | None = None) -> list[int]:
        """Ids sharing a band key with `bands`, most shared bands first (bounded)."""
        limit = self.settings.duplicate_candidates
        rows = self.db.execute(self.lookup, [*bands, limit + 1]).fetchall()
        return [article_id for article_id, _ in rows if article_id != exclude][:limit]

    def verify(self, text: str | None, signed: SignedText, ids: list[int]) -> Match:
        """The best of `ids` by exact similarity, when it reaches the threshold."""
        found = Match(signed)
        if not ids:
            return found
        threshold = self.settings.duplicate_threshold
        marks = ", ".join("?" * len(ids))
        near = [article_id for article_id, count, data in self.db.execute(
                    f"SELECT article_id, shingles, minhash FROM signatures WHERE article_id IN ({marks})", ids)
                if estimated_similarity(signed.signature, Signature.from_bytes(data, count))
                >= threshold - ESTIMATE_MARGIN]
        if not near:
            return found
        shingle_set = shingles(text or "", self.settings)
        marks = ", ".join("?" * len(near))
        scored = []
        for article_id, other_text, cluster_id in self.db.execute(
                f"SELECT id, text, cluster_id FROM articles WHERE id IN ({marks})", near):
            other = self._shingles_of(article_id, other_text or "")
            scored.append((similarity(shingle_set, other), -article_id, cluster_id, other))
        if not scored:
            return found
        best, negative_id, cluster_id, other = max(scored, key=lambda s: s[:2])
        if best < threshold:
            return found
        return Match(signed, -negative_id, cluster_id, round(best, 4), round(jaccard(shingle_set, other), 4))

    def _shingles_of(self, article_id: int, text: str) -> frozenset[str]:
        """The shingles of a stored article's text, kept for the last SHINGLE_CACHE
        articles verified: the copies of one story arrive together and are checked
        against the same earlier ones (a changed text is shingled again)."""
        cached = self._shingle_cache.pop(article_id, None)
        if cached is None or cached[0] != text:
            cached = (text, shingles(text, self.settings))
        self._shingle_cache[article_id] = cached
        if len(self._shingle_cache) > SHINGLE_CACHE:
            del self._shingle_cache[next(iter(self._shingle_cache))]
        return cached[1]

    def join(self, match: Match) -> int | None:
        """The cluster for an article with this match: the match's, or a new one founded
        on the matched article (which then gets its own id as cluster_id)."""
        if match.article_id is None:
            return None
        if match.cluster_id is not None:
            return match.cluster_id
        self.db.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", [match.article_id, match.article_id])
        return match.article_id

    def store(self, article_id: int, match: Match) -> None:
        """Keep the article's signature; its band keys and paragraph hashes go to the
        pending run, merged into the stored tables when it is due (see `band_index`)."""
        signed = match.signed
        if signed.signature is None:
            return
        self.db.conn.execute(
            "INSERT OR REPLACE INTO signatures (article_id, shingles, minhash, match_id, similarity, indexed) "
            "VALUES (?, ?, ?, ?, ?, 0)", [article_id, signed.signature.shingles, signed.signature.to_bytes(),
                                         match.article_id, match.similarity])
        self.index.add(article_id, signed.bands, signed.paragraphs)
        if self.index.due():
            self.index.flush()

    def flush(self) -> None:
        """Merge the pending band keys and paragraph hashes into the stored tables (at
        the end of an ingest; inside the caller's transaction)."""
        self.index.flush()

    def forget(self, article_id: int, text: str | None) -> None:
        """Remove the article's signature, band keys and paragraph hashes (before its
        text changes); `text` is the text they were made from."""
        conn = self.db.conn
        row = conn.execute("SELECT shingles, minhash FROM signatures WHERE article_id = ?", [article_id]).fetchone()
        keys = band_keys(Signature.from_bytes(row[1], row[0]), self.settings) if row is not None else []
        self.index.remove(article_id, keys, all_paragraph_hashes(text or ""))
        conn.execute("DELETE FROM signatures WHERE article_id = ?", [article_id])

    def tidy(self, cluster_id: int | None) -> None:
        """A cluster left with one member after another left is no cluster."""
        if cluster_id is None:
            return
        ids = self.db.execute("SELECT id FROM articles WHERE cluster_id = ? LIMIT 2", [cluster_id]).fetchall()
        if len(ids) == 1:
            self.db.execute("UPDATE articles SET cluster_id = NULL WHERE id = ?", ids[0])


def rebuild(db: sqlite_utils.Database, settings: Settings = DEFAULT_SETTINGS,
            on_article: Callable[[int], None] | None = None) -> int:
    """Sign every article again, in id order, and cluster them as if ingested in that
    order; return the number of articles signed. Used by the schema migration and by
    `kliping dupes --rebuild` (after changing signature settings)."""
    for table in ("signatures", "signature_bands", "paragraphs", "signature_params"):
        db.execute(f"DELETE FROM {table}")
    db.execute("UPDATE articles SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
    dedup = Deduplicator(db, settings)
    dedup.index.clear()
    last, done = 0, 0
    while True:
        rows = db.execute("SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT 500", [last]).fetchall()
        if not rows:
            dedup.flush()
            return done
        for article_id, text in rows:
            match = dedup.match(text)
            cluster_id = dedup.join(match)
            if cluster_id is not None:
                db.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", [cluster_id, article_id])
            dedup.store(article_id, match)
            done += 1
            if on_article is not None:
                on_article(article_id)
        last = rows[-1][0]
