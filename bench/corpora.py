"""The inputs the speed benchmarks share, built the same way for every script.

* `seed_variants`: text scrapes of seed size, each a different document (the samples with
  their digits redrawn and their middle paragraphs reordered, seeded), so that no cache
  of the cleaner sees the same line twice in a row;
* `corpus_scrapes`: the real page texts of tests/corpus (prose scrambled, structure real);
* `shared_pages`: the real pages of ../shared/html, split into those an outlet rule reads
  and those the generic path reads, as the cleaner routes them;
* `grown_fixture_pages`: tests/fixtures/html (one page per outlet rule, about 10 KiB)
  grown to the size of real pages with the furniture real pages carry: a mega menu,
  inline scripts and styles, ad slots, a "most read" rail, teaser lists, a footer.
Nothing is written into the project: files go to a temporary folder the caller owns.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

from kliping.cleaner import RawDoc, read_path  # noqa: E402
from kliping.cleaner.html import NotAnArticle  # noqa: E402
from kliping.cleaner.pipeline import explain, pick_rule  # noqa: E402


def seed_variants(count: int) -> list[tuple[str, str]]:
    """`count` (name, text) scrapes: the samples in turn, each copy with its digits
    redrawn and its paragraphs after the third shuffled (seeded: the same every run)."""
    seeds = [(p.stem, p.read_text("utf-8")) for p in sorted((ROOT / "samples").glob("*.txt"))]
    rng = random.Random(20)
    out = []
    for i in range(count):
        stem, text = seeds[i % len(seeds)]
        parts = text.split("\n\n")
        head, middle, tail = parts[:3], parts[3:-2], parts[-2:]
        rng.shuffle(middle)
        text = "\n\n".join(head + middle + tail)
        text = re.sub(r"\d", lambda m: str(rng.randrange(10)), text)
        out.append((f"{i:05d}-{stem}.txt", text))
    return out


def write_scrapes(scrapes: list[tuple[str, str]], folder: Path) -> Path:
    """Write (name, text) scrapes into `folder` as .txt files; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in scrapes:
        (folder / name).write_text(text, "utf-8")
    return folder


def corpus_scrapes() -> list[Path]:
    """The real page texts of tests/corpus."""
    return sorted((ROOT / "tests/corpus/text").glob("*.txt"))


def html_doc(path: Path, data: bytes | None = None) -> RawDoc:
    """A page as the HTML reader would hand it over, with the URL its JSON names."""
    meta = path.with_suffix(".json")
    url = json.loads(meta.read_text("utf-8")).get("url") if meta.exists() else None
    data = path.read_bytes() if data is None else data
    return RawDoc(source=str(path), data=data, text=data.decode("utf-8", "replace"),
                  content_type="text/html", url=url)


def shared_pages(rules) -> tuple[list[RawDoc], list[RawDoc]]:
    """The pages of ../shared/html ((outlet-rule pages, generic pages); empty lists when
    the folder is absent), routed by the cleaner's own rule choice."""
    folder = SHARED / "html"
    if not folder.is_dir():
        return [], []
    docs = [html_doc(p) for p in sorted(folder.glob("*.html")) if not p.name.endswith(".expected.html")]
    ruled = [d for d in docs if _rule_reading(d, rules) != "generic"]
    return ruled, [d for d in docs if d not in ruled]


def _rule_reading(doc: RawDoc, rules) -> str:
    """The id of the rule the cleaner reads a page with: its URL's, unless the page says
    otherwise (a blog host's page not in Indonesian is read by the generic rule)."""
    try:
        return explain(doc, rules).match.rule.id
    except NotAnArticle:
        return pick_rule(doc, rules).rule.id


#: The furniture a real Indonesian news page carries around its article, by kind.
_MENU = ["Nasional", "Regional", "Ekonomi", "Bisnis", "Keuangan", "Investasi", "Olahraga",
         "Otomotif", "Tekno", "Lifestyle", "Kesehatan", "Travel", "Hiburan", "Internasional",
         "Video", "Foto", "Infografis", "Kolom", "Opini", "Indeks"]
_TEASER = "Harga {0} Naik {1} Persen, Begini Kata Analis Soal Prospek Pekan Depan"


def _furniture(rng: random.Random, host: str) -> tuple[str, str]:
    """Markup put before and after a fixture page's article: (top, bottom)."""
    menu = "".join(
        f'<li class="menu-item"><a href="https://{host}/{m.lower()}">{m}</a><ul class="sub-menu">'
        + "".join(f'<li><a href="https://{host}/{m.lower()}/{k}">{m} {k}</a></li>' for k in range(12))
        + "</ul></li>" for m in _MENU)
    script = "<script>window.__STATE__=" + json.dumps(
        {"items": [{"id": rng.randrange(10**9), "title": _TEASER.format(m, rng.randrange(99)),
                    "url": f"https://{host}/read/{rng.randrange(10**9)}"} for m in _MENU * 8]}) + ";</script>"
    style = "<style>" + "".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i:06x}}}" for i in range(400)) + "</style>"
    ads = "".join(f'<div class="ads-slot" id="div-gpt-ad-{i}"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-{i}")}});</script></div>'
                  for i in range(8))
    rail = '<aside class="most-popular"><h3>Terpopuler</h3><ol>' + "".join(
        f'<li><a href="https://{host}/read/{rng.randrange(10**9)}">{_TEASER.format(m, rng.randrange(99))}</a>'
        f'<span class="date">{rng.randrange(1, 28)} Jan 2022</span></li>' for m in _MENU[:10]) + "</ol></aside>"
    teasers = '<section class="latest"><h3>Berita Terkini</h3>' + "".join(
        f'<div class="card"><img src="https://img.{host}/{rng.randrange(10**9)}.jpg" alt="{m}">'
        f'<h4><a href="https://{host}/read/{rng.randrange(10**9)}">{_TEASER.format(m, rng.randrange(99))}</a></h4></div>'
        for m in _MENU) + "</section>"
    footer = '<footer class="site-footer"><ul>' + "".join(
        f'<li><a href="https://{host}/{w}">{w.title()}</a></li>'
        for w in "tentang redaksi pedoman karir kontak privasi disclaimer iklan".split()) + \
        f"</ul><p>Copyright © 2022 {host}. All Rights Reserved.</p></footer>"
    top = f'{style}{script}<header><nav class="main-menu"><ul>{menu}</ul></nav></header>{ads}'
    return top, f"{rail}{teasers}{ads}{footer}{script}"


def grown_fixture_pages(target_kib: int = 110) -> list[RawDoc]:
    """The fixture pages of tests/fixtures/html, each grown to about `target_kib` KiB by
    wrapping its body in real pages' furniture (repeated until the size is reached)."""
    rng = random.Random(6)
    docs = []
    for path in sorted((ROOT / "tests/fixtures/html").glob("*.html")):
        html = path.read_text("utf-8")
        doc = html_doc(path)
        host = re.sub(r"^https?://([^/]+).*", r"\1", doc.url or "https://example.id/")
        top, bottom = _furniture(rng, host)
        while len(html.encode()) < target_kib * 1024:
            html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + top, html, count=1)
            html = html.replace("</body>", bottom + "</body>", 1)
        docs.append(html_doc(path, html.encode()))
    return docs


def text_doc(name: str, text: str) -> RawDoc:
    """A text scrape as the file reader would hand it over."""
    return RawDoc(source=name, data=text.encode(), text=text, content_type="text/plain", url=None)


def read_scrapes(paths: list[Path]) -> list[RawDoc]:
    return [read_path(p) for p in paths]
