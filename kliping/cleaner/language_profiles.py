"""langdetect's detector with its language profiles read lazily.

langdetect's own factory turns its 55 profiles into one table of every n-gram's
probability in every language before it detects anything: 0.35-0.7 s of CPU the first
time one document of a run needs the detector, where detecting costs milliseconds. The
detector asks that table only whether an n-gram is known (`in`) and, for the n-grams of
the text it reads, their probabilities (`[]`). Here those are worked out when first
asked for, from the profiles as langdetect reads them and with its own arithmetic, so
`detect` gives the same answer to the last bit: the profiles' files are only parsed
(about 0.1 s).

A batch needs the detector for a few documents at most (function words settle the
others), so those 0.1 s are a part of its fixed cost. The first run that needs it keeps
the profiles' counts in the user's cache (user_cache.py), by n-gram in hashed buckets;
later runs decode from it only the buckets of the n-grams their texts hold (some 0.01 s)
and make their rows with the same arithmetic.
"""
from __future__ import annotations

import binascii
import json
import os
import sys
from array import array
from functools import lru_cache
from typing import Any

from . import user_cache


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

    def rows_of_counts(self) -> list[tuple[str, str]]:
        """Each word with its counts, as `StoredProbabilities` keeps them: "index:count"
        for each profile holding it, space-separated (words of 1 to 3 characters)."""
        counts: dict[str, list[str]] = {word: [] for word in self._words}
        for index, (freq, _) in enumerate(self._profiles):
            for word, count in freq.items():
                if 1 <= len(word) <= 3:
                    counts[word].append(f"{index}:{count:d}")
        return [(word, " ".join(pairs)) for word, pairs in counts.items()]


#: Buckets of the kept table: some 20 words each, decoded when a word of theirs is asked.
BUCKETS = 4096
_OFFSET = "I"


def _bucket(word: str) -> int:
    return binascii.crc32(word.encode("utf-8", "surrogatepass")) % BUCKETS


class StoredProbabilities:
    """LazyProbabilities' table, its rows made with the same arithmetic from the counts
    `stored_table` keeps: a JSON object {word: counts} per bucket of words, the buckets'
    offsets before them."""

    def __init__(self, offsets: array, body: bytes, n_words: list[list[int]], size: int):
        self._offsets = offsets
        self._body = body
        self._n_words = n_words
        self._size = size
        self._buckets: dict[int, dict[str, str]] = {}
        self._rows: dict[str, list[float] | None] = {}

    def _row(self, word: str) -> list[float] | None:
        if word in self._rows:
            return self._rows[word]
        index = _bucket(word)
        bucket = self._buckets.get(index)
        if bucket is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            bucket = self._buckets[index] = json.loads(self._body[start:end])
        counts = bucket.get(word)
        row = None if counts is None else [0.0] * self._size
        for pair in counts.split() if counts else ():
            profile, count = map(int, pair.split(":"))
            row[profile] = 1.0 * count / self._n_words[profile][len(word) - 1]
        self._rows[word] = row
        return row

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._row(word) is not None

    def __getitem__(self, word: str) -> list[float]:
        row = self._row(word) if isinstance(word, str) else None
        if row is None:
            raise KeyError(word)
        return row


def _profile_files() -> tuple[list[str], list[str]]:
    """The names in langdetect's profiles directory, and the paths of the profiles
    among them, in the order its `load_profile` reads them."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    names = os.listdir(PROFILES_DIRECTORY)
    paths = [os.path.join(PROFILES_DIRECTORY, name) for name in names]
    return names, [p for name, p in zip(names, paths) if not name.startswith(".") and os.path.isfile(p)]


@lru_cache(maxsize=1)
def detector_factory():
    """A langdetect DetectorFactory over the profiles langdetect ships, read in the
    order and the way its `load_profile` reads them, its table lazy."""
    from langdetect.detector_factory import DetectorFactory

    names, paths = _profile_files()
    profiles = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            profiles.append(json.load(f))
    factory = DetectorFactory()
    factory.langlist = [p["name"] for p in profiles]
    factory.word_lang_prob_map = LazyProbabilities(profiles, len(names))
    return factory


def _made_by() -> dict:
    """What the kept table was made from: each profile file's name, size and time."""
    names, paths = _profile_files()
    stats = [os.stat(p) for p in paths]
    return {"format": 1, "byteorder": sys.byteorder, "buckets": BUCKETS, "names": len(names),
            "profiles": [[os.path.basename(p), st.st_size, st.st_mtime_ns] for p, st in zip(paths, stats)]}


def stored_table(path: str):
    """A DetectorFactory whose table is read from the file at `path`; None when the
    file is missing, damaged or made from other profiles: it is then made from the
    profiles (whole or not at all: any failure only leaves it unmade)."""
    from langdetect.detector_factory import DetectorFactory

    made_by = _made_by()
    try:
        with open(path, "rb") as f:
            header, _, body = f.read().partition(b"\n")
        head = json.loads(header)
        if head.get("made_by") == made_by and head.get("crc32") == binascii.crc32(body):
            offsets = array(_OFFSET)
            offsets.frombytes(body[:(BUCKETS + 1) * offsets.itemsize])
            factory = DetectorFactory()
            factory.langlist = head["langlist"]
            factory.word_lang_prob_map = StoredProbabilities(
                offsets, body[len(offsets) * offsets.itemsize:], head["n_words"], head["size"])
            return factory
    except (OSError, ValueError, AttributeError, KeyError):
        pass
    _store(path, made_by)
    return None


def _store(path: str, made_by: dict) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(tmp, "wb") as f:  # first: a directory that cannot be written costs nothing
            f.write(_table_file(made_by))
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _table_file(made_by: dict) -> bytes:
    """The kept table: a JSON line (what made it, the checksum of the rest, the languages
    and their n-gram totals), the buckets' offsets, then the buckets."""
    factory = detector_factory()
    table = factory.word_lang_prob_map
    buckets: list[dict[str, str]] = [{} for _ in range(BUCKETS)]
    for word, counts in table.rows_of_counts():
        buckets[_bucket(word)][word] = counts
    parts = [json.dumps(bucket).encode("ascii") for bucket in buckets]
    offsets = array(_OFFSET, [0])
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    body = offsets.tobytes() + b"".join(parts)
    header = json.dumps({"made_by": made_by, "crc32": binascii.crc32(body), "langlist": factory.langlist,
                         "n_words": [n_words for _, n_words in table._profiles], "size": table._size})
    return header.encode("ascii") + b"\n" + body


@lru_cache(maxsize=1)
def factory_in_use():
    """The DetectorFactory `detect` uses: over the table kept in the user's cache, or
    over the profiles when there is none yet (or no cache)."""
    path = user_cache.cache_file("langdetect-profiles.bin")
    return (stored_table(path) if path else None) or detector_factory()


def detect(text: str) -> str:
    """langdetect.detect(text), with the lazily read profiles."""
    detector = factory_in_use().create()
    detector.append(text)
    return detector.detect()
