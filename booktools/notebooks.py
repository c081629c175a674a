"""A chapter as a Jupyter notebook: the page's prose and code in order, in the page's language.

Each embedded snippet section becomes a code cell, holding the page's checked output block and
figure as its outputs, so a notebook opened without running it already shows them; the prose
between becomes Markdown cells. Admonitions become quotes, and links point at the published site.
"""
import base64
import posixpath
import re
from pathlib import Path

import nbformat

from . import ROOT
from .book import page_url
from .pages import ADMONITION, Fence, Figure, lex
from .snippets import SnippetError, parse_embed, shown_code

LINK = re.compile(r"(?P<open>!?\[[^\]\n]*\]\()(?P<target>[^)\s]+)\)")
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def absolute_links(markdown, page, site_url):
    """Rewrite the page's relative links for a notebook read away from the site."""
    def rewrite(match):
        target = match["target"]
        if target.startswith("#"):  # a section of this page
            return f"{match['open']}{page_url(page, site_url)}{target})"
        if re.match(r"^([a-z][a-z0-9+.-]*:|/)", target):  # another site
            return match[0]
        path, _, fragment = target.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith(".md"):  # another chapter, in this page's language
            url = page_url(path.removesuffix(".md") + ".en.md" if page.endswith(".en.md") else path, site_url)
        else:
            url = site_url + path  # figures and other files are shared by both languages
        return f"{match['open']}{url}{'#' + fragment if fragment else ''})"
    return LINK.sub(rewrite, markdown)


def quotes_for_admonitions(markdown):
    """`!!! note "Title"` and its indented body -> a Markdown quote (Jupyter has no admonitions)."""
    lines, out, inside = markdown.split("\n"), [], None
    for line in lines:
        start = ADMONITION.match(line)
        if start:
            inside = start["indent"] + "    "
            out.append(f"> **{start['title']}**" if start["title"] else ">")
            out.append(">")
        elif inside is not None and (line.startswith(inside) or not line.strip()):
            out.append(("> " + line[len(inside):]).rstrip())
        else:
            inside = None
            out.append(line)
    return re.sub(r"(\n>)+\n(?!>)", "\n\n", "\n".join(out))  # no empty quote lines at a quote's end


def _markdown_cell(cells, markdown, page, site_url):
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.DOTALL)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip()
    if markdown:
        cells.append(nbformat.v4.new_markdown_cell(absolute_links(quotes_for_admonitions(markdown), page, site_url)))


def notebook(markdown, page, site_url, language, root=ROOT):
    """The notebook of a page. markdown: the page without its YAML header; page: its path under docs/;
    language: whose code comments the cells carry."""
    cells, position, code = [], 0, None
    for item in lex(markdown):
        if isinstance(item, Fence) and item.lang not in {"python", "output"}:
            continue  # other code blocks (shell commands, quoted outputs) stay in the prose
        _markdown_cell(cells, markdown[position:item.start], page, site_url)
        position = item.end  # directives are left out
        if isinstance(item, Fence) and item.lang == "python":
            embed = parse_embed(item.body)
            code = nbformat.v4.new_code_cell(shown_code(*embed, language, root)) if embed else None
            cells.append(code or nbformat.v4.new_markdown_cell(f"```python\n{item.body}\n```"))  # shown, not run
        elif code and isinstance(item, Fence):
            code.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=item.body + "\n"))
        elif code and isinstance(item, Figure):
            code.outputs.append(nbformat.v4.new_output("display_data", data={"image/png": _png(item, page, root)}))
    _markdown_cell(cells, markdown[position:], page, site_url)
    for count, cell in enumerate((cell for cell in cells if cell.cell_type == "code"), 1):
        cell.execution_count = count  # the page's run, in page order
    book = nbformat.v4.new_notebook(cells=cells)
    book.metadata.kernelspec = KERNEL
    book.metadata.language_info = {"name": "python"}
    nbformat.validate(book)
    return book


def _png(figure, page, root):
    path = Path(root) / "docs" / posixpath.normpath(posixpath.join(posixpath.dirname(page), figure.src))
    if not path.is_file():
        raise SnippetError(f"{page}, line {figure.line}: figure {figure.src} does not exist")
    return base64.b64encode(path.read_bytes()).decode("ascii")
