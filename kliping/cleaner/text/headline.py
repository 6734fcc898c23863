"""Pass 2, by position: the headline (after kickers, banners and a text glued above
it), its repeats, the lead with its dateline, the standfirst between them."""
from __future__ import annotations

import re
from typing import Callable

from .. import dedupe
from ..dates import parse_date
from ..rules import Rule
from ..settings import Settings
from .lines import (AUTHOR, BODY, CANDIDATE, CAPTION, DESCRIPTION, DROP, EDITOR, PUBLISHED, TITLE,
                    _LIST_ITEM, _MAX_STANDFIRST, _SENTENCE_END, _SENTENCE_INSIDE, Extraction, Line, is_sentence)
from .body import keep_closing_paragraph
from .patterns import _starts_body
from .shapes import (SUMMARY_PARAGRAPHS, TITLE_CASE_WORDS, WORD_OF_TWO, WORDS, bare_credit, credit_shaped, dateline_hit,
                     ends_in_credit, headline_length, is_long, photo_line, opens_text, sentence_case_prose, summarises, title_case,
                     headline_glued_to_lead, without_site_name)
from .after_text import NOT_HEADLINE_OPENERS, headline_after_text
from .over_headline import headline_under_lead, label_shaped, over_the_lead, past_a_banner, topic_over_headline
from .standfirst import (_STANDFIRST_CHARS, caption_above, standfirst_above_byline, standfirst_before_lead,
                         standfirst_in_photo_box, standfirst_over_headline_copy, standfirst_over_photo,
                         standfirst_over_undated_lead, writer_over_caption)


#: Longer than this and ending in a full stop: a sentence, not a headline.
_LONG_SENTENCE = 100
#: Inside a paragraph: a quote closes on a comma ("…,\" kata dia").
_QUOTE_INSIDE = re.compile(r",[\"”’]\s+\S")
#: How many non-blank lines at the top are searched for a `title_above` line.
_MARKER_WINDOW = 20
#: How many lines at the top are searched for a headline printed twice.
_TITLE_WINDOW = 6
#: On a page, the text begins within this many blocks, at a sentence of this many words.
_PAGE_LEAD_WINDOW = 40
#: A place name ending in an abbreviation's full stop: "Washington D.C."
_ABBREVIATION_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")
#: The title printed again a little longer is looked for in this many lines under it,
#: with at most this many words more.
_TITLE_ECHO_WINDOW = 3
_TITLE_EXTRA_WORDS = 2
#: What joins a copy of the title to the paragraph it is glued to: a dash or a colon.
_GLUE = re.compile(r"\s*[-–—:|]\s+")
#: Or nothing: the title's last word runs into the paragraph's first ("… RuntuhWarga …").
_CAMEL_GLUE = re.compile(r"(?<=[^\W\d_])(?=[A-Z])")
#: What joins the photo's title (the headline) to its caption: a space, maybe a dash or a colon.
_CAPTION_GLUE = re.compile(r"\s*[-–—:|]?\s+")
#: The text glued above the headline and printed again under it: as many characters
#: of both copies agree.
_GLUED_PREFIX = 80
#: How many remaining lines after the headline may come before the lead paragraph.
_LEAD_WINDOW = 8
#: A block above a dateline lead whose first characters, this many, stand in it is that lead.
_ECHO_CHARS = 40
#: A headline's copy cut short ends so; this many of its words before the cut must stand
#: in the whole headline, this many lines under it at most.
_CUT_MARKS = ("...", "…")
_CUT_WORDS = 3
_CUT_WINDOW = 3
#: How many such labels (a menu's items, one per line) may stand over the headline.
_MENU_LINES = 20


def _title_marker(lines: list[Line], rule: Rule) -> int | None:
    """Return the number of the first line near the top that sits right under a headline
    (`headline.title_above`, e.g. WordPress's "Posted on …")."""
    near_top = [ln for ln in lines if ln.text][:_MARKER_WINDOW]
    return next((ln.number for ln in near_top if rule.first("headline.title_above", ln.text)), None)


