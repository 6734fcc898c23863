"""Pages of one outlet grouped by layout: pages printing the same short lines (menus,
labels, footers) share a layout, so five pages of one layout teach its furniture, where
five of five layouts share too few lines to teach any (Kontan's amp., insight. and
desktop pages, Tempo's /read/, /amp/ and 2024 pages)."""
from __future__ import annotations

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
