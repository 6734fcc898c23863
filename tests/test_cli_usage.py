"""The command line has no traps (issue 19, items 1, 3, 5, 6): unknown options are
errors with a suggestion, `--url` names one document, filters that match nothing in the
archive say why, and errors name only the flags the user gave."""
import json

import pytest

from conftest import SAMPLES


# -- item 1: search reads options like every other command --------------------------

@pytest.mark.parametrize("typo, suggestion", [("--limt", "--limit"), ("--jsno", "--json")])
def test_search_refuses_an_unknown_option_and_suggests_the_right_one(run_cli, archive, typo, suggestion):
    result = run_cli("search", "sanksi", typo, "2", "--db", archive)
    assert result.exit_code == 2
    assert f"No such option '{typo}'" in result.stderr
    assert "Did you mean" in result.stderr and f"'{suggestion}'" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_search_h_is_help(run_cli, flag):
    result = run_cli("search", flag)
    assert result.exit_code == 0 and result.stdout.startswith("Usage: ")
    assert "search [OPTIONS] QUERY..." in result.stdout and "--limit" in result.stdout


def test_a_query_word_starting_with_a_dash_goes_after_double_dash(run_cli, archive):
    plain = run_cli("search", "sanksi", "-dijatuhkan", "--db", archive)
    assert plain.exit_code == 2
    assert "kliping search -- sanksi -dijatuhkan" in plain.stderr  # the error says how
    result = run_cli("search", "--db", archive, "--json", "--", "sanksi", "-dijatuhkan")
    assert result.exit_code == 0, result.output
    outlets = {json.loads(line)["outlet"] for line in result.stdout.splitlines()}
    assert outlets and "tribunnews" not in outlets
    quoted = run_cli("search", "sanksi -dijatuhkan", "--db", archive, "--json")
    assert quoted.stdout == result.stdout
    first = run_cli("search", "-putin", "sanksi", "--db", archive)  # click reads it as -p -u -t -i -n
    assert first.exit_code == 2 and "No such option '-putin'." in first.stderr
    assert "kliping search -- -putin sanksi" in first.stderr


# -- item 3: --url names one document ------------------------------------------------

@pytest.mark.parametrize("command", ["ingest", "clean"])
def test_url_with_several_documents_is_refused(run_cli, tmp_path, command):
    db = tmp_path / "k.db"
    extra = ["--db", db] if command == "ingest" else []
    result = run_cli(command, SAMPLES, "--url", "https://www.kontan.co.id/news/x", *extra)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr  # one line
    assert "--url" in result.stderr and "5 documents" in result.stderr
    assert result.stdout == "" and not db.exists()


def test_url_with_a_file_of_records_is_refused(run_cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"url": "https://a.example/x", "text": "Judul\n\nIsi berita."}) + "\n", "utf-8")
    result = run_cli("clean", dump, "--url", "https://www.kontan.co.id/news/x")
    assert result.exit_code == 2 and "records carry their own URL" in result.stderr


def test_url_with_one_document_still_works(run_cli, tmp_path):
    one = SAMPLES / "kontan-putin-biden.txt"
    result = run_cli("ingest", one, "--url", "https://internasional.kontan.co.id/news/x", "--db", tmp_path / "k.db")
    assert result.exit_code == 0, result.output


# -- item 5: filters that cannot match say so -----------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--outlet", "nosuch"], "no articles from outlet 'nosuch'"),
    (["--lang", "xx"], "no articles in language 'xx'"),
])
def test_search_filter_naming_nothing_in_the_archive_is_an_error(run_cli, archive, args, message):
    result = run_cli("search", "sanksi", *args, "--db", archive)
    assert result.exit_code == 1
    assert message in result.stderr


@pytest.mark.parametrize("date", ["2021-13", "2021-02-30", "2021-00", "31/12/2021", "20211"])
def test_impossible_dates_are_refused(run_cli, archive, date):
    result = run_cli("search", "sanksi", "--since", date, "--db", archive)
    assert result.exit_code == 2
    assert "--since" in result.stderr and date in result.stderr


def test_dupes_unknown_cluster_and_article_are_errors(run_cli, archive):
    result = run_cli("dupes", "--cluster", "99", "--db", archive)
    assert result.exit_code == 1 and "no cluster 99" in result.stderr
    result = run_cli("dupes", "--paragraphs", "--article", "9999", "--db", archive)
    assert result.exit_code == 1 and "no article 9999" in result.stderr
    result = run_cli("dupes", "--article", "9999", "--db", archive)
    assert result.exit_code == 1 and "no article 9999" in result.stderr


