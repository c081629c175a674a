# --8<-- [start:imports]
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
# --8<-- [end:imports]

# --8<-- [start:device]
# zh: 有加速器（CUDA、MPS、XPU 等）就用加速器，否则用 CPU
# en: Use the current accelerator (CUDA, MPS, XPU, ...) if there is one,
# en: else the CPU.
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator().type
else:
    device = "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:transform]
transform = transforms.Compose([
    transforms.ToTensor(),  # zh: 像素值 0..1
                            # en: pixel values 0..1
    # zh: (x - 0.5) / 0.5：0..1 变成 -1..1
    # en: (x - 0.5) / 0.5: 0..1 becomes -1..1
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
])
# --8<-- [end:transform]

# --8<-- [start:data]
try:
    trainset = torchvision.datasets.CIFAR10(
        root="data", train=True, download=True, transform=transform
    )
    testset = torchvision.datasets.CIFAR10(
        root="data", train=False, download=True, transform=transform
    )
except OSError as error:  # zh: 没有网络，data/ 里也还没有数据
                          # en: offline, and the data is not in data/ yet
    raise SystemExit(
        f"CIFAR-10 is not in data/ and could not be downloaded ({error}): "
        "connect to the internet and run again."
    )
# zh: num_workers=0：在主进程里读数据，脚本不需要 __main__ 保护（见 4.5）
# en: num_workers=0: load in the main process, so the script needs
# en: no __main__ guard (see 4.5)
trainloader = DataLoader(
    trainset, batch_size=4, shuffle=True, num_workers=0,
    generator=torch.Generator().manual_seed(0),  # zh: 打乱顺序可以重现
                                                 # en: repeatable shuffling
)
testloader = DataLoader(testset, batch_size=4, shuffle=False, num_workers=0)
# --8<-- [end:data]

# --8<-- [start:classes]
classes = ("plane", "car", "bird", "cat", "deer",
           "dog", "frog", "horse", "ship", "truck")
# --8<-- [end:classes]

# --8<-- [start:imshow]
# zh: 显示一个经本章 transform 归一化的 (3, H, W) 张量
# en: Show a (3, H, W) tensor normalized by this chapter's transform
def imshow(img):
    img = img / 2 + 0.5  # zh: 撤销 Normalize(0.5, 0.5)：x * 0.5 + 0.5
                         # en: undo Normalize(0.5, 0.5): x * 0.5 + 0.5
    # zh: matplotlib 要的是 (H, W, C)
    # en: matplotlib wants (H, W, C)
    plt.imshow(np.transpose(img.numpy(), (1, 2, 0)))
# --8<-- [end:imshow]

# --8<-- [start:show-batch]
dataiter = iter(trainloader)
images, labels = next(dataiter)

plt.figure(figsize=(6, 2))
imshow(torchvision.utils.make_grid(images))
plt.axis("off")
plt.show()
print(" ".join(f"{classes[label]:>5}" for label in labels))
# --8<-- [end:show-batch]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 输入 3 个颜色通道，输出 6 个，5×5 卷积核
        # en: 3 color channels in, 6 out, 5x5 kernel
        self.conv1 = nn.Conv2d(3, 6, 5)
        # zh: 2×2 窗口、步长 2：高和宽减半
        # en: 2x2 windows, stride 2: halves height and width
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        # zh: 第二次池化后是 16 个 5×5 的通道
        # en: 16 channels of 5x5 after the second pooling
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)  # zh: 每个类别一个得分
                                      # en: one score per class

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)  # zh: 展平除批量维以外的所有维度
                                 # en: flatten all dimensions but the batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)  # zh: 各层的初始权重是随机的
                      # en: the layers start with random weights
net = Net().to(device)
print(net)
# --8<-- [end:net-create]

