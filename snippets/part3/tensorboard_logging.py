# --8<-- [start:imports]
import os
import shutil

import matplotlib.pyplot as plt
import torch
from tensorboard.backend.event_processing.event_accumulator import (
    EventAccumulator,
)
from torch import nn
from torch.utils.tensorboard import SummaryWriter
# --8<-- [end:imports]

# --8<-- [start:writer]
log_dir = "runs/part3_tensorboard"
# zh: 先删掉上次运行留下的目录，免得新旧数据混在一起
# en: Remove what an earlier run left, so old and new data don't mix
shutil.rmtree(log_dir, ignore_errors=True)
writer = SummaryWriter(log_dir)
print(writer.log_dir)
# --8<-- [end:writer]

# --8<-- [start:data]
torch.manual_seed(0)
# zh: 三个类别，每类 200 个二维点，散布在各自的中心周围，彼此有重叠
# en: Three classes of 200 points in 2-D, each scattered around its
# en: center; the classes overlap
centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
labels = torch.arange(3).repeat(200)  # zh: 依次为 0, 1, 2, 0, 1, 2, ...
                                      # en: 0, 1, 2, 0, 1, 2, ...
points = centers[labels] + 1.6 * torch.randn(600, 2)

# zh: 前 400 个点用来训练，后 200 个点留作测试
# en: The first 400 points train the model, the last 200 test it
X_train, y_train = points[:400], labels[:400]
X_test, y_test = points[400:], labels[400:]
print(X_train.shape, X_test.shape)
# --8<-- [end:data]

# --8<-- [start:model]
class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 16)
        self.relu = nn.ReLU()
        self.out = nn.Linear(16, 3)

    def forward(self, x):
        return self.out(self.relu(self.hidden(x)))


model = SmallNet()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)


def accuracy(logits, y):
    # zh: 分数最高的类别就是预测；返回预测对的比例
    # en: The class with the highest score is the prediction;
    # en: return the fraction predicted right
    return (logits.argmax(dim=1) == y).float().mean().item()
# --8<-- [end:model]

# --8<-- [start:scalars]
print("step  train loss  test loss  train acc  test acc")
for step in range(20):
    # zh: 每一步都用全部 400 个训练点，所以一步就是一个轮次
    # en: Each step uses all 400 training points: one step is one epoch
    logits = model(X_train)
    train_loss = loss_fn(logits, y_train)
    train_acc = accuracy(logits, y_train)
    with torch.no_grad():  # zh: 评估测试集，参数和上面相同
                           # en: evaluate the test set, same parameters
        test_logits = model(X_test)
        test_loss = loss_fn(test_logits, y_test)
    test_acc = accuracy(test_logits, y_test)

    # zh: 参数依次是 tag、值、横坐标；tag 里斜杠前面是组名
    # en: tag, value, x position; the part before the slash is the group
    writer.add_scalar("Loss/train", train_loss.item(), step)
    writer.add_scalar("Loss/test", test_loss.item(), step)
    writer.add_scalar("Accuracy/train", train_acc, step)
    writer.add_scalar("Accuracy/test", test_acc, step)
    if step % 5 == 0 or step == 19:
        print(f"{step:4d}  {train_loss.item():10.4f}  {test_loss.item():9.4f}"
              f"  {train_acc:9.4f}  {test_acc:8.4f}")

    optimizer.zero_grad()
    train_loss.backward()
    optimizer.step()
# --8<-- [end:scalars]

# --8<-- [start:graph]
# zh: 用两个测试点作示例输入，追踪一遍训练好的模型
# en: Trace the trained model on an example input of two test points
writer.add_graph(model, X_test[:2])
# --8<-- [end:graph]

# --8<-- [start:embedding]
with torch.no_grad():
    # zh: 隐藏层对每个测试点算出的 16 维特征
    # en: The 16 features the hidden layer computes for each test point
    features = model.relu(model.hidden(X_test))

colors = torch.eye(3)[y_test]  # zh: 每类一种颜色：红、绿、蓝
                               # en: one color per class: red, green, blue
# zh: 形状 (N, C, H, W)：每个点一个 8x8 的纯色小方块
# en: Shape (N, C, H, W): a plain 8x8 square for each point
thumbnails = colors[:, :, None, None].expand(200, 3, 8, 8)
writer.add_embedding(
    features,
    metadata=[f"class {i}" for i in y_test.tolist()],
    label_img=thumbnails,
    tag="hidden",
)
print(features.shape)
# --8<-- [end:embedding]

# --8<-- [start:close]
writer.close()  # zh: 把缓存的数据全部写到磁盘
                # en: flush everything still buffered to disk
# --8<-- [end:close]

# --8<-- [start:read-back]
events = EventAccumulator(log_dir)
events.Reload()  # zh: 读入 log_dir 下的所有事件文件
                 # en: read every event file under log_dir
print("scalar tags:", events.Tags()["scalars"])
curves = {tag: events.Scalars(tag) for tag in events.Tags()["scalars"]}
for tag, points in curves.items():
    first, last = points[0], points[-1]
    print(f"{tag:15s} {len(points)} points  step {first.step}: "
          f"{first.value:.4f}  step {last.step}: {last.value:.4f}")
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
        # zh: 事件文件名里有时间和主机名，每次都不同，不列出
        # en: Skip the event file: its name holds the time and host name
        if not name.startswith("events.out.tfevents"):
            print(os.path.relpath(os.path.join(folder, name), log_dir))
# --8<-- [end:projector-files]

# --8<-- [start:plot]
fig, axes = plt.subplots(1, 2, figsize=(8, 3.2))
for ax, group in zip(axes, ["Loss", "Accuracy"]):
    for split in ["train", "test"]:
        points = curves[f"{group}/{split}"]
        ax.plot([p.step for p in points], [p.value for p in points],
                marker="o", markersize=3, label=split)
    ax.set_title(group)
    ax.set_xlabel("step")
    ax.set_xticks(range(0, 20, 5))  # zh: 步数是整数
                                    # en: steps are whole numbers
    ax.grid(True, alpha=0.3)
    ax.legend()
plt.tight_layout()
plt.show()
# --8<-- [end:plot]
