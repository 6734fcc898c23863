"""Rule files: strict validation with file:line, URL and fingerprint matching, merging."""
from pathlib import Path

import pytest

from kliping.cleaner import RuleError, load_rules
from kliping.cleaner.rule_loader import builtin_rules_dir, parse_rule_file, rule_schema

from conftest import SAMPLES, rules_dir

OUTLETS = {"generic", "kontan", "inews", "tribunnews", "voi", "blogmirror"}


def test_builtin_rules_ship_with_the_package(rules):
    assert OUTLETS <= {r.id for r in rules}
    assert (builtin_rules_dir() / "rule.schema.json").is_file()
    assert rule_schema()["additionalProperties"] is False


def test_outlet_rules_extend_generic(rules):
    kontan = rules["kontan"]
    sources = [p.rule for p in kontan.patterns("body.related")]
    assert sources[0] == "kontan" and sources[-1] == "generic"


@pytest.mark.parametrize("url,outlet", [
    ("https://www.kontan.co.id/news/x", "kontan"),
    ("https://internasional.kontan.co.id/news/pasca-putin", "kontan"),
    ("https://jabar.inews.id/berita/x", "inews"),
    ("https://www.inews.id/news/internasional/putin", "inews"),
    ("https://jateng.tribunnews.com/2021/12/31/banjir", "tribunnews"),
    ("https://www.tribunnewswiki.com/2021/12/31/joe-biden", "tribunnews"),
    ("https://voi.id/berita/123/x", "voi"),
    ("https://beritadunia.blogspot.com/2021/12/x.html", "blogmirror"),
    ("https://www.kompas.com/read/x", "kompas"),
    ("https://www.jawapos.com/read/x", "generic"),
    ("https://notkontan.co.id/x", "generic"),
    ("kontan.co.id/news/x", "kontan"),
])
def test_url_matching(rules, url, outlet):
    assert rules.match(url=url).rule.id == outlet


def test_hosts_matched_once_answer_the_same_and_are_kept_within_bounds(monkeypatch):
    import kliping.cleaner.rules as rules_module

    rules = load_rules()
    monkeypatch.setattr(rules_module, "HOSTS_REMEMBERED", 3)
    urls = ["https://jateng.tribunnews.com/a", "https://www.kontan.co.id/b", "https://voi.id/c",
            "https://x.blogspot.com/d", "https://www.jawapos.com/e", "https://notkontan.co.id/f"]
    first = [(m.rule.id, m.reason) if m else None for m in map(rules.match_host, urls)]
    again = [(m.rule.id, m.reason) if m else None for m in map(rules.match_host, urls + urls[::-1])]
    assert again == first + first[::-1]
    assert first[0] == ("tribunnews", "parent domain 'tribunnews.com' of 'jateng.tribunnews.com'")
    assert first[4] is None and first[5] is None
    assert len(rules._by_host) <= 3


