"""Pages from the open web (issue 17): hosts without a rule, in many languages.

Each case is a small hand-made page reproducing what went wrong on a real one; where the
real page is in trafilatura's evaluation set (bench/openweb_bench.py --fill-cache puts it
in the cache folder), a second test cleans that page too, and is skipped when the cache
is empty.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kliping.cleaner import NotAnArticle, clean_text, load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import openweb_bench  # noqa: E402

RULES = load_rules()
_PARAGRAPHS = [
    "The city council voted on Tuesday to extend the opening hours of the public library.",
    "Council members said the longer hours would help students who work during the day.",
    "The change takes effect next month and will be reviewed after a year, the mayor said.",
    "Librarians welcomed the decision but asked for two more staff members to cover evenings.",
]


def page(body: str, head: str = "", lang: str = "en") -> str:
    """A whole HTML page around `body`."""
    return f"<!DOCTYPE html><html lang='{lang}'><head><title>Library hours</title>{head}</head><body>{body}</body></html>"


def cached_page(file_name: str) -> tuple[str, dict]:
    """A page of trafilatura's evaluation set from the cache, and its expectations; skip
    the test when the cache is empty."""
    cache = openweb_bench.cache_dir()
    if not (cache / "evaldata.json").is_file():
        pytest.skip("trafilatura's evaluation set is not in the cache (bench/openweb_bench.py --fill-cache)")
    data = json.loads((cache / "evaldata.json").read_text(encoding="utf-8"))
    item = next(v for v in data.values() if v["file"] == file_name)
    path = next(p for p in (cache / "cache" / file_name, cache / "eval" / file_name) if p.is_file())
    from kliping.cleaner.inputs import read_bytes
    return read_bytes(path.read_bytes(), file_name).text, item


def found(text: str | None, snippets: list[str]) -> int:
    """How many of `snippets` the text holds, compared as the evaluation compares them."""
    out = openweb_bench.norm(text or "")
    return sum(openweb_bench.norm(s) in out for s in snippets)


# --- generator routing ------------------------------------------------------------------

def test_wordpress_generator_alone_does_not_make_a_blog_mirror():
    """An English WordPress magazine: its generator says WordPress, nothing says it copies
    Indonesian news, so it is read by the generic path and its whole text comes out."""
    body = ("<div class='sidebar'><div class='entry-content'><p>Subscribe to our newsletter.</p></div></div>"
            "<article class='post hentry'><h1 class='entry-title'>Library hours</h1>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</div></article>")
    art = clean_text(page(body, "<meta name='generator' content='WordPress 6.1.1'>"), "wp.html",
                     rules=RULES, content_type="text/html")
    assert art.outlet == "generic"
    assert all(p in art.text for p in _PARAGRAPHS)
    assert "newsletter" not in art.text


def test_wordpress_generator_on_an_indonesian_page_is_a_blog_mirror():
    """The same markup holding an Indonesian news copy still goes to blogmirror."""
    paras = ["JAKARTA - Presiden meminta para menteri untuk segera menyelesaikan program yang sudah direncanakan.",
             "Menurut dia, program itu akan dibahas dalam rapat kabinet pada pekan depan di Istana.",
             "Para menteri diminta untuk tidak membuat kebijakan yang tidak sejalan dengan program itu."]
    body = ("<article class='post hentry'><h1 class='entry-title'>Presiden Minta Menteri Kerja Cepat</h1>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></article>")
    art = clean_text(page(body, "<meta name='generator' content='WordPress 6.1.1'>", lang="en-US"), "wp.html",
                     rules=RULES, content_type="text/html")
    assert art.outlet == "blogmirror"
    assert "Menurut dia, program itu" in art.text


def test_a_blog_copy_under_a_long_menu_still_reads_indonesian():
    """A Blogger copy of Indonesian news whose template prints a long English menu and
    archive list above the post (more text than the post): its language is its prose's,
    so its host still sends it to blogmirror."""
    paras = ["JAKARTA - Presiden meminta para menteri untuk segera menyelesaikan program yang sudah direncanakan.",
             "Menurut dia, program itu akan dibahas dalam rapat kabinet pada pekan depan di Istana.",
             "Para menteri diminta untuk tidak membuat kebijakan yang tidak sejalan dengan program itu."]
    menu = "".join(f"<li><a href='/p/{i}'>Home News Sports Music Archive Page {i}</a></li>" for i in range(600))
    body = (f"<div class='sidebar'><ul>{menu}</ul></div>"
            "<div class='post hentry'><h3 class='post-title'>Presiden Minta Menteri Kerja Cepat</h3>"
            "<div class='post-body'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></div>")
    art = clean_text(page(body, lang="en-US"), "blog.html", url="https://kabarjakarta.blogspot.com/2022/01/presiden.html",
                     rules=RULES, content_type="text/html")
    assert art.outlet == "blogmirror"
    assert "Menurut dia, program itu" in art.text


@pytest.mark.parametrize("file_name", ["cleanthinking.de.oranger-wasserstoff.html", "fifplay.com.settings.html"])
def test_real_blogs_on_wordpress_and_blogger_are_read(file_name):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert art.outlet == "generic"
    assert found(art.text, item["with"]) >= 2


# --- other readings when the first gives too little -------------------------------------

def test_furniture_left_open_around_the_page_keeps_the_article():
    """A <nav> never closed wraps the whole page (fifplay.com): stripping it as furniture
    would take the article with it."""
    body = ("<nav class='navbar'><a href='/'>Home</a><a href='/news'>News</a>"
            "<article><h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>")
    art = clean_text(page(body), "nav.html", rules=RULES, content_type="text/html")
    assert all(p in art.text for p in _PARAGRAPHS)


def test_a_noscript_left_open_around_the_page_keeps_the_article():
    """parcoabruzzo.it opens its body with "<noscript><div id=...></noscript>": the
    parser leaves the <noscript> open around the whole page, which stripping it as
    script would take away. A <noscript> holding the page's prose is read."""
    html = page("<noscript><div id='nojava'></noscript><div id='main'><div class='menu'><a href='/'>Home</a></div>"
                "<h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</div>")
    art = clean_text(html, "noscript.html", url="https://example.org/news/2020/library", rules=RULES,
                     content_type="text/html")
    assert all(p in art.text for p in _PARAGRAPHS)


