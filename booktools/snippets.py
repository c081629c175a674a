"""Named sections of the runnable files under snippets/.

A section is cut with the pymdownx.snippets markers the site uses to embed it::

    # --8<-- [start:name]
    ...
    # --8<-- [end:name]
"""
import re
from dataclasses import dataclass
from pathlib import Path

MARKER = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):([\w-]+)\]\s*$")
# A code block that embeds a section holds exactly one line of this form.
EMBED = re.compile(r'^\s*--8<--\s*"(?P<path>[^":]+):(?P<section>[\w-]+)"\s*$')


class SnippetError(Exception):
    """A snippet file or section that cannot be read as the page asks."""


@dataclass(frozen=True)
class Section:
    path: str  # relative to the project root, as the page writes it
    name: str
    first_line: int  # 1-based line number of the first code line
    code: str


def parse_embed(block_body):
    """Return (path, section) if a code block's body is one embed line, else None."""
    match = EMBED.match(block_body.strip())
    return (match["path"], match["section"]) if match else None


def read_sections(file, root):
    """All sections of a snippet file, in file order, and the lines outside any section."""
    path = Path(root) / file
    if not path.is_file():
        raise SnippetError(f"snippet file {file} does not exist")
    sections, outside = [], []
    current, start, lines = None, 0, []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        marker = MARKER.match(line)
        if marker and marker[1] == "start":
            if current:
                raise SnippetError(f"{file}:{number}: section {marker[2]!r} starts inside {current!r}")
            current, start, lines = marker[2], number + 1, []
        elif marker:
            if marker[2] != current:
                raise SnippetError(f"{file}:{number}: end of {marker[2]!r} without its start")
            sections.append(Section(file, current, start, "\n".join(lines) + "\n"))
            current = None
        elif current:
            lines.append(line)
        elif line.strip():
            outside.append(number)
    if current:
        raise SnippetError(f"{file}: section {current!r} is never ended")
    return sections, outside


def load_section(file, name, root):
    for section in read_sections(file, root)[0]:
        if section.name == name:
            return section
    raise SnippetError(f"snippet file {file} has no section {name!r}")


def shown_code(file, name, language, root):
    """A section's code as a page in `language` shows it: with that language's comments only."""
    from .comments import CommentError, render
    try:
        return render(load_section(file, name, root).code.rstrip("\n"), language)
    except CommentError as problem:
        raise SnippetError(f"{file}, section {name!r}: {problem}") from None
