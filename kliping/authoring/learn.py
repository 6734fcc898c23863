"""Learn an outlet's rule from its own pages (`kliping rules learn`): what repeats across
pages of one outlet is furniture, what differs from page to page is the article.

The pages are read as `rules new` reads samples (samples.py, scaffold.py's analysis):
lines printed on enough pages become drop patterns where they stand (above the text,
inside it, under it), date and byline lines of one shape become date and byline
patterns, a shared lead prefix the dateline. Unlike `rules new`, nothing is left to
confirm: each pattern's comment says what it was learned from and on how many pages,
every pattern passes the regex safety check (or is left out, saying so), and the
`[[tests]]` cases hold the pages' first lines with their prose scrambled (scramble.py).
What a page prints twice in another form is echoes.py's; what one page is evidence
enough for (its shape, or the generic rule's word), furniture_shapes.py's; names, tags
and credits over the text known by their shape, head_shapes.py's.
HTML pages first give their selectors (html_learn.py), then the text those select.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..cleaner.html.kind import NotAnArticle
from ..cleaner.pipeline import clean_text
from ..cleaner.regex_safety import why_unsafe
from ..cleaner.rules import GENERIC, RuleSet, expand
from ..cleaner.settings import DEFAULT_SETTINGS, Settings
from ..cleaner.text import DROP
from ..sites import site_of
from .render import Guess, expect_lines, render_rule, toml_text, toml_value
from .echoes import domain_datelines, lead_copies, title_copies
from .furniture_shapes import end_labels, icon_guesses, paywall_guesses, sign_off_guesses, site_promo_guesses
from .head_shapes import name_over_date_guesses, outlet_credit_guesses, tag_line_guesses
from .line_templates import escape, general_pattern, matches, prefix_pattern, variant_key
from .samples import Page, Repeat, article_own, cover, first_lines, load_with
from .scaffold import analyse_samples
from .scramble import scramble_prose

#: Fewer pages than this cannot tell furniture from a story two pages share.
MIN_PAGES = 5
#: A line is furniture when at least this share of the pages print it (and two pages).
REPEAT_SHARE = 0.3
#: A line of prose ending like a sentence is furniture only up to this length.
MAX_FURNITURE_CHARS = 300


class LearnError(ValueError):
    """The pages cannot teach a rule: too few, identical, or of several outlets."""


@dataclass(frozen=True)
class SourcePage:
    """One page to learn from: a name for comments, its text (or HTML), its URL if known."""

    name: str
    text: str
    url: str | None = None
    html: bool = False


@dataclass
class Learned:
    """A learned rule file's text, and what went into it."""

    text: str
    patterns: int
    cases: int
    pages: int
    skipped: list[str] = field(default_factory=list)


def check_pages(pages: list[SourcePage], rules: RuleSet) -> None:
    """Raise LearnError unless `pages` are at least MIN_PAGES different pages of one outlet."""
    if len(pages) < MIN_PAGES:
        raise LearnError(f"rules learn needs at least {MIN_PAGES} pages of one outlet; got {len(pages)}")
    first_of: dict[str, str] = {}
    for page in pages:
        if page.text in first_of:
            raise LearnError(f"{page.name} is the same page as {first_of[page.text]}: furniture is "
                             "what repeats across different pages; give other pages")
        first_of[page.text] = page.name
    _check_stories([p for p in pages if not p.html])  # HTML pages: once their text is read
    sites: dict[str, list[str]] = {}
    for page in pages:
        if site := site_of(page.url):
            sites.setdefault(site, []).append(page.name)
    if len(sites) > 1:
        raise LearnError("pages of different sites: " + "; ".join(
            f"{site} ({', '.join(names[:2])})" for site, names in sites.items()) + ": learn one outlet at a time")
    outlets: dict[str, str] = {}
    for page in pages:
        match = None if page.html else rules.match_fingerprint(page.text)
        if match and match.rule.id != GENERIC:
            outlets.setdefault(match.rule.id, page.name)
    if len(outlets) > 1:
        raise LearnError("pages of different outlets: " + ", ".join(
            f"{name} reads as {rule_id}'s" for rule_id, name in outlets.items()) + ": learn one outlet at a time")


#: Two pages sharing more than this share of their long lines are one story twice.
SAME_STORY_SHARE = 0.5
#: Lines this long count for telling stories apart (furniture is mostly shorter).
STORY_LINE_CHARS = 60


def _check_stories(pages: list[SourcePage]) -> None:
    """Raise LearnError when two pages tell the same story (an amp and a desktop copy):
    their paragraphs would be learned as furniture."""
    lines = [{ln.strip() for ln in p.text.splitlines() if len(ln.strip()) >= STORY_LINE_CHARS} for p in pages]
    for a in range(len(pages)):
        for b in range(a + 1, len(pages)):
            small = min(len(lines[a]), len(lines[b]))
            if small and len(lines[a] & lines[b]) > SAME_STORY_SHARE * small:
                raise LearnError(f"{pages[b].name} tells the same story as {pages[a].name} (most of their "
                                 "paragraphs are the same): give pages of different stories")


