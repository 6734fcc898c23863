"""Fields from the decided lines: published, author, editor, related, captions, tags,
section, language."""
from __future__ import annotations

import re
from datetime import date

from . import regex_cache
from .dates import parse_date
from .rules import Rule
from .settings import DEFAULT_SETTINGS, Settings
from .text import AUTHOR, CAPTION, EDITOR, PUBLISHED, RELATED, SECTION, TAG, TITLE, Extraction, Line
from .text.patterns import MAX_TAGS, tag_values
from .words import FUNCTION_WORDS, function_word_share

#: Separators between several names in one byline.
_NAMES = regex_cache.compile(r"\s*(?:,|&|;|\bdan\b|\band\b)\s*", re.IGNORECASE)
#: Scripts that name their language outright, checked in this order.
SCRIPTS = (
    ("ja", regex_cache.compile(r"[\u3040-\u30ff]")),
    ("ko", regex_cache.compile(r"[\uac00-\ud7af]")),
    ("zh", regex_cache.compile(r"[\u4e00-\u9fff]")),
    ("ar", regex_cache.compile(r"[\u0600-\u06ff]")),
)
_WORD = regex_cache.compile(r"[^\W\d_]+")
#: The bars of a table's cell a scraper framed a link in: "| Judul |", "Judul |".
_CELL_BARS = regex_cache.compile(r"^\|\s*|\s*\|$")
#: A month-only date, as crawlers stamp pages: "2021-09".
_MONTH = regex_cache.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
#: A blog post copies a story this many days after its stamp at most.
_COPY_DAYS = 31
#: langdetect codes folded to ISO 639-1.
_LANG_FOLD = {"zh-cn": "zh", "zh-tw": "zh"}
#: Languages langdetect confuses with the one a rule declares (Malay-like Indonesian, …).
_CONFUSABLE = {"id": {"ms", "tl", "jw", "su"}}


def split_names(value: str) -> list[str]:
    """Split a byline value into names ("A, B dan C" → [A, B, C])."""
    return [n.strip(" .") for n in _NAMES.split(value) if n.strip(" .")]


def _unique(values: list[str]) -> tuple[str, ...]:
    """The values without repeats (ignoring case), first spelling kept, in order."""
    first: dict[str, str] = {}
    for v in values:
        if v:
            first.setdefault(v.casefold(), v)
    return tuple(first.values())


def find_published(ext: Extraction, rule: Rule) -> str | None:
    """Return the date of the first date line under the headline (else the first date
    line: a blog's date header), ISO 8601 in the outlet's zone; else the crawler's
    stamp (a month-only one as YYYY-MM). A date above the headline is often the site's
    "today" bar, not the article's date; but Blogger's date header (the page's first
    line, right over the headline, a few days at most after the stamp under it) wins
    over the stamp of the story the blog copied. With no date line, the day a lead's
    prefix gives ("Jakarta, 19 September 2025 – "), before the crawler's stamp."""
    title_at = next((ln.number for ln in ext.lines if ln.kind == TITLE), 0)
    dated = [ln for ln in ext.lines if ln.kind == PUBLISHED]
    dated.sort(key=lambda ln: ln.number < title_at)  # those under the headline first
    found = next((iso for iso in (parse_date(ln.value, rule.timezone) for ln in dated) if iso), None)
    if found:
        header = _date_header(ext, rule)
        return header if header and _copied_before(found, header) else found
    lead_date = parse_date(ext.lead_date, rule.timezone) if ext.lead_date else None
    if lead_date:
        return lead_date
    if ext.stamp:
        return ext.stamp if _MONTH.fullmatch(ext.stamp) else parse_date(ext.stamp, rule.timezone)
    # With no other date, the update's is the only one the page prints (Liputan6's amp
    # pages of 2013: "diperbarui 12 Feb 2013, 11:21 WIB" under the text).
    return next((iso for iso in (parse_date(ln.text, rule.timezone) for ln in ext.lines
                                 if ln.key == "headline.updated") if iso), None)


def _date_header(ext: Extraction, rule: Rule) -> str | None:
    """The date of the page's first line when it is a date right over the headline."""
    top = [ln for ln in ext.lines if ln.text][:2]
    if len(top) == 2 and top[0].kind == PUBLISHED and top[1].kind == TITLE:
        return parse_date(top[0].value, rule.timezone)
    return None


def _copied_before(stamp: str, header: str) -> bool:
    """Say whether a story stamped `stamp` was copied by a blog post dated `header`:
    the same day, or up to _COPY_DAYS later (a site's date bar is the day it was read)."""
    days = (date.fromisoformat(header[:10]) - date.fromisoformat(stamp[:10])).days
    return 0 <= days <= _COPY_DAYS


