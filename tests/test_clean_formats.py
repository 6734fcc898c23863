"""`kliping clean --format jsonl|txt|md|csv` and `--out DIR` (issue 19 item 10): jsonl
stays the contract byte for byte, csv reads back to the same articles, txt/md show the
title, metadata lines and text, one file per article never overwrites silently."""
import csv
import io
import json
import os
import re

import pytest

from kliping.cleaner import CONTRACT_KEYS, Article
from kliping.cli.formats import file_name, md, md_escape

from conftest import SAMPLES

SEEDS = sorted(str(p) for p in SAMPLES.glob("*.txt"))


def articles(run_cli) -> list[dict]:
    result = run_cli("clean", *SEEDS, "-q")
    assert result.exit_code == 0
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_is_the_default_and_unchanged(run_cli):
    default = run_cli("clean", *SEEDS, "-q").stdout
    assert run_cli("clean", *SEEDS, "-q", "--format", "jsonl").stdout == default
    assert [list(json.loads(line)) for line in default.splitlines()] == [list(CONTRACT_KEYS)] * len(SEEDS)


def test_csv_one_row_per_article_lists_as_json(run_cli):
    result = run_cli("clean", *SEEDS, "-q", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == len(SEEDS) and list(rows[0]) == list(CONTRACT_KEYS)
    for row, want in zip(rows, articles(run_cli)):
        for key, value in want.items():
            if isinstance(value, list):
                assert json.loads(row[key]) == value
            else:
                assert row[key] == ("" if value is None else value)  # text keeps its blank lines


def test_txt_and_md_show_title_metadata_and_text(run_cli):
    want = articles(run_cli)
    txt = run_cli("clean", SEEDS[1], "--format", "txt").stdout
    assert txt.startswith(want[1]["title"] + "\n\n")
    assert f"editor: {want[1]['editor']}\n" in txt and f"source: {SEEDS[1]}\n" in txt
    assert want[1]["text"] in txt
    two = run_cli("clean", *SEEDS[:2], "--format", "txt").stdout
    assert two.count("=" * 72) == 1
    page = run_cli("clean", SEEDS[1], "--format", "md").stdout
    assert page.startswith("# Putin") and f"- **editor**: {want[1]['editor']}\n" in page
    assert "Presiden Rusia Vladimir Putin memperingatkan" in page
    assert run_cli("clean", *SEEDS[:3], "--format", "md").stdout.count("\n---\n") == 2


def test_md_keeps_hostile_text_inert():
    art = Article(source="x", outlet="generic", title="# <img src=x onerror=alert(1)>",
                  paragraphs=("<script>alert(1)</script> *tebal*", "1. bukan daftar", "> bukan kutipan"),
                  url="javascript:alert(1)", image="https://x.example/a).jpg")
    out = md(art)
    assert not re.search(r"(?<!\\)<(?:script|img)", out)  # every "<" escaped: no raw HTML
    assert "\\<script\\>alert(1)\\</script\\> \\*tebal\\*" in out
    assert out.startswith("# \\# \\<img")
    assert "1\\. bukan daftar" in out and "\\> bukan kutipan" in out
    assert "](javascript" not in out and "<javascript" not in out  # not made a link
    assert "- **image**: <https://x.example/a).jpg>" in out
    assert md_escape("biasa saja") == "biasa saja"


def test_out_dir_one_file_per_article_never_overwritten(run_cli, tmp_path):
    out = tmp_path / "out"
    result = run_cli("clean", *SEEDS, "-q", "--format", "md", "--out", out)
    assert result.exit_code == 0 and result.stdout == ""
    files = sorted(os.listdir(out))
    assert files == sorted(file_name(s, "md") for s in SEEDS) and len(files) == len(SEEDS)
    assert all(name.endswith(".md") and name.split("-")[0] in ("blogmirror", "inews", "kontan", "tribunnewswiki", "voi")
               for name in files)
    before = {name: (out / name).read_bytes() for name in files}
    (out / files[0]).write_text("mine", "utf-8")
    again = run_cli("clean", *SEEDS, "-q", "--format", "md", "--out", out)
    assert again.exit_code == 1
    assert again.stderr.count("exists; not overwritten (--overwrite replaces it)") == len(SEEDS)
    assert (out / files[0]).read_text("utf-8") == "mine"
    forced = run_cli("clean", *SEEDS, "-q", "--format", "md", "--out", out, "--overwrite")
    assert forced.exit_code == 0
    assert {name: (out / name).read_bytes() for name in files} == before


def test_out_dir_jsonl_files_hold_the_contract_line(run_cli, tmp_path):
    lines = run_cli("clean", *SEEDS, "-q").stdout.splitlines(keepends=True)
    run_cli("clean", *SEEDS, "-q", "--out", tmp_path)
    for source, line in zip(SEEDS, lines):
        assert (tmp_path / file_name(source, "jsonl")).read_text("utf-8") == line
    run_cli("clean", SEEDS[0], "--format", "csv", "--out", tmp_path / "c")
    [row] = list(csv.DictReader(open(tmp_path / "c" / file_name(SEEDS[0], "csv"), newline="", encoding="utf-8")))
    assert row["source"] == SEEDS[0]


def test_bad_out_dir_is_one_clear_error(run_cli, tmp_path):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", "utf-8")
    result = run_cli("clean", SEEDS[0], "--out", a_file)
    assert result.exit_code == 2 and "--out" in result.stderr and "not a folder" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_cli("clean", SEEDS[0], "--out", a_file / "sub")
    assert result.exit_code == 2 and "cannot make the folder" in result.stderr
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = run_cli("clean", SEEDS[0], "--out", locked)
        assert result.exit_code == 2 and "not writable" in result.stderr


def test_out_dir_is_not_made_when_the_inputs_are_wrong(run_cli, tmp_path):
    """A typo in an input path is an error before anything is written: no folder is left behind."""
    (tmp_path / "empty").mkdir()
    for bad in (tmp_path / "missing.txt", tmp_path / "empty"):
        result = run_cli("clean", bad, "--out", tmp_path / "out")
        assert result.exit_code != 0 and "Traceback" not in result.stderr
        assert not (tmp_path / "out").exists(), result.stderr


def test_out_dir_inside_the_inputs_is_not_read_back(run_cli, tmp_path):
    for seed in SEEDS[:2]:
        (tmp_path / os.path.basename(seed)).write_bytes(open(seed, "rb").read())
    assert run_cli("clean", tmp_path, "--out", tmp_path / "out", "--format", "txt").exit_code == 0
    again = run_cli("clean", tmp_path, "--out", tmp_path / "out", "--format", "txt", "--overwrite")
    assert again.exit_code == 0 and "inside --out" in again.stderr
    assert len(os.listdir(tmp_path / "out")) == 2


def test_option_clashes_are_usage_errors(run_cli, tmp_path):
    assert run_cli("clean", SEEDS[0], "--pretty", "--format", "md").exit_code == 2
    assert run_cli("clean", SEEDS[0], "--overwrite").exit_code == 2
    assert run_cli("clean", SEEDS[0], "--format", "xml").exit_code == 2


@pytest.mark.parametrize("source, name", [
    ("samples/inews-putin-biden.txt", "inews-putin-biden-txt-"),
    ("dump.jsonl:12", "dump-jsonl-12-"),
    ("crawl.warc.gz#3", "crawl-warc-gz-3-"),
    ("<stdin>", "stdin-"),
    ("../../etc/passwd", "passwd-"),
    ("berita/Ibukota Nusantara — ÉDISI.html", "ibukota-nusantara-edisi-html-"),
    ("/", "article-"),
])
def test_file_names_are_stable_slugs(source, name):
    got = file_name(source, "md")
    assert got.startswith(name) and got.endswith(".md") and "/" not in got and len(got) <= 80
    assert got == file_name(source, "md") != file_name(source + "x", "md")


def test_readme_names_the_file_out_writes():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"`samples/inews-putin-biden.txt` → `{file_name('samples/inews-putin-biden.txt', 'md')}`" in readme


def test_pretty_and_txt_show_the_page_details(run_cli, tmp_path):
    from test_archive_page_details import page

    path = tmp_path / "berita.html"
    path.write_text(page(1, "Regional", ["banjir", "Kudus"]), "utf-8")
    pretty = run_cli("clean", path, "--pretty").stdout
    assert "    section: Regional\n" in pretty and "       tags: banjir, Kudus\n" in pretty
    assert "  site_name: Berita Kota\n" in pretty and "   modified: 2022-01-01T10:00:00+07:00\n" in pretty
    text = run_cli("clean", path, "--format", "txt").stdout
    assert "section: Regional\ntags: banjir, Kudus\nsite_name: Berita Kota\n" in text
    assert text.endswith("images:\n  - https://www.beritakota.example/foto/1.jpg (Foto nomor 1)\n")
    markdown = run_cli("clean", path, "--format", "md").stdout
    assert markdown.endswith("- ![Foto nomor 1](<https://www.beritakota.example/foto/1.jpg>)\n")
