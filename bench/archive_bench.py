"""Benchmark the archive: ingest throughput, size per article, search latency.

Builds a synthetic archive (default 100,000 articles) from the vocabulary of samples/*.txt
— the words, plus affixed forms (di-…-kan, me-…-nya, …) so that stemming has work to do —
drawn with Zipf-like frequencies, in a temporary directory (nothing is shipped or kept).

    python bench/archive_bench.py                    # 100k articles, a few minutes on 2 cores
    python bench/archive_bench.py --articles 20000 --queries 100 --keep /tmp/bench.db

Reports:
  * archive ingest: docs/s through the archive's ingest (raw row, article row, stems,
    signature, FTS5 index, near-duplicate lookup and index, furniture detection as
    `kliping ingest` does it by default, batched transactions, WAL);
    the cleaning step is replaced by the prebuilt article so that this measures the
    archive alone — in one process, and its write side alone (what the main process
    of `kliping ingest --jobs N` does while workers clean, stem and sign);
  * end to end: docs/s of `kliping ingest --jobs 1` and `--jobs 2` on real scrapes
    (sample variants) with the real cleaner;
  * database size per article (after a WAL checkpoint), against the input bytes;
  * search latency p50/p95 for 1-, 2- and 3-word queries (parse, stem, FTS5 MATCH with
    bm25, snippets), limit 10.
"""
from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kliping.archive.db import open_archive  # noqa: E402
from kliping.archive.furniture import MIN_ARTICLES, FurnitureFilter, strip_prepared  # noqa: E402
from kliping.archive.ingest import Received, ingest, prepare, receive  # noqa: E402
from kliping.archive.workers import prepare_stream  # noqa: E402
from kliping.archive.search import search  # noqa: E402
from kliping.archive.stem import STOP_WORDS  # noqa: E402
from kliping.cleaner import Article, RawDoc, Settings, clean, load_rules  # noqa: E402

OUTLETS = ("kontan", "inews", "tribunnews", "voi", "blogmirror")
PREFIXES = ("", "", "", "di", "me", "ber", "ter", "pe", "se")
SUFFIXES = ("", "", "", "kan", "an", "nya", "i", "lah")