def find_people(ext: Extraction) -> tuple[tuple[str, ...], str | None]:
    """Return (authors, editor) from byline lines and any line's author/editor groups."""
    authors: list[str] = []
    editor: str | None = None
    for ln in ext.lines:
        groups = ln.groups or {}
        if ln.kind not in (AUTHOR, EDITOR) and not ({"author", "editor"} & groups.keys()):
            continue
        author_value = groups.get("author") or (ln.value if ln.kind == AUTHOR else None)
        editor_value = groups.get("editor") or (ln.value if ln.kind == EDITOR else None)
        if author_value:
            authors.extend(split_names(author_value))
        if editor_value and editor is None:
            editor = editor_value.strip(" .")
    return _each_writer_once(_unique(authors)), editor


def _each_writer_once(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names without those whose words all stand in another, longer one: a sign-off
    naming the byline's writer by part of the name ("Penulis: Monang Widyoko" over
    "(Tribunjambi.com/Widyoko)") is the same writer."""
    words = [set(n.casefold().split()) for n in names]
    return tuple(n for n, own in zip(names, words) if not any(own < other for other in words))


def find_related(ext: Extraction) -> tuple[str, ...]:
    """Return related-article titles in reading order, line and glued forms alike, without
    the bars of a table's cell around them."""
    cut = _cut_off_link(ext)
    values = [_CELL_BARS.sub("", ln.value) for ln in ext.lines if ln.value and (
        ln.kind == RELATED or ln.key == "body.related_inline") and ln is not cut]
    return _unique([value for value in values if value])


def _cut_off_link(ext: Extraction) -> Line | None:
    """The related line a scrape cut short ends inside ("Baca Juga: Ang"), if any: the
    document's last line, its title one word (no story's headline is)."""
    last = next((ln for ln in reversed(ext.lines) if ln.text), None)
    return last if last is not None and last.kind == RELATED and len((last.value or "").split()) < 2 else None


def find_captions(ext: Extraction) -> tuple[str, ...]:
    """Return captions and photo credits in reading order; a line holding two (a photo's
    alt text glued to its caption) gives the second in its pattern's `caption` group."""
    values = []
    for ln in ext.lines:
        if ln.kind == CAPTION and ln.value:
            values.append(ln.value)
            glued = (ln.groups or {}).get("caption")
            if glued and glued != ln.value:
                values.append(glued)
    return _unique(values)


def find_tags(ext: Extraction) -> tuple[str, ...]:
    """Return the tags the scrape prints under its label ("Tag:", "Tags: a, b"), in
    reading order, without repeats, at most MAX_TAGS."""
    values = [tag for ln in ext.lines if ln.kind == TAG and ln.value for tag in tag_values(ln.value)]
    return _unique(values)[:MAX_TAGS]


def find_section(ext: Extraction) -> str | None:
    """Return the section the scrape names on a `header.section` line, if any."""
    return next((ln.value for ln in ext.lines if ln.kind == SECTION and ln.value), None)


def quick_language(sample: str, declared: str | None, settings: Settings) -> str | None:
    """Name the language when it is plain without a detector: the declared language's
    function words are there, a script that only one language here writes (kana, hangul,
    han, arabic: a third of the letters), or another language's function words clearly
    are. None when unsure."""
    letters = sum(map(str.isalpha, sample)) or 1
    for lang, script in SCRIPTS:  # first: a Chinese text quoting Indonesian titles is Chinese
        if len(script.findall(sample)) / letters >= 1 / 3:
            return lang
    tokens = _WORD.findall(sample.lower())
    words = FUNCTION_WORDS.get(declared or "")
    if words and function_word_share(tokens, words) >= settings.language_function_words:
        return declared
    shares = sorted(((function_word_share(tokens, w), lang) for lang, w in FUNCTION_WORDS.items()),
                    reverse=True)
    (best, lang), (second, _) = shares[0], shares[1]
    if best >= 2 * settings.language_function_words and best >= 2 * second:
        return lang
    return None


def detect_language(paragraphs: list[str], rule: Rule, settings: Settings = DEFAULT_SETTINGS) -> str | None:
    """Detect the body's language on a bounded sample; trust the rule for short texts,
    and for texts whose common words are plainly the rule's language (langdetect costs
    milliseconds a document; counting function words, microseconds)."""
    sample = " ".join(paragraphs)[: settings.language_sample_chars]
    if len(sample) < settings.language_min_chars:
        return rule.language
    quick = quick_language(sample, rule.language, settings)
    if quick:
        return quick
    from langdetect import DetectorFactory, LangDetectException  # here: most texts need no detector

    from .language_profiles import detect

    DetectorFactory.seed = settings.langdetect_seed
    try:
        found = detect(sample)
    except LangDetectException:
        return rule.language
    found = _LANG_FOLD.get(found, found)
    if rule.language and found in _CONFUSABLE.get(rule.language, ()):
        return rule.language
    return found
