"""Fixtures shared by the site tests: the strictly built site, and that site served on localhost."""
import collections
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading

import pytest

from booktools import ROOT

# What the site tests covered, reported at the end of the run (pages loaded, links checked, ...).
COUNTS = collections.Counter()


def count(what, number=1):
    COUNTS[what] += number


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # a pytest-xdist worker: hand the counts to the controller
        session.config.workeroutput["book_counts"] = dict(COUNTS)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    COUNTS.update(getattr(node, "workeroutput", {}).get("book_counts", {}))


def pytest_terminal_summary(terminalreporter):
    if COUNTS:
        terminalreporter.section("what the site tests covered")
        for what, number in COUNTS.items():
            terminalreporter.write_line(f"{number} {what}")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                           cwd=ROOT, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory):
    """Serve a folder at http://127.0.0.1:PORT/ (a free port); yields that URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def stand_in_root(tmp_path_factory):
    """A folder to run the chapters from, with the CIFAR-10 stand-in under data/."""
    from tests.cifar10_stand_in import project_root_with_stand_in
    return project_root_with_stand_in(tmp_path_factory.mktemp("cifar10"), ROOT / "data")


@pytest.fixture(scope="session")
def served(site):
    """The built site, served on localhost for the length of the session."""
    with serve(site) as url:
        yield url
