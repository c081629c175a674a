"""Every GitHub Actions workflow passes actionlint."""
import subprocess
import sys
from pathlib import Path

import pytest

from booktools import ROOT

ACTIONLINT = Path(sys.executable).parent / "actionlint"  # installed by requirements.txt
CONFIG = ROOT / ".github" / "actionlint.yaml"  # the self-hosted runner labels
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files):
    return subprocess.run([str(ACTIONLINT), "-no-color", "-config-file", str(CONFIG), *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow):
    result = actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  publish:\n    needs: tests\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'needs job "tests" which does not exist' in result.stdout
    assert "no_such_property" in result.stdout


def test_there_is_a_publishing_workflow():
    text = "\n".join(w.read_text(encoding="utf-8") for w in WORKFLOWS)
    assert "actions/deploy-pages@" in text and "needs: cpu" in text
