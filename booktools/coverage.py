"""Source coverage: every section heading of the source notes, and where the book covers it.

The manifest (`tests/source_coverage.yml`) holds the notes' headings as titles only and, for
each, the chapter page and the heading on it, in Chinese and in English.
"""
import re

import yaml

from . import ROOT
from .book import FRONT_MATTER
from .pages import headings

MANIFEST = ROOT / "tests" / "source_coverage.yml"
# The notes sit beside the project when a maintainer has them; CI checks the manifest on its own.
NOTES = ROOT.parent / "shared" / "seeds"

FENCE = re.compile(r"^\s*(```|~~~)")
ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
SETEXT = re.compile(r"^(=+|-+)[ \t]*$")


def note_headings(text):
    """The headings of a Markdown note, in order: ATX (`## x`) and setext (`x` over `===`/`---`)."""
    headings, in_fence, previous = [], False, ""
    for line in FRONT_MATTER.sub("", text).splitlines():
        if FENCE.match(line):
            in_fence, previous = not in_fence, ""
            continue
        if in_fence:
            continue
        if ATX.match(line):
            headings.append(ATX.match(line)[2])
            line = ""
        elif SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("-", "*", "|", ">")):
            headings.append(previous.strip())
            line = ""
        previous = line
    return headings


def page_headings(page):
    return headings(page.read_text(encoding="utf-8"))


def load_manifest():
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
