"""The [html] sections of the outlet rules, on realistic saved pages.

Each `tests/fixtures/html/<outlet>-<slug>.html` is a whole page as a browser or crawler
saves it (doctype, head with og/JSON-LD metadata, menus, tickers, share bars, ad slots,
the article with its photo, caption and "Baca Juga" links, tags, related lists,
comments, footer), written by hand after the outlet's real markup. `<same stem>.json`
says what a careful reader expects: every Article field plus `body` (the paragraphs),
`must_not_contain` (furniture that must not reach title or text) and, for pages that are
the HTML of an article we also have as a text scrape, `text_twin` (that scrape's path).

Each page is cleaned twice: with its URL, as a crawler gives it, and without, when only
the page's own canonical link can pick the rule. A twin must give the same title and
dateline as its text scrape, and a body whose token F1 against the scrape's is ≥ 0.98.

Pages the cleaner gets wrong today are strict xfails in KNOWN_FAILURES with the cause; a
fix turns them into failures here until the entry is removed.
"""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from kliping.cleaner import RawDoc, clean, read_path
from kliping.cleaner.pipeline import explain
from kliping.cleaner.selectors import Selector, compile_selector

from conftest import known_failures_marked, norm

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "html"
OUTLETS = ("kontan", "inews", "tribunnews", "voi", "blogmirror")
#: A twin's body must overlap its text scrape's this much (token F1).
TWIN_F1 = 0.98

#: Page stem -> why the cleaner fails it today (and the fix proposed for it).
KNOWN_FAILURES: dict[str, str] = {}
#: Twin stem -> why the text scrape and the page disagree today.
KNOWN_TWIN_FAILURES: dict[str, str] = {}


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text).casefold())


def token_f1(a: str, b: str) -> float:
    """Bag-of-words F1 between two texts (1.0 when both are empty)."""
    ta, tb = collections.Counter(tokens(a)), collections.Counter(tokens(b))
    if not ta and not tb:
        return 1.0
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(tb.values()), common / sum(ta.values())
    return 2 * precision * recall / (precision + recall)


def stems() -> list[str]:
    return sorted(p.stem for p in PAGES.glob("*.html"))


def expectation(stem: str) -> dict:
    return json.loads((PAGES / f"{stem}.json").read_text("utf-8"))


def clean_page(stem: str, rules, with_url: bool = True) -> dict:
    """Clean a fixture page as a crawler hands it over: bytes, text, content type, URL."""
    path = PAGES / f"{stem}.html"
    data = path.read_bytes()
    url = expectation(stem)["url"] if with_url else None
    doc = RawDoc(source=str(path.relative_to(ROOT)), data=data, text=data.decode("utf-8"),
                 content_type="text/html", url=url)
    return clean(doc, rules).to_dict()


def paragraphs(text: str) -> list[str]:
    return [norm(p) for p in re.split(r"\n\s*\n", text) if norm(p)]


def differences(got: dict, want: dict) -> list[str]:
    """Say what differs between a cleaned page and its expectation."""
    problems: list[str] = []

    def check(key: str, expected, actual) -> None:
        if expected != actual:
            problems.append(f"{key}: expected {expected!r}, got {actual!r}")

    check("outlet", want["outlet"], got["outlet"])
    check("url", want["url"], got["url"])
    check("title", norm(want["title"]) or None, norm(got["title"]) or None)
    for key in ("published", "dateline", "editor", "language"):
        check(key, want[key], got[key])
    check("author", want["author"], got["author"])
    check("description", norm(want["description"]) or None, norm(got["description"]) or None)
    check("captions", [norm(c) for c in want["captions"]], [norm(c) for c in got["captions"]])
    # The page's related boxes are read before the text's "Baca Juga:" lines, so the
    # order of the two kinds is not compared; the titles are.
    check("related", sorted(norm(r) for r in want["related"]), sorted(norm(r) for r in got["related"]))

    body_want = [norm(p) for p in want["body"]]
    body_got = paragraphs(got["text"])
    if body_want != body_got:
        missing = [p[:70] for p in body_want if p not in body_got]
        extra = [p[:70] for p in body_got if p not in body_want]
        problems.append(f"body: {len(body_got)} paragraphs, expected {len(body_want)}; "
                        f"missing {missing}; extra {extra}")

    searchable = got["text"] + "\n" + (got["title"] or "")
    leaks = [m for m in want["must_not_contain"] if m in searchable]
    if leaks:
        problems.append(f"furniture left in title or text: {leaks}")
    if want["title"] and norm(want["title"]) in norm(got["text"]):
        problems.append("title repeated in text")
    return problems


