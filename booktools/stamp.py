"""The verified-with stamp: which torch and torchvision versions checked each page's outputs, and how
many of its code blocks that run skipped.

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


def stale(page, stamp, running):
    """Why a page's stamp is not the truth of this run, or None."""
    if not stamp:
        return f"{page} has no verified-with stamp: `make accept` writes it"
    for package in ("torch", "torchvision"):
        if stamp[package] != running[package]:
            return (f"{page} says its outputs were checked with {package} {stamp[package]}, but the tests run "
                    f"{running[package]}: `make accept` re-checks the page and restamps it")
    return None


def stamp(outcomes, versions):
    """Record versions as the ones that checked each page of a run that passed without a failure,
    with the number of its checks that run skipped. outcomes: page path -> Counter of pytest outcomes."""
    stamps = read_stamps()
    for page in clean_pages(outcomes):
        stamps[key(page)] = dict(versions, skipped=outcomes[page]["skipped"], stand_in=outcomes[page]["stand_in"])
    STAMPS.write_text("# Written by `make accept` from its own run: do not edit by hand.\n"
                      + yaml.safe_dump(dict(sorted(stamps.items())), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")


def clean_pages(outcomes):
    """The pages of a run to stamp: those with a passed check and no failed one."""
    return [page for page, seen in outcomes.items() if (seen["passed"] or seen["stand_in"]) and not seen["failed"]]


SENTENCES = {
    "zh": ("本页的输出最近一次核对时，用 torch {torch}、torchvision {torchvision} 在 {device} 上重新运行了本页的代码",
           "；其中 {stand_in} 段需要 CIFAR-10 的代码是在一个格式相同、内容随机的小型替身数据集上运行的，输出没有核对",
           "；那次运行跳过了其中 {skipped} 段代码（它们需要那台机器上没有的 GPU 或网络）", "。"),
    "en": ("The outputs on this page were last checked by running its code again with torch {torch} and "
           "torchvision {torchvision} on the {device}",
           "; {stand_in} code blocks that need CIFAR-10 ran on a small random stand-in in the same format, "
           "so their outputs were not checked",
           "; that run skipped {skipped} code blocks (they need a GPU or a network that machine did not have)", "."),
}


def sentence(language, stamp):
    checked, stand_in, skipped, end = SENTENCES[language]
    values = dict(stamp, device=stamp["device"].upper())
    return (checked + (stand_in if stamp.get("stand_in") else "") + (skipped if stamp.get("skipped") else "")
            + end).format(**values)
