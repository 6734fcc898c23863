"""Which of many gated patterns a line may match, from one look at the literals their
gates need (gates.py): a line holding none of them rules all those patterns out.

Each pattern's gate needs one of a few literals, raw (looked for in the line as it is)
or folded (in the line lower-cased by `gates.fold`). Many of them hold another: "baca
juga" holds "baca", "ANTARA FOTO" holds "ANTARA", and a raw "FOTO" lower-cased holds
the folded "foto". A line holding the longer one holds the shorter one too, so only the
literals holding no other are looked for, each standing for the patterns of the literals
holding it. The patterns a line's literals stand for are all those whose gates may
admit it (and a few more, which their own gates then rule out): the answers never change.
"""
from __future__ import annotations

from typing import Any

from .gates import fold

#: A rule pattern (rules.Pattern, with its `gate`): rules.py imports this module.
Pattern = Any
#: A literal: (folded, text), as gates.Needle.
Literal = tuple[bool, str]


def _holds(outer: Literal, inner: Literal) -> bool:
    """Say whether a line holding `outer` holds `inner` too."""
    (outer_folded, outer_text), (inner_folded, inner_text) = outer, inner
    if outer_folded == inner_folded:
        return inner_text in outer_text
    # a raw literal's folded form is in the folded line: ASCII letters fold one to one
    return inner_folded and outer_text.isascii() and inner_text in outer_text.lower()


class NeedleIndex:
    """The literals to look for in a line (`raw`, `folded`), each with the patterns it
    stands for, in the patterns' order."""

    def __init__(self, patterns: tuple[Pattern, ...]):
        literals = {(False, n) for p in patterns for n in p.gate.raw} | {
            (True, n) for p in patterns for n in p.gate.folded}
        looked_for = sorted(a for a in literals if not any(b != a and _holds(a, b) for b in literals))
        standing: dict[Literal, list[Pattern]] = {a: [] for a in looked_for}
        for p in patterns:
            for b in [(False, n) for n in p.gate.raw] + [(True, n) for n in p.gate.folded]:
                a = next(a for a in looked_for if _holds(b, a))  # b itself when looked for
                if p not in standing[a]:
                    standing[a].append(p)
        self.raw = tuple((text, tuple(ps)) for (folded, text), ps in standing.items() if not folded)
        self.folded = tuple((text, tuple(ps)) for (folded, text), ps in standing.items() if folded)

    def candidates(self, line: str) -> list[Pattern]:
        """The patterns whose gates may admit `line` (each once or more; none left out)."""
        found = [p for text, patterns in self.raw if text in line for p in patterns]
        if self.folded:
            low = fold(line)
            found += [p for text, patterns in self.folded if text in low for p in patterns]
        return found