def _title_index(lines: list[Line], candidates: list[Line], rule: Rule, settings: Settings,
                 normalised: Callable[[str], str]) -> int | None:
    """Return which candidate is the headline: the one right above a `title_above` line;
    else the first line, unless a later line near the top is printed twice (as mirrors
    and iNews do) and the first is not. `normalised` is the document's
    `Extraction.normalised`."""
    def title_shaped(ln: Line) -> bool:
        if (len(ln.text) > settings.max_title_chars or not WORD_OF_TWO.search(ln.text)
                or ln.text.startswith(NOT_HEADLINE_OPENERS) or dateline_hit(rule, ln.text)):
            return False  # too long, a page number, a list item or a ticker's row, or the lead
        # A long line ending in one full stop is the lead of a scrape with no headline (every word
        # capitalised: a headline's stray stop); a sentence or a quote closed inside makes one too.
        return not ((len(ln.text) > _LONG_SENTENCE and _SENTENCE_END.search(ln.text) and not title_case(ln.text))
                    or (is_long(ln.text) and (_SENTENCE_INSIDE.search(ln.text) or _QUOTE_INSIDE.search(ln.text))))

    marker = _title_marker(lines, rule)
    if marker is not None:
        above = [i for i, ln in enumerate(candidates) if ln.number < marker]
        if above and title_shaped(candidates[above[-1]]):
            return above[-1]
    if rule.title == "last-before-text":
        at = _last_before_text(lines, candidates, rule, title_shaped)
        if at is not None:
            return at
    if _glued_copy_above(candidates, title_shaped, normalised):
        return 1
    top = candidates[:_TITLE_WINDOW]
    # The copy may stand a little further down, under the writer and the date (a headline's:
    # a menu prints its labels twice too).
    window = candidates[:_TITLE_WINDOW + _TITLE_ECHO_WINDOW]
    norms = [normalised(ln.text) for ln in window]
    for i, ln in enumerate(top):
        if dateline_hit(rule, ln.text):
            break  # the lead: the headline, if any, is above it
        if i and _SENTENCE_END.search(ln.text):
            continue  # a repeated sentence is a lead printed twice, not a headline
        # A credit printed twice ("anas/ist") is the photo's; a caption printed twice, not
        # told from a headline by its credit alone, may still be taken for it, unless
        # its copies stand on both sides of the credit.
        copy = next((other for j, (other, norm) in enumerate(zip(window, norms)) if j > i
                     and (j < _TITLE_WINDOW or headline_length(ln.text))
                     and dedupe.repeats_normalised(norms[i], norm, settings)), None)
        if (copy is not None and title_shaped(ln) and not (credit_shaped(ln.text) and photo_line(ln.text))
                and not _around_a_credit(lines, ln, copy)):
            return i
    # The first line, past junk with no word (a page number, a lone bullet) and a list's
    # items or a ticker's rows.
    first = next((i for i, ln in enumerate(candidates[:_TITLE_WINDOW])
                  if WORD_OF_TWO.search(ln.text) and not ln.text.startswith(NOT_HEADLINE_OPENERS)
                  and not (photo_line(ln.text) and not is_long(ln.text))), None)  # a photo's box, not a paragraph
    if first is None or not title_shaped(candidates[first]) or (
            _SENTENCE_END.search(candidates[first].text) and not title_case(candidates[first].text)
            and not over_the_lead(candidates, first, rule)):
        # A sentence first (not a headline's stray stop, in title case or "。" over the lead): a page
        # cut into pages, no headline, unless it is the lead over a label and the headline (photo story).
        return headline_under_lead(lines, candidates, rule, title_shaped)
    past = past_a_banner(lines, candidates, first, title_shaped, rule)
    if past is not None:
        return past
    # Section labels, kickers or a whole menu of them ("News", "Kabar Artis"; "News / Bisnis /
    # Sport / Seleb …") over the headline: the first line of headline length under them.
    after = next((i for i in range(first, min(len(candidates), first + _MENU_LINES))
                  if not label_shaped(candidates[i].text)), None)
    if after is not None and after > first:
        if topic_over_headline(lines, candidates[after:after + 3], title_shaped, under_menu=True):
            return after + 1
        following = candidates[after]
        if (title_shaped(following) and headline_length(following.text)
                and not _SENTENCE_END.search(following.text)):
            return after
    if topic_over_headline(lines, candidates[first:first + 3], title_shaped):
        return first + 1
    whole = _whole_of_cut_copy(candidates, first, title_shaped)
    return first if whole is None else whole


