"""Learn an outlet's HTML selectors from its pages (`kliping rules learn` on HTML): the
body container is the element, present on every page under one id or class, whose text
differs from page to page while what is around it repeats; the title is the one <h1>
(or the page head's og:title), the date the page head's publication time (or a
<time datetime>), whichever every page has.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..cleaner.html.page import parse_page
from ..cleaner.selectors import compile_selector
from .render import toml_string

#: A container must hold at least this many characters of its own text on each page.
MIN_BODY_CHARS = 200
#: Date selectors tried, in order: page-head metadata first, then visible markup.
DATE_SELECTORS = ("meta[property='article:published_time']@content",
                  "meta[name='pubdate']@content", "meta[itemprop='datePublished']@content",
                  "time[datetime]@datetime")
TITLE_SELECTORS = ("h1", "meta[property='og:title']@content")
#: Of containers holding this share of the best one's own text, the smallest is taken.
TIGHT_SHARE = 0.8
_TEXTS = ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"


@dataclass
class HtmlSelectors:
    """The selectors learned, each with the evidence for it."""

    body: tuple[str, str] | None
    title: tuple[str, str] | None
    published: tuple[str, str] | None

    def toml_lines(self) -> list[str]:
        """The [html] table of a rule file, each selector under its reason."""
        out = ["", "[html]"]
        for key in ("title", "body", "published"):
            found = getattr(self, key)
            if found:
                out += [f"# learned: {found[1]}", f"{key} = [{toml_string(found[0])}]"]
        return out if len(out) > 2 else []


def _names(el) -> list[str]:
    """CSS selectors naming `el` by its id or one of its classes."""
    out = []
    if el.get("id"):
        out.append(f"{el.tag}#{el.get('id')}")
    out += [f"{el.tag}.{c}" for c in (el.get("class") or "").split() if c.isascii() and c.replace("-", "").replace("_", "").isalnum()]
    return out


def _paragraphs(el) -> list[str]:
    return [" ".join(t.split()) for t in el.xpath(_TEXTS) if len(t.strip()) > 1]


def learn_body(roots: list) -> tuple[str, str] | None:
    """Return the selector of the element whose text varies most across pages and
    repeats least (paragraphs printed on two pages count against it)."""
    per_page: list[dict[str, list[str]]] = []
    for root in roots:
        found: dict[str, list] = {}
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag not in ("html", "body", "head", "script", "style"):
                for name in _names(el):
                    found.setdefault(name, []).append(el)
        per_page.append({n: _paragraphs(els[0]) for n, els in found.items() if len(els) == 1})
    shared = set.intersection(*(set(p) for p in per_page))
    counts = Counter(t for page in per_page for texts in page.values() for t in set(texts))
    scored: list[tuple[int, int, int, str]] = []  # own, repeated, total, name
    for name in shared:
        own = repeated = 0
        for page in per_page:
            for t in page[name]:
                if counts[t] > 1 and any(t in other[name] for other in per_page if other is not page):
                    repeated += len(t)
                else:
                    own += len(t)
        if min(sum(len(t) for t in page[name]) for page in per_page) < MIN_BODY_CHARS:
            continue
        scored.append((own, repeated, own + repeated, name))
    good = [s for s in scored if s[0] > 2 * s[1]]
    if not good:
        return None
    top = max(s[0] for s in good)
    own, repeated, _, name = min((s for s in good if s[0] >= TIGHT_SHARE * top), key=lambda s: (s[2], s[3]))
    return name, (f"on all {len(roots)} pages, the smallest element holding the text that differs "
                  f"on each ({own // len(roots)} characters a page; {repeated // len(roots)} repeated)")


def _one_value(roots: list, source: str) -> list[str] | None:
    sel = compile_selector(source)
    values = []
    for root in roots:
        got = sel.values(root)
        if len(got) != 1:
            return None
        values.append(got[0])
    return values


def learn_selectors(texts: list[str]) -> HtmlSelectors:
    """Learn body, title and date selectors from HTML pages of one outlet."""
    roots = [parse_page(t) for t in texts]
    title = published = None
    for source in TITLE_SELECTORS:
        values = _one_value(roots, source)
        if values and len(set(values)) == len(values):
            title = (source, f"one per page on all {len(roots)} pages, different on each")
            break
    for source in DATE_SELECTORS:
        values = _one_value(roots, source)
        if values:
            published = (source, f"one per page on all {len(roots)} pages (\"{values[0]}\")")
            break
    return HtmlSelectors(learn_body([parse_page(t) for t in texts]), title, published)
