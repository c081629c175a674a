"""Check every internal link and anchor of a built site: each must lead to a file, and a
`#fragment` to an element with that id in it."""
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes holding a URL the reader follows or the browser loads.
URL_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src")}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in URL_ATTRIBUTES and value is not None:
                self.urls.append(value)


@dataclass(frozen=True)
class Broken:
    page: str
    url: str
    why: str

    def __str__(self):
        return f"{self.page}: {self.url} ({self.why})"


class SiteLinks:
    def __init__(self, site, site_url):
        self.site, self.base = Path(site), site_url
        self.parse = cache(self._parse)

    def _parse(self, html):
        page = _Page()
        page.feed(html.read_text(encoding="utf-8"))
        return page

    def internal(self, url):
        """The URL if it leads inside the site (relative, or under the site's own address), else None."""
        if url.startswith(self.base):
            return url
        scheme, netloc = urlsplit(url)[:2]
        return None if scheme or netloc else url

    def target(self, page_url, url):
        """The file under the site a URL of the page leads to, or a reason it leads nowhere."""
        absolute = urljoin(page_url, url)
        if not absolute.startswith(self.base):
            return None, "leads above the site root"
        path = unquote(urlsplit(absolute).path[len(urlsplit(self.base).path):])
        file = self.site / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            return None, "no such file"
        return file, None

    def check(self):
        """(number of internal links checked, [Broken, ...]) over every HTML file of the site."""
        checked, broken = 0, []
        for html in sorted(self.site.rglob("*.html")):
            relative = html.relative_to(self.site).as_posix()
            page_url = urljoin(self.base, relative)
            for url in self.parse(html).urls:
                url = self.internal(url)
                if url is None:
                    continue
                checked += 1
                file, why = self.target(page_url, url)
                if file is None:
                    broken.append(Broken(relative, url, why))
                    continue
                fragment = unquote(urlsplit(url).fragment)
                if fragment and file.suffix == ".html" and fragment not in self.parse(file).ids:
                    broken.append(Broken(relative, url, f"no id {fragment!r} in {file.relative_to(self.site)}"))
        return checked, broken
