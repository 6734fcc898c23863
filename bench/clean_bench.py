"""Benchmark the cleaner against baselines measured on the same inputs, in the same run.

    python bench/clean_bench.py                 # about four minutes on 2 cores
    python bench/clean_bench.py --seconds 2 --variants 500 --rss-sizes 2000 20000
    python bench/clean_bench.py --only html     # the HTML rates alone (about two minutes)

Reports, each as a ratio against a baseline measured here and now:
  * start-up (CPU time of the process, median of 7): `kliping --version` and `kliping
    clean` of one seed scrape, against `trafilatura --version` and `python -c pass`
    (kliping clean measured after a first run, also printed, has filled its cache of compiled
    patterns and parsed rules in an empty directory);
  * text scrapes end to end, per CPU second: `kliping clean DIR -j 1` (start-up
    included, output written) over seed-size variants of samples/ and over
    tests/corpus, against the floor of one Python process that reads every file and
    writes a JSON line for it; and the same scrapes in process;
  * HTML pages (per CPU second, in alternating rounds so that the machine's drift stays
    out of the ratios): kliping, trafilatura `extract(..., with_metadata=True)` and
    lxml's bare parse of the same bytes (the floor), on the real pages of ../shared/html
    split as the cleaner routes them (an outlet rule / the generic path; the outlet-rule
    pages also split into those the rule's body selectors read and those trafilatura
    reads, where the rule has no body selector that matches), on the fixture
    pages grown to real size with real pages' furniture, and on the fixture pages as
    they are (about 10 KiB); body F1 of both on the grown pages and, with
    ../shared/eval/score_html.py, on ../shared/html;
  * peak memory (max RSS) of `kliping clean` over generated JSON Lines of 10k and 100k
    records: it must stay flat, since inputs are streamed.
The last lines repeat the figures as the README's speed table. Nothing is shipped:
inputs are generated in a temporary directory (bench/corpora.py).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpora  # noqa: E402
from corpora import ROOT, SHARED  # noqa: E402

from kliping.cleaner import Settings, clean, load_rules, read_path  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402
from kliping.cleaner.pipeline import explain  # noqa: E402

BIN = Path(sys.executable).parent
#: trafilatura's command: its console script, or the module the script runs.
TRAFILATURA = ([str(BIN / "trafilatura")] if (BIN / "trafilatura").exists()
               else [sys.executable, "-m", "trafilatura.cli"])


def _timed(fn, items, seconds: float) -> float:
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            fn(item)
        done += len(items)
    return done / (time.process_time() - start)


def rate(fn, items, seconds: float) -> float:
    """Items per CPU second of `fn` over `items`, repeated for about `seconds`, after
    one pass over all of them (steady state: rules compiled, imports done)."""
    for item in items:
        fn(item)
    return _timed(fn, items, seconds)


def paired_rates(fns, items, seconds: float, rounds: int = 5) -> list[float]:
    """Rates of several functions over the same items, measured in alternating rounds
    (the machine's speed drifts; rates taken minutes apart drift with it): the median
    of each one's rounds."""
    for fn in fns:
        for item in items:
            fn(item)
    got: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for fn, rates in zip(fns, got):
            rates.append(_timed(fn, items, seconds / rounds / len(fns)))
    return [statistics.median(r) for r in got]


def child_cpu(argv: list[str], runs: int = 7, env: dict | None = None) -> float:
    """Median CPU time (user + system) in seconds of a command, output discarded. CPU
    time, not wall: on a shared machine the wall clock measures the neighbours too."""
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


_FLOOR = ("import json, pathlib, sys\n"
          "out = sys.stdout\n"
          "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
          "    out.write(json.dumps({'source': str(p), 'text': p.read_text('utf-8')}, ensure_ascii=False) + '\\n')\n")


def end_to_end(folder: Path, runs: int = 3) -> tuple[float, float]:
    """Docs per CPU second of `kliping clean FOLDER -j 1` (start-up included; median of
    `runs`), and of the floor: one Python process reading every file and writing a JSON
    line for it. kliping runs with a cache of its own, filled by one untimed run, as a
    user's is after the first batch: the user's cache (~/.cache/kliping) also holds what
    other checkouts and versions left there, and would measure them too."""
    count = len(list(folder.glob("*.txt")))
    argv = [str(BIN / "kliping"), "clean", "-j", "1", "-q", str(folder)]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "KLIPING_CACHE_DIR": cache}
        child_cpu(argv, runs=1, env=env)
        ours = child_cpu(argv, runs, env=env)
    floor = child_cpu([sys.executable, "-c", _FLOOR, str(folder)], runs)
    return count / ours, count / floor


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


