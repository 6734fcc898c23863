"""Scaffold a rule file for a new outlet from a few of its scrapes (`kliping rules new`).

The samples are read with the generic rule's line patterns (which every outlet rule
extends), so only what it leaves undecided needs a guess. Lines that repeat across
samples — exactly, as a date line, or in the same shape (line_templates.py) — are
furniture; where they sit says which key they belong to: above the lead (header.drop,
headline.published, the line right under the headline as headline.title_above), in
the body (body.drop, or body.related_start over a list of titles), below the last
paragraph (footer.end, the first one after the text), bylines by their label words.
The lead's prefix and the brand lines give fingerprints. Every guess carries a
`# CHECK:` comment saying why it was made; the samples' first lines become `[[tests]]`
cases whose expectations are what the scaffolded rule makes of them.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from ..cleaner.pipeline import clean_text
from ..cleaner.rules import GENERIC, Rule, RuleSet, expand
from ..cleaner.settings import DEFAULT_SETTINGS, Settings
from ..cleaner.text import CANDIDATE, PARAGRAPH_END
from .line_templates import escape, group_names
from .render import Guess, expect_lines, render_rule, toml_text, toml_value
from .samples import (Page, Repeat, article_own, date_repeats, exact_repeats, figure_row, find_hosts, first_lines,
                      load_with, place_headline, place_text, read_sample, shape_repeats, title_marker)


#: Lines above the headline this short, seen in one sample only, look like section names.
SECTION_WORDS = 3
#: A standfirst is at least this long.
STANDFIRST_CHARS = 20
#: At most this many fingerprints are proposed.
MAX_FINGERPRINTS = 2
_DASHES = "-–— "


@dataclass
class Scaffold:
    """A scaffolded rule file's text and what went into it."""

    text: str
    guesses: list[Guess]
    cases: int

    @property
    def marks(self) -> int:
        return self.text.count("# CHECK:")


def _seen(repeat: Repeat, pages: list[Page]) -> str:
    return f"{len(repeat.hits)} of {len(pages)} samples"


def _quote(text: str, limit: int = 70) -> str:
    """Quote a sample line for a CHECK comment, shortened."""
    return json.dumps(text if len(text) <= limit else text[:limit - 1] + "…", ensure_ascii=False)


def _following_titles(page: Page, i: int) -> int:
    """Count the short, open, non-sentence lines right under line i, to the blank line."""
    n = 0
    for line_no in range(i + 1, len(page.lines)):
        text = page.lines[line_no].text
        if not text:
            break
        if (page.lines[line_no].kind != CANDIDATE or PARAGRAPH_END.search(text) or len(text) > 200
                or figure_row(text)):
            return 0
        n += 1
    return n


def _first_after_text(page: Page) -> int | None:
    """Return the first undecided line under the last paragraph (a byline is not one)."""
    if page.last is None:
        return None
    return next((i for i in range(page.last + 1, len(page.lines))
                 if page.lines[i].text and (page.open(i) or i in page.covered)
                 and not group_names(page.covered[i].pattern if i in page.covered else "")
                 & {"author", "editor"}), None)


def _repeat_guesses(pages: list[Page], repeats: list[Repeat], marker: Repeat | None) -> list[Guess]:
    guesses = []
    ends = {page.covered.get(_first_after_text(page)) for page in pages} - {None}
    for repeat in repeats:
        seen = _seen(repeat, pages)
        example = _quote(repeat.example)
        regions = {pages[k].region(i) for k, idxs in repeat.hits.items() for i in idxs}
        groups = group_names(repeat.pattern)
        if repeat is marker:
            guesses.append(Guess("headline.title_above", repeat.pattern,
                                 f"right under the headline in {seen}: the line above it is the title"))
        if groups & {"author", "editor"}:
            if "editor" in groups:
                guesses.append(Guess("byline.editor", repeat.pattern, f"a byline in {seen}: {example}"))
            else:
                guesses.append(Guess("byline.author", repeat.pattern.replace("(?P<author>", "(?P<value>"),
                                     f"a byline in {seen}: {example}"))
        elif repeat.kind == "date" and regions == {"top"}:
            guesses.append(Guess("headline.published", repeat.pattern, f"a date line in {seen}: {example}"))
        elif regions & {"body", "bottom"} and article_own(pages, repeat):
            continue  # a recurring table's row, heading or source, a round-up's intro: the article's own
        elif "body" in regions:
            titles = [_following_titles(pages[k], min(idxs)) for k, idxs in repeat.hits.items()]
            if all(titles):
                guesses.append(Guess("body.related_start", repeat.pattern,
                                     f"in {seen}, over a list of titles: {example}"))
            else:
                guesses.append(Guess("body.drop", repeat.pattern, f"inside the text in {seen}: {example}"))
        elif "bottom" in regions:
            # (a date's shape is every page's date line too, the one over the title included)
            if repeat in ends and repeat.kind != "date":
                guesses.append(Guess("footer.end", repeat.pattern,
                                     f"first line after the text in {seen}: {example}"))
        elif repeat is not marker:
            guesses.append(Guess("header.drop", repeat.pattern, f"above the text in {seen}: {example}"))
    return guesses


