"""Pass 1: each line against the rule's line patterns, the boxes they open (photo,
related, tags), bylines split over two lines, the footer's end, a crawler's date stamp."""
from __future__ import annotations

from .. import regex_cache
from ..rules import Pattern, Rule
from .lines import (AUTHOR, BLANK, CANDIDATE, CAPTION, DROP, EDITOR, PARAGRAPH_END, PUBLISHED, RELATED, SECTION, TAG,
                    _LIST_MARKER, _MAX_RELATED, _MAX_STANDFIRST, _SENTENCE_END, _SIGNED_OFF, _URL_LINE,
                    Line, _groups, _value)
from .shapes import bare_credit, credit_shaped, dateline_hit, is_long


#: At most this many lines belong to a photo or related box; a related title is shorter.
_BOX_ITEMS = 6
#: A byline's label alone on its line: "Editor:", "Penulis :", "Redaktur & Reporter :",
#: and "Oleh" / "By" with no colon.
_BYLINE_LABEL = regex_cache.compile(r"[A-Z][\w &]{2,25}\s*:$|(?:Oleh|OLEH|By|BY)$")
#: A role alone under the name it labels (Kompas.com: "Maya Citra Rosa" / "Editor", or
#: "Tim Redaksi" under the writers' names).
_ROLE_UNDER_NAME = regex_cache.compile(r"(?:Editor|Penulis|Reporter|Pewarta|Redaktur|Tim Redaksi)$")
#: A name on its own line: up to six words or initials ("Rr. Ariyani", "Dewi H."), no
#: digits, no sentence, no credit's slash.
_NAME_WORD = r"(?:[A-Z][a-z]?\.|[^\W\d_][\w'’-]*)"
#: Several names joined by commas count too (Kompas.id's writers and editors: "MEDIANA,
#: AGUSTINUS YOGA PRIMANTO, ERIKA KURNIA").
_NAME_LINE = regex_cache.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,5}}(?:, {_NAME_WORD}(?: {_NAME_WORD}){{0,5}}){{0,4}}$")
#: How many lines under the article's end are still read for its byline.
_BYLINE_AFTER_END = 3
#: A photo's credit printed after its caption's words opens with a mark: " (NAMA/RADAR
#: KOTA)", " /Dok. Nama/", ".-(Desk/ Nama)-", " ©2018 Nama" (more words of prose do not:
#: Merdeka glues the caption to the headline above it).
_CREDIT_AFTER = regex_cache.compile(r"\s*[(\[/\-–—©|]\s*\S")
#: A sentence this long, or the lead's dateline, shows the article text has begun.
_BODY_CHARS = 80
#: So does a paragraph that a blog's excerpt cut mid-sentence: this long, a sentence
#: ended inside it (after a word, not an initial: "Prof. Dr. H." is none).
_CUT_PARAGRAPH_CHARS = 3 * _BODY_CHARS // 2
_WORD_SENTENCE_END = regex_cache.compile(r"[a-z]{3}[.!?][\"”’')]?\s+[\"“]?[A-Z]")
_LINE_CHECKS = (
    ("header.drop", DROP), ("header.section", SECTION), ("body.drop", DROP), ("footer.drop", DROP),
    ("headline.updated", DROP), ("headline.published", PUBLISHED),
    ("byline.editor", EDITOR), ("byline.author", AUTHOR),
    ("body.related", RELATED), ("photo.file", DROP), ("photo.credit", CAPTION),
    ("photo.captions", CAPTION),
)
_LINE_CHECK_KEYS = tuple(key for key, _ in _LINE_CHECKS)
#: The rule's drops: a line one of them takes is furniture, never a byline's name.
_DROP_KEYS = tuple(key for key, kind in _LINE_CHECKS if kind == DROP and key.endswith(".drop"))
#: Every key pass 1 asks about a line (the body's dateline aside): a line none of them
#: can match, as most of a page's paragraphs, is settled by one screen.
_PASS_ONE_KEYS = ("footer.end", "footer.last", "photo.start", "body.related_start", "header.box_start") + _LINE_CHECK_KEYS
#: The tags' label, alone ("Tag") or with the tags ("Tags: banjir, Kudus").
_TAG_KEYS = ("footer.tags_start", "footer.tags")
#: Keys whose match ends a tags box: the page's next section ("Berita Terkait"), furniture.
_AFTER_TAGS_KEYS = ("footer.end", "body.related", "body.related_start", "header.drop", "body.drop",
                    "footer.drop", "photo.start")
