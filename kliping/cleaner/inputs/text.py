"""Plain-text scrapes: UTF-8 when the bytes are, otherwise the encoding is detected
(charset-normalizer); empty and binary files are refused with a clear message."""
from __future__ import annotations

from .record import InputError, RawDoc

#: File endings read as plain-text scrapes (unless the text is HTML markup).
TEXT_SUFFIXES = (".txt", ".text")

_BINARY_SNIFF = 8192
_UNICODE_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
#: Preferred, in order, when several encodings decode a file equally cleanly.
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


def refuse_non_text(data: bytes, source: str) -> None:
    """Raise InputError (keeping `data`) when `data` is empty or plainly binary."""
    if not data.strip():
        raise InputError(source, "empty file", data=data)
    head = data[:_BINARY_SNIFF]
    has_bom = head.startswith(_UNICODE_BOMS)
    if b"\x00" in head and not has_bom:
        raise InputError(source, "binary file (NUL bytes), not a text scrape", data=data)


def refuse_control_text(text: str, data: bytes, source: str) -> None:
    """Raise InputError when decoded `text` is mostly control characters (binary)."""
    if _control_ratio(text) > 0.05:
        raise InputError(source, "binary file (control characters), not a text scrape", data=data)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding) for `data`; raise InputError when it is not text."""
    refuse_non_text(data, source)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _best_guess(data)
    if best is None:
        raise InputError(source, "cannot detect the text encoding; not a text scrape?", data=data)
    text = str(best)
    refuse_control_text(text, data, source)
    return text, best.encoding


def _best_guess(data: bytes):
    """Return charset-normalizer's best match, preferring a Western code page among
    equally clean ones: non-UTF-8 Indonesian pages are cp1252/Latin-1, and a few
    accented letters do not tell those from Baltic or Central European pages. UTF-16
    and UTF-32 need a byte-order mark (without one, a scrape in them has NUL bytes, so
    a guess of them is binary data read as CJK text)."""
    from charset_normalizer import from_bytes  # here: most scrapes are UTF-8

    results = list(from_bytes(data))
    if not data.startswith(_UNICODE_BOMS):
        results = [r for r in results if not r.encoding.startswith(("utf_16", "utf_32"))]
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


def read_text(data: bytes, source: str, url: str | None = None) -> RawDoc:
    """Decode `data`, a plain-text scrape, into a RawDoc named `source`."""
    text, encoding = decode_bytes(data, source)
    return RawDoc(source=source, data=data, text=text, url=url, encoding=encoding)
