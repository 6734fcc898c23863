"""Whether a page from a host without a rule is an article (issue 17): a real article is
never refused, however short, however its lines run; a section front, a tag page or an
index still is, whatever markup it prints.

Small hand-made pages in the shapes of real ones (invented prose); where the real page is
in trafilatura's evaluation set, a second test cleans it too (skipped when the cache
bench/openweb_bench.py --fill-cache fills is empty).
"""
from __future__ import annotations

import json

import pytest

from kliping.cleaner import NotAnArticle, clean_text, load_rules

from test_openweb import cached_page, found

RULES = load_rules()
URL = "https://notes.example.org/2021/02/03/ice-on-the-steps/"
_ARCHIVE = "".join(f"<li><a href='https://notes.example.org/2020/{m:02d}/'>Month {m} 2020</a></li>"
                   for m in range(1, 13))
#: What a blog prints around its post: menu, blog name, archive links, a widget's tweet.
_SIDEBAR = ("<div id='sidebar'><h3>Archive</h3><ul>" + _ARCHIVE + "</ul><h3>Elsewhere</h3>"
            "<p>Somebody should write a film where nothing happens and the camera just looks at the hills.</p>"
            "<p><a href='https://notes.example.org/feed/'>Entries feed</a></p></div>")


def clean(html: str, url: str | None = URL):
    return clean_text(html, "page.html", url=url, rules=RULES, content_type="text/html")


def blog_page(post: str, head: str = "", lang: str = "en") -> str:
    """A blog's page: a menu and a blog name over `post`, a sidebar under it."""
    return (f"<!DOCTYPE html><html lang='{lang}'><head><title>Ice on the steps | Notes</title>"
            f"<link rel='canonical' href='{URL}'>{head}</head><body>"
            "<div class='menu'><ul><li><a href='https://notes.example.org/'>Home</a></li>"
            "<li><a href='https://notes.example.org/about/'>About me</a></li></ul></div>"
            "<div id='header'><a href='https://notes.example.org/'>Notes</a><p>From a life without talent</p></div>"
            f"<div id='content'>{post}</div>{_SIDEBAR}</body></html>")


_OG_ARTICLE = ("<meta property='og:type' content='article'>"
               "<meta property='article:published_time' content='2021-02-03T07:16:15+00:00'>")
_SHARE = ("<div class='sharedaddy'><h3>Share this:</h3><ul><li><a href='?share=twitter'>Twitter</a></li>"
          "<li><a href='?share=facebook'>Facebook</a></li></ul></div>")
_TWO_LINES = ["“Who slips next on the ice by the door?” I bet it is you, you will be the next one to fa… aah. Ouch.",
              "“I won!”"]


# --- real articles, however short --------------------------------------------------------

def test_a_two_line_post_in_one_post_container_is_an_article():
    """A blog's post of two lines (well under the 200 characters a page needs), in the
    one post container (hAtom's `hentry`) of a page calling itself an article, its
    headline a link to the page itself and a date under it: an article. Its text is the
    post's lines, not the sidebar's."""
    post = (f"<div class='post hentry'><h1><a href='{URL}' rel='bookmark'>Ice on the steps</a></h1>"
            "<div class='timestamp'>3 February 2021</div><div class='post-content'>"
            + "".join(f"<p>{line}</p>" for line in _TWO_LINES) + _SHARE + "</div>"
            "<div class='post-meta'>Tags <a href='/tag/winter/'>winter</a></div></div>")
    art = clean(blog_page(post, _OG_ARTICLE))
    assert all(line in art.text for line in _TWO_LINES)
    assert "camera just looks" not in art.text and "Month 3 2020" not in art.text


