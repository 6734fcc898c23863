"""A generated corpus in every input format, for the Spark tests and bench/spark_bench.py.

`write_corpus(directory, records)` writes text scrapes, HTML pages, JSON Lines files
(one gzipped, one with a byte-order mark) and WARC files (one gzipped, one cut short),
about `records` documents in all. Articles are made of words drawn from the seed
samples, so unrelated ones share almost no 3-word shingles. Some documents are broken
(empty, binary, bad JSON, a record without a page, a truncated archive) and some are
not articles (a feed, a front page). Planted near-duplicate families — an article and
copies of it with other digits and title, a paragraph dropped, a paragraph added, a few
words replaced —
are spread over the formats; `Corpus.families` lists their sources.
"""
from __future__ import annotations

import gzip
import io
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from warcio.warcwriter import WARCWriter

from warc_samples import http_headers

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HOST = "https://berita.example.id"
_SKIP = {"baca", "juga", "editor", "reporter", "foto", "sumber", "artikel", "tayang", "halaman",
         "berita", "terkait", "copyright", "tribunnews", "kontan", "inews", "voi", "simak"}


@dataclass
class Corpus:
    """Where the corpus is, and what was planted in it."""

    root: Path
    families: list[set[str]] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)
    documents: int = 0
    truncated: Path | None = None


def vocabulary() -> list[str]:
    words = set()
    for path in SAMPLES.glob("*.txt"):
        words |= {w for w in re.findall(r"[a-z]{4,}", path.read_text("utf-8")) if w not in _SKIP}
    return sorted(words)


class Writer:
    """Makes articles and writes them, in every format, into one corpus."""

    def __init__(self, root: Path, seed: int):
        self.root = root
        self.random = random.Random(seed)
        self.words = vocabulary()
        self.count = 0

    def sentence(self, n: int) -> str:
        words = [self.random.choice(self.words) for _ in range(n)]
        return " ".join(words).capitalize() + "."

    def article(self) -> tuple[str, list[str]]:
        title = self.sentence(self.random.randint(6, 10))[:-1]
        paragraphs = [" ".join(self.sentence(self.random.randint(8, 16)) for _ in range(self.random.randint(2, 4)))
                      for _ in range(self.random.randint(4, 7))]
        year = self.random.randint(2015, 2024)
        paragraphs[0] = f"Pada tahun {year} sebanyak {self.random.randint(2, 900)} orang hadir. " + paragraphs[0]
        return title, paragraphs

    def url(self) -> str:
        self.count += 1
        return f"{HOST}/read/{self.count}/artikel-{self.count}"

    @staticmethod
    def text(title: str, paragraphs: list[str]) -> str:
        return "\n\n".join([title, "JAKARTA - " + paragraphs[0], *paragraphs[1:]]) + "\n"

    @staticmethod
    def html(title: str, paragraphs: list[str], url: str) -> str:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
                f'<link rel="canonical" href="{url}"></head><body><nav><a href="/">Beranda</a></nav>'
                f"<article><h1>{title}</h1>{body}</article><footer>Hak cipta</footer></body></html>")


def copies(writer: Writer, title: str, paragraphs: list[str]) -> list[tuple[str, list[str]]]:
    """Near-duplicates of an article: other digits and title, a paragraph fewer, one more,
    3 % of the words replaced."""
    renumbered = [re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), p) for p in paragraphs]
    edited = [" ".join(w if writer.random.random() > 0.03 else writer.random.choice(writer.words)
                       for w in p.split()) for p in paragraphs]
    return [("Salinan: " + title, renumbered), (title, paragraphs[:-1]),
            (title + " (diperbarui)", paragraphs + [writer.sentence(12)]), (title, edited)]


