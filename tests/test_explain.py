"""`kliping explain`: each line's decision, with the rule key and pattern (or reason) behind it."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kliping.cleaner import read_path
from kliping.cleaner.rules import expand

from conftest import SAMPLES

#: Every dropped line of every seed sample (line number → the rule key that drops it),
#: checked by hand against the scrapes: nothing else may be dropped.
DROPPED = {
    "blogmirror-putin-biden.txt": {5: "dedupe.title", 7: "dedupe.title", 106: "footer.end"},
    "inews-putin-biden.txt": {
        1: "header.drop", 2: "header.drop", 3: "header.drop", 4: "header.drop", 5: "header.drop",
        6: "header.drop", 7: "header.drop", 12: "dedupe.title", 14: "header.drop",
        44: "footer.end", 45: "footer.end", 46: "footer.end", 47: "footer.end",
    },
    "kontan-putin-biden.txt": {},
    "tribunnewswiki-putin-biden.txt": {
        6: "photo.start", 7: "photo.file", 28: "dedupe.caption", 69: "body.drop",
        75: "footer.end", 76: "footer.end", 77: "footer.end", 79: "footer.end", 81: "footer.end",
        83: "footer.end", 84: "footer.end",
    },
    "voi-putin-biden.txt": {1: "header.drop"},
}


def rows(run_cli, *args) -> list[dict]:
    result = run_cli("explain", "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("sample", sorted(DROPPED))
def test_explain_names_the_key_of_every_dropped_line(run_cli, rules, sample):
    got = rows(run_cli, SAMPLES / sample)
    dropped = {r["number"]: r["key"] for r in got if r["decision"] == "dropped"}
    assert dropped == DROPPED[sample]
    lines = read_path(SAMPLES / sample).text.splitlines()
    ends = {r["number"] for r in got if r["key"] == "footer.end" and r["pattern"]}
    ends |= {r["number"] for r in got if rules[r["outlet"]].first("footer.last", r["text"])}  # ends, and counts
    for r in got:
        assert r["text"] == " ".join(lines[r["number"] - 1].split()), r
        if r["pattern"] and r["rule"]:  # the pattern named is in that rule file and matches
            rule = rules[r["rule"]]
            assert r["pattern"] in [p.source for p in rule.own[r["key"]]], r
            assert re.search(expand(r["pattern"]), r["text"]), r
        elif r["decision"] == "dropped":
            assert r["reason"], r
            at = re.search(r"under the article's end \(line (\d+)\)", r["reason"])
            assert at is None or int(at.group(1)) in ends


@pytest.mark.parametrize("sample,number,decision,key,value", [
    ("inews-putin-biden.txt", 9, "title", "headline.title", "Putin Ingatkan Biden: Hubungan AS dan Rusia Bisa Putus jika...."),
    ("inews-putin-biden.txt", 11, "field", "headline.published", "Jumat, 31 Desember 2021 - 09:42:00 WIB"),
    ("inews-putin-biden.txt", 13, "caption", "photo.captions", "Presiden Rusia Vladimir Putin. (Foto: Reuters)"),
    ("inews-putin-biden.txt", 16, "body", "body.dateline", "MOSKOW"),
    ("inews-putin-biden.txt", 42, "field", "byline.editor", "Ahmad Islamy Jamil"),
    ("tribunnewswiki-putin-biden.txt", 3, "description", "headline.description", None),
    ("tribunnewswiki-putin-biden.txt", 9, "caption", "photo.start", None),
    ("tribunnewswiki-putin-biden.txt", 24, "related", "body.related", None),
    ("tribunnewswiki-putin-biden.txt", 67, "field", "byline.author", None),
    ("kontan-putin-biden.txt", 14, "related", "body.related",
     "Presiden Rusia Vladimir Putin Tiba-Tiba Minta Berbicara dengan Joe Biden Via Telepon"),
])
def test_explain_names_what_kept_lines_became(run_cli, sample, number, decision, key, value):
    row = next(r for r in rows(run_cli, SAMPLES / sample) if r["number"] == number)
    assert (row["decision"], row["key"]) == (decision, key)
    if value is not None:
        assert row["value"] == value
    if decision == "field":
        assert row["field"] in ("published", "author", "editor")


def test_lead_row_shows_the_text_kept(run_cli):
    row = next(r for r in rows(run_cli, SAMPLES / "voi-putin-biden.txt") if r["key"] == "body.dateline")
    assert row["value"] == "JAKARTA" and row["kept"].startswith("Presiden Amerika Serikat")
    assert row["rule"] == "voi" and row["pattern"]


def test_terminal_output_is_coloured_and_plain_when_piped():
    from kliping.cli import main

    args = ["explain", str(SAMPLES / "inews-putin-biden.txt")]
    coloured = CliRunner().invoke(main, args, color=True).output
    plain = CliRunner().invoke(main, args).output
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert plain.startswith(f"{SAMPLES / 'inews-putin-biden.txt'}: rule inews (fingerprint")
    assert "   1  dropped     Get iNews App with new looks!" in plain
    assert "header.drop (?i)^get inews app\\b.*$  [inews]" in plain
    assert "  16  body        MOSKOW, iNews.id" in plain and "→ dateline: MOSKOW" in plain
    assert "  45  dropped     iNews.id\n                  footer.end: under the article's end (line 42)" in plain
    assert re.search(r"\n\d+ lines: \d+ body, ", plain)


def test_forced_outlet(run_cli):
    got = rows(run_cli, SAMPLES / "voi-putin-biden.txt", "--outlet", "generic")
    assert {r["outlet"] for r in got} == {"generic"}


PAGE = """<div class="detail">
<h1>Warga Bantaran Kali Ciliwung Diminta Waspada Banjir Kiriman</h1>
<p>JAKARTA - Badan Penanggulangan Bencana Daerah meminta warga di bantaran Kali Ciliwung
waspada terhadap banjir kiriman dari Bogor setelah hujan deras mengguyur kawasan Puncak sejak sore.</p>
<p>Baca juga: Pintu Air Manggarai Siaga 2</p>
<p>Petugas sudah menyiagakan perahu karet dan pompa di sejumlah titik rawan genangan, dan posko
pengungsian disiapkan di gedung sekolah yang berada di tempat lebih tinggi.</p>
</div>
"""


def test_html_fragment_is_read_block_by_block(run_cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    got = rows(run_cli, page, "--html", "--url", "https://megapolitan.example.id/read/1")
    blocks = [r for r in got if r["number"] is not None]
    assert [r["number"] for r in blocks] == list(range(1, len(blocks) + 1))
    related = [r for r in blocks if r["decision"] == "related"]
    assert related and related[0]["value"] == "Pintu Air Manggarai Siaga 2"
    assert any(r["decision"] == "body" and r["key"] == "body.dateline" for r in blocks)
    plain = run_cli("explain", page).output  # without --html: a text scrape with tags in it
    assert "<p>" in plain


def test_unreadable_and_not_an_article(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("explain", empty)
    assert result.exit_code == 1 and "empty" in result.stderr
    front = tmp_path / "front.html"
    front.write_text("<html><body><ul><li><a href='/a'>Satu</a></li></ul></body></html>", "utf-8")
    result = run_cli("explain", front)
    assert result.exit_code == 1 and "not an article" in result.stderr
