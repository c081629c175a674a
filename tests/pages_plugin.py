"""Collect every page under docs/ (both languages) as Sybil tests.

``pytest --accept`` rewrites every output block and figure of the pages from a fresh run.
``pytest -m training`` runs only the training chapters (``training: true`` in a page's header);
with ``BOOK_REQUIRE_CUDA=1`` the run stops at once unless a CUDA device is there, so a GPU job
cannot pass by quietly training on the CPU.
"""
import functools
import os
from collections import Counter, defaultdict

import pytest
from sybil import Sybil

from booktools import ROOT
from booktools.book import is_training_chapter
from booktools.stamp import running_versions, stamp
from booktools.sybil_pages import ACCEPTED, parse_page

# Figures are written to files; no window may open during the tests.
os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true",
                     help="rewrite every output block and figure of the pages from a fresh run")


def pytest_configure(config):
    ACCEPTED.enabled = config.getoption("accept")
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


_page_outcomes = defaultdict(Counter)  # page -> outcomes of its checks in this run


def pytest_runtest_logreport(report):
    if report.fspath.endswith(".md") and (report.when == "call" or not report.passed):
        _page_outcomes[ROOT / report.fspath][report.outcome] += 1


def pytest_sessionfinish(session):
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
