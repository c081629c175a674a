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