def test_a_short_post_among_many_links_is_an_article():
    """Three short lines of dialogue in one `h-entry`, its headline a link to the page and
    a category link beside the date; around it many more links than text: an article."""
    lines = ["\u201eI know I have had a drink and should not say this\u2026\u201c",
             "\u2013 \u201eThen do not say it.\u201c", "\u2013 \u201eOk.\u201c"]
    post = (f"<div class='post h-entry'><h2 class='posttitle'><a href='{URL}'>Doing nothing is an option too</a></h2>"
            "<p class='meta'>3 February 2021 at 20:51 (<a href='/category/talk/'>Talk</a>)</p>"
            + "".join(f"<p>{line}</p>" for line in lines) + _SHARE + "</div>")
    art = clean(blog_page(post, _OG_ARTICLE))
    assert all(line in art.text for line in lines)
    assert "camera just looks" not in art.text


def test_a_short_post_in_one_article_element_with_json_ld_is_an_article():
    ld = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Ice on the steps",
          "datePublished": "2021-02-03"}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    post = ("<article><h1>Ice on the steps</h1><time datetime='2021-02-03'>3 February 2021</time>"
            f"<p>{_TWO_LINES[0]}</p><p>{_TWO_LINES[1]}</p></article>")
    art = clean(blog_page(post, head))
    assert _TWO_LINES[0] in art.text


def test_a_reading_of_the_note_under_a_post_of_links_is_not_the_whole_post():
    """A post that is a list of bookmarked links with a line under it ("posted from
    ..."): a reading holding the note alone is not the whole post, so the page is read
    again; a reading holding the list too is. Its date line and share buttons are no
    text a reading must hold."""
    import lxml.html

    from kliping.cleaner.html.kind import prints_whole_post

    items = [f"Study number {i} doubts the state support for the local press" for i in range(1, 4)]
    note = "Posted from my bookmarks. The rest of my favourite links are over there."
    post = lxml.html.fromstring(
        "<article class='post hentry'><h1>Links of 3 February 2021</h1><p class='meta'>3 February 2021 at 11:31 "
        "(<a href='/category/links/'>Links</a>)</p><ul>" + "".join(f"<li><p><a href='/{i}'>{item}</a></p>"
        f"<p>via <a href='https://example.net/'>Example News</a></p></li>" for i, item in enumerate(items))
        + f"</ul><p>{note}</p><ul class='share'><li><a href='?share=twitter'>Twitter</a></li></ul></article>")
    assert not prints_whole_post(post, [note])
    assert prints_whole_post(post, [*items, note])


@pytest.mark.parametrize("file_name", ["nurmeinstandpunkt.wordpress.com.blogposting.html"])
def test_real_post_of_links_is_read_whole(file_name):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert found(art.text, item["with"]) == len(item["with"])


_LYRICS = ["Love that is gone", "will not come back when called", "I still have words for you",
           "words I could not say", "words that came too late", "[Chorus]", "So go without fear",
           "be happy and fly free", "an angel walks beside you", "so go without fear",
           "Repeat Chorus", "only missing you", "only missing you"]


def test_song_lyrics_in_one_post_are_an_article():
    """Lyrics: short lines without a full stop, broken by <br> in one post body (a
    Blogger post), read by nobody as a list of headlines."""
    post = ("<div class='blog-posts hfeed'><h2 class='date-header'><span>Thursday, July 28, 2011</span></h2>"
            "<div class='post hentry'><h3 class='post-title entry-title'>Only missing you</h3>"
            "<div class='post-body entry-content'>" + "<br />".join(_LYRICS) + "<br /></div>"
            "<div class='post-footer'>Posted by K A at "
            f"<a class='timestamp-link' href='{URL}'><abbr class='published' title='2011-07-28T12:11:00+08:00'>"
            "12:11 PM</abbr></a></div></div></div>")
    art = clean(blog_page(post))
    assert all(line in art.text for line in _LYRICS[:5]) and "Repeat Chorus" in art.text


def test_a_poem_on_a_page_without_markup_is_an_article():
    """Short lines, none of them a link, on a page that says nothing of what it is:
    the page's own text (a poem), not a list of headlines."""
    html = ("<html><head><title>Only missing you</title></head><body><div id='nav'>"
            "<a href='/'>Home</a> <a href='/poems/'>Poems</a></div><div id='content'><h1>Only missing you</h1>"
            "<p>" + "<br>".join(_LYRICS) + "</p></div></body></html>")
    art = clean(html, url=None)
    assert all(line in art.text for line in _LYRICS[:5])


