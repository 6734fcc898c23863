"""A headline printed under the text, over the page's last date line, when none stands
above it: pass 2 (`headline.py`) asks this when the scrape opens with the text."""
from __future__ import annotations

from ..settings import Settings
from .lines import CANDIDATE, PUBLISHED, _SENTENCE_END, Line, is_sentence
from .shapes import headline_length, is_long

#: A line opening with one of these is a list item ("- …": a summary's key points) or a
#: table's row, never a headline.
NOT_HEADLINE_OPENERS = ("|", "•", "·", "▪", "►", "- ")


def headline_after_text(lines: list[Line], settings: Settings) -> tuple[Line, Line | None] | None:
    """The headline (and the standfirst under it, if any) of a scrape that prints the
    text first, then the headline over its date line, with nothing of the text under
    them: a line of headline shape, not a sentence, right above the page's last date
    line (Antara's regional sites), or above one short sentence over the update's date
    (Liputan6's amp pages of 2013: "VIDEO: …" / the standfirst / "diperbarui 12 Feb 2013,
    11:21 WIB")."""
    dated = next((i for i in range(len(lines) - 1, -1, -1)
                  if lines[i].kind == PUBLISHED or lines[i].key == "headline.updated"), None)
    if dated is None or any(ln.kind == CANDIDATE for ln in lines[dated + 1:]):
        return None
    shown = [ln for ln in reversed(lines[:dated]) if ln.text][:2]
    if not shown:
        return None
    above, standfirst = shown[0], None
    if (lines[dated].kind != PUBLISHED and len(shown) == 2 and above.kind == CANDIDATE
            and is_sentence(above.text) and not is_long(above.text)):
        above, standfirst = shown[1], above  # under the update only: Antara's dates stay as they were
    if (above.kind != CANDIDATE or not headline_length(above.text)
            or len(above.text) > settings.max_title_chars or _SENTENCE_END.search(above.text)
            or above.text.startswith(NOT_HEADLINE_OPENERS)):
        return None
    text_above = any(ln.kind == CANDIDATE and ln is not above and ln is not standfirst
                     and ln.number < above.number for ln in lines)
    return (above, standfirst) if text_above else None
