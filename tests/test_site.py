"""The strict build passes, and the built site is what a reader needs: both languages, a working
language switch, Chinese search, copy buttons, an edit link, and nothing fetched from other hosts."""
import gzip
import json
import os
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from booktools.book import DOCS, PAGES, ZH_PAGES, english, page_url


def built(site, page):
    """The built HTML file of a docs/ page, and its URL path on the site."""
    path = page_url(page.relative_to(DOCS).as_posix(), "/")
    return site / path.lstrip("/") / "index.html", path


def test_every_page_is_built_in_both_languages(site):
    for page in ZH_PAGES:
        assert built(site, page)[0].is_file()
        assert built(site, english(page))[0].is_file()


class Resources(HTMLParser):
    """URLs a browser fetches on its own when it loads the page (not links a reader clicks)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") not in {"canonical", "alternate", "prev", "next"}:
            self.urls.append(attrs.get("href", ""))


def external(url):
    return re.match(r"^(https?:)?//", url) is not None


def test_no_page_fetches_anything_from_another_host(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 2 * len(ZH_PAGES)
    for html in pages:
        parser = Resources()
        parser.feed(html.read_text(encoding="utf-8"))
        assert not [u for u in parser.urls if external(u)], html
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html.read_text(encoding="utf-8"), \
            "the repository widget would fetch facts from api.github.com"
        assert not re.search(r'<link rel="alternate" href="[^"]*" hreflang=', html.read_text(encoding="utf-8")), \
            "Material would fetch sitemap.xml next to this page and log a 404"
    for css in site.rglob("*.css"):
        assert not re.search(r"@import|url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def switch_target(html, page_url, lang):
    """Where the language selector's entry for lang leads, as an absolute path."""
    href = re.search(rf'<a href="([^"]*)" hreflang="{lang}" class="md-select__link"', html)[1]
    return urljoin(page_url, href)


def test_language_switch_keeps_the_reader_on_the_same_page(site):
    for page in ZH_PAGES:
        (zh_file, zh_url), (en_file, en_url) = built(site, page), built(site, english(page))
        zh, en = zh_file.read_text(encoding="utf-8"), en_file.read_text(encoding="utf-8")
        assert switch_target(zh, zh_url, "en") == en_url
        assert switch_target(en, en_url, "zh") == zh_url


def search_index(site, language):
    """Each language has an index of its own pages: /search/ (Chinese) and /en/search/ (English)."""
    folder = site / "en" if language == "en" else site
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def search_tokens(site, language, location_prefix):
    index = search_index(site, language)
    separator = re.compile(index["config"]["separator"])
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"] if d["location"].startswith(location_prefix))
    return set(separator.split(re.sub(r"<[^>]+>", " ", text).lower()))


def test_chinese_search_finds_words_inside_sentences(site):
    # Without segmentation a Chinese sentence is one long token and a search for a word in it finds nothing.
    tokens = search_tokens(site, "zh", "part1/tensors/")
    assert {"张量", "广播", "形状"} <= tokens


def test_english_search_finds_the_tensors_chapter(site):
    assert {"tensor", "broadcasting"} <= search_tokens(site, "en", "part1/tensors/")


def test_each_language_has_a_search_index_of_its_own_pages(site):
    titles = {"zh": "1.1 张量", "en": "1.1 Tensors"}
    for language, other in (("zh", "en"), ("en", "zh")):
        docs = search_index(site, language)["docs"]
        assert not [doc for doc in docs if doc["location"].startswith("en/")]  # relative to the language's root
        found = {doc["title"].replace("\u200b", "") for doc in docs}  # jieba's word breaks
        assert titles[language] in found and titles[other] not in found


def test_reader_features_are_on(site):
    html = (site / "part1" / "tensors" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    assert "content.code.copy" in config["features"]
    assert 'title="编辑此页"' in html and "edit/main/docs/part1/tensors.md" in html
    assert 'data-md-color-scheme="slate"' in html or 'data-md-color-media="(prefers-color-scheme: dark)"' in html
    assert 'id="numpy"' in html  # a readable anchor, kept in both languages
    assert 'class="language-output highlight"' in html


FIRST_VIEW_RESOURCE = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def first_view_bytes(site, page):
    """What a first view of a built page downloads, gzipped as GitHub Pages serves it: the HTML, its
    stylesheets and scripts, Material's search worker and the search index it loads at once."""
    html_file = site / page_url(page, "") / "index.html"
    html = html_file.read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    files = {html_file, (html_file.parent / config["base"] / "search" / "search_index.json").resolve(),
             (html_file.parent / config["search"]).resolve()}
    files |= {(html_file.parent / src).resolve() for src in FIRST_VIEW_RESOURCE.findall(html) if "://" not in src}
    return sum(len(gzip.compress(file.read_bytes(), 6)) for file in files)


# Measured at 199 to 235 KB a page (295 KB while every page loaded both languages' search index):
# the budget leaves room for a longer chapter, not for another library or a second index.
FIRST_VIEW_BUDGET = 250_000


@pytest.mark.parametrize("page", [p.relative_to(DOCS).as_posix() for p in PAGES])
def test_a_first_view_stays_within_its_weight_budget(site, page):
    assert first_view_bytes(site, page) <= FIRST_VIEW_BUDGET


def test_a_heavy_first_view_is_caught(site, tmp_path):
    shutil.copytree(site, tmp_path / "site")
    page = tmp_path / "site" / "part1" / "tensors" / "index.html"
    (page.parent / "heavy.js").write_bytes(os.urandom(FIRST_VIEW_BUDGET))  # random bytes do not compress
    page.write_text(page.read_text(encoding="utf-8").replace("</head>", '<script src="heavy.js"></script></head>'),
                    encoding="utf-8")
    assert first_view_bytes(site, "part1/tensors.md") <= FIRST_VIEW_BUDGET < first_view_bytes(tmp_path / "site", "part1/tensors.md")
