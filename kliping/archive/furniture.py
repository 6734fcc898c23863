"""Furniture the archive remembers: a paragraph printed in at least `min_articles`
distinct articles of one outlet is the outlet's furniture, not its news (a network
promo, a standard disclaimer that leaked through the rule). Near-duplicates count as
one article (a story and its copies share every paragraph: they are one story, counted
by its cluster), and an article most of whose paragraphs were seen before is a copy,
left whole.

The archive already holds the hash of every paragraph of eight words or more of every
article (`paragraphs`). At ingest, an article's paragraph found in `min_articles`
other articles of its outlet is dropped from its text — the raw scrape keeps it — and
remembered in `furniture` (outlet, hash, text, how many drops, first and last seen),
so later articles drop it at one lookup and `kliping furniture` can list it. A rule's
`keep` patterns (a quote or closing line that legitimately repeats) keep a paragraph.
The table is made when an ingest first needs it; an archive without it has no
furniture remembered yet.
"""
from __future__ import annotations

import itertools
import json
import re
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..cleaner import DEFAULT_SETTINGS, Settings
from ..signature import paragraph_spans
from ..sites import site_of
from .db import utc_now
from .records import row_content_hash
from .stem import stem_text

if TYPE_CHECKING:
    from .ingest import Received

#: A paragraph in this many distinct articles of one outlet is furniture. Chosen on the
#: dev part of tests/corpus (bench/furniture_bench.py --choose), cleaned by the generic
#: rule: at 2, 17 paragraphs the gold keeps as text would be dropped (Kontan's stock
#: tables, reprinted in several LQ45 stories), at 3 still 3, at 4 none — while VOI's
#: machine-translation note and iNews's network promo are caught.
MIN_ARTICLES = 4
#: Articles `FurnitureFilter.ahead` reads ahead.
AHEAD = 256
#: Furniture paragraphs whose stems a FurnitureFilter keeps.
STEMS_KEPT = 4096

FURNITURE_TABLE = """
CREATE TABLE IF NOT EXISTS furniture (
    outlet TEXT NOT NULL,
    hash INTEGER NOT NULL,
    text TEXT NOT NULL,
    articles INTEGER NOT NULL,  -- articles holding it when it was first dropped
    drops INTEGER NOT NULL DEFAULT 0,  -- articles it was dropped from since
    first_seen TEXT,
    last_seen TEXT,
    PRIMARY KEY (outlet, hash)
) WITHOUT ROWID
"""

def furniture_group(outlet: str | None, url: str | None) -> str | None:
    """The outlet whose furniture an article shares: its rule, or for an article the
    generic rule cleaned, its site ("generic:example.com"; None without a URL: a page
    of an unknown site shares furniture with nothing)."""
    if outlet != "generic":
        return outlet
    site = site_of(url) if url else None
    return f"generic:{site}" if site else None


def _register(conn: sqlite3.Connection) -> None:
    conn.create_function("furniture_group", 2, furniture_group, deterministic=True)



#: Which of the hashes (a JSON array) some stored or pending paragraph has.
_REPEATED = """SELECT DISTINCT value FROM json_each(?) WHERE
EXISTS (SELECT 1 FROM paragraphs WHERE hash = value) OR EXISTS (SELECT 1 FROM temp.pending_paragraphs WHERE hash = value)"""
_HELD = """SELECT 1 FROM paragraphs WHERE hash = :hash AND article_id = :me
UNION ALL SELECT 1 FROM temp.pending_paragraphs WHERE hash = :hash AND article_id = :me LIMIT 1"""


@dataclass(frozen=True)
class Furniture:
    """One paragraph of an outlet's furniture, as `kliping furniture` lists it."""

    outlet: str
    hash: int
    text: str
    articles: int
    first_seen: str | None
    last_seen: str | None

    def to_dict(self) -> dict:
        return {"outlet": self.outlet, "hash": self.hash, "text": self.text, "articles": self.articles,
                "first_seen": self.first_seen, "last_seen": self.last_seen}


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'furniture'").fetchone() is not None


