"""Compare a section's printed output with the output block on the page.

Text must match exactly, except that runs of spaces are folded and trailing blanks
are ignored; numbers match within a tolerance, so that another CPU or BLAS library
does not fail a page, while any changed digit at the precision a page prints does.
"""
import difflib
import math
import re

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
TOKEN = re.compile(NUMBER.pattern + r"|\n|[^\s\d.+-]+|[.+-]")


def normalise(text):
    """Drop trailing blanks on each line and blank lines at either end."""
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip("\n")


def tokens(text):
    return TOKEN.findall(normalise(text))


def _is_number(token):
    return NUMBER.fullmatch(token) is not None


def first_difference(expected, actual, rtol, atol):
    """A sentence naming the first token that differs, or None when the outputs match."""
    want, got = tokens(expected), tokens(actual)
    line = 1
    for a, b in zip(want, got):
        if a == "\n":
            line += 1
        if _is_number(a) and _is_number(b):
            if not math.isclose(float(a), float(b), rel_tol=rtol, abs_tol=atol):
                return f"output line {line}: expected {a}, got {b} (rtol={rtol:g}, atol={atol:g})"
        elif a != b:
            return f"output line {line}: expected {a!r}, got {b!r}"
    if len(want) != len(got):
        return f"output line {line}: the page shows {len(want)} tokens, the run printed {len(got)}"
    return None


def diff(expected, actual, page_label, run_label):
    lines = difflib.unified_diff(
        normalise(expected).split("\n"), normalise(actual).split("\n"),
        fromfile=page_label, tofile=run_label, lineterm="",
    )
    return "\n".join(lines)
