"""The lazily read langdetect profiles (language_profiles.py) give langdetect's own table
and answers, bit for bit: the `language` field must not change."""
from pathlib import Path

import pytest
from langdetect import DetectorFactory, LangDetectException
from langdetect import detect as langdetect_detect
from langdetect.detector_factory import init_factory

from kliping.cleaner import language_profiles
from kliping.cleaner.language_profiles import detect, detector_factory

CORPUS = Path(__file__).parent / "corpus" / "text"


def langdetect_factory():
    from langdetect import detector_factory as module
    init_factory()
    return module._factory


def test_the_lazy_table_is_langdetects_table_row_for_row():
    theirs, ours = langdetect_factory(), detector_factory()
    assert ours.langlist == theirs.langlist
    table, lazy = theirs.word_lang_prob_map, ours.word_lang_prob_map
    assert all(word in lazy for word in table)
    assert all(lazy[word] == table[word] for word in table)
    for unknown in ("", "zzqx", "\x00", "日本語テキスト"):
        assert (unknown in lazy) == (unknown in table)
    with pytest.raises(KeyError):
        lazy["zzqxzzqx"]


def _answer(fn, text):
    try:
        return fn(text)
    except LangDetectException as e:
        return ("error", e.code)


HOSTILE = ["", " ", "12345 67890", "https://example.com/a/b", "x", "!!!???", "a" * 5000,
           "これは日本語の文章です。", "Это русский текст.", "ﺍﻟﻌﺮﺑﻴﺔ ﻟﻐﺔ", "Ini\x00berita\ufffd"]


@pytest.mark.parametrize("seed", [0, 7])
def test_detect_answers_as_langdetect_on_real_and_hostile_texts(seed):
    texts = [p.read_text("utf-8")[:3000] for p in sorted(CORPUS.glob("*.txt"))[::12]] + HOSTILE
    DetectorFactory.seed = seed
    try:
        assert [_answer(detect, t) for t in texts] == [_answer(langdetect_detect, t) for t in texts]
    finally:
        DetectorFactory.seed = 0


def test_rows_are_made_only_when_read():
    lazy = language_profiles.LazyProbabilities(
        [{"name": "aa", "freq": {"a": 2, "ab": 1, "abcd": 5}, "n_words": [4, 2, 1]},
         {"name": "bb", "freq": {"a": 1}, "n_words": [1, 1, 1]}], 3)
    assert lazy._rows == {}
    assert lazy["a"] == [0.5, 1.0, 0.0] and lazy["ab"] == [0.5, 0.0, 0.0]
    assert lazy["abcd"] == [0.0, 0.0, 0.0]  # langdetect keeps longer words at zero
    assert set(lazy._rows) == {"a", "ab", "abcd"}