def list_furniture(conn: sqlite3.Connection, outlet: str | None = None,
                   min_articles: int = MIN_ARTICLES) -> list[Furniture]:
    """Paragraphs in at least `min_articles` distinct articles of one outlet, most
    repeated first: those still in stored texts, and those ingests dropped (their
    articles counted as the stored holders plus the drops)."""
    _register(conn)
    params: dict = {"min": min_articles, "outlet": outlet}
    where = "WHERE furniture_group(a.outlet, a.url) = :outlet" if outlet else \
        "WHERE furniture_group(a.outlet, a.url) IS NOT NULL"
    rows = conn.execute(f"""
        SELECT furniture_group(a.outlet, a.url), p.hash, count(DISTINCT coalesce(a.cluster_id, -a.id)),
               min(a.ingested_at), max(a.ingested_at),
               (SELECT substr(x.text, q.start + 1, q.length) FROM paragraphs AS q
                JOIN articles AS x ON x.id = q.article_id WHERE q.hash = p.hash LIMIT 1)
        FROM paragraphs AS p JOIN articles AS a ON a.id = p.article_id {where}
        GROUP BY 1, p.hash HAVING count(DISTINCT coalesce(a.cluster_id, -a.id)) >= :min""", params).fetchall()
    found = {(r[0], r[1]): Furniture(r[0], r[1], r[5] or "", r[2], r[3], r[4]) for r in rows}
    if has_table(conn):
        where = "WHERE outlet = :outlet" if outlet else ""
        for o, h, text, drops, first, last in conn.execute(
                f"SELECT outlet, hash, text, drops, first_seen, last_seen FROM furniture {where}", params):
            held = _holders(conn, o, h)
            total = held[0] + drops  # articles holding it in their text, and those it was dropped from
            if total >= min_articles:
                found[(o, h)] = Furniture(o, h, text, total, min(filter(None, (first, held[1])), default=None), last)
    return sorted(found.values(), key=lambda f: (-f.articles, f.outlet, f.text))


def _holders(conn: sqlite3.Connection, group: str, hash_: int) -> tuple[int, str | None]:
    """(articles of `group` holding the paragraph in their text, the first one's ingest time)."""
    return conn.execute(
        "SELECT count(DISTINCT coalesce(a.cluster_id, -a.id)), min(a.ingested_at) FROM paragraphs AS p JOIN articles AS a "
        "ON a.id = p.article_id WHERE p.hash = ? AND furniture_group(a.outlet, a.url) = ?", (hash_, group)).fetchone()


def furniture_of(conn: sqlite3.Connection, group: str, hashes: list[int]) -> dict[int, int]:
    """hash → articles (holding it, or dropped from), for those of `hashes` that are
    remembered furniture of `group` (an outlet, or "generic:" and a site)."""
    if not hashes or not has_table(conn):
        return {}
    _register(conn)
    marks = ", ".join("?" * len(hashes))
    rows = conn.execute(f"SELECT hash, drops FROM furniture WHERE outlet = ? AND hash IN ({marks})",
                        [group, *hashes]).fetchall()
    return {h: drops + _holders(conn, group, h)[0] for h, drops in rows}


