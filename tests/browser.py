"""Headless Chromium (Debian's `chromium` and `chromium-driver`) driven by Selenium, with every
host but 127.0.0.1 unreachable, and a record of what each page asked for and logged."""
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def missing():
    """Why the browser tests cannot run here, or None."""
    absent = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    return f"{' and '.join(absent)} not installed (Debian: chromium chromium-driver)" if absent else None


@dataclass
class Visit:
    url: str
    requests: list  # every URL the page asked for, in order
    console: list  # console messages at warning level or worse

    @property
    def outside(self):
        """Requests to any host but this machine: the browser cannot resolve them, and a page must make none."""
        return [url for url in self.requests if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
                and urlsplit(url).hostname not in LOCAL_HOSTS]


def start():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--window-size=1280,900", "--lang=zh-CN",
                 "--disable-dev-shm-usage",  # containers give /dev/shm 64 MB
                 # Any name but localhost resolves to nothing: no request leaves the machine.
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    return driver


def drain(driver):
    """Requests and console messages since the last call."""
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    console = [f"{e['level']}: {e['message']}" for e in driver.get_log("browser") if e["level"] in {"WARNING", "SEVERE"}]
    return requests, console


def visit(driver, url):
    """Load a page and let its scripts settle; what it requested and logged."""
    drain(driver)
    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    # Material starts its search worker and other fetches after load: give them a moment.
    driver.execute_script("return new Promise(done => setTimeout(done, 300))")
    return Visit(url, *drain(driver))


def wide_code_blocks(driver):
    """The first characters of each code block on the page that scrolls sideways."""
    return driver.execute_script(
        "return [...document.querySelectorAll('pre > code')]"
        ".filter(code => code.scrollWidth > code.clientWidth + 1).map(code => code.textContent.slice(0, 60))")

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, and axe's best practices (a dialog's name, unique landmarks).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def accessibility_violations(driver, scheme=None):
    """axe-core's findings on the loaded page, in the given palette ("default" or "slate"):
    [(rule, impact, number of nodes, first node)]."""
    if scheme:  # through the palette switch in the header, as a reader does
        driver.execute_script(
            "const option = document.querySelector(`input.md-option[data-md-color-scheme='${arguments[0]}']`);"
            "if (document.body.dataset.mdColorScheme !== arguments[0]) option.click();", scheme)
        WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.body.dataset.mdColorScheme") == scheme)
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])));",
        AXE_TAGS)
    return [tuple(violation) for violation in found]
