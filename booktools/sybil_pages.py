"""The Sybil parser and evaluator that run a page's snippet sections and check their output."""
import contextlib
import io
from pathlib import Path

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


def _indented(text, indent):
    return "".join(f"{indent}{line}\n" if line else "\n" for line in text.split("\n"))


def run_section(section, namespace):
    """Run a section's code in the page's namespace; return what it printed."""
    # Pad with blank lines so that a traceback names the snippet file's own line numbers.
    source = "\n" * (section.first_line - 1) + section.code
    code = compile(source, str(ROOT / section.path), "exec")
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        exec(code, namespace)
    return captured.getvalue()


def _label(path, line):
    page = Path(path)
    return f"{page.relative_to(ROOT) if page.is_relative_to(ROOT) else page}:{line}"


def run_step(step, namespace, where):
    """Run one step of a page. Returns (printed, problem): problem is a failure message or None.

    Skips (not-run blocks, absent resources) raise pytest's Skipped with their reason.
    """
    if step.error:
        return None, f"{where}: {step.error}"
    if step.not_run:
        pytest.skip(f"{where}: not run: {step.not_run}")
    try:
        absent = missing(step.requires)
    except KeyError as unknown:
        return None, f"{where}: unknown requirement {unknown} (known: {', '.join(sorted(RESOURCES))})"
    if absent:
        pytest.skip(f"{where}: {'; '.join(absent)}")
    file, name = step.snippet
    try:
        section = load_section(file, name, ROOT)
    except SnippetError as problem:
        return None, f"{where}: {problem}"
    printed = run_section(section, namespace)
    for run_text, page_text in step.tolerance.aliases:
        printed = printed.replace(run_text, page_text)
    return printed, None


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


def evaluate(example):
    step = example.parsed
    where = _label(example.path, example.line)
    printed, problem = run_step(step, example.namespace, where)
    if problem:
        return problem
    if ACCEPTED.enabled:
        ACCEPTED.record(example.path, step, printed)
        return None
    return check_output(step, printed, where)


def parse_page(document):
    """Sybil parser: one region per step of the page."""
    for step in steps(document.text):
        yield Region(step.start, step.end, step, evaluate)
