"""MkDocs hooks for the book's site (listed under `hooks:` in mkdocs.yml)."""
import re
import sys
from pathlib import Path

import nbformat

# MkDocs loads this file by its path: the project root must be importable for `mkdocs serve` too.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from booktools.notebooks import notebook
from booktools.stamp import read_stamps, sentence

HEAD_ALTERNATE = re.compile(r'^\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n', re.MULTILINE)
TITLE = re.compile(r"^# .*\n", re.MULTILINE)
HOME = {"index.md", "index.en.md"}
DOWNLOAD = {"zh": "下载本章的 Jupyter 笔记本", "en": "Download this chapter as a Jupyter notebook"}


def on_page_markdown(markdown, page, config, files):
    """Under a chapter's title: the verified-with stamp (pages with code) and a link to the chapter as a notebook."""
    source = page.file.src_uri
    if source in HOME:
        return markdown
    language = "en" if source.endswith(".en.md") else "zh"
    name = Path(source).name.removesuffix(".md").removesuffix(".en") + ".ipynb"
    target = Path(page.file.abs_dest_path).parent / name
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook(markdown, source, config.site_url), target)
    stamp = read_stamps().get(source)
    verified = f'<p class="book-verified">{sentence(language, stamp)}</p>\n' if stamp else ""
    header = (f'<div class="book-page-info" markdown>\n{verified}'
              f'<a class="md-button book-notebook" href="{name}" download>{DOWNLOAD[language]}</a>\n</div>\n')
    title = TITLE.search(markdown)
    at = title.end() if title else 0
    return markdown[:at] + "\n" + header + "\n" + markdown[at:]


def on_post_page(output, page, config):
    # Material's script fetches sitemap.xml next to each <link rel="alternate" hreflang> in the head,
    # and the i18n plugin points those at pages, where there is no sitemap: a 404 in the console on
    # every page. The header's language switch keeps its per-page links, and /sitemap.xml lists each
    # page with its other-language alternate, so the head links are left out.
    return HEAD_ALTERNATE.sub("", output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not as a page.
    return HEAD_ALTERNATE.sub("", output_content)
