"""The page's own details (issue 19 item 9): modified, section, tags, site name, top
image and the body's images with captions, on the shared real pages and on hostile
ones; every key always in the output, in CONTRACT_KEYS order."""
import json

import pytest

from kliping.cleaner import CONTRACT_KEYS, Article, clean_text
from kliping.cleaner.article import Image
from kliping.cleaner.html.details import MAX_IMAGES, web_url
from kliping.cleaner.text.patterns import MAX_TAGS

NEW_KEYS = ("modified", "section", "tags", "site_name", "image", "images")
BODY = """<p>KUDUS - Banjir merendam ratusan rumah warga di Kecamatan Jati, Kabupaten Kudus, Jumat
(31/12/2021), setelah hujan deras mengguyur sejak malam hari.</p>
<p>Sebagian warga memilih mengungsi ke balai desa karena air masuk ke dalam rumah setinggi
lutut orang dewasa, kata kepala desa setempat kepada wartawan.</p>
<p>Petugas BPBD mendirikan dapur umum dan membagikan makanan kepada para pengungsi sejak
pagi hari, sementara relawan membantu mengevakuasi warga lanjut usia.</p>"""
URL = "https://www.beritakota.example/read/2021/12/31/123456/banjir-rendam-kudus"


def page(head: str = "", body: str = "") -> str:
    return (f"<!doctype html><html lang=id><head><title>Banjir Rendam Ratusan Rumah di Kudus</title>{head}"
            f"</head><body><article><h1>Banjir Rendam Ratusan Rumah di Kudus</h1>{BODY}{body}</article>"
            "</body></html>")


def clean_page(rules, head: str = "", body: str = "", url: str | None = URL) -> Article:
    return clean_text(page(head, body), source="p.html", url=url, rules=rules, content_type="text/html")


def test_every_key_present_and_ordered_for_a_text_scrape(rules):
    art = clean_text("Judul Berita Hari Ini\n\nJAKARTA - Isi berita yang cukup panjang untuk "
                     "menjadi satu paragraf berita yang utuh dan bisa dibaca.\n", rules=rules)
    d = art.to_dict()
    assert tuple(d) == CONTRACT_KEYS
    assert {k: d[k] for k in NEW_KEYS} == {"modified": None, "section": None, "tags": [],
                                          "site_name": None, "image": None, "images": []}


def test_contract_round_trip_keeps_images_and_tags():
    art = Article(source="s", outlet="o", paragraphs=("p",), tags=("a", "b"), section="Nasional",
                  images=(Image("https://x.example/a.jpg", "Foto: A"), Image("https://x.example/b.jpg")))
    d = json.loads(json.dumps(art.to_dict()))
    assert d["images"] == [{"url": "https://x.example/a.jpg", "caption": "Foto: A"},
                           {"url": "https://x.example/b.jpg", "caption": None}]
    assert Article.from_dict(d).to_dict() == art.to_dict()


def test_meta_and_json_ld_details(rules):
    head = """<meta property="og:site_name" content="Berita Kota">
<meta property="og:image" content="/foto/2021/banjir.jpg">
<meta property="article:section" content="Regional">
<meta property="article:modified_time" content="2021-12-31T08:15:00Z">
<meta property="article:tag" content="banjir"><meta property="article:tag" content="Kudus">
<meta name="keywords" content="ignored, because, article tags win">"""
    art = clean_page(rules, head)
    assert art.site_name == "Berita Kota"
    assert art.image == "https://www.beritakota.example/foto/2021/banjir.jpg"  # resolved
    assert art.section == "Regional"
    assert art.modified == "2021-12-31T15:15:00+07:00"  # UTC given, shown in WIB like published
    assert art.tags == ("banjir", "Kudus")


