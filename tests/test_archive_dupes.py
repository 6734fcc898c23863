"""Near-duplicates across the archive: signatures, clusters, re-scrapes, shared
paragraphs, `kliping dupes`, `search --collapse`, `ingest --skip-duplicates`."""
import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kliping.archive.db import SCHEMA_VERSION, open_archive, schema_version
from kliping.archive.ingest import Received, ingest
from kliping.cleaner import Article, RawDoc, Settings
from kliping.signature import (Signature, band_keys, containment_from_jaccard,
                                       estimated_similarity, jaccard, paragraph_spans,
                                       shingles, signature_text, similarity, text_signature)

from conftest import SAMPLES, kliping

KONTAN = SAMPLES / "kontan-putin-biden.txt"
PINNED = [140092793, 78744120, 887672312, 13388627]
PINNED_BANDS = [-5814517201453842186, -3125112838253426214]
URL = "https://internasional.kontan.co.id/news/pasca-putin-berbicara-dengan-biden"


def kontan_paragraphs() -> list[str]:
    """The body paragraphs of the Kontan seed, without its furniture."""
    paragraphs = [p.strip() for p in KONTAN.read_text("utf-8").split("\n\n") if p.strip()]
    body = [p for p in paragraphs[1:] if not p.startswith(("Baca Juga", "Editor"))]
    return [p.replace("KONTAN.CO.ID -  MOSKOW. ", "") for p in body]


def blog_mirror(drop=(3, 6), title="Kremlin Puas Usai Putin dan Biden Bicara Lewat Telepon") -> str:
    """A Blogger copy of the Kontan seed: date header, its own title printed twice, two
    paragraphs dropped, Blogger's footer."""
    kept = [p for i, p in enumerate(kontan_paragraphs()) if i not in drop]
    return ("Friday 31 December 2021\n\n" + f"{title}\n\n" * 2 + "\n\n".join(kept)
            + "\n\nPosted by Admin at 9:25 PM\n\nNo comments:\n\n"
            "Email ThisBlogThis!Share to TwitterShare to Facebook\n\nLabels: Internasional\n")


@pytest.fixture
def seeded(db_path):
    assert "5 new" in kliping("ingest", SAMPLES, "--db", db_path).stdout
    return db_path


