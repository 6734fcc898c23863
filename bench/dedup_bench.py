"""Benchmark near-duplicate detection: quality against brute force, cost per article at scale.

Synthetic articles are drawn from the vocabulary of samples/*.txt (Zipf-weighted, the
same vocabulary as bench/archive_bench.py), 6-10 paragraphs of 40-80 words each. Planted
near-duplicates copy an earlier article with a fraction of its words replaced (edit
rates 1-30 %) or with paragraphs dropped and a paragraph of their own added (a mirror).

    python bench/dedup_bench.py                      # both, the scale run to 100k articles
    python bench/dedup_bench.py quality              # 5k articles, against brute force
    python bench/dedup_bench.py scale                # cost per article up to 1M articles
    python bench/dedup_bench.py scale --articles 100000 --keep /tmp/dedup.db

quality: the articles go through the archive's dedup (`kliping.archive.dedup`: sign,
LSH lookup, screen, exact verification, join a cluster, store) in a shuffled order;
then exact similarity of every pair (brute force, a sparse matrix product) says which
pairs truly reach the threshold. Reported: recall of those pairs (both in one
cluster), precision of same-cluster pairs (against brute force, and against the
planted families), and per kind of copy the share that joined its original's cluster.

scale: the dedup part of ingest, directly: each article row (key, outlet, text) is
inserted into `articles` with the FTS triggers dropped, then signed, looked up,
verified, clustered and its signature, band keys and paragraph hashes stored — the
same calls `kliping ingest` makes, the merges of the pending band index included (they
land in the batch that triggers them, so they count in the mean, not in the median
batch) — in transactions of 500, WAL, on one archive that grows to --articles. 5 % of the articles are planted copies. The full ingest (cleaning,
stems, FTS) is measured by bench/archive_bench.py; it would take hours at 1M here.
Reported per size: the cost per article (wall time of the batches, generation
excluded) in a window of articles ending at that size, and the LSH lookup time.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from archive_bench import vocabulary  # noqa: E402

from kliping.archive.db import FTS_TRIGGERS, open_archive  # noqa: E402
from kliping.archive.dedup import Deduplicator, Match  # noqa: E402
from kliping.cleaner import Settings  # noqa: E402
from kliping.signature import shingles, sign_text  # noqa: E402

EDIT_RATES = (0.01, 0.02, 0.05, 0.10, 0.20, 0.30)
DROP_SHARES = (0.2, 0.4)
OUTLETS = ("kontan", "inews", "tribunnews", "voi", "blogmirror")


class Words:
    """Zipf-weighted words of the samples' vocabulary, drawn with numpy."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        words, cum = vocabulary(random.Random(seed), 15000)
        weights = np.diff(np.asarray([0.0] + cum))
        self.words = np.asarray(words, dtype=object)
        self.p = weights / weights.sum()

    def draw(self, n: int) -> list[str]:
        return list(self.words[self.rng.choice(len(self.words), size=n, p=self.p)])

    def article(self) -> list[list[str]]:
        """Paragraphs as word lists."""
        return [self.draw(int(self.rng.integers(40, 81))) for _ in range(int(self.rng.integers(6, 11)))]

    def edited(self, paragraphs: list[list[str]], rate: float) -> list[list[str]]:
        """A copy with each word replaced by a random one with probability `rate`."""
        out = []
        for words in paragraphs:
            words = list(words)
            hits = np.flatnonzero(self.rng.random(len(words)) < rate)
            for i, word in zip(hits, self.draw(len(hits))):
                words[i] = word
            out.append(words)
        return out

    def mirrored(self, paragraphs: list[list[str]], share: float) -> list[list[str]]:
        """A mirror: `share` of the paragraphs dropped, one of its own added at the end."""
        drop = set(self.rng.choice(len(paragraphs), size=round(share * len(paragraphs)), replace=False).tolist())
        return [p for i, p in enumerate(paragraphs) if i not in drop] + [self.draw(30)]


def text_of(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(words).capitalize() + "." for words in paragraphs)


class DirectArchive:
    """An archive fed by the dedup calls of ingest, without cleaning, stems or FTS."""

    def __init__(self, path: Path, settings: Settings, cache_mb: int = 0):
        self.db = open_archive(path)
        for trigger in FTS_TRIGGERS:
            self.db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        if cache_mb:
            self.db.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
        self.dedup = Deduplicator(self.db, settings)
        self.lookup_seconds: list[float] = []

    def add(self, n: int, text: str, outlet: str) -> Match:
        """What Ingester.store_article does for a new article, timed in parts."""
        dedup = self.dedup
        signed = sign_text(text, dedup.settings)
        start = time.perf_counter()
        ids = dedup.candidates(signed.bands)
        self.lookup_seconds.append(time.perf_counter() - start)
        match = dedup.verify(text, signed, ids)
        cluster_id = dedup.join(match)
        cursor = self.db.execute(
            "INSERT INTO articles (key, outlet, text, content_hash, cluster_id) VALUES (?, ?, ?, ?, ?)",
            [f"https://{outlet}.example/{n}", outlet, text, f"h{n}", cluster_id])
        dedup.store(cursor.lastrowid, match)
        return match


