"""The book's files: its pages in both languages and its snippet files."""
from . import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))  # both languages
ZH_PAGES = [page for page in PAGES if not page.name.endswith(".en.md")]
EN_PAGES = [page for page in PAGES if page.name.endswith(".en.md")]
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))


def english(zh_page):
    """The English twin of a Chinese page: tensors.md -> tensors.en.md."""
    return zh_page.with_name(zh_page.stem + ".en.md")
