r"""Find rule patterns that can backtrack catastrophically.

Python's `re` backtracks: on a line a pattern does not match, it tries every way the
pattern could have matched. When a repeated part can match the same text in two ways,
the ways multiply with each repetition and a line of a few dozen characters takes
minutes. `why_unsafe` looks for exactly that: it builds the position automaton
(Glushkov) of the pattern's repeats from the `re` parse tree and searches it, paired
with itself, for a loop two different paths can go round on the same characters
(exponential ambiguity). That covers nested repeats (`(a+)+`, `(\s*x*)*`,
`(?:\w+\s?)*$`), repeated alternatives that can match the same text (`(a|a)*`,
`(?:\w|\d\d)+`, `(?:x|[^y])*`) and repetitions whose end and start overlap
(`(\d+\.\d+)*$`). A bound above 10 (`{1,60}`, or `{1,4}` inside `{1,5}`) counts as
unbounded, and so does any bound of two or more around a group holding an unbounded
repeat (`(?:.*,){10}`, `(\s+x[^>]{1,30}){1,5}`): each copy of such a group can split
the line anew, so the ways multiply by the line's length per copy (`^(?:.*,){10}P`
takes hours on a line of 362 characters). Lookaround and atomic-group bodies are checked on their own. Not flagged is
what `re` makes safe itself: `(\w|\d)+` compiles to one character class, and possessive
repeats and atomic groups are never backtracked into. A repeated group too large to
search (hundreds of alternatives) is rejected as such.

Decision on polynomial shapes (overlapping repeats one after the other, not inside a
loop, and copies of a small bounded repeat): they pass, except one. Their cost is a
power of the line length rather than an exponential, lines reach the rules with runs of
spaces collapsed, and rules need some of them (`\s*:?\s*`, `\s*(?P<value>.+)$`). The
one rejected is two unbounded repeats of the same character class side by side
(`\s*\s*`, `.*.*.*x`): never needed, since one repeat matches the same.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache

if sys.version_info >= (3, 11):
    from re import _constants as _c, _parser as _p
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

#: A {m,n} bound above this counts as unbounded.
BOUND = 10
#: Steps of the search (pairs of positions tried; about half a second) before a pattern counts
#: as too large to check.
WORK = 3_000_000
_ATOMS = (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
_ASSERTS = (_c.ASSERT, _c.ASSERT_NOT)
#: Atomic groups and possessive repeats (Python 3.11+).
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_ONCE = tuple(filter(None, (_ATOMIC, getattr(_c, "POSSESSIVE_REPEAT", None))))
_FLAGS = _c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_DOTALL
_CATEGORIES = {getattr(_c, "CATEGORY_" + name): re.compile(rx) for name, rx in (
    ("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"),
    ("WORD", r"\w"), ("NOT_WORD", r"\W"))}
#: Characters tried when asking whether two character classes share one.
_SAMPLES = tuple(map(chr, range(256))) + tuple("–—‘’“”•…›€\u2028\u3000ĀéЖαअ中١")
_SAMPLE_SET = frozenset(_SAMPLES)

_CATASTROPHIC = "can backtrack catastrophically: "
_EXPONENTIAL = ", so a line it does not match takes time exponential in its length"
WHY = {
    "nested": _CATASTROPHIC + "a repeat inside a repeat can split the same text in more than "
                              "one way (like (a+)+)" + _EXPONENTIAL,
    "alternatives": _CATASTROPHIC + "a repeated group has alternatives that can match the same "
                                    "text (like (a|ab|b)*)" + _EXPONENTIAL,
    "ambiguous": _CATASTROPHIC + "a repeated group can match the same text in more than one way "
                                 "(like (\\d+\\.\\d+)*)" + _EXPONENTIAL,
    "adjacent": _CATASTROPHIC + "two repeats of the same characters side by side (like \\s*\\s*) "
                                "try every split of the text between them; write one",
    "large": "is too large to check for catastrophic backtracking (a repeated group with very "
             "many alternatives); split it into several patterns",
}
#: Only a quantified group can go round two ways, and only a repeated atom written twice
#: is side by side: most patterns have neither and are not parsed at all.
_WORTH_PARSING = re.compile(r"\)[*+{]|\(\?[aiLmsu-]*x|(\\.|\[(?:\\.|[^\]\\])*\]|[^\\()\[\]|*+?{}])"
                            r"(?:[*+]|\{\d*,\d*\})\??\+?(?:\)|\(\?:)*\1[*+{]")
#: How to rewrite a rejected pattern (the hint of `kliping rules check`).
SAFETY_HINT = ("let each repetition start or end with text the repeats inside it cannot match: "
               r"(?:\w+\s?)* -> \w+(?:\s\w+)*, (?:\d+\s*)+ -> \d[\d\s]*; on Python 3.11+ a possessive "
               r"repeat, (?:\w+\s?)*+ or (?:\w++\s?)*, also works; see docs/writing-rules.md")


@lru_cache(maxsize=4096)
def why_unsafe(source: str) -> str | None:
    """Say why `source` can backtrack catastrophically ("can backtrack catastrophically:
    …"), or None when it cannot (or does not parse: compiling it reports that)."""
    if not _WORTH_PARSING.search(source):
        return None
    try:
        tree = _p.parse(source)
    except re.error:
        return None
    auto = _Automaton()
    auto.scan(tree, tree.state.flags)
    try:
        kind = auto.finding()
    except _TooLarge:
        kind = "large"
    return None if kind is None else WHY[kind]


def _label(op, av, flags) -> tuple:
    return op, tuple(av) if isinstance(av, list) else av, flags & _FLAGS


def _hits(label, ch: str) -> bool:
    op, av, flags = label
    if op == "union":
        return any(_hits(sub, ch) for sub in av)
    if flags & _c.SRE_FLAG_IGNORECASE:
        return any(_raw(op, av, flags, c) for c in {ch, ch.lower(), ch.upper()} if len(c) == 1)
    return _raw(op, av, flags, ch)


def _raw(op, av, flags, c: str) -> bool:
    if op is _c.LITERAL:
        return ord(c) == av
    if op is _c.NOT_LITERAL:
        return ord(c) != av
    if op is _c.ANY:
        return c != "\n" or bool(flags & _c.SRE_FLAG_DOTALL)
    if op is _c.IN:
        negate = bool(av) and av[0][0] is _c.NEGATE
        return negate != any(
            ord(c) == a if o is _c.LITERAL
            else a[0] <= ord(c) <= a[1] if o is _c.RANGE
            else bool(_CATEGORIES[a].match(c)) if o is _c.CATEGORY and a in _CATEGORIES
            else o is not _c.NEGATE  # another category: assume it may match
            for o, a in av)
    return True


def _own_chars(label) -> tuple[str, ...]:
    op, av, _ = label
    if op == "union":
        return tuple(c for sub in av for c in _own_chars(sub))
    if op in (_c.LITERAL, _c.NOT_LITERAL):
        return (chr(av),)
    if op is _c.IN:
        return tuple(chr(x) for o, a in av if o in (_c.LITERAL, _c.RANGE)
                     for x in ((a,) if o is _c.LITERAL else a))
    return ()


@lru_cache(maxsize=None)
def _chars(label) -> frozenset:
    """The sample characters and own characters (literals, range ends) `label` matches."""
    op, av, flags = label
    if op is _c.LITERAL:
        c = chr(av)
        tried = {c, c.lower(), c.upper()} if flags & _c.SRE_FLAG_IGNORECASE else {c}
    else:
        tried = _SAMPLES + _own_chars(label)
    return frozenset(c for c in tried if len(c) == 1 and _hits(label, c))


@lru_cache(maxsize=65536)
def _overlap(a, b) -> bool:
    """Say whether character classes `a` and `b` (labels) share a character."""
    ca, cb = _chars(a), _chars(b)
    return bool(ca & cb) or any(_hits(b, c) for c in ca - _SAMPLE_SET) \
        or any(_hits(a, c) for c in cb - _SAMPLE_SET)


class _TooLarge(Exception):
    pass


class _Automaton:
    """The position automaton of a parsed pattern: a position per character matched,
    `follow[p][r]` counting the ways to go from p to r (2 meaning two or more)."""

    def __init__(self):
        self.labels: list[tuple] = []
        self.follow: list[dict[int, int]] = []
        self.loops: list[range] = []         # positions of each unbounded repeat
        self.branches: list[list[range]] = []
        self.sides: list[_Automaton] = []    # bodies checked on their own
        self.adjacent = False
        self.scale = 1                       # the product of the bounds around
        self.work = 0

    def finding(self) -> str | None:
        """Say which kind of catastrophic shape the pattern has, if any."""
        if self.adjacent:
            return "adjacent"
        cleared: set[int] = set()  # positions on loops already found unambiguous
        for q in sorted({q for loop in self.loops for q in loop}):
            if q in cleared:
                continue
            span = max((loop for loop in self.loops if q in loop), key=len)
            pair, component = self._ambiguous_loop(q, span)
            if pair:
                return self._kind(q, *pair)
            cleared |= {a for a, b in component if a == b}
        return next(filter(None, (side.finding() for side in self.sides)), None)

    def _ambiguous_loop(self, q: int, span: range) -> tuple[tuple[int, int] | None, set]:
        """Return a pair of positions two runs reach on the same text while going round
        a loop through q (p == r: two ways between the same positions) or None, and the
        pairs on such loops. The loop stays within `span`, the outermost repeat holding q."""
        edges: dict[tuple, list[tuple]] = {}
        doubled = []
        todo, seen = [(q, q)], {(q, q)}
        while todo:
            a, b = node = todo.pop()
            out = edges.setdefault(node, [])
            self.work += len(self.follow[a]) * len(self.follow[b])
            if self.work > WORK:
                raise _TooLarge
            for a2, n in self.follow[a].items():
                for b2 in self.follow[b]:
                    if a2 not in span or b2 not in span:
                        continue
                    if a2 != b2 and not _overlap(self.labels[a2], self.labels[b2]):
                        continue
                    nxt = (a2, b2) if a2 <= b2 else (b2, a2)  # the product is symmetric
                    out.append(nxt)
                    if a == b and a2 == b2 and n > 1:
                        doubled.append((node, nxt))
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
        back: dict[tuple, list[tuple]] = {}
        for node, out in edges.items():
            for nxt in out:
                back.setdefault(nxt, []).append(node)
        todo, loop = [(q, q)], {(q, q)}
        while todo:
            for prev in back.get(todo.pop(), ()):
                if prev not in loop:
                    loop.add(prev)
                    todo.append(prev)
        pair = next(((a, b) for a, b in loop if a != b), None)
        pair = pair or next(((b[0], b[0]) for a, b in doubled if a in loop and b in loop), None)
        return pair, loop

    def _kind(self, q: int, p: int, r: int) -> str:
        if sum(q in loop for loop in self.loops) > 1:
            return "nested"
        for branch in self.branches:
            holding = [i for i, span in enumerate(branch) if p in span or r in span]
            if p != r and len(holding) > 1 or p == r and sum(not span for span in branch) > 1:
                return "alternatives"
        return "ambiguous"

    # -------------------------------------------------------------- building

    def scan(self, items, flags) -> None:
        """Add the loops of a sequence outside any loop: only they can go round."""
        previous = None
        for op, av in items:
            self._check_adjacent(previous, op, av)
            if op in _REPEATS and (av[1] * self.scale > BOUND or _copies_of_a_loop(av)):
                self._repeat(*av, flags)
            elif op in _REPEATS:
                self.scale, outer = self.scale * av[1], self.scale
                self.scan(av[2], flags)
                self.scale = outer
            elif op in _ONCE or op in _ASSERTS:
                self._side(op, av, flags)
            else:
                for sub, sub_flags in _children(op, av, flags):
                    self.scan(sub, sub_flags)
            previous = op, av

    def seq(self, items, flags) -> tuple[int, dict, dict]:
        """Add a sequence inside a loop; return (ways to match empty, first positions,
        last positions) with the number of ways to each."""
        empty, first, last = 1, {}, {}
        previous = None
        for op, av in items:
            self._check_adjacent(previous, op, av)
            e, f, l = self.node(op, av, flags)
            self._link(last, f)
            first = _plus(first, f, empty)
            last = _plus(l, last, e)
            empty = min(empty * e, 2)
            previous = op, av
        return empty, first, last

    def node(self, op, av, flags) -> tuple[int, dict, dict]:
        if op in _ATOMS:
            return self._position(_label(op, av, flags))
        if op is _c.SUBPATTERN:
            return self.seq(av[3], (flags | av[1]) & ~av[2])
        if op is _c.BRANCH or op is _c.GROUPREF_EXISTS:
            return self._branch([sub for sub, _ in _children(op, av, flags)], flags)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            return self._repeat(*av, flags)
        if op in _ONCE:  # backtracked within, never into: checked alone, one position here
            self._side(op, av, flags)
            body = av if op is _ATOMIC else av[2]
            _, f, l = self._position(("union", tuple(set(_atom_labels(body, flags))), 0))
            nullable = body.getwidth()[0] == 0 or op is not _ATOMIC and av[0] == 0
            return int(nullable), f, l
        if op in _ASSERTS:
            self._side(op, av, flags)
        elif op is _c.GROUPREF:
            return 1, *self._position(_label(_c.ANY, None, _c.SRE_FLAG_DOTALL))[1:]
        return 1, {}, {}  # ^, $, \b and the like match no character

    def _side(self, op, av, flags) -> None:
        side = _Automaton()
        if op is _ATOMIC and len(av) == 1 and av[0][0] in _REPEATS:
            op, av = av[0]  # (?>X*) is X*+: only X backtracks
        for sub, sub_flags in _children(op, av, flags):
            side.scan(sub, sub_flags)
        self.sides.append(side)

    def _check_adjacent(self, previous, op, av) -> None:
        if previous and op in _REPEATS and previous[0] in _REPEATS \
                and min(av[1], previous[1][1]) > BOUND:
            body, before = list(av[2]), list(previous[1][2])
            self.adjacent |= len(body) == 1 and body[0][0] in _ATOMS and body == before

    def _position(self, label) -> tuple[int, dict, dict]:
        self.labels.append(label)
        self.follow.append({})
        p = len(self.labels) - 1
        return 0, {p: 1}, {p: 1}

    def _link(self, last: dict, first: dict) -> None:
        for p, n in last.items():
            for r, m in first.items():
                self.follow[p][r] = min(self.follow[p].get(r, 0) + n * m, 2)

    def _branch(self, branches, flags) -> tuple[int, dict, dict]:
        empty, first, last, spans = 0, {}, {}, []
        for items in branches:
            start = len(self.labels)
            e, f, l = self.seq(items, flags)
            spans.append(range(start, len(self.labels)))
            empty, first, last = min(empty + e, 2), _plus(first, f), _plus(last, l)
        self.branches.append(spans)
        return empty, first, last

    def _repeat(self, lo, hi, items, flags) -> tuple[int, dict, dict]:
        start, outer = len(self.labels), self.scale
        if hi * outer > BOUND or _copies_of_a_loop((lo, hi, items)):  # X+ or X*: one copy that loops
            self.scale = 1
            e, f, l = self.seq(items, flags)
            self.scale = outer
            self._link(l, f)
            self.loops.append(range(start, len(self.labels)))
            return (min(e + 1, 2) if lo == 0 else e), f, l
        # X{m,n}: at most two copies, those past m optional, nested as X(X)? and (X(X)?)?
        self.scale = outer * hi
        copies = [self.seq(items, flags) for _ in range(min(hi, 2))]
        self.scale = outer
        tail = (1, {}, {})
        for copy in reversed(copies[min(lo, 2):]):
            tail = self._then(copy, tail)
            tail = (min(tail[0] + 1, 2), tail[1], tail[2])
        result = (1, {}, {})
        for copy in copies[:min(lo, 2)]:
            result = self._then(result, copy)
        return self._then(result, tail)

    def _then(self, a, b) -> tuple[int, dict, dict]:
        self._link(a[2], b[1])
        return min(a[0] * b[0], 2), _plus(a[1], b[1], a[0]), _plus(b[2], a[2], b[0])


def _copies_of_a_loop(av) -> bool:
    """Say whether a repeat of two or more copies holds an unbounded repeat (each copy
    can then split the text anew: treated as a loop)."""
    return av[1] >= 2 and _has_loop(av[2])


def _has_loop(items) -> bool:
    for op, av in items:
        if op in _REPEATS and av[1] > BOUND:
            return True
        if any(_has_loop(sub) for sub, _ in _children(op, av, 0)):
            return True
    return False


def _children(op, av, flags) -> list[tuple[list, int]]:
    """The sub-sequences of a parse-tree node, with the flags in force in each."""
    if op is _c.SUBPATTERN:
        return [(av[3], (flags | av[1]) & ~av[2])]
    if op is _c.BRANCH:
        return [(sub, flags) for sub in av[1]]
    if op is _c.GROUPREF_EXISTS:
        return [(av[1], flags), (av[2] or [], flags)]
    if op in _REPEATS or op in _ONCE or op in _ASSERTS:
        return [(av if op is _ATOMIC else av[-1], flags)]
    return []


def _atom_labels(items, flags):
    """Yield the label of every character a sequence can match."""
    for op, av in items:
        if op in _ATOMS:
            yield _label(op, av, flags)
        elif op is _c.GROUPREF:
            yield _label(_c.ANY, None, _c.SRE_FLAG_DOTALL)
        elif op not in _ASSERTS:
            for sub, sub_flags in _children(op, av, flags):
                yield from _atom_labels(sub, sub_flags)


def _plus(a: dict, b: dict, times: int = 1) -> dict:
    """Return a + times * b for position → ways maps, ways capped at 2."""
    out = dict(a)
    if times:
        for p, n in b.items():
            out[p] = min(out.get(p, 0) + n * times, 2)
    return out
