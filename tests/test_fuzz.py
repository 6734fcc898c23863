"""Property tests: whatever bytes or text come in, the cleaner answers with an Article in
the output contract or a clear refusal — never another exception — and the body is never
more text than the input. KLIPING_FUZZ_EXAMPLES sets the examples per test (CI: 2,500 x 4); KLIPING_FUZZ_RANDOM=1
draws fresh examples instead of replaying the same ones (the long run: bench/fuzz)."""
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kliping.cleaner import CONTRACT_KEYS, InputError, NotAnArticle, RuleError, clean, load_rules
from kliping.cleaner.inputs import read_bytes

from conftest import SAMPLES

RULES = load_rules()
EXAMPLES = int(os.environ.get("KLIPING_FUZZ_EXAMPLES", "2500"))
#: CI replays the same examples (derandomized); bench/fuzz draws new ones each run.
DERANDOMIZE = os.environ.get("KLIPING_FUZZ_RANDOM") != "1"
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SAMPLE_LINES = [line for p in sorted(SAMPLES.glob("*.txt")) for line in p.read_text("utf-8").splitlines()]
ODD = ["\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\u00ad", "\r", "\t", "ﷺ", "é", "𝔘", "\ue000"]


def check(data: bytes, source="fuzz.txt"):
    """Clean `data` as a user's file; assert the contract or a clear refusal."""
    try:
        doc = read_bytes(data, source)
    except InputError as exc:
        assert exc.source == source and exc.message
        return None
    try:
        article = clean(doc, RULES)
    except NotAnArticle as exc:
        assert str(exc)
        return None
    out = article.to_dict()
    assert tuple(out) == CONTRACT_KEYS
    assert isinstance(out["text"], str) and all(isinstance(out[k], list) for k in ("author", "related", "captions"))
    assert out["outlet"] in {r.id for r in RULES}
    body = sum(len(p) for p in article.paragraphs)
    assert body <= len(unicodedata.normalize("NFC", doc.text))
    return article


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(st.text(max_size=2000))
def test_random_unicode(text):
    check(text.encode("utf-8"))


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(SAMPLE_LINES), st.sampled_from(ODD), st.text(max_size=80)),
                max_size=60))
def test_scrape_shaped_text_with_odd_characters(lines):
    check("\n".join(lines).encode("utf-8"))


@FUZZ
@given(st.lists(st.sampled_from(SAMPLE_LINES), min_size=1, max_size=40),
       st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-8-sig"]))
def test_mixed_encodings_and_mojibake(lines, encoding):
    text = "\n".join(lines)
    mojibake = text.encode("utf-8").decode("latin-1", errors="replace")
    check(text.encode(encoding, errors="replace"))
    check(mojibake.encode("utf-8"))


@pytest.mark.parametrize("data", [
    b"a" * 10_000_000,                                        # a 10 MB single line
    b"\x00" * 5000,                                           # NUL bytes
    ("<html><body>" + "<div>" * 3000 + "teks " * 50 + "</div>" * 3000 + "</body></html>").encode(),
    b"<html><head><title>Judul</title></head></html>",       # HTML with no body
    b"<!doctype html><html><body><p>" + "\u202e\u200f\u200bمرحبا ".encode() * 200 + b"</p></body></html>",
    "\u200b\u200f\u202e".encode() * 2000,                      # only invisible characters
], ids=["10mb-line", "nul", "deep-html", "no-body", "rtl-html", "zero-width"])
def test_hostile_inputs(data):
    check(data, "hostile.txt")


@settings(max_examples=max(EXAMPLES // 5, 50), deadline=None, derandomize=DERANDOMIZE)
@given(st.text(max_size=400))
def test_rule_file_fed_garbage(tmp_path_factory, text):
    d = tmp_path_factory.mktemp("rules")
    (d / "garbage.toml").write_text(text, "utf-8")
    try:
        load_rules(d)
    except RuleError as exc:
        assert "garbage.toml" in str(exc)


#: Building blocks of hostile rule patterns: repeats that overlap, nest and repeat.
_PIECES = [".*", ".*?", r"\w+", r"\s*", "[^,]*", ",", "x", "a", r"\d+", r"[^>]{1,30}", r"\S+", " "]
_QUANTIFIERS = ["", "*", "+", "?", "{2,5}", "{10}", "{1,60}", "*?"]
#: Lines that make backtracking patterns try every split.
_HOSTILE_LINES = ["a," * 180 + "x", "x" * 300 + "!", "a" + " » " * 60 + ">", "aaaa " * 70 + "!"]


@st.composite
def hostile_patterns(draw) -> str:
    """A pattern of 1-5 pieces, each maybe a quantified group of 1-3 pieces."""
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        inner = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3)))
        quantifier = draw(st.sampled_from(_QUANTIFIERS))
        parts.append(f"(?:{inner}){quantifier}" if quantifier else inner)
    return "^" + "".join(parts) + draw(st.sampled_from(["", "$", "P"]))


@settings(max_examples=max(EXAMPLES // 50, 40), deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(hostile_patterns())
def test_no_rule_pattern_can_hold_a_run_up(tmp_path_factory, pattern):
    """Whatever pattern a rule file holds, it is refused at load with file:line, or a
    document it is slow on fails alone within its time budget."""
    import time
    from kliping.cleaner import Settings
    from kliping.cleaner.budget import OverBudget
    from kliping.cleaner.inputs import RawDoc

    d = tmp_path_factory.mktemp("rules")
    (d / "acme.toml").write_text(f"name = 'Acme'\n[body]\ndrop = [\n    '{pattern}',\n]\n", "utf-8")
    try:
        rules = load_rules(d)
    except RuleError as exc:
        assert "acme.toml:4:" in str(exc), exc
        return
    text = "Judul Berita\n\n" + "\n\n".join(_HOSTILE_LINES)
    doc = RawDoc(source="hostile.txt", data=text.encode(), text=text)
    started = time.monotonic()
    try:
        clean(doc, rules, Settings(document_seconds=0.5), outlet="acme")
    except (NotAnArticle, OverBudget):
        pass
    assert time.monotonic() - started < 3
