"""Collect every page under docs/ (both languages) as Sybil tests.

``pytest --accept`` rewrites every output block and figure of the pages from a fresh run.
``pytest -m training`` runs only the training chapters (``training: true`` in a page's header);
with ``BOOK_REQUIRE_CUDA=1`` the run stops at once unless a CUDA device is there, so a GPU job
cannot pass by quietly training on the CPU.

Where CIFAR-10 is absent, its blocks run on a small stand-in (tests/cifar10_stand_in.py) instead of
being skipped; their outputs are not compared, and the summary counts them apart, as
"run on the CIFAR-10 stand-in".
"""
import functools
import os
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict

import pytest
from sybil import Sybil

from booktools import ROOT
from booktools.book import is_training_chapter
from booktools.stamp import running_versions, stamp
from booktools.sybil_pages import ACCEPTED, STAND_IN, parse_page

# Figures are written to files; no window may open during the tests.
os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true",
                     help="rewrite every output block and figure of the pages from a fresh run")


STAND_IN_ROOT = []  # the folder the stand-in was built in, once a page needed it


def _use_cifar10_stand_in():
    """The rest of the page runs from a folder whose data/ holds the stand-in (and the other datasets)."""
    if not STAND_IN_ROOT:
        from tests.cifar10_stand_in import accepted_by_torchvision, project_root_with_stand_in
        accepted_by_torchvision()
        STAND_IN_ROOT.append(project_root_with_stand_in(tempfile.mkdtemp(prefix="book-cifar10-"), ROOT / "data"))
    os.chdir(STAND_IN_ROOT[0])


def pytest_configure(config):
    # Every run of the book's code, here and in the scripts and kernels the tests start, uses one
    # thread: a page's numbers then do not depend on how many cores checked it, and the workers of
    # `pytest -n` do not fight over the cores.
    os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = "1"
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)
    ACCEPTED.enabled = config.getoption("accept")
    STAND_IN["cifar10"] = _use_cifar10_stand_in
    config.addinivalue_line("markers", "training: a chapter that trains a model to completion (the GPU job runs these)")
    if os.environ.get("BOOK_REQUIRE_CUDA") == "1":
        import torch
        if not torch.cuda.is_available():
            pytest.exit("BOOK_REQUIRE_CUDA=1 but torch sees no CUDA device", returncode=3)


_training = functools.cache(is_training_chapter)


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.suffix == ".md" and _training(item.path):
            item.add_marker(pytest.mark.training)


CHAPTER_TEST = re.compile(r"^docs/(?P<page>[^:]+?)(?:\.en)?\.md::|^tests/test_every_digit\.py::.*\[(?P<zh>.+)\.md\]$")


def work_unit(nodeid):
    """What one pytest-xdist worker runs in order: a chapter's two pages and its digit-mutation test
    together (the chapter's code runs once, and the digit test reuses that run), any other test alone."""
    found = CHAPTER_TEST.match(nodeid)
    return (found["page"] or found["zh"]) if found else nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ChapterScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return work_unit(nodeid)

    return ChapterScheduling(config, log)


_page_outcomes = defaultdict(Counter)  # page -> outcomes of its checks in this run


ON_STAND_IN = ("ran on", "the CIFAR-10 stand-in")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    report = (yield).get_result()
    if call.when == "call" and getattr(getattr(item, "example", None), "ran_on_stand_in", False):
        report.user_properties.append(ON_STAND_IN)


def pytest_report_teststatus(report):
    if report.when == "call" and report.passed and ON_STAND_IN in report.user_properties:
        return "run on the CIFAR-10 stand-in", "c", "RUN ON THE CIFAR-10 STAND-IN"


def pytest_runtest_logreport(report):
    if report.fspath.endswith(".md") and (report.when == "call" or not report.passed):
        outcome = "stand_in" if ON_STAND_IN in report.user_properties else report.outcome
        _page_outcomes[ROOT / report.fspath][outcome] += 1


def pytest_sessionfinish(session):
    if STAND_IN_ROOT:
        os.chdir(ROOT)
        shutil.rmtree(STAND_IN_ROOT.pop())
    if ACCEPTED.enabled:
        for page in ACCEPTED.apply():
            print(f"\nrewrote outputs in {os.path.relpath(page, ROOT)}")
        stamp(_page_outcomes, running_versions())


def _start_page(namespace):
    """Each page runs like a script started from the project root (run_section does the rest)."""
    os.chdir(ROOT)


pytest_collect_file = Sybil(
    parsers=[parse_page], path=str(ROOT / "docs"), patterns=["*.md"], setup=_start_page, name="page",
).pytest()
