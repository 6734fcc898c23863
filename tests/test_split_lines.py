"""split_lines tidies the whole text in one pass: the same lines as tidying each one."""
import random

from kliping.cleaner.text import split_lines, tidy

#: Line breaks of every kind, combining marks, invisible characters and odd spaces.
PIECES = ["a", "e", "\u0301", "\u0327", "\n", "\r", "\r\n", "\u200b", "\u00ad", "\ufeff", " ",
          "\t", "\u00a0", "\u2028", "\x0b", "\x1c", "\x1f", "\x85", "\u3000", "\u1100", "\u1161",
          "\u11a8", "\u212b", "\u0300\u0316", "\u0344", "\u1e0b\u0323"]


def test_lines_are_tidied_as_one_by_one():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        want = [(n, tidy(raw)) for n, raw in enumerate(text.splitlines(), 1)]
        assert [(ln.number, ln.text) for ln in split_lines(text)] == want, repr(text)
