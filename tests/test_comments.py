"""Code comments speak the page's language, and every line of code fits its box.

Each snippet file holds every comment in both languages (booktools/comments.py); a page shows
its own. No line, as written or as either language shows it, is wider than 79 columns.
"""
import io
import tokenize

import pytest

from booktools import ROOT
from booktools.book import SNIPPETS
from booktools.comments import LANGUAGES, MAX_COLUMNS, CommentError, check, render, too_wide, width
from booktools.snippets import read_sections

IDS = {"ids": lambda path: str(path.relative_to(ROOT))}


def code_without_comments(code):
    """The code's tokens, comments and blank lines left out: what runs."""
    skipped = {tokenize.COMMENT, tokenize.NL}
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type not in skipped]


@pytest.mark.parametrize("snippet", SNIPPETS, **IDS)
def test_every_comment_is_in_both_languages(snippet):
    try:
        check(snippet.read_text(encoding="utf-8"))
    except CommentError as problem:
        pytest.fail(f"{snippet.relative_to(ROOT)}: {problem}")


@pytest.mark.parametrize("snippet", SNIPPETS, **IDS)
def test_both_languages_show_the_same_code(snippet):
    for section in read_sections(str(snippet.relative_to(ROOT)), ROOT)[0]:
        shown = {language: render(section.code, language) for language in LANGUAGES}
        assert code_without_comments(shown["zh"]) == code_without_comments(shown["en"]) \
            == code_without_comments(section.code), f"{snippet.name}: section {section.name!r}"


@pytest.mark.parametrize("snippet", SNIPPETS, **IDS)
def test_no_line_is_wider_than_the_code_box(snippet):
    code = snippet.read_text(encoding="utf-8")
    for version, text in {"the file": code, **{language: render(code, language) for language in LANGUAGES}}.items():
        assert not too_wide(text), f"{snippet.name}: lines {too_wide(text)} of {version} are over {MAX_COLUMNS} columns"


GOOD = """\
# zh: 固定随机种子
# en: Fix the seed
torch.manual_seed(0)
data = dict(
    train=True,  # zh: 训练集
                 # en: the training set
)
"""


def test_each_language_shows_its_own_comments():
    assert render(GOOD, "zh") == "# 固定随机种子\ntorch.manual_seed(0)\ndata = dict(\n    train=True,  # 训练集\n)\n"
    assert render(GOOD, "en") == "# Fix the seed\ntorch.manual_seed(0)\ndata = dict(\n    train=True,  # the training set\n)\n"


@pytest.mark.parametrize("bad", [
    "x = 1  # one\n",  # untagged
    "# zh: 一\nx = 1\n",  # Chinese only
    "x = 1  # en: one\n",  # English only, at the end of a line
    "x = 1  # zh: 一\n# en: one\n",  # the English half not aligned below the Chinese one
    "# en: one\n# zh: 一\nx = 1\n",  # English before Chinese
    "# zh: one\n# en: one\nx = 1\n",  # a "Chinese" comment in English
    "# zh: 一\n# en: 一个\nx = 1\n",  # an "English" comment in Chinese
], ids=["untagged", "zh only", "en only at line end", "not aligned", "order", "zh in English", "en in Chinese"])
def test_a_comment_missing_a_language_is_caught(bad):
    with pytest.raises(CommentError):
        check(bad)


def test_the_languages_differ_only_in_comments():
    assert code_without_comments(render(GOOD, "zh")) == code_without_comments(render(GOOD, "en"))
    assert code_without_comments("x = 1  # a\n") != code_without_comments("x = 2  # a\n")


def test_a_wide_line_is_caught():
    assert width("张量") == 4
    assert too_wide("x = 1\n" + "y" * 80) == [2]
    assert too_wide("# " + "张" * 39) == [1]  # 80 columns: Chinese characters take two each
    assert too_wide("y" * 79 + "\n# " + "张" * 38) == []


def test_the_site_shows_each_page_its_own_comments(tmp_path):
    from mkdocs.exceptions import PluginError

    from booktools.mkdocs_hooks import with_sections
    (tmp_path / "s.py").write_text("# --8<-- [start:a]\n" + GOOD + "# --8<-- [end:a]\n", encoding="utf-8")
    page = '说明。\n\n```python\n--8<-- "s.py:a"\n```\n\n??? code "代码"\n    ```python\n    --8<-- "s.py:a"\n    ```\n'
    zh = with_sections(page, "zh", "demo.md", root=tmp_path)
    assert "```python\n# 固定随机种子\ntorch.manual_seed(0)\n" in zh and "Fix the seed" not in zh
    assert "    ```python\n    # 固定随机种子\n    torch.manual_seed(0)\n" in zh  # inside a box, indented as the box
    assert "# Fix the seed\n" in with_sections(page, "en", "demo.md", root=tmp_path)
    with pytest.raises(PluginError, match=r"^demo.md, line 3: snippet file s.py has no section 'b'$"):
        with_sections(page.replace("s.py:a", "s.py:b"), "zh", "demo.md", root=tmp_path)