#: A tag is short: a few words, no sentence; a scrape gives at most MAX_TAGS of them.
MAX_TAGS = 20
_TAG_WORDS = 6
_TAG_CHARS = 60
#: How many lines under the article's end may still be its tags' label.
_TAGS_AFTER_END = 12
#: Between tags printed on one line: "banjir, Kudus", "banjir | Kudus", "banjir · Kudus".
TAG_SEPARATORS = regex_cache.compile(r"\s*(?:[,;|·•]|\s#)\s*")


#: Boxes whose first item may stand under a blank line: a related label's titles, and a
#: photo label's caption (amp pages print the photo between them).
_BOXES_OVER_A_BLANK = ("body.related_start", "photo.start")


def _box_item(kind: str, s: str, taken: int) -> bool:
    """Say whether a line can still belong to an open photo or related box."""
    if kind == DROP:  # a box of teasers: down to the text's first paragraph
        return taken < _BOX_ITEMS and not is_long(s)
    if kind == RELATED:  # related titles: short, not sentences
        return taken < _BOX_ITEMS and len(s) <= _MAX_RELATED and not _SENTENCE_END.search(s)
    return taken < _BOX_ITEMS and len(s) <= _MAX_STANDFIRST


#: A footer's end marker with a dateline lead this many lines under it, none above, is a label.
_LEAD_UNDER_MARKER = 2
#: A date this many lines under the line that ends the post, at most, is the post's.
_DATE_UNDER_END = 2


def classify_lines(lines: list[Line], rule: Rule) -> None:
    """Pass 1: decide each line from the rule's line patterns and the footer's end.

    A photo box ("zoom-inlihat foto") or a related box ("Baca Juga:" alone on its line)
    takes the lines under it, up to the next blank line, as captions or related titles.
    """
    box: tuple[str, str] | None = None  # (kind, rule key) of the open box
    taken = after_end = 0
    ended = seen_text = tags_open = under_last = False
    for i, line in enumerate(lines):
        s = line.text
        if not s:
            line.decide(BLANK, "blank")
            if not (box and box[1] in _BOXES_OVER_A_BLANK and (taken == 0 or _credit_closes_box(box, lines, i))):
                box = None  # a related label's titles, a photo label's caption may stand under a blank line
            tags_open = False
            continue
        if line.kind != CANDIDATE:  # a name read with the byline label above it
            continue
        if seen_text and not ended and rule.first("photo.under_caption", s):
            _take_caption_over_credit(lines, i)
        if tags_open:
            tags_open = _tags_box_line(line, rule)
            if tags_open:
                continue
        if (not ended or after_end < _TAGS_AFTER_END) and rule.could_match(_TAG_KEYS, s):
            label = _tags_label(line, rule)
            if label:
                tags_open, box = label == "footer.tags_start", None
                ended = ended or bool(seen_text and rule.first("footer.end", s))
                after_end += ended
                continue
        if _BYLINE_LABEL.match(s) and _byline_on_next_line(lines, i, rule):
            ended = ended or bool(seen_text and rule.first("footer.end", s))
            continue
        if _ROLE_UNDER_NAME.match(s) and (_byline_on_next_line(lines, i, rule)
                                          or _byline_on_line_above(lines, i, rule)):
            continue
        if ended:
            under_last = under_last and _related_under_last(line, rule)
            if under_last:
                continue
            after_end += 1
            if after_end > _BYLINE_AFTER_END or not _byline_after_end(line, rule):
                line.decide(DROP, "footer.end", "after the end of the article")
            continue
        if rule.could_match(_PASS_ONE_KEYS, s):  # else no pattern below matches it
            if seen_text:
                hit = rule.first("footer.end", s)
                if hit and _label_over_first_lead(lines, i, rule):
                    line.decide(DROP, "footer.end_over_lead", "a label over the first lead: not the end")
                    continue
                if hit and (own := _own_drop_over_inherited_end(rule, s, hit[0])):
                    line.decide(DROP, "body.drop", own.source)
                    continue
                if hit:
                    line.decide(DROP, "footer.end", hit[0].source)
                    line.groups = _groups(hit[1])
                    ended = True
                    continue
                if rule.first("footer.last", s) and not _round_up_goes_on(lines, i, rule):
                    ended = under_last = True  # this line still counts; the ones under it do not
            opened = _open_box(line, rule)
            if opened:
                box, taken = (None, 0) if opened[0] == RELATED and _label_inside_a_list(lines, i) else (opened, 0)
                continue
            if _classify_by_patterns(line, rule) and not _cell_under_related_label(line, box, taken):
                if line.key == "photo.credit":
                    if box and box[0] == CAPTION:  # a credit inside an open photo box
                        taken += 1
                    else:  # the caption may stand right under it
                        box, taken = (CAPTION, "photo.credit"), _BOX_ITEMS - 1
                elif box and box[0] == CAPTION and line.kind == CAPTION:
                    taken += 1  # the open box's caption, told by its own pattern
                continue
        if _URL_LINE.match(s):
            line.decide(DROP, "url", _URL_LINE.pattern, _URL_LINE.match(s).group(1))
            continue
        if box and _box_item(box[0], s, taken) and not (
                box[0] in (CAPTION, DROP) and dateline_hit(rule, s)):  # a lead is no caption
            value = (_LIST_MARKER.sub("", s, count=1) if box[0] == RELATED  # "- Judul" is "Judul"
                     else bare_credit(s) if box[0] == CAPTION and s.startswith("•") else s)  # "• Dok: Toyota"
            value = None if box[0] == DROP else value
            line.decide(box[0], box[1], "line inside a box opened above", value)
            taken += 1
            continue
        box = None
        if _alt_text_over_caption(lines, i, rule):
            line.decide(DROP, "dedupe.caption", "image alt text that a caption repeats right under it, "
                        "with the credit")
            continue
        if not seen_text and _starts_body(s, rule):
            seen_text = True  # the footer's end markers count from here on


