"""Search in the language of the article: real VOI pages in English, French, Japanese,
Chinese and Indonesian (tests/corpus/text), stemmed per language or found by substring."""
from __future__ import annotations

import asyncio
import gzip
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from kliping.archive.db import SCHEMA_VERSION, TRIGRAM, open_archive, schema_version
from kliping.archive.query import parse_query
from kliping.archive.search import search
from kliping.archive.stem import stem_text, words

CORPUS = Path(__file__).resolve().parent / "corpus" / "text"
FIXTURE_V4 = Path(__file__).resolve().parent / "fixtures" / "archive" / "schema-v4.db.gz"
PAGES = {
    "en": ["voi-en-24383-bitcoin-price-idr-400-million", "voi-en-technology-325010-bitcoin-rally-kaiko"],
    "fr": ["voi-fr-415997-jokowi-retour-solo"],
    "ja": ["voi-ja-270704-kpk-ott-meranti", "voi-ja-amp-20913-edhy-arrest-mahfud",
           "voi-ja-196048-jokowi-volunteers-pilpres"],
    "zh": ["voi-zh-299866-asean-summit-jokowi", "voi-zh-amp-248813-jokowi-bike-asean"],
    "id": ["voi-id-makin-deras-hujan-gemuruh-petir-jakarta"],
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from click.testing import CliRunner

    from kliping.cli import main

    path = tmp_path_factory.mktemp("languages") / "kliping.db"
    files = [str(CORPUS / f"{name}.txt") for names in PAGES.values() for name in names]
    result = CliRunner().invoke(main, ["ingest", *files, "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def hits(path, query, **kw):
    db = open_archive(path, readonly=True)
    try:
        return search(db, query, **kw)
    finally:
        db.close()


def source_words(path, article_id) -> set[str]:
    with sqlite3.connect(path) as conn:
        title, text = conn.execute("select title, text from articles where id = ?", [article_id]).fetchone()
    return set(words(f"{title or ''} {text}"))


def test_languages_detected_as_the_corpus_says(archive):
    with sqlite3.connect(archive) as conn:
        counts = dict(conn.execute("select language, count(*) from articles group by language"))
    assert counts == {lang: len(names) for lang, names in PAGES.items()}


def test_english_inflected_forms_meet_at_their_english_stem(archive):
    # the Indonesian stemmer leaves English endings alone: only the English one joins them
    assert stem_text("increases", "id") != stem_text("increase", "id")
    assert stem_text("increases", "en") == stem_text("increase", "en") == stem_text("increased", "en")
    found = hits(archive, "increases")
    assert {h.language for h in found} == {"en"} and len(found) == 2
    kaiko = [h for h in found if "increases" not in source_words(archive, h.id)]
    assert kaiko, "an article that never writes 'increases' is found by 'increase'"
    assert "<mark>increase</mark>" in kaiko[0].snippet
    assert any("<mark>increased</mark>" in h.snippet or "<mark>increases</mark>" in h.snippet for h in found)


def test_english_stems_are_stored_for_english_articles_only(archive):
    with sqlite3.connect(archive) as conn:
        rows = dict(conn.execute("select language, group_concat(text_stem, ' ') from articles group by language"))
    assert "increas" in rows["en"].split()  # English Snowball stem of increase/increased
    assert "hujan" in rows["id"].split()
    assert "yang" not in rows["id"].split()  # Indonesian stop words are still left out


def test_french_articles_use_the_french_stemmer(archive):
    found = hits(archive, "présidentielle")  # the article says "présidentiel"
    assert [h.language for h in found] == ["fr"]
    assert "<mark>présidentiel</mark>" in found[0].snippet


def test_indonesian_search_unchanged(archive):
    found = hits(archive, "menderasnya hujan")  # stems: deras, hujan
    assert [h.language for h in found] == ["id"]
    assert "<mark>hujan</mark>" in found[0].snippet


def test_japanese_substring_inside_a_run_of_characters(archive):
    query = "汚職撲滅"  # "anti-corruption", inside a longer run of kana and kanji
    assert query not in source_words(archive, 1) | {w for a in range(1, 10) for w in source_words(archive, a)}
    found = hits(archive, query)
    assert [h.language for h in found] == ["ja"]
    assert f"<mark>{query}</mark>" in found[0].snippet
    assert len(hits(archive, "ジョコ")) == 2  # kana with voicing marks, as typed
    presidents = hits(archive, "大統領")  # "president": two VOI Japanese pages of this set
    assert [h.language for h in presidents] == ["ja", "ja"]
    assert all("<mark>大統領</mark>" in h.snippet for h in presidents)


def test_chinese_substring_and_its_limits(archive):
    found = hits(archive, "佐科威")  # Jokowi
    assert sorted(h.language for h in found) == ["zh", "zh"]
    assert hits(archive, "佐科威 -自行车") and len(hits(archive, "佐科威 -自行")) == 1
    # fewer than 3 characters: the trigram index cannot be used; the Chinese and Japanese
    # articles are read instead
    assert parse_query("佐科").substring is None
    assert sorted(h.language for h in hits(archive, "佐科")) == ["zh", "zh"]
    assert [h.language for h in hits(archive, "佐科 -自行")] == ["zh"]
    assert all("<mark>佐科</mark>" in h.snippet for h in hits(archive, "佐科"))


def test_trigram_index_follows_updates(tmp_path, run_cli):
    page = (CORPUS / "voi-ja-270704-kpk-ott-meranti.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(page, encoding="utf-8")
    second.write_text(page.replace("汚職撲", "検察庁"), encoding="utf-8")
    path, url = tmp_path / "k.db", "https://voi.id/jp/news/270704"
    assert run_cli("ingest", first, "--url", url, "--db", path).exit_code == 0
    assert len(hits(path, "汚職撲")) == 1
    assert run_cli("ingest", second, "--url", url, "--db", path).exit_code == 0  # rewritten (ingest batch)
    assert hits(path, "汚職撲") == [] and len(hits(path, "検察庁")) == 1
    db = open_archive(path)
    db.execute("update articles set text = replace(text, '検察庁', '最高裁'), language = 'ja'")  # triggers
    db.conn.commit()
    assert search(db, "検察庁") == [] and len(search(db, "最高裁")) == 1
    db.execute("update articles set language = 'id'")  # no longer Japanese: leaves the index
    db.conn.commit()
    assert search(db, "最高裁") == []
    db.execute("delete from articles")
    db.conn.commit()
    assert db.execute(f"select count(*) from {TRIGRAM}('最高裁')").fetchone()[0] == 0
    db.close()


def test_an_archive_made_by_schema_version_4_is_migrated(tmp_path):
    """schema-v4.db.gz: seven of these pages ingested by kliping before this change
    (schema version 4, every article stemmed as Indonesian, no trigram index)."""
    path = tmp_path / "old.db"
    with gzip.open(FIXTURE_V4) as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    with sqlite3.connect(path) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == 4
        old_stems = conn.execute("select text_stem from articles where language = 'en'").fetchall()
    with pytest.raises(Exception, match="schema version 4"):
        open_archive(path, readonly=True)
    db = open_archive(path)
    assert schema_version(db) == SCHEMA_VERSION == 7 and db[TRIGRAM].exists()
    assert db.execute("select text_stem from articles where language = 'en'").fetchall() != old_stems
    assert {h.language for h in search(db, "increases")} == {"en"}
    assert [h.language for h in search(db, "汚職撲滅")] == ["ja"]
    assert [h.language for h in search(db, "hujan")] == ["id"]
    db.close()
    with sqlite3.connect(path) as conn:  # plain SQLite (as sqlite-utils and Datasette) reads it
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        conn.execute("insert into articles_fts(articles_fts) values ('integrity-check')")


def test_datasette_canned_search_per_language(archive):
    from kliping.archive.serve import make_datasette

    ds = make_datasette(archive)

    def rows(q):
        async def fetch():
            return await ds.client.get("/kliping/search.json?_shape=objects&q=" + quote(q))
        response = asyncio.run(fetch())
        assert response.status_code == 200
        return response.json()["rows"]

    english = rows("increases")
    assert {r["language"] for r in english} == {"en"} and len(english) == 2
    japanese = rows("汚職撲滅")
    assert [r["language"] for r in japanese] == ["ja"] and "<mark>汚職撲滅</mark>" in japanese[0]["snippet"]
    assert {r["language"] for r in rows("hujan")} == {"id"}
    assert sorted(r["language"] for r in rows("佐科")) == ["zh", "zh"]  # two characters: read


def test_docs_example_runs(tmp_path, run_cli):
    """docs/archive.md, 'Search in the language of the article': each command works and
    finds (highlighted) what its comment says."""
    import glob
    import re
    import shlex

    root = CORPUS.parent.parent.parent
    text = (root / "docs" / "archive.md").read_text("utf-8")
    section = text.split("## Search in the language of the article", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 4 and lines[0].startswith("kliping ingest")
    for line in lines:
        command, _, comment = line.partition("#")
        args = []
        for arg in shlex.split(command)[1:]:
            if arg == "voi.db":
                arg = str(tmp_path / "voi.db")
            args.extend(sorted(glob.glob(str(root / arg))) if "*" in arg else [arg])
        result = run_cli(*args)
        assert result.exit_code == 0, (line, result.output)
        if comment.strip().startswith("finds:"):
            word = comment.split(":", 1)[1].strip()
            assert f"**{word}**" in result.output, (line, result.output)
