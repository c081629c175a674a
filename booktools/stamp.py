"""The verified-with stamp: which torch and torchvision versions checked each page's outputs.

`make accept` (``pytest --accept``) writes the versions of its own run for every page it ran
without a failure; the tests fail while a stamp names other versions than the ones running, so
a stamp on the site is always the truth of the last green run. The site shows it on each page.
"""
import yaml

from . import ROOT
from .book import DOCS, PAGES
from .pages import steps

STAMPS = ROOT / "tests" / "verified_with.yml"


def running_versions():
    import torch
    import torchvision
    return {"torch": str(torch.__version__), "torchvision": str(torchvision.__version__),
            "device": "cuda" if torch.cuda.is_available() else "cpu"}


def read_stamps():
    return yaml.safe_load(STAMPS.read_text(encoding="utf-8")) if STAMPS.is_file() else {}


def key(page):
    return page.relative_to(DOCS).as_posix()


def pages_with_code():
    return [page for page in PAGES if any(step.snippet for step in steps(page.read_text(encoding="utf-8")))]


def stamp(pages, versions):
    """Record versions as the ones that checked these pages."""
    stamps = read_stamps()
    stamps.update({key(page): dict(versions) for page in pages})
    STAMPS.write_text("# Written by `make accept` from its own run: do not edit by hand.\n"
                      + yaml.safe_dump(dict(sorted(stamps.items())), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")


def clean_pages(outcomes):
    """The pages of a run to stamp: those with a passed check and no failed one.
    outcomes: page path -> set of pytest outcomes ('passed', 'failed', 'skipped')."""
    return [page for page, seen in outcomes.items() if "passed" in seen and "failed" not in seen]


SENTENCES = {
    "zh": "本页的输出已由测试用 torch {torch}、torchvision {torchvision} 在 {device} 上重新运行核对。",
    "en": "Every output on this page was re-run and checked by the tests with torch {torch} and torchvision {torchvision} on the {device}.",
}


def sentence(language, versions):
    return SENTENCES[language].format(**dict(versions, device=versions["device"].upper()))
