"""Pass 3, over the body: glued related links and inline furniture cut, repeated
paragraphs and caption echoes dropped, a teaser taken for a standfirst given back,
headlines of other stories between paragraphs, a fragment the scrape was cut in."""
from __future__ import annotations

import re

from .. import dedupe, regex_cache
from ..rules import Rule
from ..settings import Settings
from .lines import (AUTHOR, BODY, CANDIDATE, CAPTION, DESCRIPTION, DROP, PARAGRAPH_END, RELATED, CJK, _LIST_ITEM,
                    _MAX_RELATED, _SENTENCE_INSIDE, _SIGNED_OFF, Extraction, Line, _value, fold_spaces)
from .patterns import tag_shaped
from .shapes import dateline_hit


#: A line between paragraphs of this many words, this share of them capitalised, is
#: another story's headline (a subheading is shorter; prose is never so capitalised).
#: A figure may count as one of the words ("PHK Sepihak 308 Karyawan …", "6 Perilaku …").
_TEASER_WORDS = 8
_TEASER_CAPITALS = 0.75
#: A standfirst this long that a paragraph starts with is a teaser cut from it.
_TEASER_CHARS = 30
#: This many tag-shaped lines end the text: the page's tags.
_LABEL_RUN = 4
#: This many bulleted headlines of this many words end the text: the page's teasers.
_FOOT_TEASERS = 3
_FOOT_TEASER_WORDS = 5
#: A summary of another story cut with an ellipsis is at least this long.
_CUT_SUMMARY_CHARS = 40
#: The story's source under it ("Sumber: RMOL", "Source: Koran Tempo", "Sumber... site"),
#: or the editor's name alone in brackets ("(Nanda Aria)"): a few words, no sentence.
_SOURCE_LINE = re.compile(r"(?i)^(?:sumber(?: berita)?|source)\s*(?::|\.{3}|…)\s*\S(?:\S*(?: |$)){1,6}$")
#: A paywall's cut under the last paragraph it shows: "..." or "…" alone on its line.
_PAYWALL_CUT = re.compile(r"^(?:\.{3}|…)$")
#: Dots after a space or a comma close a teaser the site cut itself ("Pengga ...",
#: "menilai,..."), or glued to a word cut to a letter or two ("Otoritas J..."), not a
#: sentence trailing off ("terus naik...").
_CUT_DOTS = re.compile(r"(?:\s|,)\S{0,2}(?:\.{3}|…)$")
#: A sentence closed inside the line: a word in lower case, its full stop, the next
#: sentence's capital ("… Zulkifli Hasan. Dia m…": the last paragraph cut off after it).
_CLOSED_INSIDE = re.compile(r"[a-z]{4}\.[\"”’)]?\s+[\"“A-Z]")
#: The writer's and the desk's sign-off in brackets closes a paragraph, full stop or not:
#: "… Tutupnya (Ira/Red)"; a scrape cut off inside a paragraph never ends in one.
_DESK_SIGNOFF = re.compile(r"\s\([A-Za-z]{2,12}(?:/[A-Za-z0-9]{2,12}){1,3}\)$")
#: A long sentence closed by a demonstrative or a particle ("… terbaru mereka ini", "… yang
#: melonjak tersebut", "… kita tunggu saja") is whole without its full stop (a blog's):
#: a crawler's cut lands after such a word rarely, and after this many words more rarely.
_CLAUSE_CLOSER = re.compile(r"\s(?:ini|itu|tersebut|saja|pula)$")
_CLOSED_CLAUSE_WORDS = 15
#: The desk signing as a whole after the last word, no full stop before it: "… tertib (red)".
_DESK_AS_WHOLE = re.compile(r"\w\s+\((?:[Rr]ed|[Rr]edaksi)\)$")
_NAME_IN_BRACKETS = re.compile(r"^\(\s*[A-Z][\w.\x27-]*(?: [A-Z][\w.\x27-]*){0,3}\s*\)$")
#: A cut copy shorter than this is no glued text of a whole page (restore_whole_copy).
_WHOLE_COPY_MIN = 200
#: A line this share of whose words are figures is a table's row.
_FIGURES_SHARE = 0.3