def test_first_answers_asked_again_are_the_same_and_kept_within_bounds(monkeypatch):
    """Rule.first keeps its last answers: asked again, a line gets the same answer as
    the patterns give (hit or miss, per key), and the answers kept stay within
    RECENT_CHARS characters of lines; a line of LONG_TEXT or more is never kept."""
    import kliping.cleaner.rules as rules_module

    rule = load_rules()["generic"]
    monkeypatch.setattr(rules_module, "RECENT_CHARS", 200)
    lines = ["JAKARTA, KOMPAS.com - Pemerintah kota membuka jalan baru di pinggir sungai.",
             "Baca juga: Jalan baru dibuka di pinggir sungai", "", "\u2028", "x\r",
             "Pemerintah kota membuka jalan baru di pinggir sungai pada hari Senin."]
    keys = ("body.dateline", "body.related", "header.drop")
    plain = {(k, ln): rule._first(k, ln) for k in keys for ln in lines}
    for _ in range(3):
        for k in keys:
            for ln in lines:
                hit, want = rule.first(k, ln), plain[k, ln]
                assert (hit and (hit[0], hit[1].span())) == (want and (want[0], want[1].span()))
                answers, kept = rule._recent
                assert kept[0] < 200 + max(map(len, lines)) and len(answers) <= len(keys) * len(lines)
    assert plain["body.dateline", lines[0]] and plain["body.related", lines[1]]
    assert not plain["body.dateline", lines[5]] and not plain["body.related", lines[0]]
    long = "Pemerintah kota membuka jalan baru. " * (rules_module.LONG_TEXT // 30)
    assert rule.first("body.dateline", long) is None
    assert ("body.dateline", long) not in rule._recent[0]


def test_url_match_says_why(rules):
    assert "parent domain 'tribunnews.com'" in rules.match(url="https://jateng.tribunnews.com/x").reason
    assert rules.match(url="https://www.voi.id/x").reason == "host 'voi.id' of 'voi.id'"


@pytest.mark.parametrize("sample,outlet", [
    ("kontan-putin-biden.txt", "kontan"), ("inews-putin-biden.txt", "inews"),
    ("tribunnewswiki-putin-biden.txt", "tribunnews"), ("voi-putin-biden.txt", "voi"),
    ("blogmirror-putin-biden.txt", "blogmirror"),
])
def test_fingerprints_recognise_url_less_scrapes(rules, sample, outlet):
    assert rules.match(text=(SAMPLES / sample).read_text("utf-8")).rule.id == outlet


def test_mirror_of_an_outlet_is_a_mirror(rules):
    text = (SAMPLES / "kontan-putin-biden.txt").read_text("utf-8") + "\nNo comments:\n"
    assert rules.match(text=text).rule.id == "blogmirror"


def test_nothing_matches_means_generic(rules):
    match = rules.match(url=None, text="Judul\n\nIsi berita biasa.")
    assert match.rule.id == "generic" and "generic" in match.reason


def test_an_unknown_outlets_common_furniture_routes_to_no_outlet(rules):
    """What many Indonesian sites print (a byline in two labelled lines, a bulleted list
    of points in the text) is no outlet's fingerprint: a scrape of a site without a rule
    that shows them is cleaned by the generic rule, not by the first outlet printing them."""
    text = ("Warga Desa Sukamaju Gelar Kerja Bakti Bersihkan Saluran Air\n\n"
            "Penulis: Rina Ayu\nEditor: Budi Santoso\n\n"
            "Warga Desa Sukamaju menggelar kerja bakti pada Minggu pagi untuk membersihkan saluran air.\n\n"
            "Kepala desa menyebut tiga hal yang dikerjakan warga:\n"
            "• Membersihkan saluran air di sepanjang jalan desa\n"
            "• Mengangkut sampah plastik ke tempat pembuangan akhir\n"
            "• Memperbaiki gorong-gorong yang rusak akibat banjir\n\n"
            "Kegiatan serupa akan digelar setiap bulan.\n")
    assert rules.match(text=text).rule.id == "generic"
    tribun = text.replace("• Membersihkan saluran air di sepanjang jalan desa",
                          "• Warga Pesisir Keluhkan Banjir Rob yang Tak Kunjung Surut")
    assert rules.match(text=tribun).rule.id == "tribunnews"  # a title-case headline as a bullet: another story's link


def test_unknown_key_names_file_line_and_key(tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\n\n[body]\ndrop = []\ndorp = ["x"]\n')
    with pytest.raises(RuleError) as err:
        load_rules(d)
    msg = str(err.value)
    assert "acme.toml:5:" in msg and "unknown key 'body.dorp'" in msg and "allowed here" in msg


def test_unknown_top_level_key(tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\nhost = ["acme.id"]\n')
    with pytest.raises(RuleError, match=r"acme.toml:2: unknown key 'host'"):
        load_rules(d)


def test_bad_regex_names_file_line_and_pattern(tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\n[header]\ndrop = [\n  \'^ok$\',\n  \'^(bad\',\n]\n')
    with pytest.raises(RuleError) as err:
        load_rules(d)
    assert "acme.toml:5: header.drop: bad regular expression '^(bad'" in str(err.value)


def test_wrong_type_is_reported(tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\nlanguage = "Indonesian"\n')
    with pytest.raises(RuleError, match=r"acme.toml:2: language: 'Indonesian' does not match"):
        load_rules(d)


def test_bad_toml_is_reported_with_line(tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\n[body\n')
    with pytest.raises(RuleError, match=r"acme.toml:2:\d+: not valid TOML"):
        load_rules(d)


def test_extends_unknown_rule(tmp_path):
    d = rules_dir(tmp_path, 'extends = "nope"\n')
    with pytest.raises(RuleError, match="extends unknown rule 'nope'"):
        load_rules(d)


def test_user_rule_replaces_builtin_of_same_id(tmp_path):
    d = rules_dir(tmp_path, 'name = "My VOI"\nhosts = ["voi.id"]\n', "voi.toml")
    rules = load_rules(d)
    assert rules["voi"].name == "My VOI" and rules["voi"].path.startswith(str(d))


def test_missing_rules_dir(tmp_path):
    with pytest.raises(RuleError, match="rules directory not found"):
        load_rules(tmp_path / "nope")


def test_every_builtin_rule_file_parses_alone():
    for f in sorted(builtin_rules_dir().glob("*.toml")):
        assert parse_rule_file(f).id == f.stem


def test_rules_load_from_a_zipped_package(tmp_path):
    """`spark-submit --py-files kliping.zip` ships the package as a zip: its rules load."""
    import subprocess
    import sys
    import zipfile

    import kliping

    package = Path(kliping.__file__).parent
    archive = tmp_path / "kliping.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in package.rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts:
                zf.write(f, Path("kliping") / f.relative_to(package))
    code = ("import kliping, sys; assert kliping.__file__.startswith(sys.argv[1]), kliping.__file__; "
            "from kliping.cleaner import load_rules; print(sorted(r.id for r in load_rules()))")
    result = subprocess.run([sys.executable, "-c", code, str(archive)], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(archive), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "'kontan'" in result.stdout and "'generic'" in result.stdout


def test_cleaning_without_rules_reads_the_rule_files_once(monkeypatch, tmp_path):
    """`clean_text(text)` in a loop must not read and parse every rule file per document
    (it did: some 40 ms a call, twenty times the cleaning itself); a rule file changed
    on disk is read again."""
    from kliping.cleaner import clean_text, rule_loader

    shipped = tmp_path / "rules"
    shipped.mkdir()
    for f in builtin_rules_dir().glob("*.toml"):
        (shipped / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(rule_loader, "builtin_rules", lambda: shipped)
    parsed = []
    real_parse = rule_loader.parse_rule_file
    monkeypatch.setattr(rule_loader, "parse_rule_file",
                        lambda path, *a, **k: parsed.append(path.stem) or real_parse(path, *a, **k))
    scrape = "Judul berita\nJAKARTA - Isi berita yang cukup panjang untuk sebuah paragraf.\n"
    first = clean_text(scrape)
    assert "generic" in parsed
    parsed.clear()
    assert clean_text(scrape) == first
    assert parsed == []
    generic = shipped / "generic.toml"
    generic.write_text(generic.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    clean_text(scrape)
    assert "generic" in parsed