def similar_repeats(pages: list[Page], need: int) -> list[Repeat]:
    """Lines printed on `need` pages in more than one form (case, digits: "Klik Lebih
    Lanjut" / "Klik lebih lanjut", "12 jam lalu" / "3 jam lalu"), as one pattern each;
    a page where the generic rule drops the line in its form counts too, so long as
    another page leaves it in the text (the generic rule knows one spelling of it)."""
    seen: dict[str, dict[int, list[int]]] = {}
    for k, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if ((page.open(i) or (line.kind == DROP and i not in page.covered))
                    and len(line.text) <= MAX_FURNITURE_CHARS):
                seen.setdefault(variant_key(line.text), {}).setdefault(k, []).append(i)
    found = []
    for hits in seen.values():
        variants = list(dict.fromkeys(pages[k].lines[i].text for k, idxs in hits.items() for i in idxs))
        if (len(hits) >= need and len(variants) > 1
                and any(pages[k].open(i) for k, idxs in hits.items() for i in idxs)):
            found.append(Repeat(general_pattern(variants), "similar", hits, variants[0]))
            cover(pages, found[-1])
    return found


#: A lead's dateline prefix: a bracketed place ("【ジャカルタ】") or one to three words
#: before a dash ("雅加达 -", "BEKASI, iNews.id -"), at the start of a long line.
_LEAD_PREFIX = re.compile(r"^(?:【(?P<bracket>[^】\s]{1,12})】|(?P<words>[^\s\-–—]{1,24}(?: [^\s\-–—]{1,24}){0,2})\s*[-–—]{1,2}\s)")
#: The lines of a page searched for its lead.
LEAD_LINES = 6


#: The outlet's domain opening a lead ("TRIBUNJABAR.CO.ID, BANDUNG -"): one pattern for its brands.
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,4}){1,2}"


def _prefix_of(text: str) -> str | None:
    """Return the dateline pattern of a lead's prefix: a domain before the city (any
    domain: regional brands differ), else the prefix's own words as the city."""
    m = _LEAD_PREFIX.match(text)
    if not m:
        return None
    words = m.group("words") or ""
    brand, comma, _ = words.partition(",")
    if comma and re.fullmatch(_DOMAIN, brand.strip()):
        return f"^{_DOMAIN}\\s*,\\s*(?P<city>{{city}})\\s*{{dash}}\\s*"
    if re.fullmatch(_DOMAIN, words):
        return f"^{_DOMAIN}\\s*{{dash}}\\s*"
    return f"^【(?P<city>{escape(m.group('bracket'))})】\\s*" if m.group("bracket") else (
        f"^(?P<city>{escape(m.group('words'))})\\s*{{dash}}\\s*")


def dateline_guesses(pages: list[Page], need: int, base) -> list[Guess]:
    """Lead prefixes the generic datelines miss, printed on `need` pages: "雅加达 -"."""
    seen: dict[str, list[str]] = {}
    for page in pages:
        leads = [line.text for i, line in enumerate(page.lines)
                 if page.open(i) and len(line.text) >= 40][:LEAD_LINES]
        for text in leads:
            pattern = _prefix_of(text)
            if pattern and not base.first("body.dateline", text):
                seen.setdefault(pattern, []).append(text)
                break
    return [Guess("body.dateline", pattern, f"a lead's prefix on {len(texts)} of {len(pages)} pages: "
                  + repr(texts[0][:60])) for pattern, texts in seen.items() if len(texts) >= need]


#: A photo's caption ending in its credit: a line quoting no one whose last words, after
#: its last full stop, are the credit — one to three capitalised words
#: ("REUTERS", "Istimewa", "AP Photo") or an agency and a name ("Tempo/Zara Amelia").
#: Each photo has another credit, so the shape is learned, not the credits seen.
CREDITED_CAPTION = ('^(?P<value>(?!.*(?:["“”]|\\b(?:kata|ujar|ucap|tutur|jelas|ungkap)\\w*\\b))'
                    ".{10,400}\\.\\s+[A-Z][\\w&\\x27-]*(?: [A-Z][\\w&\\x27-]*){0,2}"
                    "(?:\\s?/\\s?[A-Z][\\w .,\\x27-]{0,60})?)$")