class FurnitureFilter:
    """Drops an outlet's furniture paragraphs from articles before they are stored."""

    def __init__(self, conn: sqlite3.Connection, min_articles: int = MIN_ARTICLES,
                 keep: Callable[[str], list[re.Pattern]] | None = None, now: Callable[[], str] | None = None):
        self.conn = conn
        self.min_articles = min_articles
        self.keep = keep or (lambda outlet: [])
        self.now = now or utc_now
        self.dropped = 0
        self._known: dict[str, dict[int, int]] = {}  # group → hash → articles, read once a group
        self._stems: dict[tuple, str] = {}  # (furniture paragraph, language) → its stems (dropped again and again)
        self._window: set[int] | None = None  # the hashes `ahead` asked about, and
        self._maybe_held: set[int] = set()  # those that may be held (stored, pending, passed)
        conn.execute(FURNITURE_TABLE)
        _register(conn)

    def _repeated(self, hashes: list[int]) -> list[int]:
        """Those of `hashes` some stored or pending paragraph has: one index probe per
        table and hash (one statement whatever the count: prepared once, no IN lists)."""
        return [h for (h,) in self.conn.execute(_REPEATED, (json.dumps(hashes),))]

    def ahead(self, items: Iterable[Received]) -> Iterator[Received]:
        """`items` (to ingest with this filter) as they come, read AHEAD at a time: one
        statement asks which of their paragraphs articles stored before them hold, for
        all of them, instead of one for each; an article's paragraphs then count as held
        for those after it (`passed`). A paragraph taken for held that is not (any more:
        an article updated) is only counted, and found in none."""
        items = iter(items)
        try:
            while chunk := list(itertools.islice(items, AHEAD)):
                hashes = {h for item in chunk if item.prepared is not None for h, _, _ in item.prepared.signed.paragraphs}
                self._maybe_held = set(self._repeated(list(hashes)))
                self._window = hashes
                yield from chunk
        finally:
            self._window = None

    def passed(self, spans: tuple[tuple[int, int, int], ...]) -> None:
        """An article went by: its paragraphs may be held from now on."""
        if self._window is not None:
            self._maybe_held.update([span[0] for span in spans])

    def stems_of(self, paragraph: str, language: str | None = None) -> str:
        """`stem_text(paragraph, language)`, kept for the paragraphs dropped (furniture recurs)."""
        stems = self._stems.get((paragraph, language))
        if stems is None:
            if len(self._stems) >= STEMS_KEPT:
                self._stems.clear()
            stems = self._stems[(paragraph, language)] = stem_text(paragraph, language)
        return stems

    def known(self, group: str) -> dict[int, int]:
        if group not in self._known:
            self._known[group] = dict(self.conn.execute(
                "SELECT hash, articles + drops FROM furniture WHERE outlet = ?", (group,)).fetchall())
        return self._known[group]

    def _counts(self, group: str, hashes: list[int], key: str | None) -> dict[int, int]:
        """hash → stories (clusters, or single articles) of `group` other than the
        article stored under `key` holding it, for those of `hashes` some other one holds."""
        # most paragraphs are in no other article: say which are, by what `ahead` asked
        # for all the articles around this one (a few more, counted below), or here
        if self._window is not None and self._window.issuperset(hashes):
            repeated = [h for h in hashes if h in self._maybe_held]
        else:
            repeated = self._repeated(hashes)
        if not repeated:
            return {}
        hashes, marks = repeated, ", ".join("?" * len(repeated))
        # an outlet's articles by their column; a site's by the function (slower, only those rows)
        same = "furniture_group(a.outlet, a.url) = ?" if group.startswith("generic:") else "a.outlet = ?"
        return dict(self.conn.execute(
            f"SELECT p.hash, count(DISTINCT coalesce(a.cluster_id, -a.id)) FROM ("
            f"SELECT hash, article_id FROM paragraphs WHERE hash IN ({marks}) UNION ALL "
            f"SELECT hash, article_id FROM temp.pending_paragraphs WHERE hash IN ({marks})) AS p "
            f"JOIN articles AS a ON a.id = p.article_id WHERE a.key IS NOT ? AND {same} GROUP BY p.hash",
            [*hashes, *hashes, key, group]).fetchall())

    def find(self, group: str, key: str | None, text: str,
             spans: tuple[tuple[int, int, int], ...]) -> list[tuple[int, str, int]]:
        """(hash, paragraph, articles) of the furniture among `spans` of `text`, each
        remembered; none when most of the text was seen before (a copy, not furniture)."""
        known = self.known(group)
        new = [h for h, _, _ in spans if h not in known]
        counts = self._counts(group, new, key) if new else {}
        if not counts and len(new) == len(spans):
            return []  # no other article holds any of its paragraphs (most articles)
        keep = self.keep(group)
        drop = []
        for hash_, start, length in spans:
            seen = known[hash_] + 1 if hash_ in known else counts.get(hash_, 0) + 1
            if seen >= self.min_articles:
                paragraph = text[start:start + length]
                if not any(p.search(paragraph) for p in keep):
                    drop.append((hash_, paragraph, seen))
        if not drop or len(drop) * 2 > len(spans):
            return []
        now = self.now()
        found = self.conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone() if key else None
        article_id = found[0] if found else None
        for hash_, paragraph, seen in drop:
            # one more article without it in its text: a new one, or a stored one that held it
            moved = article_id is None or self.conn.execute(_HELD, {"hash": hash_, "me": article_id}).fetchone()
            self.conn.execute(
                "INSERT INTO furniture (outlet, hash, text, articles, drops, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outlet, hash) DO UPDATE SET "
                "drops = drops + excluded.drops, last_seen = excluded.last_seen",
                (group, hash_, paragraph, seen - 1, 1 if moved else 0, now, now))
            known[hash_] = seen
        self.dropped += len(drop)
        return drop


def _without_stems(stems: str, paragraphs: list[str], stems_of: Callable[[str], str] = stem_text) -> str:
    """`stems` (a text's stemmed shadow) without the stems of `paragraphs` of that text:
    each paragraph's stems are a run of the text's (tokens never cross a blank line)."""
    padded = f" {stems} "
    for paragraph in paragraphs:
        run = f" {stems_of(paragraph)} "
        at = padded.find(run)
        if at < 0 or run == "  ":
            return ""
        padded = padded[:at] + padded[at + len(run) - 1:]
    return padded.strip(" ")