@pytest.mark.parametrize("stem", known_failures_marked(stems(), KNOWN_FAILURES))
def test_page_with_its_url(stem, rules):
    problems = differences(clean_page(stem, rules), expectation(stem))
    assert not problems, f"{stem}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("stem", known_failures_marked(stems(), KNOWN_FAILURES))
def test_page_without_url_is_matched_by_its_canonical_link(stem, rules):
    """No URL from the crawler: the page's <link rel=canonical> (or og:url) picks the
    rule and becomes the article's URL; everything else comes out the same."""
    problems = differences(clean_page(stem, rules, with_url=False), expectation(stem))
    assert not problems, f"{stem} (no URL given):\n  " + "\n  ".join(problems)


def twins() -> list[str]:
    return [s for s in stems() if expectation(s).get("text_twin")]


@pytest.mark.parametrize("stem", known_failures_marked(twins(), KNOWN_TWIN_FAILURES))
def test_html_page_and_text_scrape_agree(stem, rules):
    want = expectation(stem)
    text = clean(read_path(ROOT / want["text_twin"]), rules).to_dict()
    page = clean_page(stem, rules)
    assert text["outlet"] == page["outlet"]
    assert norm(page["title"]) == norm(text["title"]) and page["title"]
    assert page["dateline"] == text["dateline"]
    f1 = token_f1(text["text"], page["text"])
    assert f1 >= TWIN_F1, f"{stem}: body token F1 {f1:.4f} < {TWIN_F1}"


def test_token_f1():
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "") == 1.0
    assert token_f1("a b", "c d") == 0.0
    assert round(token_f1("a b c d", "a b c"), 4) == round(2 * 1 * 0.75 / 1.75, 4)


def test_fixture_set():
    """Every page has its expectation; each outlet has two pages or more, ten in all,
    and three outlets or more have a text twin."""
    html = {p.stem for p in PAGES.glob("*.html")}
    assert html == {p.stem for p in PAGES.glob("*.json")}
    per_outlet = collections.Counter(expectation(s)["outlet"] for s in html)
    assert all(per_outlet[o] >= 2 for o in OUTLETS), per_outlet
    assert len(html) >= 10
    for stem in html:
        assert stem.startswith(expectation(stem)["outlet"] + "-"), stem
    twin_outlets = {expectation(s)["outlet"] for s in twins()}
    assert len(twin_outlets) >= 3, twin_outlets
    for stem in twins():
        assert (ROOT / expectation(stem)["text_twin"]).is_file(), stem


def test_known_failures_name_existing_pages():
    assert set(KNOWN_FAILURES) <= set(stems())
    assert set(KNOWN_TWIN_FAILURES) <= set(twins())


@pytest.mark.parametrize("outlet", OUTLETS)
def test_outlet_rule_has_html_selectors(outlet, rules):
    """Each outlet rule names its body, and every selector it gives compiles."""
    rule = rules[outlet]
    assert rule.own_html.get("body"), f"{outlet}.toml has no html.body selectors"
    section = rule.data.get("html", {})
    for key, sources in section.items():
        if key == "strip_id_or_class":
            assert all(w == w.lower() and len(w) >= 3 for w in sources), sources
            continue
        assert len(rule.own_html[key]) == len(sources)
        for source, selector in zip(sources, rule.own_html[key]):
            assert isinstance(selector, Selector) and selector.source == source
            compile_selector(source)


#: Rules whose [html] body selectors read their outlets' real pages (../shared/html): the
#: HTML cases of their [[tests]] are read by those selectors, not by trafilatura.
SELECTOR_READ = ("kompas", "liputan6", "okezone", "republika", "tempo", "viva", "detik", "mediaindonesia")


def html_cases(outlet: str, rules) -> list[dict]:
    return [c for c in rules[outlet].tests if c["input"].lstrip().lower().startswith("<!doctype html")]


def html_doc(html: str, url: str | None, source: str = "page.html") -> RawDoc:
    return RawDoc(source=source, data=html.encode(), text=html, content_type="text/html", url=url)


@pytest.mark.parametrize("outlet", SELECTOR_READ)
def test_html_cases_are_read_by_the_rules_selectors(outlet, rules):
    """The small pages of the rule's [[tests]] (its layouts, photo pages among them) are
    read by its body selectors: trafilatura reads most of them right too, so the cases
    alone would not show which of the two read them."""
    cases = html_cases(outlet, rules)
    assert cases, f"{outlet}.toml has no HTML test case"
    for case in cases:
        explained = explain(html_doc(case["input"], case.get("url"), case["name"]), rules)
        assert explained.match.rule.id == outlet
        assert explained.page.by_selectors, f"{outlet}: {case['name']!r} was read by trafilatura"


