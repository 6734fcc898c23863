"""Word stems for the archive's search columns and queries, in the article's language.

English and French articles are stemmed with their own Snowball stemmer, every other
article (Indonesian, and languages without a stemmer here) with the Indonesian one
(`STEMMERS`, `stem_language()`); Japanese and Chinese are found by substring through
the trigram index instead (see db.py). One tokenizer for both sides: the stemmed shadow columns written at ingest and the words
of a search query go through `words()` and `stem_words()`, so a query for "menjatuhkan"
and a text saying "dijatuhkan" meet at the stem "jatuh". Tokens follow SQLite's
`unicode61 remove_diacritics 2` tokenizer: runs of letters and digits, case and
diacritics folded. Indonesian stop words (`STOP_WORDS`) are left out of the stemmed text
of Indonesian articles; English and French keep every word.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from typing import Iterable

import Stemmer

#: Runs of letters and digits: what FTS5's unicode61 tokenizer treats as one token.
TOKEN = re.compile(r"[^\W_]+")

#: Common Indonesian function words: too frequent to help a search, left out of the
#: stemmed columns and of stemmed queries (matched on the folded surface form).
STOP_WORDS = frozenset("""
ada adalah adanya agak agar akan akankah akhirnya aku akulah amat anda andalah antar
antara antaranya apa apaan apabila apakah apalagi apatah atau ataukah ataupun bagai
bagaikan bagaimana bagaimanakah bagaimanapun bagi bahkan bahwa bahwasanya banyak
beberapa begini begitu begitulah belum belumlah berapa berapakah bila bilakah bisa
bukan bukankah bukanlah bukannya cuma dahulu dalam dan dapat dari daripada dengan
di dia dialah diri dirinya dong dulu enggak entah hal hampir hanya hanyalah harus
haruslah hingga ia ialah ini inilah itu itulah iya jadi jangan jika jikalau juga
justru kalau kalaupun kami kamilah kamu kamulah kan kapan kapankah karena karenanya
ke kecuali kemudian kenapa kepada kepadanya ketika kini kita kitalah lagi lah lain
lainnya lalu maka makanya mana manakala masih masing mau maupun melainkan meski
meskipun mereka merekalah misalnya mungkin nah namun nanti nya oleh olehnya pada
padahal padanya para pernah pula pun saat saja sambil sampai sangat sebab sebagai
sebagaimana sebelum sebelumnya sedang sedangkan sehingga sejak sekali sekarang
selagi selain selalu selama seluruh semua sementara sendiri seolah seperti
sepertinya serta sesudah setelah setiap siapa siapakah sini situ supaya sudah
sudahlah tadi tanpa tapi telah tentang tentu tentulah tersebut tetapi tiap tidak
tidakkah tidaklah toh untuk walau walaupun yaitu yakni yang
""".split())

#: Article language (the `language` field) -> its Snowball stemmer; any other language
#: is stemmed as Indonesian (DEFAULT_LANGUAGE).
STEMMERS = {"id": "indonesian", "en": "english", "fr": "french"}
DEFAULT_LANGUAGE = "id"
#: Languages written without spaces between words: searched by substring (trigram index).
SUBSTRING_LANGUAGES = ("ja", "zh")

_local = threading.local()


def stem_language(language: str | None) -> str:
    """The stemmer language of an article of `language`: en, fr, else id."""
    return language if language in STEMMERS else DEFAULT_LANGUAGE


def _stemmer(language: str | None = None) -> Stemmer.Stemmer:
    """One Snowball stemmer per language and thread (they are not thread-safe)."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    language = stem_language(language)
    stemmer = stemmers.get(language)
    if stemmer is None:
        stemmer = stemmers[language] = Stemmer.Stemmer(STEMMERS[language])
    return stemmer


def fold(word: str) -> str:
    """Lower-case `word` and strip its diacritics, as unicode61 remove_diacritics 2 does."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str | None) -> list[str]:
    """The folded tokens of `text` in order (stop words included)."""
    text = (text or "").lower()
    tokens = TOKEN.findall(text)
    if text.isascii():
        return tokens
    return [t if t.isascii() else fold(t) for t in tokens]


def stop_words(language: str | None = None) -> frozenset[str]:
    """The words left out of the stems of `language` (only Indonesian has them)."""
    return STOP_WORDS if stem_language(language) == DEFAULT_LANGUAGE else frozenset()


def stem_words(tokens: Iterable[str], language: str | None = None) -> list[str]:
    """Stem folded tokens in `language` (default Indonesian), dropping its stop words."""
    stop = stop_words(language)
    kept = [t for t in tokens if t not in stop]
    return _stemmer(language).stemWords(kept) if kept else []


def stem_text(text: str | None, language: str | None = None) -> str:
    """The stemmed shadow of `text` in `language`: stems of its non-stop words,
    space-separated.

    This is what the `*_stem` columns hold and what the SQL function `id_stem()` returns.
    """
    return " ".join(stem_words(words(text), language))
