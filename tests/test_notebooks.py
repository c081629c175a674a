"""Every chapter with code can be downloaded as a notebook in its page's language, and one
downloaded notebook runs top to bottom and prints what its page shows."""
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin

import nbformat
import pytest
from nbclient import NotebookClient

from booktools import ROOT
from booktools.book import DOCS, PAGES, is_chapter, page_url
from booktools.compare import first_difference
from booktools.notebooks import notebook
from booktools.pages import headings, steps
from booktools.snippets import shown_code


class NotebookLink(HTMLParser):
    href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "book-notebook" in (attrs.get("class") or "").split():
            self.href = attrs["href"]


def download(page_address):
    """Follow a page's notebook link as a reader's browser would; the notebook it leads to."""
    with urllib.request.urlopen(page_address) as response:
        link = NotebookLink()
        link.feed(response.read().decode("utf-8"))
    assert link.href, f"{page_address} has no notebook link"
    with urllib.request.urlopen(urljoin(page_address, link.href)) as response:
        return nbformat.reads(response.read().decode("utf-8"), as_version=4)


def page_text(page):
    return page.read_text(encoding="utf-8")


CHAPTERS = [page for page in PAGES if is_chapter(page)]


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_notebook_holds_the_page_prose_and_code_in_order(served, page):
    book = download(page_url(page.relative_to(DOCS).as_posix(), served))
    code = [cell.source for cell in book.cells if cell.cell_type == "code"]
    language = "en" if page.name.endswith(".en.md") else "zh"
    sections = [shown_code(*step.snippet, language, ROOT) for step in steps(page_text(page)) if step.snippet]
    assert code == sections  # with the comments of the page's language
    prose = "\n".join(cell.source for cell in book.cells if cell.cell_type == "markdown")
    assert headings(prose) == headings(page_text(page))  # its language, its order


def test_notebook_turns_a_page_into_cells(tmp_path):
    (tmp_path / "s.py").write_text("# --8<-- [start:a]\nprint(1)  # zh: 打印\n          # en: print\n# --8<-- [end:a]\n",
                                   encoding="utf-8")
    page = ('# 标题\n\n说明，见[上一章](../part1/tensors.md#numpy)。\n\n```python\n--8<-- "s.py:a"\n```\n\n'
            '```output\n1\n```\n\n![图](../assets/figures/part1/x.png)\n\n!!! note "注意"\n    小心。\n\n'
            '<!-- not-run: 演示 -->\n```python\nimport nothing\n```\n')
    book = notebook(page, "part2/demo.md", "https://book.example/", "zh", root=tmp_path)
    assert [(c.cell_type, c.source) for c in book.cells] == [
        ("markdown", "# 标题\n\n说明，见[上一章](https://book.example/part1/tensors/#numpy)。"),
        ("code", "print(1)  # 打印"),  # the output block and the figure are left to the run
        ("markdown", "> **注意**\n>\n> 小心。"),
        ("markdown", "```python\nimport nothing\n```"),  # shown, not run
    ]
    english = notebook('[next](cnn.md)\n\n```python\n--8<-- "s.py:a"\n```\n', "part4/models.en.md",
                       "https://book.example/", "en", root=tmp_path)
    assert [c.source for c in english.cells] == ["[next](https://book.example/en/part4/cnn/)", "print(1)  # print"]


def test_a_downloaded_notebook_runs_and_prints_what_its_page_shows(served, tmp_path):
    page = DOCS / "part1" / "tensors.md"
    book = download(page_url("part1/tensors.md", served))
    NotebookClient(book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = [step for step in steps(page_text(page)) if step.snippet]
    cells = [cell for cell in book.cells if cell.cell_type == "code"]
    assert len(cells) == len(shown)
    for step, cell in zip(shown, cells):
        printed = "".join(out.get("text", "") for out in cell.outputs if out.output_type == "stream")
        assert not [out for out in cell.outputs if out.output_type == "error"], cell.source
        expected = step.output.body if step.output else ""
        problem = first_difference(expected, printed, step.tolerance.rtol, step.tolerance.atol)
        assert problem is None, f"{step.snippet}: {problem}"