#: A caption-like line this long at the very end is the last paragraph with its sign-off.
_CLOSING_CHARS = 100


def keep_closing_paragraph(lines: list[Line], rule: Rule) -> None:
    """The article's last paragraph, closed by a sign-off "(Tribunnews.com/Nama)", reads
    like a caption ending in its credit; a paragraph-long one at the very end is text, and
    so is one ending in the rule's sign-off (`footer.last`: "… pendinginan. (antara/jpnn)")."""
    last = next((ln for ln in reversed(lines) if ln.kind in (CANDIDATE, CAPTION)), None)
    if last is not None and last.key == "photo.captions" and (
            len(last.text) >= _CLOSING_CHARS or rule.first("footer.last", last.text)):
        last.decide(CANDIDATE, "body.closing", "the last paragraph, closed by a sign-off")



def keep_subheadings(lines: list[Line]) -> None:
    """A name-shaped line with no label that a rule's byline pattern took ("Laporan Orang
    Hilang", Suara's bare writer's name over the date) between two paragraphs of the text
    is a subheading: the text's own, no byline."""
    full = [ln for ln in lines if ln.text]
    for above, line, below in zip(full, full[1:], full[2:]):
        if (line.kind == AUTHOR and line.key == "byline.author" and line.value == line.text
                and all(o.kind == CANDIDATE and PARAGRAPH_END.search(o.text) for o in (above, below))):
            line.decide(CANDIDATE, "body.subheading", "a name-shaped line between paragraphs: a subheading")


def tidy_body(ext: Extraction, rule: Rule, settings: Settings) -> None:
    """Pass 3: glued related links, inline furniture, repeated paragraphs."""
    for ln in ext.lines:
        if ln.kind != BODY:
            continue
        text = ln.body or ""
        hit = rule.first("body.related_inline", text)
        if hit and hit[1].start() > 0:
            pattern, m = hit
            ln.value = _value(m)
            ln.key, ln.pattern = "body.related_inline", pattern.source
            text = text[: m.start()].rstrip()
        ln.body = fold_spaces(rule.strip("body.strip_inline", text)).strip()
        if not ln.body:
            ln.decide(DROP, ln.key or "body.strip_inline", ln.pattern)
    body = [ln for ln in ext.lines if ln.kind == BODY]
    captions = ext.values(CAPTION)
    lead_copy(ext, body, settings)
    if ext.description and dedupe.is_alt_text_cut_short(ext.description, captions):
        copy = next(d for d in ext.lines if d.kind == DESCRIPTION)
        copy.decide(DROP, "dedupe.caption", "the photo's alt text, its caption cut short, not a standfirst")
        ext.description = None
    for ln in body:
        # The lead, known by its dateline, is never an echo: the caption repeats it.
        if ln.key != "body.dateline" and dedupe.is_caption_echo(ln.body, captions):
            ln.decide(DROP, "dedupe.caption", "image alt text that a caption repeats")
    body = [ln for ln in body if ln.kind == BODY]
    # Items of a list or rows of a table the article prints (a weekly menu, a table of
    # plans) may differ by a word, or repeat: they are not paragraphs printed twice.
    prose = [ln for ln in body if not _is_item(ln.body)]
    for i in dedupe.repeated_normalised([ext.normalised(_without_dateline(ln.body, rule)) for ln in prose], settings):
        prose[i].decide(DROP, "dedupe.paragraph", "repeats an earlier paragraph")
    if rule.teasers:
        find_teasers([ln for ln in body if ln.kind == BODY])
        drop_teaser_foot([ln for ln in body if ln.kind == BODY])
        drop_cut_summaries_foot([ln for ln in body if ln.kind == BODY])
    drop_pull_quotes(ext, [ln for ln in prose if ln.kind == BODY])
    drop_label_run([ln for ln in body if ln.kind == BODY])
    drop_empty_cells([ln for ln in body if ln.kind == BODY])