def quality(args) -> None:
    settings = Settings(duplicate_threshold=args.threshold, num_perm=args.num_perm)
    words = Words(args.seed)
    kinds = [f"edit {r:.0%}" for r in EDIT_RATES] + [f"drop {s:.0%}" for s in DROP_SHARES]
    copies_per_kind = args.articles * 2 // 5 // len(kinds)
    originals = [words.article() for _ in range(args.articles - copies_per_kind * len(kinds))]
    docs = [(text_of(p), i, "original") for i, p in enumerate(originals)]  # (text, family, kind)
    picks = words.rng.choice(len(originals), size=copies_per_kind * len(kinds), replace=False)
    for k, kind in enumerate(kinds):
        for family in picks[k * copies_per_kind:(k + 1) * copies_per_kind]:
            rate = float(kind.split()[1].rstrip("%")) / 100
            copy = words.edited(originals[family], rate) if kind.startswith("edit") else words.mirrored(originals[family], rate)
            docs.append((text_of(copy), int(family), kind))
    random.Random(args.seed).shuffle(docs)

    with tempfile.TemporaryDirectory() as tmp:
        archive = DirectArchive(Path(tmp) / "q.db", settings)
        start = time.perf_counter()
        with archive.db.atomic():
            for n, (text, _, _) in enumerate(docs):
                archive.add(n, text, OUTLETS[n % len(OUTLETS)])
        elapsed = time.perf_counter() - start
        clusters = [row[0] for row in archive.db.execute("SELECT cluster_id FROM articles ORDER BY id")]
        archive.db.close()

    sets = [shingles(text, settings) for text, _, _ in docs]
    sim, jac = brute_force(sets)
    t = settings.duplicate_threshold
    n = len(docs)
    label = [c if c is not None else -(i + 1) for i, c in enumerate(clusters)]
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    same = (np.asarray(label)[:, None] == np.asarray(label)[None, :]) & upper
    family = np.asarray([f for _, f, _ in docs])
    same_family = (family[:, None] == family[None, :]) & upper
    true = (sim >= t) & upper
    true_j = (jac >= t) & upper
    print(f"quality: {n} articles ({len(originals)} originals, {n - len(originals)} planted copies), "
          f"threshold {t}, num_perm {settings.num_perm}, {settings.lsh_rows} rows x "
          f"{settings.num_perm // settings.lsh_rows} bands; dedup {1000 * elapsed / n:.2f} ms/article")
    print(f"  brute force: {int(true.sum())} pairs with max(Jaccard, containment) >= {t} "
          f"({int(true_j.sum())} with Jaccard >= {t})")
    print(f"  recall    (true pairs in one cluster):          {ratio(same & true, true)}")
    print(f"  recall    (Jaccard >= {t} pairs in one cluster): {ratio(same & true_j, true_j)}")
    print(f"  precision (same-cluster pairs truly >= {t}):     {ratio(same & true, same)}")
    print(f"  precision (same-cluster pairs, same family):    {ratio(same & same_family, same)}")
    print("  planted copies by kind: exact similarity to the original (mean), share >= threshold, "
          "share in the original's cluster")
    index_of = {}
    for i, (_, fam, kind) in enumerate(docs):
        if kind == "original":
            index_of[fam] = i
    for kind in kinds:
        rows = [i for i, (_, _, k) in enumerate(docs) if k == kind]
        sims = [sim[min(i, index_of[family[i]]), max(i, index_of[family[i]])] for i in rows]
        joined = [label[i] == label[index_of[family[i]]] for i in rows]
        print(f"    {kind:<9} similarity {statistics.mean(sims):.3f}  >= t: {np.mean(np.asarray(sims) >= t):6.1%}"
              f"  joined: {np.mean(joined):6.1%}")


def ratio(hit: np.ndarray, of: np.ndarray) -> str:
    total = int(of.sum())
    return f"{int(hit.sum()) / total:.4f} ({int(hit.sum())}/{total})" if total else "n/a"


