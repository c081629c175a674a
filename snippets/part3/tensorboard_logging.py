# --8<-- [start:imports]
import os
import shutil

import matplotlib.pyplot as plt
import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch import nn
from torch.utils.tensorboard import SummaryWriter
# --8<-- [end:imports]

# --8<-- [start:writer]
log_dir = "runs/part3_tensorboard"
shutil.rmtree(log_dir, ignore_errors=True)  # start from an empty folder, so reruns don't pile up
writer = SummaryWriter(log_dir)
print(writer.log_dir)
# --8<-- [end:writer]

# --8<-- [start:scalars]
torch.manual_seed(0)
X = torch.randn(64, 3)  # 64 samples with 3 features
y = X @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.1 * torch.randn(64, 1)

model = nn.Linear(3, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for step in range(20):
    loss = loss_fn(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    writer.add_scalar("Loss/train", loss.item(), global_step=step)  # tag, value, x position
    print(f"step {step:2d}  loss {loss.item():.6f}")
# --8<-- [end:scalars]

# --8<-- [start:graph]
class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.relu = nn.ReLU()
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(self.relu(self.hidden(x)))


torch.manual_seed(0)
net = SmallNet()
example = torch.randn(2, 4)  # add_graph runs the model once on an example input to trace it
writer.add_graph(net, example)
# --8<-- [end:graph]

# --8<-- [start:embedding]
torch.manual_seed(0)
centers = 3 * torch.randn(3, 16)  # three cluster centres in 16 dimensions
labels = torch.arange(3).repeat_interleave(20)  # 20 points per cluster: 0,0,...,1,1,...,2,2,...
features = centers[labels] + torch.randn(60, 16)  # 60 points, each near its centre

colours = torch.eye(3)[labels]  # one colour per class: red, green, blue
thumbnails = colours[:, :, None, None].expand(60, 3, 8, 8)  # (N, C, H, W): a small square per point
writer.add_embedding(features, metadata=[f"class {i}" for i in labels.tolist()],
                     label_img=thumbnails, tag="clusters")
print(features.shape)
# --8<-- [end:embedding]

# --8<-- [start:close]
writer.close()  # flush everything still buffered to disk
# --8<-- [end:close]

# --8<-- [start:read-back]
events = EventAccumulator(log_dir)
events.Reload()  # read every event file under log_dir
print("scalar tags:", events.Tags()["scalars"])
points = events.Scalars("Loss/train")
print("points:", len(points))
print(f"first: step {points[0].step}, value {points[0].value:.6f}")
print(f"last:  step {points[-1].step}, value {points[-1].value:.6f}")
print("graph written:", events.Tags()["graph"])
print("graph nodes:", len(events.Graph().node))
# --8<-- [end:read-back]

# --8<-- [start:graph-nodes]
for node in events.Graph().node:
    print(f"{node.name:40s} {node.op}")
# --8<-- [end:graph-nodes]

# --8<-- [start:projector-files]
for folder, _, files in sorted(os.walk(log_dir)):
    for name in sorted(files):
        if not name.startswith("events.out.tfevents"):  # its name holds the time and host name
            print(os.path.relpath(os.path.join(folder, name), log_dir))
# --8<-- [end:projector-files]

# --8<-- [start:plot]
plt.figure(figsize=(6, 3.5))
plt.plot([p.step for p in points], [p.value for p in points], marker="o")
plt.yscale("log")
plt.xlabel("step")
plt.ylabel("Loss/train (log scale)")
plt.title("Loss/train read back from the event file")
plt.grid(True, alpha=0.3)
plt.tight_layout()
plt.show()
# --8<-- [end:plot]
