"""`kliping rules new|test|check|list|schema`: the commands, their output and exit status."""
from __future__ import annotations

import json
from pathlib import Path

from kliping.cleaner.rule_loader import builtin_rules_dir

from conftest import SAMPLES, rules_dir

ACME = '''name = "Acme"
hosts = ["acme.id"]
fingerprints = ['^ACME\\.ID {dash} ']

[header]
drop = ['^Menu$', '^(Iklan']
dorp = ['^x$']

[[tests]]
name = "lead"
input = """
Judul Berita Acme Hari Ini

ACME.ID - Isi berita pertama yang cukup panjang untuk dibaca sebagai paragraf.
"""
[tests.expect]
title = "Judul Berita Acme Hari Ini"
text = "Isi berita pertama yang cukup panjang untuk dibaca sebagai paragraf."
'''


# ------------------------------------------------------------------ check

def test_check_reports_a_bad_regex_and_an_unknown_key_at_their_lines(run_cli, tmp_path):
    d = rules_dir(tmp_path, ACME)
    result = run_cli("rules", "check", d / "acme.toml")
    assert result.exit_code == 1
    out = result.output
    assert f"{d / 'acme.toml'}:6:21: error: header.drop: bad regular expression '^(Iklan'" in out
    assert f"{d / 'acme.toml'}:7:1: error: unknown key 'header.dorp'" in out
    assert "hint: did you mean 'drop'?" in out
    assert "2 errors, 0 warnings" in out


def test_check_json_gives_one_object_per_problem(run_cli, tmp_path):
    d = rules_dir(tmp_path, ACME)
    result = run_cli("rules", "check", "--json", d)
    problems = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(p["line"], p["column"], p["severity"]) for p in problems] == [(6, 21, "error"), (7, 1, "error")]
    assert all(p["hint"] for p in problems)


def test_check_the_rules_in_force(run_cli):
    result = run_cli("rules", "check")
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_check_hosts_claimed_twice(run_cli, tmp_path):
    d = rules_dir(tmp_path, 'name = "Kontan copy"\nhosts = ["pikiran-rakyat.com", "kontan.co.id"]\n', "kontan2.toml")
    result = run_cli("rules", "check", "--rules", d, d)
    assert result.exit_code == 1
    assert f"{d / 'kontan2.toml'}:2:33: error: host 'kontan.co.id' is also claimed by kontan" in result.output
    assert "pikiran-rakyat.com" not in result.output


