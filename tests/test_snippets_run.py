"""Every snippet file runs top to bottom with plain python, as the pages promise.

A file whose page needs a resource this machine lacks is skipped with that reason. A training
chapter's file trains its model again, so it runs in the training run (`make test-training`, which
sets BOOK_TRAINING=1); in the full run the page test has just run the same sections in order.
"""
import os
import subprocess
import sys

import pytest

from booktools import ROOT
from booktools.book import SNIPPETS, embeds, is_training_chapter
from booktools.resources import missing


def params():
    embedded = embeds()
    for snippet in SNIPPETS:
        embedding = embedded.get(str(snippet.relative_to(ROOT)), [])
        training = any(is_training_chapter(page) for page in {page for page, _ in embedding})
        # A chapter's file runs on a machine without a GPU too: its CUDA-only code guards itself.
        needs = sorted({name for _, step in embedding for name in step.requires} - {"cuda"})
        yield pytest.param(snippet, needs, training, id=str(snippet.relative_to(ROOT)),
                           marks=[pytest.mark.training] if training else [])


@pytest.mark.parametrize("snippet, needs, training", list(params()))
def test_snippet_runs_as_a_script(snippet, needs, training):
    absent = missing(needs)
    if absent:
        pytest.skip("; ".join(absent))
    if training and os.environ.get("BOOK_TRAINING") != "1":
        pytest.skip("a training chapter: its page test ran the same sections in order; "
                    "`make test-training` runs the file as a script")
    run = subprocess.run([sys.executable, str(snippet.relative_to(ROOT))], cwd=ROOT,
                         capture_output=True, text=True, env=dict(os.environ, MPLBACKEND="Agg"))
    assert run.returncode == 0, run.stderr
