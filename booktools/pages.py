"""Read a book page into the steps the tests run.

A page is Markdown. What matters to the tests:

* a ```python block whose one line embeds a snippet section (``--8<-- "file:section"``);
* the ```output block right after it, holding what the section prints;
* a figure right after those (a Markdown image whose path has a ``figures/`` folder): the
  picture the section draws with matplotlib, compared with the file the page shows;
* directives in HTML comments, right before the block they qualify, visible in the source:

  ``<!-- not-run: reason -->``          a Python block shown but not run
  ``<!-- requires: name -->``           run only where the resource exists (else skipped)
  ``<!-- output: rtol=0.01; reason -->``  a wider tolerance for the next output block
  ``<!-- output: alias=cuda:0>cpu; reason -->``  text the run may print instead of the page's
  ``<!-- figure: tol=5; reason -->``    a wider tolerance (RMS of the pixel difference) for the next figure

Anything else that looks like code but is not run is an error, so nothing on a page
escapes the tests by accident; so is any other block right after code (a ```text block there
would pass for a checked output: an output the book did not produce sits in a ``!!! quoted`` box).
"""
import re
from dataclasses import dataclass, field
from typing import Optional

from .snippets import parse_embed

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
DIRECTIVE = re.compile(r"^[ \t]*<!--\s*(?P<name>[\w-]+)\s*:(?P<value>.*?)-->[ \t]*$", re.MULTILINE)
# An image of a figures/ folder is drawn by the code before it; other images are left alone.
FIGURE = re.compile(r"^[ \t]*!\[[^\]\n]*\]\((?P<src>[^)\s]*\bfigures/[^)\s]+\.png)\)[ \t]*$", re.MULTILINE)
# A Material admonition's first line: `!!! note "Title"` (or collapsible `???`), its body indented below.
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>\w+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$',
                        re.MULTILINE)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*$", re.MULTILINE)
KNOWN_DIRECTIVES = {"not-run", "requires", "output", "figure"}
PYTHON = {"python", "py"}
TOLERANCE_KEYS = {"rtol", "atol", "alias"}


@dataclass
class Fence:
    start: int
    end: int
    body_start: int
    body_end: int
    indent: str
    lang: str
    body: str
    line: int


@dataclass
class Directive:
    start: int
    end: int
    name: str
    value: str
    line: int


@dataclass
class Figure:
    start: int
    end: int
    src: str  # relative to the page, as the page writes it
    line: int
    tol: float = 0.5  # RMS of the pixel difference, on a 0-255 scale
    reason: str = ""


@dataclass
class Tolerance:
    rtol: float = 1e-6
    atol: float = 1e-9
    aliases: list = field(default_factory=list)  # (printed by the run, shown on the page)
    reason: str = ""


@dataclass
class Step:
    """One thing the tests do for a page: run a section, skip a block, or report an error."""

    start: int
    end: int
    line: int
    snippet: Optional[tuple] = None  # (file, section)
    code_fence: Optional[Fence] = None
    output: Optional[Fence] = None
    figure: Optional[Figure] = None
    tolerance: Tolerance = field(default_factory=Tolerance)
    requires: list = field(default_factory=list)
    not_run: str = ""
    error: str = ""
    number: Optional[int] = None  # the how-manieth embedded section of its page, from 0


def _line_of(text, position):
    return text.count("\n", 0, position) + 1


def _dedent(body, indent):
    return "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip() for line in body.split("\n"))


def lex(text):
    """Fences and directives of a page, in order."""
    items = []
    for m in FENCE.finditer(text):
        lang = m["info"].strip().split(" ")[0].strip("{}").lstrip(".").lower()
        body = _dedent(m["body"], m["indent"]).rstrip("\n")
        items.append(Fence(m.start(), m.end(), m.start("body"), m.end("body"), m["indent"], lang, body, _line_of(text, m.start())))
    fenced = [(f.start, f.end) for f in items]
    for m in FIGURE.finditer(text):
        if not any(a <= m.start() < b for a, b in fenced):
            items.append(Figure(m.start(), m.end(), m["src"], _line_of(text, m.start())))
    for m in DIRECTIVE.finditer(text):
        if m["name"] in KNOWN_DIRECTIVES and not any(a <= m.start() < b for a, b in fenced):
            items.append(Directive(m.start(), m.end(), m["name"], m["value"].strip(), _line_of(text, m.start())))
    return sorted(items, key=lambda item: item.start)


def headings(text):
    """The headings of a page, in order, as written: without the `#`s and without a `{ #id }` attribute
    list; lines inside code blocks are not headings."""
    for fence in reversed([item for item in lex(text) if isinstance(item, Fence)]):
        text = text[:fence.start] + text[fence.end:]
    return [re.sub(r"\s*\{[^}]*\}$", "", m[1]) for m in HEADING.finditer(text)]


def parse_tolerance(value):
    """``rtol=0.01 atol=0.5 alias=cuda:0>cpu; why`` -> Tolerance. Raises ValueError with a reason."""
    settings, _, reason = value.partition(";")
    if not reason.strip():
        raise ValueError("an output allowance needs its reason after ';'")
    tolerance = Tolerance(reason=reason.strip())
    for pair in settings.replace(",", " ").split():
        key, _, setting = pair.partition("=")
        if key not in TOLERANCE_KEYS:
            raise ValueError(f"unknown allowance {key!r} (known: {', '.join(sorted(TOLERANCE_KEYS))})")
        if key == "alias":
            printed, arrow, shown = setting.partition(">")
            if not (printed and arrow and shown):
                raise ValueError(f"alias needs the form PRINTED>SHOWN, not {setting!r}")
            tolerance.aliases.append((printed, shown))
            continue
        try:
            setattr(tolerance, key, float(setting))
        except ValueError:
            raise ValueError(f"{key} needs a number, not {setting!r}") from None
    return tolerance


