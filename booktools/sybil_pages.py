"""The Sybil parser and evaluator that run a page's snippet sections and check their output."""
import contextlib
import io
import math
import shutil
import sys
import tempfile
import traceback
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest
from sybil import Region

from . import ROOT
from .compare import diff, first_difference, normalise
from .pages import steps
from .resources import RESOURCES, missing
from .snippets import SnippetError, load_section


class Accepted:
    """Output blocks to rewrite from a fresh run (accept mode), applied at the end of the session."""

    def __init__(self):
        self.enabled = False
        self.edits = {}  # page path -> list of (start, end, new text)

    def record(self, page, step, printed):
        printed = normalise(printed)
        edits = self.edits.setdefault(page, [])
        if step.output is not None and printed:
            edits.append((step.output.body_start, step.output.body_end, _indented(printed, step.output.indent)))
        elif step.output is not None:  # the section no longer prints: drop its output block
            edits.append((step.code_fence.end, step.output.end, ""))
        elif printed:
            indent = step.code_fence.indent
            block = f"\n\n{indent}```output\n{_indented(printed, indent)}{indent}```"
            edits.append((step.code_fence.end, step.code_fence.end, block))

    def apply(self):
        """Rewrite every recorded page; returns the pages changed."""
        changed = []
        for page, edits in self.edits.items():
            path = Path(page)
            text = original = path.read_text(encoding="utf-8")
            for start, end, new in sorted(edits, reverse=True):
                text = text[:start] + new + text[end:]
            if text != original:
                path.write_text(text, encoding="utf-8")
                changed.append(page)
        self.edits.clear()
        return changed


ACCEPTED = Accepted()
# What each page step printed in this session: page path -> {step start: printed}.
# The digit-mutation test reuses these runs instead of training a model once more.
PRINTED = {}
# Where each run's figures are drawn before they are compared with the page's.
FRESH_FIGURES = Path(tempfile.gettempdir()) / "book-figures"


def _indented(text, indent):
    return "".join(f"{indent}{line}\n" if line else "\n" for line in text.split("\n"))


def run_section(section, namespace):
    """Run a section's code in the page's namespace; return what it printed."""
    # Pad with blank lines so that a traceback names the snippet file's own line numbers.
    source = "\n" * (section.first_line - 1) + section.code
    code = compile(source, str(ROOT / section.path), "exec")
    namespace.setdefault("__name__", "__main__")  # a page runs as a script does
    plt = sys.modules.get("matplotlib.pyplot")
    if plt:  # a section draws a whole figure: it starts with none open, whoever ran before it
        plt.close("all")
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), _as_main_module(namespace):
        exec(code, namespace)
    return captured.getvalue()


class _PageModule(types.ModuleType):
    """Stands for ``__main__`` while a page runs, so that pickle finds the page's classes
    (``torch.save(model)``) as it would in a script."""

    def __init__(self, namespace):
        super().__init__("__main__")
        self._namespace = namespace

    def __getattr__(self, name):
        try:
            return self._namespace[name]
        except KeyError:
            raise AttributeError(name) from None


@contextlib.contextmanager
def _as_main_module(namespace):
    main = sys.modules["__main__"]
    sys.modules["__main__"] = _PageModule(namespace)
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _label(path, line):
    page = Path(path)
    return f"{page.relative_to(ROOT) if page.is_relative_to(ROOT) else page}:{line}"


# Set by the tests where CIFAR-10 is absent: a function that moves the page's run onto a small
# stand-in in CIFAR-10's on-disk format, so that its blocks run (their outputs are not compared).
STAND_IN = {"cifar10": None}


def run_step(step, namespace, where, stand_in=None):
    """Run one step of a page. Returns (printed, problem, on_stand_in): problem is a failure message
    or None; on_stand_in says that the step ran on a stand-in for an absent dataset.

    Skips (not-run blocks, absent resources without a stand-in) raise pytest's Skipped with their reason.
    stand_in: {resource name: function that makes the run use its stand-in}, or None.
    """
    if step.error:
        return None, f"{where}: {step.error}", False
    if step.not_run:
        pytest.skip(f"{where}: not run: {step.not_run}")
    try:
        absent = [name for name in step.requires if missing([name])]
    except KeyError as unknown:
        return None, f"{where}: unknown requirement {unknown} (known: {', '.join(sorted(RESOURCES))})", False
    replaced = [name for name in absent if (stand_in or {}).get(name)]
    if absent != replaced:
        pytest.skip(f"{where}: {'; '.join(missing([name for name in absent if name not in replaced]))}")
    for name in replaced:
        stand_in[name]()
    file, name = step.snippet
    try:
        section = load_section(file, name, ROOT)
    except SnippetError as problem:
        return None, f"{where}: {problem}", False
    printed = run_section(section, namespace)
    for run_text, page_text in step.tolerance.aliases:
        printed = printed.replace(run_text, page_text)
    return printed, None, bool(replaced)


def check_output(step, printed, where):
    """A failure message if the printed output does not match the page's output block."""
    file, name = step.snippet
    run_label = f"run of {file}:{name}"
    if step.output is None:
        if printed.strip():
            return f"{where}: {file}:{name} printed output but the page shows no output block:\n{printed}"
        return None
    page_label = f"{where} (output block at line {step.output.line})"
    tolerance = step.tolerance
    problem = first_difference(step.output.body, printed, tolerance.rtol, tolerance.atol)
    if problem:
        if tolerance.reason:
            problem += f"; the page allows this block: {tolerance.reason}"
        return f"{page_label} differs from the {run_label}: {problem}\n" + diff(step.output.body, printed, page_label, run_label)
    return None