def test_dupes_article_alone_shows_its_cluster_or_says_it_has_none(run_cli, archive):
    result = run_cli("dupes", "--article", "1", "--db", archive)
    assert result.exit_code == 0
    assert "article 1 has no near-duplicate" in result.stderr


# -- item 6: errors name the flags given ----------------------------------------------

def test_num_perm_on_an_archive_signed_otherwise_names_only_that_flag(run_cli, archive):
    result = run_cli("ingest", SAMPLES, "--num-perm", "64", "--db", archive)
    assert result.exit_code == 2
    assert "--num-perm 64" in result.stderr and "num_perm=128" in result.stderr
    assert "--lsh" not in result.stderr and "dupes --rebuild --num-perm 64" in result.stderr
    same = run_cli("ingest", SAMPLES, "--num-perm", "128", "--db", archive)
    assert same.exit_code == 0, same.output


def test_bands_that_do_not_fit_name_the_flags_given(run_cli, tmp_path):
    result = run_cli("ingest", SAMPLES, "--num-perm", "130", "--lsh-rows", "8", "--lsh-bands", "20",
                     "--db", tmp_path / "k.db")
    assert result.exit_code == 2 and "--lsh-bands 20" in result.stderr
    odd = run_cli("ingest", SAMPLES, "--num-perm", "2", "--lsh-rows", "4", "--db", tmp_path / "k.db")
    assert odd.exit_code == 2 and "--num-perm 2" in odd.stderr and "--lsh-bands" not in odd.stderr


# -- item 4: a scrape with no article text is no article, as a page with none is ----------

NO_ARTICLE = {"menu.txt": "Home\nLogin\nMenu\n", "word.txt": "Sanksi\n",
              "menu.html": "<html><body><nav><a href='/'>Home</a> <a href='/login'>Login</a></nav></body></html>"}


@pytest.mark.parametrize("name", sorted(NO_ARTICLE))
def test_no_article_text_is_reported_and_never_stored_as_an_article(run_cli, tmp_path, name):
    (tmp_path / name).write_text(NO_ARTICLE[name], "utf-8")
    cleaned = run_cli("clean", tmp_path / name)
    assert cleaned.exit_code == 1 and cleaned.stdout == ""
    assert f"{tmp_path / name}: not an article: no article text found" in cleaned.stderr
    db = tmp_path / "k.db"
    stored = run_cli("ingest", tmp_path / name, "--db", db)
    assert stored.exit_code == 1 and "0 new" in stored.stdout and "1 failed" in stored.stdout
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 0
        assert conn.execute("select status from raw").fetchall() == [("failed",)]  # the input is kept


def test_a_short_real_brief_is_still_an_article():
    from kliping.cleaner import clean_text

    brief = ("Gempa Guncang Cianjur\n\nGempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat, Senin siang. "
             "BMKG menyatakan gempa tidak berpotensi tsunami.\n")
    article = clean_text(brief)
    assert article.title == "Gempa Guncang Cianjur" and "BMKG" in article.text


# -- item 6: spark clean checks its output first and keeps Spark's log out of the way -----

def test_spark_clean_refuses_an_existing_output_before_starting_spark(run_cli, tmp_path):
    pyspark = pytest.importorskip("pyspark.sql")
    (tmp_path / "out" / "clusters").mkdir(parents=True)
    result = run_cli("spark", "clean", SAMPLES, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'out' / 'clusters'} exists: give --overwrite to replace it, or another --out\n"
    assert pyspark.SparkSession.getActiveSession() is None  # no session was started for it
    assert not (tmp_path / "out" / "articles").exists()


def test_what_spark_writes_to_stderr_goes_to_a_file_the_terminal_never_sees(capfd):
    import subprocess
    import sys

    from kliping.spark.session import log_to_file

    with log_to_file() as log:  # the JVM is such a child: it inherits the redirected stderr
        subprocess.run([sys.executable, "-c", "import sys; sys.stderr.write('WARN Utils: noise\\n')"], check=True)
        log.keep = True
    assert capfd.readouterr().err == ""
    with open(log.path) as written:
        assert written.read() == "WARN Utils: noise\n"
    with log_to_file() as dropped:
        pass
    import os

    assert not os.path.exists(dropped.path)  # removed unless kept (after a failure)
    os.unlink(log.path)
