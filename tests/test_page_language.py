"""Each page speaks its reader's language: box titles in the page's language, American spelling on
the English side (prose and code comments), and chapter pages that talk to readers, not to the
people who maintain the book."""
import re

import pytest

from booktools import ROOT
from booktools.book import DOCS, EN_PAGES, FRONT_MATTER, PAGES, SNIPPETS, is_chapter, language
from booktools.comments import CJK, render
from booktools.pages import ADMONITION, Fence, lex

# The book's own boxes, titled in each language (see the About page).
TITLES = {
    "zh": {"fix": "与原文不同", "update": "写法更新", "quoted": "原笔记的输出，本书未核对"},
    "en": {"fix": "Changed from the source", "update": "Updated for current PyTorch",
           "quoted": "Output from the source note, not re-checked"},
}
BRITISH = re.compile(
    r"\b\w*(?:initiali|normali|optimi|organi|visuali|recogni|summari|minimi|maximi|seriali|standardi|generali"
    r"|memori|parameteri|vectori|tokeni|randomi|customi|utili|speciali|characteri|categori|synchroni|reali"
    r"|emphasi|moderni|finali|regulari|materiali)s(?:e|es|ed|ing|ation|ations|er|ers)\b"
    r"|\b(?:colour|flavour|behaviour|favour|neighbour|honour|labour)\w*"
    r"|\bgrey(?:s|scale|ed)?\b|\b(?:modell|labell|travell|cancell|signall|levell|channell)(?:ed|ing)\b"
    r"|\bcentre[sd]?\b|\blicence\b|\banalys(?:e|es|ed|ing)\b|\bcatalogue\b|\bprogramme\b|\bwhilst\b|\bdefence\b",
    re.IGNORECASE)
MAINTAINER_TALK = re.compile(
    r"\bmake (?:test|accept|serve|data|build)\b|training: true|README|pytest|\bCI\b|Sybil|BOOK_[A-Z_]+"
    r"|(?i:\bthe tests\b)|测试报告|在测试中|测试里|测试会")
IDS = {"ids": lambda path: path.relative_to(ROOT).as_posix()}


def prose(text):
    """A page's text without its header and its code and output blocks."""
    text = FRONT_MATTER.sub("", text)
    for fence in reversed([item for item in lex(text) if isinstance(item, Fence)]):
        text = text[:fence.start] + text[fence.end:]
    return text


def box_title_problems(text, page_language):
    problems = []
    for box in ADMONITION.finditer(text):
        kind, title = box["kind"], box["title"]
        expected = TITLES[page_language].get(kind)
        if title is None:
            problems.append(f"a {kind} box without a title (the theme would title it in English)")
        elif expected and title != expected:
            problems.append(f"a {kind} box titled {title!r}, not {expected!r}")
        elif bool(CJK.search(title)) != (page_language == "zh"):
            problems.append(f"a {kind} box titled {title!r} on a {page_language} page")
    return problems


@pytest.mark.parametrize("page", PAGES, **IDS)
def test_box_titles_are_in_the_page_language(page):
    problems = box_title_problems(page.read_text(encoding="utf-8"), language(page))
    assert not problems, f"{page.relative_to(DOCS)}: {problems}"


@pytest.mark.parametrize("text, page_language", [
    ('!!! fix "与原文不同 / Changed from the source"\n    x\n', "zh"),
    ('!!! fix "与原文不同"\n    x\n', "en"),
    ('!!! update "Changed from the source"\n    x\n', "en"),
    ('!!! tip "不用独热标签"\n    x\n', "en"),
    ('!!! tip "No one-hot labels"\n    x\n', "zh"),
    ("!!! note\n    x\n", "zh"),
], ids=["both languages", "zh title on en page", "wrong kind's title", "zh tip on en page", "en tip on zh page",
        "no title"])
def test_a_box_title_in_the_wrong_language_is_caught(text, page_language):
    assert box_title_problems(text, page_language)
    assert not box_title_problems('!!! fix "与原文不同"\n    x\n!!! tip "小心"\n    y\n', "zh")


def british(text):
    return sorted({match[0] for match in BRITISH.finditer(text)})


@pytest.mark.parametrize("page", EN_PAGES, **IDS)
def test_english_pages_use_american_spelling(page):
    assert not british(prose(page.read_text(encoding="utf-8"))), page.name


@pytest.mark.parametrize("snippet", SNIPPETS, **IDS)
def test_english_code_comments_use_american_spelling(snippet):
    assert not british(render(snippet.read_text(encoding="utf-8"), "en")), snippet.name


def test_british_spelling_is_caught():
    text = ("We initialise the weights, normalised the colours, and the grey labelled images; "
            "modelling behaviour at the centre.")
    assert british(text) == ["behaviour", "centre", "colours", "grey", "initialise", "labelled", "modelling",
                             "normalised"]
    assert not british("We initialize and normalize the colors of gray, labeled images; the emphasis is on "
                       "modeling behavior.")


@pytest.mark.parametrize("page", [page for page in PAGES if is_chapter(page)], **IDS)
def test_chapter_pages_talk_to_readers(page):
    found = sorted({match[0] for match in MAINTAINER_TALK.finditer(prose(page.read_text(encoding="utf-8")))})
    assert not found, f"{page.relative_to(DOCS)} speaks to maintainers: {found} (that belongs in the README or on the About page)"


@pytest.mark.parametrize("sentence", [
    "Run `make test-training` on a GPU.", "This chapter has `training: true` in its header.", "See the README.",
    "The tests run this block.", "本页的输出在测试中重新运行。", "CI skips it.",
])
def test_maintainer_talk_is_caught(sentence):
    assert MAINTAINER_TALK.search(prose(sentence))
    assert not MAINTAINER_TALK.search(prose("测试集有一万张图片。The test set holds 10,000 images."))