def _section_guess(pages: list[Page]) -> list[Guess]:
    """Short one-off lines above the headline (section names, tickers: digits as \\d+)
    when no marker finds the headline."""
    names = []
    for page in pages:
        top = page.headline if page.headline is not None else (page.lead or 0)
        names += [page.lines[i].text for i in range(top) if page.open(i)
                  and len(page.lines[i].text.split()) <= SECTION_WORDS]
    shapes = list(dict.fromkeys(re.sub(r"\d+", r"\\d+", escape(n)) for n in names))
    if not shapes:
        return []
    pattern = "^(?:" + "|".join(shapes) + ")$"
    return [Guess("header.drop", pattern,
                  "short lines above the headline, one sample each (section names?): add the others")]


def _description_guess(pages: list[Page]) -> list[Guess]:
    for page in pages:
        if page.headline is None or page.lead is None:
            return []
        if any(page.open(i) and len(page.lines[i].text) >= STANDFIRST_CHARS
               for i in range(page.headline + 1, page.lead)):
            return []
    return [Guess("headline.description", "none", "no standfirst between headline and lead in the samples")]


def _dateline_guess(pages: list[Page], base: Rule) -> list[Guess]:
    """A lead prefix the generic datelines miss, when the samples share one."""
    leads = [p.lines[p.lead].text for p in pages if p.lead is not None]
    if not leads or any(base.first("body.dateline", t) for t in leads):
        return []
    prefix = leads[0]
    for t in leads[1:]:
        n = 0
        while n < min(len(prefix), len(t)) and prefix[n] == t[n]:
            n += 1
        prefix = prefix[:n]
    m = re.match(r"^(.*?[\w.]\s*[-–—:.]+)\s*", prefix)
    if not m or len(leads) < 2:
        return []
    head = m.group(1).rstrip(_DASHES)
    return [Guess("body.dateline", f"^{escape(head)}\\s*{{dash}}?\\s*",
                  f"every lead starts with {_quote(m.group(0))}")]


def _fingerprint_guesses(pages: list[Page], repeats: list[Repeat], base: Rule,
                         rules: RuleSet, rule_id: str, brand: str | None) -> list[Guess]:
    candidates: list[Guess] = []
    prefixes = set()
    for page in pages:
        hit = base.first("body.dateline", page.lines[page.lead].text) if page.lead is not None else None
        if not hit or "city" not in hit[1].re.groupindex or hit[1].group("city") is None:
            prefixes.add(None)
            continue
        m = hit[1]
        head, tail = m.group(0)[:m.start("city")], m.group(0)[m.end("city"):].rstrip()
        if tail.rstrip(_DASHES) != tail:
            tail = escape(tail.rstrip(_DASHES)) + r"\s*{dash}"
        else:
            tail = escape(tail)
        prefixes.add(f"^{escape(head)}{{city}}{tail}")
    if len(prefixes) == 1 and None not in prefixes:
        prefix = prefixes.pop()
        if re.search(r"[A-Za-z]{3}", prefix.replace("{city}", "").replace("{dash}", "")):
            candidates.append(Guess("fingerprints", prefix, f"the lead's prefix in all {len(pages)} samples"))
    for repeat in repeats:
        if len(repeat.hits) == len(pages) and brand and brand in repeat.example.lower():
            candidates.append(Guess("fingerprints", repeat.pattern,
                                    f"a line naming the outlet in all {len(pages)} samples"))
    others = [case["input"] for r in rules if r.id not in (GENERIC, rule_id) for case in r.tests]
    chosen = []
    for guess in candidates:
        regex = re.compile(expand(guess.pattern), re.MULTILINE)
        if all(regex.search(p.text) for p in pages) and not any(regex.search(t) for t in others):
            chosen.append(guess)
    return chosen[:MAX_FINGERPRINTS]


