"""Pages of one outlet grouped by layout: pages printing the same short lines (menus,
labels, footers) share a layout, so five pages of one layout teach its furniture, where
five of five layouts share too few lines to teach any (Kontan's amp., insight. and
desktop pages, Tempo's /read/, /amp/ and 2024 pages); and whether a page shows its foot
(a scrape cut off mid-paragraph does not)."""
from __future__ import annotations

import re
from collections.abc import Sequence

#: Lines up to this long count as a layout's (its prose is longer, and differs).
LAYOUT_LINE_CHARS = 80
#: Two pages share a layout when they print at least this many of the same short lines.
SHARED_LINES = 2


def short_lines(text: str) -> set[str]:
    """The page's distinct short lines, spacing tidied."""
    return {line for raw in text.splitlines() if 0 < len(line := " ".join(raw.split())) <= LAYOUT_LINE_CHARS}


def largest_layout(texts: Sequence[str]) -> list[int]:
    """Return the indexes of the pages of the most common layout: the page sharing
    SHARED_LINES short lines with the most other pages, and those pages, in their order
    (the first page alone when no two pages share a layout)."""
    lines = [short_lines(t) for t in texts]
    partners = [[j for j in range(len(texts)) if j != i and len(lines[i] & lines[j]) >= SHARED_LINES]
                for i in range(len(texts))]
    if not texts:
        return []
    best = max(range(len(texts)), key=lambda i: (len(partners[i]), -i))
    return sorted([best, *partners[best]])



#: A paragraph: a line this long ending like a sentence.
PARAGRAPH_CHARS = 80
_PARAGRAPH_END = re.compile(r"[.!?…。！？][\"”’)」』]?$")
#: A page shows its foot when at least this many lines stand under its last paragraph
#: (a scrape cut off at a length shows one: the paragraph it was cut in).
FOOT_LINES = 2


def shows_foot(text: str) -> bool:
    """Say whether a page goes on past its last paragraph (menus, boxes, a footer): many
    scrapes are cut off at a length, mid-paragraph, and show nothing of the page's foot,
    so nothing of its furniture there can be learned from them."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    last = max((i for i, ln in enumerate(lines) if len(ln) >= PARAGRAPH_CHARS and _PARAGRAPH_END.search(ln)),
               default=-1)
    return len(lines) - 1 - last >= FOOT_LINES
