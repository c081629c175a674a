"""A small stand-in for CIFAR-10, so that the book's CIFAR-10 code runs where the real dataset is absent.

It is the real on-disk format that torchvision reads (``cifar-10-batches-py``: five pickled training
batches, a test batch and ``batches.meta``), holding a few hundred random images, so the chapters'
own loading code runs unchanged. Only torchvision's checksum test would tell it from the real thing;
``accepted_by_torchvision()`` turns that test off, and only the tests ever call it. What the code
prints on the stand-in is not CIFAR-10's, so it is never compared with a page.
"""
import os
import pickle
from pathlib import Path

import numpy as np

CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
PER_BATCH = 60  # 5 training batches: 300 training images; 100 test images


def _batch(path, images, seed):
    generator = np.random.default_rng(seed)
    data = generator.integers(0, 256, size=(images, 3 * 32 * 32), dtype=np.uint8)
    labels = [i % len(CLASSES) for i in range(images)]
    with open(path, "wb") as file:
        pickle.dump({"batch_label": path.name, "labels": labels, "data": data,
                     "filenames": [f"stand_in_{seed}_{i}.png" for i in range(images)]}, file)


def build(data_root):
    """Write the stand-in under data_root/cifar-10-batches-py; returns that folder."""
    folder = Path(data_root) / "cifar-10-batches-py"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, 6):
        _batch(folder / f"data_batch_{number}", PER_BATCH, seed=number)
    _batch(folder / "test_batch", 100, seed=0)
    with open(folder / "batches.meta", "wb") as file:
        pickle.dump({"label_names": CLASSES, "num_cases_per_batch": PER_BATCH, "num_vis": 3 * 32 * 32}, file)
    return folder


def project_root_with_stand_in(where, data):
    """A folder to run the chapters from: its data/ holds the stand-in and links to every dataset
    of the project's own data/ (Fashion-MNIST, the MNIST images)."""
    root = Path(where)
    (root / "data").mkdir(parents=True, exist_ok=True)
    for entry in Path(data).iterdir():
        link = root / "data" / entry.name
        if entry.name != "cifar-10-batches-py" and not link.exists():
            link.symlink_to(entry.resolve())
    build(root / "data")
    return root


def needed(resources):
    """Whether code needing these resources runs on the stand-in here: it needs CIFAR-10, which is absent."""
    from booktools.resources import missing
    return "cifar10" in resources and bool(missing(["cifar10"]))


def accepted_by_torchvision():
    """Let torchvision's CIFAR10 load the stand-in: its files cannot match the real checksums."""
    from torchvision.datasets import cifar

    cifar.CIFAR10._check_integrity = lambda self: True
    cifar.check_integrity = lambda path, md5=None: os.path.isfile(path)