def dupes(db_path, *args):
    result = kliping("dupes", "--db", db_path, "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def article_id(db_path, outlet):
    db = open_archive(db_path)
    try:
        return db.execute("select id from articles where outlet = ? order by id", [outlet]).fetchone()[0]
    finally:
        db.close()


# -- signatures (the pure cleaner layer) ---------------------------------------------

def test_signature_text_normalises_case_digits_and_punctuation():
    assert signature_text("Rp 1.500, kata PUTIN—“Ａｂ”") == "rp 0 000 kata putin ab"
    assert shingles("Satu dua tiga empat") == {"satu dua tiga", "dua tiga empat"}
    assert shingles("Dua kata") == {"dua kata"} and shingles(" … ") == frozenset()
    assert shingles("satu dua tiga empat", Settings(shingle_size=2)) == {"satu dua", "dua tiga", "tiga empat"}


def test_signature_size_bands_and_round_trip():
    text = KONTAN.read_text("utf-8")
    sig = text_signature(text)
    assert len(sig.values) == 128 and len(sig.to_bytes()) == 512
    assert sig.shingles == len(shingles(text))
    again = Signature.from_bytes(sig.to_bytes(), sig.shingles)
    assert (again.values == sig.values).all() and band_keys(again) == band_keys(sig)
    assert len(band_keys(sig)) == 32 and len(set(band_keys(sig))) == 32
    small = Settings(num_perm=64, lsh_rows=8)
    assert len(text_signature(text, small).values) == 64 and len(band_keys(text_signature(text, small), small)) == 8
    assert text_signature(text) == sig == again and text_signature("") is None


def test_signatures_are_pinned():
    """Batch jobs must sign exactly like the archive: these values never change."""
    sig = text_signature("Presiden Rusia Vladimir Putin berbicara dengan Joe Biden selama 50 menit.")
    assert sig.shingles == 9
    assert sig.values[:4].tolist() == PINNED
    assert band_keys(sig)[:2] == PINNED_BANDS


def test_similarity_is_the_larger_of_jaccard_and_containment():
    words = [f"kata{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(100)]
    full = shingles(" ".join(words))
    part = shingles(" ".join(words[:80]))  # a copy missing the last fifth
    assert jaccard(full, part) == pytest.approx(78 / 98)
    assert similarity(full, part) == 1.0
    # containment estimated from Jaccard and set sizes
    assert containment_from_jaccard(78 / 98, 98, 78) == pytest.approx(1.0)
    est = estimated_similarity(text_signature(" ".join(words)), text_signature(" ".join(words[:80])))
    assert est > 0.85


def test_paragraph_spans_skip_short_paragraphs_and_point_into_the_text():
    text = "Singkat saja.\n\nIni paragraf yang cukup panjang untuk dihitung sebagai kutipan bersama."
    spans = paragraph_spans(text)
    assert len(spans) == 1
    _, start, length = spans[0]
    assert text[start:start + length].startswith("Ini paragraf")


# -- clusters at ingest --------------------------------------------------------------

def test_a_blog_mirror_lands_in_the_seed_cluster(seeded, tmp_path):
    (tmp_path / "mirror.txt").write_text(blog_mirror(), "utf-8")
    result = kliping("ingest", tmp_path / "mirror.txt", "--db", seeded)
    assert "1 new" in result.stdout and "1 near-duplicate" in result.stdout
    [cluster] = dupes(seeded)
    kontan = article_id(seeded, "kontan")
    members = {a["outlet"]: a for a in cluster["articles"]}
    assert set(members) == {"kontan", "blogmirror"}
    assert cluster["cluster_id"] == kontan and cluster["canonical_id"] == kontan
    mirror = members["blogmirror"]
    assert mirror["match_id"] == kontan and 0.8 <= mirror["similarity"] <= 1
    assert mirror["title"] != members["kontan"]["title"]
    text = kliping("dupes", "--db", seeded).stdout
    assert f"cluster {kontan}: 2 articles, 2 outlets" in text and "canonical" in text


def test_the_five_seed_write_ups_do_not_cluster(seeded):
    assert dupes(seeded) == []
    db = open_archive(seeded)
    texts = [shingles(r[0]) for r in db.execute("select text from articles")]
    assert len(texts) == 5
    assert max(similarity(a, b) for i, a in enumerate(texts) for b in texts[i + 1:]) < 0.8
    assert db["signatures"].count == 5 and db["signature_bands"].count == 5 * 32
    assert "No near-duplicate articles." in kliping("dupes", "--db", seeded).stderr


def test_an_outlet_is_canonical_over_a_mirror_that_came_first(db_path, tmp_path):
    (tmp_path / "mirror.txt").write_text(blog_mirror(), "utf-8")
    kliping("ingest", tmp_path / "mirror.txt", "--db", db_path)
    kliping("ingest", KONTAN, "--db", db_path)
    [cluster] = dupes(db_path)
    mirror, kontan = article_id(db_path, "blogmirror"), article_id(db_path, "kontan")
    assert cluster["cluster_id"] == mirror  # founded on the first copy
    assert cluster["canonical_id"] == kontan and cluster["articles"][0]["outlet"] == "kontan"


def test_a_rescrape_with_one_edited_paragraph_is_an_update(db_path, tmp_path):
    page = tmp_path / "kontan.txt"
    shutil.copy(KONTAN, page)
    assert "1 new" in kliping("ingest", page, "--db", db_path, "--url", URL).stdout
    text = page.read_text("utf-8")
    edited = kontan_paragraphs()[2]
    page.write_text(text.replace(edited, "Kedua pemimpin sepakat berbicara lagi bulan depan, katanya."), "utf-8")
    result = kliping("ingest", page, "--db", db_path, "--url", URL)
    assert "0 new, 1 updated" in result.stdout and "near-duplicate" not in result.stdout
    db = open_archive(db_path)
    assert db["articles"].count == 1 and dupes(db_path) == []
    assert db["signatures"].count == 1 and db["signature_bands"].count == 32  # old bands gone
    [row] = db.execute("select cluster_id from articles").fetchall()
    assert row == (None,)


def test_an_update_that_stops_copying_leaves_its_cluster(seeded, tmp_path):
    mirror = tmp_path / "mirror.txt"
    mirror.write_text(blog_mirror(), "utf-8")
    url = "https://kabarterkini.blogspot.com/2021/12/kremlin-puas.html"
    kliping("ingest", mirror, "--db", seeded, "--url", url)
    assert len(dupes(seeded)) == 1
    own = ("Pasar malam di alun-alun kota ramai dikunjungi warga sejak sore hari.\n\n"
           "Pedagang makanan mengaku omzet mereka naik dua kali lipat dibanding pekan lalu.")
    mirror.write_text(blog_mirror().split("\n\n")[0] + "\n\nPasar Malam Ramai\n\n" + own + "\n", "utf-8")
    assert "1 updated" in kliping("ingest", mirror, "--db", seeded, "--url", url).stdout
    assert dupes(seeded) == []
    db = open_archive(seeded)
    assert db.execute("select count(*) from articles where cluster_id is not null").fetchone()[0] == 0


def test_threshold_and_permutations_are_honoured(db_path, tmp_path):
    (tmp_path / "mirror.txt").write_text(blog_mirror(drop=(1, 3, 6)), "utf-8")
    kliping("ingest", KONTAN, "--db", db_path, "--num-perm", "64")
    db = open_archive(db_path)
    assert len(db.execute("select minhash from signatures").fetchone()[0]) == 64 * 4
    assert db["signature_bands"].count == 16
    result = kliping("ingest", tmp_path / "mirror.txt", "--db", db_path, "--num-perm", "64", "--threshold", "0.999")
    assert "1 new" in result.stdout and dupes(db_path) == []

    # without flags, the archive's own settings; others are refused until it is rebuilt
    assert "1 unchanged" in kliping("ingest", tmp_path / "mirror.txt", "--db", db_path, "--reclean").stdout
    refused = kliping("ingest", tmp_path / "mirror.txt", "--db", db_path, "--reclean", "--num-perm", "128")
    assert refused.exit_code == 2 and "num_perm=64" in refused.stderr and "--rebuild" in refused.stderr
    rebuilt = kliping("dupes", "--db", db_path, "--rebuild", "--json", "--num-perm", "128")
    assert rebuilt.exit_code == 0 and "2 articles signed again" in rebuilt.stderr
    assert len(json.loads(rebuilt.stdout)["articles"]) == 2
    assert db["signature_bands"].count == 2 * 32
    assert dict(db.execute("select name, value from signature_params").fetchall())["num_perm"] == 128
    bad = kliping("ingest", KONTAN, "--db", db_path, "--num-perm", "16", "--lsh-rows", "8", "--lsh-bands", "4")
    assert bad.exit_code == 2 and "num_perm=16" in bad.stderr


def test_skip_duplicates_keeps_the_raw_but_stores_no_article(seeded, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(blog_mirror(drop=()), "utf-8")
    near = tmp_path / "near.txt"
    near.write_text(blog_mirror(drop=(0, 1, 2, 3)), "utf-8")  # a third missing: not near-exact
    result = kliping("ingest", copy, near, "--db", seeded, "--skip-duplicates", "--threshold", "0.5")
    assert "1 new, 0 updated, 0 unchanged, 0 failed, 1 skipped" in result.stdout
    db = open_archive(seeded)
    assert db["articles"].count == 6
    raw = {Path(r["source"]).name: r for r in db["raw"].rows}
    assert raw["copy.txt"]["status"] == "duplicate"
    assert raw["copy.txt"]["article_id"] == article_id(seeded, "kontan")
    again = kliping("ingest", copy, "--db", seeded, "--skip-duplicates")
    assert "1 unchanged" in again.stdout and db["articles"].count == 6


def test_syndicated_paragraphs_shared_by_two_outlets_are_listed(db_path):
    agency = ("Juru Bicara Kremlin Dmitry Peskov mengatakan kedua presiden akan berbicara lagi "
              "sebelum perundingan di Jenewa pada Januari.")
    quote = ("“Ini akan menjadi kesalahan besar yang dapat menyebabkan konsekuensi paling serius,” "
             "kata Ushakov kepada wartawan di Moskow.")
    articles = {
        "a.txt": Article(source="a.txt", outlet="kontan", paragraphs=(
            "Harga minyak dunia naik tajam pada perdagangan Jumat pagi di pasar Asia.", agency, quote)),
        "b.txt": Article(source="b.txt", outlet="tribunnews", paragraphs=(
            quote, "Warga Jakarta memadati pusat perbelanjaan menjelang pergantian tahun baru.",
            "Polisi menutup beberapa ruas jalan di kawasan Bundaran HI mulai pukul delapan malam.",
            agency)),
        "c.txt": Article(source="c.txt", outlet="kontan", paragraphs=(
            agency, "Sebuah paragraf lain yang hanya ditulis oleh redaksi yang sama tanpa kutipan.")),
        "d.txt": Article(source="d.txt", outlet="voi", paragraphs=("Terlalu singkat.", "Kata Ushakov.")),
    }
    items = [Received(name, name.encode(), doc=RawDoc(source=name, data=name.encode(), text=name))
             for name in articles]
    summary = ingest(open_archive(db_path), items, lambda doc: articles[doc.source])
    assert summary.new == 4 and summary.near_duplicates == 0  # not near-duplicate articles
    found = dupes(db_path, "--paragraphs")
    assert [p["text"] for p in found] == sorted([agency, quote], key=lambda t: -len(
        {p["text"]: p for p in found}[t]["article_ids"]))
    by_text = {p["text"]: p for p in found}
    assert by_text[agency]["outlets"] == ["kontan", "tribunnews"] and len(by_text[agency]["article_ids"]) == 3
    assert by_text[quote]["article_ids"] == [1, 2]
    only_c = dupes(db_path, "--paragraphs", "--article", "3")
    assert [p["text"] for p in only_c] == [agency]
    assert "kontan, tribunnews" in kliping("dupes", "--db", db_path, "--paragraphs").stdout


def test_search_collapse_shows_one_result_per_cluster(seeded, tmp_path):
    (tmp_path / "mirror.txt").write_text(blog_mirror(), "utf-8")
    kliping("ingest", tmp_path / "mirror.txt", "--db", seeded)
    plain = [json.loads(x) for x in kliping("search", "sanksi", "--db", seeded, "--json").stdout.splitlines()]
    collapsed = [json.loads(x) for x in kliping("search", "sanksi", "--db", seeded, "--json", "--collapse").stdout.splitlines()]
    assert len(plain) == 6 and len(collapsed) == 5
    [family] = [h for h in collapsed if h["cluster_id"] is not None]
    assert family["copies"] == 1
    assert [h["rank"] for h in collapsed] == sorted(h["rank"] for h in collapsed)
    assert "+1 near-duplicate" in kliping("search", "sanksi", "--db", seeded, "--collapse").stdout


def test_a_version_1_archive_is_signed_when_opened(seeded, tmp_path):
    (tmp_path / "mirror.txt").write_text(blog_mirror(), "utf-8")
    kliping("ingest", tmp_path / "mirror.txt", "--db", seeded)
    conn = sqlite3.connect(seeded)  # take it back to version 1
    conn.executescript("""
        drop view duplicates; drop view clusters; drop view shared_paragraphs;
        drop table signatures; drop table signature_bands; drop table paragraphs; drop table signature_params;
        drop index idx_articles_cluster_id; alter table articles drop column cluster_id;
        pragma user_version = 1;
    """)
    conn.close()
    db = open_archive(seeded)
    assert schema_version(db) == SCHEMA_VERSION == 7
    assert db["signatures"].count == 6 and db["signature_bands"].count == 6 * 32
    assert db.execute("SELECT count(*) FROM signatures WHERE indexed = 0").fetchone()[0] == 0
    [cluster] = dupes(seeded)
    assert {a["outlet"] for a in cluster["articles"]} == {"kontan", "blogmirror"}


def test_settings_fields_are_the_flag_names():
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert {"num_perm", "duplicate_threshold", "lsh_rows", "lsh_bands", "shingle_size"} <= fields
    assert Settings().num_perm == 128 and Settings().duplicate_threshold == 0.8


def test_shingles_of_stored_articles_are_kept_but_never_stale(tmp_path, monkeypatch):
    from kliping.archive import dedup as dedup_module
    from kliping.archive.dedup import Deduplicator
    from kliping.signature import shingles

    monkeypatch.setattr(dedup_module, "SHINGLE_CACHE", 2)
    d = Deduplicator(open_archive(tmp_path / "k.db"))
    first, changed = "satu dua tiga empat lima enam tujuh", "delapan sembilan sepuluh sebelas dua belas"
    assert d._shingles_of(1, first) == shingles(first)
    assert d._shingles_of(1, first) is d._shingles_of(1, first)  # kept
    assert d._shingles_of(1, changed) == shingles(changed)  # the article's text changed
    d._shingles_of(2, first), d._shingles_of(3, first)
    assert list(d._shingle_cache) == [2, 3]  # the least recently verified went out
