"""Read what users feed in (files, directories, stdin) into `RawDoc` records.

Bytes are kept exactly as received; text is decoded as UTF-8 when it is, otherwise by
detection (charset-normalizer). A file that cannot be read or decoded becomes an
`InputError` naming it, so one bad document never stops a batch.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

#: File endings read as plain-text scrapes when a directory is walked.
TEXT_SUFFIXES = (".txt", ".text")

_BINARY_SNIFF = 8192
#: Preferred, in order, when several encodings decode a file equally cleanly.
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


class InputError(Exception):
    """A document that could not be read or decoded; `source` names it."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as received.

    data: the bytes exactly as read; text: their decoded form; content_type: a MIME type
    ("text/plain" for scrapes); url and fetched_at when the input carried them.
    """

    source: str
    data: bytes
    text: str
    content_type: str = "text/plain"
    url: str | None = None
    fetched_at: str | None = None
    encoding: str = "utf-8"


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) for `data`; raise InputError when it is not text."""
    if not data.strip():
        raise InputError(source, "empty file")
    head = data[:_BINARY_SNIFF]
    has_bom = head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not has_bom:
        raise InputError(source, "binary file (NUL bytes), not a text scrape")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _best_guess(data)
    if best is None:
        raise InputError(source, "cannot detect the text encoding; not a text scrape?")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError(source, "binary file (control characters), not a text scrape")
    return text, best.encoding


def _best_guess(data: bytes):
    """Return charset-normalizer's best match, preferring a Western code page among
    equally clean ones: non-UTF-8 Indonesian pages are cp1252/Latin-1, and a few
    accented letters do not tell those from Baltic or Central European pages."""
    results = list(from_bytes(data))
    if not results:
        return None
    cleanest = min(r.chaos for r in results)
    for name in WESTERN_ENCODINGS:
        for r in results:
            if r.encoding == name and r.chaos <= cleanest:
                return r
    return results[0]


def _control_ratio(text: str) -> float:
    sample = text[:_BINARY_SNIFF]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / max(len(sample), 1)


def read_bytes(data: bytes, source: str, url: str | None = None) -> RawDoc:
    """Decode `data` (a text scrape) into a RawDoc named `source`."""
    text, encoding = decode_bytes(data, source)
    return RawDoc(source=source, data=data, text=text, url=url, encoding=encoding)


def read_path(path: str | os.PathLike, url: str | None = None) -> RawDoc:
    """Read one file into a RawDoc; raise InputError naming it when that fails."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    return read_bytes(data, source, url=url)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files named by `paths`: files as given, directories walked in sorted order."""
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and (
                    child.suffix.lower() in TEXT_SUFFIXES
                ):
                    yield str(child)
        else:
            yield name


def iter_documents(paths: Iterable[str], url: str | None = None) -> Iterator[RawDoc | InputError]:
    """Yield a RawDoc, or an InputError, for every document named by `paths`.

    "-" reads standard input. Errors are yielded, not raised, so callers can report them
    and go on with the rest of the batch.
    """
    for name in expand_paths(paths):
        try:
            if name == "-":
                yield read_bytes(sys.stdin.buffer.read(), "<stdin>", url=url)
            else:
                yield read_path(name, url=url)
        except InputError as exc:
            yield exc
