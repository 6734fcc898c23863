"""Furniture `rules learn` knows by its shape or by the generic rule's word, so that one
page (or a few, each printing another name) is evidence enough: a paywalled excerpt's
end, a box's label under the text, a share bar's icon names, an editor's name in
brackets under the text, the site's promo with a link under the text.
"""
from __future__ import annotations

import re

from ..cleaner.rules import expand
from ..cleaner.text import CANDIDATE, DROP, PARAGRAPH_END, is_sentence
from .head_shapes import shape_guess
from .line_templates import exact_pattern, general_pattern, variant_key
from .render import Guess
from .samples import LEAD_CHARS, Page, figure_row


#: An editor's name in brackets alone on its line: two to four capitalised words
#: ("(Dani Jumadil Akhir)", "(Jihad Dwidyasa )").
SIGN_OFF = "^\\(\\s*[A-Z][\\w.\\x27-]*(?: [A-Z][\\w.\\x27-]*){1,3}\\s*\\)$"


def sign_off_guesses(pages: list[Page], need: int) -> list[Guess]:
    """An editor's name in brackets under the last paragraph on `need` pages (another
    name on each): dropped by that shape, wherever a page prints it (before more lines,
    the generic rule leaves it in the text)."""
    regex = re.compile(expand(SIGN_OFF))
    names = [next((ln.text for ln in page.lines[page.last + 1:] if regex.match(ln.text)), None)
             for page in pages if page.last is not None]
    return shape_guess("body.drop", SIGN_OFF, "an editor's name in brackets under the text", [n for n in names if n],
                       pages, need)


#: An ellipsis alone on its line: where an excerpt was cut.
ELLIPSIS = "^(?:\\.\\.\\.|…)$"


def paywall_guesses(pages: list[Page]) -> list[Guess]:
    """A paywalled excerpt's end: under a paragraph cut mid-sentence, an ellipsis alone,
    then a line the generic rule drops as furniture (a prompt to subscribe).
    The text ends there (the pitch follows): one page is evidence enough, the generic
    rule vouching for the line and the cut paragraph for where it stands."""
    ellipsis = re.compile(expand(ELLIPSIS))
    found: list[str] = []
    for page in pages:
        shown = [ln for ln in page.lines if ln.text]
        for n in range(2, len(shown)):
            line, cut = shown[n], shown[n - 2]
            if (line.kind == DROP and ellipsis.match(shown[n - 1].text) and cut.kind == CANDIDATE
                    and len(cut.text) >= LEAD_CHARS
                    and not PARAGRAPH_END.search(cut.text) and not figure_row(cut.text)):
                found.append(line.text)
                break
    if not found:
        return []
    why = f"from a paywalled excerpt's end on {len(found)} of {len(pages)} pages, under a paragraph cut mid-sentence and an ellipsis"
    return [Guess("footer.end", ELLIPSIS, why + ": an ellipsis alone"),
            *(Guess("footer.end", exact_pattern(text), why + f": {text!r}") for text in dict.fromkeys(found))]


#: A box's label: a few words, no sentence's end, no figure ("TERBARU", "BERITA POPULER").
BOX_LABEL = re.compile(r"^[^\W\d_][^\d.!?:;,]{0,30}$")
#: The generic rule's keys that drop a line as furniture (not a related list's start).
_FURNITURE_KEYS = ("header.drop", "body.drop", "footer.drop")


