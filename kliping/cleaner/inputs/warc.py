"""WARC archives (.warc, .warc.gz), read one record at a time with warcio.

Read: `response` records with a 2xx HTTP status and `resource` records, whose content
type is HTML (or missing, text/plain or octet-stream with a payload that sniffs as an
HTML page). url is WARC-Target-URI, fetched_at WARC-Date, data the HTTP payload with
its transfer and content encodings undone. Skipped without a word: request, metadata,
warcinfo, revisit and conversion records, and what is not a page (images, scripts,
feeds, redirects, errors). Records are named `file#n`, n counting every record from 1
in file order (as `warcio index` lists them).
"""
from __future__ import annotations

import io
from typing import BinaryIO, Iterator

from .html import HTML, head_text, read_html, sniff_markup
from .record import MAX_DOCUMENT_BYTES, InputError, RawDoc, too_large

#: File endings read as WARC archives.
WARC_SUFFIXES = (".warc", ".warc.gz")

READ_RECORDS = ("response", "resource")
PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: Content types whose payload is sniffed for an HTML page.
SNIFFED_TYPES = ("", "text/plain", "application/octet-stream", "unknown/unknown")
_CHUNK = 1 << 16
#: Compressed bytes fed to the content decoder at a time.
_DECODE_BLOCK = 1 << 10


def iter_warc(stream: BinaryIO, name: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDoc | InputError]:
    """Yield a RawDoc, or an InputError, for every page in the WARC `stream` (its
    uncompressed bytes: the caller undoes gzip with the gzip module). An archive that
    breaks off or cannot be parsed ends with an InputError saying where; the records
    before that point are yielded. A record whose payload, stored or decoded, is over
    `max_bytes` is reported and read past."""
    from warcio.archiveiterator import ArchiveIterator  # here: only WARC inputs need warcio

    watched = _WatchedStream(stream)
    archive = ArchiveIterator(watched)
    n = 0
    try:
        for n, record in enumerate(archive, 1):
            if record.format.startswith("warc") and record.rec_headers.get_header("Content-Length") is None:
                yield InputError(f"{name}#{n}", "no Content-Length: the archive breaks off in "
                                 "this record's headers, or they are corrupt")
                return
            item = read_page(record, f"{name}#{n}", max_bytes)
            if item is not None:
                yield item
            if _missing_bytes(record):
                return
        unread = watched.read(1)
    except Exception as exc:  # warcio's parse errors share no base class
        message = " ".join(str(exc).split())
        yield InputError(name, f"cannot read past record {n}: truncated or not WARC data "
                         f"({type(exc).__name__}: {message})")
        return
    if watched.broke_off or unread or watched.position > archive.offset:
        yield InputError(name, f"truncated: the archive breaks off after record {n}")
    elif watched.position == 0:
        yield InputError(name, "empty file", data=b"")


class _WatchedStream:
    """The stream warcio reads. It counts the bytes handed out (warcio does not report
    a record cut off in its headers: the count then runs past the last record's end),
    and turns the gzip module's EOFError at a truncated member, which warcio would take
    for the archive's end and drop the data read with it, into an end that
    `broke_off` remembers."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.position = 0
        self.broke_off = False

    def tell(self) -> int:
        return self.position

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.stream.read1(size)
        except EOFError:
            self.broke_off, data = True, b""
        self.position += len(data)
        return data


def read_page(record, source: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> RawDoc | InputError | None:
    """The page in one WARC record, an InputError when it cannot be read (or the archive
    breaks off inside it, or it is over `max_bytes`), or None when the record is not a
    page. Reads the record to its end either way."""
    headers = record.http_headers
    content_type = (headers or record.rec_headers).get_header("Content-Type")
    mime = (content_type or "").split(";")[0].strip().lower()
    if (record.rec_type not in READ_RECORDS
            or (record.rec_type == "response" and not _is_success(headers))
            or mime not in PAGE_TYPES + SNIFFED_TYPES):
        _skip(record.raw_stream)
        return _truncated(record, source)
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    fetched_at = record.rec_headers.get_header("WARC-Date")
    body = _read_all(record.raw_stream, max_bytes)
    if body is None:
        return _truncated(record, source) or InputError(source, too_large(max_bytes), url=url,
                                                        content_type=mime or None)
    if _missing_bytes(record):
        return _truncated(record, source, data=body, url=url, content_type=mime or None)
    try:
        payload = _decoded_payload(record, body, max_bytes)
    except ValueError as exc:
        return InputError(source, str(exc), data=body, url=url, content_type=mime or None)
    if mime not in PAGE_TYPES and sniff_markup(head_text(payload)) != HTML:
        return None
    try:
        return read_html(payload, source, url, http_content_type=content_type, fetched_at=fetched_at)
    except InputError as exc:
        return InputError(source, exc.message, data=payload, url=url, content_type=mime or None)


def _is_success(headers) -> bool:
    return headers is not None and headers.get_statuscode().startswith("2")


def _read_all(stream, limit: int) -> bytes | None:
    """All of `stream`, or None (read to its end all the same) when it holds more than
    `limit` bytes."""
    chunks, size = [], 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            _skip(stream)
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _skip(stream) -> None:
    while stream.read(_CHUNK):
        pass


def _missing_bytes(record) -> int:
    """How many bytes of `record` the archive lacks (it was cut short inside it)."""
    return max(getattr(record.raw_stream, "limit", 0), 0)


def _truncated(record, source: str, **kept) -> InputError | None:
    """An InputError (with what was read, `kept`) when the archive ends inside `record`."""
    missing = _missing_bytes(record)
    if not missing:
        return None
    return InputError(source, f"truncated: the archive breaks off inside this record "
                      f"({missing} bytes missing)", **kept)


def _decoded_payload(record, body: bytes, limit: int) -> bytes:
    """`body` (the HTTP body as stored) with chunked transfer and gzip/deflate/brotli
    content encodings undone, by warcio's own readers; ValueError when that fails or
    gives more than `limit` bytes."""
    from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

    headers = record.http_headers
    if headers is None:
        return body
    encoding = (headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding and encoding != "identity" and encoding not in BufferedReader.get_supported_decompressors():
        raise ValueError(f"cannot undo the HTTP Content-Encoding {encoding!r}")
    stream = io.BytesIO(body)
    if headers.get_header("Transfer-Encoding") == "chunked":
        stream = ChunkedDataReader(stream)  # de-chunked here, never larger than `body`
    if encoding and encoding != "identity":
        # A small block: deflate expands 1,032 times at most, so no single step of the
        # decoder can put a bomb's gigabytes in memory before the limit is seen.
        stream = BufferedReader(stream, block_size=_DECODE_BLOCK, decomp_type=encoding)
    try:
        payload = _read_all(stream, limit)
    except Exception as exc:  # zlib, brotli and chunk-size errors
        raise ValueError(f"cannot undo the HTTP encoding ({type(exc).__name__}: {exc})") from None
    if payload is None:
        raise ValueError(too_large(limit) + " once its HTTP encoding is undone")
    return payload