def _adjacent(text, first, second):
    """True when only blank space separates two items."""
    return not text[first.end:second.start].strip()


def _with_directives(text, items):
    """Each fence with the directives right before it, as (fence, directives); a directive that
    is not directly followed by a block becomes an error step."""
    pending = []
    for item in items:
        if pending and not _adjacent(text, pending[-1], item):
            yield _orphan_directive(pending[0])
            pending = []
        if isinstance(item, Directive):
            pending.append(item)
        else:
            yield item, pending
            pending = []
    if pending:
        yield _orphan_directive(pending[0])


def steps(text):
    """A page's steps, in page order: each Python block with the output block and figure right after it."""
    items = lex(text)
    result = []
    code = None  # the last code step, while an output block or a figure may still follow it
    for entry in _with_directives(text, items):
        if isinstance(entry, Step):
            result.append(entry)
            code = None
            continue
        fence, directives = entry
        if isinstance(fence, Figure):
            first = directives[0] if directives else fence
            if code and _adjacent(text, code, first):
                _attach_figure(code, fence, directives)
            else:
                result.append(Step(fence.start, fence.end, fence.line, error=(
                    f"line {fence.line}: a figure with no embedded Python block before it")))
            code = None
            continue
        if fence.lang in PYTHON:
            code = _code_step(fence, directives)
            result.append(code)
            continue
        if fence.lang == "output":
            first = directives[0] if directives else fence
            if code and _adjacent(text, code.code_fence, first):
                _attach_output(code, fence, directives)
            else:
                result.append(Step(fence.start, fence.end, fence.line, error=(
                    f"line {fence.line}: an output block with no embedded Python block before it")))
            code = code if code and code.output is fence else None
            continue
        if code and _adjacent(text, code, directives[0] if directives else fence):
            result.append(Step(fence.start, fence.end, fence.line, error=(
                f"line {fence.line}: a ```{fence.lang or ' '} block right after code reads as its checked output; "
                "an output the book did not produce goes in a !!! quoted box that says where it comes from")))
        elif directives:
            result.append(_orphan_directive(directives[0]))
        code = None
    result = sorted(result + _unclosed_fences(text, items), key=lambda step: step.start)
    for number, step in enumerate(step for step in result if step.snippet):
        step.number = number
    return result


def _unclosed_fences(text, items):
    """Fence lines that open no block that closes: Markdown shows the rest of the page as code."""
    closed = [(fence.start, fence.end) for fence in items if isinstance(fence, Fence)]
    return [Step(m.start(), m.end(), _line_of(text, m.start()),
                 error=f"line {_line_of(text, m.start())}: a code fence that is never closed")
            for m in FENCE_LINE.finditer(text) if not any(a <= m.start() < b for a, b in closed)]


def _attach_output(step, fence, directives):
    step.output, step.end = fence, fence.end
    for directive in directives:
        if directive.name != "output":
            step.error = f"line {directive.line}: '{directive.name}' belongs right before a Python block"
            continue
        try:
            step.tolerance = parse_tolerance(directive.value)
        except ValueError as problem:
            step.error = f"line {directive.line}: {problem}"


def _attach_figure(step, figure, directives):
    step.figure, step.end = figure, figure.end
    for directive in directives:
        if directive.name != "figure":
            step.error = f"line {directive.line}: '{directive.name}' does not qualify a figure"
            continue
        try:
            figure.tol, figure.reason = parse_figure_tolerance(directive.value)
        except ValueError as problem:
            step.error = f"line {directive.line}: {problem}"


def parse_figure_tolerance(value):
    """``tol=5; why`` -> (5.0, "why"). Raises ValueError with a reason."""
    setting, _, reason = value.partition(";")
    if not reason.strip():
        raise ValueError("a figure allowance needs its reason after ';'")
    key, _, number = setting.strip().partition("=")
    if key != "tol":
        raise ValueError(f"a figure allowance is tol=NUMBER, not {setting.strip()!r}")
    try:
        return float(number), reason.strip()
    except ValueError:
        raise ValueError(f"tol needs a number, not {number!r}") from None


def _orphan_directive(directive):
    return Step(directive.start, directive.end, directive.line,
                error=f"line {directive.line}: directive '{directive.name}' is not directly followed by the block it qualifies")


def _code_step(fence, directives):
    start = directives[0].start if directives else fence.start
    step = Step(start, fence.end, fence.line, code_fence=fence)
    for directive in directives:
        if directive.name == "not-run":
            if not directive.value:
                step.error = f"line {directive.line}: 'not-run' needs a reason"
            step.not_run = directive.value
        elif directive.name == "requires":
            step.requires = directive.value.split()
        else:
            step.error = f"line {directive.line}: an 'output' directive belongs right before an output block"
    step.snippet = parse_embed(fence.body)
    if not step.snippet and "--8<--" in fence.body and not step.not_run:
        step.error = f'line {fence.line}: an embed names a file and a section: --8<-- "snippets/FILE.py:SECTION"'
    if not step.snippet and not step.not_run and not step.error:
        step.error = (f"line {fence.line}: this Python block is neither an embedded snippet section "
                      "nor marked <!-- not-run: reason -->")
    return step