# --8<-- [start:shapes]
torch.manual_seed(1)
# zh: 一批 4 张随机的 32×32 彩色“图片”
# en: a batch of four random 32x32 color "images"
x = torch.randn(4, 3, 32, 32).to(device)
h = F.relu(net.conv1(x))
# zh: 不加填充的 5×5 卷积：32 - 4 = 28
# en: a 5x5 kernel without padding: 32 - 4 = 28
print(f"after conv1:  {tuple(h.shape)}")
h = net.pool(h)
print(f"after pool:   {tuple(h.shape)}")
h = F.relu(net.conv2(h))
print(f"after conv2:  {tuple(h.shape)}")
h = net.pool(h)
print(f"after pool:   {tuple(h.shape)}")
print(f"flattened:    {tuple(torch.flatten(h, 1).shape)}")
print(f"net(x):       {tuple(net(x).shape)}")
# --8<-- [end:shapes]

# --8<-- [start:loss-optimizer]
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
# --8<-- [end:loss-optimizer]

# --8<-- [start:one-step]
torch.manual_seed(2)
inputs = torch.randn(4, 3, 32, 32).to(device)
# zh: 随机的类别下标，每张图一个
# en: random class indices, one per image
labels = torch.randint(0, 10, (4,)).to(device)
print("labels:", labels.tolist())

optimizer.zero_grad()  # zh: 清掉上一步留下的梯度
                       # en: clear the gradients of the previous step
loss = criterion(net(inputs), labels)  # zh: 前向传播
                                       # en: forward pass
loss.backward()  # zh: 损失对每个权重的梯度
                 # en: gradients of the loss with respect to every weight
optimizer.step()  # zh: 沿梯度的反方向挪动权重
                  # en: move the weights against their gradients
print(f"loss before the step: {loss.item():.4f}")

with torch.no_grad():  # zh: 只是量一下，不需要梯度
                       # en: just a measurement: no gradients needed
    after = criterion(net(inputs), labels).item()
print(f"loss after the step:  {after:.4f}")
# --8<-- [end:one-step]

# --8<-- [start:grad-accumulates]
optimizer.zero_grad()
criterion(net(inputs), labels).backward()
once = net.fc3.bias.grad.clone()
# zh: 第二次反向传播，中间没有 zero_grad()
# en: a second backward pass, without zero_grad() in between
criterion(net(inputs), labels).backward()
print("gradient after two backward passes == 2 x one pass:",
      torch.allclose(net.fc3.bias.grad, 2 * once))
optimizer.zero_grad()
# --8<-- [end:grad-accumulates]

# --8<-- [start:train]
torch.manual_seed(0)
# zh: 新建一个模型：上面演示的那一步已经改动了第一个
# en: a fresh model: the demonstration step above changed the first one
net = Net().to(device)
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

for epoch in range(2):  # zh: 把训练集过两遍
                        # en: two passes over the training set
    running_loss = 0.0
    for i, (inputs, labels) in enumerate(trainloader):
        # zh: 把这一批搬到模型所在的设备上
        # en: the batch goes where the model is
        inputs, labels = inputs.to(device), labels.to(device)

        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
        if i % 2000 == 1999:  # zh: 每 2,000 批打印这些批的平均损失
                              # en: every 2,000 batches: their mean loss
            print(f"[{epoch + 1}, {i + 1:5d}] "
                  f"loss: {running_loss / 2000:.3f}")
            running_loss = 0.0

print("Finished Training")
# --8<-- [end:train]

# --8<-- [start:test]
# zh: 评估模式：这个模型不受影响，带 dropout 的模型就不同了
# en: evaluation mode: this model behaves the same, one with dropout would not
net.eval()
correct = 0
total = 0
with torch.no_grad():
    for images, labels in testloader:
        images, labels = images.to(device), labels.to(device)
        # zh: 得分最高的类别
        # en: the class with the highest score
        predicted = net(images).argmax(dim=1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()

print(f"Accuracy of the network on the {total} test images: "
      f"{100 * correct / total:.1f} %")
# --8<-- [end:test]