def test_a_noscript_notice_is_still_left_out():
    html = page("<noscript><p>Please enable JavaScript to use all the functions of this site.</p></noscript>"
                "<article><h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>")
    art = clean_text(html, "notice.html", url="https://example.org/news/2020/library", rules=RULES,
                     content_type="text/html")
    assert "JavaScript" not in art.text and _PARAGRAPHS[0] in art.text


def test_a_short_first_reading_is_read_again_in_the_other_ways():
    """The article's paragraphs are mostly links (a glossary page): the precise reading
    prunes them as a link list and keeps only a short notice; trafilatura's default
    reading of the page as it is finds them."""
    notice = "<div class='notice'><p>Reprinted with permission.</p></div>"
    paras = "".join(f"<p>{' '.join(p.split()[:2])} <a href='/x{i}'>{' '.join(p.split()[2:])}</a></p>"
                    for i, p in enumerate(_PARAGRAPHS))
    html = page(notice + "<div class='story'>" + paras + "</div>")
    art = clean_text(html, "short.html", rules=RULES, content_type="text/html")
    assert all(p in art.text for p in _PARAGRAPHS)


def test_prose_the_precise_reading_leaves_out_is_read():
    """A blog post (1337kultur.de, villacc.de) writes a paragraph straight into a <div>,
    not a <p>: trafilatura's precise reading leaves it out, its default reading keeps
    it. The default reading is taken when what it adds is prose, not links."""
    extra = ("The reading room will also stay open on Sunday afternoons from the first of May, and "
             "its café will sell coffee until nine in the evening.")
    body = ("<article><h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:2])
            + f"<div>{extra}</div>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[2:]) + "</article>")
    art = clean_text(page(body), "div.html", url="https://example.org/2022/01/library", rules=RULES,
                     content_type="text/html")
    assert extra in art.text
    assert all(p in art.text for p in _PARAGRAPHS)


def test_links_the_default_reading_adds_are_no_reason_to_take_it():
    """What decides is prose outside links: sentences that are the page's link texts (a
    list of other posts) do not count, nor do short lines."""
    from kliping.cleaner.html.body import _adds_prose
    precise = "\n".join(_PARAGRAPHS)
    teasers = [f"Another post about the library and the city council's plans, number {i}." for i in range(1, 4)]
    fuller = "\n".join(_PARAGRAPHS[:2] + teasers + _PARAGRAPHS[2:])
    assert _adds_prose(precise, fuller, set())
    assert not _adds_prose(precise, fuller, set(teasers))
    assert not _adds_prose(precise, precise + "\nShare\nPrint\nTags: library, council", set())


def test_another_box_or_a_dated_list_read_further_is_not_taken():
    """The default reading may read another box than the article (okezone-02: the
    teasers of other stories, each a sentence) or run on into a list of dated links
    (detik-01): neither is the article read further."""
    from kliping.cleaner.html.body import _adds_prose
    precise = "\n".join(_PARAGRAPHS)
    teasers = [f"A singer said on Friday that she will release her new album, number {i}, next month." for i in range(6)]
    assert not _adds_prose(precise, "\n".join(teasers), set())
    dated = []
    for i in range(1, 7):
        dated += [f"Monday, 0{i}/11/2015 10:08", f"Another story about the city, number {i}"]
    fuller = "\n".join(_PARAGRAPHS + dated + teasers[:2])
    assert not _adds_prose(precise, fuller, {d for d in dated if d.startswith("Another")})


def test_prose_around_the_precise_blocks_is_put_back():
    """The precise reading keeps the article's paragraphs but may leave out the standfirst
    under the headline (lastampa.it, wochenblatt.com) and a plain paragraph or a question
    heading between two paragraphs (slf.ch, impulse.de): the default reading's prose
    around and between the precise blocks is put back, in its place; its headline and
    labels are not."""
    from kliping.cleaner.html.body import _with_left_out_prose
    standfirst = ("Rain, storms and snow are expected today in the centre and the south, while the "
                  "north keeps its high temperatures and the good weather returns within hours")
    question = "Who decides how long the library stays open?"
    precise = "\n".join(_PARAGRAPHS)
    fuller = "\n".join(["Library hours", standfirst] + _PARAGRAPHS[:2] + [question] + _PARAGRAPHS[2:]
                       + ["Share this article", "More stories from the city."])
    assert _with_left_out_prose(precise, fuller, set()).split("\n") == (
        [standfirst] + _PARAGRAPHS[:2] + [question] + _PARAGRAPHS[2:])


def test_a_teaser_box_between_the_precise_blocks_is_not_put_back():
    """mediaindonesia-01: another story's teaser between two paragraphs (in its own list
    item, under its linked headline and its date) is no part of the article; a paragraph
    written straight into the article's box is."""
    import functools

    from kliping.cleaner.html.body import _beside, _text_node_finder, _with_left_out_prose
    from kliping.cleaner.html.page import parse_page
    teaser = "The state must keep investment and nature in balance, the expert said."
    plain = "The reading room will also stay open on Sunday afternoons from the first of May."
    html = page("<div class='story'>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:2])
                + f"<ul class='more'><li><h3><a href='/x'>Another story</a></h3><span>11/6/2025 10:54</span><p>{teaser}</p></li></ul>"
                + f"<div>{plain}</div>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[2:]) + "</div>")
    root = parse_page(html)
    precise = "\n".join(_PARAGRAPHS)
    fuller = "\n".join(_PARAGRAPHS[:2] + [teaser, plain] + _PARAGRAPHS[2:])
    assert _with_left_out_prose(precise, fuller, set(), functools.partial(_beside, _text_node_finder(root))).split("\n") == (
        _PARAGRAPHS[:2] + [plain] + _PARAGRAPHS[2:])


def test_another_box_read_by_the_default_reading_adds_nothing():
    """When the default reading reads another box (other stories' teasers), the precise
    reading stays as it is: nothing around or between its blocks is the article's."""
    from kliping.cleaner.html.body import _with_left_out_prose
    precise = "\n".join(_PARAGRAPHS)
    teasers = [f"A singer said on Friday that she will release her new album, number {i}, next month." for i in range(6)]
    assert _with_left_out_prose(precise, "\n".join(teasers[:3] + _PARAGRAPHS[:1] + teasers[3:]), set()) == precise
    assert _with_left_out_prose(precise, "", set()) == precise


@pytest.mark.parametrize("file_name,standfirst", [
    ("lastampa.it.temperature.html", "Il bel tempo tornerà in poche ore"),
    ("wochenblatt.com-Heinen-Essen.html", "In einem ersten Gespräch zeigte sich die NRW-Landwirtschaftsministerin"),
])
def test_the_standfirst_of_a_real_page_is_text(file_name, standfirst):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert standfirst in art.text and found(art.text, item["with"]) == len(item["with"])
    assert found(art.text, item["without"]) == 0


def test_a_label_and_colon_under_the_first_paragraphs_is_no_dateline():
    """zfk.de: 'Zum Vergleich: Es gab …' in the middle of the text reads like Metro TV's
    'Jakarta: ' dateline; paragraphs stand above it, so the text starts there, and
    nothing above the sentence is dropped as the header. (A caption's one short sentence
    over a dateline lead, kompas-04, still goes.)"""
    later = ("Zum Vergleich: Es gab bei den Wärmeerzeugern mit Öl einen Zuwachs von 18 Prozent und bei "
             "den holzbasierten Bio-Heizsystemen von 21 Prozent im selben Zeitraum.")
    paras = ["Trotz schwieriger Lieferketten und branchenweiter Materialknappheit verzeichnet die "
             "Heizungsindustrie bis zum dritten Quartal 2022 einen deutlichen Zuwachs beim Absatz von "
             "Wärmeerzeugern in Deutschland.",
             "Den größten Absatz im Wärmemarkt konnte die Heizungsindustrie im Bereich der "
             "Wärmepumpen-Heizsysteme verzeichnen, wie der Verband am Montag mitteilte."]
    html = page("<article><h1>Wärmepumpen boomen</h1>" + "".join(f"<p>{p}</p>" for p in paras)
                + f"<h2>Gas rückläufig, aber immer noch dominierend</h2><p>{later}</p>"
                + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>", lang="de")
    art = clean_text(html, "zfk.html", url="https://www.zfk.de/energie/waerme/waermepumpen-boomen", rules=RULES,
                     content_type="text/html")
    assert all(p in art.text for p in paras) and later in art.text
    assert art.dateline is None


# --- what the page is, not the shape of its URL -----------------------------------------

def test_a_blog_post_at_a_one_segment_slug_is_an_article():
    """`/about-bugs` has no digits and one segment, as a section front's path has; the
    page holds an article's prose, so it is one."""
    html = page("<article><h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS * 2) + "</article>")
    art = clean_text(html, "slug.html", url="https://blog.example.org/about-bugs", rules=RULES,
                     content_type="text/html")
    assert _PARAGRAPHS[0] in art.text


def test_prose_followed_by_a_numbered_list_is_an_article():
    """Two paragraphs, then the twelve products the article lists: not a list of headlines."""
    items = "".join(f"<li>{i}. Reading lamp model {i}</li>" for i in range(1, 13))
    html = page("<div class='post'>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:3]) + f"<ol>{items}</ol></div>")
    art = clean_text(html, "list.html", url="https://shop.example.org/2020/lamps", rules=RULES,
                     content_type="text/html")
    assert _PARAGRAPHS[0] in art.text and "Reading lamp model 12" in art.text


def test_japanese_paragraphs_are_prose():
    """Japanese is written without spaces: every paragraph is "one word" long; its
    sentences end in 。 and its prose is counted in characters."""
    paras = ["東京都は火曜日、市立図書館の開館時間を来月から延長すると発表した。",
             "平日の閉館時間は午後八時から午後十時に変わり、学生や働く人たちが利用しやすくなる。",
             "市長は記者会見で、一年後に利用状況を調べて見直すと述べた。",
             "図書館の職員はこの決定を歓迎したが、夜間の人手を増やすよう求めている。",
             "新しい開館時間は来月一日から始まり、休館日はこれまで通り月曜日となる。"]
    html = page("<div class='honbun'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>", lang="ja")
    art = clean_text(html, "ja.html", url="https://example.jp/news", rules=RULES, content_type="text/html")
    assert all(p in art.text for p in paras)


def test_a_front_page_of_linked_teasers_is_still_refused():
    """A section front whose every block is a link to a story, even sentence-long ones,
    and that calls itself a website: refused."""
    teasers = "".join(f"<div class='teaser'><h2><a href='/2024/{i}/story'>Story number {i} about the city "
                      f"council and its plans for the public library this year.</a></h2></div>" for i in range(20))
    html = page(teasers, "<meta property='og:type' content='website'>")
    with pytest.raises(NotAnArticle):
        clean_text(html, "front.html", url="https://news.example.org/city", rules=RULES, content_type="text/html")


@pytest.mark.parametrize("file_name", ["mediaarchitecture.de.weber.html", "fouryears.eu.interning.html",
                                       "wir-empfehlen.info.3289.html"])
def test_real_articles_once_refused_are_read(file_name):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert found(art.text, item["with"]) >= 1


# --- the text begins at its first paragraph, not its first full stop ---------------------

def test_a_paragraph_ending_in_a_colon_opens_the_text():
    """The first paragraph introduces a list and ends with a colon (bmfsfj.de): it is
    text, not furniture between the headline and the first full stop."""
    intro = ("On the first of January the city took over the chair of the regional library network "
             "from its neighbour and set out the five priorities of its year in office as follows:")
    items = ["a library card for every child,", "longer opening hours,", "a mobile library for the villages."]
    html = page("<article><h1>Library hours</h1><p>" + intro + "</p><ul>" + "".join(f"<li>{i}</li>" for i in items)
                + "</ul>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>")
    art = clean_text(html, "colon.html", url="https://example.org/2022/01/library", rules=RULES,
                     content_type="text/html")
    assert art.text.startswith(intro)
    assert all(i in art.text for i in items)


def test_real_page_with_its_first_paragraph_ending_in_a_colon():
    text, item = cached_page("bmfsfj.de-praesidentschaft.html")
    art = clean_text(text, "bmfsfj.html", rules=RULES, content_type="text/html")
    assert found(art.text, ["Am 1. Januar hat Deutschland turnusgemäß", "ein starkes Miteinander."]) == 2


# --- tables the article prints ------------------------------------------------------------

def test_a_table_of_data_is_text_a_byline_table_is_not():
    """The article's table of opening hours is part of it (trafilatura's evaluation
    expects tables); a two-row table holding the byline is a layout box."""
    rows = [("Monday", "closed"), ("Tuesday to Friday", "9:00 to 22:00"), ("Saturday", "10:00 to 18:00"),
            ("Sunday", "12:00 to 17:00")]
    table = "<table>" + "".join(f"<tr><td>{d}</td><td>{h}</td></tr>" for d, h in rows) + "</table>"
    byline = "<table><tr><td>Writer</td><td>: Ana Putri</td></tr><tr><td>Editor</td><td>: Budi Santoso</td></tr></table>"
    html = page("<article><h1>Library hours</h1>" + byline + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
                + table + "</article>")
    art = clean_text(html, "table.html", url="https://example.org/2022/01/library", rules=RULES,
                     content_type="text/html")
    assert "Tuesday to Friday" in art.text and "9:00 to 22:00" in art.text
    assert "Budi Santoso" not in art.text


# --- blog mirrors: the whole main post --------------------------------------------------

_ID_PARAS = ["JAKARTA - Presiden meminta para menteri untuk segera menyelesaikan program yang sudah direncanakan.",
             "Menurut dia, program itu akan dibahas dalam rapat kabinet pada pekan depan di Istana.",
             "Para menteri diminta untuk tidak membuat kebijakan yang tidak sejalan dengan program itu.",
             "Rapat kabinet itu juga akan membahas anggaran untuk tahun depan, kata juru bicara."]


def test_blog_mirror_takes_every_part_of_the_main_post_and_no_sidebar():
    """A WordPress mirror whose sidebar widget comes first and also has an .entry-content,
    and whose post is split in two .entry-content parts around an ad."""
    sidebar = ("<aside class='widget'><article class='post hentry'><div class='entry-content'>"
               "<p>Berita lain yang tidak ada hubungannya dengan artikel ini sama sekali.</p></div></article></aside>")
    post = ("<article class='post hentry'><h1 class='entry-title'>Presiden Minta Menteri Kerja Cepat</h1>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in _ID_PARAS[:2]) + "</div>"
            "<div class='ads'>Iklan</div>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in _ID_PARAS[2:]) + "</div></article>")
    other = ("<article class='post hentry'><h2 class='entry-title'>Berita Lain</h2><div class='entry-content'>"
             "<p>Harga cabai di pasar tradisional naik lagi pada pekan ini, kata pedagang.</p></div></article>")
    html = page(sidebar + post + other, "<meta name='generator' content='WordPress 6.1.1'>", lang="id")
    art = clean_text(html, "mirror.html", url="https://contoh-mirror.example.com/2024/05/presiden.html",
                     rules=RULES, content_type="text/html")
    assert art.outlet == "blogmirror"
    assert all(p.removeprefix("JAKARTA - ") in art.text for p in _ID_PARAS)
    assert "Berita lain" not in art.text and "Harga cabai" not in art.text


# --- the deduper and the lists an article prints ----------------------------------------

_MENU = ["Monday: rice with grilled chicken, vegetable soup and fresh fruit",
         "Tuesday: rice with grilled chicken, vegetable soup and fresh fruit",
         "Wednesday: noodles with fried tofu, spinach soup and a banana",
         "Thursday: rice with grilled fish, vegetable soup and fresh fruit"]


def test_near_duplicate_items_of_a_list_stay():
    """A weekly menu: its days differ by a word, as near-duplicate paragraphs do; they are
    the list the article prints, and all stay."""
    items = "".join(f"<li>{m}</li>" for m in _MENU)
    html = page("<article><h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS[:2])
                + f"<p>The canteen's menu for the week:</p><ul>{items}</ul>" + f"<p>{_PARAGRAPHS[2]}</p></article>")
    art = clean_text(html, "menu.html", url="https://example.org/2022/01/menu", rules=RULES, content_type="text/html")
    assert all(m in art.text for m in _MENU)


def test_repeated_paragraphs_and_leads_still_go():
    """A paragraph printed twice (a lead repeated under a photo) is still dropped."""
    html = page("<article><h1>Library hours</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
                + f"<p>{_PARAGRAPHS[0]}</p></article>")
    art = clean_text(html, "twice.html", url="https://example.org/2022/01/twice", rules=RULES,
                     content_type="text/html")
    assert art.text.count(_PARAGRAPHS[0]) == 1


def test_fronts_of_hosts_without_a_rule_are_refused_by_what_they_hold(shared):
    """The shared non-article pages read by the generic path, as pages of hosts without a
    rule are: teasers standing among the links to their stories, dated indexes, lists of
    headlines are refused, whatever prose the teasers hold."""
    pages = sorted((shared / "html" / "nonarticle").glob("*.html"))
    from kliping.cleaner.inputs import read_bytes
    accepted = []
    for path in pages:
        try:
            clean_text(read_bytes(path.read_bytes(), path.name).text, path.name, rules=RULES,
                       content_type="text/html", outlet="generic")
            accepted.append(path.name)
        except NotAnArticle:
            pass
    assert accepted == []


# --- short lines above the first paragraph ------------------------------------------------

_INGREDIENTS = ["250 g flour", "2 eggs", "1 pinch of salt", "100 ml milk"]


def test_short_lines_inside_the_article_above_its_first_paragraph_stay():
    """A recipe (kulinariaathome.com): the time it takes and the ingredients stand between
    the date line and the first sentence, inside the article. An extractor found them as
    the article's: they are its text, not furniture under the headline."""
    recipe = ("<article><h1>Library hours</h1><p>12 March 2021</p><h2>Time: 25 minutes</h2><ul>"
              + "".join(f"<li>{i}</li>" for i in _INGREDIENTS) + "</ul>"
              + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article>")
    art = clean_text(page(recipe), "recipe.html", url="https://example.org/2021/03/recipe", rules=RULES,
                     content_type="text/html")
    assert "Time: 25 minutes" in art.text
    assert all(i in art.text for i in _INGREDIENTS)
    assert "12 March 2021" not in art.text


def test_the_header_above_the_title_and_a_dateline_lead_stays_out():
    """What stands above the headline's repeat (a kicker) is the header; so is what
    stands above a lead opening with its dateline (a photo's credit, "JAKARTA -")."""
    kicker = "<p>Photo story</p>"
    credit = "<p>Antara/Ana Putri</p>"
    lead = ("JAKARTA - Presiden meminta para menteri untuk segera menyelesaikan program yang sudah "
            "direncanakan sebelum akhir tahun.")
    body = ("<div class='read'>" + kicker + "<h1>Library hours</h1>" + credit + f"<p>{lead}</p>"
            + "".join(f"<p>{p}</p>" for p in _ID_PARAS[1:]) + "</div>")
    art = clean_text(page(body, lang="id"), "dateline.html", url="https://example.org/2021/03/story",
                     rules=RULES, content_type="text/html")
    assert art.text.startswith("Presiden meminta")
    assert "Photo story" not in art.text and "Ana Putri" not in art.text


def test_real_recipe_keeps_its_ingredients():
    text, item = cached_page("kulinariaathome.com.mandelplätzchen.html")
    art = clean_text(text, "recipe.html", rules=RULES, content_type="text/html")
    assert found(art.text, ["(+ 15 Minuten backen)", "200 g Zucker"]) == 2


# --- the text a script writes, carried in the page's JSON-LD ----------------------------

def _ld(obj: dict) -> str:
    return "<script type='application/ld+json'>" + json.dumps(obj) + "</script>"


def test_a_page_whose_body_a_script_writes_is_read_from_its_json_ld():
    """homify.de, scmp.com: the body holds a "your browser is outdated" notice and an
    empty app root; the article stands only in the JSON-LD (a HowTo's description and
    steps, a NewsArticle's articleBody). When no other reading finds enough text, that
    one is read, not the page refused."""
    shell = "<div id='app'></div><p>Dein Browser ist leider veraltet. Lade einen neueren Browser herunter.</p>"
    howto = {"@context": "http://schema.org/", "@type": "HowTo", "name": "Library hours",
             "description": f"<p>{_PARAGRAPHS[0]}</p><p>{_PARAGRAPHS[1]}</p>",
             "step": [{"@type": "HowToStep", "text": _PARAGRAPHS[2]}, {"@type": "HowToStep", "text": _PARAGRAPHS[3]}]}
    news = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Library hours"},
        {"@type": "OpinionNewsArticle", "headline": "Library hours", "articleBody": "\n".join(_PARAGRAPHS)}]}
    for obj in (howto, news):
        art = clean_text(page(shell, _ld(obj)), "app.html", url="https://example.org/diy/20546/library-hours",
                         rules=RULES, content_type="text/html")
        assert all(p in art.text for p in _PARAGRAPHS), obj["@context"]
        assert "Browser" not in art.text


def test_a_json_ld_without_an_article_body_does_not_make_a_page_an_article():
    """A menu page whose JSON-LD only names the site (WebSite, Organization) and describes
    it in a sentence is still refused."""
    site = {"@context": "https://schema.org", "@type": "WebSite", "name": "Example",
            "description": "Example is a library of articles about the city and its people, updated every day."}
    with pytest.raises(NotAnArticle):
        clean_text(page("<div id='app'></div><p>Loading…</p>", _ld(site)), "menu.html",
                   url="https://example.org/", rules=RULES, content_type="text/html")


@pytest.mark.parametrize("file_name", ["homify.de-Tischdecke.html"])
def test_real_pages_written_by_a_script_are_read(file_name):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert found(art.text, item["with"]) >= 2
