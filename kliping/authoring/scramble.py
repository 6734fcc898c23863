"""Scramble an article's prose in a page's text, so a rule's test case can carry the
page's structure without its copyrighted wording.

The words of each sentence of the prose (title, standfirst, paragraphs, captions,
related titles) are reordered, its first and last word staying in place (the capital
and the full stop where a rule may look for them); furniture, datelines, bylines and
dates stay exactly as printed. The order depends only on the sentence, so a headline
printed twice scrambles the same way twice, and a second run gives the same file.
"""
from __future__ import annotations

import hashlib
import re

from ..cleaner.article import Article

#: Where a sentence ends: after . ! ? (and a closing quote or bracket) and a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
#: Shorter prose (a label, a name) is left as it is.
MIN_PROSE_CHARS = 20


def scramble_sentence(sentence: str) -> str:
    """Reorder the inner words of one sentence by a hash of each word and the sentence."""
    words = sentence.split()
    if len(words) < 4:
        return sentence
    key = sentence.encode("utf-8")
    inner = sorted(words[1:-1], key=lambda w: hashlib.blake2b(key + w.encode("utf-8"), digest_size=8).digest())
    return " ".join([words[0], *inner, words[-1]])


def scramble_text(text: str) -> str:
    """Scramble every sentence of a piece of prose; its spacing between sentences is kept."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out += [scramble_sentence(text[start:m.start()]), m.group(0)]
        start = m.end()
    out.append(scramble_sentence(text[start:]))
    return "".join(out)


def prose_of(article: Article) -> list[str]:
    """The article's own words, longest first: what scramble_prose reorders."""
    pieces = [article.title, article.description, *article.text.split("\n\n"),
              *article.captions, *article.related]
    return sorted({p.strip() for p in pieces if p and len(p.strip()) >= MIN_PROSE_CHARS}, key=len, reverse=True)


def scramble_prose(page_text: str, article: Article) -> str:
    """Return `page_text` with the prose of `article` (cleaned from it) scrambled in place."""
    prose = prose_of(article)
    lines = page_text.split("\n")
    for n, line in enumerate(lines):
        for piece in prose:
            at = line.find(piece)
            if at >= 0:
                lines[n] = line[:at] + scramble_text(piece) + line[at + len(piece):]
                break
            if len(line.strip()) >= MIN_PROSE_CHARS and line.strip() in piece:  # one line of several
                lines[n] = line.replace(line.strip(), scramble_text(line.strip()))
                break
    return "\n".join(lines)