def test_check_strict_fails_on_unconfirmed_marks(run_cli, tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"  # CHECK: the outlet\'s name\n')
    assert run_cli("rules", "check", d).exit_code == 0
    strict = run_cli("rules", "check", "--strict", d)
    assert strict.exit_code == 1 and ":1:16: warning: unconfirmed guess: the outlet's name" in strict.output


# ------------------------------------------------------------------ test

def test_test_passes_and_fails_with_a_diff(run_cli, tmp_path):
    good = ACME.replace("drop = ['^Menu$', '^(Iklan']\ndorp = ['^x$']", "drop = ['^Menu$']")
    d = rules_dir(tmp_path, good)
    ok = run_cli("rules", "test", "acme", "--rules", d)
    assert ok.exit_code == 0 and "PASS acme: lead" in ok.output and "1 passed, 0 failed" in ok.output

    (d / "acme.toml").write_text(good.replace('text = "Isi berita pertama', 'text = "Isi berita kedua'), "utf-8")
    bad = run_cli("rules", "test", "acme", "--rules", d)
    assert bad.exit_code == 1
    assert "FAIL acme: lead" in bad.output and "0 passed, 1 failed" in bad.output
    assert "--- expected" in bad.output and "+++ actual" in bad.output
    assert "-Isi berita kedua yang cukup panjang" in bad.output
    assert "+Isi berita pertama yang cukup panjang" in bad.output


def test_test_runs_fixture_files_next_to_the_rule(run_cli, tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\nfingerprints = [\'^ACME\\.ID {dash} \']\n')
    (d / "acme").mkdir()
    (d / "acme" / "one.txt").write_text(
        "Judul Acme\n\nACME.ID - Paragraf pertama berita ini cukup panjang untuk dibaca sebagai teks.\n", "utf-8")
    (d / "acme" / "one.json").write_text(json.dumps({"title": "Judul Acme", "dateline": False}), "utf-8")
    (d / "acme" / "two.txt").write_text("Judul\n\nIsi.\n", "utf-8")
    result = run_cli("rules", "test", "acme", "--rules", d)
    assert "PASS acme: acme/one.txt" in result.output
    assert "FAIL acme: acme/two.txt" in result.output and "no expectations: write" in result.output
    assert result.exit_code == 1

    listed = run_cli("rules", "list", "--rules", d, "--json")
    acme = next(json.loads(line) for line in listed.stdout.splitlines() if '"acme"' in line)
    assert (acme["tests"], acme["fixtures"]) == (0, 2)


def test_test_unknown_rule_hints_at_the_rules_folder(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rules_dir(tmp_path, 'name = "Acme"\n')
    result = run_cli("rules", "test", "acme")
    assert result.exit_code == 2 and "rules/acme.toml exists: add --rules rules" in result.output


def test_test_a_rule_without_cases_fails(run_cli, tmp_path):
    d = rules_dir(tmp_path, 'name = "Acme"\n')
    result = run_cli("rules", "test", "acme", "--rules", d)
    assert result.exit_code == 1 and "no test cases for acme" in result.output


def test_test_every_builtin_rule(run_cli):
    result = run_cli("rules", "test")
    assert result.exit_code == 0, result.output
    assert "PASS kontan:" in result.output


# ------------------------------------------------------------------ list, schema

def test_list_shows_hosts_fingerprints_languages_and_counts(run_cli, rules):
    out = run_cli("rules", "list").output
    assert "kontan — Kontan (built-in)" in out
    assert "  hosts: kontan.co.id" in out
    assert "  fingerprint: (?i)^KONTAN\\.CO\\.ID\\s*{dash}" in out
    assert f"  language: id  test cases: {len(rules['kontan'].tests)}  fixture files: 0  extends: generic" in out
    listed = [json.loads(line) for line in run_cli("rules", "list", "--json").stdout.splitlines()]
    assert {r["id"] for r in listed} == {r.id for r in rules}


def test_schema_prints_the_shipped_schema(run_cli):
    path = Path(run_cli("rules", "schema").stdout.strip())
    assert path == builtin_rules_dir() / "rule.schema.json"
    assert json.loads(path.read_text("utf-8"))["title"] == "kliping outlet rule"


# ------------------------------------------------------------------ new

def test_new_writes_once_and_never_overwrites(run_cli, tmp_path):
    sample = SAMPLES / "kontan-putin-biden.txt"
    out = tmp_path / "mine"
    first = run_cli("rules", "new", "kontanmirror", "--from", sample, "--dir", out)
    assert first.exit_code == 0, first.output
    written = (out / "kontanmirror.toml").read_text("utf-8")
    assert f"wrote {out / 'kontanmirror.toml'}" in first.output and "marks to confirm" in first.output
    again = run_cli("rules", "new", "kontanmirror", "--from", sample, "--dir", out)
    assert again.exit_code == 1 and "exists; not overwritten" in again.output
    assert (out / "kontanmirror.toml").read_text("utf-8") == written


def test_new_refuses_bad_ids_and_html(run_cli, tmp_path):
    sample = SAMPLES / "kontan-putin-biden.txt"
    assert run_cli("rules", "new", "Bad ID", "--from", sample, "--dir", tmp_path).exit_code == 2
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><body><p>x</p></body></html>", "utf-8")
    result = run_cli("rules", "new", "acme", "--from", page, "--dir", tmp_path)
    assert result.exit_code == 1 and "plain-text scrapes" in result.output
    assert not (tmp_path / "acme.toml").exists()


def test_new_says_when_it_would_replace_a_builtin_rule(run_cli, tmp_path):
    result = run_cli("rules", "new", "voi", "--from", SAMPLES / "voi-putin-biden.txt", "--dir", tmp_path)
    assert result.exit_code == 0 and "a rule 'voi' exists already" in result.stderr