def brute_force(sets: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Exact max(Jaccard, containment) and Jaccard of every pair (dense n x n)."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sets):
        for shingle in s:
            rows.append(i)
            cols.append(vocab.setdefault(shingle, len(vocab)))
    matrix = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sets), len(vocab)))
    common = (matrix @ matrix.T).toarray()
    sizes = np.asarray([len(s) for s in sets], dtype=np.float32)
    union = sizes[:, None] + sizes[None, :] - common
    jac = np.divide(common, union, out=np.zeros_like(common), where=union > 0)
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    contain = np.divide(common, smaller, out=np.zeros_like(common), where=smaller > 0)
    return np.maximum(jac, contain), jac


def scale(args) -> None:
    settings = Settings(duplicate_threshold=args.threshold, num_perm=args.num_perm)
    words = Words(args.seed)
    marks = sorted({m for m in (10_000, 100_000, 1_000_000, args.articles) if m <= args.articles})
    window = args.window
    recent: list[list[list[str]]] = []
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.keep) if args.keep else Path(tmp.name) / "scale.db"
    archive = DirectArchive(path, settings, args.cache_mb)
    timings: list[tuple[int, float, float]] = []  # (articles after batch, wall and CPU s per article)
    joined = 0
    done = 0
    started = time.perf_counter()
    while done < args.articles:
        size = min(args.batch, args.articles - done)
        batch = []
        for _ in range(size):
            if recent and words.rng.random() < 0.05:
                source = recent[int(words.rng.integers(len(recent)))]
                paragraphs = words.edited(source, 0.02) if words.rng.random() < 0.5 else words.mirrored(source, 0.2)
            else:
                paragraphs = words.article()
                recent.append(paragraphs)
                if len(recent) > 5000:
                    recent.pop(0)
            batch.append(text_of(paragraphs))
        start, cpu = time.perf_counter(), time.process_time()
        with archive.db.atomic():
            for text in batch:
                done += 1
                joined += archive.add(done, text, OUTLETS[done % len(OUTLETS)]).article_id is not None
        per_article = (time.perf_counter() - start) / size
        timings.append((done, per_article, (time.process_time() - cpu) / size))
        if done % 50_000 < args.batch:
            print(f"  {done:>9,} articles  {1000 * per_article:.3f} ms/article  "
                  f"({time.perf_counter() - started:,.0f} s)", file=sys.stderr, flush=True)
    with archive.db.atomic():
        archive.dedup.flush()  # what the end of an ingest does
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lookups = np.asarray(archive.lookup_seconds) * 1000
    print(f"scale: {done:,} articles, {joined:,} joined a cluster; {settings.num_perm} permutations, "
          f"cache {args.cache_mb or 256} MiB; "
          f"database {path.stat().st_size / 2**20:,.0f} MiB; total {time.perf_counter() - started:,.0f} s")
    base = None
    for mark in marks:
        window_times = [t for n, t, _ in timings if mark - window < n <= mark]
        cpu = statistics.mean(c for n, _, c in timings if mark - window < n <= mark)
        lookup = lookups[max(0, mark - window):mark]
        cost, typical = statistics.mean(window_times), statistics.median(window_times)
        base = base or (cost, typical, cpu)
        print(f"  at {mark:>9,}: wall mean {1000 * cost:.3f} ms/article ({cost / base[0]:.2f}x), median batch "
              f"{1000 * typical:.3f} ({typical / base[1]:.2f}x), CPU {1000 * cpu:.3f} ({cpu / base[2]:.2f}x);  "
              f"lookup p50 {np.percentile(lookup, 50):.3f} ms, p99 {np.percentile(lookup, 99):.3f} ms")
    rows = {t: archive.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("signatures", "signature_bands", "paragraphs")}
    print("  rows: " + ", ".join(f"{t} {n:,}" for t, n in rows.items()))
    archive.db.close()
    tmp.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    q = sub.add_parser("quality", help="precision and recall against brute force")
    q.add_argument("--articles", type=int, default=5000)
    s = sub.add_parser("scale", help="cost per article as the archive grows")
    s.add_argument("--articles", type=int, default=1_000_000)
    s.add_argument("--batch", type=int, default=500, help="articles per transaction")
    s.add_argument("--window", type=int, default=5000, help="articles averaged at each size")
    s.add_argument("--cache-mb", type=int, default=0, help="SQLite page cache (0: the archive's, 256 MiB)")
    s.add_argument("--keep", metavar="DB", help="write the archive here and keep it")
    for p in (q, s):
        p.add_argument("--threshold", type=float, default=0.8)
        p.add_argument("--num-perm", type=int, default=128)
        p.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if args.command is None:  # bench/run: both, the scale run to 100k (a few minutes)
        quality(parser.parse_args(["quality"]))
        scale(parser.parse_args(["scale", "--articles", "100000"]))
    else:
        quality(args) if args.command == "quality" else scale(args)


if __name__ == "__main__":
    main()
