"""Run a snippet file as a reader runs it, `python snippets/...`, in a fresh interpreter.

A sitecustomize written by the tests can set the start method of multiprocessing (macOS and
Windows start DataLoader workers with `spawn`) and let torchvision load the CIFAR-10 stand-in.
It applies to the script and to every worker process it starts, and never reaches a reader.
"""
import os
import subprocess
import sys
from pathlib import Path

from booktools import ROOT

SITECUSTOMIZE = """\
import os
import sys
if os.environ.get("BOOK_START_METHOD"):
    import multiprocessing
    multiprocessing.set_start_method(os.environ["BOOK_START_METHOD"], force=True)
if os.environ.get("BOOK_CIFAR10_STAND_IN"):
    sys.path.insert(0, {tests!r})
    from cifar10_stand_in import accepted_by_torchvision
    accepted_by_torchvision()
"""
TIMEOUT = 120  # seconds: a script whose workers cannot start may hang instead of failing


def sitecustomize(folder, start_method=None, stand_in=False):
    """Write the sitecustomize into `folder`; the environment variables that make a Python use it."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / "sitecustomize.py").write_text(SITECUSTOMIZE.format(tests=str(Path(__file__).parent)))
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")])),
           "BOOK_START_METHOD": start_method or "", "BOOK_CIFAR10_STAND_IN": "1" if stand_in else ""}
    return env


def run_script(script, folder, cwd=ROOT, start_method=None, stand_in=False):
    """Run `script` from `cwd`; folder: where to write the sitecustomize. Returns (ok, what it said)."""
    env = dict(os.environ, MPLBACKEND="Agg", **sitecustomize(folder, start_method, stand_in))
    try:
        run = subprocess.run([sys.executable, str(script)], cwd=cwd, env=env, capture_output=True, text=True,
                             timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f"{script} did not finish in {TIMEOUT} s"
    return run.returncode == 0, run.stderr