def _case(page: Page, rule_id: str, rules: RuleSet, host: str | None) -> list[str]:
    snippet = first_lines(page)
    url = None
    article = clean_text(snippet, source=page.name, rules=rules)
    if article.outlet != rule_id and host:
        url = f"https://{host}/"
        article = clean_text(snippet, source=page.name, url=url, rules=rules)
    unknown = article.outlet != rule_id
    if unknown:
        article = clean_text(snippet, source=page.name, rules=rules, outlet=rule_id)
    d = article.to_dict()
    out = ["", "[[tests]]", f"name = {toml_value(page.name + ': first lines')}"
           + ("  # CHECK: nothing recognises these lines as this outlet's: add a host or fingerprint"
              if unknown else "")]
    if url:
        out.append(f"url = {toml_value(url)}  # CHECK: no fingerprint matched these lines")
    out += [f"input = {toml_text(snippet)}",
            "[tests.expect]  # CHECK: what the rule above makes of these lines today: confirm each"]
    return out + expect_lines(d)


@dataclass
class Analysis:
    """What the samples say: the pages read, the furniture they share, the guesses made
    from it and the rule's head settings (value, why)."""

    pages: list[Page]
    repeats: list[Repeat]
    guesses: list[Guess]
    head: dict[str, tuple[object, str]]
    hosts: list[str]


def analyse_samples(rule_id: str, samples: list[tuple[str, str]], rules: RuleSet,
                    host: str | None = None, settings: Settings = DEFAULT_SETTINGS,
                    need: int | None = None, first_repeats=None, one_offs: bool = True) -> Analysis:
    """Read `samples` (name, text) and guess outlet `rule_id`'s patterns: a line is
    furniture when `need` samples print it (default 2). `first_repeats(pages, need)`,
    given, finds repeats before the exact ones do (rules learn's generalised lines);
    `one_offs` adds the guess of section names seen on one sample each."""
    base = rules[GENERIC]
    pages = [read_sample(name, text, base) for name, text in samples]
    need = need or (2 if len(pages) > 1 else 1)
    repeats = first_repeats(pages, need) if first_repeats and len(pages) > 1 else []
    repeats += exact_repeats(pages, need) if len(pages) > 1 else []
    repeats += date_repeats(pages, need, base.timezone)
    for page in pages:
        place_text(page, base)
    repeats += shape_repeats(pages, need) if len(pages) > 1 else []
    repeats.sort(key=lambda r: min((k, min(i)) for k, i in r.hits.items()))
    marker = title_marker(pages, repeats, base, settings)
    for k, page in enumerate(pages):
        place_headline(page, k, marker, base, settings)

    hosts, host_why = find_hosts(pages, host)
    brand = hosts[0].split(".")[0] if hosts else rule_id.lower()
    guesses = _fingerprint_guesses(pages, repeats, base, rules, rule_id, brand)
    guesses += _repeat_guesses(pages, repeats, marker)
    if marker is None and one_offs:
        guesses += _section_guess(pages)
    guesses += _description_guess(pages) + _dateline_guess(pages, base)

    languages = Counter(clean_text(p.text, rules=rules, outlet=GENERIC).language for p in pages)
    language = (languages.most_common(1)[0][0] if languages else None) or "id"
    zones = Counter(z for p in pages for z in re.findall(r"\b(WIB|WITA|WIT)\b", p.text))
    zone = zones.most_common(1)[0][0] if zones else "WIB"
    head = {
        "name": (hosts[0].split(".")[0].capitalize() if hosts else rule_id.capitalize(),
                 "the outlet's name as readers know it"),
        "language": (language, "the language the samples' text is in"),
        "timezone": (zone, "the zone of times printed without one"),
        "hosts": (hosts, host_why),
    }
    return Analysis(pages, repeats, guesses, head, hosts)


def scaffold_rule(rule_id: str, samples: list[tuple[str, str]], rules: RuleSet,
                  host: str | None = None, settings: Settings = DEFAULT_SETTINGS) -> Scaffold:
    """Return a rule file for outlet `rule_id` guessed from `samples` (name, text)."""
    found = analyse_samples(rule_id, samples, rules, host, settings)
    pages, hosts = found.pages, found.hosts
    text = render_rule(rule_id, found.head, found.guesses, [p.name for p in pages])
    with_rule = load_with(rule_id, text, rules)
    cases = ["", "# The samples' first lines, cleaned by this rule. Run them: kliping rules test " + rule_id]
    for page in pages:
        cases += _case(page, rule_id, with_rule, hosts[0] if hosts else None)
    text += "\n".join(cases) + "\n"
    load_with(rule_id, text, rules)  # the whole file must load
    return Scaffold(text, found.guesses, len(pages))
