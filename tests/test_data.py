"""Data preparation places verified files, and says in one sentence what to do when it cannot."""
import gzip

import pytest

from booktools import ROOT, data


def fake_debian(folder, content=b"not the real data"):
    folder.mkdir()
    for name in data.FASHION_MNIST:
        with gzip.open(folder / f"{name}.gz", "wb") as packed:
            packed.write(content)
    return folder


def test_wrong_files_from_the_source_are_refused(tmp_path):
    source = fake_debian(tmp_path / "debian")
    with pytest.raises(data.DataError, match="does not match the expected size and SHA-256"):
        data.prepare_fashion_mnist(tmp_path / "data", source=source)


def test_a_corrupted_placed_file_is_noticed(tmp_path):
    raw = data.fashion_mnist_raw(tmp_path)
    raw.mkdir(parents=True)
    for name, (size, _) in data.FASHION_MNIST.items():
        (raw / name).write_bytes(b"\0" * size)  # right size, wrong content
    assert data.fashion_mnist_ready(tmp_path)
    with pytest.raises(data.DataError, match="SHA-256"):
        data.verify_fashion_mnist(tmp_path)


def test_no_source_and_no_network_gives_one_sentence(tmp_path, monkeypatch, capsys):
    def offline(root, train, download):
        raise OSError("network is unreachable")

    monkeypatch.setattr("torchvision.datasets.FashionMNIST", offline)
    monkeypatch.setattr(data, "DEBIAN_FASHION_MNIST", tmp_path / "nowhere")
    monkeypatch.setattr(data, "ROOT", tmp_path)
    assert data.main(["fashion-mnist"]) == 1
    out, err = capsys.readouterr()
    assert err.strip() == data.HOW_TO_GET
    assert "Traceback" not in out + err


def test_unknown_dataset_is_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        data.main(["cifar"])
    assert "unknown dataset cifar" in capsys.readouterr().err


@pytest.mark.skipif(not data.fashion_mnist_ready(ROOT / "data"),
                    reason="Fashion-MNIST is not placed under data/; run `python -m booktools.data`")
def test_placed_fashion_mnist_verifies_and_loads():
    from torchvision import datasets
    data.verify_fashion_mnist(ROOT / "data")
    train = datasets.FashionMNIST(root=str(ROOT / "data"), train=True, download=False)
    test = datasets.FashionMNIST(root=str(ROOT / "data"), train=False, download=False)
    assert (len(train), len(test)) == (60000, 10000)
    assert train.data.shape[1:] == (28, 28) and int(train.targets.max()) == 9


@pytest.mark.skipif(not data.fashion_mnist_ready(ROOT / "data"),
                    reason="Fashion-MNIST is not placed under data/; run `python -m booktools.data`")
def test_exported_images_hold_the_dataset_pixels_and_labels(tmp_path):
    import shutil

    from torchvision import datasets
    from torchvision.io import read_image
    shutil.copytree(data.fashion_mnist_raw(ROOT / "data"), data.fashion_mnist_raw(tmp_path))
    data.prepare_fashion_mnist_images(tmp_path)
    assert data.fashion_mnist_images_ready(tmp_path)
    training = datasets.FashionMNIST(root=str(tmp_path), train=True)
    rows = (data.fashion_mnist_images(tmp_path) / "labels.csv").read_text(encoding="utf-8").splitlines()
    for index in (0, 1, data.EXPORTED_IMAGES - 1):
        name, label = rows[index].split(",")
        image = read_image(str(data.fashion_mnist_images(tmp_path) / "images" / name))
        assert image.shape == (1, 28, 28) and (image[0] == training.data[index]).all()
        assert int(label) == int(training.targets[index])
        assert name.startswith(data.FASHION_MNIST_FILE_NAMES[int(label)])
    (data.fashion_mnist_images(tmp_path) / "images" / rows[5].split(",")[0]).unlink()
    assert not data.fashion_mnist_images_ready(tmp_path), "a missing image must be noticed"


def test_mnist_digits_are_exported_as_an_image_folder(tmp_path):
    from PIL import Image
    assert "exported" in data.prepare_mnist_images(tmp_path)
    assert data.mnist_images_ready(tmp_path)
    digit = Image.open(data.mnist_images(tmp_path) / "test" / "7" / "450.png")
    assert digit.size == (28, 28) and digit.mode == "L"
    (data.mnist_images(tmp_path) / "train" / "3" / "000.png").unlink()
    assert not data.mnist_images_ready(tmp_path), "a missing digit must be noticed"


def test_cifar10_offline_gives_one_sentence(tmp_path, monkeypatch, capsys):
    def offline(root, train, download):
        raise OSError("network is unreachable")

    monkeypatch.setattr("torchvision.datasets.CIFAR10", offline)
    monkeypatch.setattr(data, "ROOT", tmp_path)
    assert data.main(["cifar10"]) == 1
    out, err = capsys.readouterr()
    assert err.strip() == data.HOW_TO_GET_CIFAR10 and "Traceback" not in out + err
