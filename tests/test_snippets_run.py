"""Every snippet file runs top to bottom with plain python, as the pages promise, on every operating system.

A file that starts DataLoader worker processes runs twice: with the `fork` start method (Linux) and
with `spawn` (macOS, Windows), where a script that starts workers outside an
``if __name__ == "__main__":`` guard fails. Where CIFAR-10 is absent, a file that needs it runs on the
stand-in. A file whose page needs another resource this machine lacks is skipped with that reason. A
training chapter's file trains its model again on real data, so it runs in the training run
(`make test-training`, which sets BOOK_TRAINING=1); in the full run the page test has just run the
same sections in order.
"""
import os
import re

import pytest

from booktools import ROOT
from booktools.book import SNIPPETS, embeds, is_training_chapter
from booktools.resources import missing
from tests.cifar10_stand_in import needed
from tests.scripts import run_script

WORKERS = re.compile(r"\bnum_workers\s*=\s*(?!0\b)\w+")


def starts_workers(code):
    return bool(WORKERS.search(code))


def params():
    embedded = embeds()
    for snippet in SNIPPETS:
        embedding = embedded.get(str(snippet.relative_to(ROOT)), [])
        training = any(is_training_chapter(page) for page in {page for page, _ in embedding})
        # A chapter's file runs on a machine without a GPU too: its CUDA-only code guards itself.
        needs = sorted({name for _, step in embedding for name in step.requires} - {"cuda"})
        methods = ["fork", "spawn"] if starts_workers(snippet.read_text(encoding="utf-8")) else [None]
        for method in methods:
            name = str(snippet.relative_to(ROOT)) + (f" ({method})" if method else "")
            yield pytest.param(snippet, needs, training, method, id=name,
                               marks=[pytest.mark.training] if training else [])


@pytest.mark.parametrize("snippet, needs, training, start_method", list(params()))
def test_snippet_runs_as_a_script(snippet, needs, training, start_method, stand_in_root, tmp_path):
    stand_in = needed(needs)
    absent = missing([name for name in needs if name != "cifar10" or not stand_in])
    if absent:
        pytest.skip("; ".join(absent))
    if training and not stand_in and os.environ.get("BOOK_TRAINING") != "1":
        pytest.skip("a training chapter: its page test ran the same sections in order; "
                    "`make test-training` runs the file as a script")
    ok, said = run_script(ROOT / snippet, tmp_path / "site", cwd=stand_in_root if stand_in else ROOT,
                          start_method=start_method, stand_in=stand_in)
    assert ok, said


UNGUARDED = """\
import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.arange(8.0)), batch_size=4, num_workers=1)
print(sum(batch[0].sum().item() for batch in loader))
"""


def test_workers_started_without_the_main_guard_fail_under_spawn(tmp_path):
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED)
    assert starts_workers(UNGUARDED)
    assert run_script(script, tmp_path / "site", cwd=tmp_path, start_method="fork")[0]
    ok, said = run_script(script, tmp_path / "site", cwd=tmp_path, start_method="spawn")
    assert not ok and "bootstrapping phase" in said
    guarded = UNGUARDED.replace("loader = ", 'if __name__ == "__main__":\n    loader = ').replace(
        "\nprint(", "\n    print(")
    script.write_text(guarded)
    assert run_script(script, tmp_path / "site", cwd=tmp_path, start_method="spawn")[0]


def test_workers_are_found_in_the_code():
    assert starts_workers("DataLoader(data, num_workers=2)") and starts_workers("DataLoader(d, num_workers=workers)")
    assert not starts_workers("DataLoader(data, num_workers=0)") and not starts_workers("DataLoader(data)")