def _around_a_credit(lines: list[Line], line: Line, copy: Line) -> bool:
    """Say whether a line and its copy stand on both sides of a photo's credit (or any
    caption): a caption printed over and under it, not a headline printed twice."""
    return any(ln.kind == CAPTION for ln in lines[lines.index(line) + 1:lines.index(copy)])


def _whole_of_cut_copy(candidates: list[Line], at: int, title_shaped: Callable[[Line], bool]) -> int | None:
    """Which candidate just under `at` is the whole headline when `at` ends in a copy
    of it cut short ("Politik & Hukum›Serba Cepat untuk RUU Cipta...", a breadcrumb):
    a title-shaped line holding the words before the cut (the last may be cut itself)."""
    text = candidates[at].text
    if not text.endswith(_CUT_MARKS):
        return None
    words = WORDS.findall(text.rstrip(".…").lower())[-_CUT_WORDS - 1:-1]
    if len(words) < _CUT_WORDS:
        return None
    for i in range(at + 1, min(len(candidates), at + 1 + _CUT_WINDOW)):
        line = candidates[i]
        if (title_shaped(line) and not any(mark in line.text for mark in _CUT_MARKS)
                and not _SENTENCE_END.search(line.text)
                and set(words) <= set(WORDS.findall(line.text.lower()))):
            return i
    return None


def _glued_copy_above(candidates: list[Line], title_shaped: Callable[[Line], bool],
                      normalised: Callable[[str], str]) -> bool:
    """Say whether the text stands once above the headline and again under it, as search
    indexes store amp pages: the whole text glued into one line, the headline, the text
    again. The first copy then goes as a line above the headline. (Not when the second
    copy is cut short by the scrape to half the first: that would lose the rest.)"""
    if len(candidates) < 3 or title_shaped(candidates[0]) or not title_shaped(candidates[1]):
        return False
    first, again = normalised(candidates[0].text), normalised(candidates[2].text)
    return (len(again) * 2 >= len(first) and len(first) >= _GLUED_PREFIX
            and first[:_GLUED_PREFIX] == again[:_GLUED_PREFIX])


def _last_before_text(lines: list[Line], candidates: list[Line], rule: Rule,
                      title_shaped: Callable[[Line], bool]) -> int | None:
    """Which candidate is the headline when kickers, banners and section labels stand
    above it (`title = "last-before-text"`): the last title-shaped line above where the
    text begins (the first sentence, the lead's dateline, a byline or a date line),
    passing over a standfirst that lacks its full stop (a long line in sentence case)."""
    stop = next((ln.number for ln in lines[:_MARKER_WINDOW * 2]
                 if ln.kind in (EDITOR, AUTHOR, PUBLISHED)
                 or (ln.kind == CANDIDATE and (opens_text(ln.text) or dateline_hit(rule, ln.text)))),
                None)
    if stop is None:
        return None
    above = [i for i, ln in enumerate(candidates) if ln.number < stop and title_shaped(ln)]
    text = [ln.text for ln in candidates if ln.number > stop and is_long(ln.text)][:SUMMARY_PARAGRAPHS]
    headlines = [i for i in above if not sentence_case_prose(candidates[i].text)
                 and not summarises(candidates[i].text, text)]
    if len(headlines) >= 2 and not headline_length(candidates[headlines[-1]].text):
        under = candidates[headlines[-1]].number  # the next line (`lines` counts from 1)
        if under < len(lines) and credit_shaped(lines[under].text):
            headlines.pop()  # the photo's own title over its credit, no kicker
    if not headlines or not headline_length(candidates[headlines[-1]].text):
        # A kicker (or none left: Pos Kupang's, dropped) over a headline that the lead says
        # again in its words (Serambinews): the headline, of a headline's length in title case.
        under = [i for i in above if i > (headlines or [-1])[-1] and headline_length(candidates[i].text)
                 and title_case(candidates[i].text)]
        if under:
            return under[0]
    if len(headlines) >= 2 and headlines[-2] == headlines[-1] - 1:
        over, last = candidates[headlines[-2]].text, candidates[headlines[-1]].text
        if title_case(over) and not title_case(last) and len(last) > len(over):
            return headlines[-2]  # a standfirst full of names, cut short under the headline
    return (headlines or above or [None])[-1]


