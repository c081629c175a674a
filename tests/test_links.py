"""Every internal link and anchor of the built site resolves, in both languages."""
from booktools.links import SiteLinks
from tests.conftest import count

BASE = "http://127.0.0.1:8000/"


def test_every_internal_link_and_anchor_resolves(site):
    checked, broken = SiteLinks(site, BASE).check()
    assert not broken, "broken links:\n" + "\n".join(map(str, broken))
    english = [p for p in site.glob("en/**/*.html")]
    assert english and checked > 1000, checked
    count("internal links and anchors checked", checked)


def write(site, path, html):
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")


def test_the_checker_finds_each_kind_of_broken_link(tmp_path):
    write(tmp_path, "index.html", '<h2 id="top">x</h2><a href="#top">ok</a> <a href="#gone">same page</a>'
                                  ' <a href="en/">ok</a> <a href="en/missing/">missing page</a>'
                                  ' <a href="https://example.org/">another site</a> <img src="../up.png">')
    write(tmp_path, "en/index.html", '<a href="../#top">ok</a> <a href="../#nope">wrong anchor</a>'
                                     ' <a href="http://127.0.0.1:8000/en/#x">absolute, wrong anchor</a>'
                                     ' <a href="mailto:a@b.c">mail</a>')
    checked, broken = SiteLinks(tmp_path, BASE).check()
    assert checked == 8
    assert {(b.page, b.url) for b in broken} == {
        ("index.html", "#gone"), ("index.html", "en/missing/"), ("index.html", "../up.png"),
        ("en/index.html", "../#nope"), ("en/index.html", "http://127.0.0.1:8000/en/#x"),
    }
