"""`kliping rules new`: a rule scaffolded from three scrapes of an outlet kliping does not
cover, once its author has confirmed what the scaffold marked, cleans a fourth scrape of
that outlet with no furniture left (tests/fixtures/scaffold/kompas: Kompas.com's shapes)."""
from __future__ import annotations

import difflib
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from kliping.cleaner import load_rules
from kliping.authoring.line_templates import date_pattern, prefix_pattern, shape_pattern
from kliping.authoring.render import toml_string, toml_text
from kliping.authoring.scaffold import scaffold_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KOMPAS = Path(__file__).resolve().parent / "fixtures" / "scaffold" / "kompas"
SEEDS = ["kompas-banjir-jaktim.txt", "kompas-harga-beras.txt", "kompas-gempa-garut.txt"]
UNSEEN = "kompas-vaksin-booster.txt"
MARK = re.compile(r"\s*#\s*CHECK:.*$")


def confirm_marks(text: str) -> str:
    """What an author does who agrees with every guess: delete each CHECK mark."""
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("# CHECK:"):
            continue
        out.append(MARK.sub("", line))
    return "\n".join(out) + "\n"


def marked_lines(text: str) -> set[int]:
    """Line indexes an author may touch: the marks, lines carrying one, the line under one."""
    lines = text.splitlines()
    marked = set()
    for i, line in enumerate(lines):
        if "# CHECK:" in line:
            marked.add(i)
            if line.lstrip().startswith("# CHECK:") and i + 1 < len(lines):
                marked.add(i + 1)
    return marked


def assert_only_marked_lines_changed(before: str, after: str) -> None:
    allowed = marked_lines(before)
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            raise AssertionError(f"lines added, not edited: {after.splitlines()[j1:j2]}")
        if tag in ("replace", "delete"):
            touched = set(range(i1, i2)) - allowed
            assert not touched, [before.splitlines()[i] for i in sorted(touched)]


@pytest.fixture
def scaffolded(run_cli, tmp_path, monkeypatch):
    """`kliping rules new kompas --from <3 seeds> --host kompas.com` run in a fresh folder."""
    monkeypatch.chdir(tmp_path)
    for name in SEEDS + [UNSEEN]:
        shutil.copy(KOMPAS / name, tmp_path / name)
    result = run_cli("rules", "new", "kompas", "--from", *SEEDS, "--host", "kompas.com")
    assert result.exit_code == 0, result.output
    return tmp_path / "rules" / "kompas.toml"


def test_scaffold_then_confirm_cleans_an_unseen_scrape(run_cli, scaffolded, tmp_path):
    before = scaffolded.read_text("utf-8")
    after = confirm_marks(before).replace('name = "Kompas"', 'name = "Kompas.com"')
    assert_only_marked_lines_changed(before, after)
    scaffolded.write_text(after, "utf-8")

    checked = run_cli("rules", "check", "--strict", scaffolded)
    assert checked.exit_code == 0, checked.output
    tested = run_cli("rules", "test", "kompas", "--rules", "rules")
    assert tested.exit_code == 0 and "3 passed, 0 failed" in tested.output, tested.output

    result = run_cli("clean", UNSEEN, "--rules", "rules")
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    want = json.loads((KOMPAS / UNSEEN).with_suffix(".json").read_text("utf-8"))
    assert article["outlet"] == "kompas"
    for key in ("title", "published", "dateline", "author", "editor", "related", "captions", "text"):
        assert article[key] == want[key], key
    assert article["description"] is None
    for furniture in want["must_not_contain"]:
        assert furniture not in article["title"] + "\n" + article["text"], furniture


def test_the_unseen_scrape_as_a_fixture_file_next_to_the_rule(run_cli, scaffolded):
    scaffolded.write_text(confirm_marks(scaffolded.read_text("utf-8")), "utf-8")
    folder = scaffolded.with_suffix("")
    folder.mkdir()
    shutil.copy(KOMPAS / UNSEEN, folder / UNSEEN)
    shutil.copy((KOMPAS / UNSEEN).with_suffix(".json"), folder / Path(UNSEEN).with_suffix(".json"))
    result = run_cli("rules", "test", "kompas", "--rules", "rules")
    assert result.exit_code == 0, result.output
    assert f"PASS kompas: kompas/{UNSEEN}" in result.output and "4 passed" in result.output