def _title_with_more(title: str, line: str, text: str) -> bool:
    """Say whether a line (normalised) is the title (normalised) whole with at most
    _TITLE_EXTRA_WORDS words around it, and no sentence: the copied story's own
    headline under a blog's post title ("Hotel JW Marriott …" under "JW Marriott …")."""
    extra = len(line.split()) - len(title.split())
    return (0 < extra <= _TITLE_EXTRA_WORDS and f" {title} " in f" {line} "
            and not is_sentence(text))


def keep_dated_subheadings(lines: list[Line], rule: Rule) -> None:
    """Turn date lines inside the body back into text when they head a chronology
    ("Sabtu, 8 Januari 2022" over a paragraph): a bare date, another day than the
    published date above the body (if any), with text under it. A repeat of the
    published date (page 2 of a story) stays dropped; a standfirst under a headline is no body."""
    published: str | None = None
    in_body, headline_first, seen = False, False, 0  # seen: undecided lines (headline's place, standfirst's)
    for i, ln in enumerate(lines):
        if not in_body and ln.kind == CANDIDATE and ln.text:
            seen, starts = seen + 1, _starts_body(ln.text, rule)
            headline_first = headline_first or (seen == 1 and not starts)
            in_body = starts and not (seen == 2 and headline_first  # a lead with its dateline is text
                                      and dateline_hit(rule, ln.text) is None)
        if ln.kind != PUBLISHED:
            continue
        iso = parse_date(ln.value, rule.timezone) or ""
        day = iso[:10]
        if not in_body:
            published = published or day
            continue
        following = next((o for o in lines[i + 1:] if o.text), None)
        if (day and day != published and len(iso) == 10
                and following is not None and following.kind == CANDIDATE
                and not dateline_hit(rule, following.text)):  # the date over the lead: the story's
            ln.decide(CANDIDATE, "body.dated_subheading", "a date inside the body, not the published one")


