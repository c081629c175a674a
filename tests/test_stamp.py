"""Each page with code says which torch and torchvision versions checked its outputs, and says the truth."""
from collections import Counter

import pytest

from booktools.book import DOCS, language, page_url
from booktools.stamp import clean_pages, key, pages_with_code, read_stamps, running_versions, sentence, stale

PAGES = pages_with_code()


@pytest.mark.parametrize("page", PAGES, ids=key)
def test_stamp_names_the_versions_running_now(page):
    assert not stale(key(page), read_stamps().get(key(page)), running_versions())


def test_a_stale_or_missing_stamp_is_caught():
    running = {"torch": "2.15.0", "torchvision": "0.30.0", "device": "cpu"}
    assert "torch 2.14.1" in stale("a.md", {"torch": "2.14.1", "torchvision": "0.30.0"}, running)
    assert "torchvision 0.29.1" in stale("a.md", {"torch": "2.15.0", "torchvision": "0.29.1"}, running)
    assert "no verified-with stamp" in stale("a.md", None, running)
    assert stale("a.md", {"torch": "2.15.0", "torchvision": "0.30.0", "device": "cuda"}, running) is None


def test_only_pages_that_passed_without_a_failure_are_stamped():
    outcomes = {"a.md": Counter(passed=3, skipped=1), "b.md": Counter(passed=2, failed=1), "c.md": Counter(skipped=2),
                "d.md": Counter(stand_in=2)}
    assert clean_pages(outcomes) == ["a.md", "d.md"]


def test_the_stamp_says_when_blocks_were_skipped():
    stamp = {"torch": "2.0", "torchvision": "0.1", "device": "cpu", "skipped": 0}
    assert sentence("en", stamp).endswith("torch 2.0 and torchvision 0.1 on the CPU.")
    assert "skipped 2 code blocks" in sentence("en", dict(stamp, skipped=2))
    assert "跳过了其中 2 段代码" in sentence("zh", dict(stamp, skipped=2))
    assert "; 3 code blocks that need CIFAR-10 ran on a small random stand-in" in sentence("en", dict(stamp, stand_in=3))
    assert "其中 3 段需要 CIFAR-10 的代码" in sentence("zh", dict(stamp, stand_in=3))


@pytest.mark.parametrize("page", PAGES, ids=key)
def test_built_page_shows_its_stamp_in_its_language(site, page):
    relative = key(page)
    html = site / page_url(relative, "") / "index.html"
    assert sentence(language(relative), read_stamps()[relative]) in html.read_text(encoding="utf-8")


def test_pages_without_code_have_no_stamp():
    assert set(read_stamps()) == {key(page) for page in PAGES}
    assert (DOCS / "index.md") not in PAGES
