"""Lines over and around the text that `rules learn` knows by their shape, each page
printing other words in it: the author's name alone over the date line, the article's
tags printed as a line, a photo's credit naming the outlet's own site (Katadata's
"Rizky Alika" / "5 Oktober 2020, 19:05", "batu bara, hilirisasi, minerba, smelter,",
"Donang Wahyu|KATADATA").
"""
from __future__ import annotations

import re

from ..cleaner.rules import expand
from ..cleaner.text import PUBLISHED
from .line_templates import escape
from .render import Guess
from .samples import Page

#: A person's name alone on its line: two to four capitalised words or initials, no
#: label, no digit ("Rizky Alika", "Andi M. Arief").
NAME_LINE = "^(?P<value>[A-Z][a-z\\x27’-]+(?: (?:[A-Z]\\.|[A-Z][a-z\\x27’-]+)){1,3})$"


def _date_line(page: Page, i: int) -> bool:
    line = page.lines[i]
    return line.kind == PUBLISHED or (i in page.covered and page.covered[i].kind == "date")


def name_over_date_guesses(pages: list[Page], need: int) -> list[Guess]:
    """The author's name alone on the line over the page's date line, above the text, on
    `need` pages (another name on each): an author line of that shape. The headline is
    never taken for it."""
    regex = re.compile(expand(NAME_LINE))
    names = []
    for page in pages:
        for i, line in enumerate(page.lines):
            below = next((j for j in range(i + 1, len(page.lines)) if page.lines[j].text), None)
            if (page.open(i) and page.region(i) == "top" and i != page.headline and regex.match(line.text)
                    and below is not None and _date_line(page, below)):
                names.append(line.text)
                break
    return shape_guess("byline.author", NAME_LINE, "the author's name alone over the date line", names, pages, need)


def shape_guess(key: str, pattern: str, what: str, seen: list[str], pages: list[Page], need: int) -> list[Guess]:
    """One guess for lines of one shape seen on `need` pages (other words on each), its
    comment naming up to three of them."""
    if len(seen) < need:
        return []
    named = ", ".join(repr(text) for text in dict.fromkeys(seen[:3]))
    return [Guess(key, pattern, f"from {what} on {len(seen)} of {len(pages)} pages: {named}")]


#: The article's tags printed as a line: three or more lower-case words or phrases,
#: comma after comma, maybe one after the last, no full stop.
TAG_LINE = "^[a-z0-9][a-z0-9 &-]{1,40}(?:, [a-z0-9][a-z0-9 &-]{1,40}){2,9},?$"


def tag_line_guesses(pages: list[Page], need: int) -> list[Guess]:
    """Tags printed as a line, left in the text by the generic rule, on `need` pages
    (other tags on each): dropped by that shape."""
    regex = re.compile(expand(TAG_LINE))
    found = [next((ln.text for i, ln in enumerate(page.lines) if page.open(i) and regex.match(ln.text)
                   and not ln.text.endswith(".")), None) for page in pages]
    return shape_guess("body.drop", TAG_LINE, "the article's tags printed as a line", [t for t in found if t],
                       pages, need)


#: A credit's photographer: capitalised words ("Donang Wahyu", "Adi Maulana Ibrahim").
_WHO = "[A-Z][\\w .\\x27-]{1,60}?"


def outlet_credit_guesses(pages: list[Page], host: str | None) -> list[Guess]:
    """A photo's credit naming the outlet's own site beside the photographer, after a bar
    or before a slash ("Donang Wahyu|KATADATA", "KATADATA/Adi Maulana Ibrahim"), left in
    the text by the generic rule: learned from one page, since the host vouches for the
    name; the form seen, any photographer, the name in any case."""
    if not host:
        return []
    brand = host.split(".")[0]
    name = f"(?i:{escape(brand)})(?:\\.(?i:com|co\\.id|id))?"
    forms = {f"^(?P<value>{_WHO}\\s*\\|\\s*{name})$": [], f"^(?P<value>{name}\\s*/\\s*{_WHO})$": []}
    for form, seen in forms.items():
        regex = re.compile(expand(form))
        seen += [ln.text for page in pages for i, ln in enumerate(page.lines)
                 if page.open(i) and page.region(i) != "bottom" and regex.match(ln.text)]
    return [Guess("photo.credit", form, f"from a photo's credit naming the outlet on {len(seen)} line(s) "
                  f"of the {len(pages)} pages: {seen[0]!r}") for form, seen in forms.items() if seen]