def place_headline(lines: list[Line], rule: Rule, settings: Settings,
                   title: str | None = None, extracted: bool = False) -> Extraction:
    """Pass 2: title, its repeats, the lead with its dateline, the standfirst.

    `title`, when the page already told it (HTML), is not searched for; its repeats
    are still dropped, and short blocks above the first paragraph are page furniture,
    unless an extractor found the blocks (`extracted`): then only those of the header
    are (`_header_end`).
    """
    page = title is not None
    ext = Extraction(lines, title=title)
    ext.url = next((ln.value for ln in lines if ln.key == "url"), None)
    keep_dated_subheadings(lines, rule)
    keep_closing_paragraph(lines, rule)
    candidates = [ln for ln in lines if ln.kind == CANDIDATE]
    rest = candidates
    if title is None and rule.title != "none" and candidates:
        at = _title_index(lines, candidates, rule, settings, ext.normalised)
        if at is not None:
            # The lead printed over the label and the headline stays the lead (the headline's
            # shape was checked when it was found).
            under_lead = headline_under_lead(lines, candidates, rule, title_shaped=lambda ln: True)
            lead_above = [candidates[0]] if at == under_lead else []
            for ln in candidates[:at]:
                if ln in lead_above:
                    continue
                if photo_line(ln.text):
                    ln.decide(CAPTION, "headline.photo_over_title", "the photo's caption or credit above the headline",
                              ln.text)
                else:
                    ln.decide(DROP, "headline.before_title", "line above the headline")
            first = candidates[at]
            ext.title = without_site_name(first.text, [ln.text for ln in candidates[at + 1:]])
            first.decide(TITLE, "headline.title", "first line that is not furniture", ext.title)
            rest = lead_above + candidates[at + 1:]
        else:
            after = headline_after_text(lines, settings)
            if after is not None:
                last, standfirst = after
                last.decide(TITLE, "headline.after_text", "a headline over the date line that ends the page", last.text)
                ext.title = last.text
                if standfirst is not None:
                    standfirst.decide(DESCRIPTION, "headline.after_text", "the standfirst under a headline after the text",
                                      standfirst.text)
                    ext.description = standfirst.text
                rest = [ln for ln in candidates if ln is not last and ln is not standfirst]
            elif not dateline_hit(rule, candidates[0].text):  # cut off it in `_cut_glued_title`
                ext.title = headline_glued_to_lead(candidates[0].text)
    if ext.title:
        rest = standfirst_in_photo_box(lines, rest, ext.title)
        title = ext.normalised(ext.title)
        for ln in rest:
            if not _LIST_ITEM.match(ln.text) and dedupe.repeats_normalised(title, ext.normalised(ln.text), settings):
                ln.decide(DROP, "dedupe.title", "repeats the title")  # not a round-up's item "1. …"
        for ln in rest[:0 if page else _TITLE_ECHO_WINDOW]:  # a page's headings say more
            if ln.kind == CANDIDATE and _title_with_more(title, ext.normalised(ln.text), ln.text):
                ln.decide(DROP, "dedupe.title", "the title again with a word or two more")
        rest = [ln for ln in rest if ln.kind == CANDIDATE]
    lead_at = next(
        (i for i, ln in enumerate(rest[:_LEAD_WINDOW]) if dateline_hit(rule, ln.text)),
        None,
    )
    if page and lead_at is not None:
        # On a page, a paragraph-long block above the "dateline" starts the text: what
        # reads like one further down is a sentence of it ("Zum Vergleich: Es gab …"),
        # unless the block is the lead printed above it (a blog's excerpt of it).
        lead_text = rest[lead_at].text
        lead_at = next((i for i, ln in enumerate(rest[:lead_at])
                        if is_long(ln.text) and ln.text[:_ECHO_CHARS] not in lead_text), lead_at)
    if page and lead_at is None:
        # A page's blocks: menus, dates and labels may stand between headline and text,
        # which begins at the first dateline or the first sentence.
        lead_at = next((i for i, ln in enumerate(rest[:_PAGE_LEAD_WINDOW])
                        if dateline_hit(rule, ln.text) or is_sentence(ln.text) or is_long(ln.text)), None)
    caption = None if page or lead_at is None else _caption_as_a_lead(lines, rest, lead_at, rule)
    if caption is not None:
        lead_at += 1
    if lead_at is None and not page and rest and writer_over_caption(lines, rest[0]):
        # A story's later page (iNews amp "/2") has no lead prefix: the name alone over
        # the caption is still the writer's.
        rest[0].decide(AUTHOR, "headline.writer", "the writer's name alone over the caption", rest[0].text)
    if lead_at is not None:
        header_end = _header_end(lines, rest[lead_at], rule) if extracted else None
        photo_box = _photo_box(lines, rest[:lead_at]) if not page else set()
        passed = False  # a line of standfirst length came: the standfirst is the first
        for i, ln in enumerate(rest[:lead_at]):
            if header_end is not None and ln.number > header_end:
                continue  # the article's own: a subheading, a recipe's ingredients
            if ln is caption:
                ln.decide(CAPTION, "headline.caption_as_lead", "the photo's caption, printed with the lead's prefix "
                          "over the lead", ln.text)
            elif ln.number in photo_box:
                ln.decide(CAPTION, "headline.photo_box", "the photo's credit or its caption between title and lead",
                          bare_credit(ln.text))
            elif credit := _over_its_credit(lines, ln):
                ln.decide(CAPTION, "photo.caption_over_credit", "the photo's caption, its credit right under it", ln.text)
                credit.value = bare_credit(credit.value or credit.text)  # "• VIVA/Nama", a list item
            elif i == 0 and not page and writer_over_caption(lines, ln):
                ln.decide(AUTHOR, "headline.writer", "the writer's name alone over the caption", ln.text)
            elif (not passed and rule.description == "before-lead" and not page
                    and standfirst_before_lead(ln.text, right_under_title=i == 0,
                                               over_photo=any(o.number in photo_box for o in rest[i + 1:lead_at]),
                                               under_caption=caption_above(lines, ln))):
                ln.decide(DESCRIPTION, "headline.description", "line between title and lead", ln.text)
                ext.description = ln.text
            else:
                ln.decide(DROP, "headline.before_lead", "line between title and lead")
            passed = passed or len(ln.text) >= _STANDFIRST_CHARS
        lead = rest[lead_at]
        hit = dateline_hit(rule, lead.text)
        if hit:
            pattern, m = hit
            city = (m.groupdict().get("city") or "").strip(" ,")
            if not _ABBREVIATION_END.search(city):  # "Washington D.C." keeps its last full stop
                city = city.rstrip(".")
            city = city or None
            ext.dateline = city
            ext.lead_date = m.groupdict().get("published")
            lead.decide(BODY, "body.dateline", pattern.source, city)
            lead.body = lead.text[m.end():].lstrip(" ,.-–—:")
            if not lead.body:  # the prefix alone on its line, the lead under it
                lead.decide(DROP, "body.dateline", pattern.source, city)
    elif not page and ext.title and rule.description == "before-lead":
        standfirst_above_byline(lines, rest, ext)
        if ext.description is None:
            standfirst_over_photo(lines, rest, ext)
        if ext.description is None:
            standfirst_over_headline_copy(lines, rest, ext)
        if ext.description is None:
            standfirst_over_undated_lead(rest, ext, settings)
    for ln in lines:
        if ln.kind == CANDIDATE:
            ln.decide(BODY, "body")
            ln.body = ln.text
    if ext.title and not page:
        _cut_glued_title(lines, ext.title)
        _cut_title_off_captions(lines, ext.title)
    return ext


