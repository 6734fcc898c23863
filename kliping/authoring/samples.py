"""Sample pages of one outlet read for rule writing (`rules new`, `rules learn`): each
line as the generic rule decides it, lines repeated across samples (exactly, as a date
line, in the same shape: line_templates.py), where the text starts and ends, and where
the headline stands.
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..cleaner.rules import GENERIC, Rule, RuleSet
from ..cleaner.rule_loader import parse_rule_file
from ..cleaner.settings import Settings
from ..cleaner.text import CANDIDATE, PARAGRAPH_END, PUBLISHED, Line, classify_lines, is_sentence, split_lines
from .line_templates import date_pattern, exact_pattern, matches, prefix_pattern, shape_pattern

#: A line this long ending like a sentence (or the lead's dateline) starts the text.
LEAD_CHARS = 80
#: A headline has at least this many words.
TITLE_WORDS = 3


@dataclass(eq=False)
class Repeat:
    """Furniture seen in several samples: its pattern and where it was seen."""

    pattern: str
    kind: str  # "exact", "date", "shape" or "similar" (rules learn: case and digits aside)
    hits: dict[int, list[int]]  # sample index → line indexes
    example: str


@dataclass
class Page:
    """One sample: its lines as the generic patterns decided them, and its regions."""

    name: str
    text: str
    lines: list[Line]
    covered: dict[int, Repeat] = field(default_factory=dict)
    headline: int | None = None
    lead: int | None = None
    last: int | None = None

    def open(self, i: int) -> bool:
        """Say whether line i is text the base rule left undecided and no repeat covers."""
        return bool(self.lines[i].text) and self.lines[i].kind == CANDIDATE and i not in self.covered

    def region(self, i: int) -> str:
        if self.lead is not None and self.lead <= i <= (self.last if self.last is not None else i):
            return "body"
        if self.last is not None and i > self.last:
            return "bottom"
        return "top"

    def previous(self, i: int) -> int | None:
        return next((j for j in range(i - 1, -1, -1) if self.lines[j].text), None)


def read_sample(name: str, text: str, base: Rule) -> Page:
    lines = split_lines(text)
    classify_lines(lines, base)
    return Page(name, text, lines)


def cover(pages: list[Page], repeat: Repeat) -> None:
    for k, idxs in repeat.hits.items():
        for i in idxs:
            pages[k].covered[i] = repeat


def exact_repeats(pages: list[Page], need: int,
                  enough: Callable[[str, dict[int, list[int]]], bool] | None = None) -> list[Repeat]:
    """Lines printed in at least `need` samples (or, given `enough`, those it accepts)."""
    seen: dict[str, dict[int, list[int]]] = {}
    for k, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if page.open(i):
                seen.setdefault(line.text, {}).setdefault(k, []).append(i)
    found = [Repeat(line_pattern(t, pages, hits), "exact", hits, t) for t, hits in seen.items()
             if (enough(t, hits) if enough else len(hits) >= need)]
    for r in found:
        cover(pages, r)
    return found


def line_pattern(text: str, pages: list[Page], hits: dict[int, list[int]]) -> str:
    """Return the pattern for a repeated line: by its first words when it is long and
    they match no other line of the samples, else the whole line."""
    pattern = prefix_pattern(text)
    if pattern and not any(matches(pattern, line.text) for k, page in enumerate(pages)
                           for i, line in enumerate(page.lines) if i not in hits.get(k, ())):
        return pattern
    return exact_pattern(text)


def date_repeats(pages: list[Page], need: int, zone: str) -> list[Repeat]:
    """Date lines in the same form on `need` samples, those the base rule already reads as
    the publication date too: where they stand still tells where the headline is, and a
    line naming the outlet tells which outlet a scrape is."""
    seen: dict[str, dict[int, list[int]]] = {}
    examples: dict[str, str] = {}
    for k, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            dated = page.open(i) or (line.kind == PUBLISHED and i not in page.covered)
            pattern = date_pattern(line.text, zone) if dated else None
            if pattern:
                seen.setdefault(pattern, {}).setdefault(k, []).append(i)
                examples.setdefault(pattern, line.text)
    found = [Repeat(p, "date", hits, examples[p]) for p, hits in seen.items() if len(hits) >= need]
    for r in found:
        cover(pages, r)
    return found


def figure_row(text: str) -> bool:
    """Say whether a line is a row of a table of figures ("ITMG 12.950 12.925 1,17 7,29"):
    half its words or more are numbers. Such rows recur in an outlet's series of articles
    (a weekly table of stocks), with other numbers: they are text, never furniture."""
    words = text.split()
    return len(words) >= 3 and sum(any(c.isdigit() for c in w) for w in words) * 2 >= len(words)


#: A table's heading, head row or source stands this many lines from its rows at most.
TABLE_REACH = 2


def table_line(page: Page, i: int) -> bool:
    """Say whether line i stands with a table of figures: a row (figure_row) within
    TABLE_REACH lines above or below ("10 LQ45 dengan PER Saham Terendah", the head row
    "Kode (28/10) PBV Harga …", "Sumber: RTI"). A series prints its table's heading
    and source every week, other figures in the rows: they are the table's, not furniture."""
    shown = [j for j, line in enumerate(page.lines) if line.text]
    at = shown.index(i) if i in shown else None
    if at is None:
        return False
    near = shown[max(0, at - TABLE_REACH):at] + shown[at + 1:at + 1 + TABLE_REACH]
    return any(figure_row(page.lines[j].text) for j in near)


