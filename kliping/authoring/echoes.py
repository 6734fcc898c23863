"""What a page prints twice in another form, learned by `rules learn` from how it is
printed, not from the words (which differ on every page): the outlet's own domain
opening its leads, the lead printed again under the text cut short (the page's
description), and the headline printed again with the site's name (the page's title).
"""
from __future__ import annotations

import re
from collections import Counter

from ..cleaner.rules import expand
from .line_templates import escape
from .render import Guess
from .samples import Page

#: The lines of a page searched for its lead.
LEAD_LINES = 6
#: A lead is a line at least this long.
LEAD_MIN_CHARS = 40
#: A copy of the lead cut short holds at least this share of its words from the lead.
COPY_WORD_SHARE = 0.8
#: The site's name after a headline's copy: at most this many words.
SITE_NAME_WORDS = 3

_SENTENCE_END = re.compile(r"""[.!?…:;"”’)]\s*$""")
_CITY_DASH = re.compile(r"^[A-Z][A-Z.]+(?: [A-Z][A-Z.]+){0,2}\s*[-–—]{1,2}\s*\S")
_WORD = re.compile(r"\w+")


#: A dateline's place closed by a full stop ("KONTAN.CO.ID - KYIV. "): a city, two of them
#: ("BEIJING/TAIPEI"), or a town and its country ("RE’IM, ISRAEL").
PLACES = r"{city}(?:\s*/\s*{city}|,\s*{city})?"


def _domain_pattern(host: str) -> str:
    """The outlet's domain as printed before a lead: any subdomain, any case."""
    return rf"(?:[a-z]+\.)?(?i:{escape(host)})"


def domain_datelines(pages: list[Page], host: str | None, need: int) -> list[Guess]:
    """Leads opening with the outlet's domain and a city in capitals ("jpnn.com, BOGOR - ",
    "jabar.jpnn.com, KOTA BANDUNG - ", "jpnn.com - JAKARTA - ", "KONTAN.CO.ID - KYIV. ",
    there any place a dateline names: PLACES) on `need` pages: the
    prefix in each form seen; where the city follows a dash, the domain and dash alone
    too (a page printing no city)."""
    if not host:
        return []
    domain = _domain_pattern(host)
    forms = {rf"^{domain}\s*{{dash}}\s*(?P<city>{{city}})\s*{{dash}}\s*": [],
             rf"^{domain}\s*,\s*(?P<city>{{city}})\s*{{dash}}\s*": [],
             rf"^{domain}\s*{{dash}}\s*(?P<city>{PLACES})\.\s+(?=[A-Z\"“])": []}
    compiled = {form: re.compile(expand(form)) for form in forms}
    pages_seen = 0
    for page in pages:
        leads = [ln.text for i, ln in enumerate(page.lines)
                 if page.open(i) and len(ln.text) >= LEAD_MIN_CHARS][:LEAD_LINES]
        lead = next((text for text in leads if any(c.match(text) for c in compiled.values())), None)
        if lead is not None:
            pages_seen += 1
            for form, regex in compiled.items():
                if regex.match(lead):
                    forms[form].append(lead)
    if pages_seen < need:
        return []
    why = f"from leads opening with the outlet's domain and a city in {pages_seen} of {len(pages)} pages"
    guesses = [Guess("body.dateline", form, f"{why}: {leads[0][:60]!r}") for form, leads in forms.items() if leads]
    if (dashed := next(iter(forms.values()))):  # no city after the domain, nor one ending in a full stop
        guesses.append(Guess("body.dateline", rf"^{domain}\s*{{dash}}(?!\s*{{city}}\s*(?:{{dash}}|[.,:]))\s*",
                             f"{why}: {dashed[0][:60]!r}, and so the domain alone"))
    return guesses


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def lead_copies(pages: list[Page], need: int) -> list[Guess]:
    """The lead printed again under it, cut short mid-sentence (the page's description:
    "JAKARTA - Komisi … dalam"), on `need` pages: dropped by its shape — a dateline's
    city, a dash, and no sentence's end — up to a little longer than the longest seen."""
    copies = []
    for page in pages:
        if page.lead is None:
            continue
        lead = set(_words(page.lines[page.lead].text))
        for i in range(page.lead + 1, len(page.lines)):
            text = page.lines[i].text
            words = _words(text)[:-1]  # the last word may be cut
            if (page.open(i) and _CITY_DASH.match(text) and not _SENTENCE_END.search(text)
                    and len(text) >= LEAD_MIN_CHARS and words
                    and sum(w in lead for w in words) >= COPY_WORD_SHARE * len(words)):
                copies.append(text)
                break
    if len(copies) < need:
        return []
    longest = -(-max(len(c) for c in copies) * 6 // 50) * 10  # a fifth longer, to the next ten
    return [Guess("body.drop", rf'^{{city}}\s*{{dash}}\s*\S.{{{LEAD_MIN_CHARS},{longest}}}[^.!?…:;"”’)\s]$',
                  f"from the lead printed again under it, cut short, in {len(copies)} of {len(pages)} pages: "
                  f"{copies[0][:60]!r}")]


def title_copies(pages: list[Page], need: int) -> list[Guess]:
    """The headline printed again with the site's name after a dash ("… - JPNN.COM",
    "… - JPNN.com Jabar": the page's <title>) on `need` pages: dropped, any headline
    before the name; names sharing their first word are one name and a region."""
    names = []
    for page in pages:
        others = Counter(" ".join(sorted(_words(ln.text))) for ln in page.lines if ln.text)
        for line in page.lines:
            head, dash, name = line.text.rpartition(" - ")
            words = " ".join(sorted(_words(head)))
            # the headline elsewhere on the page, not this line's own words ("• Ukuran Font: - +")
            printed = others[words] - (words == " ".join(sorted(_words(line.text))))
            if (dash and head and 0 < len(name.split()) <= SITE_NAME_WORDS and not _SENTENCE_END.search(name)
                    and _WORD.search(name) and words and printed > 0):
                names.append((name, line.text))
                break
    if len(names) < need:
        return []
    firsts = {name.split()[0].casefold() for name, _ in names}
    if len(firsts) == 1:
        first = names[0][0].split()[0]
        case = "(?i:" + escape(first) + ")" if len({n.split()[0] for n, _ in names}) > 1 else escape(first)
        site = case + (r"(?:\s+[A-Z][a-z]{2,15})?" if any(len(n.split()) > 1 for n, _ in names) else "")
    else:
        site = "(?:" + "|".join(escape(n) for n in dict.fromkeys(n for n, _ in names)) + ")"
    return [Guess("body.drop", rf"^.{{10,200}}\s{{dash}}\s*{site}$",
                  f"from the headline printed again with the site's name in {len(names)} of {len(pages)} pages: "
                  f"{names[0][1][-60:]!r}")]