def html_rates(name: str, docs, run, seconds: float) -> tuple[float, float, float]:
    """Pages per CPU second of kliping, trafilatura with metadata and lxml's bare parse
    over `docs` (paired rounds), printed as one line named `name`."""
    size = sum(len(d.data) for d in docs) / len(docs) / 1024
    k, t, parse = paired_rates([run, trafilatura_extract, lxml_parse], docs, 3 * seconds)
    print(f"{name}, {size:.0f} KiB a page: kliping {k:.1f} pages/s, trafilatura {t:.1f} "
          f"({k / t:.2f}×), lxml parse {parse:.1f} ({parse / k:.1f}× kliping's rate)")
    return k, t, parse


def by_selectors(doc, rules, settings) -> bool:
    """Say whether the cleaner reads the page's body by its rule's selectors (not by
    trafilatura, as it does where the rule has no body selector that matches)."""
    try:
        page = explain(doc, rules, settings).page
    except NotAnArticle:
        return False
    return bool(page and page.by_selectors)


def lxml_parse(doc):
    import lxml.html
    return lxml.html.document_fromstring(doc.data)


def startup_rows() -> list[tuple[str, str, str, str]]:
    """Start-up CPU time of `kliping --version` and of `kliping clean` of one scrape (its
    cache empty, then filled), against trafilatura's start-up and a bare Python's."""
    seed = sorted((ROOT / "samples").glob("*.txt"))[0]
    # As installed: pip writes every module's bytecode at install time; a checkout's first
    # run writes it here (unless PYTHONDONTWRITEBYTECODE forbids it: then each run would
    # compile the modules changed since, about 65 ms on this project).
    installed = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    child_cpu([str(BIN / "kliping"), "--version"], runs=1, env=installed)
    version = child_cpu([str(BIN / "kliping"), "--version"], env=installed)
    with tempfile.TemporaryDirectory() as cache:  # the first run fills kliping's cache, the next use it
        env = {**installed, "KLIPING_CACHE_DIR": cache}
        first = child_cpu([str(BIN / "kliping"), "clean", str(seed)], runs=1, env=env)
        clean_one = child_cpu([str(BIN / "kliping"), "clean", str(seed)], env=env)
    traf = child_cpu(TRAFILATURA + ["--version"], env=installed)
    bare = child_cpu([sys.executable, "-c", "pass"], env=installed)
    print(f"start-up, CPU time: kliping --version {version:.2f} s, kliping clean one scrape {clean_one:.2f} s "
          f"({first:.2f} s the first time, with an empty cache); "
          f"trafilatura --version {traf:.2f} s, python -c pass {bare:.2f} s")
    return [("`kliping --version`, CPU time (vs `trafilatura --version`)", f"{version:.2f} s", f"{traf:.2f} s",
             f"{version / traf:.2f}×"),
            ("`kliping clean` of one scrape, CPU time (vs `python -c pass`)", f"{clean_one:.2f} s", f"{bare:.2f} s",
             f"{clean_one / bare:.2f}×")]


def text_rows(run, variants: int, seconds: float, tmp: Path) -> list[tuple[str, str, str, str]]:
    """Text scrapes per CPU second: `kliping clean DIR -j 1` over `variants` seed-size
    scrapes and over tests/corpus against the read-and-write floor, then in process."""
    rows = []
    variant_dir = corpora.write_scrapes(corpora.seed_variants(variants), tmp / "variants")
    corpus = corpora.write_scrapes([(p.name, p.read_text("utf-8")) for p in corpora.corpus_scrapes()], tmp / "corpus")
    for name, folder in ((f"{variants:,} seed-size variants of samples/", variant_dir),
                         (f"tests/corpus ({len(list(corpus.glob('*.txt')))} real page texts)", corpus)):
        ours, floor = end_to_end(folder)
        print(f"text end to end, `kliping clean DIR -j 1`, {name}: {ours:,.0f} docs per CPU second; "
              f"floor (read + write JSON) {floor:,.0f} docs/s")
        rows.append((f"text scrapes end to end, `kliping clean DIR -j 1`, {name}, docs per CPU second "
                     "(vs reading and writing them)", f"{ours:,.0f}", f"{floor:,.0f}", f"{floor / ours:.1f}× slower"))
    in_process = rate(run, [read_path(p) for p in sorted(variant_dir.glob("*.txt"))[:500]], seconds)
    print(f"text in process, seed-size variants: {in_process:,.0f} docs per CPU second")
    rows.append(("… in process, docs per CPU second", f"{in_process:,.0f}", "", ""))
    return rows


