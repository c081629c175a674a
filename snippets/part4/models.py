# --8<-- [start:imports]
import torch  # zh: 张量以及 PyTorch 的其余一切
              # en: tensors and everything else in PyTorch
import torch.nn as nn  # zh: 各种层（模块）和基类 nn.Module
                       # en: layers (modules) and the nn.Module base class
# zh: 函数形式的运算：激活、池化等
# en: operations as plain functions: activations, pooling
import torch.nn.functional as F
# --8<-- [end:imports]

# --8<-- [start:lenet-class]
class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 1 个输入通道（灰度图）-> 6 个通道，5×5 卷积核
        # en: 1 input channel (a grayscale image) -> 6 channels, 5x5 kernel
        self.conv1 = nn.Conv2d(1, 6, 5)
        # zh: 6 个通道 -> 16 个通道，5×5 卷积核
        # en: 6 channels -> 16 channels, 5x5 kernel
        self.conv2 = nn.Conv2d(6, 16, 5)
        # zh: 仿射层 y = Wx + b；16 * 5 * 5 是第二次池化后剩下的
        # zh: 16 张 5×5 特征图
        # en: affine layers y = Wx + b; 16 * 5 * 5: the 16 maps of 5x5
        # en: left after the second pooling
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        # zh: 在 2×2 窗口上做最大池化
        # en: max pooling over 2x2 windows
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        # zh: 正方形窗口可以只写一个数
        # en: a square window can be given as one number
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        # zh: 保留第 0 维（批次），其余展平：16*5*5 = 400
        # en: keep dim 0 (the batch), flatten the rest: 16*5*5 = 400
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)  # zh: 10 个原始分数，不加激活
                         # en: 10 raw scores, no activation
        return x
# --8<-- [end:lenet-class]

# --8<-- [start:lenet-create]
# zh: 权重的初始值是随机的，固定种子才能重现
# en: the weights start random; the seed makes them repeatable
torch.manual_seed(0)
net = LeNet()
print(net)  # zh: 模块会列出自己的子模块和设置
            # en: a module reports its submodules and their settings
# --8<-- [end:lenet-create]

# --8<-- [start:lenet-forward]
torch.manual_seed(1)  # zh: 和权重用不同的种子
                      # en: a different seed from the weights'
# zh: 代替一张 32×32 的灰度图：(批次, 通道, 高, 宽)
# en: stands in for one 32x32 grayscale image: (batch, channel, height, width)
image = torch.rand(1, 1, 32, 32)
print("Image batch shape:")
print(image.shape)

output = net(image)  # zh: 调用模块本身，而不是 net.forward(image)
                     # en: call the module itself, not net.forward(image)
print("\nRaw output:")
print(output)
print(output.shape)
# --8<-- [end:lenet-forward]

# --8<-- [start:batch]
torch.manual_seed(2)
batch = torch.rand(16, 1, 32, 32)  # zh: 一批 16 张图像
                                   # en: 16 images in one batch
scores = net(batch)
print(scores.shape)  # zh: 每张图像一行，各 10 个分数
                     # en: one row of 10 scores per image
# zh: 每张图像各算各的：第 0 张单独送进去，分数和在整批里一样
# en: each image is computed on its own: image 0 alone gets the same
# en: scores as inside the batch
print(torch.allclose(scores[:1], net(batch[:1])))

try:
    net(image[0])  # zh: 去掉批次维，形状 (1, 32, 32)
                   # en: without the batch dimension: (1, 32, 32)
except RuntimeError as error:
    print(error)
# --8<-- [end:batch]

# --8<-- [start:shapes]
# zh: 把 forward() 里的各层一步步拆开运行，留下每个中间结果
# en: run the layers of forward() one by one, keeping every result
h0 = image
h1 = F.relu(net.conv1(h0))
h2 = F.max_pool2d(h1, 2)
h3 = F.relu(net.conv2(h2))
h4 = F.max_pool2d(h3, 2)
h5 = F.relu(net.fc1(torch.flatten(h4, 1)))
h6 = F.relu(net.fc2(h5))
h7 = net.fc3(h6)
stages = [
    ("INPUT", "", h0),
    ("C1", "conv1 + relu", h1),
    ("S2", "max_pool2d", h2),
    ("C3", "conv2 + relu", h3),
    ("S4", "max_pool2d", h4),
    ("F5", "flatten, fc1 + relu", h5),
    ("F6", "fc2 + relu", h6),
    ("OUTPUT", "fc3", h7),
]
for name, step, h in stages:
    print(f"{name:<7}{step:<21}{h.shape}")
print(torch.equal(h7, output))  # zh: 和 net(image) 的结果相同
                                # en: the same result as net(image)
# --8<-- [end:shapes]

# --8<-- [start:diagram]
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, Rectangle

BOX = dict(facecolor="0.82", edgecolor="0.25", lw=0.8)
fig, ax = plt.subplots(figsize=(12, 3.0))
x = 0.0
spans = []
for name, step, h in stages:
    if h.dim() == 4:
        # zh: 特征图：画成一叠方块，边长与特征图的边长成正比
        # en: feature maps: a stack of squares, sides proportional to the
        # en: map's size
        channels, size = h.shape[1], h.shape[2]
        side = size / 12
        layers = min(channels, 4)
        for i in range(layers):
            off = 0.12 * (layers - 1 - i)
            corner = (x + off, -side / 2 + off)
            ax.add_patch(Rectangle(corner, side, side, **BOX))
        width = side + 0.12 * (layers - 1)
        label = f"{channels}@{size}×{size}"
    else:
        # zh: 特征向量：画成竖条，高度与长度成正比
        # en: a vector of features: a bar, its height proportional to
        # en: its length
        features = h.shape[1]
        side, width = features / 40, 0.25
        ax.add_patch(Rectangle((x, -side / 2), width, side, **BOX))
        label = str(features)
    middle = x + width / 2
    ax.text(middle, 1.9, name, ha="center", fontsize=10, weight="bold")
    ax.text(middle, -2.05, label, ha="center", fontsize=9)
    spans.append((x, x + width))
    x += width + 1.6

operations = [
    "conv\n5×5", "max pool\n2×2", "conv\n5×5", "max pool\n2×2",
    "flatten\n+ full", "full", "full",
]
for (_, right), (left, _), op in zip(spans, spans[1:], operations):
    arrow = FancyArrowPatch(
        (right + 0.1, 0), (left - 0.1, 0),
        arrowstyle="-|>", mutation_scale=10, color="0.3",
    )
    ax.add_patch(arrow)
    ax.text((right + left) / 2, 0.15, op,
            ha="center", va="bottom", fontsize=8)

ax.set_xlim(-0.3, x - 0.9)
ax.set_ylim(-2.4, 2.3)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title(
    "LeNet: the shape of the data after each layer (input 1×1×32×32)"
)
fig.tight_layout()
plt.show()
# --8<-- [end:diagram]
