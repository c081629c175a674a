"""Source coverage: every section heading of the source notes, and where the book covers it.

The manifest (`tests/source_coverage.yml`) holds the notes' headings as titles only and, for
each, the chapter page and the heading on it, in Chinese and in English.
"""
import re

import yaml

from . import ROOT

MANIFEST = ROOT / "tests" / "source_coverage.yml"
# The notes sit beside the project when a maintainer has them; CI checks the manifest on its own.
NOTES = ROOT.parent / "shared" / "seeds"

FENCE = re.compile(r"^\s*(```|~~~)")
ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


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
    """The headings of a book page as written (without `#` and without a `{ #id }` attribute list)."""
    text = FENCE_BLOCK.sub("", page.read_text(encoding="utf-8"))
    return [re.sub(r"\s*\{[^}]*\}\s*$", "", m[1]) for m in re.finditer(r"^#{1,6}[ \t]+(.+?)[ \t]*$", text, re.MULTILINE)]


FENCE_BLOCK = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)


def load_manifest():
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
