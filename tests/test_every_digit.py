"""Changing any digit of any output block on a page makes that page's check fail, pointing at it."""
import math
import os
import re
from pathlib import Path

import pytest

from booktools import ROOT
from booktools.book import DOCS, ZH_PAGES, english
from booktools.compare import NUMBER
from booktools.pages import steps
from booktools.sybil_pages import PRINTED, check_output, run_step


def run_page(path):
    """(step, printed) for each step of the page that ran, in page order."""
    os.chdir(ROOT)
    namespace = {"__name__": "__main__"}
    results = []
    for step in output_steps(path):
        try:
            printed, problem, _ = run_step(step, namespace, str(path))
        except pytest.skip.Exception:
            break  # later steps may depend on the skipped one; the page test reports the skip
        assert problem is None, problem
        results.append((step, printed))
    return results


def mutations(body):
    """Each way of changing one digit: (mutated body, output line, old number, new number)."""
    for number in NUMBER.finditer(body):
        for offset, char in enumerate(number[0]):
            if char.isdigit():
                position = number.start() + offset
                new_digit = str((int(char) + 1) % 10)
                mutated = body[:position] + new_digit + body[position + 1:]
                new_number = number[0][:offset] + new_digit + number[0][offset + 1:]
                yield mutated, body.count("\n", 0, position) + 1, number[0], new_number


def output_steps(page):
    return [step for step in steps(page.read_text(encoding="utf-8")) if step.snippet and not step.error and not step.not_run]


def printed_outputs(page):
    """What each step of the page prints: from this session's page test when it ran the whole page
    (the pages run first, see testpaths, and with pytest-xdist in the same worker: see tests/pages_plugin.py),
    else from a fresh run."""
    recorded = PRINTED.get(str(page), {})
    runnable = output_steps(page)
    if runnable and all(step.start in recorded for step in runnable):
        return [recorded[step.start] for step in runnable]
    return [printed for _, printed in run_page(page)]


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_changed_digit_is_caught(page):
    """The Chinese page runs once; both languages' output blocks are mutated against that run
    (test_parity makes sure they embed the same sections with the same outputs)."""
    printed = printed_outputs(page)
    for twin in (page, english(page)):
        checked = check_every_digit(zip(output_steps(twin), printed))
        if page.relative_to(DOCS) == Path("part1/tensors.md"):
            assert checked > 500, f"only {checked} digits checked on {twin.name}"


def check_every_digit(runs):
    checked = 0
    for step, printed in runs:
        if step.output is None:
            continue
        assert check_output(step, printed, "page") is None
        tolerance = step.tolerance
        for mutated, line, old, new in mutations(step.output.body):
            step.output.body, original = mutated, step.output.body
            try:
                problem = check_output(step, printed, "page")
            finally:
                step.output.body = original
            if math.isclose(float(old), float(new), rel_tol=tolerance.rtol, abs_tol=tolerance.atol):
                assert problem is None  # within the tolerance the page declares
                continue
            assert problem is not None, f"changing {old} to {new} at output line {line} went unnoticed"
            assert re.search(rf"output line {line}\b", problem), problem
            checked += 1
    return checked
