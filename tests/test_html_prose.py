"""kliping's own reading of a page without a rule (html/prose.py): the box holding the
article's prose is read without trafilatura when the page gives no reason to doubt it,
and trafilatura reads the pages that do."""
import pytest

from kliping.cleaner import clean_text
from kliping.cleaner.html.page import parse_page
from kliping.cleaner.html.prose import prose_box

ARTICLE = """<!doctype html><html lang="en"><head><title>The river rose overnight | Valley Post</title>
<meta property="og:title" content="The river rose overnight">
<link rel="canonical" href="https://valleypost.example/2023/05/04/the-river-rose-overnight"></head><body>
<div class="menu"><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></div>
<div class="page"><header class="story-head"><h1>The river rose overnight</h1>
<p class="standfirst">Families in the lower valley spent the night on upper floors as the water kept coming.</p>
<span class="byline">By Ana Ruiz</span></header>
<div class="story-body">
<p>The river broke its banks shortly after midnight, when two days of rain upstream reached the town.</p>
<figure><img src="/img/river.jpg"><figcaption>The flooded market square at dawn.</figcaption></figure>
<p>By morning the water stood a metre deep in the market square, and the ferry had stopped running.</p>
<div class="share-buttons"><a href="/s/f">Share on the social network</a> <a href="/s/m">Send by mail</a></div>
<p>Volunteers filled sandbags at the fire station while the council opened the school gym for the night.</p>
<p><a href="/2023/05/01/rain-warning">Rain warning issued for the whole valley</a></p>
<p>The weather service expects the level to fall slowly over the weekend, if no more rain comes.</p>
</div></div>
{extra}
<aside class="more"><h3>More from the Valley</h3><ul>
<li><a href="/a">Bridge repairs to start in June</a><p>The old bridge closes for three months while crews replace its deck.</p></li>
<li><a href="/b">A new bakery on Mill Street</a><p>Two sisters open the first bakery the street has had in twenty years.</p></li>
</ul></aside></body></html>"""
#: Prose outside the article's box, not in a list: readers' letters under the story.
LETTERS = """<div class="letters"><h3>Letters</h3>
<div class="letter">I have lived by the river for forty years and never seen the water climb this fast, and I fear the next spring.</div>
<div class="letter">The council was warned about the old levee years ago, and nobody listened to the people living beside it.</div>
<div class="letter">Thanks to the volunteers who filled sandbags all night long at the fire station, the shop on our corner stayed dry.</div>
</div>"""


def _page(extra: str = "") -> str:
    return ARTICLE.replace("{extra}", extra)


@pytest.fixture
def trafilatura_calls(monkeypatch):
    """Count the calls of trafilatura's extraction (still run for real)."""
    import trafilatura

    calls = []
    real = trafilatura.bare_extraction

    def counted(*args, **kwargs):
        calls.append(kwargs.get("favor_precision"))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    return calls


def test_the_article_box_is_read_without_trafilatura(rules, trafilatura_calls):
    art = clean_text(_page(), source="river.html", rules=rules, content_type="text/html")
    assert trafilatura_calls == []
    assert art.outlet == "generic"
    assert art.paragraphs == (
        "Families in the lower valley spent the night on upper floors as the water kept coming.",
        "The river broke its banks shortly after midnight, when two days of rain upstream reached the town.",
        "By morning the water stood a metre deep in the market square, and the ferry had stopped running.",
        "Volunteers filled sandbags at the fire station while the council opened the school gym for the night.",
        "The weather service expects the level to fall slowly over the weekend, if no more rain comes.",
    )  # the standfirst above the box; no caption, share bar, linked headline, teaser or byline
    assert art.title == "The river rose overnight"


def test_prose_beside_the_box_sends_the_page_to_trafilatura(rules, trafilatura_calls):
    art = clean_text(_page(LETTERS), source="river.html", rules=rules, content_type="text/html")
    assert trafilatura_calls[:2] == [True, False]  # precise, then default reading
    assert "The river broke its banks shortly after midnight" in art.text


def test_teasers_in_a_list_do_not_count_against_the_box():
    box = prose_box(parse_page(_page()))
    assert box.element.get("class") == "story-body"
    assert box.rival < 100 < box.prose and box.trusted  # the standfirst alone stands outside
    doubted = prose_box(parse_page(_page(LETTERS)))
    assert doubted.rival > 300 and not doubted.trusted


def test_an_article_in_sections_is_read_as_one_box():
    sections = "".join(
        f'<div class="section"><h2>Part {n}</h2><div class="text">'
        f"<p>This is the {n} part of the long guide, and it explains one step of the work in plain words.</p>"
        f"<p>Each step of the guide takes a few sentences, so that every reader can follow it at home.</p></div></div>"
        for n in ("first", "second", "third", "fourth"))
    root = parse_page(f'<html><body><div class="post"><h1>A guide</h1>{sections}</div>'
                      '<div class="side"><a href="/x">Other posts</a></div></body></html>')
    box = prose_box(root)
    assert box.element.get("class") == "post" and box.trusted


@pytest.mark.parametrize("html", [
    "<html><head><title>x</title></head></html>",  # no body
    "<html><body><div><a href='/a'>Home</a> <a href='/b'>News</a></div></body></html>",  # no prose
    "<html><body>" + "<div>" * 5000 + "A sentence that reads as prose, with enough words in it." + "</div>" * 5000 +
    "</body></html>",  # nested deeper than any recursion limit
])
def test_hostile_pages(html):
    box = prose_box(parse_page(html))
    assert box is None or box.prose < 300 and not box.trusted
