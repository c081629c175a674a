"""Read a book page into the steps the tests run.

A page is Markdown. What matters to the tests:

* a ```python block whose one line embeds a snippet section (``--8<-- "file:section"``);
* the ```output block right after it, holding what the section prints;
* directives in HTML comments, right before the block they qualify, visible in the source:

  ``<!-- not-run: reason -->``          a Python block shown but not run
  ``<!-- requires: name -->``           run only where the resource exists (else skipped)
  ``<!-- output: rtol=0.01; reason -->``  a wider tolerance for the next output block
  ``<!-- output: alias=cuda:0>cpu; reason -->``  text the run may print instead of the page's

Anything else that looks like code but is not run is an error, so nothing on a page
escapes the tests by accident.
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
DIRECTIVE = re.compile(r"^[ \t]*<!--\s*(?P<name>[\w-]+)\s*:(?P<value>.*?)-->[ \t]*$", re.MULTILINE)
KNOWN_DIRECTIVES = {"not-run", "requires", "output"}
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
    tolerance: Tolerance = field(default_factory=Tolerance)
    requires: list = field(default_factory=list)
    not_run: str = ""
    error: str = ""


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
    for m in DIRECTIVE.finditer(text):
        if m["name"] in KNOWN_DIRECTIVES and not any(a <= m.start() < b for a, b in fenced):
            items.append(Directive(m.start(), m.end(), m["name"], m["value"].strip(), _line_of(text, m.start())))
    return sorted(items, key=lambda item: item.start)


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


def steps(text):
    """Group a page's fences and directives into steps, in page order."""
    items = lex(text)
    result = []
    pending = []  # directives waiting for the block they qualify
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if isinstance(item, Directive):
            if pending and not _adjacent(text, pending[-1], item):
                result.append(_orphan_directive(pending[0]))
                pending = []
            pending.append(item)
            continue
        if pending and not _adjacent(text, pending[-1], item):
            result.append(_orphan_directive(pending[0]))
            pending = []
        if item.lang == "output":
            step = Step(item.start, item.end, item.line,
                        error=f"line {item.line}: an output block with no embedded Python block before it")
            result.append(step)
            pending = []
            continue
        if item.lang not in PYTHON:
            if pending:
                result.append(_orphan_directive(pending[0]))
                pending = []
            continue
        step = _code_step(text, item, pending)
        pending = []
        # An output block (optionally after an output: directive) directly after the code is its output.
        j = i
        output_directive = None
        if j < len(items) and isinstance(items[j], Directive) and items[j].name == "output" and _adjacent(text, item, items[j]):
            output_directive = items[j]
            j += 1
        previous = output_directive or item
        if j < len(items) and isinstance(items[j], Fence) and items[j].lang == "output" and _adjacent(text, previous, items[j]):
            step.output = items[j]
            step.end = items[j].end
            if output_directive:
                try:
                    step.tolerance = parse_tolerance(output_directive.value)
                except ValueError as problem:
                    step.error = f"line {output_directive.line}: {problem}"
            i = j + 1
        elif output_directive:
            result.append(step)
            step = _orphan_directive(output_directive)
            i = j
        result.append(step)
    if pending:
        result.append(_orphan_directive(pending[0]))
    return result


def _orphan_directive(directive):
    return Step(directive.start, directive.end, directive.line,
                error=f"line {directive.line}: directive '{directive.name}' is not directly followed by the block it qualifies")


def _code_step(text, fence, directives):
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
    if not step.snippet and not step.not_run and not step.error:
        step.error = (f"line {fence.line}: this Python block is neither an embedded snippet section "
                      "nor marked <!-- not-run: reason -->")
    return step
