"""Every snippet file runs top to bottom with plain python, as the pages promise."""
import os
import subprocess
import sys

import pytest

from booktools import ROOT
from booktools.book import SNIPPETS


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_snippet_runs_as_a_script(snippet):
    run = subprocess.run([sys.executable, str(snippet.relative_to(ROOT))], cwd=ROOT,
                         capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"))
    assert run.returncode == 0, run.stderr
