"""Benchmark the cleaner against trafilatura on the same inputs, in the same run.

    python bench/clean_bench.py                 # about two minutes on 2 cores
    python bench/clean_bench.py --rss-sizes 2000 20000 --quick

Reports, each as a ratio against a baseline measured here and now:
  * text scrapes: docs per CPU second of the cleaner on variants of samples/ and the
    fixture scrapes (in process, decoding included);
  * HTML pages, generic path: pages per CPU second for kliping and for trafilatura
    `extract(..., with_metadata=True)` on ../shared/html (hosts with no kliping rule),
    measured in alternating rounds, and both F1 scores from ../shared/eval/score_html.py;
  * HTML pages with an outlet rule: the same on tests/fixtures/html (kliping's rules);
  * peak memory (max RSS) of `kliping clean` over generated JSON Lines of 10k and 100k
    records: it must stay flat, since inputs are streamed.
Nothing is shipped: corpora are generated in a temporary directory.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kliping.cleaner import RawDoc, Settings, clean, load_rules, read_path  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402


def rate(fn, items, seconds: float) -> float:
    """Items per CPU second of `fn` over `items`, repeated for about `seconds`, after
    one pass over all of them (steady state: rules compiled, imports done)."""
    for item in items:
        fn(item)
    return _timed(fn, items, seconds)


def _timed(fn, items, seconds: float) -> float:
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            fn(item)
        done += len(items)
    return done / (time.process_time() - start)


def paired_rates(ours, theirs, items, seconds: float, rounds: int = 5) -> tuple[float, float]:
    """Rates of two functions over the same items, measured in alternating rounds (the
    machine's speed drifts; a ratio of rates taken minutes apart drifts with it): the
    median of each side's rounds."""
    for item in items:
        ours(item)
        theirs(item)
    a, b = [], []
    for _ in range(rounds):
        a.append(_timed(ours, items, seconds / rounds))
        b.append(_timed(theirs, items, seconds / rounds))
    return statistics.median(a), statistics.median(b)


def text_corpus() -> list[RawDoc]:
    paths = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests/fixtures/pages").glob("*.txt"))
    return [read_path(p) for p in paths]


def html_docs(paths: list[Path]) -> list[RawDoc]:
    docs = []
    for p in paths:
        meta = p.with_suffix(".json")
        url = json.loads(meta.read_text("utf-8")).get("url") if meta.exists() else None
        data = p.read_bytes()
        docs.append(RawDoc(source=str(p), data=data, text=data.decode("utf-8", "replace"),
                           content_type="text/html", url=url))
    return docs


def kliping_cleaner(rules, settings):
    def run(doc):
        try:
            return clean(doc, rules, settings)
        except NotAnArticle:
            return None
    return run


def trafilatura_extract(doc):
    import trafilatura
    return trafilatura.extract(doc.data, url=doc.url, with_metadata=True, output_format="json")


def score_shared(docs, rules, settings, tmp: Path) -> tuple[str, str]:
    """F1 summary lines of kliping and trafilatura on the shared pages."""
    import trafilatura
    ours, theirs = tmp / "kliping.jsonl", tmp / "trafilatura.jsonl"
    with ours.open("w") as a, theirs.open("w") as b:
        for doc in docs:
            try:
                a.write(json.dumps(clean(doc, rules, settings).to_dict(), ensure_ascii=False) + "\n")
            except NotAnArticle:
                pass
            r = json.loads(trafilatura.extract(doc.data, url=doc.url, with_metadata=True,
                                               output_format="json") or "{}")
            b.write(json.dumps({"source": doc.source, "title": r.get("title"), "text": r.get("text"),
                                "published": r.get("date")}, ensure_ascii=False) + "\n")
    lines = []
    for out in (ours, theirs):
        res = subprocess.run([sys.executable, str(SHARED / "eval/score_html.py"), str(out),
                              str(SHARED / "html")], capture_output=True, text=True)
        lines.append(res.stdout.strip().splitlines()[-1])
    return lines[0], lines[1]


def token_f1(got: str, want: str) -> float:
    import collections
    import re
    g = collections.Counter(re.findall(r"\w+", got.lower()))
    w = collections.Counter(re.findall(r"\w+", want.lower()))
    hit = sum((g & w).values())
    if not hit:
        return 0.0
    p, r = hit / sum(g.values()), hit / sum(w.values())
    return 2 * p * r / (p + r)


def fixture_f1(docs, extract) -> float:
    scores = []
    for doc in docs:
        want = "\n\n".join(json.loads(Path(doc.source).with_suffix(".json").read_text("utf-8"))["body"])
        scores.append(token_f1(extract(doc) or "", want))
    return sum(scores) / len(scores)


def peak_rss(records: int, tmp: Path) -> float:
    """Max RSS in MiB of `kliping clean -j 1` over a JSON Lines file of `records`."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    path = tmp / f"corpus-{records}.jsonl"
    with path.open("w") as f:
        for i in range(records):
            f.write(json.dumps({"url": f"https://example.id/{i}", "text": texts[i % len(texts)]}) + "\n")
    kliping = Path(sys.executable).with_name("kliping")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([str(kliping), "clean", "-j", "1", "-q", str(path)], stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0, help="time per throughput measure")
    ap.add_argument("--rss-sizes", type=int, nargs=2, default=(10_000, 100_000))
    a = ap.parse_args()
    rules, settings = load_rules(), Settings()
    run = kliping_cleaner(rules, settings)
    rows = []

    text = text_corpus()
    rows.append(("text scrapes, docs/s per core", rate(run, text, a.seconds), None))

    fixtures = html_docs(sorted((ROOT / "tests/fixtures/html").glob("*.html")))
    k, t = paired_rates(run, trafilatura_extract, fixtures, 2 * a.seconds)
    f_k = fixture_f1(fixtures, lambda d: (run(d).text if run(d) else ""))
    f_t = fixture_f1(fixtures, lambda d: json.loads(trafilatura_extract(d) or "{}").get("text"))
    rows.append(("HTML with an outlet rule, pages/s per core", k, t))
    rows.append(("  body token F1 on tests/fixtures/html", f_k, f_t))

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if (SHARED / "html").is_dir():
            shared = html_docs([p for p in sorted((SHARED / "html").glob("*.html"))
                                if not p.name.endswith(".expected.html")])
            k, t = paired_rates(run, trafilatura_extract, shared, 2 * a.seconds)
            rows.append(("HTML, generic path (../shared/html), pages/s per core", k, t))
            ours, theirs = score_shared(shared, rules, settings, tmp)
        small, large = a.rss_sizes
        rss_small, rss_large = peak_rss(small, tmp), peak_rss(large, tmp)

    print(f"{'measure':58} {'kliping':>10} {'trafilatura':>12} {'ratio':>7}")
    for name, ours_v, base in rows:
        ratio = f"{ours_v / base:6.2f}x" if base else ""
        base_s = f"{base:12.2f}" if base is not None else " " * 12
        print(f"{name:58} {ours_v:10.2f} {base_s} {ratio:>7}")
    if (SHARED / "html").is_dir():
        print(f"generic path quality, kliping:     {ours}")
        print(f"generic path quality, trafilatura: {theirs}")
    print(f"peak RSS of `kliping clean`: {small:,} records {rss_small:.0f} MiB, "
          f"{large:,} records {rss_large:.0f} MiB (ratio {rss_large / rss_small:.2f})")


if __name__ == "__main__":
    main()