def _caption_as_a_lead(lines: list[Line], rest: list[Line], lead_at: int, rule: Rule) -> Line | None:
    """The photo's caption when the site prints it as its lead, its name and a dash first
    (Solopos: "SOLOPOS.COM - Koran Solopos edisi Sabtu (10/6/2023)."): a block shorter than
    a paragraph with the lead's prefix, the real lead, with a prefix of its own, the next
    block under it."""
    if lead_at + 1 >= len(rest):
        return None
    first, lead = rest[lead_at], rest[lead_at + 1]
    under = next((ln for ln in lines[lines.index(first) + 1:] if ln.text), None)
    if under is lead and not is_long(first.text) and is_long(lead.text) and dateline_hit(rule, lead.text):
        return first
    return None


def _cut_glued_title(lines: list[Line], title: str) -> None:
    """Blog templates print the post's title again in front of its first paragraph
    ("<title> - Gunung Kelud meletus …"), maybe under a kicker: the copy is cut off the
    paragraph (one of the first _TITLE_ECHO_WINDOW)."""
    if len(title.split()) < TITLE_CASE_WORDS:
        return
    for ln in [ln for ln in lines if ln.kind == BODY and ln.body][:_TITLE_ECHO_WINDOW]:
        if ln.key != "body" or ln.body[:len(title)].casefold() != title.casefold():
            continue
        m = _GLUE.match(ln.body, len(title)) or _CAMEL_GLUE.match(ln.body, len(title))
        if m and ln.body[m.end():]:
            ln.decide(BODY, "headline.glued_title", "the title glued before the first paragraph")
            ln.body = ln.body[m.end():]
        return