def vocabulary(rng: random.Random, size: int) -> tuple[list[str], list[float]]:
    """Words of the samples plus affixed forms, with cumulative Zipf weights."""
    text = " ".join(p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    counts: dict[str, int] = {}
    for word in re.findall(r"[A-Za-z]{2,}", text):
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
    base = sorted(counts, key=lambda w: -counts[w])
    words = list(base)
    seen = set(words)
    for _ in range(size * 20):  # bounded: the affixed forms are finite
        if len(words) >= size:
            break
        w = rng.choice(base)
        form = rng.choice(PREFIXES) + w + rng.choice(SUFFIXES)
        if form not in seen:
            seen.add(form)
            words.append(form)
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        weights.append(total)
    return words, weights


class Corpus:
    """Deterministic synthetic articles."""

    def __init__(self, seed: int = 42, vocab_size: int = 15000):
        self.rng = random.Random(seed)
        self.words, self.cum = vocabulary(self.rng, vocab_size)
        # queries: Zipf-weighted too, without stop words and the 20 most frequent words
        ranked = [(r, w) for r, w in enumerate(self.words, 1) if r > 20 and w not in STOP_WORDS]
        self.query_words = [w for _, w in ranked]
        self.query_cum = list(itertools.accumulate(1.0 / r for r, _ in ranked))

    def sentence(self, n: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        return " ".join(words).capitalize() + "."

    def article(self, i: int) -> Article:
        rng = self.rng
        paragraphs = tuple(
            " ".join(self.sentence(rng.randint(8, 20)) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(5, 10)))
        outlet = OUTLETS[i % len(OUTLETS)]
        day = f"20{rng.randint(20, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return Article(
            source=f"synthetic/{i}.txt", outlet=outlet, paragraphs=paragraphs,
            title=self.sentence(rng.randint(6, 12)).rstrip("."),
            published=f"{day}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+07:00",
            author=(self.sentence(2).rstrip("."),), language="id",
            description=self.sentence(rng.randint(15, 25)) if rng.random() < 0.5 else None,
            url=f"https://{outlet}.example/berita/{i}")

    def query(self, n: int) -> str:
        return " ".join(self.rng.choices(self.query_words, cum_weights=self.query_cum, k=n))


def bench_archive_ingest(db_path: Path, corpus: Corpus, n: int, furniture_min: int = MIN_ARTICLES) -> dict:
    """The archive's ingest of prebuilt articles, timed in parts: generating them (not
    counted), preparing them (stems, signature: what `ingest --jobs` does in workers)
    and writing them (the main process: lookups, rows, FTS5, dedup, and furniture
    detection as `kliping ingest` does it, unless `furniture_min` is 0)."""
    db = open_archive(db_path)
    filt = FurnitureFilter(db.conn, furniture_min) if furniture_min else None
    spent = {"generate": 0.0, "prepare": 0.0}
    input_bytes = 0

    def items():
        nonlocal input_bytes
        for i in range(n):
            start = time.perf_counter()
            article = corpus.article(i)
            text = f"{article.title}\n\n{article.description or ''}\n\n{article.text}\n"
            data = text.encode("utf-8")
            input_bytes += len(data)
            doc = RawDoc(source=article.source, data=data, text=text, url=article.url)
            made = time.perf_counter()
            prepared = prepare(article)
            spent["generate"] += made - start
            spent["prepare"] += time.perf_counter() - made
            yield Received(article.source, data, doc=doc, prepared=prepared)

    start = time.perf_counter()
    last = start
    done = 0

    def progress(item, outcome, error):
        nonlocal done, last
        done += 1
        if done % 10000 == 0:
            now = time.perf_counter()
            print(f"  {done:>7} articles, {10000 / (now - last):,.0f} docs/s", file=sys.stderr)
            last = now

    if filt is None:
        summary = ingest(db, items(), None, on_item=progress)
    else:
        summary = ingest(db, filt.ahead(items()), None, on_item=progress,
                         furniture=lambda prepared: strip_prepared(prepared, filt))
    elapsed = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    one_process = elapsed - spent["generate"]
    return {
        "articles": summary.new,
        "seconds": elapsed,
        "docs_per_s": n / one_process,
        "docs_per_s_write": n / (one_process - spent["prepare"]),
        "docs_per_s_prepare": n / spent["prepare"],
        "db_bytes": db_path.stat().st_size,
        "input_bytes": input_bytes,
    }


def bench_end_to_end(tmp: Path, n: int, jobs: int, seed: int = 7) -> dict:
    """`kliping ingest --jobs N`'s path (read, clean with the real rules, stem, sign in
    `jobs` workers; store) on sample variants."""
    rng = random.Random(seed)
    folder = tmp / f"scrapes-{jobs}"
    folder.mkdir()
    samples = [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for i in range(n):
        text = samples[i % len(samples)]
        words = text.split(" ")
        for _ in range(5):  # a few word changes make each a distinct article
            k = rng.randrange(len(words))
            words[k] = words[k] + str(i)
        (folder / f"{i:06d}.txt").write_text(" ".join(words), "utf-8")
    rules, settings = load_rules(), Settings()
    db_path = tmp / f"e2e-{jobs}.db"
    db = open_archive(db_path)
    start = time.perf_counter()
    items = prepare_stream(receive(sorted(str(p) for p in folder.glob("*.txt"))), db_path, jobs=jobs)
    summary = ingest(db, items, lambda d: clean(d, rules, settings))
    elapsed = time.perf_counter() - start
    db.close()
    return {"docs": summary.total, "failed": summary.failed, "docs_per_s": summary.total / elapsed}


def bench_search(db_path: Path, corpus: Corpus, queries: int) -> dict:
    db = open_archive(db_path, create=False)
    results = {}
    search(db, "warm up")
    for words in (1, 2, 3):
        times, hits = [], []
        for _ in range(queries):
            q = corpus.query(words)
            t = time.perf_counter()
            found = search(db, q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
        times.sort()
        results[words] = {
            "p50_ms": statistics.median(times),
            "p95_ms": times[int(0.95 * (len(times) - 1))],
            "max_ms": times[-1],
            "with_hits": sum(1 for h in hits if h) / len(hits),
        }
    db.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="per query length")
    parser.add_argument("--end-to-end", type=int, default=500, help="real scrapes cleaned and ingested")
    parser.add_argument("--keep", metavar="DB", help="write the archive here and keep it")
    parser.add_argument("--furniture-min", type=int, default=MIN_ARTICLES, metavar="N",
                        help="furniture detection as `kliping ingest --furniture-min N` (0: off)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kliping-bench-") as tmp:
        tmp = Path(tmp)
        db_path = Path(args.keep) if args.keep else tmp / "bench.db"
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(str(db_path) + suffix):
                os.remove(str(db_path) + suffix)
        corpus = Corpus()
        print(f"ingesting {args.articles:,} synthetic articles into {db_path} …", file=sys.stderr)
        ing = bench_archive_ingest(db_path, corpus, args.articles, args.furniture_min)
        e2e = {jobs: bench_end_to_end(tmp, args.end_to_end, jobs) for jobs in (1, 2)} if args.end_to_end else {}
        found = bench_search(db_path, corpus, args.queries)

    n = ing["articles"]
    print(f"\narchive ingest     {n:,} articles, FTS5 and near-duplicates on: one process "
          f"{ing['docs_per_s']:,.0f} docs/s; its write side (the main process of `ingest --jobs`) "
          f"{ing['docs_per_s_write']:,.0f} docs/s; preparing (stems, signature; in the workers) "
          f"{ing['docs_per_s_prepare']:,.0f} docs/s per core")
    for jobs, r in e2e.items():
        print(f"end to end         `kliping ingest --jobs {jobs}`: {r['docs']:,} scrapes read, cleaned and "
              f"stored: {r['docs_per_s']:,.0f} docs/s ({r['failed']} failed)")
    print(f"database size      {ing['db_bytes'] / 2**20:,.1f} MiB = {ing['db_bytes'] / n / 1024:.1f} KiB "
          f"per article (input {ing['input_bytes'] / n / 1024:.1f} KiB per article)")
    for words, r in found.items():
        print(f"search {words} word{'s' if words > 1 else ' '}     p50 {r['p50_ms']:6.1f} ms   "
              f"p95 {r['p95_ms']:6.1f} ms   max {r['max_ms']:6.1f} ms   "
              f"({r['with_hits']:.0%} of {args.queries} queries with hits)")
    rows = [(f"archive ingest, {n:,} synthetic articles, FTS5 and near-duplicates on: all in one process / "
             "write side of `ingest --jobs`, docs/s", f"{ing['docs_per_s']:,.0f} / {ing['docs_per_s_write']:,.0f}"),
            ("… preparing in the workers (stems, signature), docs/s per core", f"{ing['docs_per_s_prepare']:,.0f}")]
    if e2e:
        rows.append((f"`kliping ingest --jobs 1` / `--jobs 2`, {args.end_to_end:,} real scrapes end to end "
                     "(pool start-up included), docs/s", " / ".join(f"{r['docs_per_s']:,.0f}" for r in e2e.values())))
    rows.append(("archive size per article (input per article)",
                 f"{ing['db_bytes'] / n / 1024:.1f} KiB ({ing['input_bytes'] / n / 1024:.1f} KiB)"))
    rows.append((f"search p95 at {n:,} articles, " + " / ".join(str(w) for w in found) + " words (limit 10, snippets)",
                 " / ".join(f"{r['p95_ms']:.0f}" for r in found.values()) + " ms"))
    print("\n<!-- speed table: bench/archive_bench.py -->")
    print("| measure | kliping |\n| --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("<!-- end of speed table -->")


if __name__ == "__main__":
    main()
