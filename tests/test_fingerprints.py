"""The FingerprintIndex finds exactly the fingerprints a plain search finds, on real
scrapes and on texts built to trip a line-start index (CRLF, blank and indented lines,
CJK and Arabic datelines, a fingerprint only on the last line, no newline at all)."""
from pathlib import Path

import pytest

from kliping.cleaner.fingerprints import FingerprintIndex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "text"


def plain_hits(rules, text):
    found = ((rule, [p.source for p in rule.fingerprints if p.regex.search(text)]) for rule in rules)
    return [(rule.id, hits) for rule, hits in found if hits]


def index_hits(index, text):
    return [(rule.id, hits) for rule, hits in index.hits(text)]


@pytest.fixture(scope="module")
def index(rules):
    return FingerprintIndex(list(rules))


def scrapes() -> list[str]:
    paths = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests/fixtures/pages").glob("*.txt"))
    paths += sorted(CORPUS.glob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


def test_index_and_plain_search_agree_on_every_real_scrape(rules, index):
    texts = scrapes()
    assert len(texts) >= 100
    matched = 0
    for text in texts:
        want = plain_hits(rules, text)
        assert index_hits(index, text) == want
        matched += bool(want)
    assert matched >= len(texts) // 2  # the comparison is about real hits, not empty lists


def variants(text: str) -> list[str]:
    lines = text.split("\n")
    return [
        text.replace("\n", "\r\n"),
        "\n\n\n" + text,
        "\n".join("   " + line for line in lines),
        "\n".join(reversed(lines)),  # a lead's fingerprint on the last line
        " ".join(lines),  # one line
        "東京 — " + text,
        "\n".join(["طهران — خبر", "シェア：", "【東京】", "分享:", *lines]),
        text + "\n",
        text.rstrip("\n") + "\nKOMPAS.com - x",
    ]


def test_index_and_plain_search_agree_on_hostile_layouts(rules, index):
    for text in scrapes()[:40]:
        for variant in variants(text):
            assert index_hits(index, variant) == plain_hits(rules, variant), variant[:80]


def test_index_finds_a_fingerprint_only_the_last_line_shows(rules, index):
    text = "Judul\n\nParagraf pertama.\n" * 20 + "KONTAN.CO.ID - JAKARTA. Isi."
    assert "kontan" in dict(index_hits(index, text))
    assert index_hits(index, text) == plain_hits(rules, text)


def test_index_tries_patterns_that_open_with_a_blank_line_a_folded_letter_or_the_text():
    import re
    from types import SimpleNamespace
    from kliping.cleaner.rules import Pattern
    sources = [r"^\n[ \t]*Iklan$", r"(?i)^baca juga:", r"^[\u4E00-\u9FFF]{2,6} —", r"^A\nB$",
               r"\A\s*Judul", r"\AZZZ|^B$"]
    fake = SimpleNamespace(id="fake", fingerprints=tuple(
        Pattern("fingerprints", s, re.compile(s, re.MULTILINE), "fake") for s in sources))
    index = FingerprintIndex([fake])
    text = "Judul\n\n\nIklan\nBACA JUGA: x\n北京时间 — y\nA\nB"
    assert [hits for _, hits in index.hits(text)] == [sources]


def test_joined_screen_finds_every_fingerprint_matching_at_the_same_line_start():
    """Fingerprints opening with the same few characters are joined in one screen: a
    line start two of them match, one referring back to its group, one with a named
    group, one with its own flags, are each still found; a later one of the same
    opener is found on another line; one the screen must not find is not."""
    import re
    from types import SimpleNamespace
    from kliping.cleaner.rules import Pattern
    sources = [r"^Baca", r"^Baca juga", r"^(B)aca \1?juga:", r"^(?P<label>Baca) juga: (?P=label)",
               r"(?i)^baca JUGA", r"^Bacalah", r"^Berita$"]
    fake = SimpleNamespace(id="fake", fingerprints=tuple(
        Pattern("fingerprints", s, re.compile(s, re.MULTILINE), "fake") for s in sources))
    index = FingerprintIndex([fake])
    text = "Judul\nBaca juga: Baca lagi\nisi\nBerita"
    want = [s for s in sources if re.search(s, text, re.MULTILINE)]
    assert want == [s for s in sources if s != r"^Bacalah"]
    assert [hits for _, hits in index.hits(text)] == [want]


def test_a_line_anchored_fingerprint_of_unknown_openers_is_tried_at_every_line_start_only():
    """A line-anchored fingerprint whose first characters are not known (a CJK or Hangul
    range, a class of a category) is matched at each line start instead of searched over
    the text: found on the first line, a middle one, after a CRLF, on the last line with
    no newline after it; not where the same text stands inside a line."""
    import re
    from types import SimpleNamespace
    from kliping.cleaner.fingerprints import ANY_OPENER
    from kliping.cleaner.rules import Pattern
    sources = [r"^[\u4E00-\u9FFF]{2,6} — \S", r"^[\uAC00-\uD7AF]{2,8} - \S", r"^\d+ [^\W\d_]+ lalu$"]
    fake = SimpleNamespace(id="fake", fingerprints=tuple(
        Pattern("fingerprints", s, re.compile(s, re.MULTILINE), "fake") for s in sources))
    index = FingerprintIndex([fake])
    assert [openers for _, openers, _ in index.plans[0]] == [ANY_OPENER] * 3
    texts = ["北京时间 — y\nisi", "isi\r\n서울 - 기사\r\nisi", "isi\nJudul\n3 jam lalu", "isi\n\n北京 — 你好",
             "isi 北京时间 — y dan 서울 - 기사, 3 jam lalu", "", "\n", "北京", "x\n北京 —"]
    for text in texts:
        want = [s for s in sources if re.search(s, text, re.MULTILINE)]
        assert [hits for _, hits in index.hits(text)] == ([want] if want else []), text
    assert sum(bool(re.search(s, t, re.MULTILINE)) for s in sources for t in texts) == 4


def fake_index(sources):
    import re
    from types import SimpleNamespace
    from kliping.cleaner.rules import Pattern
    fake = SimpleNamespace(id="fake", fingerprints=tuple(
        Pattern("fingerprints", s, re.compile(s, re.MULTILINE), "fake") for s in sources))
    return FingerprintIndex([fake])


def test_reach_counts_the_newlines_a_match_can_hold():
    import re
    from kliping.cleaner.fingerprints import _reach
    assert _reach(r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,4} \(ANTARA\)", re.M) == 0
    assert _reach(r"^[^\n]{10,200}\n(?:Senin|Selasa), \d", re.M) == 1
    assert _reach(r"^a(?:\n|b){0,3}c", re.M) == 3
    assert _reach(r"^[^·,]{1,60}, Jurnalis", re.M) == 60  # a class without \n in it takes one
    assert _reach(r"^.{0,5}x", re.M) == 0 and _reach(r"(?s)^.{0,5}x", re.M) == 5
    assert _reach(r"^(?s:.{0,5})x", re.M) == 5 and _reach(r"(?s)^(?-s:.{0,5})x", re.M) == 0
    assert _reach(r"^(?=[^\n]*\bthe\b)x", re.M) == 0
    assert _reach(r"^(?=[^\n]*\n\nthe\b)x", re.M) == 2  # a literal it needs may stand ahead
    assert _reach(r"^(?<=\n\n)x", re.M) is None and _reach(r"^(?!\n\n)x", re.M) == 0
    for unbounded in (r"^\s*x", r"^[\s\S]+x", r"^(a)\n\1", r"^\D*x", r"^[^x]*\n"):
        assert _reach(unbounded, re.M) is None, unbounded


def test_fingerprints_tried_where_their_literals_stand_find_what_search_finds():
    """A line-anchored fingerprint many characters open and whose gate needs a literal
    is tried at the line starts before the places the literal stands: on the line of the
    literal, on the line above for one whose match takes a newline, with a folded
    literal, with the literal in too many places to try each (then scanned for), with
    a dotted capital I before it (the folded text keeps its places), and two lines
    above for one whose match can hold any number of newlines (scanned for)."""
    import re
    from kliping.cleaner.fingerprints import MAX_NEEDLE_SITES, SITED
    sources = [r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4} \((?:ANTARA|Antara)\) - ",
               r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}[ \t]*\n\d{1,2} (?:Januari|Maret) \d{4}",
               r"(?i)^[a-z]{2,20}, jurnalis\b", r"^[A-Z][a-z]+\s*/\s*Tribun [A-Z][a-z]+$"]
    index = fake_index(sources)
    assert [how for _, _, how in index.plans[0]] == [SITED] * 4
    many = "Antara kita. " * (MAX_NEEDLE_SITES + 2)
    texts = ["Judul\n\nJAKARTA (ANTARA) - Isi berita.", "isi\nBANDA ACEH (Antara) - x\nlagi",
             "isi JAKARTA (ANTARA) - bukan di awal baris", "Judul Berita\n12 Maret 2024\nisi",
             "Judul\n12 Maret 2024", "Isi\nBudi, JURNALIS · Senin", "İstanbul İİ\nBudi, jurnalis x",
             many + "\nJAKARTA (ANTARA) - x", many, "Isi\r\nMEDAN (ANTARA) - x", "",
             "Isi\nBudi /\n\nTribun Jateng\nisi"]  # \s* takes any number of newlines: scanned for
    for text in texts:
        want = [s for s in sources if re.search(s, text, re.MULTILINE)]
        assert [hits for _, hits in index.hits(text)] == ([want] if want else []), text
    assert sum(bool(re.search(s, t, re.MULTILINE)) for s in sources for t in texts) == 9