def test_every_guess_is_marked(scaffolded):
    text = scaffolded.read_text("utf-8")
    data = tomllib.loads(text)
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("["))
    cases = lines.index("[[tests]]")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("'") and stripped.endswith("',"):  # a pattern in a list
            assert lines[i - 1].strip().startswith("# CHECK:"), line
        if i < top and re.match(r"^(name|language|timezone|hosts) =", line) or (
                line.startswith("description =") and i < cases):
            assert "# CHECK:" in line, line
        if stripped.startswith("[tests.expect]"):
            assert "# CHECK:" in line
    assert set(data) >= {"name", "language", "hosts", "fingerprints", "tests"}
    assert len(data["tests"]) == 3


def test_scaffold_proposals_for_kompas():
    samples = [(n, (KOMPAS / n).read_text("utf-8")) for n in SEEDS]
    data = tomllib.loads(scaffold_rule("kompas", samples, load_rules(), host="kompas.com").text)
    assert data["hosts"] == ["kompas.com"] and data["language"] == "id"
    assert r"^{city}, KOMPAS\.com\s*{dash}" in data["fingerprints"]
    # The date line under the headline ("Kompas.com - 03/01/2022, 10:15 WIB"), which the
    # generic rule reads as the publication date, still tells where the headline is.
    assert data["headline"]["title_above"] == [r"^Kompas\.com - (?P<value>{date})$"]
    assert data["headline"]["published"] == [r"^Kompas\.com - (?P<value>{date})$"]
    assert data["headline"]["description"] == "none"
    assert data["byline"]["editor"] == [r"^Penulis (?P<author>.+?) \| Editor (?P<editor>.+)$"]
    assert data["body"]["related_start"] == ["^Pilihan Untukmu$"]
    assert data["footer"]["end"] == [r"^Simak breaking news dan berita\b.*$"]
    assert data["header"]["drop"] == ["^Terpopuler$"]
    first = data["tests"][0]
    assert first["input"].startswith("Kompas.com\nLogin\n") and first["expect"]["dateline"] == "JAKARTA"


def test_the_fingerprint_does_not_claim_other_outlets(rules):
    samples = [(n, (KOMPAS / n).read_text("utf-8")) for n in SEEDS]
    text = scaffold_rule("kompas", samples, rules, host="kompas.com").text
    data = tomllib.loads(text)
    for rule in rules:
        if rule.id == "kompas":  # the shipped rule of the same outlet
            continue
        for case in rule.tests:
            for fp in data["fingerprints"]:
                from kliping.cleaner.rules import expand
                assert not re.search(expand(fp), case["input"], re.M), (rule.id, fp)


BLOG = """{section}
{title}

{city} - {lead}

{second}

Ditulis oleh {author}
Sebarkan kabar ini ke kerabat
Artikel terkait
"""