def test_json_ld_when_no_meta(rules):
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
          "keywords": ["banjir", "Kudus", "banjir"], "articleSection": ["Daerah", "Jateng"],
          "dateModified": "2021-12-31 16:00", "image": {"@type": "ImageObject", "url": "//cdn.example/b.jpg"},
          "publisher": {"@type": "Organization", "name": "Berita Kota Grup"}}]}
    art = clean_page(rules, f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert art.tags == ("banjir", "Kudus")
    assert art.section == "Daerah"
    assert art.modified == "2021-12-31T16:00:00+07:00"
    assert art.image == "https://cdn.example/b.jpg"
    assert art.site_name == "Berita Kota Grup"


def test_figures_with_captions_lazy_sources_and_teasers(rules):
    body = """<figure><img src="/assets/blank.png" data-src="/foto/1.jpg" alt="x">
<figcaption>Warga mengungsi ke balai desa. (FOTO: ANTARA)</figcaption></figure>
<figure><img src="https://cdn.example/2.jpg"></figure>
<figure><a href="/read/lain"><img src="https://cdn.example/teaser.jpg"></a></figure>
<figure><img src="javascript:alert(1)"><figcaption>bad</figcaption></figure>
<figure><img src="data:image/png;base64,AAAA"><figcaption>inline</figcaption></figure>"""
    art = clean_page(rules, body=body)
    assert art.images == (Image("https://www.beritakota.example/foto/1.jpg",
                                "Warga mengungsi ke balai desa. (FOTO: ANTARA)"),
                          Image("https://cdn.example/2.jpg", None))
    assert art.image == "https://www.beritakota.example/foto/1.jpg"  # no og:image: the first figure


def test_hostile_pages_are_bounded_and_refused(rules):
    keywords = ", ".join(f"kata{i}" for i in range(50_000))
    figures = "".join(f'<figure><img src="/f/{i}.jpg"><figcaption>Foto {i}</figcaption></figure>'
                      for i in range(2_000))
    head = f"""<meta property="og:image" content="javascript:alert(document.cookie)">
<meta name="twitter:image" content="  ">
<meta name="keywords" content="{keywords}">
<meta property="article:section" content="{'x' * 5000}">
<meta property="article:modified_time" content="tomorrow">"""
    art = clean_page(rules, head, figures)
    assert len(art.tags) == MAX_TAGS and art.tags[0] == "kata0"
    assert len(art.images) == MAX_IMAGES
    assert art.image == "https://www.beritakota.example/f/0.jpg"  # javascript: refused, figure used
    assert art.section is None and art.modified is None
    line = json.dumps(art.to_dict())
    assert "javascript:" not in line


def test_relative_urls_without_a_page_url_are_refused(rules):
    art = clean_page(rules, '<meta property="og:image" content="/foto/a.jpg">', url=None)
    assert art.image is None


@pytest.mark.parametrize("value, expected", [
    ("/a.jpg", "https://www.beritakota.example/a.jpg"),
    ("b.jpg", "https://www.beritakota.example/read/2021/12/31/123456/b.jpg"),
    ("//cdn.example/c.jpg", "https://cdn.example/c.jpg"),
    ("JavaScript:alert(1)", None), ("data:image/gif;base64,R0lG", None), ("vbscript:x", None),
    ("http://[::1", None), ("https://x.example/a b.jpg", None), ("ftp://x.example/a.jpg", None),
    ("https://x.example/a\x1b[31m.jpg", None), ("https://x.example/a\x9b2J.jpg", None),
    ("https://x.example/" + "a" * 3000, None), ("", None), (None, None), (["x"], None),
])
def test_web_url(value, expected):
    assert web_url(value, URL) == expected


def test_text_scrape_tags_line_is_bounded(rules):
    tags = ", ".join(f"topik{i}" for i in range(200))
    art = clean_text("Judul Berita Hari Ini\n\nJAKARTA - Isi berita yang cukup panjang untuk "
                     f"menjadi satu paragraf berita yang utuh dan bisa dibaca.\n\nTags: {tags}\n", rules=rules)
    assert len(art.tags) == MAX_TAGS and art.tags[:2] == ("topik0", "topik1")
    assert "topik" not in art.text


def _shared_page(shared, rules, stem: str) -> Article:
    path = shared / "html" / f"{stem}.html"
    return clean_text(path.read_text(encoding="utf-8"), source=str(path), rules=rules, content_type="text/html")


def test_liputan6_gallery_page(shared, rules):
    art = _shared_page(shared, rules, "liputan6-03")
    assert art.section == "Photo"
    assert art.site_name == "liputan6.com"
    assert art.modified == "2016-02-16T11:23:10+07:00"
    assert "Taylor Swift" in art.tags and "Selena Gomez" in art.tags
    assert len(art.images) == 5  # the gallery's five photos, not the menus' thumbnails
    assert all(image.url.startswith("http://cdn") and image.url.endswith(".jpg") for image in art.images)
    assert art.images[0].caption.startswith("Penyanyi Taylor Swift (kanan) memeluk Selena Gomez")


def test_real_pages_details(shared, rules):
    detik = _shared_page(shared, rules, "detik-03")
    assert detik.tags == ("stroke", "kardiovaskular", "penyakit", "kamar mandi")
    assert detik.site_name == "detikHealth"
    assert detik.modified == "2023-11-02T20:59:53+07:00"
    antara = _shared_page(shared, rules, "antara-05")
    assert (antara.section, antara.site_name) == ("Indonesia", "Antara News")
    mi = _shared_page(shared, rules, "mediaindonesia-01")
    assert [image.caption for image in mi.images] == ["Kondisi Tambang di Raja Ampat(Auriga Nusantara)"]
    assert mi.image == mi.images[0].url


def test_all_shared_pages_keep_the_contract(shared, rules):
    from kliping.cleaner import NotAnArticle

    seen = 0
    for path in sorted((shared / "html").glob("*.html")):
        try:
            d = clean_text(path.read_text(encoding="utf-8"), source=str(path), rules=rules,
                           content_type="text/html").to_dict()
        except NotAnArticle:
            continue
        seen += 1
        assert tuple(d) == CONTRACT_KEYS
        assert len(d["tags"]) <= MAX_TAGS and len(d["images"]) <= MAX_IMAGES
        for url in [d["image"]] + [i["url"] for i in d["images"]]:
            assert url is None or url.startswith(("http://", "https://"))
    assert seen >= 30


def test_rule_selectors_win_over_the_page_meta(tmp_path):
    from kliping.cleaner import load_rules

    (tmp_path / "beritakota.toml").write_text('''name = "Berita Kota"
hosts = ["beritakota.example"]
[html]
tags = [".tag-box a"]
section = [".kanal"]
''', encoding="utf-8")
    rules = load_rules([str(tmp_path)])
    head = '<meta property="article:tag" content="meta tag"><meta property="article:section" content="Meta">'
    body = '<div class="kanal">Regional</div><div class="tag-box"><a href="/t/1">banjir</a> <a href="/t/2">Kudus</a></div>'
    art = clean_page(rules, head, body)
    assert art.outlet == "beritakota"
    assert (art.section, art.tags) == ("Regional", ("banjir", "Kudus"))


def test_keywords_that_are_a_sentence_cut_into_words_are_no_tags(rules):
    cut = '<meta name="keywords" content="banjir, di, kudus, dan, pati">'
    assert clean_page(rules, cut).tags == ()
    spelled = ('<meta name="description" content="Gelar sebuah pesta? Sah-sah aja sih, tapi jangan.">'
               '<meta name="keywords" content="gelar, sebuah, pesta, sah-sah, aja">')
    assert clean_page(rules, spelled).tags == ()
    kept = '<meta name="description" content="Banjir di Kudus."><meta name="keywords" content="banjir, Kudus, BPBD">'
    assert clean_page(rules, kept).tags == ("banjir", "Kudus", "BPBD")


def test_real_pages_whose_keywords_are_prose(shared, rules):
    for stem in ("kapanlagi-01", "kapanlagi-03", "tempo-en-01"):
        assert _shared_page(shared, rules, stem).tags == (), stem
    assert _shared_page(shared, rules, "republika-02").tags == ("pejabat ma", "kpk", "operasi tangkap tangan")
