"""The book's files: its pages in both languages and its snippet files."""
import re
from pathlib import Path

import yaml

from . import ROOT
from .pages import steps

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))  # both languages
ZH_PAGES = [page for page in PAGES if not page.name.endswith(".en.md")]
EN_PAGES = [page for page in PAGES if page.name.endswith(".en.md")]
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))


def language(page):
    """The language of a page, by its name: tensors.md is Chinese, tensors.en.md English."""
    return "en" if str(page).endswith(".en.md") else "zh"


def is_chapter(page):
    """Every page but the home page and the About page is a chapter: it gets a notebook and a stamp."""
    return Path(page).name.removesuffix(".md").removesuffix(".en") not in {"index", "about"}


def embeds():
    """snippet file -> [(zh page, step embedding one of its sections), ...], in page order."""
    found = {}
    for page in ZH_PAGES:
        for step in steps(page.read_text(encoding="utf-8")):
            if step.snippet:
                found.setdefault(step.snippet[0], []).append((page, step))
    return found


def page_url(page, site_url):
    """The published URL of a page given by its path under docs/ (`part1/tensors.en.md`)."""
    language = "en/" if page.endswith(".en.md") else ""
    path = page.removesuffix(".md").removesuffix(".en")
    path = "" if path == "index" else path.removesuffix("/index") + "/"
    return f"{site_url}{language}{path}"


def english(zh_page):
    """The English twin of a Chinese page: tensors.md -> tensors.en.md."""
    return zh_page.with_name(zh_page.stem + ".en.md")


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def front_matter(page):
    """The YAML header of a page (the keys MkDocs reads as page meta), or {}."""
    found = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    return (yaml.safe_load(found[1]) or {}) if found else {}


def is_training_chapter(page):
    """A chapter that trains a model to completion declares ``training: true`` in its header."""
    return front_matter(page).get("training") is True
