"""The seed samples against ../shared/gold with the shared scorer, at the issue's bar."""
import subprocess
import sys

from conftest import SAMPLES


def test_seed_samples_meet_the_gold_bar(run_cli, shared, tmp_path):
    result = run_cli("clean", *sorted(SAMPLES.glob("*.txt")))
    assert result.exit_code == 0
    out = tmp_path / "out.jsonl"
    out.write_text(result.stdout, "utf-8")
    score = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(out), str(shared / "gold"),
         "--min-f1", "0.995", "--strict"], capture_output=True, text=True)
    assert score.returncode == 0, score.stdout + score.stderr
    assert "leaks=0 field_errors=0" in score.stdout
