"""Both languages of a chapter have the same structure, and every snippet line is on a page."""
import re

import pytest
import yaml

from booktools import ROOT
from booktools.book import DOCS, EN_PAGES, FRONT_MATTER, SNIPPETS, ZH_PAGES, embeds, english
from booktools.pages import ADMONITION, Directive, Fence, Figure, lex
from booktools.snippets import read_sections

def structure(text):
    """What must be equal in both languages of a page, in page order: the embeds, outputs, figures and
    directives, the admonitions by kind (titles are in each page's language), the heading levels, and the
    header (a training chapter in one language is one in the other)."""
    items = []
    for item in lex(text):
        if isinstance(item, Fence) and item.lang in {"python", "output"}:
            items.append((item.start, item.lang, item.body))
        elif isinstance(item, Figure):
            items.append((item.start, "figure", item.src))
        elif isinstance(item, Directive):
            items.append((item.start, item.name, item.value.split(";")[0].strip()))
    for m in ADMONITION.finditer(text):
        items.append((m.start(), "admonition", m["kind"]))
    headings = [len(m[1]) for m in re.finditer(r"^(#+) ", text, re.MULTILINE)]
    header = FRONT_MATTER.match(text)
    return {"header": header and yaml.safe_load(header[1]),
            "blocks": [item[1:] for item in sorted(items)], "headings": headings}


def test_every_page_has_both_languages():
    assert set(EN_PAGES) == {english(p) for p in ZH_PAGES}


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_languages_have_the_same_structure(page):
    zh, en = structure(page.read_text(encoding="utf-8")), structure(english(page).read_text(encoding="utf-8"))
    for key in zh:
        assert zh[key] == en[key], f"{page.name} and {english(page).name} differ in {key}"


ZH = """---
training: true
---
# 标题

```python
--8<-- "s.py:a"
```

```output
1
```

!!! fix "与原文不同"
    改了。

![图](figures/a.png)
"""


@pytest.mark.parametrize("change", [
    lambda t: t.replace("training: true", "training: false"),
    lambda t: t.replace("1\n```", "2\n```"),
    lambda t: t.replace("![图](figures/a.png)", ""),
    lambda t: t.replace("!!! fix", "!!! update"),
    lambda t: t.replace("# 标题", "## 标题"),
    lambda t: t.replace("![图](figures/a.png)\n", "").replace("```output", "![图](figures/a.png)\n\n```output"),
], ids=["header", "output", "figure", "change-note kind", "heading", "order"])
def test_a_structural_difference_is_caught(change):
    assert structure(ZH) != structure(change(ZH))
    english = ZH.replace("改了。", "Changed.").replace("标题", "Title").replace("与原文不同", "Changed from the source")
    assert structure(ZH) == structure(english)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_snippet_line_is_shown_in_file_order(snippet):
    file = str(snippet.relative_to(ROOT))
    sections, outside = read_sections(file, ROOT)
    assert not outside, f"{file}: lines {outside} are outside any section, so no page shows them"
    assert [step.snippet[1] for _, step in embeds().get(file, [])] == [s.name for s in sections], \
        f"{file}: the pages must embed every section once, in file order"