def strip_prepared(prepared, furniture: FurnitureFilter, settings: Settings = DEFAULT_SETTINGS):
    """An ingest's prepared article without its outlet's furniture paragraphs: its
    text, stems of the text (the dropped paragraphs' taken out), content hash, key and
    paragraph spans made again only when something was dropped. The MinHash signature is kept as the whole text gave it (a
    near-duplicate is found as it was before furniture was dropped; signing again would
    double the cost of such an article)."""
    stripped = _strip(prepared, furniture, settings)
    furniture.passed(prepared.signed.paragraphs)
    if stripped is not prepared:  # its spans: those left, or made again from the new text
        furniture.passed(stripped.signed.paragraphs)
    return stripped


def _strip(prepared, furniture: FurnitureFilter, settings: Settings):
    row = prepared.row
    group = furniture_group(row["outlet"], row["url"])
    if group is None or not prepared.signed.paragraphs:
        return prepared
    text = row["text"] or ""
    drop = furniture.find(group, row["key"], text, prepared.signed.paragraphs)
    if not drop:
        return prepared
    from .ingest import Prepared

    gone = {paragraph for _, paragraph, _ in drop}
    # the paragraphs as Article.from_dict splits them, without those dropped
    new_text = "\n\n".join(p for p in text.split("\n\n") if p.strip() and p.strip() not in gone)
    digest = row_content_hash(row, new_text)
    language = row["language"]
    stems = (_without_stems(row["text_stem"] or "", [p for _, p, _ in drop],
                            lambda paragraph: furniture.stems_of(paragraph, language))
             or stem_text(new_text, language))
    spans = _spans_without(prepared.signed.paragraphs, {h for h, _, _ in drop}, text, new_text, settings)
    # the key: the canonical URL, which dropping paragraphs leaves as it was, or the content hash
    key = f"sha256:{digest}" if row["key"] == f"sha256:{row['content_hash']}" else row["key"]
    return Prepared(dict(row, text=new_text, text_stem=stems, content_hash=digest, key=key),
                    replace(prepared.signed, paragraphs=spans))


def _spans_without(spans, hashes: set[int], text: str, new_text: str, settings: Settings):
    """The paragraph spans of `new_text`: `text`'s without those of `hashes`, later ones
    moved up by what was cut (a paragraph and its blank line); made again from the text
    when that does not add up."""
    cut, kept = 0, []
    for hash_, start, length in spans:
        if hash_ in hashes:
            cut += length + 2
        else:
            kept.append((hash_, start - cut, length))
            if new_text[start - cut:start - cut + length] != text[start:start + length]:
                return tuple(paragraph_spans(new_text, settings))
    if len(new_text) != len(text) - cut:
        return tuple(paragraph_spans(new_text, settings))
    return tuple(kept)


def keep_patterns(rules) -> Callable[[str], list[re.Pattern]]:
    """outlet → the compiled `keep` patterns of its rule (none for an unknown outlet).
    Raises ValueError naming the rule file for a pattern that could hang a run."""
    from ..cleaner.regex_safety import why_unsafe
    from ..cleaner.rules import expand

    cache: dict[str, list[re.Pattern]] = {}

    def keep(outlet: str) -> list[re.Pattern]:
        if outlet not in cache:
            rule = rules.rules.get(outlet.split(":")[0])  # "generic:site": the generic rule
            found = []
            for source in (rule.data.get("keep", []) if rule is not None else []):
                if why := why_unsafe(expand(source)):
                    raise ValueError(f"{rule.path}: keep pattern {source!r} {why}")
                found.append(re.compile(expand(source)))
            cache[outlet] = found
        return cache[outlet]

    return keep


def stored_pages(conn: sqlite3.Connection, group: str, limit: int) -> list[tuple[str, str, str | None, str | None]]:
    """(source, text, url, content type) of the newest `limit` raw scrapes whose article
    belongs to `group` (an outlet, or "generic:" and a site): what `rules learn
    --from-archive` learns from. Scrapes stored as bytes (not UTF-8) are passed over."""
    _register(conn)
    return conn.execute(
        "SELECT r.source, r.text, r.url, r.content_type FROM articles AS a JOIN raw AS r ON r.id = a.raw_id "
        "WHERE furniture_group(a.outlet, a.url) = ? AND r.text IS NOT NULL ORDER BY a.id DESC LIMIT ?",
        (group, limit)).fetchall()
