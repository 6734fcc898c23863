"""Pass 2's standfirst where no dateline lead marks where the text begins: the line
over an undated lead that says it is one (cut short, or the lead's gist), and the one
line between the headline and the byline."""
from __future__ import annotations

import re

from .. import dedupe
from ..settings import Settings
from .lines import (AUTHOR, BODY, CANDIDATE, CAPTION, DESCRIPTION, DROP, EDITOR, PUBLISHED, TITLE, _MAX_STANDFIRST,
                    Extraction, Line, is_sentence)
from .shapes import (SUMMARY_PARAGRAPHS, WORD_OF_TWO, is_long, prose_length, sentence_case_prose, summarises,
                     title_case)

#: A standfirst cut short stops on none of these, over this many paragraphs at least.
_CLOSED = (".", "!", "?", '"', "”", "’", ":", ")", "…")
_STANDFIRST_BELOW = 2
#: A line between headline and text shorter than this is a label or a name, no standfirst.
_STANDFIRST_CHARS = 20
#: A list's item ("- …", "• …"): a summary's key point over the lead, no standfirst
#: (not lines._LIST_ITEM: a numbered line may open a standfirst).
_KEY_POINT_OPENERS = ("- ", "• ")
#: A label waiting for its value ("Tayang:", "Diperbarui pada:") has at most this many words.
_BARE_LABEL_WORDS = 3


def standfirst_over_undated_lead(rest: list[Line], ext: Extraction, settings: Settings) -> None:
    """With no dateline lead and no byline, the line right under the headline is the
    standfirst when it says so itself: the page's description cut short (prose that
    stops without its full stop, paragraphs under it), or the lead's gist, its words
    printed again in one of the paragraphs under it. A whole sentence the text does not
    say again, or prints again whole (a lead printed twice), is the first paragraph."""
    if len(rest) < _STANDFIRST_BELOW + 1 or not 20 <= len(rest[0].text) <= _MAX_STANDFIRST:
        return
    first, under = rest[0].text, [ln.text for ln in rest[1:1 + SUMMARY_PARAGRAPHS]]
    cut = (not first.endswith(_CLOSED) and prose_length(first) and not title_case(first)
           and sum(is_sentence(t) or is_long(t) for t in under) >= _STANDFIRST_BELOW)
    if not cut:
        text = [ln.text for ln in ext.lines if ln.number > rest[0].number
                and ln.kind in (CANDIDATE, BODY) and (is_sentence(ln.text) or is_long(ln.text))]
        if not summarises(first, text):
            return
    own = ext.normalised(first)
    if any(dedupe.repeats_normalised(own, ext.normalised(ln.text), settings) for ln in rest[1:]):
        return  # the lead printed twice: dedupe keeps one copy in the text
    rest[0].decide(DESCRIPTION, "headline.description", "line between title and undated lead", first)
    ext.description = first


#: A writer's name alone on its line: two to four capitalised words, no digit, no sentence.
_WRITER = re.compile(r"[A-Z][a-z\u2019'-]+(?: (?:[A-Z][a-z\u2019'-]+|[A-Z]\.)){1,3}")


def writer_over_caption(lines: list[Line], line: Line) -> bool:
    """Say whether a line right under the headline is the writer's name alone over the
    photo's caption (iNews amp pages: "Nama Penulis" over "… (Foto: MPI)"): a byline with
    no label, never the standfirst."""
    if not _WRITER.fullmatch(line.text):
        return False
    below = next((o for o in lines[lines.index(line) + 1:] if o.text), None)
    return below is not None and below.kind == CAPTION


def standfirst_before_lead(text: str, right_under_title: bool, over_photo: bool, under_caption: bool) -> bool:
    """Say whether the first line of standfirst length between the headline and a dateline
    lead is the standfirst: right under the headline, any; under short lines (the outlet's
    name, a kicker) or a date line, only prose over the photo's box or under its caption
    (a name there is the writer's; prose right over the lead may be the caption of a photo
    whose credit is lost, unless the photo's caption stands above it). A list's item is a
    key point of the story's summary, never its standfirst."""
    return (_STANDFIRST_CHARS <= len(text) <= _MAX_STANDFIRST and not text.startswith(_KEY_POINT_OPENERS)
            and (right_under_title or ((over_photo or under_caption)
                                       and (is_sentence(text) or sentence_case_prose(text)))))


def caption_above(lines: list[Line], line: Line) -> bool:
    """Say whether a photo's caption stands between the headline and `line` (Harian Jogja
    prints the headline, the date, the writer, the photo and its caption, the standfirst)."""
    title_at = _title_number(lines)
    return title_at is not None and any(ln.kind == CAPTION and title_at < ln.number < line.number for ln in lines)