def _credit_closes_box(box: tuple[str, str], lines: list[Line], i: int) -> bool:
    """Say whether a photo box's last line, right above the blank line at `i`, is its
    credit alone (Kompas.id: the photo's address, "KOMPAS/NAMA", a blank line, then the
    caption): the caption under the blank line still belongs to the box."""
    last = lines[i - 1] if i else None
    if not (box[1] == "photo.start" and last is not None and last.kind == CAPTION and last.key == "photo.credit"):
        return False
    opener = next((ln for ln in reversed(lines[:i]) if ln.key == "photo.start"), None)
    # A credit's own label ("Photo :" over "• VIVA/Nama") closes at the blank: VIVA prints
    # the caption above it.
    return opener is not None and not opener.text.endswith(":")


#: A photo's caption over its credit inside the text is at most this long.
_MAX_CAPTION_ABOVE = 160
#: A sentence's end inside a line, another sentence after it: a paragraph, not a caption.
_INNER_SENTENCE_END = regex_cache.compile(r"[.!?][\"”’]?\s+[A-Z\"“]")


def _take_caption_over_credit(lines: list[Line], i: int) -> None:
    """Take the line right above a photo's credit or its label (`photo.under_caption`:
    VIVA's "Photo :" over its bulleted credit, "- Nama/VIVA"), one blank line at most
    between, as the photo's caption: a short line that no pattern decided, one sentence
    at most, not a label."""
    above = lines[max(0, i - 2):i]
    if above and not above[-1].text:
        above = above[:-1]
    if not above:
        return
    cap = above[-1]
    s = cap.text
    if (cap.kind == CANDIDATE and s and len(s) <= _MAX_CAPTION_ABOVE and not s.endswith(":")
            and not _INNER_SENTENCE_END.search(s)):
        cap.decide(CAPTION, "photo.under_caption", "the photo's caption, its credit under it", s)


def _cell_under_related_label(line: Line, box: tuple[str, str] | None, taken: int) -> bool:
    """Say whether a line a caption's pattern read is a title under an open related label,
    written as a table's cell ("Judul |" under "Baca juga:"): the box's, not a caption."""
    return (box is not None and box[0] == RELATED and line.kind == CAPTION and line.text.endswith("|")
            and _box_item(RELATED, line.text, taken))


