"""A photo inside the text whose caption has no credit: the page prints the image's alt
text and then its caption, the same short line twice in a row, between paragraphs. The
deduper keeps the first copy as a paragraph; both copies are the photo's caption. (A
sentence a scrape repeats as the lead, or at the foot, has no paragraph on one side.)"""
from __future__ import annotations

from .lines import _SENTENCE_INSIDE, BODY, CAPTION, Line

#: A caption is a short sentence: this many words at least, and at most.
_MIN_WORDS = 5
_MAX_WORDS = 15


def caption_printed_twice(lines: list[Line]) -> None:
    """Take a short line printed twice on two lines in a row, inside the text (paragraphs
    above and below), as the photo's caption."""
    seen_body = False
    for i in range(1, len(lines)):
        first, copy = lines[i - 1], lines[i]
        if first.kind == BODY and copy.key == "dedupe.paragraph" and copy.text == first.text and seen_body:
            words = len(first.text.split())
            below = next((ln for ln in lines[i + 1:] if ln.text), None)
            if (_MIN_WORDS <= words <= _MAX_WORDS and not _SENTENCE_INSIDE.search(first.text)
                    and below is not None and below.kind == BODY):
                first.decide(CAPTION, "dedupe.caption", "a photo's caption printed twice in a row between "
                             "paragraphs (the alt text, then the caption)", first.text)
        seen_body = seen_body or (first.kind == BODY and first.key != "dedupe.caption")
