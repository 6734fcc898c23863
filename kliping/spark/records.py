"""Documents from bytes already read by Spark, through the cleaner's own readers.

`file_documents` is what `kliping clean` does with a file, given its bytes instead of
its path: the kind is told by the name and the first bytes, gzip is undone for WARC and
JSON Lines, and the text, HTML, JSON Lines and WARC readers of `kliping.cleaner.inputs`
do the rest. `line_document` reads one JSON Lines line (files split by Spark into lines).
"""
from __future__ import annotations

import gzip
import io
from typing import Iterator

from ..cleaner.inputs import MANY, InputError, RawDoc, input_kind, iter_warc
# The readers' private steps, shared rather than copied, so that both paths stay one.
from ..cleaner.inputs import _GZIP_MAGIC, _SNIFF_BYTES, _gunzip_head, _read_one
from ..cleaner.inputs.jsonl import iter_jsonl, read_record


def file_documents(name: str, data: bytes, url: str | None = None) -> Iterator[RawDoc | InputError]:
    """Yield every document of the file `name` whose bytes are `data`, as
    `kliping.cleaner.inputs.read_input` does for a file on disk."""
    try:
        head = data[:_SNIFF_BYTES]
        stream = io.BytesIO(data)
        if head.startswith(_GZIP_MAGIC):
            kind = input_kind(name.removesuffix(".gz"), _gunzip_head(head, name))
            if kind not in MANY:
                raise InputError(name, "gzip-compressed: only WARC and JSON Lines files are "
                                 "read compressed (gunzip it first)", data=data)
            stream = gzip.GzipFile(fileobj=stream, mode="rb")
        else:
            kind = input_kind(name, head)
        if kind == "warc":
            yield from iter_warc(stream, name)
        elif kind == "jsonl":
            yield from iter_jsonl(stream, name)
        else:
            yield _read_one(kind, data, name, url)
    except InputError as exc:
        yield exc


def line_document(name: str, number: int, line: bytes) -> RawDoc | InputError | None:
    """The document on line `number` of the JSON Lines file `name` (None for a blank
    line), as `iter_jsonl` reads it."""
    if not line.strip():
        return None
    try:
        return read_record(line.rstrip(b"\r\n"), f"{name}:{number}")
    except InputError as exc:
        return exc