def test_without_a_marker_line_sections_above_the_headline_are_guessed(rules):
    pages = [
        dict(section="Ekonomi", title="Harga Gabah di Tingkat Petani Naik Tipis", author="Rina Wati",
             city="SOLO", lead="Harga gabah kering panen di tingkat petani naik tipis pekan ini menjadi Rp 5.200 per kilogram.",
             second="Kenaikan terjadi karena panen raya belum dimulai di sebagian besar sentra padi."),
        dict(section="LQ45", title="Persis Solo Menang Tipis atas Tamu dari Jawa Timur", author="Budi Santosa",
             city="SOLO", lead="Persis Solo menang tipis 1-0 atas tamunya dalam laga lanjutan liga di Stadion Manahan, Sabtu malam.",
             second="Gol tunggal dicetak pada menit ke-78 lewat sundulan kepala dari sepak pojok."),
        dict(section="Daerah", title="Jalan Provinsi di Wonogiri Kembali Longsor", author="Sri Lestari",
             city="WONOGIRI", lead="Jalan provinsi penghubung Wonogiri dan Pacitan kembali tertutup longsor setelah hujan deras semalam.",
             second="Petugas menurunkan alat berat untuk membuka satu lajur jalan yang tertimbun."),
    ]
    samples = [(f"solo-{i}.txt", BLOG.format(**p)) for i, p in enumerate(pages)]
    data = tomllib.loads(scaffold_rule("solopos", samples, rules).text)
    assert data["header"]["drop"] == [r"^(?:Ekonomi|LQ\d+|Daerah)$"]
    assert data["byline"]["author"] == ["^Ditulis oleh (?P<value>.+)$"]
    assert data["footer"]["end"] == ["^Sebarkan kabar ini ke kerabat$"]
    assert data["hosts"] == []
    for case in data["tests"]:
        assert case["expect"]["title"] in {p["title"] for p in pages}


def test_a_lead_prefix_generic_datelines_miss_is_proposed(rules):
    lead = "Warta Sumbar | Padang: Pemerintah kota membuka {} posko pengaduan bagi warga yang terdampak banjir di pusat kota."
    samples = [(f"ws-{n}.txt", f"Judul Berita Nomor {n} Hari Ini\n\n{lead.format(n)}\n\nParagraf kedua berisi keterangan pejabat setempat tentang posko itu.\n")
               for n in (3, 4, 5)]
    data = tomllib.loads(scaffold_rule("wartasumbar", samples, rules).text)
    assert data["body"]["dateline"] == [r"^Warta Sumbar \| Padang:\s*{dash}?\s*"]


def test_one_sample_is_enough_to_start(rules):
    text = (KOMPAS / SEEDS[0]).read_text("utf-8")
    scaffold = scaffold_rule("kompas", [(SEEDS[0], text)], rules, host="kompas.com")
    data = tomllib.loads(scaffold.text)
    assert data["headline"]["published"] == [r"^Kompas\.com - (?P<value>{date})$"]
    assert len(data["tests"]) == 1


@pytest.mark.parametrize("a,b,pattern", [
    ("Penulis Wahyu Adityo | Editor Irfan", "Penulis Elsa Catriana | Editor Akhdi Martin",
     r"^Penulis (?P<author>.+?) \| Editor (?P<editor>.+)$"),
    ("Reporter: Ani | Foto: Budi", "Reporter: Citra Dewi | Foto: Dodi", r"^Reporter: (?P<author>.+?) \| Foto: .+$"),
    ("Harga Cabai Naik", "Harga Beras Turun Lagi Minggu Ini", None),   # too little in common
    ("Satu dua tiga", "Empat dua tiga", None),                         # first words differ
])
def test_shape_patterns(a, b, pattern):
    assert shape_pattern(a, b) == pattern


def test_date_and_prefix_patterns():
    assert date_pattern("Kompas.com - 03/01/2022, 10:15 WIB") == r"^Kompas\.com - (?P<value>{date})$"
    assert date_pattern("Harga naik 5 persen sejak Senin (3/1/2022) di seluruh pasar tradisional kota, "
                        "kata para pedagang kepada wartawan.") is None
    assert date_pattern("Tidak ada tanggal di sini") is None
    assert prefix_pattern("Pendek saja") is None
    assert prefix_pattern("Simak breaking news dan berita pilihan kami langsung di ponselmu (x).") == \
        r"^Simak breaking news dan berita\b.*$"


@pytest.mark.parametrize("value", ["a'b", "x\\d+", 'say "hi"', "tab\there", "plain"])
def test_toml_strings_round_trip(value):
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value


@pytest.mark.parametrize("value", ["one\ntwo\n", "it's '''quoted'''\n", 'ends with "\n', "x\\y\n", "a\x01b\n"])
def test_toml_texts_round_trip(value):
    assert tomllib.loads(f"v = {toml_text(value)}")["v"] == value
