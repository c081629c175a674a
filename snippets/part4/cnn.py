# --8<-- [start:imports]
import torch
from torch import nn
# --8<-- [end:imports]

# --8<-- [start:conv]
# zh: 5 张单通道的 28×28 图像：(批次, 通道, 高, 宽)
# en: 5 single-channel 28x28 images: (batch, channel, height, width)
x = torch.zeros([5, 1, 28, 28])

# zh: 卷积层：1 个输入通道，6 个输出通道，5×5 卷积核
# en: a convolution layer: 1 input channel, 6 output channels, 5x5 kernel
conv = nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5)

c = conv(x)
print(c.shape)  # zh: 边长 28 - 5 + 1 = 24
                # en: side 28 - 5 + 1 = 24
# --8<-- [end:conv]

# --8<-- [start:pool]
pool = nn.MaxPool2d(2)  # zh: 2×2 窗口的最大池化，步长 2
                        # en: max pooling over 2x2 windows, stride 2

s = pool(c)  # zh: 把特征图 c 送进池化层
             # en: feed the feature maps c into the pooling layer
print(s.shape)  # zh: 边长 24 / 2 = 12
                # en: side 24 / 2 = 12
# --8<-- [end:pool]

# --8<-- [start:lenet5-class]
class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 第一个卷积块：[n, 1, 28, 28] -> [n, 6, 12, 12]
        # en: first convolution block: [n, 1, 28, 28] -> [n, 6, 12, 12]
        self.conv1 = nn.Sequential(
            nn.Conv2d(1, 6, 5),  # zh: 卷积，28 -> 24
                                 # en: convolution, 28 -> 24
            nn.ReLU(),  # zh: 激活
                        # en: activation
            nn.MaxPool2d(2),  # zh: 最大池化，24 -> 12
                              # en: max pooling, 24 -> 12
        )
        # zh: 第二个卷积块：[n, 6, 12, 12] -> [n, 16, 4, 4]
        # en: second convolution block: [n, 6, 12, 12] -> [n, 16, 4, 4]
        self.conv2 = nn.Sequential(
            nn.Conv2d(6, 16, 5),  # zh: 边长 12 -> 8
                                  # en: side 12 -> 8
            nn.ReLU(),
            nn.MaxPool2d(2),  # zh: 边长 8 -> 4
                              # en: side 8 -> 4
        )
        # zh: 全连接层：16 * 4 * 4 = 256 -> 120 -> 84 -> 10
        # en: fully connected layers: 16 * 4 * 4 = 256 -> 120 -> 84 -> 10
        self.fc1 = nn.Sequential(
            nn.Linear(256, 120),
            nn.ReLU(),
        )
        self.fc2 = nn.Sequential(
            nn.Linear(120, 84),
            nn.ReLU(),
        )
        self.fc3 = nn.Sequential(
            nn.Linear(84, 10),  # zh: 10 个原始分数，每个数字一个
                                # en: 10 raw scores, one per digit
        )

    def forward(self, x):  # zh: x 的形状 [n, 1, 28, 28]
                           # en: x has the shape [n, 1, 28, 28]
        x = self.conv1(x)  # zh: 形状 [n, 6, 12, 12]
                           # en: shape [n, 6, 12, 12]
        x = self.conv2(x)  # zh: 形状 [n, 16, 4, 4]
                           # en: shape [n, 16, 4, 4]
        # zh: [n, 256]：保留批次维，其余展平
        # en: [n, 256]: keep the batch dimension, flatten the rest
        x = torch.flatten(x, 1)
        x = self.fc1(x)  # zh: 形状 [n, 120]
                         # en: shape [n, 120]
        x = self.fc2(x)  # zh: 形状 [n, 84]
                         # en: shape [n, 84]
        x = self.fc3(x)  # zh: 形状 [n, 10]
                         # en: shape [n, 10]
        return x
# --8<-- [end:lenet5-class]

# --8<-- [start:lenet5-create]
torch.manual_seed(0)  # zh: 初始权重可以重现
                      # en: repeatable initial weights
model = LeNet5()
print(model)
# --8<-- [end:lenet5-create]

# --8<-- [start:parameters]
for name, block in model.named_children():
    count = sum(p.numel() for p in block.parameters())
    print(f"{name}: {count} parameters")
print(f"total: {sum(p.numel() for p in model.parameters())} parameters")
# --8<-- [end:parameters]

# --8<-- [start:lenet5-shapes]
torch.manual_seed(1)
n = 4
batch = torch.rand(n, 1, 28, 28)  # zh: 4 张随机的 28×28“数字”
                                  # en: a batch of 4 random 28x28 "digits"
