"""Collect every page under docs/ (both languages) as Sybil tests.

``pytest --accept`` rewrites every output block from a fresh run instead of comparing.
"""
import os

from sybil import Sybil

from booktools import ROOT
from booktools.sybil_pages import ACCEPTED, parse_page

# Figures are written to files; no window may open during the tests.
os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true",
                     help="rewrite every output block of the pages from a fresh run")


def pytest_configure(config):
    ACCEPTED.enabled = config.getoption("accept")


def pytest_sessionfinish(session):
    if ACCEPTED.enabled:
        for page in ACCEPTED.apply():
            print(f"\nrewrote outputs in {os.path.relpath(page, ROOT)}")


def _start_page(namespace):
    """Each page runs like a script started from the project root."""
    os.chdir(ROOT)
    namespace["__name__"] = "__main__"


pytest_collect_file = Sybil(
    parsers=[parse_page], path=str(ROOT / "docs"), patterns=["*.md"], setup=_start_page, name="page",
).pytest()
