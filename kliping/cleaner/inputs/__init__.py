"""Read what users feed in (files, directories, stdin) into `RawDoc` records, one reader
per format, all yielding the same record:

| module | reads |
| --- | --- |
| `text.py` | plain-text scrapes (`.txt`, `.text`) |
| `html.py` | HTML pages (`.html`, `.htm`, `.xhtml`, and any file that starts like one) |
| `jsonl.py` | JSON Lines exports of scrapers (`.jsonl`, `.ndjson`, also gzipped) |
| `warc.py` | WARC archives (`.warc`, `.warc.gz`) |

Files with other endings, and stdin, are sniffed: WARC, JSON Lines, HTML, else text.
Gzip is undone for WARC and JSON Lines. JSON Lines and WARC files are streamed, a
record at a time. Whatever cannot be read becomes an `InputError` naming the file (and
line or record), so one bad document never stops a batch.
"""
from __future__ import annotations

import io
import os
import re
import sys
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .html import HTML_SUFFIXES, head_text, read_html, sniff_markup
from .jsonl import JSONL_SUFFIXES, iter_jsonl
from .record import MAX_DOCUMENT_BYTES, InputError, RawDoc, display_name, too_large
from .text import TEXT_SUFFIXES, WESTERN_ENCODINGS, decode_bytes, read_text
from .walk import INPUT_SUFFIXES, Walk, output_stat
from .warc import WARC_SUFFIXES, iter_warc

__all__ = [
    "INPUT_SUFFIXES", "InputError", "MAX_DOCUMENT_BYTES", "RawDoc", "WESTERN_ENCODINGS", "Walk",
    "decode_bytes", "display_name", "expand_paths", "input_kind", "iter_documents", "output_stat",
    "read_bytes", "read_input", "read_path",
]

STDIN = "<stdin>"
#: Formats whose files hold many documents.
MANY = {"warc": "WARC", "jsonl": "JSON Lines"}

_SNIFF_BYTES = 4096
_GZIP_MAGIC = b"\x1f\x8b"
_JSON_OBJECT = re.compile(r'\{\s*["}]')
_JSON_ARRAY = re.compile(r"\[\s*[\[{\]]")


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files named by `paths`: files as given, directories walked in sorted order
    (files ending in one of INPUT_SUFFIXES, hidden ones left out). `Walk` also says
    what the walk passed over."""
    return iter(Walk(paths))


def iter_documents(paths: Iterable[str], url: str | None = None,
                   max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDoc | InputError]:
    """Yield a RawDoc, or an InputError, for every document named by `paths`.

    "-" reads standard input. `url` is the URL of single-document inputs (text and HTML
    files, stdin); JSON Lines and WARC records carry their own. Errors are yielded, not
    raised, so callers can report them and go on with the rest of the batch. A document
    over `max_bytes` is an error, found without reading it whole.
    """
    for name in expand_paths(paths):
        yield from read_input(name, url=url, max_bytes=max_bytes)


def read_input(name: str, url: str | None = None,
               max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDoc | InputError]:
    """Yield every document of one input: a file, or "-" for standard input. Its
    documents are named by `display_name(name)`."""
    source = STDIN if name == "-" else display_name(name)
    try:
        with _opened(name) as (kind, stream):
            if kind == "warc":
                yield from iter_warc(stream, source, max_bytes)
            elif kind == "jsonl":
                yield from iter_jsonl(stream, source, max_bytes)
            else:
                yield _read_one(kind, _read_bounded(stream, source, max_bytes), source, url)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))


def read_path(path: str | os.PathLike, url: str | None = None,
              max_bytes: int = MAX_DOCUMENT_BYTES) -> RawDoc:
    """Read one single-document file (text or HTML) into a RawDoc; raise InputError
    naming it when that fails, when it is over `max_bytes`, or when it holds many
    documents (JSON Lines, WARC)."""
    source = display_name(str(path))
    try:
        with _opened(str(path)) as (kind, stream):
            if kind in MANY:
                raise InputError(source, f"a {MANY[kind]} file holds many documents: "
                                 "read it with iter_documents")
            return _read_one(kind, _read_bounded(stream, source, max_bytes), source, url)
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None


def read_bytes(data: bytes, source: str, url: str | None = None) -> RawDoc:
    """Decode `data`, one text scrape or HTML page, into a RawDoc named `source`: an
    HTML page when `source` ends as one (as for files) or when it starts like one."""
    is_page = source.lower().endswith(HTML_SUFFIXES) or sniff_markup(head_text(data))
    return _read_one("html" if is_page else "text", data, source, url)


def input_kind(name: str, head: bytes) -> str:
    """"warc", "jsonl", "html" or "text": the reader for the input `name` whose
    (uncompressed) bytes start with `head`. Endings decide, except that a text file
    that starts like an HTML page is one; others, and stdin, are sniffed."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    start = head_text(head)
    if lower.endswith(TEXT_SUFFIXES):
        return "html" if sniff_markup(start) else "text"
    start = start.lstrip("\ufeff \t\r\n")
    if start.startswith("WARC/"):
        return "warc"
    if _JSON_OBJECT.match(start):
        return "jsonl"
    if _JSON_ARRAY.match(start):
        return "json"
    return "html" if sniff_markup(start) else "text"


def _read_bounded(stream: BinaryIO, source: str, limit: int) -> bytes:
    """All of `stream`, or InputError when it holds more than `limit` bytes (found by
    reading one byte more, never the whole)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, too_large(limit))
    return data


def _read_one(kind: str, data: bytes, source: str, url: str | None) -> RawDoc:
    if kind == "json":
        raise InputError(source, "a JSON document, not JSON Lines: kliping reads one JSON "
                         "object per line (e.g. scrapy crawl … -o items.jsonl)", data=data)
    if kind == "html":
        return read_html(data, source, url)
    return read_text(data, source, url)


@contextmanager
def _opened(name: str) -> Iterator[tuple[str, BinaryIO]]:
    """Open the input `name` ("-" for stdin) and tell its kind; gzip is undone for
    WARC and JSON Lines and refused (with InputError) for anything else."""
    source = STDIN if name == "-" else display_name(name)
    if name == "-":
        file = None
        stream = sys.stdin.buffer
    else:
        if Path(name).is_dir():
            raise InputError(source, "is a directory")
        file = stream = open(name, "rb")
    try:
        head, stream = _peek(stream)
        if head.startswith(_GZIP_MAGIC):
            kind = input_kind(name.removesuffix(".gz"), _gunzip_head(head, source))
            if kind not in MANY:
                raise InputError(source, "gzip-compressed: only WARC and JSON Lines files are "
                                 "read compressed (gunzip it first)", data=stream.read())
            import gzip  # here: most inputs are not compressed

            stream = gzip.GzipFile(fileobj=stream, mode="rb")
        else:
            kind = input_kind(name, head)
        yield kind, stream
    finally:
        if file is not None:
            file.close()


def _peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of `stream`, and a stream that still starts with them."""
    head = stream.read(_SNIFF_BYTES)
    if stream.seekable():
        stream.seek(-len(head), io.SEEK_CUR)
        return head, stream
    return head, io.BufferedReader(_Prefixed(head, stream))


def _gunzip_head(head: bytes, source: str) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error as exc:
        raise InputError(source, f"not valid gzip data ({exc})") from None


class _Prefixed(io.RawIOBase):
    """`head` (bytes already read, for sniffing) followed by the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
