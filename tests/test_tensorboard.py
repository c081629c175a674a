"""Chapter 3.5 writes real TensorBoard data: read it back independently and check it, then look at
it the way a reader does, in TensorBoard's own web page.

The snippet file runs as a script in a temporary working directory (its log directory is relative,
so it writes `runs/part3_tensorboard` there and the project's own `runs/` is left alone). The tests
then
- read the event files with TensorBoard's own EventAccumulator and compare all four scalar tags,
  the graph and the projector files with values recomputed here from the same seed and data;
- start a TensorBoard server on 127.0.0.1 (a free port) over that `runs/` folder, ask its HTTP API
  for the scalar tags and values, and open its Scalars page in headless Chromium (every host but
  this machine unreachable), waiting until the four charts are drawn. With `--accept` (as
  `make accept` runs it) the page is saved as the chapter's screenshot; otherwise the screenshot is
  only checked to be there. The browser part is skipped, with its reason, where Debian's chromium
  and chromedriver are not installed.
"""
import io
import json
import math
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
import torch
from torch import nn

from booktools import ROOT
from tests import browser

SNIPPET = ROOT / "snippets" / "part3" / "tensorboard_logging.py"
SCREENSHOT = ROOT / "docs" / "assets" / "screenshots" / "part3" / "tensorboard-scalars.png"
RUN = "part3_tensorboard"
STEPS = 20
TAGS = ["Loss/train", "Loss/test", "Accuracy/train", "Accuracy/test"]
VIEWPORT = (1280, 900)


def recompute():
    """The chapter's run, recomputed here: the four curves, and the trained model's hidden features
    of the test points with their labels. Written apart from the chapter's code: a Sequential with the
    same layers (created in the same order, so it draws the same initial weights), and accuracy
    counted in Python."""
    torch.manual_seed(0)
    centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
    labels = torch.arange(3).repeat(200)
    points = centers[labels] + 1.6 * torch.randn(600, 2)
    splits = {"train": (points[:400], labels[:400]), "test": (points[400:], labels[400:])}
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    curves = {tag: [] for tag in TAGS}
    for _ in range(STEPS):
        for split, (X, y) in splits.items():
            with torch.no_grad():
                logits = model(X)
            curves[f"Loss/{split}"].append(nn.functional.cross_entropy(logits, y).item())
            right = sum(int(p == t) for p, t in zip(logits.argmax(dim=1).tolist(), y.tolist()))
            curves[f"Accuracy/{split}"].append(right / len(y))
        X, y = splits["train"]
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(X), y).backward()
        optimizer.step()
    X, y = splits["test"]
    with torch.no_grad():
        features = model[1](model[0](X))
    return curves, features, y


@pytest.fixture(scope="module")
def expected():
    return recompute()


def as_float32(values):
    """Event files store scalars as float32."""
    return [float(torch.tensor(v, dtype=torch.float32)) for v in values]


@pytest.fixture(scope="module")
def log_dir(tmp_path_factory):
    cwd = tmp_path_factory.mktemp("tensorboard")
    run = subprocess.run([sys.executable, str(SNIPPET)], cwd=cwd, capture_output=True, text=True,
                         env=dict(os.environ, MPLBACKEND="Agg"))
    assert run.returncode == 0, run.stderr
    folder = cwd / "runs" / RUN
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


def test_four_scalar_curves_are_the_seeded_run(events, expected):
    curves, _, _ = expected
    assert events.Tags()["scalars"] == TAGS
    for tag in TAGS:
        points = events.Scalars(tag)
        assert [p.step for p in points] == list(range(STEPS)), tag
        assert [p.value for p in points] == pytest.approx(as_float32(curves[tag]), rel=1e-6, abs=1e-6), tag
    losses = [p.value for p in events.Scalars("Loss/train")]
    assert all(later < earlier for earlier, later in zip(losses, losses[1:])), "the loss should fall at every step"
    for tag in ("Accuracy/train", "Accuracy/test"):
        values = [p.value for p in events.Scalars(tag)]
        assert values[0] < 0.5 < 0.75 < values[-1], f"{tag} should rise from near chance to about 0.8"


def test_graph_of_smallnet_was_written(events):
    assert events.Tags()["graph"] is True
    ops = [node.op for node in events.Graph().node]
    assert ops.count("aten::linear") == 2 and ops.count("aten::relu") == 1
    names = [node.name for node in events.Graph().node]
    assert any(name.startswith("SmallNet/Linear[hidden]") for name in names)
    assert any(name.startswith("SmallNet/Linear[out]") for name in names)


