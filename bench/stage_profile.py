"""Where the cleaner's time goes, stage by stage, on real-size inputs.

    python bench/stage_profile.py               # about a minute
    python bench/stage_profile.py --seconds 20  # steadier shares
    python bench/stage_profile.py --only html   # the HTML workloads only

A sampling profiler (SIGPROF every 0.5 ms of CPU time) charges each sample to the stage
of the innermost frame that belongs to one: the modules of the cleaner map to stages
(rule match, line split, line patterns, headline, body, dedupe, metadata, dates,
language, output; for HTML: parse, read blocks, page head, strip, selectors/body, page
kind, prose box (kliping's own reading of a page without a rule), trafilatura). Helpers
every stage calls (rules.py's lookups, gates, the regex engine) are charged to the stage
that called them, and time inside C (lxml's parser, `re`) to the Python frame that
called it. Sampling, unlike cProfile, adds next to no cost per call, so the shares are
those of an ordinary run. Each stage's exclusive time per document is its share of the
CPU time measured for the whole workload.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpora  # noqa: E402

from kliping.cleaner import Settings, clean, load_rules  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402

#: (where the frame's file is, function names or None for all, stage), first hit wins.
STAGES = (
    ("/trafilatura/", None, "trafilatura"),
    ("/htmldate/", None, "trafilatura"),
    ("/justext/", None, "trafilatura"),
    ("/langdetect/", None, "language"),
    ("/json/", None, "output"),
    ("kliping/cleaner/html/page.py", {"parse_page", "_html_parser"}, "parse"),
    ("kliping/cleaner/html/page.py", None, "read blocks"),
    ("kliping/cleaner/html/head.py", None, "page head"),
    ("kliping/cleaner/html/body.py", {"strip_furniture", "_strip_selectors", "strip_named",
                                      "_word_search", "_id_class_names", "_attached",
                                      "prune_link_lists"}, "strip"),
    ("kliping/cleaner/html/body.py", {"trafilatura_body", "run"}, "trafilatura"),
    ("kliping/cleaner/html/body.py", None, "selectors/body"),
    ("kliping/cleaner/selectors.py", None, "selectors/body"),
    ("kliping/cleaner/html/kind.py", None, "page kind"),
    ("kliping/cleaner/html/prose.py", None, "prose box"),
    ("kliping/cleaner/inputs/", None, "read + decode"),
    ("kliping/cleaner/rules.py", {"match", "match_host", "_match_host", "match_fingerprint",
                                  "match_generator"}, "rule match"),
    ("kliping/cleaner/pipeline.py", {"pick_rule"}, "rule match"),
    ("kliping/cleaner/text/lines.py", None, "split lines"),
    ("kliping/cleaner/text/patterns.py", None, "line patterns"),
    ("kliping/cleaner/text/headline.py", None, "headline"),
    ("kliping/cleaner/text/standfirst.py", None, "headline"),
    ("kliping/cleaner/text/shapes.py", None, "headline"),
    ("kliping/cleaner/text/body.py", None, "body + cut-off"),
    ("kliping/cleaner/dedupe.py", None, "dedupe"),
    ("kliping/cleaner/metadata.py", {"detect_language", "quick_language"}, "language"),
    ("kliping/cleaner/words.py", None, "language"),
    ("kliping/cleaner/metadata.py", None, "metadata"),
    ("kliping/cleaner/dates.py", None, "dates"),
    ("kliping/cleaner/article.py", None, "output"),
    ("kliping/cleaner/pipeline.py", {"_without_controls", "build_article"}, "output"),
    ("kliping/cleaner/text/__init__.py", {"strip_controls"}, "output"),
)
#: Modules whose frames are charged to their caller's stage.
PASS_THROUGH = ("kliping/cleaner/rules.py", "kliping/cleaner/gates.py", "kliping/cleaner/budget.py",
                "kliping/cleaner/regex_safety.py", "kliping/cleaner/settings.py")
#: Helpers of body.py that the furniture strip, the link-list pruning and the body all
#: call, and page.py's measure of every box's text (the pruning's): charged to their caller's stage.
PASS_THROUGH_NAMES = {"kliping/cleaner/html/body.py": {"_chars", "_text_sizes", "_holds_prose"},
                      "kliping/cleaner/html/page.py": {"folded_sizes"}}
INTERVAL = 0.0005


def stage_of(frame) -> str:
    """The stage of the innermost frame of the stack that belongs to one."""
    first_kliping = None
    while frame is not None:
        code = frame.f_code
        path = code.co_filename
        if any(path.endswith(where) and code.co_name in names for where, names in PASS_THROUGH_NAMES.items()):
            frame = frame.f_back
            continue
        for where, names, stage in STAGES:
            if where in path and (names is None or code.co_name in names):
                return stage
        if first_kliping is None and "kliping/" in path and not path.endswith(PASS_THROUGH):
            first_kliping = path.rsplit("kliping/", 1)[1]
        frame = frame.f_back
    return first_kliping or "other"


def profile(run, docs, seconds: float) -> tuple[Counter, float, int]:
    """Run `run` over `docs` for about `seconds` of CPU time, sampling; return the
    samples by stage, the CPU seconds and the documents done."""
    for doc in docs:
        run(doc)  # steady state: imports done, patterns compiled
    samples: Counter = Counter()

    def tick(_sig, frame):
        samples[stage_of(frame)] += 1

    old = signal.signal(signal.SIGPROF, tick)
    signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    done, start = 0, time.process_time()
    try:
        while time.process_time() - start < seconds:
            for doc in docs:
                run(doc)
            done += len(docs)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, old)
    return samples, time.process_time() - start, done


def cleaner(rules, settings):
    """Clean a document and write its JSON line, as `kliping clean` does."""
    def run(doc):
        try:
            return json.dumps(clean(doc, rules, settings).to_dict(), ensure_ascii=False)
        except NotAnArticle:
            return None
    return run


def report(name: str, samples: Counter, cpu: float, done: int) -> None:
    total = sum(samples.values()) or 1
    per_doc = cpu / done * 1e6
    print(f"\n{name}: {done:,} documents, {per_doc:,.0f} µs per document ({done / cpu:,.0f} per CPU second)")
    print(f"  {'stage':22} {'share':>6} {'µs/doc':>8}")
    for stage, n in samples.most_common():
        print(f"  {stage:22} {n / total:6.1%} {per_doc * n / total:8.0f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=8.0, help="CPU seconds per workload")
    ap.add_argument("--only", choices=("text", "html"), help="profile only the text or only the HTML workloads")
    a = ap.parse_args()
    rules, settings = load_rules(), Settings()
    run = cleaner(rules, settings)
    workloads = [
        ("text scrapes, seed-size variants of samples/", [corpora.text_doc(n, t) for n, t in corpora.seed_variants(500)]),
        ("text scrapes, tests/corpus (real pages)", corpora.read_scrapes(corpora.corpus_scrapes())),
    ]
    ruled, generic = corpora.shared_pages(rules)
    if ruled:
        workloads.append((f"HTML, outlet rule, ../shared/html ({len(ruled)} real pages)", ruled))
        workloads.append((f"HTML, generic path, ../shared/html ({len(generic)} real pages)", generic))
    workloads.append(("HTML, outlet rule, tests/fixtures/html grown to real size", corpora.grown_fixture_pages()))
    for name, docs in workloads:
        if a.only is None or name.lower().startswith(a.only):
            report(name, *profile(run, docs, a.seconds))


if __name__ == "__main__":
    main()