def test_line_start_scan_groups_by_first_characters_and_finds_each():
    """The joined scan puts fingerprints behind a class of the characters that open
    them: those opening with a blank or a repeat ([ \\t]*), a case-insensitive word,
    a class of a few letters, and one of unknown first characters are all found, at the
    text's start, after a newline, on an empty last line; none inside a line."""
    import re
    sources = [r"^[ \t]*KOMPAS\.com[ \t]*-", r"(?i)^baca juga:", r"^[JK]akarta, \d", r"^-?[ \t]*Akses$",
               r"^[\u4E00-\u9FFF]{2,6} —", r"^$", r"^\n\nX", r"(?i)^inews\.id network$|^inews network$"]
    index = fake_index(sources)
    texts = ["KOMPAS.com - isi", "judul\n   KOMPAS.com - isi", "BACA JUGA: x", "isi\nJakarta, 1 Mei",
             "isi\nKakarta, 2", "isi - Akses\nAkses", "isi\n北京时间 — y", "isi\n", "isi\n\n\nX",
             "iNews network\nINEWS.ID NETWORK", "isi baca juga: x KOMPAS.com - y", ""]
    for text in texts:
        want = [s for s in sources if re.search(s, text, re.MULTILINE)]
        assert [hits for _, hits in index.hits(text)] == ([want] if want else []), text


def test_a_gate_needing_only_a_newline_indexes_nothing():
    """A fingerprint whose gate needs only a newline (a back reference to the line
    above) is tried on every text without the literal index, where its newline would
    stand for every literal holding one ('\\n\\nFoto\\n') and admit those on every text;
    both are still found exactly where search finds them."""
    import re
    sources = [r"^([A-Z]+) [a-z]{3,}\n\1", r"^[A-Z][a-z]+(?: [A-Z][a-z]+)+\n\nFoto\n"]
    index = fake_index(sources)
    assert [how for _, _, how in index.plans[0]] == [None, "sited"]
    assert [text for text, _ in index._needled.raw] == ["\n\nFoto\n"]
    texts = ["isi\nJAKARTA raya\nJAKARTA", "Judul\nBudi Santoso\n\nFoto\nisi", "isi\n\nFoto\n", "isi", ""]
    for text in texts:
        want = [s for s in sources if re.search(s, text, re.MULTILINE)]
        assert [hits for _, hits in index.hits(text)] == ([want] if want else []), text