def caption_guesses(pages: list[Page], need: int) -> list[Guess]:
    """Captions ending in their photo's credit, left in the text by the generic rule,
    on `need` pages: one caption pattern by their shape (the credits they end in named)."""
    regex = re.compile(expand(CREDITED_CAPTION))
    credits: dict[int, str] = {}
    for k, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if page.open(i) and (m := regex.match(line.text)):
                credits.setdefault(k, re.split(r"\.\s+", m.group("value"))[-1])
    if len(credits) < need:
        return []
    named = ", ".join(repr(c) for c in dict.fromkeys(credits.values()))
    return [Guess("photo.captions", CREDITED_CAPTION,
                  f"from captions ending in their photo's credit, in {len(credits)} of {len(pages)} pages: {named}")]


def _loosen(repeat: Repeat, pages: list[Page]) -> Repeat:
    """A long line matched whole becomes a match of its first words (its tail changes:
    a link, a wrapped sentence), unless those match a line of some page's text."""
    prefix = prefix_pattern(repeat.example)
    if repeat.kind != "exact" or not prefix or repeat.pattern == prefix:
        return repeat
    for page in pages:
        for i, line in enumerate(page.lines):
            if page.region(i) == "body" and page.covered.get(i) is not repeat and matches(prefix, line.text):
                return repeat
    repeat.pattern = prefix
    return repeat


def _learned_why(why: str) -> str:
    """Word a guess's evidence for a learned file: "learned from … pages", no CHECK."""
    return "learned " + why.replace(" samples", " pages").replace("sample", "page")


def _footer_drops(pages: list[Page], repeats: list[Repeat], used: set[str]) -> list[Guess]:
    """Repeated lines under the text that no other key took (share bars, network promos)."""
    out = []
    for repeat in repeats:
        if repeat.pattern in used:
            continue
        regions = {pages[k].region(i) for k, idxs in repeat.hits.items() for i in idxs}
        # (a date's shape is every page's date line; a table's source, the table's)
        if regions == {"bottom"} and repeat.kind != "date" and not article_own(pages, repeat):
            out.append(Guess("footer.end", repeat.pattern,
                             f"under the text in {len(repeat.hits)} of {len(pages)} pages: {repeat.example!r}"))
    return out


def _safe(guesses: list[Guess]) -> tuple[list[Guess], list[str]]:
    """Keep the guesses whose pattern passes the regex safety check; say which did not."""
    kept, skipped = [], []
    for guess in guesses:
        try:
            re.compile(expand(guess.pattern))
            unsafe = why_unsafe(expand(guess.pattern)) if guess.key != "headline.description" else None
        except re.error as exc:
            unsafe = str(exc)
        if unsafe:
            skipped.append(f"{guess.key} {guess.pattern}: {unsafe}")
        else:
            kept.append(guess)
    return kept, skipped


def _headline_notes(pages: list[Page]) -> list[str]:
    """Where the headline stood on the pages (the generic rule's "first-line" title, which
    a learned rule inherits, takes the first line of text, or one printed twice)."""
    first = twice = found = 0
    for page in pages:
        if page.headline is None:
            continue
        found += 1
        opened = [i for i, line in enumerate(page.lines) if line.text and page.open(i)]
        first += bool(opened) and opened[0] == page.headline
        title = page.lines[page.headline].text
        twice += sum(line.text == title for line in page.lines) > 1
    notes = [f"# The headline: found on {found} of {len(pages)} pages, the first line of text on {first},"
             f" printed twice on {twice}."]
    return notes


def _case(page: Page, rule_id: str, rules: RuleSet, host: str | None) -> list[str]:
    """A [[tests]] case: the page's first lines, prose scrambled, as the rule cleans them."""
    snippet = first_lines(page)
    url = f"https://{host}/" if host else None
    try:
        prose = clean_text(snippet, source=page.name, url=url, rules=rules, outlet=rule_id)
        snippet = scramble_prose(snippet, prose)
        article = clean_text(snippet, source=page.name, url=url, rules=rules)
    except NotAnArticle:  # the first lines are all furniture (menus, a paywall's box)
        return ["", f"# {page.name}: its first lines hold no article text: no case"]
    if article.outlet != rule_id:
        return ["", f"# {page.name}: its first lines do not name the outlet (no host, no "
                    "fingerprint in them): no case"]
    d = article.to_dict()
    out = ["", "[[tests]]", f"name = {toml_value(page.name + ': first lines, prose scrambled')}"]
    if url:
        out.append(f"url = {toml_value(url)}")
    out += [f"input = {toml_text(snippet)}", "[tests.expect]"]
    return out + expect_lines(d)


