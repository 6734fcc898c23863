"""Plain-text scrapes: decide for every line whether it is body, metadata or furniture.

Three passes, each recorded on the `Line` so `kliping explain` can show why:
1. each line against the rule's patterns (drop, dates, byline, related, captions,
   photo boxes, the footer's end marker): `patterns.py`;
2. position: the headline (first remaining line), repeats of it, the lead paragraph
   with its dateline, the standfirst between them: `headline.py`;
3. repeats inside the body (deduper) and inline clean-up (glued related links): `body.py`.
A text scrape's double-decoded punctuation is repaired first (`mojibake.py`).
`lines.py` holds the line, the kinds it can become and the shapes the passes share.
"""
from __future__ import annotations

from ..rules import Rule
from ..settings import DEFAULT_SETTINGS, Settings
from .body import drop_cut_off_end, drop_source_lines, keep_subheadings, restore_whole_copy, tidy_body
from .caption_twice import caption_printed_twice
from .headline import place_headline
from .lines import (AUTHOR, BLANK, BODY, CANDIDATE, CAPTION, CJK, CONTROLS, DESCRIPTION, DROP, EDITOR,
                    PARAGRAPH_END, PUBLISHED, RELATED, SECTION, TAG, TITLE, Extraction, Line, fold_spaces, is_sentence,
                    split_lines, strip_controls, tidy)
from .mojibake import repair_mojibake
from .patterns import classify_lines, date_under_the_end, desk_alone_as_headline, take_stamp
from .site_credit import drop_site_name_lines, site_credit_under_headline

__all__ = ["AUTHOR", "BLANK", "BODY", "CANDIDATE", "CAPTION", "CJK", "CONTROLS", "DESCRIPTION", "DROP", "EDITOR",
           "PARAGRAPH_END", "PUBLISHED", "RELATED", "SECTION", "TAG", "TITLE", "Extraction", "Line", "classify_lines",
           "extract_text", "fold_spaces", "is_sentence", "split_lines", "strip_controls", "tidy"]


def extract_text(text: str, rule: Rule, settings: Settings = DEFAULT_SETTINGS,
                 title: str | None = None, page: bool = False, extracted: bool = False) -> Extraction:
    """Run the three passes over a plain-text scrape (or, with `page`, the text blocks
    of an HTML page, whose `title` may be known already; `extracted`: blocks an extractor
    found as the article's, not the rule's selectors)."""
    lines = split_lines(text if page else repair_mojibake(text))
    stamp = take_stamp(lines, rule)
    classify_lines(lines, rule)
    desk_alone_as_headline(lines)
    date_under_the_end(lines, rule)
    keep_subheadings(lines)
    ext = place_headline(lines, rule, settings, title, extracted)
    ext.stamp = stamp
    if not page:
        site_credit_under_headline(lines)
    tidy_body(ext, rule, settings)
    if not page:
        caption_printed_twice(lines)
        drop_source_lines([ln for ln in lines if ln.kind == BODY])
        restore_whole_copy(lines)
        drop_cut_off_end(lines)
        drop_site_name_lines(lines, ext)  # last: the steps above may read the name as a box's label
    return ext