def drop_pull_quotes(ext: Extraction, prose: list[Line]) -> None:
    """A line whose words nearly all stand in a longer paragraph, cut inside a sentence
    (it ends in a word), is a pull quote: the page prints a piece of a quote again,
    larger, beside the text. A whole sentence printed twice (a digest repeating its
    intro) stays; so does a gallery's caption like another ("... (REUTERS / X)")."""
    cut = [i for i, ln in enumerate(prose) if ln.body[-1:].isalnum()]  # not a caption's "(Foto / X)"
    if not cut:
        return
    for i in dedupe.excerpted_normalised([ext.normalised(ln.body) for ln in prose], only=cut):
        prose[i].decide(DROP, "dedupe.pull_quote", "a pull quote: an excerpt of a paragraph printed beside it")


def _without_dateline(text: str, rule: Rule) -> str:
    """The text after a lead's prefix ("KABANJAHE, KOMPAS.com - "): a post printed twice
    keeps it on its second copy, the first copy lost it as the dateline."""
    hit = dateline_hit(rule, text)
    return text[hit[1].end():] if hit and hit[1].start() == 0 else text


def _is_item(text: str) -> bool:
    """Say whether a body line is an item of a list ("- ", "• ", "1. ") or a table's row."""
    return bool(_LIST_ITEM.match(text)) or (text.startswith("|") and text.endswith("|"))


def lead_copy(ext: Extraction, body: list[Line], settings: Settings) -> None:
    """A standfirst that repeats a paragraph of the text, or the start of one (a teaser
    cut from the lead), is no standfirst: the page printed its lead twice, and the text
    keeps it (labelling.md: a lead printed twice counts once). A short piece glued before
    that start is the picture's alt text ("Cengkih KeringSejak awal …"): cut off."""
    if not ext.description:
        return
    standfirst = ext.normalised(ext.description)
    for ln in body:
        text = ext.normalised(ln.body)
        if dedupe.repeats_normalised(standfirst, text, settings) or (
                len(standfirst) >= _TEASER_CHARS and (text.startswith(standfirst.rstrip(" .…"))
                                                      or _cut_glued_alt_text(ln, standfirst, text, ext))) or (
                len(text) >= _TEASER_CHARS and standfirst.startswith(text.rstrip(" .…"))):
            copy = next(d for d in ext.lines if d.kind == DESCRIPTION)
            copy.decide(DROP, "dedupe.description", "the lead printed twice, not a standfirst")
            ext.description = None
            return


#: A picture's alt text glued before the lead is at most this long.
_GLUED_ALT_CHARS = 40


def _cut_glued_alt_text(ln: Line, standfirst: str, text: str, ext: Extraction) -> bool:
    """Cut a short piece glued to a paragraph (no space between) before the standfirst's
    words, when the paragraph goes on with them; say whether it did."""
    at = text.find(standfirst.rstrip(" .…"))
    if not 0 < at <= _GLUED_ALT_CHARS or text[at - 1] == " ":
        return False
    raw = ln.body.find(ext.description[:_TEASER_CHARS])
    if not 0 < raw <= _GLUED_ALT_CHARS or not ln.body[raw - 1].isalnum():
        return False
    ln.body = ln.body[raw:]
    return True


def find_teasers(body: list[Line]) -> None:
    """A headline between two paragraphs is a link to another story whose "Baca Juga"
    label the scraper lost (labelling.md: an unlabelled title line inside the body is
    related): many words, nearly all capitalised, no full stop. A subheading of the
    article is shorter; prose is never capitalised word by word. The text's last line
    may be one too (VIVA prints one under the last paragraph); the lead never is."""
    for above, ln in zip(body, body[1:]):
        title = ln.body.removeprefix("• ")  # a bullet's item is a link too; a numbered one is not
        if ln is body[-1] and _CLOSED_INSIDE.search(title) and not PARAGRAPH_END.search(title):
            continue  # the last paragraph, cut off after a whole sentence: text (labelling.md)
        if _is_teaser(title, under_paragraph=bool(PARAGRAPH_END.search(above.body))):
            ln.decide(RELATED, "body.teaser", "a headline between paragraphs: another story's link", title)


