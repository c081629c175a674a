"""Both languages of a chapter have the same structure, and every snippet line is on a page."""
import re

import pytest

from booktools import ROOT
from booktools.book import DOCS, EN_PAGES, SNIPPETS, ZH_PAGES, embeds, english, front_matter
from booktools.pages import Directive, Fence, Figure, lex
from booktools.snippets import read_sections

CHANGED = "与原文不同 / Changed from the source"


def structure(page):
    """What must be equal in both languages: embeds, outputs, figures, directives, headings, change notes,
    and the header (a training chapter in one language is one in the other)."""
    text = page.read_text(encoding="utf-8")
    items = []
    for item in lex(text):
        if isinstance(item, Fence) and item.lang in {"python", "output"}:
            items.append((item.lang, item.body))
        elif isinstance(item, Figure):
            items.append(("figure", item.src))
        elif isinstance(item, Directive):
            items.append((item.name, item.value.split(";")[0].strip()))
    headings = [len(m[1]) for m in re.finditer(r"^(#+) ", text, re.MULTILINE)]
    admonitions = re.findall(r'^\s*!!! (\w+)(?: "([^"]*)")?', text, re.MULTILINE)
    changed = sum(title == CHANGED for _, title in admonitions)
    return {"header": front_matter(page), "blocks": items, "headings": headings, "admonition kinds": [k for k, _ in admonitions], "changes marked": changed}


def test_every_page_has_both_languages():
    assert set(EN_PAGES) == {english(p) for p in ZH_PAGES}


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_languages_have_the_same_structure(page):
    zh, en = structure(page), structure(english(page))
    for key in zh:
        assert zh[key] == en[key], f"{page.name} and {english(page).name} differ in {key}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_snippet_line_is_shown_in_file_order(snippet):
    file = str(snippet.relative_to(ROOT))
    sections, outside = read_sections(file, ROOT)
    assert not outside, f"{file}: lines {outside} are outside any section, so no page shows them"
    assert [step.snippet[1] for _, step in embeds().get(file, [])] == [s.name for s in sections], \
        f"{file}: the pages must embed every section once, in file order"