def standfirst_above_byline(lines: list[Line], rest: list[Line], ext: Extraction) -> None:
    """With no dateline lead (page 2 of a story, a lead without its prefix), the one
    line between the headline and the byline or the date line right under it is the
    standfirst, when the text goes on under them. Over a date line it must read as prose
    (a sentence, or words mostly in lower case): a name there is the writer's."""
    title_at = _title_number(lines)
    byline = next((ln for ln in lines if title_at is not None and ln.number > title_at
                   and ln.kind in (EDITOR, AUTHOR, PUBLISHED)), None)
    if byline is None:
        return
    above = [ln for ln in rest if ln.number < byline.number]
    marks = [ln for ln in above if _mark_or_label(ln.text)]
    above = [ln for ln in above if ln not in marks]
    below = any(ln.number > byline.number for ln in rest)
    if len(above) == 1 and below and 20 <= len(above[0].text) <= _MAX_STANDFIRST:
        if byline.kind == PUBLISHED and not (is_sentence(above[0].text) or sentence_case_prose(above[0].text)):
            return
        above[0].decide(DESCRIPTION, "headline.description", "line between title and byline", above[0].text)
        ext.description = above[0].text
        for ln in marks:
            ln.decide(DROP, "headline.before_lead", "a separator or a bare label over the byline")


def standfirst_over_photo(lines: list[Line], rest: list[Line], ext: Extraction) -> None:
    """With no dateline lead, one sentence between the headline and the photo's box
    (its credit, its caption), the text going on under the box, is the standfirst
    (Tribun's pages whose lead lost its prefix). A paragraph-long block there is text."""
    photo = next((ln for ln in lines if ln.kind == CAPTION and rest and ln.number > rest[0].number), None)
    if photo is None:
        return
    above = [ln for ln in rest if ln.number < photo.number]
    below = [ln for ln in rest if ln.number > photo.number]
    if (len(above) == 1 and 20 <= len(above[0].text) <= _MAX_STANDFIRST and is_sentence(above[0].text)
            and not is_long(above[0].text)
            and sum(is_sentence(ln.text) or is_long(ln.text) for ln in below) >= _STANDFIRST_BELOW):
        above[0].decide(DESCRIPTION, "headline.description", "line between title and the photo's box", above[0].text)
        ext.description = above[0].text


def standfirst_over_headline_copy(lines: list[Line], rest: list[Line], ext: Extraction) -> None:
    """With no dateline lead, the one line between the headline and its copy printed under
    it (the photo's title, read as a repeat of the title), the text going on under the
    copy, is the standfirst: a second headline (JPNN's older pages). Prose there is text."""
    copy = next((ln for ln in lines if ln.key == "dedupe.title" and rest and ln.number > rest[0].number), None)
    if copy is None:
        return
    above = [ln for ln in rest if ln.number < copy.number]
    below = [ln for ln in rest if ln.number > copy.number]
    if (len(above) == 1 and 20 <= len(above[0].text) <= _MAX_STANDFIRST and not is_long(above[0].text)
            and sum(is_sentence(ln.text) or is_long(ln.text) for ln in below) >= _STANDFIRST_BELOW):
        above[0].decide(DESCRIPTION, "headline.description", "line between the title and its copy", above[0].text)
        ext.description = above[0].text


def standfirst_in_photo_box(lines: list[Line], rest: list[Line], title: str) -> list[Line]:
    """Give back to the lines undecided (`rest`) the one line a photo label's box took
    between the headline and them when it says the headline again, its words nearly all
    (Tribun's amp pages print a standfirst, or the photo's caption, under the font-size
    widget's last button): a standfirst; a caption says what the photo shows."""
    title_at = _title_number(lines)
    if title_at is None or not rest:
        return rest
    box = [ln for ln in lines if title_at < ln.number < rest[0].number and ln.kind == CAPTION]
    if len(box) != 1 or box[0].key != "photo.start" or not summarises(title, [box[0].text]):
        return rest
    box[0].decide(CANDIDATE, "headline.standfirst_in_photo_box")
    return [box[0], *rest]


def _mark_or_label(text: str) -> bool:
    """Say whether a line is no text: a separator with no word ("|", "•"), or a label
    waiting for its value on another line ("Tayang:")."""
    return not WORD_OF_TWO.search(text) or (
        text.endswith(":") and len(text.split(None, _BARE_LABEL_WORDS)) <= _BARE_LABEL_WORDS)


def _title_number(lines: list[Line]) -> int | None:
    """The line number of the headline the headline pass chose, if any."""
    return next((ln.number for ln in lines if ln.kind == TITLE), None)