def _label_inside_a_list(lines: list[Line], at: int) -> bool:
    """Say whether a bare related label stands between the items of the text's own list
    (its link lost by the scrape): over it an item, not a sentence, under the list's opening
    line ending in ":" ("… 10 kelurahan, yaitu:" / "Cilincing 63 kasus" / "Baca Juga"). The
    lines under it are the list's, not related titles."""
    above = [ln.text for ln in reversed(lines[:at]) if ln.text][:2]
    return (len(above) == 2 and above[1].endswith(":") and not above[0].endswith(":")
            and len(above[0]) <= _MAX_RELATED and not PARAGRAPH_END.search(above[0]))


def _own_drop_over_inherited_end(rule: Rule, s: str, end: Pattern) -> Pattern | None:
    """The outlet's own body.drop pattern matching a line that only an end marker it
    inherits reads as the end (Tribun's m. pages print the box label "BERITA TERKAIT"
    between paragraphs, which generic ends the text at): the outlet's own reading wins."""
    if end in rule.own.get("footer.end", ()):
        return None
    return next((p for p in rule.own.get("body.drop", ()) if p.search(s)), None)


#: A round-up's next item: its number and heading ("7. Polres Kayong Utara Beroperasi").
_NUMBERED_ITEM = regex_cache.compile(r"\d{1,2}\.\s+[A-Z]")


def _round_up_goes_on(lines: list[Line], at: int, rule: Rule) -> bool:
    """Say whether the paragraph signed at `at` ("… jadi hilang. (sid)") closes one item of a
    round-up, not the text: the next item's numbered heading follows, then its dateline lead
    ("7. Polres Kayong Utara …" over "KAYONG UTARA - Polda …")."""
    under = [ln.text for ln in lines[at + 1:at + 6] if ln.text][:2]
    return (len(under) == 2 and bool(_NUMBERED_ITEM.match(under[0]))
            and dateline_hit(rule, under[1]) is not None)


#: A headline under the last paragraph's end mark has this many words, this share capitalised.
_HEADLINE_WORDS, _HEADLINE_CAPITALS = 4, 0.7


def _related_under_last(line: Line, rule: Rule) -> bool:
    """Read a line right under the paragraph that closes the text with its mark ("… ujarnya.
    (*)", "(adl)") as a related link when the rule's body.related takes it and it is a
    headline (Tribun's 2019-2020 pages print other stories' titles as bullets there); a
    prompt in the same shape ("• Ikuti kami di") is no headline. The run stops at the first
    other line."""
    hit = rule.first("body.related", line.text)
    value = _value(hit[1]) if hit else None
    words = [w for w in (value or "").split() if w[:1].isalpha()]
    if len(words) < _HEADLINE_WORDS or sum(w[0].isupper() for w in words) < _HEADLINE_CAPITALS * len(words):
        return False
    line.decide(RELATED, "body.related", hit[0].source, value)
    return True


def _own_lead_over_inherited_caption(rule: Rule, s: str, caption: Pattern) -> bool:
    """Say whether a line that only a caption pattern the outlet inherits reads as a
    caption is the outlet's lead by its own body.dateline (a round-up's lead without its
    full stop, "TRIBUNMANADO.CO.ID - Berikut … 2025", is generic's "OUTLET.COM - caption"):
    the outlet's own reading wins."""
    if caption in rule.own.get("photo.captions", ()):
        return False
    return any(p.search(s) for p in rule.own.get("body.dateline", ()))


def _label_over_first_lead(lines: list[Line], at: int, rule: Rule) -> bool:
    """Say whether the end marker at `at` is a label over the text's first lead (a blog
    copies a story's header with its "BERITA TERKAIT", then the story): a dateline lead
    among the _LEAD_UNDER_MARKER lines under it, none above it."""
    under = [ln for ln in lines[at + 1:] if ln.text][:_LEAD_UNDER_MARKER]
    return (any(dateline_hit(rule, ln.text) for ln in under)
            and not any(ln.text and dateline_hit(rule, ln.text) for ln in lines[:at]))


def desk_alone_as_headline(lines: list[Line]) -> None:
    """A line that is only a desk's name (`header.section` taking the whole line, as
    Tempo's "Surat Dari Redaksi") heads the page's own headline; it is the headline
    itself when the date stands right under it (the desk's letter titled with the desk's
    name), or when it is that name printed again under the desk."""
    shown = [ln for ln in lines if ln.text]
    for i, ln in enumerate(shown):
        if ln.kind != SECTION or ln.value != ln.text:
            continue
        under = shown[i + 1] if i + 1 < len(shown) else None
        over = shown[i - 1] if i else None
        if (under is not None and under.kind == PUBLISHED) or (
                over is not None and over.kind == SECTION and over.text == ln.text):
            ln.decide(CANDIDATE, "header.section_as_headline", "the desk's name alone over the date: the headline")


