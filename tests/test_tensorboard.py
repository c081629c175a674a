"""Chapter 3.5 writes real TensorBoard data: read it back independently and check it.

The snippet file runs as a script in a temporary working directory (its log directory is relative, so it
writes `runs/part3_tensorboard` there and the project's own `runs/` is left alone). The test then reads
the event files with TensorBoard's own EventAccumulator and compares them with values it recomputes.
"""
import os
import subprocess
import sys

import pytest
import torch
from torch import nn

from booktools import ROOT

SNIPPET = ROOT / "snippets" / "part3" / "tensorboard_logging.py"
STEPS = 20


def expected_losses():
    """The chapter's 20 training losses, recomputed here from the same seed, data and model."""
    torch.manual_seed(0)
    X = torch.randn(64, 3)
    y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.1 * torch.randn(64, 1)
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(STEPS):
        loss = nn.functional.mse_loss(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def expected_features():
    torch.manual_seed(0)
    centers = 3 * torch.randn(3, 16)
    labels = torch.arange(3).repeat_interleave(20)
    return centers[labels] + torch.randn(60, 16), labels


@pytest.fixture(scope="module")
def log_dir(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("tensorboard")
    run = subprocess.run([sys.executable, str(SNIPPET)], cwd=cwd, capture_output=True, text=True,
                         env=dict(os.environ, MPLBACKEND="Agg"))
    assert run.returncode == 0, run.stderr
    folder = cwd / "runs" / "part3_tensorboard"
    assert folder.is_dir(), f"the chapter wrote no {folder}"
    return folder


@pytest.fixture(scope="module")
def events(log_dir):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    accumulator = EventAccumulator(str(log_dir))
    accumulator.Reload()
    return accumulator


def test_one_event_file(log_dir):
    assert len(list(log_dir.glob("events.out.tfevents.*"))) == 1


def test_scalar_curve_is_the_seeded_training_loss(events):
    assert events.Tags()["scalars"] == ["Loss/train"]
    points = events.Scalars("Loss/train")
    assert [p.step for p in points] == list(range(STEPS))
    values = [p.value for p in points]
    expected = expected_losses()
    # Event files store scalars as float32: compare with the recomputed losses rounded the same way.
    assert values == pytest.approx([float(torch.tensor(v, dtype=torch.float32)) for v in expected], rel=1e-6, abs=1e-6)
    assert all(later < earlier for earlier, later in zip(values, values[1:])), "the loss should fall at every step"


def test_graph_of_smallnet_was_written(events):
    assert events.Tags()["graph"] is True
    ops = [node.op for node in events.Graph().node]
    assert ops.count("aten::linear") == 2 and ops.count("aten::relu") == 1
    names = [node.name for node in events.Graph().node]
    assert any(name.startswith("SmallNet/Linear[hidden]") for name in names)
    assert any(name.startswith("SmallNet/Linear[out]") for name in names)


def test_embedding_projector_files(log_dir):
    config = (log_dir / "projector_config.pbtxt").read_text()
    assert 'tensor_name: "clusters:00000"' in config
    assert 'tensor_path: "00000/clusters/tensors.tsv"' in config
    assert 'metadata_path: "00000/clusters/metadata.tsv"' in config
    folder = log_dir / "00000" / "clusters"

    rows = [line.split("\t") for line in (folder / "tensors.tsv").read_text().splitlines()]
    written = torch.tensor([[float(x) for x in row] for row in rows])
    features, labels = expected_features()
    assert written.shape == (60, 16)
    assert torch.allclose(written, features, rtol=1e-6, atol=1e-6)

    metadata = (folder / "metadata.tsv").read_text().splitlines()
    assert metadata == [f"class {i}" for i in labels.tolist()]

    from PIL import Image
    with Image.open(folder / "sprite.png") as sprite:
        assert sprite.size == (64, 64)  # 60 thumbnails of 8x8 on an 8x8 grid
        assert sprite.convert("RGB").getpixel((0, 0)) == (255, 0, 0)  # the first point is class 0: red
