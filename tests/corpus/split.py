#!/usr/bin/env python3
"""The corpus's two parts: `dev`, tuned on, and `test`, only scored.

A page's part follows from its address alone (the first hex digit of the SHA-256 of its
`url`: 0–5 is test, 6–f dev), so it was fixed before any rule was tuned and a page
added later falls where its address puts it. Usage:

    split.py PART OUT_DIR    # OUT_DIR/text and OUT_DIR/gold: links to that part's files
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
PARTS = ("dev", "test")
#: First hex digits of the address's SHA-256 that put a page in the test part (6 of 16).
TEST_DIGITS = "012345"


def part_of(url: str) -> str:
    """"test" or "dev" for the page at `url`."""
    return "test" if hashlib.sha256(url.encode("utf-8")).hexdigest()[0] in TEST_DIGITS else "dev"


def gold_files(part: str | None = None, corpus: Path = CORPUS) -> list[Path]:
    """The gold files of one part (or of both), sorted by name."""
    files = sorted((corpus / "gold").glob("*.json"))
    if part is None:
        return files
    return [f for f in files if part_of(json.loads(f.read_text(encoding="utf-8"))["url"]) == part]


def link_part(part: str, out: Path, corpus: Path = CORPUS) -> int:
    """Fill `out`/text and `out`/gold with links to the files of `part`; returns how many."""
    for sub in ("text", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    files = gold_files(part, corpus)
    for gold in files:
        text = corpus / "text" / (gold.stem + ".txt")
        for target, link in ((gold, out / "gold" / gold.name), (text, out / "text" / text.name)):
            if not link.exists():
                link.symlink_to(target.resolve())
    return len(files)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in PARTS:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    n = link_part(argv[0], Path(argv[1]))
    print(f"{n} pages of the {argv[0]} part in {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
