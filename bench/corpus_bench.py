"""Quality on real page texts: tests/corpus scored per outlet with ../shared/eval/score.py.

Cleans every page of the corpus (text scrapes, no URL given, as users' scrapers deliver
them) and scores each with the shared scorer's own `score_one`, then prints one row per
outlet and part (dev: tuned on; test: only scored) with pages, mean body F1, leaked
furniture and field errors (and how many of those are the outlet: a scrape that shows
nothing of its outlet is cleaned by `generic`, and the gold, labelled from the address,
names the outlet). `--part test` limits it to one part; `--pages` lists every
page with a problem; `--json` prints the rows.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
from split import CORPUS, part_of  # noqa: E402

from kliping.cleaner import clean, load_rules, read_path  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402

SHARED = ROOT.parent / "shared"


def load_scorer():
    """The shared scorer's module (../shared/eval/score.py)."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_corpus(corpus: Path = CORPUS, part: str | None = None) -> list[dict]:
    """One row per page: its stem, outlet (the gold's), part, and the scorer's verdict."""
    scorer, rules, rows = load_scorer(), load_rules(), []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page_part = part_of(gold["url"])
        if part and page_part != part:
            continue
        try:
            out = clean(read_path(corpus / "text" / gold["sample"]), rules).to_dict()
            verdict = scorer.score_one(out, gold)
        except NotAnArticle as exc:
            verdict = {"f1": 0.0, "leaks": [], "field_errors": [f"refused: {exc}"]}
        rows.append({"page": gold_path.stem, "outlet": gold["outlet"], "part": page_part, **verdict})
    return rows


def table(rows: list[dict]) -> list[dict]:
    """Rows per (outlet, part), most pages first, then each part's total."""
    groups = collections.defaultdict(list)
    for row in rows:
        groups[(row["outlet"], row["part"])].append(row)
        groups[("all", row["part"])].append(row)
    out = []
    for (outlet, part), members in groups.items():
        out.append({"outlet": outlet, "part": part, "pages": len(members),
                    "f1": sum(r["f1"] for r in members) / len(members),
                    "leaks": sum(len(r["leaks"]) for r in members),
                    "field_errors": sum(len(r["field_errors"]) for r in members),
                    "outlet_errors": sum(e.startswith("outlet=") for r in members for e in r["field_errors"])})
    return sorted(out, key=lambda r: (r["outlet"] == "all", r["part"], -r["pages"], r["outlet"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("dev", "test"))
    ap.add_argument("--pages", action="store_true", help="also list every page with a problem")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score.py").is_file():
        print("corpus_bench: ../shared/eval/score.py is not beside the checkout", file=sys.stderr)
        return 2
    rows = score_corpus(part=args.part)
    summary = table(rows)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print("| outlet | part | pages | body F1 | leaks | field errors | of them the outlet |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in summary:
        name = f"**{r['outlet']}**" if r["outlet"] == "all" else r["outlet"]
        print(f"| {name} | {r['part']} | {r['pages']} | {r['f1']:.3f} | {r['leaks']} | {r['field_errors']} | {r['outlet_errors']} |")
    if args.pages:
        for r in rows:
            if r["leaks"] or r["field_errors"] or r["f1"] < 0.98:
                print(f"\n{r['page']} ({r['outlet']}, {r['part']}) f1={r['f1']:.3f}")
                for item in r["leaks"]:
                    print(f"  leak: {item}")
                for item in r["field_errors"]:
                    print(f"  field: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
