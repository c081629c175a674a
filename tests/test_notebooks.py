"""Every chapter can be downloaded as a notebook in its page's language, already showing the page's
checked outputs and figures; each chapter's notebook runs top to bottom in a Jupyter kernel and
prints what its page shows (the other language's notebook holds the same code, with its own comments).

Training chapters' notebooks run in the training run (`make test-training`, BOOK_TRAINING=1);
where CIFAR-10 is absent, a notebook that needs it runs on the stand-in, in seconds, in every run, and
the outputs of its CIFAR-10 blocks are not compared.
"""
import os
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin

import nbformat
import pytest
from nbclient import NotebookClient

from booktools import ROOT
from booktools.book import DOCS, PAGES, ZH_PAGES, is_chapter, is_training_chapter, language, page_url
from booktools.compare import first_difference
from booktools.notebooks import notebook
from booktools.pages import headings, steps
from booktools.resources import missing
from booktools.snippets import SnippetError, shown_code
from tests.cifar10_stand_in import needed
from tests.scripts import sitecustomize


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
    sections = [shown_code(*step.snippet, language(page), ROOT) for step in steps(page_text(page)) if step.snippet]
    assert code == sections  # with the comments of the page's language
    shown = [step for step in steps(page_text(page)) if step.snippet]
    outputs = [[(out.output_type, out.get("text")) for out in cell.outputs] for cell in book.cells if cell.cell_type == "code"]
    assert outputs == [([("stream", step.output.body + "\n")] if step.output else [])
                       + ([("display_data", None)] if step.figure else []) for step in shown]
    prose = "\n".join(cell.source for cell in book.cells if cell.cell_type == "markdown")
    assert headings(prose) == headings(page_text(page))  # its language, its order


def test_notebook_turns_a_page_into_cells(tmp_path):
    (tmp_path / "s.py").write_text("# --8<-- [start:a]\nprint(1)  # zh: 打印\n          # en: print\n# --8<-- [end:a]\n",
                                   encoding="utf-8")
    figure = tmp_path / "docs" / "assets" / "figures" / "part1" / "x.png"
    figure.parent.mkdir(parents=True)
    figure.write_bytes(b"\x89PNG drawn")
    page = ('# 标题\n\n说明，见[上一章](../part1/tensors.md#numpy)。\n\n```python\n--8<-- "s.py:a"\n```\n\n'
            '```output\n1\n```\n\n![图](../assets/figures/part1/x.png)\n\n!!! note "注意"\n    小心。\n\n'
            '<!-- not-run: 演示 -->\n```python\nimport nothing\n```\n')
    book = notebook(page, "part2/demo.md", "https://book.example/", "zh", root=tmp_path)
    assert [(c.cell_type, c.source) for c in book.cells] == [
        ("markdown", "# 标题\n\n说明，见[上一章](https://book.example/part1/tensors/#numpy)。"),
        ("code", "print(1)  # 打印"),
        ("markdown", "> **注意**\n>\n> 小心。"),
        ("markdown", "```python\nimport nothing\n```"),  # shown, not run
    ]
    # The page's checked output and figure, as if the cell had just run.
    code = book.cells[1]
    assert code.execution_count == 1
    assert [(out.output_type, out.get("text")) for out in code.outputs] == [("stream", "1\n"), ("display_data", None)]
    assert code.outputs[1].data["image/png"] == "iVBORyBkcmF3bg=="  # base64 of the file
    english = notebook('[next](cnn.md)\n\n```python\n--8<-- "s.py:a"\n```\n', "part4/models.en.md",
                       "https://book.example/", "en", root=tmp_path)
    assert [c.source for c in english.cells] == ["[next](https://book.example/en/part4/cnn/)", "print(1)  # print"]
    figure.unlink()
    with pytest.raises(SnippetError, match="part2/demo.md, line 13: figure ../assets/figures/part1/x.png does not exist"):
        notebook(page, "part2/demo.md", "https://book.example/", "zh", root=tmp_path)


def run_params():
    for page in ZH_PAGES:
        if is_chapter(page) and any(step.snippet for step in steps(page_text(page))):
            marks = [pytest.mark.training] if is_training_chapter(page) else []
            yield pytest.param(page, id=page.relative_to(DOCS).as_posix(), marks=marks)


@pytest.mark.parametrize("page", list(run_params()))
def test_the_chapter_notebook_runs_and_prints_what_its_page_shows(served, page, stand_in_root, tmp_path):
    shown = [step for step in steps(page_text(page)) if step.snippet]
    needs = {name for step in shown for name in step.requires}
    stand_in = needed(needs)
    if is_training_chapter(page) and not stand_in and os.environ.get("BOOK_TRAINING") != "1":
        pytest.skip("a training chapter: its notebook trains the model again; `make test-training` runs it")
    book = download(page_url(page.relative_to(DOCS).as_posix(), served))
    env = dict(os.environ, **sitecustomize(tmp_path, stand_in=stand_in))
    NotebookClient(book, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(stand_in_root if stand_in else ROOT)}}).execute(env=env)
    cells = [cell for cell in book.cells if cell.cell_type == "code"]
    assert len(cells) == len(shown)
    for step, cell in zip(shown, cells):
        assert not [out for out in cell.outputs if out.output_type == "error"], cell.source
        if step.not_run or missing([name for name in step.requires if not (stand_in and name == "cifar10")]) or \
                (stand_in and "cifar10" in step.requires):
            continue  # a block the page's own check does not run, or one that ran on the stand-in
        printed = "".join(out.get("text", "") for out in cell.outputs if out.output_type == "stream"
                          and out.name == "stdout")
        expected = step.output.body if step.output else ""
        problem = first_difference(expected, printed, step.tolerance.rtol, step.tolerance.atol)
        assert problem is None, f"{page.name}, {step.snippet}: {problem}"
