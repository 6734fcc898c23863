"""What stands over the headline in a text scrape and is not it: a topic label over a
longer headline, a block of banners (a region's slogan, an app's prompt) over it, a photo
page's lead printed over its label and headline. Pass 2 (`headline.py`) asks these once it
has the first line that could be the headline."""
from __future__ import annotations

from typing import Callable

from ..rules import Rule
from .lines import AUTHOR, CANDIDATE, CJK, DROP, EDITOR, PUBLISHED, _SENTENCE_END, Line, is_sentence
from .shapes import CJK_HEADLINE_CHARS, TITLE_CASE_WORDS, dateline_hit, headline_length, is_long, sentence_case_prose, title_case

#: A topic label over the headline has this many words at most; the headline under it
#: this many at least (and three more than the label).
_TOPIC_WORDS = 5
_TOPIC_HEADLINE_WORDS = 7
#: How many lines under the headline are searched for its copy in the photo box's title.
_ECHO_WINDOW = 8
#: A first line of this many words at most, over a line of headline length, is a label.
_LABEL_WORDS = 2
#: How many candidates under a banner's block are searched for the headline.
_BANNER_WINDOW = 6


def _named_again(below: list[Line], headline: str) -> bool:
    """Say whether a line under the headline ends with it after a label of its own (the
    photo box titled with the headline)."""
    return any(ln.text.endswith(" " + headline) for ln in below)


def topic_over_headline(lines: list[Line], top: list[Line], title_shaped: Callable[[Line], bool],
                        under_menu: bool = False) -> bool:
    """Say whether the first line is a topic label over the headline, as Tribun's sites
    print them ("Berita Kaltim Terkini", "Banjir Kabupaten Bandung"): a short line over
    a much longer headline in title case (it may ask or exclaim), with the standfirst or
    the lead under it (a sentence, or prose the scrape cut short), or its byline or date
    (maybe under one line of standfirst).
    Under a menu (`under_menu`) a line in that place is a topic already, so a headline with
    its byline or date right under it needs only be three words longer than the label."""
    if len(top) < 2:
        return False
    label, headline = top[0].text, top[1].text
    at = lines.index(top[1])
    under = top[2].text if len(top) > 2 else ""
    words, headline_words = len(label.split()), len(headline.split())
    # The byline or date right under the headline, or under the one line of its standfirst.
    below = [ln for ln in lines[at + 1:] if ln.text][:2]
    dated = bool(below) and (below[0].kind in (AUTHOR, EDITOR, PUBLISHED) or (
        len(below) == 2 and below[0].kind == CANDIDATE and below[1].kind in (AUTHOR, EDITOR, PUBLISHED)))
    least = words + 3 if under_menu and dated else max(_TOPIC_HEADLINE_WORDS, words + 3)
    if dated and _named_again(lines[at + 1:at + 1 + _ECHO_WINDOW], headline):
        least = words + 1  # the photo box names the headline again: "zoom-inlihat foto <headline>"
    if dated and words >= TITLE_CASE_WORDS and not title_case(label) and title_case(headline):
        least = words + 1  # a desk's label in lower case over a title-case headline ("Kompas TV regional berita daerah")
    return (words <= _TOPIC_WORDS and not _SENTENCE_END.search(label) and title_shaped(top[1])
            and headline_words >= least
            and not headline.endswith(".") and not sentence_case_prose(headline)
            and (dated or (bool(under) and (is_sentence(under) or is_long(under) or sentence_case_prose(under)))))


def past_a_banner(lines: list[Line], candidates: list[Line], first: int,
                   title_shaped: Callable[[Line], bool], rule: Rule) -> int | None:
    """Which candidate is the headline when the first stands in a block of short lines
    with no sentence (a region's banner "Sulawesi Utara" / "Menuju Sulut Maju, …", an
    app's prompt "Close Banner Apps …" / "Download Apps …"): the first line of headline
    shape after that block, on its own line, with its standfirst, byline, date or lead
    right under it. Blocks of labels may stand between; text (a sentence) stops the search."""
    at = lines.index(candidates[first])
    block = []
    for ln in lines[at:]:
        if not ln.text:
            break
        block.append(ln)
    if len(block) < 2 or any(ln.kind not in (CANDIDATE, DROP) or is_sentence(ln.text) or is_long(ln.text)
                             for ln in block):
        return None
    for i in range(first + 1, min(len(candidates), first + _BANNER_WINDOW)):
        ln = candidates[i]
        if ln.number <= block[-1].number:
            continue
        if is_sentence(ln.text) or is_long(ln.text) or dateline_hit(rule, ln.text):
            return None  # the text began
        j = lines.index(ln)
        under = next((o for o in lines[j + 1:] if o.text), None)
        if (lines[j - 1].text or under is None or not title_shaped(ln) or not headline_length(ln.text)
                or _SENTENCE_END.search(ln.text)):
            continue
        if under.kind in (AUTHOR, EDITOR, PUBLISHED) or (under.kind == CANDIDATE and (
                is_sentence(under.text) or is_long(under.text) or dateline_hit(rule, under.text))):
            return i
    return None


def label_shaped(text: str) -> bool:
    """Say whether a line is as short as a section label: two words at most."""
    return len(text.split()) <= _LABEL_WORDS and len(CJK.findall(text)) < CJK_HEADLINE_CHARS


def headline_under_lead(lines: list[Line], candidates: list[Line], rule: Rule,
                         title_shaped: Callable[[Line], bool]) -> int | None:
    """Which candidate is the headline when the page opens with its lead (the dateline on
    it), then a section's label ("Foto", maybe dropped by the rule already) and the
    headline, the text going on under it (a photo story's page), each of that shape."""
    if len(candidates) < 3 or not dateline_hit(rule, candidates[0].text):
        return None
    start, end = lines.index(candidates[0]) + 1, lines.index(candidates[1])
    between = [ln for ln in lines[start:end] if ln.text]
    at = 1 if len(between) == 1 and between[0].kind == DROP else 2  # the label dropped, or a candidate
    if len(candidates) < at + 2 or (at == 1 and not label_shaped(between[0].text)):
        return None
    label, headline, text = between[0].text if at == 1 else candidates[1].text, candidates[at], candidates[at + 1].text
    if (label_shaped(label) and not _SENTENCE_END.search(label) and title_shaped(headline)
            and headline_length(headline.text) and not _SENTENCE_END.search(headline.text)
            and (is_sentence(text) or is_long(text))):
        return at
    return None


def over_the_lead(candidates: list[Line], at: int, rule: Rule) -> bool:
    """Say whether the line at `at`, ending in "。", stands right over the lead with its dateline:
    a headline (VOI's Japanese edition ends some in "。"), not a lead printed first. A line in
    Latin script ending so is a caption or a standfirst there, as often as a headline."""
    return (candidates[at].text.rstrip("\"”’」』").endswith("。") and at + 1 < len(candidates)
            and dateline_hit(rule, candidates[at + 1].text))