def date_under_the_end(lines: list[Line], rule: Rule) -> None:
    """With no date line above the end, a date at the line that ends the post or right
    under it is the post's own (Blogger's date header printed under the post, a feed's
    stamp under its source line); dates further down are other posts' or comments'."""
    if any(ln.kind == PUBLISHED for ln in lines):
        return
    end = next((i for i, ln in enumerate(lines) if ln.key == "footer.end"), None)
    if end is None:
        return
    foot = [ln for ln in lines[end:] if ln.text][:1 + _DATE_UNDER_END]
    for ln in foot:
        hit = rule.first("headline.published", ln.text) if ln.kind == DROP else None
        if hit:
            ln.decide(PUBLISHED, "footer.date", hit[0].source, _value(hit[1]))
            return


def tag_shaped(text: str) -> bool:
    """Say whether a text is as short as a tag: a few words, a few dozen characters."""
    return len(text) <= _TAG_CHARS and len(text.split()) <= _TAG_WORDS


def tag_values(value: str) -> list[str]:
    """The tags in a value printed on one line, each tag-shaped ("#banjir" is "banjir")."""
    tags = []
    for part in TAG_SEPARATORS.split(value):
        part = _LIST_MARKER.sub("", part.strip(), count=1).lstrip("#").strip()
        if part and tag_shaped(part) and not PARAGRAPH_END.search(part) and not _URL_LINE.match(part):
            tags.append(part)
    return tags


def _tags_label(line: Line, rule: Rule) -> str | None:
    """Decide a line that is the tags' label: alone ("Tag:", the tags under it: the key
    `footer.tags_start` is returned) or with them ("Tags: banjir, Kudus": `footer.tags`)."""
    for key in _TAG_KEYS:
        hit = rule.first(key, line.text)
        if hit:
            value = _value(hit[1]) if key == "footer.tags" else None
            line.decide(TAG if value else DROP, key, hit[0].source, value)
            return key
    return None


def _tags_box_line(line: Line, rule: Rule) -> bool:
    """Decide a line under the tags' label: a tag (or a few on one line) when it is
    tag-shaped and no pattern takes it for the page's next section; say whether the
    box stays open."""
    s = line.text
    if rule.could_match(_AFTER_TAGS_KEYS, s) and any(rule.first(k, s) for k in _AFTER_TAGS_KEYS):
        return False
    tags = tag_values(s)
    if not tags or len(tags) != len(TAG_SEPARATORS.split(s)):
        return False
    line.decide(TAG, "footer.tags_start", "line inside the tags box opened above", s)
    return True


def _byline_on_next_line(lines: list[Line], at: int, rule: Rule) -> bool:
    """A byline label alone on its line ("Editor:", "Oleh") with the name on the next
    non-blank one (Tempo, Kompas.id): read as one byline, "Editor: ARIS PRASETYO"."""
    name = next((ln for ln in lines[at + 1:at + 3] if ln.text), None)
    return _join_byline(lines[at], name, rule)


def _byline_on_line_above(lines: list[Line], at: int, rule: Rule) -> bool:
    """Kompas.com prints the name over its role: "Maya Citra Rosa" / "Editor", inside
    its byline block (the line over the name is already decided: the date line, another
    byline); a headline over a lone role is never taken for a name."""
    above = [ln for ln in lines[max(at - 4, 0):at] if ln.text]
    if len(above) < 2 or above[-2].kind == CANDIDATE:
        return False
    return _join_byline(lines[at], above[-1], rule)


def _join_byline(label: Line, name: Line | None, rule: Rule) -> bool:
    """Read a label line and a name line as one byline when the rule's byline patterns
    take "label name"; the label line gets the field, the name line is dropped."""
    if (name is None or not _NAME_LINE.match(name.text) or name.kind != CANDIDATE
            or _ROLE_UNDER_NAME.match(name.text)  # another label ("Reporter" over "Editor")
            or any(rule.first(key, name.text) for key in _DROP_KEYS)):  # a placeholder: "image-gnews"
        return False
    joined = f"{label.text.rstrip(': ')}: {name.text}"
    for key, kind in (("byline.editor", EDITOR), ("byline.author", AUTHOR)):
        hit = rule.first(key, joined)
        if hit:
            label.decide(kind, key, hit[0].source, _value(hit[1]))
            label.groups = _groups(hit[1])
            name.decide(DROP, "byline.name", "the name under the byline label above")
            return True
    return False


