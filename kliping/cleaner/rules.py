"""Outlet rules: the loaded rule (its patterns and selectors, its parent's after its
own), the set of rules in force, and how a document is matched to one.

A rule file is data (see rules/rule.schema.json and docs/writing-rules.md); reading and
checking the files is `rule_loader.py`. Each outlet rule extends `generic` unless it says
otherwise: its own patterns are tried first, then generic's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .dates import DATE_PATTERN
from .fingerprints import FingerprintIndex
from .gate_cache import facts
from .gates import Gate
from .joined import refers_to_groups, union_regex
from .needles import NeedleIndex

if TYPE_CHECKING:  # selectors need lxml: only pages read with [html] selectors load it
    from .selectors import Selector


GENERIC = "generic"
#: A Pattern's gate before it is read.
_UNREAD = object()
#: Placeholders usable inside rule patterns.
PLACEHOLDERS = {
    "{date}": DATE_PATTERN,
    # An upper-case place name of up to four words: "MOSKOW", "BANDA ACEH", "KOTA BARU",
    # or a wire story's two cities "BEIJING/TAIPEI"; a word never ends in a hyphen (the
    # dash glued to it: "JAKARTA-- Anggota …").
    "{city}": r"[A-Z](?:[A-Z'’.-]*[A-Z'’.])?(?:[ /][A-Z](?:[A-Z'’.-]*[A-Z'’.])?){0,3}",
    "{dash}": r"(?:-{1,2}|–|—)",
}
#: Pattern lists of a rule, as (section, key).
PATTERN_KEYS = (
    ("header", "stamp"), ("header", "drop"), ("header", "section"), ("header", "box_start"),
    ("headline", "title_above"), ("headline", "published"), ("headline", "updated"),
    ("photo", "start"), ("photo", "file"), ("photo", "captions"), ("photo", "credit"), ("photo", "under_caption"),
    ("body", "dateline"), ("body", "related"), ("body", "related_start"), ("body", "related_inline"),
    ("body", "strip_inline"), ("body", "drop"),
    ("byline", "author"), ("byline", "editor"),
    ("footer", "end"), ("footer", "last"), ("footer", "tags_start"), ("footer", "tags"), ("footer", "drop"),
)
#: Selector lists of a rule's [html] section.
HTML_KEYS = ("title", "body", "published", "author", "editor", "description", "captions",
             "related", "tags", "section", "strip")


class RuleError(Exception):
    """A rule file that cannot be used; the message names file, line and key."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled rule pattern and where it came from (`key` like "body.related"), with
    its gate: what a line needs for the pattern to match it at all (gates.py), read off
    the pattern when first asked for (a run of one scrape never needs most of them)."""

    key: str
    source: str
    regex: re.Pattern
    rule: str
    _gate: Any = field(default=_UNREAD, compare=False, repr=False)

    @property
    def gate(self) -> Gate | None:
        gate = self._gate
        if gate is _UNREAD:
            gate = facts(self.regex).gate
            object.__setattr__(self, "_gate", gate)
        return gate

    def search(self, line: str) -> re.Match | None:
        return self.regex.search(line)

    def could_match(self, text: str) -> bool:
        """Say whether the pattern may match `text` (False: it certainly does not)."""
        return self.gate is None or self.gate.admits(text)


@dataclass(frozen=True, slots=True)
class Screen:
    """Whether any pattern of one key could match a line, settled in few calls: the
    patterns that scan the line (no literal opens them) each alone behind its gate, as
    are those referring back to their groups; the others joined in one regex anchored at
    the line's start and one searched (most lines match no pattern of a key).

    The anchored ones are joined once per first character of a line (`by_first`): only
    the patterns that can open with it, with those that can open with anything
    (`anchored`): a line's first character rules out most of them at no cost, where a
    union of all would try each in turn."""

    anchored: re.Pattern | None
    floating: re.Pattern | None
    alone: tuple[Pattern, ...]
    #: The `alone` patterns whose gates need one of a few literals, indexed by them: a
    #: line holding none passes them all over at once.
    needles: NeedleIndex | None = None
    #: First character -> the anchored patterns that can open with it (joined when a
    #: line first needs them, in `_joined`).
    by_first: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    _joined: dict[str, re.Pattern | None] = field(default_factory=dict)
    #: A line's last character (the two last when it ends in a newline) -> the `alone`
    #: patterns whose gates let a line end so (filled as lines first need them).
    _alone_by_end: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, patterns: tuple[Pattern, ...]) -> "Screen":
        alone = tuple(p for p in patterns if (p.gate is not None and not facts(p.regex).fails_fast)
                      or refers_to_groups(p.regex))
        rest = [p for p in patterns if p not in alone]
        anchored = tuple(p for p in rest if facts(p.regex).anchored)
        floating = tuple(p for p in rest if not facts(p.regex).anchored)
        # (pattern, first characters) pairs, not a dict: a Pattern's hash hashes its
        # regex's compiled code every time (some 3,000 instructions)
        firsts = [(p, facts(p.regex).first_chars) for p in anchored]
        any_first = tuple(p for p, chars in firsts if chars is None)
        by_first = {ch: tuple(p for p, chars in firsts if chars is None or ch in chars)
                    for ch in sorted(set().union(*(chars for _, chars in firsts if chars)))}
        needled = tuple(p for p in alone if p.gate is not None and (p.gate.raw or p.gate.folded))
        return cls(union_regex(any_first), union_regex(floating), tuple(p for p in alone if p not in needled),
                   NeedleIndex(needled) if needled else None, by_first)

    def passes(self, line: str) -> bool:
        """Say whether some pattern of the key matches `line`."""
        first = line[:1]
        anchored = self._joined.get(first, _UNSEEN)
        if anchored is _UNSEEN:
            anchored = (self._joined.setdefault(first, union_regex(self.by_first[first]))
                        if first in self.by_first else self.anchored)
        if (anchored and anchored.match(line)) or (self.floating and self.floating.search(line)):
            return True
        if self.alone:
            for p in self.alone_ending(line):
                gate = p.gate  # Pattern.could_match, without its call
                if (gate is None or gate.admits(line)) and p.regex.search(line):
                    return True
        if self.needles is not None:
            for p in self.needles.candidates(line):
                if p.gate.admits(line) and p.regex.search(line):
                    return True
        return False


    def alone_ending(self, line: str) -> tuple[Pattern, ...]:
        """The `alone` patterns whose gates admit how `line` ends: most of them end at
        the line's end on one of a few characters (")", "."), so a line's last
        character rules them out at once, not each by a call of its gate."""
        end = line[-2:] if line[-1:] == "\n" else line[-1:]
        alone = self._alone_by_end.get(end)
        if alone is None:
            alone = self._alone_by_end[end] = tuple(p for p in self.alone if _may_end(p.gate, end))
        return alone


def _may_end(gate: Gate | None, end: str) -> bool:
    """Say whether `gate` lets a line end in `end` (its last character, or its two last
    when the last is a newline): a line's end alone tells only for `ends` of one character."""
    return gate is None or any(len(ch) != 1 for ch in gate.ends) or gate.admits_end(end)


