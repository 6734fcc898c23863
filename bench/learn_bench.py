"""Rules learned from an outlet's own pages, scored: tests/corpus, three ways per outlet.

For every outlet of tests/corpus with at least 10 pages, `kliping rules learn` reads 5
of its `dev` pages (of its site with most pages, when one has 5: a network's sites are
learned one at a time; of its most common layout, when that has 5: pages of one kind;
those showing their foot first, as whole pages; spread evenly over their names; each
with its address, as a user who saved the pages knows it) and the outlet's `test` pages
are cleaned three ways:
with the generic rule, with the learned rule (the hand-written one taken out), and with
the hand-written rule — each forced, so the rule's cleaning is scored, not its matching
(text scrapes, no URL, as bench/corpus_bench.py cleans them; its scorer). Prints mean
body F1 and leaked furniture per way, and the seconds learning took (best of 3 runs).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from corpus_bench import SHARED, load_scorer  # noqa: E402
from split import CORPUS, part_of  # noqa: E402  (corpus_bench put tests/corpus on the path)

from kliping.authoring.layouts import largest_layout, shows_foot  # noqa: E402
from kliping.authoring.learn import LearnError, SourcePage, learn_rule  # noqa: E402
from kliping.authoring.samples import load_with  # noqa: E402
from kliping.cleaner import clean, load_rules, read_path  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402
from kliping.cleaner.rules import RuleSet  # noqa: E402
from kliping.sites import site_of  # noqa: E402

MIN_PAGES = 10
LEARN_FROM = 5
LEARNED = "learned"


def outlet_pages(corpus: Path = CORPUS) -> dict[str, list[dict]]:
    """Gold records per outlet ('generic' is several outlets, so left out)."""
    out: dict[str, list[dict]] = {}
    for path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        if gold["outlet"] != "generic":
            out.setdefault(gold["outlet"], []).append(gold)
    return out


def spread(items: list, n: int) -> list:
    """n items spread evenly over `items` (first and last included; one: the middle one)."""
    if len(items) <= n:
        return items
    if n <= 1:
        return items[(len(items) - 1) // 2:][:n]
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)]


def score(golds: list[dict], rules: RuleSet, outlet: str, scorer, show: bool = False) -> tuple[float, int]:
    if not golds:  # every page of that part was learned from
        return float("nan"), 0
    f1 = leaks = 0
    for gold in golds:
        try:
            out = clean(read_path(CORPUS / "text" / gold["sample"]), rules, outlet=outlet).to_dict()
            verdict = scorer.score_one({**out, "outlet": gold["outlet"]}, gold)
        except NotAnArticle:
            verdict = {"f1": 0.0, "leaks": []}
        if show and (verdict["leaks"] or verdict["f1"] < 0.98):
            print(f"  {gold['sample']} f1={verdict['f1']:.3f} leaks={verdict['leaks']}")
        f1 += verdict["f1"]
        leaks += len(verdict["leaks"])
    return f1 / len(golds), leaks


def corpus_text(gold: dict) -> str:
    return read_path(CORPUS / "text" / gold["sample"]).text


def learning_pages(dev: list[dict], text_of: Callable[[dict], str] = corpus_text) -> list[dict]:
    """The dev pages a rule is learned from: LEARN_FROM of one site, the site with most
    pages, as a user learns one site of a network (Tribun's) at a time; of its most
    common layout (the largest group of pages printing the same short lines:
    authoring/layouts.py), as a user learns from pages of one kind, when that has
    LEARN_FROM pages; spread over the rest when not (the learner then says whether they
    are one outlet). Among those, pages showing their foot first (layouts.shows_foot),
    as a user saves whole pages: a scrape cut off mid-paragraph shows nothing of the
    boxes and footers under the text; spread over them when there are LEARN_FROM, else
    all of them and the rest spread over the others."""
    sites = Counter(site_of(g["url"]) for g in dev)
    site, count = sites.most_common(1)[0] if sites else (None, 0)
    if site is not None and count >= LEARN_FROM:
        dev = [g for g in dev if site_of(g["url"]) == site]
    layout = [dev[i] for i in largest_layout([text_of(g) for g in dev])]
    pool = layout if len(layout) >= LEARN_FROM else dev
    whole = [g for g in pool if shows_foot(text_of(g))]
    if len(whole) >= LEARN_FROM:
        return spread(whole, LEARN_FROM)
    rest = [g for g in pool if g not in whole]
    return [g for g in pool if g in whole or g in spread(rest, LEARN_FROM - len(whole))]


def bench_outlet(outlet: str, golds: list[dict], rules: RuleSet, scorer, score_on: str = "test") -> dict:
    dev = learning_pages([g for g in golds if part_of(g["url"]) == "dev"])
    test = [g for g in golds if part_of(g["url"]) == score_on and g not in dev]
    pages = [SourcePage(g["sample"], read_path(CORPUS / "text" / g["sample"]).text, g["url"]) for g in dev]
    others = RuleSet({k: r for k, r in rules.rules.items() if k != outlet})
    row = {"outlet": outlet, "learned_from": len(dev), "test_pages": len(test)}
    seconds = []
    try:
        for _ in range(3):
            start = time.perf_counter()
            learned = learn_rule(LEARNED, pages, others)
            seconds.append(time.perf_counter() - start)
    except LearnError as exc:
        row["refused"] = str(exc)
        learned = None
    row["seconds"] = min(seconds) if seconds else None
    row["generic"] = score(test, rules, "generic", scorer)
    row["hand"] = score(test, rules, outlet, scorer)
    if learned:
        row["patterns"] = learned.patterns
        row["learned"] = score(test, load_with(LEARNED, learned.text, others), LEARNED, scorer)
        row["text"] = learned.text
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--table", action="store_true", help="the table only (what README.md holds)")
    ap.add_argument("--score-on", choices=("test", "dev"), default="test",
                    help="score the test pages (default) or the dev pages not learned from (for tuning)")
    ap.add_argument("--show", metavar="OUTLET", help="print the rule learned for OUTLET and each page's leaks")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").is_file():
        print("learn_bench: ../shared/eval/score.py is not beside the checkout", file=sys.stderr)
        return 2
    scorer, rules = load_scorer(), load_rules()
    rows = [bench_outlet(o, g, rules, scorer, args.score_on) for o, g in outlet_pages().items()
            if len(g) >= MIN_PAGES and args.show in (None, o)]
    if args.show:
        print(rows[0].get("text") or rows[0].get("refused"))
        if rows[0].get("text"):
            others = RuleSet({k: r for k, r in rules.rules.items() if k != args.show})
            golds = [g for g in outlet_pages()[args.show] if part_of(g["url"]) == args.score_on]
            score(golds, load_with(LEARNED, rows[0]["text"], others), LEARNED, scorer, show=True)
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "text"} for r in rows], indent=2))
        return 0
    print(f"| outlet | {args.score_on} pages | generic F1 / leaks | learned F1 / leaks | hand-written F1 / leaks "
          "| patterns learned |")
    print("| --- | --- | --- | --- | --- | --- |")
    def way(result: tuple[float, int]) -> str:
        return "-" if result[0] != result[0] else f"{result[0]:.3f} / {result[1]}"  # nan: no page to score

    for r in rows:
        learned = way(r["learned"]) if "learned" in r else "refused: " + r["refused"].split(":")[0]
        print(f"| {r['outlet']} | {r['test_pages']} | {way(r['generic'])} | {learned} "
              f"| {way(r['hand'])} | {r.get('patterns', '-')} |")
    if not args.table:
        seconds = [r["seconds"] for r in rows if r["seconds"] is not None]
        print(f"\nlearning from 5 pages: {max(seconds):.2f} s at most, {min(seconds):.2f} s at least "
              f"(best of 3 runs per outlet; target < 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