def _figure_path(page, step):
    return Path(page).parent / step.figure.src


def draw_figure(step, page, where):
    """Save the figure a step's section drew, if the page shows one. Returns (path, problem).

    A section draws a whole figure: one it leaves open without the page showing it is a failure
    (and is closed, so that it cannot leak into a later section's figure).
    """
    file, name = step.snippet
    if step.figure is None:
        plt = sys.modules.get("matplotlib.pyplot")  # None unless some code drew something
        if plt and plt.get_fignums():
            plt.close("all")
            return None, f"{where}: {file}:{name} draws a figure, but the page shows none after it"
        return None, None
    import matplotlib.pyplot as plt  # only pages with figures pay for the import
    if not plt.get_fignums():
        return None, f"{where}: {file}:{name} draws no figure, but the page shows {step.figure.src}"
    drawn = FRESH_FIGURES / Path(page).stem / Path(step.figure.src).name
    drawn.parent.mkdir(parents=True, exist_ok=True)
    plt.gcf().savefig(drawn, metadata={"Software": None})  # no version stamp: same drawing, same bytes
    plt.close("all")
    return drawn, None


def _figure_rms(expected, drawn):
    """RMS of the pixel difference of two PNG files; infinite when their sizes differ."""
    from matplotlib.testing.compare import compare_images
    from matplotlib.testing.exceptions import ImageComparisonFailure
    try:
        result = compare_images(str(expected), str(drawn), tol=0, in_decorator=True)
    except ImageComparisonFailure:  # the figures differ in size
        return math.inf
    return 0.0 if result is None else result["rms"]


def check_figure(step, drawn, page, where):
    """A failure message if the drawn figure differs from the page's beyond its tolerance."""
    figure, (file, name) = step.figure, step.snippet
    expected = _figure_path(page, step)
    if not expected.is_file():
        return f"{where}: figure {figure.src} does not exist; `make accept` draws it (fresh figure: {drawn})"
    rms = _figure_rms(expected, drawn)
    if rms <= figure.tol:
        return None
    allowance = f"; the page allows this figure: {figure.reason}" if figure.reason else ""
    difference = "another size" if math.isinf(rms) else f"RMS of the pixel difference {rms:.2f} > tol {figure.tol}"
    return (f"{where}: figure {figure.src} differs from the one {file}:{name} draws "
            f"({difference}{allowance}); the fresh figure is at {drawn}")


def accept_figure(drawn, expected):
    """Accept mode: keep the page's figure file unless the drawing changed."""
    if not expected.is_file() or _figure_rms(expected, drawn) > 0:
        expected.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(drawn, expected)


@dataclass
class Run:
    """What one embedded section did when its chapter's code ran."""

    where: str  # the page and line whose check ran it
    printed: Optional[str] = None
    drawn: Optional[Path] = None  # the figure it drew
    problem: Optional[str] = None  # why the run failed
    skipped: Optional[str] = None  # why it did not run
    on_stand_in: bool = False


# Each chapter's code runs once per session: (chapter, section number, section) -> Run. Both pages of a
# chapter embed the same sections in the same order (tests/test_parity.py), so whichever page is
# checked first runs the code, in its namespace, and the other page is checked against that run.
RUNS = {}


def chapter(page):
    return str(page).replace(".en.md", ".md")


def _run(step, example, where):
    try:
        printed, problem, on_stand_in = run_step(step, example.namespace, where, STAND_IN)
    except pytest.skip.Exception as skipped:
        return Run(where, skipped=str(skipped.msg).removeprefix(f"{where}: "))
    except Exception:
        file, name = step.snippet
        return Run(where, problem=f"{where}: running {file}:{name} raised\n{traceback.format_exc()}")
    if problem:
        return Run(where, problem=problem)
    if on_stand_in:  # not CIFAR-10's data: neither what it prints nor what it draws is the page's
        plt = sys.modules.get("matplotlib.pyplot")
        if plt:
            plt.close("all")
        return Run(where, printed=printed, on_stand_in=True)
    drawn, problem = draw_figure(step, example.path, where)
    return Run(where, printed=printed, drawn=drawn, problem=problem)


def evaluate(example):
    step = example.parsed
    where = _label(example.path, example.line)
    if step.error:
        return f"{where}: {step.error}"
    key = (chapter(example.path), step.number, step.snippet)
    if key not in RUNS:
        RUNS[key] = _run(step, example, where)
    run = RUNS[key]
    ran_here = run.where == where
    if run.skipped:
        pytest.skip(f"{where}: {run.skipped}")
    if run.problem:
        return run.problem if ran_here else f"{where}: the run of this section (checked first at {run.where}) failed: {run.problem}"
    if run.on_stand_in:
        example.ran_on_stand_in = True
        return None
    PRINTED.setdefault(str(example.path), {})[step.start] = run.printed
    if ACCEPTED.enabled:
        ACCEPTED.record(example.path, step, run.printed)
        if run.drawn:
            accept_figure(run.drawn, _figure_path(example.path, step))
        return None
    return check_output(step, run.printed, where) or (run.drawn and check_figure(step, run.drawn, example.path, where))


def parse_page(document):
    """Sybil parser: one region per step of the page."""
    for step in steps(document.text):
        yield Region(step.start, step.end, step, evaluate)