def end_labels(pages: list[Page]) -> list[Guess]:
    """A box's label the generic rule drops ("TERBARU"), the first such under a page's
    last paragraph, heading lines the generic rule leaves (teasers, promotions; not more
    furniture: "Dapatkan Berita Pilihan" / "di WhatsApp Anda" is a prompt) and no
    paragraph after it, ends the text: learned from one page — the generic rule vouches
    for the label, the page for where it stands — unless a page prints it inside its text."""
    inside = {variant_key(line.text) for page in pages for i, line in enumerate(page.lines)
              if line.text and page.region(i) == "body"}
    found: dict[str, str] = {}
    for page in pages:
        if page.last is None:
            continue
        after = [line for line in page.lines[page.last + 1:] if line.text]
        for n, line in enumerate(after):
            if line.kind == DROP and line.key in _FURNITURE_KEYS and BOX_LABEL.match(line.text) \
                    and len(line.text.split()) <= 3:
                if n + 1 < len(after) and after[n + 1].kind == DROP and BOX_LABEL.match(after[n + 1].text):
                    continue  # a button over the label ("Bagikan" / "Berita Terbaru"), or a prompt's first line
                heads = n + 1 < len(after) and after[n + 1].kind == CANDIDATE
                if heads and line.text[0].isupper() and variant_key(line.text) not in inside and not any(
                        is_sentence(x.text) and len(x.text) >= LEAD_CHARS for x in after[n + 1:]):
                    found.setdefault(variant_key(line.text), line.text)  # (a prompt's lower-case tail is none)
                break
    why = "from a box's label under the text on {} of {} pages, nothing like a paragraph after it: {!r}"
    return [Guess("footer.end", exact_pattern(text), why.format(
        sum(any(variant_key(ln.text) == key for ln in p.lines) for p in pages), len(pages), text))
        for key, text in found.items()]


#: An icon's name printed as text: lower-case words joined by hyphens, no space, a label
#: maybe glued on ("copy-link-circle", "more-vertical", "zoom-in-whitePerbesar").
ICON_NAME = re.compile(r"^[a-z]+(?:-[a-z]+)+(?:[A-Z][a-z]+)?$")
#: A line standing among icon names is the bar's too when it is one word this short
#: ("comment", a count "0").
BAR_WORD_CHARS = 12


def _icon(text: str) -> bool:
    """Say whether a line is an icon's name ("anak-anak", a word said twice, is prose)."""
    return bool(ICON_NAME.match(text)) and len(set(re.sub(r"[A-Z]\w*$", "", text).split("-"))) > 1


def icon_guesses(pages: list[Page]) -> list[Guess]:
    """A share bar's icon names above the text (two or more on a page) and the one-word
    lines among them ("comment", a count): learned from one page, since icon names are
    never prose; each line where it stands, digits as any number."""
    found: dict[str, str] = {}
    shown_on = 0
    for page in pages:
        # The icon names themselves, open or dropped by the base rule (generic drops them).
        top = [i for i, line in enumerate(page.lines) if line.text and page.region(i) == "top"]
        icons = [i for i in top if _icon(page.lines[i].text)]
        if len(icons) < 2:
            continue
        shown_on += 1
        for i in (i for i in top if page.open(i)):
            text = page.lines[i].text
            near = [j for j in icons if j != i and abs(j - i) <= 2]
            if i in icons or (near and " " not in text and len(text) <= BAR_WORD_CHARS):
                found.setdefault(general_pattern([text]), text)
    why = f"from a share bar's icon names above the text on {shown_on} of {len(pages)} pages"
    return [Guess("header.drop", pattern, f"{why}: {text!r}") for pattern, text in found.items()]


#: A link in a line: an address.
_LINK = re.compile(r"https?://|www\.")


def site_promo_guesses(pages: list[Page], host: str | None) -> list[Guess]:
    """The text's last line, or a line under it, naming the outlet's own site with a link
    in it ("Simak breaking news … Kompas.com WhatsApp Channel : https://…"): the site's
    promo, dropped by its first words; learned from one page, the host and the link
    vouching for it (an article names the site, "kepada Kompas.com", without a link)."""
    if not host:
        return []
    site = re.compile(re.escape(host.removeprefix("www.")), re.IGNORECASE)
    found: dict[str, str] = {}
    for page in pages:
        if page.last is None:
            continue
        for i in range(page.last, len(page.lines)):
            text = page.lines[i].text
            if page.open(i) and site.search(text) and _LINK.search(text) and len(text) <= 400:
                found.setdefault(general_pattern([text]), text)
                break
    return [Guess("body.drop", pattern, f"from the site's promo with a link, the text's last line or under it: "
                  f"{text[:70]!r}") for pattern, text in found.items()]