def _liputan6_page(text_box: str) -> RawDoc:
    """A Liputan6 read page: its gallery's photos with captions above the text's box."""
    captions = ("Warga menanam bibit pohon di lereng bukit yang gundul setelah kebakaran hutan musim lalu.",
                "Relawan dari kota membawa ratusan bibit mahoni dan trembesi dengan truk bak terbuka.",
                "Anak-anak sekolah ikut menyiram bibit yang baru ditanam di sepanjang jalan setapak.")
    figures = "".join(
        f'<figure class="read-page--photo-gallery--item"><img data-src="https://cdn.example.id/{i}.jpg">'
        f'<figcaption class="read-page--photo-gallery--item__caption">{caption} (REUTERS / Nama Fotografer)'
        f'</figcaption></figure>' for i, caption in enumerate(captions, 1))
    html = (f'<!DOCTYPE html><html lang="id"><head><title>Warga Menanam Pohon di Lereng Bukit</title></head>'
            f'<body class="articles show"><article class="hentry main"><h1 class="read-page--header__title">'
            f'Warga Menanam Pohon di Lereng Bukit</h1><div class="read-page--photo-gallery">{figures}</div>'
            f'<div class="read-page--content"><div class="read-page__content-body">{text_box}</div></div>'
            f'</article></body></html>')
    return html_doc(html, "https://photo.liputan6.com/news/warga-menanam-pohon-2437247", "liputan6-page.html")


def test_an_empty_text_box_is_no_match(rules):
    """A body selector finding only an empty box (a photo page's text box under its
    gallery) counts as finding nothing: the next selector is tried (the gallery's), and
    with none left trafilatura reads the page at once, not every other reading in turn."""
    from kliping.cleaner.html.body import rule_body
    from kliping.cleaner.html.page import parse_page

    explained = explain(_liputan6_page('<div id="multi-page-0">  </div>'), rules)
    assert explained.page.by_selectors
    assert [p[:20] for p in explained.ext.paragraphs] == ["Warga menanam bibit ", "Relawan dari kota me", "Anak-anak sekolah ik"]
    lead = ("Pemerintah desa membuka pasar murah setiap Sabtu pagi di balai desa, menjual beras, "
            "minyak goreng dan gula dengan harga di bawah harga pasar bagi warga yang terdaftar.")
    page = (f'<!DOCTYPE html><html lang="id"><head><title>Pasar Murah Dibuka di Balai Desa</title></head><body>'
            f'<h1>Pasar Murah Dibuka di Balai Desa</h1><div id="contentx" class="read"> </div>'
            f'<div class="isi"><p>{lead}</p><p>Warga menyambut baik pasar itu, yang menurut mereka sangat '
            f'membantu menjelang bulan puasa ketika harga bahan pokok biasanya naik.</p></div></body></html>')
    assert rule_body(parse_page(page), rules["okezone"]) is None
    explained = explain(html_doc(page, "https://news.okezone.com/read/2024/03/01/1/1/pasar-murah"), rules)
    assert not explained.page.by_selectors
    assert explained.ext.paragraphs[0] == lead


def test_figures_above_the_text_box_are_the_articles_images(rules):
    """The rule's text box holds no figure, the photos stand above it in the <article>:
    those are the article's images (with their captions), as without a body selector."""
    box = ('<div id="multi-page-0"><p><b>Liputan6.com, Jakarta</b> - Ratusan warga menanam bibit pohon di '
           'lereng bukit yang gundul sejak kebakaran hutan musim lalu, dibantu relawan dari kota.</p>'
           '<p>Mereka berharap lereng itu kembali hijau dalam lima tahun dan longsor tidak lagi mengancam '
           'rumah-rumah di kaki bukit saat musim hujan tiba.</p></div>')
    page = clean(_liputan6_page(box), rules).to_dict()
    assert [i["url"] for i in page["images"]] == [f"https://cdn.example.id/{i}.jpg" for i in (1, 2, 3)]
    assert page["images"][1]["caption"].startswith("Relawan dari kota membawa ratusan bibit")
    assert page["text"].startswith("Ratusan warga menanam bibit pohon")
    assert "Relawan dari kota" not in page["text"]