#: An enumeration's item opened by its ordinal ("Kedua, Sosok Politisi …"): the article's.
_ORDINAL_ITEM = regex_cache.compile(
    r"(?:Pertama|Kedua|Ketiga|Keempat|Kelima|Keenam|Ketujuh|Kedelapan|Kesembilan|Kesepuluh|Terakhir),\s")


def _is_teaser(text: str, under_paragraph: bool) -> bool:
    """A figure may stand for one of the words, only right under a paragraph: among a
    list's lines ("Rabu, 23 Januari" over "15.00 Persija vs …") it is a schedule's row."""
    if (len(text) > _MAX_RELATED or text.endswith((".", ",", ":", ";"))
            or _LIST_ITEM.match(text) or _ORDINAL_ITEM.match(text)
            or CJK.search(text)):  # list items are the article's
        return False
    words = text.split()
    if len(words) < _TEASER_WORDS:
        return False
    lettered = [w for w in words if w[:1].isalpha()]
    figure = under_paragraph and any(w[:1].isdigit() for w in words)
    return len(lettered) + figure >= _TEASER_WORDS and _capitalised(lettered)


def _capitalised(lettered: list[str]) -> bool:
    """Nearly every word starts with a capital: a headline, never prose."""
    return sum(w[0].isupper() for w in lettered) >= _TEASER_CAPITALS * len(lettered)


def drop_teaser_foot(body: list[Line]) -> None:
    """The text ends in a list of other stories' headlines ("- Menteri Sebut ...", each
    word capitalised) whose label ("BERITA TERKAIT") the scrape lost: the page's foot, not
    text (labelling.md: end-of-page blocks are furniture). Not a list the article
    introduces (the line above ends in a colon) nor items written as prose."""
    for ln in _foot_run(body, _headline_item, _FOOT_TEASERS):
        ln.decide(DROP, "body.teaser_foot", "a list of headlines under the last paragraph: the page's teasers")


def drop_cut_summaries_foot(body: list[Line]) -> None:
    """The text ends in other stories' summaries the site cut itself, each closed by its
    ellipsis ("… dipusatkan di Kelurahan Muara Lembu, namun masih…": Riau Pos's amp
    pages): the page's teasers, not text. A paragraph trailing off is one, not a run."""
    for ln in _foot_run(body, _cut_summary, _FOOT_TEASERS):
        ln.decide(DROP, "body.teaser_foot", "summaries of other stories cut with an ellipsis under the last paragraph")


def _cut_summary(text: str) -> bool:
    return len(text) >= _CUT_SUMMARY_CHARS and text.endswith(("…", "...")) and not _LIST_ITEM.match(text)


def _headline_item(text: str) -> bool:
    if not text.startswith(("- ", "• ")) or len(text) > _MAX_RELATED or text.endswith((".", ",", ":", ";")):
        return False
    lettered = [w for w in text[2:].split() if w[:1].isalpha()]
    return len(lettered) >= _FOOT_TEASER_WORDS and _capitalised(lettered)


def drop_label_run(body: list[Line]) -> None:
    """The text ends in a run of short labels, one per line, no sentence among them (the
    page's tags or topic links without their label: "KKB Papua", "Intan Jaya", "Sugapa"):
    page furniture. Not a list the article introduces (the line above ends in a colon),
    prints as items (bullets, numbers) or as rows of figures (prices, a schedule)."""
    for ln in _foot_run(body, _is_label, _LABEL_RUN):
        ln.decide(DROP, "body.label_run", "a run of short labels at the foot: the page's tags or topic links")


def drop_empty_cells(body: list[Line]) -> None:
    """A bar alone on its line is a copied table's empty cell (a Blogger copy of a photo's
    caption table), never text. Dropped after the foot's run of labels is read, where it
    counts as one of them."""
    for ln in body:
        if ln.body.strip() != "|":
            continue
        if ln.key == "body.related_inline":
            ln.body = ""  # the cell held a related link ("| Baca juga: Judul |"): it stays
        else:
            ln.decide(DROP, "body.empty_cell", "a bar alone: a copied table's empty cell")