def _cut_title_off_captions(lines: list[Line], title: str) -> None:
    """The headline printed again right under itself with the photo's caption glued to
    it ("<headline> Presiden di Ambon. ©2017 Merdeka.com"; the photo's title is the
    headline): the caption is what follows the copy. Further down, in the photo's box
    under a byline, the photo's title is part of its caption as printed."""
    if len(title.split()) < TITLE_CASE_WORDS:
        return
    at = next((i for i, ln in enumerate(lines) if ln.kind == TITLE), None)
    under = next((ln for ln in lines[at + 1:] if ln.text), None) if at is not None else None
    if (under is None or under.kind != CAPTION or not under.value
            or under.value[:len(title)].casefold() != title.casefold()):
        return
    m = _CAPTION_GLUE.match(under.value, len(title))
    if m and len(under.value[m.end():].split()) >= TITLE_CASE_WORDS:
        under.decide(CAPTION, "headline.glued_photo_title", "the headline again, glued before the photo's caption",
                     under.value[m.end():])


def _photo_box(lines: list[Line], header: list[Line]) -> set[int]:
    """The numbers of the lines between headline and lead that are the photo's box: a
    credit no pattern names ("Istimewa/TribunJatim.com", "Instagram @akun", "• VIVA/Nama")
    and its caption, the line of prose under it, else the one over it (past a credit's
    label such as "Sumber :"). A standfirst with no credit beside it stays."""
    zone = {ln.number: ln for ln in header}
    box: set[int] = set()
    for ln in header:
        if ends_in_credit(ln.text):
            box.add(ln.number)
            continue
        if not credit_shaped(ln.text):
            continue
        box.add(ln.number)
        at = lines.index(ln)
        below = next((o for o in lines[at + 1:] if o.text), None)
        above = [o for o in reversed(lines[:at]) if o.text][:2]
        if above and above[0].text.endswith(":") and len(above[0].text.split()) <= 2:
            above = above[1:]  # the credit's label
        for near in (below, above[0] if above else None):
            if (near is not None and near.number in zone and near.number not in box
                    and len(near.text.split()) >= TITLE_CASE_WORDS and not credit_shaped(near.text)):
                box.add(near.number)
                break
    return box


def _over_its_credit(lines: list[Line], line: Line) -> Line | None:
    """The photo's credit when `line` stands right above it, in one block
    (no blank line between; a credit's label such as "Sumber :" may stand between), as
    VIVA prints the caption between headline and lead. Only a bare credit (`photo.credit`)
    counts: a caption ending in its credit is a whole caption, the line above it not."""
    at = lines.index(line)
    below = lines[at + 1:at + 3]
    if line.text.endswith(":"):
        return None  # the source box's label itself
    if below and below[0].kind in (DROP, CANDIDATE) and below[0].text.endswith(":"):
        below = below[1:]  # the source box's label
    if (below and below[0].kind == CAPTION and (below[0].key == "photo.credit" or credit_shaped(below[0].text))
            and len(line.text) <= _MAX_STANDFIRST):
        return below[0]
    return None


def _header_end(lines: list[Line], lead: Line, rule: Rule) -> int:
    """The number of the last line of the header above the lead, in blocks an extractor
    found as the article's (which holds no menus): the headline's repeat, a date or a
    byline, or everything above a lead opening with its dateline ("JAKARTA -", or that
    prefix alone on the line above). Short lines under the header and above the first
    sentence are the article's own."""
    above = next((ln for ln in reversed(lines[:lines.index(lead)]) if ln.text), None)
    if dateline_hit(rule, lead.text) or (
            above is not None and dateline_hit(rule, f"{above.text} {lead.text}")):
        return lead.number
    return max((ln.number for ln in lines if ln.number < lead.number
                and (ln.kind in (PUBLISHED, AUTHOR, EDITOR) or ln.key == "dedupe.title")), default=0)