#: A first character `Screen.passes` has not met yet.
_UNSEEN = object()


#: Lookups a rule answers by trying its patterns one by one before it builds its Screens:
#: building them (the joined regexes and the patterns' gates, read from the user's cache:
#: regex_cache.py, gate_cache.py) costs about what this many unscreened lookups do, so
#: one scrape (100-200 lookups) never pays for it and a batch pays once, after some eight
#: scrapes of a rule. Either way the answers are the same.
SCREEN_AFTER_LOOKUPS = 1000
#: A text (or line) this long is matched through gates, the FingerprintIndex and the
#: Screens at once, however few documents came before it: trying every pattern plainly
#: on it costs more than reading them (a 10 MB line: 14 s of CPU against 2 s).
LONG_TEXT = 20_000
#: `Rule.first` keeps its last answers up to this many characters of lines asked about
#: (a few documents' worth), then starts again: the lines are not held long.
RECENT_CHARS = 1 << 16


@dataclass(frozen=True)
class Rule:
    """One outlet's rule, with its own patterns and those of the rules it extends."""

    id: str
    path: str
    name: str
    language: str | None
    timezone: str
    hosts: tuple[str, ...]
    fingerprints: tuple[Pattern, ...]
    priority: int
    title: str
    description: str
    own: Mapping[str, tuple[Pattern, ...]] = field(compare=False)
    #: The rule file's [[tests]], read when first asked for (see `tests`).
    read_tests: Callable[[], tuple[dict[str, Any], ...]] = field(compare=False, repr=False)
    own_html: Mapping[str, tuple[Selector, ...]] = field(default_factory=dict, compare=False)
    generators: tuple[Pattern, ...] = ()
    strip_id_or_class: tuple[str, ...] = ()
    teasers: bool = True
    parent: "Rule | None" = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def tests(self) -> tuple[dict[str, Any], ...]:
        """The rule file's test cases: cleaning never asks for them, so a shipped rule's
        are parsed only when asked for (rule_loader reads its file without them)."""
        return self.read_tests()

    def patterns(self, key: str) -> tuple[Pattern, ...]:
        """Return the patterns for `key` ("body.drop"): this rule's first, then inherited."""
        return self._all[key]

    @cached_property
    def _all(self) -> dict[str, tuple[Pattern, ...]]:
        merged: dict[str, tuple[Pattern, ...]] = {}
        for section, key in PATTERN_KEYS:
            name = f"{section}.{key}"
            inherited = self.parent.patterns(name) if self.parent else ()
            merged[name] = self.own.get(name, ()) + inherited
        return merged

    def selectors(self, key: str) -> tuple[Selector, ...]:
        """Return the [html] selectors for `key` ("body"): this rule's, then inherited."""
        found = self._selectors.get(key)
        if found is None:
            inherited = self.parent.selectors(key) if self.parent else ()
            found = self._selectors[key] = self.own_html.get(key, ()) + inherited
        return found

    @cached_property
    def _selectors(self) -> dict[str, tuple[Selector, ...]]:
        """`selectors` by key, joined when first asked for."""
        return {}

    def id_or_class_words(self) -> tuple[str, ...]:
        """Return the strip_id_or_class words of this rule and the rules it extends."""
        return self.strip_id_or_class + (self.parent.id_or_class_words() if self.parent else ())

    def _screening(self, size: int) -> bool:
        """Say whether a line of `size` characters goes through the Screens: not for the
        first SCREEN_AFTER_LOOKUPS, so a run of one scrape never pays for building them,
        unless the line is LONG_TEXT or longer (trying every pattern on it costs more)."""
        if size >= LONG_TEXT:
            return True
        seen = self._lookups
        if seen[0] >= SCREEN_AFTER_LOOKUPS:
            return True
        seen[0] += 1
        return False

    @cached_property
    def _lookups(self) -> list[int]:
        """How many lookups (`first`, `could_match`) the rule has answered, up to
        SCREEN_AFTER_LOOKUPS."""
        return [0]

    @cached_property
    def _joint_screens(self) -> dict[tuple[str, ...], Screen | None]:
        """Per tuple of keys, the Screen of this rule's own patterns of those keys (None
        when it has none), made when first asked for. Inherited patterns are screened
        by the rule they belong to: the generic rule's, which every outlet rule
        extends, are joined and compiled once a process, not once per outlet."""
        return {}

    def _own_screen(self, keys: tuple[str, ...]) -> Screen | None:
        screens = self._joint_screens
        if keys in screens:
            return screens[keys]
        own = tuple(p for k in keys for p in self.own.get(k, ()))
        screen = screens[keys] = Screen.of(own) if own else None
        return screen

    def could_match(self, keys: tuple[str, ...], line: str) -> bool:
        """Say whether some pattern of any of `keys` may match `line`: one screen for
        them all per rule of the chain (this one, the one it extends, …), since most
        lines of a page match none (False settles every key)."""
        screens = self._chain_screens.get(keys)
        if screens is not None:  # every rule of the chain screens already
            for screen in screens:
                if screen.passes(line):
                    return True
            return False
        rule: Rule | None = self
        settled = True
        while rule is not None:
            if rule._screening(len(line)):
                screen = rule._own_screen(keys)
                if screen is not None and screen.passes(line):
                    return True
            elif any(p.regex.search(line) for k in keys for p in rule.own.get(k, ())):
                return True
            settled = settled and rule._lookups[0] >= SCREEN_AFTER_LOOKUPS
            rule = rule.parent
        if settled:
            self._chain_screens[keys] = tuple(
                screen for rule in self._chain if (screen := rule._own_screen(keys)) is not None)
        return False

    @cached_property
    def _chain(self) -> tuple[Rule, ...]:
        """This rule and those it extends, nearest first."""
        return (self,) + (self.parent._chain if self.parent else ())

    @cached_property
    def _chain_screens(self) -> dict[tuple[str, ...], tuple[Screen, ...]]:
        """Per tuple of keys, the Screens of the chain's rules that have patterns of
        them, once every rule of the chain screens (`could_match` then asks only them)."""
        return {}

    def strip(self, key: str, text: str) -> str:
        """Return `text` with what each pattern of `key` matches removed, in order."""
        if not self.could_match((key,), text):
            return text  # no pattern matches it: none removes anything, nor makes a match
        screening = self._screening(len(text))
        for pattern in self.patterns(key):
            if not screening or pattern.could_match(text):
                text = pattern.regex.sub("", text)
        return text

    def first(self, key: str, line: str) -> tuple[Pattern, re.Match] | None:
        """Return the first pattern of `key` that matches `line`, with its match. The
        last answers are kept: the passes ask about a paragraph's dateline up to four
        times (the text's start, the headline, the lead, the repeats)."""
        answers, kept = self._recent
        found = answers.get((key, line), _UNSEEN)
        if found is _UNSEEN:
            found = self._first(key, line)
            if len(line) < LONG_TEXT:
                if kept[0] >= RECENT_CHARS:
                    answers.clear()
                    kept[0] = 0
                answers[key, line] = found
                kept[0] += len(line)
        return found

    def _first(self, key: str, line: str) -> tuple[Pattern, re.Match] | None:
        if not self.could_match((key,), line):
            return None
        for pattern in self.patterns(key):
            m = pattern.search(line)
            if m:
                return pattern, m
        return None

    @cached_property
    def _recent(self) -> tuple[dict[tuple[str, str], Any], list[int]]:
        """`first`'s last answers by (key, line), and the characters of their lines."""
        return {}, [0]


