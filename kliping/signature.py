"""Signatures of article texts for finding near-duplicates across an archive.

Pure functions, the same for the archive and for batch jobs, so that every place that
signs a text gets the same bytes:

* `signature_text`: NFKC, case-folded, punctuation runs as one space (`dedupe.normalise`),
  every digit as 0 — "Rp 1.500" and "Rp 2.750" sign alike, "Putin" and "PUTIN" too.
* `shingles`: the set of `shingle_size`-word runs of that text (3 by default); a text
  shorter than one shingle is one shingle of all its words.
* `Signature`: MinHash (datasketch, scheme affine32, input hash xxh32) with `num_perm`
  hash values, and the number of shingles (for containment).
* `band_keys`: one signed 64-bit LSH key per band of `lsh_rows` hash values (xxh64 of
  the band's little-endian bytes, seeded with the band number).
* `similarity`: the larger of Jaccard and containment of the smaller set in the larger;
  `estimated_similarity` the same from two signatures.
* `paragraph_spans`: a signed 64-bit hash (xxh64 of the normalised paragraph) and the
  place of each paragraph of at least `paragraph_min_words` words.
* `sign_text`: all the archive keeps of a text (signature, band keys, paragraph spans),
  made in one call — by the archive, or ahead of it in a worker process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import xxhash
from datasketch import MinHash

from .cleaner.dedupe import normalise
from .cleaner.settings import DEFAULT_SETTINGS, Settings

#: The datasketch permutation scheme; signatures of different schemes never compare.
SCHEME = "affine32"
#: Hash values are stored as little-endian uint32.
VALUE_DTYPE = np.dtype("<u4")

_DIGIT = re.compile(r"\d")


def signature_text(text: str) -> str:
    """`text` normalised for signing: NFKC, case-folded, punctuation as space, digits as 0."""
    return _DIGIT.sub("0", normalise(text))


def shingles(text: str, settings: Settings = DEFAULT_SETTINGS) -> frozenset[str]:
    """The set of `shingle_size`-word shingles of the normalised `text`."""
    words = signature_text(text).split()
    size = settings.shingle_size
    if len(words) <= size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def band_count(settings: Settings = DEFAULT_SETTINGS) -> int:
    """LSH bands in use: `lsh_bands`, or as many as `num_perm` holds."""
    bands = settings.lsh_bands if settings.lsh_bands is not None else settings.num_perm // settings.lsh_rows
    if bands < 1 or bands * settings.lsh_rows > settings.num_perm:
        raise ValueError(f"{bands} bands of {settings.lsh_rows} rows need more than "
                         f"num_perm={settings.num_perm} hash values")
    return bands


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    return MinHash(num_perm=num_perm, seed=seed, hashfunc=xxhash.xxh32_intdigest, scheme=SCHEME).permutations


@dataclass(frozen=True, eq=False)
class Signature:
    """A MinHash signature (`num_perm` uint32 values) and the size of the shingle set."""

    values: np.ndarray
    shingles: int

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Signature) and self.shingles == other.shingles
                and self.to_bytes() == other.to_bytes())

    def __hash__(self) -> int:
        return hash((self.shingles, self.to_bytes()))

    def to_bytes(self) -> bytes:
        """The hash values as little-endian uint32 bytes (4 × num_perm)."""
        return self.values.astype(VALUE_DTYPE).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> "Signature":
        return cls(np.frombuffer(data, dtype=VALUE_DTYPE), shingles)


def sign(shingle_set: frozenset[str], settings: Settings = DEFAULT_SETTINGS) -> Signature | None:
    """The MinHash signature of a shingle set (None for an empty set)."""
    if not shingle_set:
        return None
    minhash = MinHash(num_perm=settings.num_perm, seed=settings.minhash_seed,
                      hashfunc=xxhash.xxh32_intdigest, scheme=SCHEME,
                      permutations=_permutations(settings.num_perm, settings.minhash_seed))
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return Signature(minhash.hashvalues.astype(VALUE_DTYPE), len(shingle_set))


def text_signature(text: str, settings: Settings = DEFAULT_SETTINGS) -> Signature | None:
    """The signature of an article text (None when it has no words)."""
    return sign(shingles(text, settings), settings)


def _signed64(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def band_keys(signature: Signature, settings: Settings = DEFAULT_SETTINGS) -> list[int]:
    """One LSH key per band: signed 64-bit, so SQLite stores it as an INTEGER."""
    rows = settings.lsh_rows
    data = signature.values.astype(VALUE_DTYPE)
    return [_signed64(xxhash.xxh64_intdigest(data[b * rows:(b + 1) * rows].tobytes(), seed=b))
            for b in range(band_count(settings))]


@dataclass(frozen=True)
class SignedText:
    """A text's signature (None when it has no words), its LSH band keys and the
    (hash, start, length) spans of its paragraphs."""

    signature: Signature | None
    bands: tuple[int, ...] = ()
    paragraphs: tuple[tuple[int, int, int], ...] = ()


def sign_text(text: str, settings: Settings = DEFAULT_SETTINGS) -> SignedText:
    """Everything the archive stores of `text` for near-duplicates."""
    signature = text_signature(text, settings)
    if signature is None:
        return SignedText(None)
    return SignedText(signature, tuple(band_keys(signature, settings)), tuple(paragraph_spans(text, settings)))


def containment_from_jaccard(jaccard: float, size_a: int, size_b: int) -> float:
    """Containment of the smaller set in the larger, from their Jaccard and sizes:
    |A∩B| = J·(|A|+|B|)/(1+J), divided by min(|A|, |B|)."""
    if jaccard <= 0 or not size_a or not size_b:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)))


def estimated_similarity(a: Signature, b: Signature) -> float:
    """max(Jaccard, containment) estimated from two signatures of the same settings."""
    jaccard = float(np.count_nonzero(a.values == b.values)) / len(a.values)
    return max(jaccard, containment_from_jaccard(jaccard, a.shingles, b.shingles))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (0 when both are empty)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact max(Jaccard, containment of the smaller set in the larger)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return max(common / (len(a) + len(b) - common), common / min(len(a), len(b)))


def paragraph_hash(paragraph: str) -> int:
    """Signed 64-bit xxh64 of the normalised paragraph."""
    return _normal_hash(signature_text(paragraph))


def _normal_hash(normal: str) -> int:
    return _signed64(xxhash.xxh64_intdigest(normal.encode("utf-8")))


def _paragraphs(text: str):
    """(start, paragraph) for each non-blank paragraph of `text` (split at blank lines)."""
    start = 0
    for part in text.split("\n\n"):
        stripped = part.strip()
        if stripped:
            yield start + len(part) - len(part.lstrip()), stripped
        start += len(part) + 2


def paragraph_spans(text: str, settings: Settings = DEFAULT_SETTINGS) -> list[tuple[int, int, int]]:
    """(hash, start, length) of each paragraph of `text` with at least
    `paragraph_min_words` words; start and length count characters of `text`."""
    spans = []
    for start, paragraph in _paragraphs(text):
        normal = signature_text(paragraph)
        if normal and normal.count(" ") + 1 >= settings.paragraph_min_words:  # one space between words
            spans.append((_normal_hash(normal), start, len(paragraph)))
    return spans


def all_paragraph_hashes(text: str) -> set[int]:
    """The hash of every paragraph of `text`, short ones too (to delete stored spans)."""
    return {paragraph_hash(paragraph) for _, paragraph in _paragraphs(text)}
