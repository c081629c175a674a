"""The site as a reader meets it, in headless Chromium against the site served on localhost:
every page of both languages, the language switch, search in both languages, the copy button,
and screenshots for a person to look at (written to screenshots/)."""
import time
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from booktools import ROOT
from booktools.book import DOCS, PAGES, page_url
from tests import browser
from tests.conftest import count, serve

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing()))

SCREENSHOTS = ROOT / "screenshots"
# The home page and one chapter of each part, in both languages.
SHOWN = ["index.md", "about.md", "part1/tensors.md", "part2/usage.md", "part3/basics.md", "part4/lenet5-training.md"]


SERIOUS = {"serious", "critical"}  # axe-core's impacts that fail a page


@pytest.fixture(scope="module")
def driver():
    chromium = browser.start()
    yield chromium
    chromium.quit()


def url(served, page):
    return page_url(page, served)


@pytest.mark.parametrize("page", [p.relative_to(DOCS).as_posix() for p in PAGES])
def test_page_loads_cleanly_and_is_accessible(driver, served, page):
    """No console message, no outside request, no broken image, no code block scrolling sideways;
    and axe-core finds no serious or critical problem in the light palette or the dark one."""
    seen = browser.visit(driver, url(served, page))
    count("pages loaded in the browser")
    count("requests to other hosts blocked", len(seen.outside))
    assert not seen.outside, f"{page} asked other hosts for: {seen.outside}"
    assert not seen.console, f"{page} logged: {seen.console}"
    assert driver.execute_script("return [...document.images].filter(i => !i.naturalWidth).map(i => i.src)") == []
    assert len(seen.requests) > 3, "the page's own scripts and styles were not recorded"
    assert not browser.wide_code_blocks(driver), f"{page}: code blocks scroll sideways at 1280 px"
    if not browser.AXE.is_file():
        pytest.skip("axe-core is not installed: run `npm ci` (make test does)")
    for scheme in ("slate", "default"):  # Material remembers the palette: end with the light one
        found = browser.accessibility_violations(driver, scheme)
        count(f"pages checked by axe-core ({'light' if scheme == 'default' else 'dark'} palette)")
        assert not [problem for problem in found if problem[1] in SERIOUS], f"{page} ({scheme}): {found}"
        # Material's defaults that the book fixes: the search dialog's name, the code blocks' button bars.
        assert not [problem for problem in found if problem[0] in {"aria-dialog-name", "landmark-unique"}], found


@pytest.mark.skipif(not browser.AXE.is_file(), reason="axe-core is not installed: run `npm ci` (make test does)")
def test_low_contrast_text_is_caught(driver, tmp_path):
    (tmp_path / "index.html").write_text(
        '<html lang="en"><head><title>Probe</title></head><body><main><h1>Probe</h1>'
        '<p style="color: #999; background: #fff">Gray text on white: 2.8 to 1.</p></main></body></html>')
    with serve(tmp_path) as probe:
        browser.visit(driver, probe)
        found = browser.accessibility_violations(driver)
    assert [problem[:2] for problem in found if problem[1] in SERIOUS] == [("color-contrast", "serious")]


def test_a_broken_page_is_caught(driver, tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><body><img src="https://example.org/x.png"><script>console.error("boom")</script></body></html>')
    with serve(tmp_path) as probe:
        seen = browser.visit(driver, probe)
    assert seen.outside == ["https://example.org/x.png"]
    assert any("boom" in message for message in seen.console)


def test_a_code_block_that_scrolls_sideways_is_caught(driver, tmp_path):
    box = '<pre><code style="display: block; overflow: auto; width: 20em">{}</code></pre>'
    (tmp_path / "index.html").write_text("<html><body>" + box.format("x = 1") + box.format("y" * 200) + "</body></html>")
    with serve(tmp_path) as probe:
        browser.visit(driver, probe)
        assert browser.wide_code_blocks(driver) == ["y" * 60]


def switch_language(driver, served, page, language):
    browser.visit(driver, url(served, page))
    selector = driver.find_element(By.CSS_SELECTOR, ".md-header .md-select")
    link = selector.find_element(By.CSS_SELECTOR, f'a[hreflang="{language}"]')
    ActionChains(driver).move_to_element(selector).pause(0.3).click(link).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url != url(served, page))
    return driver.current_url


@pytest.mark.parametrize("zh_page", ["part1/tensors.md", "part3/basics.md", "part4/cnn.md"])
def test_language_switch_lands_on_the_same_chapter(driver, served, zh_page):
    en_page = zh_page.removesuffix(".md") + ".en.md"
    assert switch_language(driver, served, zh_page, "en") == url(served, en_page)
    assert switch_language(driver, served, en_page, "zh") == url(served, zh_page)


def search(driver, served, page, words):
    """The result links, best first, of a search typed into the search box of a page."""
    browser.visit(driver, url(served, page))
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    box.send_keys(words)
    # Results arrive while the words are typed: wait until the list stops changing.
    previous = None
    for _ in range(40):
        time.sleep(0.5)
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item > a")]
        if links and links == previous:
            return links
        previous = links
    raise AssertionError(f"searching {words!r} listed {previous or 'nothing'} and never settled")


TENSOR_CHAPTERS = ["part1/tensors.md", "part4/tensors.md"]


@pytest.mark.parametrize("page, words, chapters", [
    ("index.md", "张量", TENSOR_CHAPTERS),
    ("index.md", "广播", TENSOR_CHAPTERS),
    ("index.md", "自动求导", ["part3/basics.md"]),
    ("index.en.md", "tensor", [p.replace(".md", ".en.md") for p in TENSOR_CHAPTERS]),
    ("index.en.md", "broadcast", [p.replace(".md", ".en.md") for p in TENSOR_CHAPTERS]),
])
def test_search_finds_the_chapter_in_the_page_language_only(driver, served, page, words, chapters):
    english = page.endswith(".en.md")
    found = [urlsplit(link)._replace(query="", fragment="").geturl() for link in search(driver, served, page, words)]
    other = [link for link in found if link.startswith(served + "en/") != english]
    assert not other, f"searching {words!r} listed pages of the other language: {other}"
    # The chapter is among the first three: "tensor" also begins "TensorBoard", whose title ranks high.
    assert set(found[:3]) & {url(served, chapter) for chapter in chapters}, f"searching {words!r} found {found[:5]}"


def test_copy_button_copies_the_code(driver, served):
    browser.visit(driver, url(served, "part1/tensors.md"))
    # What the page puts on the clipboard is what is selected when the copy event fires.
    driver.execute_script("document.addEventListener('copy', () => window.copied = String(document.getSelection()))")
    block = driver.find_element(By.CSS_SELECTOR, ".language-python.highlight")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", block)
    button = block.find_element(By.CSS_SELECTOR, "button.md-code__button[data-md-type='copy']")
    button.click()
    copied = WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.copied"))
    assert copied.strip() == block.find_element(By.CSS_SELECTOR, "code").get_attribute("textContent").strip()
    assert "import torch" in copied


@pytest.mark.parametrize("page", SHOWN + [p.removesuffix(".md") + ".en.md" for p in SHOWN])
def test_screenshot(driver, served, page):
    browser.visit(driver, url(served, page))
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / (page.removesuffix(".md").replace("/", "-") + ".png")
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