@dataclass(frozen=True)
class Match:
    """Which rule a document got and why (for `--explain-match`)."""

    rule: Rule
    reason: str


#: Documents matched by fingerprints before the FingerprintIndex is built (building it,
#: with every fingerprint's gate from the user's cache, costs about what trying them
#: plainly on this many does: some 5 ms a seed-size scrape).
GATE_FINGERPRINTS_AFTER = 3
#: Hosts whose rule `RuleSet.match_host` keeps (a dump comes from a few outlets' hosts).
HOSTS_REMEMBERED = 4096


class RuleSet:
    """The rules in force: built-in ones, overridden by a user's directory."""

    def __init__(self, rules: dict[str, Rule]):
        if GENERIC not in rules:
            raise RuleError(f"no '{GENERIC}' rule among {sorted(rules)}")
        self.rules = dict(sorted(rules.items()))
        self._by_host: dict[str, Match | None] = {}
        self._fingerprinted = 0  # documents matched by fingerprints, up to GATE_FINGERPRINTS_AFTER

    def __getitem__(self, rule_id: str) -> Rule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise RuleError(f"unknown outlet rule '{rule_id}' (known: {', '.join(self.rules)})") from None

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def match(self, url: str | None = None, text: str | None = None) -> Match:
        """Pick the rule for a document: URL host, then text fingerprints, then generic."""
        if url:
            found = self.match_host(url)
            if found:
                return found
        if text:
            found = self.match_fingerprint(text)
            if found:
                return found
        return Match(self.rules[GENERIC], "no host or fingerprint matched: generic rule")

    def match_host(self, url: str) -> Match | None:
        """Match by host: www-stripped, exact first, then the nearest parent domain."""
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        host = host.removeprefix("www.")
        if not host:
            return None
        if host not in self._by_host:
            if len(self._by_host) >= HOSTS_REMEMBERED:
                self._by_host.clear()
            self._by_host[host] = self._match_host(host)
        return self._by_host[host]

    def _match_host(self, host: str) -> Match | None:
        best: tuple[int, Rule, str] | None = None
        for rule in self:
            for h in rule.hosts:
                if host == h or host.endswith("." + h):
                    if best is None or len(h) > best[0]:
                        best = (len(h), rule, h)
        if best is None:
            return None
        how = "host" if best[2] == host else "parent domain"
        return Match(best[1], f"{how} {best[2]!r} of {host!r}")

    def match_generator(self, generator: str | None) -> Match | None:
        """Match an HTML page by the software that made it (<meta name="generator">):
        a blog on its own domain is still a blog."""
        if not generator:
            return None
        for rule in sorted(self, key=lambda r: -r.priority):
            hit = next((p for p in rule.generators if p.regex.search(generator)), None)
            if hit:
                return Match(rule, f"generator {generator!r} ('{hit.source}')")
        return None

    def _fingerprint_hits(self, text: str) -> list[tuple[Rule, list[str]]]:
        """Each rule with the fingerprints `text` matches: tried one by one for the
        first GATE_FINGERPRINTS_AFTER documents, then through a FingerprintIndex."""
        if self._fingerprinted < GATE_FINGERPRINTS_AFTER and len(text) < LONG_TEXT:
            self._fingerprinted += 1
            found = ((rule, [p.source for p in rule.fingerprints if p.regex.search(text)]) for rule in self)
            return [(rule, hits) for rule, hits in found if hits]
        return self._fingerprint_index.hits(text)

    @cached_property
    def _fingerprint_index(self) -> FingerprintIndex:
        return FingerprintIndex(list(self))

    def match_fingerprint(self, text: str) -> Match | None:
        """Match a URL-less scrape by fingerprints: highest priority, then most hits."""
        best: tuple[tuple[int, int], Rule, list[str]] | None = None
        for rule, hits in self._fingerprint_hits(text):
            score = (rule.priority, len(hits))
            if best is None or score > best[0]:
                best = (score, rule, hits)
        if best is None:
            return None
        return Match(best[1], "fingerprint " + ", ".join(f"'{h}'" for h in best[2]))


def expand(source: str) -> str:
    """Replace the {date}/{city}/{dash} placeholders of a rule pattern."""
    for name, regex in PLACEHOLDERS.items():
        source = source.replace(name, regex)
    return source