_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")


def round_up_intro(page: Page, i: int) -> bool:
    """Say whether line i introduces a round-up's numbered stories: it ends in a colon,
    the next line is item 1 ("1. Liputan Cepat …"), a paragraph follows the item
    ("Berikut Top News Katadata.co.id:"). A series prints it on every round-up; it is
    the article's. (Over a numbered list of titles it starts related links.)"""
    text = page.lines[i].text
    after = [line.text for line in page.lines[i + 1:] if line.text][:2]
    return (text.rstrip().endswith(":") and len(after) == 2 and bool(_NUMBERED.match(after[0]))
            and is_sentence(after[1]))


def article_own(pages: list[Page], repeat: Repeat) -> bool:
    """Say whether a repeated line is the article's own wherever it stands: a recurring
    table's row, or its heading, head row or source ("Sumber: RTI", under the text when the
    table ends it), or a round-up's intro."""
    return figure_row(repeat.example) or all(table_line(pages[k], i) or round_up_intro(pages[k], i)
                                             for k, idxs in repeat.hits.items() for i in idxs)


def place_text(page: Page, base: Rule) -> None:
    """Find the lead (first line with a dateline, or a long sentence) and the last paragraph."""
    for i, line in enumerate(page.lines):
        if page.open(i) and (base.first("body.dateline", line.text)
                             or (len(line.text) >= LEAD_CHARS and PARAGRAPH_END.search(line.text))):
            page.lead = i
            break
    if page.lead is not None:
        page.last = max(i for i in range(page.lead, len(page.lines))
                        if i == page.lead or (page.open(i) and (is_sentence(page.lines[i].text)
                                                                or figure_row(page.lines[i].text))))


def shape_repeats(pages: list[Page], need: int) -> list[Repeat]:
    """Lines of the same shape outside the text (bylines, labels with values)."""
    def candidates(page: Page) -> list[int]:
        return [i for i, _ in enumerate(page.lines) if page.open(i) and page.region(i) != "body"]

    found = []
    for k, page in enumerate(pages):
        for i in candidates(page):
            if i in page.covered:
                continue
            best: str | None = None
            for other in pages[k + 1:]:
                for j in candidates(other):
                    pattern = shape_pattern(page.lines[i].text, other.lines[j].text)
                    if pattern and (best is None or len(pattern) > len(best)):
                        best = pattern
            if not best:
                continue
            hits = {n: idxs for n, p in enumerate(pages)
                    if (idxs := [x for x in candidates(p) if matches(best, p.lines[x].text)])}
            if len(hits) >= need:
                repeat = Repeat(best, "shape", hits, page.lines[i].text)
                cover(pages, repeat)
                found.append(repeat)
    return found


def title_shaped(text: str, base: Rule, settings: Settings) -> bool:
    return (len(text.split()) >= TITLE_WORDS and len(text) <= settings.max_title_chars
            and not is_sentence(text) and not base.first("body.dateline", text))


def title_marker(pages: list[Page], repeats: list[Repeat], base: Rule,
                  settings: Settings) -> Repeat | None:
    """Return the repeat that sits right under a headline in every sample, if any."""
    for repeat in sorted(repeats, key=lambda r: sum(min(h) for h in r.hits.values())):
        if len(repeat.hits) < len(pages) or len(pages) < 2:
            continue
        ok = True
        for k, page in enumerate(pages):
            at = min(repeat.hits[k])
            above = page.previous(at)
            if (page.region(at) != "top" or above is None or not page.open(above)
                    or not title_shaped(page.lines[above].text, base, settings)):
                ok = False
                break
        if ok:
            return repeat
    return None


def place_headline(page: Page, k: int, marker: Repeat | None, base: Rule, settings: Settings) -> None:
    if marker:
        page.headline = page.previous(min(marker.hits[k]))
        return
    end = page.lead if page.lead is not None else min(len(page.lines), 12)
    page.headline = next((i for i in range(end) if page.open(i)
                          and title_shaped(page.lines[i].text, base, settings)), None)


def first_lines(page: Page) -> str:
    """Return a sample's first lines: down to the paragraph after the lead."""
    raw = page.text.splitlines()
    if page.lead is None:
        return "\n".join(raw[:12]).strip("\n") + "\n"
    after = next((i for i in range(page.lead + 1, len(page.lines))
                  if page.open(i) and is_sentence(page.lines[i].text)), page.lead)
    return "\n".join(raw[:after + 1]).strip("\n") + "\n"


def load_with(rule_id: str, text: str, rules: RuleSet) -> RuleSet:
    """Return `rules` with the scaffolded rule added."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{rule_id}.toml"
        path.write_text(text, "utf-8")
        rule = parse_rule_file(path, rules[GENERIC])
    return RuleSet({**rules.rules, rule_id: rule})


def find_hosts(pages: list[Page], host: str | None) -> tuple[list[str], str]:
    if host:
        return [host.lower().removeprefix("www.")], "from --host"
    found = Counter((urlsplit(ln.value).hostname or "").removeprefix("www.")
                    for p in pages for ln in p.lines if ln.key == "url" and ln.value)
    found.pop("", None)
    if found:
        return [found.most_common(1)[0][0]], "from the URL lines of the samples"
    return [], "no URL in the samples: add the outlet's host (kompas.com covers its subdomains)"
