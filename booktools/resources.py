"""Things a page block may need that a machine may lack, and how to get them.

A block marked ``<!-- requires: NAME -->`` runs where NAME is present and is skipped,
with the reason below, where it is not.
"""

from functools import partial

from . import ROOT
from .data import cifar10_ready, fashion_mnist_images_ready, fashion_mnist_ready, mnist_images_ready

DATA = ROOT / "data"


def _cuda():
    import torch  # slow to import: only when a page asks for it
    return torch.cuda.is_available()


RESOURCES = {
    "fashion-mnist": (
        partial(fashion_mnist_ready, DATA),
        "Fashion-MNIST is not under data/FashionMNIST/raw/; run `python -m booktools.data fashion-mnist` to place it"),
    "fashion-mnist-images": (
        partial(fashion_mnist_images_ready, DATA),
        "the exported Fashion-MNIST images are not under data/fashion-mnist-images/; "
        "run `python -m booktools.data` to export them"),
    "mnist-images": (
        partial(mnist_images_ready, DATA),
        "the MNIST digits are not under data/mnist_images/; run `python -m booktools.data mnist-images` to export them"),
    "cifar10": (
        partial(cifar10_ready, DATA),
        "CIFAR-10 is not under data/cifar-10-batches-py/ and no copy can be had offline; "
        "where a network is available, run `python -m booktools.data cifar10`"),
    "cuda": (_cuda, "this machine has no CUDA device"),
}


def missing(names):
    """Reasons for each named resource that is absent; unknown names raise KeyError."""
    reasons = []
    for name in names:
        available, reason = RESOURCES[name]
        if not available():
            reasons.append(reason)
    return reasons
