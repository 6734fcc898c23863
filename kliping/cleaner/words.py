"""The commonest words of the languages kliping reads, and the share of a text they make.

One list per language, shared by every check that asks what language a text is in: the
language check of a cleaned article (`metadata.quick_language`), the HTML path's question
whether a blog's page reads Indonesian (`html.page.reads_indonesian`), and whether a
page's tags are prose glued together (`html.details`). A headline's lower-case words in
title case are another matter (`text.headline`)."""
from __future__ import annotations

FUNCTION_WORDS = {
    "id": frozenset("yang dan di itu dengan untuk ini dari pada akan tidak ke dalam juga "
                    "bahwa karena atau oleh sudah telah kata ada adalah saat mereka kami "
                    "bisa dapat lebih para sebagai tersebut namun hingga menjadi secara".split()),
    "en": frozenset("the of and to in a is that for on with was as by it at from are has "
                    "have be this which said will were their an".split()),
    "fr": frozenset("le la les des de du et un une est dans pour que qui sur au aux par "
                    "avec ce il elle ont sont pas été".split()),
}


def function_word_share(tokens: list[str], words: frozenset[str]) -> float:
    """Return the share of the (lower-cased) tokens that are in `words`."""
    return sum(map(words.__contains__, tokens)) / len(tokens) if tokens else 0.0
