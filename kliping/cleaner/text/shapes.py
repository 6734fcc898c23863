"""What a line looks like, for pass 2's decisions on headlines and standfirsts: title
case, prose or a sentence, paragraph length, a summary of the text."""
from __future__ import annotations

import re

from .lines import _MAX_RELATED, CJK, is_sentence

#: A line above the text whose words stand, this share of them, in one of the text's
#: first paragraphs is a standfirst cut from it, not the headline.
_SUMMARY_SHARE = 0.85
_SUMMARY_MIN_WORDS = 6
SUMMARY_PARAGRAPHS = 3
#: A line of fewer words is too short to say whether it is written in title case.
TITLE_CASE_WORDS = 3
WORDS = re.compile(r"[^\W_]+")
#: Words a title-case headline leaves in lower case.
_SMALL_WORDS = frozenset(
    "di ke dari dan yang untuk dengan pada ini itu atau oleh akan jadi bisa tak tidak hingga "
    "sampai soal usai saat jelang demi karena agar bagi dalam antara sebagai kini masih sudah "
    "telah juga pun the of and in on to a an for at by with".split())
#: A headline has a word of two letters at least (a page number, a bullet has none).
WORD_OF_TWO = re.compile(r"[^\W\d_]{2}")
#: A line of this many words, mostly not capitalised, is a sentence, not a headline.
_PROSE_WORDS = 8
#: A block of this many words (CJK characters) is a paragraph, not furniture.
_PARAGRAPH_WORDS = 20
_PARAGRAPH_CJK_CHARS = 60


def title_case(text: str) -> bool:
    """Say whether a line is written in title case: every word capitalised but the
    small ones ("di", "dan", "yang", "of"), one slip allowed."""
    words = [w for w in WORDS.findall(text) if w[:1].isalpha()]
    small = [w for w in words if w[0].islower() and w not in _SMALL_WORDS]
    return len(words) >= TITLE_CASE_WORDS and len(small) <= 1


def summarises(line: str, paragraphs: list[str]) -> bool:
    """Say whether a line's words nearly all stand in one of the first paragraphs: a
    standfirst cut from the text (a headline, full of names, may look the same, but
    says it in other words)."""
    words = set(WORDS.findall(line.lower()))
    return len(words) >= _SUMMARY_MIN_WORDS and any(
        len(words & set(WORDS.findall(p.lower()))) >= _SUMMARY_SHARE * len(words) for p in paragraphs)


def is_long(text: str) -> bool:
    """Say whether a block is paragraph-long whatever its last character (a paragraph
    ending in a colon over a list, a quote left open): no menu, label or headline is."""
    return (len(text.split(None, _PARAGRAPH_WORDS - 1)) >= _PARAGRAPH_WORDS
            or len(CJK.findall(text)) >= _PARAGRAPH_CJK_CHARS)


def opens_text(text: str) -> bool:
    """Say whether a line under the kickers opens the text: a sentence, but not a
    headline that asks or exclaims ("… Nasib Penumpang?"), which is short."""
    return is_sentence(text) and not (text.endswith(("?", "!")) and len(text) <= _MAX_RELATED)


def prose_length(text: str) -> bool:
    """Say whether a line has as many words as prose has (a label or a kicker has fewer)."""
    return len([w for w in text.split() if w[:1].isalpha()]) >= _PROSE_WORDS


def sentence_case_prose(text: str) -> bool:
    """Say whether a line reads as a sentence rather than a headline: many words, most
    of them not capitalised (headlines of the outlets using this are in title case)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= _PROSE_WORDS and sum(w[0].isupper() for w in words) * 2 < len(words)
