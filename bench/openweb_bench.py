"""Quality on the open web: kliping against trafilatura's default, precision and recall
modes on trafilatura's own evaluation set, and on ../shared/html, in one run.

    python bench/openweb_bench.py --fill-cache   # once: the evaluation set into the cache
    python bench/openweb_bench.py --fill-cache /path/to/trafilatura   # ... from a local clone
    python bench/openweb_bench.py                # the README table
    python bench/openweb_bench.py --pages        # also every page kliping misses or refuses

The evaluation set (pages from many countries: news, blogs, shops, public offices; Apache-2.0)
is trafilatura's `tests/evaldata.json` with its pages `tests/eval/` and `tests/cache/`, at
the commit pinned below. It is never copied into this repository: `--fill-cache [GIT_URL]`
(a URL, or the folder of a clone already on the machine) clones that commit into the cache folder, `$KLIPING_OPENWEB_CACHE` or
`~/.cache/kliping/trafilatura-eval`. It is scored as trafilatura's `tests/evaluate.py`
scores it: per page, each expected snippet ("with") found in the output is a true
positive, each missing one a false negative, each unwanted snippet ("without") found a
false positive; precision, recall and F-score over all pages. Snippets are compared with
whitespace folded. trafilatura runs as its evaluation runs it (`extract`, text output,
tables kept, comments left out); kliping's output scored is its `text` (the article body;
the title, like trafilatura's, is not in it), and a page kliping refuses as "not an
article" scores as empty output.

Parts: a page whose file name's SHA-256 starts with 0-4 is `test` (only scored, never
looked at while tuning: about 5 pages in 16), the others `dev`. trafilatura's outputs are
kept in the cache per trafilatura version (they depend only on the page), so a second run
only cleans with kliping.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kliping.cleaner import DEFAULT_SETTINGS, clean, load_rules  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402
from kliping.cleaner.inputs import read_bytes  # noqa: E402

#: Where the evaluation set comes from, and the commit it is read at.
EVAL_REPO = "https://github.com/adbar/trafilatura.git"
EVAL_COMMIT = "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5"
EVAL_PATHS = ("tests/evaldata.json", "tests/eval", "tests/cache")
#: First hex digits of a file name's SHA-256 that put its page in the test part.
TEST_DIGITS = "01234"
MODES = ("default", "precision", "recall")


def cache_dir() -> Path:
    """The folder holding the evaluation set."""
    env = os.environ.get("KLIPING_OPENWEB_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "kliping" / "trafilatura-eval"


def part_of(file_name: str) -> str:
    """"test" or "dev" for the evaluation page stored as `file_name`."""
    return "test" if hashlib.sha256(file_name.encode("utf-8")).hexdigest()[0] in TEST_DIGITS else "dev"


def fill_cache(source: str, cache: Path) -> None:
    """Clone the pinned commit of `source` (a git URL or a local clone) and keep only the
    evaluation set, in `cache`."""
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "trafilatura"
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", "--filter=blob:none", source,
                        str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", EVAL_COMMIT, "--", *EVAL_PATHS],
                       check=True)
        cache.mkdir(parents=True, exist_ok=True)
        for sub in ("eval", "cache"):
            shutil.rmtree(cache / sub, ignore_errors=True)
            shutil.copytree(clone / "tests" / sub, cache / sub)
        shutil.copy(clone / "tests" / "evaldata.json", cache / "evaldata.json")
        (cache / "COMMIT").write_text(EVAL_COMMIT + "\n", encoding="utf-8")


def eval_pages(cache: Path) -> list[dict]:
    """The evaluation set: one dict per page (url, file, part, with, without, path), in
    URL order; a page is looked for under cache/ then eval/, as trafilatura's evaluation does."""
    data = json.loads((cache / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(data):
        item = data[url]
        path = next((p for p in (cache / "cache" / item["file"], cache / "eval" / item["file"]) if p.is_file()),
                    None)
        if path is None:
            raise SystemExit(f"openweb_bench: {item['file']} ({url}) is not in {cache}; fill the cache again")
        pages.append({"url": url, "file": item["file"], "part": part_of(item["file"]),
                      "with": item["with"], "without": item["without"], "path": path})
    return pages


def norm(text: str) -> str:
    """Whitespace folded, as trafilatura's evaluation compares snippets."""
    return re.sub(r"\s+", " ", text).strip()


def count(page: dict, output: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page's output, as trafilatura's `count_item` counts them."""
    out = norm(output or "")
    tp = sum(1 for w in page["with"] if norm(w) in out) if out else 0
    fp = sum(1 for w in page["without"] if norm(w) in out) if out else 0
    return tp, fp, len(page["with"]) - tp, len(page["without"]) - fp


def scores(counts: list[tuple[int, int, int, int]]) -> dict[str, float]:
    """Precision, recall, accuracy and F-score of summed counts (trafilatura's
    `ConfusionMatrix.scores`)."""
    tp, fp, fn, tn = (sum(c[i] for c in counts) for i in range(4))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    accuracy = (tp + tn) / total if total else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"precision": precision, "recall": recall, "accuracy": accuracy, "f1": f1}


def trafilatura_outputs(pages: list[dict], cache: Path) -> dict[str, dict[str, str]]:
    """trafilatura's text for each page and mode, as its evaluation runs it; kept in the
    cache per trafilatura version."""
    import trafilatura
    from trafilatura import extract

    kept = cache / f"trafilatura-{trafilatura.__version__}.json"
    outputs = json.loads(kept.read_text(encoding="utf-8")) if kept.is_file() else {}
    options = {"include_comments": False, "include_tables": True, "include_formatting": False, "fast": False}
    changed = False
    for page in pages:
        if page["file"] in outputs:
            continue
        data = page["path"].read_bytes()
        outputs[page["file"]] = {
            "default": extract(data, **options) or "",
            "precision": extract(data, favor_precision=True, **options) or "",
            "recall": extract(data, favor_recall=True, **options) or "",
        }
        changed = True
    if changed:
        kept.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
    return outputs


UNTIMED = dataclasses.replace(DEFAULT_SETTINGS, document_seconds=None)


def kliping_output(data: bytes, source: str, rules, outlet: str | None = None) -> tuple[str | None, str | None]:
    """kliping's text of a page (read with `outlet`'s rule when given) and, when it
    refuses the page, the reason."""
    try:  # no time budget: this measures quality, and a loaded machine must not change it
        return clean(read_bytes(data, source), rules, settings=UNTIMED, outlet=outlet).text, None
    except NotAnArticle as exc:
        return None, str(exc)


def score_eval_set(cache: Path) -> tuple[list[dict], list[dict]]:
    """Per system and part, the evaluation set's scores; and one row per page for kliping."""
    pages = eval_pages(cache)
    traf = trafilatura_outputs(pages, cache)
    rules = load_rules()
    per_page = []
    for page in pages:
        text, refused = kliping_output(page["path"].read_bytes(), page["file"], rules)
        per_page.append({"file": page["file"], "url": page["url"], "part": page["part"], "refused": refused,
                         "kliping": count(page, text),
                         **{mode: count(page, traf[page["file"]][mode]) for mode in MODES}})
    rows = []
    for part in ("dev", "test", "all"):
        members = [r for r in per_page if part in ("all", r["part"])]
        for system in ("kliping", *MODES):
            rows.append({"set": "trafilatura eval", "part": part, "system": system, "pages": len(members),
                         "refused": sum(1 for r in members if r["refused"]) if system == "kliping" else 0,
                         **scores([r[system] for r in members])})
    return rows, per_page


def load_score_html():
    """The shared HTML scorer's module (../shared/eval/score_html.py)."""
    spec = importlib.util.spec_from_file_location("score_html", SHARED / "eval" / "score_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_shared_html() -> list[dict]:
    """../shared/html scored by its own scorer: kliping with its rules, kliping's generic
    path, trafilatura's default mode; and how many of the non-article pages are refused."""
    import trafilatura

    scorer, rules, html = load_score_html(), load_rules(), SHARED / "html"
    pages = [p for p in sorted(html.glob("*.html")) if not p.name.endswith(".expected.html")]
    runs = {"kliping": {}, "kliping, generic path": {}, "default": {}}
    for page in pages:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        data = page.read_bytes()
        for system, outlet in (("kliping", None), ("kliping, generic path", "generic")):
            try:
                runs[system][page.stem] = clean(read_bytes(data, page.name), rules, outlet=outlet).to_dict()
            except NotAnArticle:
                runs[system][page.stem] = {}
        res = trafilatura.extract(data, url=expected.get("url"), output_format="json", with_metadata=True)
        r = json.loads(res) if res else {}
        runs["default"][page.stem] = {"title": r.get("title"), "text": r.get("text"), "published": r.get("date")}
    nonarticles = sorted((html / "nonarticle").glob("*.html"))
    refused = {system: sum(kliping_output(p.read_bytes(), p.name, rules, outlet)[1] is not None for p in nonarticles)
               for system, outlet in (("kliping", None), ("kliping, generic path", "generic"))}
    rows = []
    for system, outs in runs.items():
        scored = [scorer.score(outs[p.stem], json.loads(p.with_suffix(".json").read_text(encoding="utf-8")))
                  for p in pages]
        f1s = [s["f1"] for s in scored if "f1" in s]
        contains = [tuple(map(int, s["contains"].split("/"))) for s in scored if "contains" in s]
        titles = [s["title_ok"] for s in scored if "title_ok" in s]
        dates = [s["date_ok"] for s in scored if "date_ok" in s]
        rows.append({"set": "shared html", "system": system, "pages": len(pages),
                     "f1": sum(f1s) / len(f1s),
                     "contains": f"{sum(c for c, _ in contains)}/{sum(n for _, n in contains)}",
                     "titles": f"{sum(titles)}/{len(titles)}", "dates": f"{sum(dates)}/{len(dates)}",
                     "nonarticles": (f"{refused[system]}/{len(nonarticles)}" if system in refused else "-")})
    return rows


NAMES = {"kliping": "kliping", "default": "trafilatura, default", "precision": "trafilatura, precision",
         "recall": "trafilatura, recall", "kliping, generic path": "kliping, generic path"}


def print_tables(eval_rows: list[dict], html_rows: list[dict], commit: str) -> None:
    """The README's two tables."""
    print(f"trafilatura's evaluation set ({commit[:7]}), scored as its tests/evaluate.py scores it:")
    print()
    print("| | part | pages | precision | recall | accuracy | F-score | refused as not an article |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in eval_rows:
        refused = r["refused"] if r["system"] == "kliping" else "-"
        print(f"| {NAMES[r['system']]} | {r['part']} | {r['pages']} | {r['precision']:.3f} | {r['recall']:.3f} "
              f"| {r['accuracy']:.3f} | {r['f1']:.3f} | {refused} |")
    print()
    print("../shared/html (35 Indonesian pages, 10 non-article pages), scored by ../shared/eval/score_html.py:")
    print()
    print("| | body F1 | required sentences | titles | dates | non-articles refused |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in html_rows:
        print(f"| {NAMES[r['system']]} | {r['f1']:.3f} | {r['contains']} | {r['titles']} | {r['dates']} "
              f"| {r['nonarticles']} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fill-cache", nargs="?", const=EVAL_REPO, metavar="GIT_URL",
                    help=f"clone the evaluation set into the cache, from a git URL or a local clone (default {EVAL_REPO})")
    ap.add_argument("--part", choices=("dev", "test"), help="with --pages: list only this part's pages")
    ap.add_argument("--pages", action="store_true", help="also list the pages kliping refuses or misses")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args(argv)
    cache = cache_dir()
    if args.fill_cache:
        fill_cache(args.fill_cache, cache)
        print(f"openweb_bench: trafilatura's evaluation set ({EVAL_COMMIT[:7]}) is in {cache}")
        return 0
    if not (cache / "evaldata.json").is_file():
        print(f"openweb_bench: no evaluation set in {cache}: fill it with "
              f"`python bench/openweb_bench.py --fill-cache` (clones {EVAL_REPO}; "
              "KLIPING_OPENWEB_CACHE picks another folder)")
        return 0
    if not (SHARED / "eval" / "score_html.py").is_file():
        print("openweb_bench: ../shared/eval/score_html.py is not beside the checkout", file=sys.stderr)
        return 2
    eval_rows, per_page = score_eval_set(cache)
    html_rows = score_shared_html()
    if args.json:
        print(json.dumps({"eval": eval_rows, "html": html_rows}, indent=2))
        return 0
    commit = (cache / "COMMIT").read_text(encoding="utf-8").strip() if (cache / "COMMIT").is_file() else "?"
    print_tables(eval_rows, html_rows, commit)
    if args.pages:
        for r in per_page:
            if args.part and r["part"] != args.part:
                continue
            tp, fp, fn, _ = r["kliping"]
            dtp, dfp, dfn, _ = r["default"]
            if r["refused"] or fn > dfn or fp > dfp:
                print(f"\n{r['file']} ({r['part']}) {r['url']}: kliping tp={tp} fp={fp} fn={fn}; "
                      f"trafilatura default tp={dtp} fp={dfp} fn={dfn}" + (f"; refused: {r['refused']}" if r['refused'] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