print(f"input:       {batch.shape}")
h = model.conv1(batch)
print(f"after conv1: {h.shape}")
h = model.conv2(h)
print(f"after conv2: {h.shape}")
h = torch.flatten(h, 1)
print(f"flattened:   {h.shape}")
h = model.fc1(h)
print(f"after fc1:   {h.shape}")
h = model.fc2(h)
print(f"after fc2:   {h.shape}")
h = model.fc3(h)
print(f"after fc3:   {h.shape}")
# --8<-- [end:lenet5-shapes]

# --8<-- [start:lenet5-output]
scores = model(batch)  # zh: forward() 一次调用走完同样的步骤
                       # en: forward() runs the same steps in one call
print(torch.equal(scores, h))
print(scores)
# zh: 每张图像得分最高的类别（还没训练，没有意义）
# en: the highest-scoring class of each image (untrained: meaningless)
print(scores.argmax(dim=1))
# --8<-- [end:lenet5-output]

# --8<-- [start:feature-maps]
from torchvision import datasets, transforms

to_tensor = transforms.Compose([
    transforms.Grayscale(num_output_channels=1),
    transforms.ToTensor(),
])
digits = datasets.ImageFolder("data/mnist_images/test", transform=to_tensor)
# zh: 测试集里的第一张 7
# en: the first 7 of the test set
digit, label = digits[digits.targets.index(digits.class_to_idx["7"])]
print("label:", digits.classes[label], "| image:", tuple(digit.shape))

kernels = model.conv1[0].weight  # zh: 6 个 5×5 卷积核，还没训练
                                 # en: the six 5x5 kernels, untrained
with torch.no_grad():  # zh: 只是看一看，不需要梯度
                       # en: only looking: no gradients needed
    # zh: unsqueeze(0) 加上批次维，[0] 再把它去掉
    # en: unsqueeze(0) adds the batch dimension, [0] drops it again
    maps = model.conv1[0](digit.unsqueeze(0))[0]
    pooled = model.conv1(digit.unsqueeze(0))[0]
print("conv1 maps:", tuple(maps.shape), "| after the block:",
      tuple(pooled.shape))
# --8<-- [end:feature-maps]

# --8<-- [start:feature-maps-plot]
import matplotlib.pyplot as plt

fig = plt.figure(figsize=(10, 4.6))
grid = fig.add_gridspec(3, 7)
ax = fig.add_subplot(grid[:, 0])
ax.imshow(digit[0].numpy(), cmap="gray")
ax.set_title("input\n28×28", fontsize=9)
ax.axis("off")
rows = [
    (kernels[:, 0], "kernel", "bwr"),
    (maps, "conv", "bwr"),
    (pooled, "ReLU+pool", "gray"),
]
for row, (images, name, cmap) in enumerate(rows):
    for k in range(6):
        ax = fig.add_subplot(grid[row, k + 1])
        image = images[k].detach().numpy()
        if cmap == "bwr":
            # zh: 颜色以 0 为中心：红为正，蓝为负
            # en: colors centered on 0: red positive, blue negative
            limit = abs(image).max()
            ax.imshow(image, cmap=cmap, vmin=-limit, vmax=limit)
        else:
            ax.imshow(image, cmap=cmap)
        size = image.shape[-1]
        ax.set_title(f"{name} {k}  {size}×{size}", fontsize=8)
        ax.axis("off")
fig.tight_layout()
plt.show()
# --8<-- [end:feature-maps-plot]

# --8<-- [start:view-pitfall]
torch.manual_seed(2)
# zh: 16 张尺寸不对的图像：32×32，而不是 28×28
# en: 16 images of the wrong size: 32x32 instead of 28x28
big = torch.rand(16, 1, 32, 32)
features = model.conv2(model.conv1(big))
print(features.shape)  # zh: 每张图像 16 张 5×5 的图，而不是 4×4
                       # en: 16 maps of 5x5 per image, not 4x4
# zh: 原笔记的展平方式：变成 25 个“样本”
# en: the source note's flattening: 25 "images"
print(features.view(-1, 256).shape)
# zh: 仍是 16 张图像，每张 400 个特征
# en: still 16 images, 400 features each
print(torch.flatten(features, 1).shape)
# --8<-- [end:view-pitfall]

# --8<-- [start:view-loss]
wrong = model.fc3(model.fc2(model.fc1(features.view(-1, 256))))
print(wrong.shape)  # zh: 16 张图像得到 25 行分数
                    # en: 25 rows of scores for 16 images
# zh: 推理：25 个“预测”，不报任何错
# en: inference: 25 "predictions", and no error
print(wrong.argmax(dim=1).shape)

labels = torch.randint(0, 10, (16,))  # zh: 每张真实图像一个标签
                                      # en: one label per real image
try:
    loss = nn.CrossEntropyLoss()(wrong, labels)
except ValueError as error:
    print(f"{type(error).__name__}: {error}")
# --8<-- [end:view-loss]
