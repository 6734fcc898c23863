"""langdetect's detector with its language profiles read lazily.

langdetect's own factory turns its 55 profiles into one table of every n-gram's
probability in every language before it detects anything: 0.35-0.7 s of CPU the first
time one document of a run needs the detector, where detecting costs milliseconds. The
detector asks that table only whether an n-gram is known (`in`) and, for the n-grams of
the text it reads, their probabilities (`[]`). Here those are worked out when first
asked for, from the profiles as langdetect reads them and with its own arithmetic, so
`detect` gives the same answer to the last bit: the profiles' files are only parsed
(about 0.08 s).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any


class LazyProbabilities:
    """langdetect's word -> [probability per language] table, each row made when first
    read: `1.0 * freq / n_words[len(word) - 1]` in the languages whose profile has the
    word and 1 to 3 characters, else 0.0 (as DetectorFactory.add_profile makes it)."""

    def __init__(self, profiles: list[dict[str, Any]], size: int):
        self._profiles = [(p["freq"], p["n_words"]) for p in profiles]
        self._size = size  # langdetect sizes its rows by the files listed, not those read
        self._words = set().union(*(freq for freq, _ in self._profiles))
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            if word not in self._words:
                raise KeyError(word)
            row = [0.0] * self._size
            length = len(word)
            if 1 <= length <= 3:
                for index, (freq, n_words) in enumerate(self._profiles):
                    count = freq.get(word)
                    if count is not None:
                        row[index] = 1.0 * count / n_words[length - 1]
            self._rows[word] = row
        return row


@lru_cache(maxsize=1)
def detector_factory():
    """A langdetect DetectorFactory over the profiles langdetect ships, read in the
    order and the way its `load_profile` reads them, its table lazy."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    names = os.listdir(PROFILES_DIRECTORY)
    profiles = []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            profiles.append(json.load(f))
    factory = DetectorFactory()
    factory.langlist = [p["name"] for p in profiles]
    factory.word_lang_prob_map = LazyProbabilities(profiles, len(names))
    return factory


def detect(text: str) -> str:
    """langdetect.detect(text), with the lazily read profiles."""
    detector = detector_factory().create()
    detector.append(text)
    return detector.detect()