def test_embedding_projector_files(log_dir, expected):
    config = (log_dir / "projector_config.pbtxt").read_text()
    assert 'tensor_name: "hidden:00000"' in config
    assert 'tensor_path: "00000/hidden/tensors.tsv"' in config
    assert 'metadata_path: "00000/hidden/metadata.tsv"' in config
    folder = log_dir / "00000" / "hidden"

    rows = [line.split("\t") for line in (folder / "tensors.tsv").read_text().splitlines()]
    written = torch.tensor([[float(x) for x in row] for row in rows])
    _, features, labels = expected
    assert written.shape == (200, 16)
    assert torch.allclose(written, features, rtol=1e-5, atol=1e-6)

    metadata = (folder / "metadata.tsv").read_text().splitlines()
    assert metadata == [f"class {i}" for i in labels.tolist()]

    from PIL import Image
    side = math.ceil(math.sqrt(200))  # the sprite packs the thumbnails on a square grid
    colors = {0: (255, 0, 0), 1: (0, 255, 0), 2: (0, 0, 255)}
    with Image.open(folder / "sprite.png") as sprite:
        assert sprite.size == (8 * side, 8 * side)
        rgb = sprite.convert("RGB")
        for index in (0, 1, 2, 199):  # thumbnail i sits in row i // side, column i % side
            where = (8 * (index % side) + 4, 8 * (index // side) + 4)
            assert rgb.getpixel(where) == colors[labels[index].item()], index


# TensorBoard itself, as a reader starts it: `tensorboard --logdir runs`, here on 127.0.0.1.

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def server(log_dir):
    """A TensorBoard server over the run's `runs/` folder, stopped at the end; yields its URL once its
    API lists as many scalar tags for the run as the chapter writes."""
    port = free_port()
    output = log_dir.parent.parent / "tensorboard-server.log"
    with open(output, "w") as log:
        process = subprocess.Popen(
            # The reader's command, from the folder the chapter ran in, so the page shows `runs`.
            [sys.executable, "-m", "tensorboard.main", "--logdir", "runs",
             "--host", "127.0.0.1", "--port", str(port),
             "--load_fast=false"],  # the pure-Python reader: no helper process to leave behind
            cwd=log_dir.parent.parent, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline, listed = time.monotonic() + 60, None
        while True:
            assert process.poll() is None, f"TensorBoard stopped: {output.read_text()}"
            try:
                listed = get_json(f"{url}/data/plugin/scalars/tags")
                if len(listed.get(RUN, {})) >= len(TAGS):  # loaded (the first reload runs in the background)
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, \
                f"TensorBoard listed {listed} after 60 s, not the run's four tags: {output.read_text()}"
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_server_lists_the_four_tags(server):
    tags = get_json(f"{server}/data/plugin/scalars/tags")
    assert list(tags) == [RUN]
    assert sorted(tags[RUN]) == sorted(TAGS)


def test_server_serves_the_logged_values(server, events):
    for tag in TAGS:
        query = urllib.parse.urlencode({"run": RUN, "tag": tag})
        served = get_json(f"{server}/data/plugin/scalars/scalars?{query}")  # [wall_time, step, value] rows
        assert [row[1] for row in served] == list(range(STEPS)), tag
        assert [row[2] for row in served] == pytest.approx([p.value for p in events.Scalars(tag)], rel=1e-7), tag


# Text of the page including what its web components hold in their shadow roots.
DEEP_TEXT = r"""
const parts = [];
const walk = node => {
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent);
        else walk(child);
    }
};
walk(document.body);
return parts.join(" ").replace(/\s+/g, " ");
"""


def wait_until_still(driver, timeout=30, interval=0.5):
    """The page's pixels once two screenshots in a row are the same (charts drawn, animations over)."""
    deadline = time.monotonic() + timeout
    previous = driver.get_screenshot_as_png()
    while time.monotonic() < deadline:
        time.sleep(interval)
        current = driver.get_screenshot_as_png()
        if current == previous:
            return current
        previous = current
    pytest.fail(f"TensorBoard's page was still changing after {timeout} s")


@pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing()))
def test_scalars_page_shows_the_four_charts(server, request):
    from PIL import Image
    driver = browser.start()
    try:
        width, height = VIEWPORT
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        seen = browser.visit(driver, f"{server}/#scalars")
        deadline = time.monotonic() + 30
        while not all(f"tag: {tag}" in driver.execute_script(DEEP_TEXT) for tag in TAGS):
            assert time.monotonic() < deadline, "the Scalars page did not show a chart for each of the four tags"
            time.sleep(0.5)
        png = wait_until_still(driver)
        requests, _ = browser.drain(driver)
    finally:
        driver.quit()
    outside = seen.outside + browser.Visit(seen.url, requests, []).outside
    assert not outside, f"TensorBoard's page asked other hosts for: {outside}"
    assert Image.open(io.BytesIO(png)).size == VIEWPORT
    if request.config.getoption("accept", default=False):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(png)
    assert SCREENSHOT.is_file(), f"no {SCREENSHOT.relative_to(ROOT)}: run `make accept` to take it"
    with Image.open(SCREENSHOT) as shown:
        assert shown.size == VIEWPORT