def test_a_short_news_item_whose_prose_stands_with_short_lines_is_an_article():
    """A site's news item: headline, date line, one paragraph of three sentences, a
    greeting, a link to what it announces, a reader's comment. Most lines are short, none
    of them a headline linking to another story: an article."""
    prose = ("Chapter 121 is online now. As always, only logged-in users can see the pictures. "
             "Chapter 122 follows on Friday.")
    html = ("<html><head><title>News - Site update - Chapter 121</title></head><body><div id='content'>"
            "<h1>Site news - <a href='/news/archive/2004.html'>News archive</a></h1><div>"
            "<h2>Site update - Reading sample, volume 14 / chapter 121</h2>24 March 2004, 19:49 | Editor"
            f"<p>{prose}<br>Have fun<br><br><strong>Links:</strong><br>"
            "<a href='/gallery/volume-14/chapter-121/'>Volume 14 / chapter 121</a></p></div>"
            "<div class='titlebar'>Comments</div><div><h3>#1 Comment by reader</h3>26 March 2004, 16:19"
            "<p>Thanks for this chapter</p></div></div>"
            "<ul id='leftnav'><li><a href='/'>Home</a></li><li><a href='/news/'>News</a></li></ul></body></html>")
    art = clean(html, url=None)
    assert prose in art.text


@pytest.mark.parametrize("file_name", ["weselpower.wordpress.com.monstergesprche.html",
                                       "gnaur.wordpress.com.moglichkeit.html", "chineselyrics4u.com.zhineng.html"])
def test_real_short_posts_once_refused_are_read_without_the_page_around_them(file_name):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert found(art.text, item["with"]) == len(item["with"])
    assert found(art.text, item["without"]) == 0


def test_real_news_item_once_refused_is_read():
    text, item = cached_page("love-hina.ch.0409.html")
    art = clean_text(text, "love-hina.ch.0409.html", rules=RULES, content_type="text/html")
    assert found(art.text, item["with"]) == len(item["with"])


# --- what still is no article -------------------------------------------------------------

def _teaser(i: int, tag: str = "div", cls: str = "teaser") -> str:
    return (f"<{tag} class='{cls}'><h2><a href='https://notes.example.org/2021/01/{i:02d}/story-{i}/'>"
            f"Story number {i} about the ice</a></h2><p>3 January 2021</p>"
            f"<p>The first lines of story {i}, which goes on about the ice on the steps and the people "
            f"who slipped on it over the winter, as far as the excerpt goes.</p>"
            f"<a href='https://notes.example.org/2021/01/{i:02d}/story-{i}/'>Read more</a></{tag}>")


def test_a_section_front_with_one_short_blurb_is_refused():
    """A front of linked headlines (cards whose link holds the headline) with one short
    blurb of prose: not an article."""
    cards = "".join(f"<a class='card' href='/2021/01/{i:02d}/story-{i}/'><h3>Story number {i} about the ice</h3>"
                    f"<span>{i} hours ago</span></a>" for i in range(1, 13))
    html = ("<html><head><title>City</title></head><body><div id='front'>"
            "<p>The city desk: what happens in town, every day, from the ice on the steps to the council.</p>"
            f"{cards}</div></body></html>")
    with pytest.raises(NotAnArticle):
        clean(html, url="https://notes.example.org/city")


def test_a_tag_page_calling_itself_an_article_is_refused():
    """Some CMSs print og:type=article on every page: a tag page of eight posts, each in
    its own `hentry`, is still an index."""
    posts = "".join(_teaser(i, cls="post hentry") for i in range(1, 9))
    with pytest.raises(NotAnArticle):
        clean(blog_page(posts, _OG_ARTICLE), url="https://notes.example.org/tag/winter/")


