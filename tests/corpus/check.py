#!/usr/bin/env python3
"""Check a labelled corpus (CORPUS/text/*.txt + CORPUS/gold/*.json) against ../shared/docs/labelling.md.

A gold file that quotes a paragraph the page does not hold, or names as furniture a string the
page lacks or the article itself contains, scores the cleaner against something no page shows.
This catches such labels before they are stored (on the raw texts) and after scrambling (a test
runs it on tests/corpus). Usage: check.py CORPUS_DIR [CORPUS_DIR …]; exit 1 on any problem.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

KEYS = {
    "sample", "outlet", "title", "published", "dateline", "editor", "author", "language",
    "description", "body", "related", "captions", "url", "must_not_contain", "scrambled",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:\d{2})?)?$")
OUTLET = re.compile(r"^[a-z][a-z0-9]*$")
LANGUAGE = re.compile(r"^[a-z]{2}$")


def flex(text: str) -> re.Pattern:
    """Regex for text that tolerates any run of whitespace where text has whitespace."""
    return re.compile(r"\s+".join(map(re.escape, text.split())))


def norm(text: str) -> str:
    return " ".join((text or "").split()).lower()


def problems(gold_path: Path, text_dir: Path) -> list[str]:
    """What is wrong with one gold file, each a short sentence."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"unreadable: {exc}"]
    found = []
    extra = set(gold) - KEYS
    if extra:
        found.append(f"unknown keys {sorted(extra)}")
    text_path = text_dir / str(gold.get("sample"))
    if gold.get("sample") != gold_path.stem + ".txt" or not text_path.is_file():
        return found + [f"sample {gold.get('sample')!r} is not {gold_path.stem}.txt beside it"]
    raw = text_path.read_text(encoding="utf-8")
    url = gold.get("url") or ""
    if not urlsplit(url).scheme.startswith("http") or not urlsplit(url).hostname:
        found.append(f"url {url!r} is not a page address")
    if not OUTLET.match(str(gold.get("outlet"))):
        found.append(f"outlet {gold.get('outlet')!r}")
    if gold.get("language") is not None and not LANGUAGE.match(gold["language"]):
        found.append(f"language {gold['language']!r}")
    if gold.get("published") is not None and not ISO_DATE.match(gold["published"]):
        found.append(f"published {gold['published']!r} is not ISO 8601")
    if not gold.get("body"):
        found.append("no body")
    quoted = [("title", gold.get("title")), ("description", gold.get("description"))]
    for key in ("body", "related", "captions"):
        quoted += [(key, p) for p in gold.get(key) or []]
    for key, value in quoted:
        if value is not None and (not value.strip() or not flex(value).search(raw)):
            found.append(f"{key} not in the text: {value[:60]!r}")
    body = norm(" \n ".join(gold.get("body") or []))
    title = norm(gold.get("title"))
    for marker in gold.get("must_not_contain") or []:
        if marker.lower() not in raw.lower():
            found.append(f"must_not_contain not in the text: {marker!r}")
        if marker.lower() in body or marker.lower() in title:
            found.append(f"must_not_contain is in the gold body or title: {marker!r}")
    if title and title in body:
        found.append("the title is inside a body paragraph (a perfect output would count as a leak)")
    if gold.get("description") and norm(gold["description"]) in body:
        found.append("the description is inside the body")
    return found


def check(corpus: Path) -> list[str]:
    """Problems of every gold file in one corpus, and of the corpus as a whole."""
    report, urls = [], {}
    gold_files = sorted((corpus / "gold").glob("*.json"))
    for path in gold_files:
        report += [f"{path.name}: {p}" for p in problems(path, corpus / "text")]
        try:
            url = json.loads(path.read_text(encoding="utf-8")).get("url")
        except ValueError:
            continue
        if url in urls:
            report.append(f"{path.name}: same url as {urls[url]}")
        urls.setdefault(url, path.name)
    labelled = {p.stem for p in gold_files}
    report += [f"{t.name}: no gold" for t in sorted((corpus / "text").glob("*.txt")) if t.stem not in labelled]
    return report


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    report = [f"{d}/{line}" for d in argv for line in check(Path(d))]
    print("\n".join(report) or "ok")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