def _html_texts(rule_id: str, pages: list[SourcePage], others: RuleSet) -> tuple[list[SourcePage], list[str]]:
    """Learn the HTML pages' selectors; return the text each page's body gives with them
    (what the line patterns then run over) and the [html] table."""
    from ..cleaner.html.body import page_blocks
    from ..cleaner.html.head import read_meta
    from ..cleaner.html.page import page_url, parse_page
    from .html_learn import learn_selectors

    if not all(p.html for p in pages):
        raise LearnError("give HTML pages or text scrapes, not both: "
                         + ", ".join(p.name for p in pages if not p.html)[:200] + " are text")
    selectors = learn_selectors([p.text for p in pages])
    lines = selectors.toml_lines()
    rule = load_with(rule_id, f'name = "{rule_id}"\n' + "\n".join(lines) + "\n", others)[rule_id]
    texts = []
    for page in pages:
        root = parse_page(page.text)
        url = page.url or page_url(root)
        texts.append(SourcePage(page.name, "\n\n".join(page_blocks(root, rule, read_meta(root, rule, url))), url))
    if not selectors.body:
        lines += ["# No element on every page holds text that differs on each: the body is left",
                  "# to the generic extractor."]
    return texts, lines


def learn_rule(rule_id: str, pages: list[SourcePage], rules: RuleSet,
               settings: Settings = DEFAULT_SETTINGS, host: str | None = None) -> Learned:
    """Return the rule file outlet `rule_id` learned from `pages` (LearnError when they
    cannot teach one); `host` names the outlet's host when no page has its URL."""
    check_pages(pages, rules)
    need = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    others = RuleSet({k: r for k, r in rules.rules.items() if k != rule_id})
    head_lines: list[str] = []
    if any(p.html for p in pages):
        pages, head_lines = _html_texts(rule_id, pages, others)
        _check_stories(pages)
    urls = [p.url for p in pages if p.url]
    hosts = Counter(site_of(u) for u in urls) - Counter({None: len(urls)})
    host = hosts.most_common(1)[0][0] if hosts else (host.lower().removeprefix("www.") if host else None)
    found = analyse_samples(rule_id, [(p.name, p.text) for p in pages], others, host=host,
                            settings=settings, need=need, first_repeats=similar_repeats,
                            one_offs=False)
    loosened = {r.pattern: _loosen(r, found.pages).pattern for r in list(found.repeats)}
    learned = [Guess(g.key, loosened.get(g.pattern, g.pattern), g.why) for g in found.guesses]
    used = {g.pattern for g in learned}
    learned += _footer_drops(found.pages, found.repeats, used)
    learned += [*domain_datelines(found.pages, host, need), *lead_copies(found.pages, need),
                *title_copies(found.pages, need)]
    if not any(g.key == "body.dateline" for g in learned):
        learned += dateline_guesses(found.pages, need, others[GENERIC])
    learned += [g for g in paywall_guesses(found.pages) + icon_guesses(found.pages) + end_labels(found.pages)
                if g.pattern not in {x.pattern for x in learned}]
    learned += sign_off_guesses(found.pages, need)
    learned += [*name_over_date_guesses(found.pages, need), *tag_line_guesses(found.pages, need),
                *outlet_credit_guesses(found.pages, host), *site_promo_guesses(found.pages, host)]
    if not any(g.key == "photo.captions" for g in learned):
        learned += caption_guesses(found.pages, need)
    guesses, skipped = _safe([Guess(g.key, g.pattern, _learned_why(g.why)) for g in learned])
    head = {key: (value, why.replace("samples", "pages")) for key, (value, why) in found.head.items()}
    if host:
        head["hosts"] = (found.hosts, f"the site of the pages' URLs ({len(urls)} of {len(pages)})"
                         if urls else "from --host")
    else:  # a link inside one page's text names no outlet
        head["hosts"] = ([], "no URL came with the pages: add the outlet's host (kompas.com covers its subdomains)")
        head["name"] = (rule_id.capitalize(), "the outlet's name as readers know it")
        found.hosts = []
    notes = _headline_notes(found.pages)
    names = [p.name for p in pages]
    text = render_rule(rule_id, head, guesses, names, mark="", intro=[
        f"# {rule_id}.toml — learned by `kliping rules learn` from {len(pages)} pages of one outlet"
        + (f" ({len(urls)} with their URL)" if urls else "") + ":",
        *[f"#   {n}" for n in names],
        "#",
        f"# A line printed on at least {need} of the {len(pages)} pages is furniture; each pattern's",
        "# comment says where it stood, on how many pages, and one line it was learned from.",
        *notes, ""], extra=head_lines)
    text = text.rstrip("\n") + "\n"
    with_rule = load_with(rule_id, text, others)
    cases = ["", f"# The pages' first lines, prose scrambled, as this rule cleans them: "
                 f"kliping rules test {rule_id}"]
    for page in found.pages:
        cases += _case(page, rule_id, with_rule, found.hosts[0] if found.hosts else None)
    text += "\n".join(cases) + "\n"
    load_with(rule_id, text, others)  # the whole file must load
    return Learned(text, len(guesses), sum(line == "[[tests]]" for line in cases), len(pages), skipped)