def html_rows(run, rules, settings, seconds: float, tmp: Path) -> list[tuple[str, str, str, str]]:
    """HTML pages per CPU second against trafilatura and lxml's bare parse (../shared/html
    by route, the fixture pages grown and as they are), then the body F1 of both on the
    grown pages and, with ../shared beside the checkout, on ../shared/html."""
    rows = []
    ruled, generic = corpora.shared_pages(rules)
    sets = []
    if ruled:
        sets += [(f"HTML, outlet rule, ../shared/html ({len(ruled)} real pages)", ruled),
                 (f"HTML, generic path, ../shared/html ({len(generic)} real pages)", generic)]
        selected = [d for d in ruled if by_selectors(d, rules, settings)]
        unselected = [d for d in ruled if d not in selected]
        parts = [(f"… of these, the {len(selected)} pages the rule's body selectors read", selected),
                 (f"… of these, the {len(unselected)} pages trafilatura reads (their rule has no body "
                  "selector that matches)", unselected)]
    grown = corpora.grown_fixture_pages()
    small = [corpora.html_doc(p) for p in sorted((ROOT / "tests/fixtures/html").glob("*.html"))]
    sets += [("HTML, outlet rule, tests/fixtures/html grown to real size", grown),
             ("HTML, outlet rule, tests/fixtures/html as they are", small)]
    for name, docs in sets:
        k, t, parse = html_rates(name, docs, run, seconds)
        if ruled and docs is ruled:
            for part, part_docs in parts:
                if part_docs:
                    html_rates(part, part_docs, run, seconds)
        size = sum(len(d.data) for d in docs) / len(docs) / 1024
        rows.append((f"{name}, {size:.0f} KiB a page, pages per CPU second (vs trafilatura with "
                     "metadata)", f"{k:,.1f}", f"{t:,.1f}", f"{k / t:.2f}×"))
        rows.append(("… vs lxml's bare parse of the same pages (the floor)", f"{k:,.1f}", f"{parse:,.1f}",
                     f"{parse / k:.1f}× slower"))
    f_k = fixture_f1(grown, lambda d: (run(d).text if run(d) else ""))
    f_t = fixture_f1(grown, lambda d: json.loads(trafilatura_extract(d) or "{}").get("text"))
    print(f"body token F1 on the grown fixture pages: kliping {f_k:.3f}, trafilatura {f_t:.3f}")
    rows.append(("… body token F1 on the grown fixture pages", f"{f_k:.3f}", f"{f_t:.3f}", ""))
    if ruled:
        ours_f1, theirs_f1 = score_shared(ruled + generic, rules, settings, tmp)
        print(f"../shared/html quality, kliping:     {ours_f1}")
        print(f"../shared/html quality, trafilatura: {theirs_f1}")
    return rows


def rss_rows(sizes: tuple[int, int], tmp: Path) -> list[tuple[str, str, str, str]]:
    """Peak RSS of `kliping clean` over two sizes of streamed JSON Lines: flat, or a leak."""
    rss = [peak_rss(n, tmp) for n in sizes]
    print(f"peak RSS of `kliping clean`: {sizes[0]:,} records {rss[0]:.0f} MiB, "
          f"{sizes[1]:,} records {rss[1]:.0f} MiB (ratio {rss[1] / rss[0]:.2f})")
    return [(f"peak RSS of `kliping clean`, {sizes[1]:,} vs {sizes[0]:,} streamed records",
             f"{rss[1]:.0f} MiB", f"{rss[0]:.0f} MiB", f"{rss[1] / rss[0]:.2f}")]


def html_only(run, rules, seconds: float) -> None:
    """The HTML rates alone (../shared/html by route, the grown fixture pages), each
    set's line as the full run prints it."""
    ruled, generic = corpora.shared_pages(rules)
    sets = [(f"HTML, outlet rule, ../shared/html ({len(ruled)} real pages)", ruled),
            (f"HTML, generic path, ../shared/html ({len(generic)} real pages)", generic),
            ("HTML, outlet rule, tests/fixtures/html grown to real size", corpora.grown_fixture_pages())]
    for name, docs in sets:
        if docs:
            html_rates(name, docs, run, seconds)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=6.0, help="CPU seconds per throughput measure")
    ap.add_argument("--variants", type=int, default=2000, help="seed-size scrapes for the end-to-end run")
    ap.add_argument("--rss-sizes", type=int, nargs=2, default=(10_000, 100_000))
    ap.add_argument("--only", choices=("html",), help="measure only the HTML pages' rates (no start-up, text, "
                    "quality or memory figures, no table): for repeated runs on a shared machine")
    a = ap.parse_args()
    rules, settings = load_rules(), Settings()
    run = kliping_cleaner(rules, settings)
    if a.only == "html":
        return html_only(run, rules, a.seconds)
    table = startup_rows()  # rows of measure, kliping, baseline, ratio
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        table += text_rows(run, a.variants, a.seconds, tmp)
        table += html_rows(run, rules, settings, a.seconds, tmp)
        table += rss_rows(a.rss_sizes, tmp)

    print("\n<!-- speed table: bench/clean_bench.py -->")
    print("| measure | kliping | baseline | ratio |\n| --- | --- | --- | --- |")
    for row in table:
        print("| " + " | ".join(row) + " |")
    print("<!-- end of speed table -->")


if __name__ == "__main__":
    main()
