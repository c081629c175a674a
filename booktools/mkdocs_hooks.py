"""MkDocs hooks for the book's site (listed under `hooks:` in mkdocs.yml)."""
import json
import re
import sys
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads this file by its path: the project root must be importable for `mkdocs serve` too.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from booktools import ROOT
from booktools.book import is_chapter, language
from booktools.notebooks import notebook
from booktools.pages import Fence, lex
from booktools.snippets import SnippetError, parse_embed, shown_code
from booktools.stamp import read_stamps, sentence

HEAD_ALTERNATE = re.compile(r'^\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n', re.MULTILINE)
TITLE = re.compile(r"^# .*\n", re.MULTILINE)
EXPLAINED = {"zh": "这行字是什么意思？", "en": "What does this mean?"}
DOWNLOAD = {"zh": "下载本章的 Jupyter 笔记本", "en": "Download this chapter as a Jupyter notebook"}


def with_sections(markdown, page_language, source, root=ROOT):
    """Each embed line of a Python block replaced by its section's code, with the comments of the
    page's language (the snippet files hold both)."""
    shown = []
    for fence in lex(markdown):
        embed = isinstance(fence, Fence) and fence.lang == "python" and parse_embed(fence.body)
        if embed:
            try:
                code = shown_code(*embed, page_language, root)
            except SnippetError as problem:
                raise PluginError(f"{source}, line {fence.line}: {problem}") from None
            shown.append((fence, "".join(f"{fence.indent}{line}\n" if line else "\n" for line in code.split("\n"))))
    for fence, body in reversed(shown):
        markdown = markdown[:fence.body_start] + body + markdown[fence.body_end:]
    return markdown


def on_page_markdown(markdown, page, config, files):
    """Code in the page's language; under a chapter's title, the verified-with stamp (pages with code)
    and a link to the chapter as a notebook."""
    source = page.file.src_uri
    if not is_chapter(source):
        return with_sections(markdown, language(source), source)
    name = Path(source).name.removesuffix(".md").removesuffix(".en") + ".ipynb"
    target = Path(page.file.abs_dest_path).parent / name
    target.parent.mkdir(parents=True, exist_ok=True)
    page_language = language(source)
    try:
        nbformat.write(notebook(markdown, source, config.site_url, page_language), target)
    except SnippetError as problem:
        raise PluginError(str(problem)) from None
    stamp = read_stamps().get(source)
    about = "../" * (source.count("/") + 1) + "about/#stamp"  # chapter pages sit one folder deep
    verified = (f'<p class="book-verified">{sentence(page_language, stamp)} '
                f'<a href="{about}">{EXPLAINED[page_language]}</a></p>\n' if stamp else "")
    header = (f'<div class="book-page-info" markdown>\n{verified}'
              f'<a class="md-button book-notebook" href="{name}" download>{DOWNLOAD[page_language]}</a>\n</div>\n')
    markdown = with_sections(markdown, page_language, source)
    title = TITLE.search(markdown)
    at = title.end() if title else 0
    return markdown[:at] + "\n" + header + "\n" + markdown[at:]


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"zh": "搜索", "en": "Search"}
CODE_BLOCK = re.compile(r"(<pre[^>]*>(?:<span></span>)?)<code>")
BASE = re.compile(r'("base": "[^"]*)"')


def on_post_page(output, page, config):
    # Material's script fetches sitemap.xml next to each <link rel="alternate" hreflang> in the head,
    # and the i18n plugin points those at pages, where there is no sitemap: a 404 in the console on
    # every page. The header's language switch keeps its per-page links, and /sitemap.xml lists each
    # page with its other-language alternate, so the head links are left out.
    output = HEAD_ALTERNATE.sub("", output)
    # Material's search dialog has no accessible name, and a code block that scrolls sideways (on a
    # phone) must be reachable by keyboard.
    page_language = language(page.file.src_uri)
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_NAME[page_language]}">')
    if page_language == "en":  # the English pages search the English index (on_post_build)
        output = BASE.sub(r'\1/en/"', output, count=1)
    return CODE_BLOCK.sub(r'\1<code tabindex="0">', output)



@event_priority(-200)  # after the i18n plugin has written one index of both languages
def on_post_build(config):
    """One search index per language, so that a search answers in the reader's language and each
    page loads only its own language's index: /search/ for Chinese, /en/search/ for English."""
    site = Path(config.site_dir)
    index_file = site / "search" / "search_index.json"
    if not (site / "en").is_dir() or not index_file.is_file():
        return  # the build of one language inside the i18n plugin: the whole site comes later
    index = json.loads(index_file.read_text(encoding="utf-8"))
    english = [doc for doc in index["docs"] if doc["location"].startswith("en/")]
    if not english:
        return
    chinese = [doc for doc in index["docs"] if not doc["location"].startswith("en/")]
    for folder, docs in ((site, chinese), (site / "en", [dict(doc, location=doc["location"][3:]) for doc in english])):
        (folder / "search").mkdir(exist_ok=True)
        (folder / "search" / "search_index.json").write_text(
            json.dumps(dict(index, docs=docs), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_template(output_content, template_name, config):
    # 404.html is rendered as a theme template, not as a page.
    return HEAD_ALTERNATE.sub("", output_content)
