"""Every section heading of the source notes points to a page and a heading that exist, in both languages."""
import pytest

from booktools.book import DOCS, english
from booktools.coverage import MANIFEST, NOTES, load_manifest, note_headings, page_headings
from tests.conftest import count

ENTRIES = [(note, entry) for note, entries in load_manifest().items() for entry in entries]


def where_missing(entry, docs=DOCS):
    """What of an entry points nowhere: [] when its page and both headings exist."""
    zh_page = docs / entry["page"]
    if not zh_page.is_file():
        return [f"no page docs/{entry['page']}"]
    problems = []
    for page, heading in ((zh_page, entry["zh"]), (english(zh_page), entry["en"])):
        if not page.is_file():
            problems.append(f"no page {page.relative_to(docs.parent)}")
        elif heading not in page_headings(page):
            problems.append(f"no heading {heading!r} on {page.relative_to(docs.parent)}")
    return problems


@pytest.mark.parametrize("note, entry", ENTRIES, ids=[f"{n[:3]}: {e['note']}" for n, e in ENTRIES])
def test_entry_points_to_a_page_and_heading_in_both_languages(note, entry):
    count("source coverage entries checked")
    assert not where_missing(entry), f"{MANIFEST.name}, {note} {entry['note']!r}: " + "; ".join(where_missing(entry))


def test_a_wrong_entry_is_caught(tmp_path):
    (tmp_path / "part1").mkdir()
    (tmp_path / "part1" / "a.md").write_text("# 标题\n\n```python\n# 代码里的注释\n```\n## 小节 { #s }\n", encoding="utf-8")
    (tmp_path / "part1" / "a.en.md").write_text("# Title\n\n## Section\n", encoding="utf-8")
    assert where_missing({"page": "part1/a.md", "zh": "小节", "en": "Section"}, tmp_path) == []
    assert where_missing({"page": "part1/b.md", "zh": "小节", "en": "Section"}, tmp_path) == ["no page docs/part1/b.md"]
    assert where_missing({"page": "part1/a.md", "zh": "代码里的注释", "en": "Sections"}, tmp_path) == [
        f"no heading '代码里的注释' on {tmp_path.name}/part1/a.md", f"no heading 'Sections' on {tmp_path.name}/part1/a.en.md"]


@pytest.mark.skipif(not NOTES.is_dir(), reason=f"the source notes are not at {NOTES}")
def test_manifest_lists_every_heading_of_every_note_in_order():
    manifest = load_manifest()
    assert sorted(manifest) == sorted(p.name for p in NOTES.glob("*.txt"))
    for name, entries in manifest.items():
        assert [e["note"] for e in entries] == note_headings((NOTES / name).read_text(encoding="utf-8")), name


def test_headings_are_read_from_both_heading_styles():
    text = "---\ntitle: x\n---\n# 一\n\n二\n===\n\n- 列表\n---\n```\n# 注释\n```\n## 三 #\n"
    assert note_headings(text) == ["一", "二", "三 #"]
