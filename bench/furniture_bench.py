"""Archive furniture: the default threshold chosen on tests/corpus, and the cost at ingest.

    python bench/furniture_bench.py --choose          # N from the dev part of tests/corpus
    python bench/furniture_bench.py --articles 100000 # ingest overhead, with and without

--choose ingests the `dev` pages of tests/corpus (text scrapes, no URL) into a
temporary archive without dropping anything, then for N = 2…8 counts the paragraphs
found in at least N distinct articles of one outlet: those the gold keeps in no page's
body (furniture caught) and those some page's gold body holds (article text that would
be lost). The default (`furniture.MIN_ARTICLES`) is the smallest N losing no article
text; the `test` part's figures for it are printed too (scored, not chosen on).

--articles N ingests N synthetic articles (bench/archive_bench.py's corpus; --share of
them, default 30%, carrying one of its outlet's 20 furniture paragraphs) twice in the
same run, without and with the furniture filter, in alternating rounds of 2,000 (the
order swapped each round). Each article arrives as the text scrape of its page (title,
then paragraphs, with its URL) and is cleaned by kliping's rules, stemmed and signed
once, timed apart (the same work for both archives); then each archive's write side
(lookups, rows, FTS5, near-duplicates, and the furniture filter for one of them) is
timed. It prints three ratios, with / without: the write side alone; with the stems and
signatures; and the whole ingest, cleaning included (what `kliping ingest` spends per
document but reading its file, which is left out: the ratio is if anything too high; the
figure the goal names, target under 1.10) — in elapsed time and in the process's CPU
time (on a shared machine, the elapsed time also holds what others run).
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
from split import CORPUS, part_of  # noqa: E402

from kliping.archive.db import open_archive  # noqa: E402
from kliping.archive.furniture import FurnitureFilter, list_furniture, strip_prepared  # noqa: E402
from kliping.archive.ingest import Received, ingest, prepare, receive  # noqa: E402
from kliping.cleaner import RawDoc, clean, load_rules  # noqa: E402
from kliping.signature import signature_text  # noqa: E402


def _golds(part: str) -> list[dict]:
    golds = [json.loads(p.read_text("utf-8")) for p in sorted((CORPUS / "gold").glob("*.json"))]
    return [g for g in golds if part_of(g["url"]) == part]


def _body(gold: dict) -> list[str]:
    body = gold.get("body") or []
    return body if isinstance(body, list) else [body]


def choose(part: str, tmp: Path, generic: bool) -> list[dict]:
    """Rows per N: furniture caught and article paragraphs lost, on one part of the corpus
    (cleaned by the rules in force, or by the generic rule with the gold's outlet: an
    outlet nobody wrote a rule for)."""
    golds = _golds(part)
    db = open_archive(tmp / f"{part}-{generic}.db")
    rules = load_rules()
    outlet_of = {g["sample"]: g["outlet"] for g in golds}
    names = [str(CORPUS / "text" / g["sample"]) for g in golds]

    def clean_doc(doc):
        if not generic:
            return clean(doc, rules)
        return clean(doc, rules, outlet="generic").replace(outlet=outlet_of[Path(doc.source).name])

    ingest(db, receive(names), clean_doc)
    bodies = {signature_text(p) for g in golds for p in _body(g)}
    rows = []
    for n in range(2, 9):
        found = list_furniture(db.conn, min_articles=n)
        lost = [f for f in found if signature_text(f.text) in bodies]
        rows.append({"n": n, "furniture": len(found) - len(lost), "article_text": len(lost),
                     "examples": [f"{f.outlet}: {f.text[:70]}" for f in found if f not in lost][:3],
                     "lost": [f"{f.outlet}: {f.text[:70]}" for f in lost[:3]]})
    db.close()
    return rows


def synthetic_items(n: int, share: float, spent: list[float], seed: int = 42):
    """n synthetic articles as text scrapes with their URL, cleaned and prepared; `share`
    of them end with one of their outlet's 20 furniture paragraphs. Seconds spent making
    them are added to spent[0] (left out of the timing), cleaning them to spent[1],
    stemming and signing them (ingest's `prepare`) to spent[2]; CPU seconds of the last
    two to spent[3] and spent[4]."""
    from archive_bench import OUTLETS, Corpus

    rules = load_rules()
    corpus = Corpus(seed)
    furniture = {o: [corpus.sentence(12) + " " + corpus.sentence(10) for _ in range(20)] for o in OUTLETS}
    for i in range(n):
        start = time.perf_counter()
        article = corpus.article(i)
        if corpus.rng.random() < share:
            promo = furniture[article.outlet][corpus.rng.randrange(20)]
            article = article.replace(paragraphs=article.paragraphs + (promo,))
        text = f"{article.title}\n\n{article.text}\n"
        data = text.encode("utf-8")
        doc = RawDoc(source=article.source, data=data, text=text, url=article.url)
        made, cpu = time.perf_counter(), time.process_time()
        cleaned = clean(doc, rules)
        was_cleaned, cpu_cleaned = time.perf_counter(), time.process_time()
        prepared = prepare(cleaned)
        spent[0] += made - start
        spent[1] += was_cleaned - made
        spent[2] += time.perf_counter() - was_cleaned
        spent[3] += cpu_cleaned - cpu
        spent[4] += time.process_time() - cpu_cleaned
        yield Received(article.source, data, doc=doc, prepared=prepared)


def overhead(n: int, share: float, tmp: Path, chunk: int = 2000) -> dict:
    """Seconds of the archive's ingest of the same n articles without and with the
    filter, in alternating rounds of `chunk` articles (the order swapped each round), so
    that what else the machine does weighs on both alike; making and preparing the
    articles (once, for both: the same work) is timed apart and added to both for the
    ratios with it."""
    dbs = {name: open_archive(tmp / f"{name}.db") for name in ("without", "with")}
    filt = FurnitureFilter(dbs["with"].conn)
    hooks = {"without": None, "with": lambda prepared: strip_prepared(prepared, filt)}
    out = {"without": 0.0, "with": 0.0, "cpu_without": 0.0, "cpu_with": 0.0}
    spent = [0.0] * 5
    items = synthetic_items(n, share, spent)
    for round_ in range(0, n, chunk):
        batch = list(itertools.islice(items, chunk))
        for name in (("without", "with") if round_ // chunk % 2 == 0 else ("with", "without")):
            start, cpu = time.perf_counter(), time.process_time()
            ingest(dbs[name], filt.ahead(batch) if hooks[name] else iter(batch), None, furniture=hooks[name])
            out[name] += time.perf_counter() - start
            out["cpu_" + name] += time.process_time() - cpu
    for db in dbs.values():
        db.close()
    out["dropped"] = filt.dropped
    out["clean"], out["prepare"], out["cpu_clean"], out["cpu_prepare"] = spent[1:]
    out["ratio"] = out["with"] / out["without"]
    out["cpu_ratio"] = out["cpu_with"] / out["cpu_without"]  # this process's CPU time: what others run weighs less
    out["ratio_prepare"] = (out["with"] + out["prepare"]) / (out["without"] + out["prepare"])
    out["cpu_ratio_prepare"] = (out["cpu_with"] + out["cpu_prepare"]) / (out["cpu_without"] + out["cpu_prepare"])
    whole = out["clean"] + out["prepare"]
    out["ratio_whole"] = (out["with"] + whole) / (out["without"] + whole)
    cpu_whole = out["cpu_clean"] + out["cpu_prepare"]
    out["cpu_ratio_whole"] = (out["cpu_with"] + cpu_whole) / (out["cpu_without"] + cpu_whole)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--choose", action="store_true")
    ap.add_argument("--articles", type=int, default=0)
    ap.add_argument("--share", type=float, default=0.3,
                    help="share of the articles carrying furniture (default 0.3)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.choose:
            for part, generic in (("dev", False), ("dev", True), ("test", False), ("test", True)):
                how = "the generic rule, outlet from the gold" if generic else "the rules in force"
                print(f"\n{part} part of tests/corpus, cleaned by {how}: paragraphs in >= N articles of one outlet")
                print("| N | furniture | article text (would be lost) |")
                print("| --- | --- | --- |")
                for row in choose(part, Path(tmp), generic):
                    print(f"| {row['n']} | {row['furniture']} | {row['article_text']} |")
                    for line in row["lost"]:
                        print(f"|   | | lost: {line} |")
                    for line in row["examples"] if row["furniture"] else []:
                        print(f"|   | e.g. {line} | |")
        if args.articles:
            r = overhead(args.articles, args.share, Path(tmp))
            print(f"\ningest of {args.articles:,} articles ({args.share:.0%} carrying furniture, "
                  f"{r['dropped']:,} paragraphs dropped), without -> with the furniture filter, "
                  f"elapsed (CPU) seconds:\n"
                  f"| part timed | without | with | ratio | CPU ratio |\n| --- | --- | --- | --- | --- |\n"
                  f"| write side alone | {r['without']:.1f} ({r['cpu_without']:.1f}) | {r['with']:.1f} "
                  f"({r['cpu_with']:.1f}) | {r['ratio']:.3f} | {r['cpu_ratio']:.3f} |\n"
                  f"| + stems and signatures ({r['prepare']:.1f} s, CPU {r['cpu_prepare']:.1f} s) | | | "
                  f"{r['ratio_prepare']:.3f} | {r['cpu_ratio_prepare']:.3f} |\n"
                  f"| whole ingest: + cleaning ({r['clean']:.1f} s, CPU {r['cpu_clean']:.1f} s) | | | "
                  f"{r['ratio_whole']:.3f} | {r['cpu_ratio_whole']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