def _foot_run(body: list[Line], is_furniture, least: int) -> list[Line]:
    """The lines ending the text that `is_furniture` says are, when at least `least` of
    them stand under some text that introduces no list (no colon ends the line above)."""
    run = 0
    for ln in reversed(body):
        if not is_furniture(ln.body):
            break
        run += 1
    if run < least or run == len(body) or body[-run - 1].body.rstrip().endswith(":"):
        return []
    return body[-run:]


def _is_label(text: str) -> bool:
    return (tag_shaped(text) and not _LIST_ITEM.match(text)
            and not any(c.isdigit() for c in text)  # a table's rows, a schedule: the article's
            and not text.endswith((".", "!", "?", ":", ";", ",", '"', "”", ")")) and not CJK.search(text))


def restore_whole_copy(lines: list[Line]) -> None:
    """An amp page as a search index stores it (Kontan's): the text glued into one line,
    the headline, then the same line again, cut off where the scrape ends. The copy over
    the headline was dropped as standing above it; the text takes its whole end back."""
    filled = [ln for ln in lines if ln.text]
    last = filled[-1] if filled else None
    if last is None or last.kind != BODY or not last.body or len(last.text) < _WHOLE_COPY_MIN:
        return
    whole = next((ln.text for ln in filled if ln.key == "headline.before_title"
                  and len(ln.text) > len(last.text) and ln.text.startswith(last.text)), None)
    if whole is not None and last.body.endswith(last.text[-_WHOLE_COPY_MIN // 2:]):
        last.body += whole[len(last.text):]


def drop_cut_off_end(lines: list[Line]) -> None:
    """A scrape cut off inside its last paragraph (a crawler's excerpt, a capped field)
    ends in a fragment: when the last line of the input is body text that ends like no
    sentence and holds no whole sentence either, it is dropped (labelling.md: a cut-off
    paragraph stays when it holds a complete sentence; a long one closed by "ini" or
    "tersebut" is a whole sentence missing its full stop). So is the paragraph a paywall
    cuts, right over its "..." alone on a line (Koran Tempo's amp pages), and a teaser
    the site cut itself, the dots after a space or comma (Kontan's epaper: "Pengga ...")."""
    filled = [ln for ln in lines if ln.text]
    last = filled[-1] if filled else None
    if last is not None and last.kind != BODY:
        at = next((i for i in range(len(filled) - 1, -1, -1) if filled[i].kind == BODY), None)
        cut = at is not None and _PAYWALL_CUT.match(filled[at + 1].text)
        last = filled[at] if cut else None
    if last is None or last.kind != BODY or not last.body:
        return
    text = _CUT_DOTS.sub("", last.body)
    if (PARAGRAPH_END.search(text) or _SIGNED_OFF.search(text) or _SENTENCE_INSIDE.search(text)
            or _DESK_SIGNOFF.search(text) or _DESK_AS_WHOLE.search(text)
            or (_CLAUSE_CLOSER.search(text) and len(text.split()) >= _CLOSED_CLAUSE_WORDS)):
        return
    last.decide(DROP, "body.cut_off", "the scrape ends inside this paragraph, before a sentence ends")


def drop_source_lines(body: list[Line]) -> None:
    """The text's last lines naming where the story was copied from ("Sumber: RMOL",
    a blog's "sumber: http://…") or its editor alone in brackets ("(Nanda Aria)") are
    the page's foot, not text (text scrapes: on a page, the article's blocks are known).
    A source under a table's rows ("Sumber: RTI" under a list of shares) tells where the
    figures come from: the article's own."""
    while len(body) >= 2:
        last, above = body[-1], body[-2]
        text = last.body.strip()
        if _NAME_IN_BRACKETS.match(text):
            key = "body.editor_signoff"
        elif _SOURCE_LINE.match(text) and not _table_row(above.body):
            key = "body.source_line"
        else:
            return
        last.decide(DROP, key, "the story's source or its editor's name under the last paragraph")
        body = body[:-1]


def _table_row(text: str) -> bool:
    words = text.split()
    return "|" in text or sum(any(c.isdigit() for c in w) for w in words) >= _FIGURES_SHARE * len(words)

