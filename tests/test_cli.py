"""The `kliping clean` contract: JSON Lines, every key, errors named, exit status."""
import json

from kliping.cleaner import CONTRACT_KEYS

from conftest import SAMPLES, json_lines


def test_clean_samples_gives_one_object_each_with_every_key(run_cli):
    result = run_cli("clean", *sorted(SAMPLES.glob("*.txt")))
    assert result.exit_code == 0, result.stderr
    docs = json_lines(result.stdout)
    assert len(docs) == 5
    for doc in docs:
        assert tuple(doc) == CONTRACT_KEYS
        assert isinstance(doc["author"], list) and isinstance(doc["related"], list)
        assert isinstance(doc["captions"], list)
        assert doc["text"] and "\n\n" in doc["text"]
    assert {d["outlet"] for d in docs} == {"blogmirror", "inews", "kontan", "tribunnews", "voi"}


def test_output_is_deterministic(run_cli):
    args = ("clean", SAMPLES)
    assert run_cli(*args).stdout == run_cli(*args).stdout


def test_directory_with_one_bad_file_among_good_ones(run_cli, tmp_path):
    for sample in SAMPLES.glob("*.txt"):
        (tmp_path / sample.name).write_bytes(sample.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\xff\x00\xfe" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("clean", tmp_path)
    assert result.exit_code == 1
    assert len(json_lines(result.stdout)) == 5
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert any("broken.txt" in e and "binary" in e for e in errors)
    assert any("empty.txt" in e and "empty file" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_latin1_file_is_cleaned(run_cli, tmp_path):
    f = tmp_path / "latin1.txt"
    text = ("Harga Kopi Naik di Pasar Induk\n\n"
            "JAKARTA - Harga kopi \u00e0 la carte naik tajam di pasar induk pekan ini, kata pedagang.\n")
    f.write_bytes(text.encode("latin-1"))
    result = run_cli("clean", f)
    assert result.exit_code == 0, result.stderr
    doc = json_lines(result.stdout)[0]
    assert doc["title"] == "Harga Kopi Naik di Pasar Induk" and "à la carte" in doc["text"]


def test_stdin_and_url(run_cli):
    text = (SAMPLES / "kontan-putin-biden.txt").read_text("utf-8")
    result = run_cli("clean", "-", "--url", "https://internasional.kontan.co.id/news/x", input=text)
    doc = json_lines(result.stdout)[0]
    assert doc["source"] == "<stdin>" and doc["outlet"] == "kontan"
    assert doc["url"] == "https://internasional.kontan.co.id/news/x"


def test_outlet_is_forced(run_cli):
    result = run_cli("clean", SAMPLES / "voi-putin-biden.txt", "--outlet", "generic")
    assert json_lines(result.stdout)[0]["outlet"] == "generic"


def test_unknown_outlet_is_a_clear_error(run_cli):
    result = run_cli("clean", SAMPLES / "voi-putin-biden.txt", "--outlet", "nope")
    assert result.exit_code == 2 and "unknown outlet rule 'nope'" in result.stderr


def test_missing_file_exit_status(run_cli, tmp_path):
    result = run_cli("clean", tmp_path / "missing.txt", SAMPLES / "voi-putin-biden.txt")
    assert result.exit_code == 1
    assert len(json_lines(result.stdout)) == 1
    assert "missing.txt" in result.stderr


def test_pretty(run_cli):
    result = run_cli("clean", SAMPLES / "inews-putin-biden.txt", "--pretty")
    assert result.stdout.startswith("# Putin Ingatkan Biden")
    assert "editor: Ahmad Islamy Jamil" in result.stdout
    assert "captions:\n  - Presiden Rusia Vladimir Putin. (Foto: Reuters)" in result.stdout


def test_user_rules_dir_overrides_and_adds(run_cli, tmp_path):
    (tmp_path / "kompas.toml").write_text(
        'name = "Kompas"\nhosts = ["kompas.com"]\n'
        "fingerprints = ['KOMPAS\\.com\\s*-']\n"
        "[body]\ndrop = ['^Lihat Foto$']\n", "utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Banjir di Jakarta Utara\n\nLihat Foto\n\n"
                    "JAKARTA, KOMPAS.com - Banjir merendam permukiman warga sejak pagi hari ini.\n", "utf-8")
    result = run_cli("clean", page, "--rules", tmp_path)
    doc = json_lines(result.stdout)[0]
    assert doc["outlet"] == "kompas" and doc["dateline"] == "JAKARTA"
    assert doc["text"] == "Banjir merendam permukiman warga sejak pagi hari ini."


def test_bad_user_rule_is_named_with_line(run_cli, tmp_path):
    (tmp_path / "bad.toml").write_text('name = "Bad"\n\n[body]\ndrop = [\'(unclosed\']\n', "utf-8")
    result = run_cli("clean", SAMPLES / "voi-putin-biden.txt", "--rules", tmp_path)
    assert result.exit_code == 1
    assert "bad.toml:4: body.drop: bad regular expression" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_is_valid_unicode(run_cli):
    result = run_cli("clean", SAMPLES / "inews-putin-biden.txt")
    line = result.stdout.splitlines()[0]
    assert "“" in line  # not \u escaped
    assert json.loads(line)["published"] == "2021-12-31T09:42:00+07:00"


def test_jobs_keep_input_order_and_output(run_cli, tmp_path):
    for i in range(12):
        for sample in SAMPLES.glob("*.txt"):
            (tmp_path / f"{i:02d}-{sample.name}").write_bytes(sample.read_bytes())
    (tmp_path / "05-bad.txt").write_bytes(b"\x00\x01" * 10)
    one = run_cli("clean", tmp_path, "--jobs", "1")
    two = run_cli("clean", tmp_path, "--jobs", "2")
    assert one.stdout == two.stdout and len(json_lines(one.stdout)) == 60
    assert one.exit_code == two.exit_code == 1
    assert one.stderr == two.stderr and "05-bad.txt" in two.stderr
    sources = [d["source"] for d in json_lines(two.stdout)]
    assert sources == sorted(sources)


def test_no_progress_bar_when_piped(run_cli, tmp_path):
    for i in range(60):
        (tmp_path / f"{i:02d}.txt").write_bytes((SAMPLES / "voi-putin-biden.txt").read_bytes())
    result = run_cli("clean", tmp_path)
    assert result.stderr == "" and len(json_lines(result.stdout)) == 60