def write_corpus(root: Path, records: int = 2000, seed: int = 9) -> Corpus:
    """Write about `records` documents under `root`; return what was planted."""
    root.mkdir(parents=True, exist_ok=True)
    writer = Writer(root, seed)
    corpus = Corpus(root)
    slots = {"txt": [], "html": [], "jsonl": [], "warc": []}
    per_kind = max(records // 4, 20)
    families = max(records // 100, 2)
    for _ in range(families):  # each family: its original in one format, copies in others
        title, paragraphs = writer.article()
        family = [(title, paragraphs)] + copies(writer, title, paragraphs)
        kinds = [writer.random.choice(list(slots)) for _ in family]
        corpus.families.append(set())
        for (t, p), kind in zip(family, kinds):
            slots[kind].append((t, p, len(corpus.families) - 1))
    for kind in slots:
        while len(slots[kind]) < per_kind:
            slots[kind].append((*writer.article(), None))
        writer.random.shuffle(slots[kind])
    _write_texts(writer, corpus, slots["txt"])
    _write_pages(writer, corpus, slots["html"])
    _write_jsonl(writer, corpus, slots["jsonl"])
    _write_warcs(writer, corpus, slots["warc"])
    return corpus


def _planted(corpus: Corpus, family: int | None, source: str) -> None:
    corpus.documents += 1
    if family is not None:
        corpus.families[family].add(source)


def _broken(corpus: Corpus, source: str) -> None:
    corpus.documents += 1
    corpus.broken.add(source)


def _write_texts(writer: Writer, corpus: Corpus, items) -> None:
    folder = corpus.root / "text" / "a"
    folder.mkdir(parents=True)
    for n, (title, paragraphs, family) in enumerate(items):
        path = folder / f"scrape-{n:04d}.txt"
        path.write_text(writer.text(title, paragraphs), "utf-8")
        _planted(corpus, family, str(path))
    for name, data in (("empty.txt", b""), ("binary.txt", bytes(range(256)) * 4),
                       ("packed.txt", gzip.compress(b"Judul\n\nIsi.")), ("latin.txt",
                       writer.text("Kafé di Jakarta", ["Harga kopi naik di kafé itu tahun ini."] * 3).encode("cp1252"))):
        path = corpus.root / "text" / name
        path.write_bytes(data)
        if name != "latin.txt":
            _broken(corpus, str(path))
        else:
            corpus.documents += 1


def _write_pages(writer: Writer, corpus: Corpus, items) -> None:
    folder = corpus.root / "html"
    folder.mkdir()
    for n, (title, paragraphs, family) in enumerate(items):
        path = folder / f"page-{n:04d}.html"
        path.write_text(writer.html(title, paragraphs, writer.url()), "utf-8")
        _planted(corpus, family, str(path))
    (folder / "front.html").write_text('<html><head><title>Beranda</title></head><body><ul>'
                                       + "".join(f'<li><a href="/{i}">Judul {i}</a></li>' for i in range(30))
                                       + "</ul></body></html>", "utf-8")
    (folder / "feed.html").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                                      "</channel></rss>", "utf-8")
    (folder / "nul.html").write_bytes(b"<html>\x00\x00\x00" + bytes(300))
    for name in ("front.html", "feed.html", "nul.html"):
        _broken(corpus, str(folder / name))


def _write_jsonl(writer: Writer, corpus: Corpus, items) -> None:
    folder = corpus.root / "jsonl"
    folder.mkdir()
    files = [("dump-0.jsonl", False, b""), ("dump-1.ndjson", False, b"\xef\xbb\xbf"),
             ("dump-2.jsonl", False, b""), ("dump-3.jsonl.gz", True, b"")]
    shares = [items[i::len(files)] for i in range(len(files))]
    for (name, packed, bom), share in zip(files, shares):
        path = folder / name
        lines, number = [], 0
        for title, paragraphs, family in share:
            number += 1
            if number % 50 == 7:  # a broken line, then a blank one
                lines += [b'{"url": "https://x.id/1", "html": 12}', b"   "]
                _broken(corpus, f"{path}:{number}")
                number += 2
            url = writer.url()
            if writer.random.random() < 0.5:
                record = {"url": url, "html": writer.html(title, paragraphs, url), "fetched_at": "2021-12-31T02:00:00Z"}
            else:
                record = {"url": url, "title": title, "text": writer.text(title, paragraphs)}
            lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8"))
            _planted(corpus, family, f"{path}:{number}")
        lines += [b"[1, 2]", b'{"url": "https://x.id/2"}', b"{not json"]
        for k in range(3):
            _broken(corpus, f"{path}:{number + 1 + k}")
        data = bom + b"\n".join(lines) + b"\n"
        path.write_bytes(gzip.compress(data) if packed else data)


def _write_warcs(writer: Writer, corpus: Corpus, items) -> None:
    folder = corpus.root / "warc"
    folder.mkdir()
    names = ["crawl-0.warc", "crawl-1.warc.gz", "crawl-2.warc", "crawl-3.warc.gz"]
    shares = [items[i::len(names)] for i in range(len(names))]
    for name, share in zip(names, shares):
        _write_warc(writer, corpus, folder / name, share)
    cut = folder / "cut.warc"  # an archive cut short: the pages before the cut are read
    _write_warc(writer, corpus, cut, [(*writer.article(), None) for _ in range(12)])
    data = cut.read_bytes()
    cut.write_bytes(data[:len(data) * 2 // 3])
    corpus.truncated = cut


def _write_warc(writer: Writer, corpus: Corpus, path: Path, items) -> None:
    with open(path, "wb") as fh:
        warc = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        warc.write_record(warc.create_warcinfo_record(path.name, {"software": "kliping tests"}))
        record = 1
        for title, paragraphs, family in items:
            url = writer.url()
            record += 1
            warc.write_record(warc.create_warc_record(
                url, "response", payload=io.BytesIO(writer.html(title, paragraphs, url).encode("utf-8")),
                http_headers=http_headers("200 OK", "text/html; charset=UTF-8"),
                warc_headers_dict={"WARC-Date": "2021-12-31T02:42:00Z"}))
            if path.name != "cut.warc":
                _planted(corpus, family, f"{path}#{record}")
            if record % 40 == 0:  # a record that is not a page
                record += 1
                warc.write_record(warc.create_warc_record(url + ".png", "response",
                                  payload=io.BytesIO(b"\x89PNG" + bytes(64)),
                                  http_headers=http_headers("200 OK", "image/png")))


def test_corpus_has_every_kind(tmp_path):
    corpus = write_corpus(tmp_path / "c", records=200)
    names = {p.suffix for p in corpus.root.rglob("*") if p.is_file()}
    assert {".txt", ".html", ".jsonl", ".ndjson", ".gz", ".warc"} <= names
    assert all(len(f) == 5 for f in corpus.families)
    assert corpus.documents >= 200 and corpus.broken and corpus.truncated.stat().st_size
