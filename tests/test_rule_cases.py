"""Every `[[tests]]` case in every rule file, one test each."""
import pytest

from kliping.cleaner import load_rules
from kliping.authoring.cases import run_case

RULES = load_rules()
CASES = [(rule, case) for rule in RULES for case in rule.tests]


def test_every_outlet_rule_carries_cases():
    for rule in RULES:
        if rule.id != "generic":
            assert rule.tests, f"{rule.id} has no [[tests]]"


@pytest.mark.parametrize("rule,case", CASES, ids=[f"{r.id}:{c['name']}" for r, c in CASES])
def test_rule_case(rule, case):
    result = run_case(rule, case, RULES)
    assert result.ok, "\n".join(result.failures)


def test_a_broken_case_fails_with_a_diff():
    rule = RULES["kontan"]
    case = dict(rule.tests[0])
    case["expect"] = dict(case["expect"], text="Teks yang salah.", editor="Orang Lain")
    result = run_case(rule, case, RULES)
    assert not result.ok
    joined = "\n".join(result.failures)
    assert "editor: expected 'Orang Lain', got 'Noverius Laoli'" in joined
    assert "-Teks yang salah." in joined and "+Presiden Rusia" in joined