def test_an_index_of_twenty_posts_each_in_an_article_is_refused():
    posts = "".join(_teaser(i, tag="article") for i in range(1, 21))
    with pytest.raises(NotAnArticle):
        clean(blog_page(posts, _OG_ARTICLE), url="https://notes.example.org/page/2/")


def test_one_article_element_wrapping_a_front_is_refused():
    """A theme wrapping the whole front in one <article>, a section title over its linked
    teasers: the headlines linking elsewhere make it an index."""
    teasers = "".join(_teaser(i) for i in range(1, 11))
    html = blog_page(f"<article><h1>Latest</h1>{teasers}</article>")
    with pytest.raises(NotAnArticle):
        clean(html, url="https://notes.example.org/latest")


def test_a_list_of_linked_headlines_is_still_refused():
    """Short lines that are the texts of links to other pages: a list of headlines."""
    items = "".join(f"<li><a href='/2021/01/{i:02d}/story-{i}/'>Story number {i} about the ice</a></li>"
                    for i in range(1, 16))
    html = f"<html><head><title>Ice</title></head><body><h1>Ice</h1><ul>{items}</ul></body></html>"
    with pytest.raises(NotAnArticle):
        clean(html, url="https://notes.example.org/2021/ice-stories")


def test_a_lone_post_of_no_sentence_is_refused():
    """One post container holding a headline, a date and a photo credit: too little."""
    post = (f"<article><h1>Ice on the steps</h1><time datetime='2021-02-03'>3 February 2021</time>"
            "<p>Photo: Editor</p></article>")
    with pytest.raises(NotAnArticle):
        clean(blog_page(post, _OG_ARTICLE))


# --- a page's text sends it to an outlet's rule only when it reads Indonesian -------------

_BULLETS = ["Energy Meters For Single-Phase Wiring With A Direct Connection",
            "Three-Phase Meters With An Optical Interface For Control Rooms",
            "Meters For The German Market With A Certified Display"]


def _bullet_page(paragraphs: list[str], bullets: list[str], lang: str) -> str:
    return (f"<html lang='{lang}'><head><title>Meters</title></head><body><article><h1>Meters</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "".join(f"<p>• {b}</p>" for b in bullets)
            + "</article></body></html>")


def test_an_outlet_fingerprint_in_a_page_in_another_language_does_not_route_it():
    """A product note in English (de.induux.com's page is German) whose bullet list has
    the shape of tribunnews's links to other stories ('• Title' of five words or more, in
    title case):
    no page of that outlet, read by the generic rule, and not refused for that outlet's
    URL conventions."""
    paras = ["The company extends its range of energy management products with devices made for the "
             "German market, which the engineers designed over the last two years.",
             "All meters come with a bus interface and an Ethernet port, and the larger ones add a "
             "display that shows the readings of each of the three phases at a glance."]
    html = _bullet_page(paras, _BULLETS, "en")
    assert RULES.match_fingerprint("\n".join(f"• {b}" for b in _BULLETS)).rule.id == "tribunnews"
    art = clean(html, url="https://products.example.com/meters-service")
    assert art.outlet == "generic" and paras[0] in art.text


def test_the_same_fingerprint_in_an_indonesian_page_still_routes_it():
    paras = ["Pemerintah kota memperpanjang jam buka perpustakaan umum mulai bulan depan, kata wali kota "
             "dalam jumpa pers di balai kota pada hari Selasa.",
             "Menurut dia, jam buka yang lebih panjang akan membantu pelajar dan pekerja yang baru bisa "
             "datang pada malam hari setelah jam kerja selesai."]
    bullets = ["Warga Kota Kupang Antre Minyak Tanah Sejak Pagi di Pangkalan",
               "Harga Cabai Rawit di Pasar Oeba Naik Jelang Hari Raya Natal"]
    art = clean(_bullet_page(paras, bullets, "id"), url=None)
    assert art.outlet == "tribunnews"