#: The writer's label, which says whose name a line under the article's end gives.
_WRITER_LABEL = regex_cache.compile(r"(?i)(?:penulis|reporter|wartawan|pewarta)\s*:\s*\S")


def _byline_after_end(line: Line, rule: Rule) -> bool:
    """Decide a line just under the article's end that is its editor line ("Redaktur &
    Reporter : X" under jpnn's sign-off): it is read, the rest stays dropped. (Author
    patterns are not tried there: a name in capitals under the end is anybody's.)"""
    hit = rule.first("byline.editor", line.text)
    if hit is not None:
        line.decide(EDITOR, "byline.editor", hit[0].source, _value(hit[1]))
        line.groups = _groups(hit[1])
        return True
    if not _WRITER_LABEL.match(line.text):
        return False
    hit = rule.first("byline.author", line.text)
    if hit is None:
        return False
    line.decide(AUTHOR, "byline.author", hit[0].source, _value(hit[1]))
    line.groups = _groups(hit[1])
    return True


def _alt_text_over_caption(lines: list[Line], at: int, rule: Rule) -> bool:
    """Say whether the line at `at` is a photo's alt text: the next line is the same text
    with the photo's credit after it, a caption by the rule's pattern, whatever the
    credit's form (Jawa Pos's regional papers: "… di pendapa. (NAMA/RADAR KOTA)"; the
    Pikiran Rakyat network: "… hari ini. /Dok. Nama/"). Read as the lead or the
    standfirst, the alt text would take the caption's place."""
    s = lines[at].text
    under = next((ln for ln in lines[at + 1:at + 3] if ln.text), None)
    if under is None or not under.text.startswith(s):
        return False
    credit = under.text[len(s):]
    if not (_CREDIT_AFTER.match(credit) or (credit[:1].isspace() and credit_shaped(credit))):
        return False
    return rule.first("photo.captions", under.text) is not None


def _starts_body(s: str, rule: Rule) -> bool:
    """Say whether a line shows the article text has begun: the lead's dateline, a long
    line ending like a sentence (a long headline does not, so a byline under it is no
    footer), or a longer one with a whole sentence, cut mid-sentence."""
    if len(s) >= _BODY_CHARS and (PARAGRAPH_END.search(s) or _SIGNED_OFF.search(s)):
        return True
    if len(s) >= _CUT_PARAGRAPH_CHARS and _WORD_SENTENCE_END.search(s):
        return True  # cut short by the excerpt: "… Lewat lagu barunya, … yang selalu dijadikan"
    return dateline_hit(rule, s) is not None


def _open_box(line: Line, rule: Rule) -> tuple[str, str] | None:
    for key, kind in (("photo.start", CAPTION), ("body.related_start", RELATED), ("header.box_start", DROP)):
        hit = rule.first(key, line.text)
        if hit:
            line.decide(DROP, key, hit[0].source)
            return kind, key
    return None


def _classify_by_patterns(line: Line, rule: Rule) -> bool:
    if not rule.could_match(_LINE_CHECK_KEYS, line.text):
        return False
    for key, kind in _LINE_CHECKS:
        hit = rule.first(key, line.text)
        if not hit:
            continue
        pattern, m = hit
        if key == "photo.captions" and _own_lead_over_inherited_caption(rule, line.text, pattern):
            return False
        line.decide(kind, key, pattern.source, _value(m) if kind != DROP else None)
        line.groups = _groups(m)
        return True
    return False


def take_stamp(lines: list[Line], rule: Rule) -> str | None:
    """Remove a crawler's date stamp (`header.stamp`) from the start of the first line
    and return its value."""
    first = next((ln for ln in lines if ln.text), None)
    hit = rule.first("header.stamp", first.text) if first is not None else None
    if hit is None or hit[1].start() > 0:
        return None
    first.text = first.text[hit[1].end():].lstrip()
    return _value(hit[1])
