# --8<-- [start:imports]
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
from PIL import Image
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
# --8<-- [end:imports]

# --8<-- [start:device]
# zh: 有加速器（CUDA、MPS、XPU 等）就用加速器，否则用 CPU
# en: Use the current accelerator (CUDA, MPS, XPU, ...) if any, else the CPU
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator().type
else:
    device = "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:transforms]
# zh: 原笔记用的逐通道均值和标准差
# en: The per-channel statistics the source note uses
MEAN = (0.4914, 0.4822, 0.4465)
STD = (0.2023, 0.1994, 0.2010)

train_transform = transforms.Compose([
    # zh: 增强：以 0.5 的概率左右翻转
    # en: augmentation: mirror left to right with probability 0.5
    transforms.RandomHorizontalFlip(),
    # zh: 增强：四周补 4 个像素，再随机截取 32x32
    # en: augmentation: pad by 4 pixels, cut a random 32x32 window
    transforms.RandomCrop(32, padding=4),
    # zh: PIL 图像 (H, W, C)、0..255 -> 浮点张量 (C, H, W)、0..1
    # en: PIL image (H, W, C) of 0..255 -> float tensor (C, H, W) of 0..1
    transforms.ToTensor(),
    # zh: 逐通道计算 (x - mean) / std
    # en: (x - mean) / std, channel by channel
    transforms.Normalize(MEAN, STD),
])
# zh: 用来衡量模型的图片不做增强
# en: No augmentation for the images we measure on
test_transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize(MEAN, STD),
])
# --8<-- [end:transforms]

# --8<-- [start:transform-demo]
# zh: 随机变换用的是 torch 的随机数生成器
# en: The random transforms draw from torch's generator
torch.manual_seed(0)
# zh: 一张随机像素的 32x32 彩色“照片”
# en: a random 32x32 color "photo"
pixels = torch.randint(0, 256, (32, 32, 3), dtype=torch.uint8)
image = Image.fromarray(pixels.numpy())
print("PIL image:", image.size, image.mode)
x = train_transform(image)
print("after train_transform:", tuple(x.shape), x.dtype)
print("after test_transform: ", tuple(test_transform(image).shape))
# --8<-- [end:transform-demo]

# --8<-- [start:augment-demo]
# zh: 单通道、单行的“图片”：0 1 2 3 4 5
# en: one channel, one row: 0 1 2 3 4 5
row = torch.arange(6.0).reshape(1, 1, 6)
flip = transforms.RandomHorizontalFlip(p=1.0)
print("flipped:", flip(row).flatten().tolist())

torch.manual_seed(6)
white = torch.ones(1, 32, 32)  # zh: 全白的单通道图片
                               # en: an all-white one-channel image
cropped = transforms.RandomCrop(32, padding=4)(white)
print("cropped:", tuple(cropped.shape))
black_rows = int((cropped[0].sum(dim=1) == 0).sum())
black_columns = int((cropped[0].sum(dim=0) == 0).sum())
print("black rows:", black_rows, " black columns:", black_columns)
# --8<-- [end:augment-demo]

# --8<-- [start:data]
try:
    trainset = datasets.CIFAR10(
        root="data", train=True, download=True, transform=train_transform
    )
    testset = datasets.CIFAR10(
        root="data", train=False, download=True, transform=test_transform
    )
except OSError as error:  # zh: 没有网络，data/ 里也还没有数据
                          # en: offline, and the data is not in data/ yet
    raise SystemExit(
        f"CIFAR-10 is not in data/ and could not be downloaded ({error}): "
        "connect to the internet and run again."
    )
# zh: num_workers=0：由主进程自己准备每一批，不启动子进程
# en: num_workers=0: the main process prepares every batch itself
trainloader = DataLoader(
    trainset, batch_size=64, shuffle=True, num_workers=0,
    generator=torch.Generator().manual_seed(0),  # zh: 打乱顺序可以重现
                                                 # en: reproducible shuffling
)
testloader = DataLoader(testset, batch_size=64, shuffle=False, num_workers=0)
print(len(trainset), "training images,", len(trainloader), "batches per epoch")
# --8<-- [end:data]

# --8<-- [start:classes]
classes = ("plane", "car", "bird", "cat", "deer",
           "dog", "frog", "horse", "ship", "truck")
# --8<-- [end:classes]

# --8<-- [start:imshow]
# zh: 撤销 Normalize(MEAN, STD)：逐通道计算 x * std + mean
# en: Undo Normalize(MEAN, STD): x * std + mean, channel by channel
def denormalize(img):
    std = torch.tensor(STD).view(3, 1, 1)
    mean = torch.tensor(MEAN).view(3, 1, 1)
    return img * std + mean


# zh: 显示一张归一化过的 (3, H, W) 图片；matplotlib 要的是 (H, W, 3)
# en: Show a normalized (3, H, W) image; matplotlib wants (H, W, 3)
def imshow(img):
    img = denormalize(img.cpu()).clamp(0, 1)
    plt.imshow(np.transpose(img.numpy(), (1, 2, 0)))
    plt.axis("off")
# --8<-- [end:imshow]

# --8<-- [start:denormalize-check]
back = denormalize(test_transform(image))
same = torch.allclose(back, transforms.ToTensor()(image), atol=1e-6)
print("denormalize gives back ToTensor's pixels:", same)
# --8<-- [end:denormalize-check]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 输入 3 个颜色通道，输出 6 个，5x5 卷积核
        # en: 3 color channels in, 6 out, 5x5 kernel
        self.conv1 = nn.Conv2d(3, 6, 5)
        # zh: 2x2 窗口、步长 2：高和宽减半
        # en: 2x2 windows, stride 2: halves height and width
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)  # zh: 6 个通道进，16 个出
                                          # en: 6 channels in, 16 out
        # zh: 第二次池化后是 16 个 5x5 的通道
        # en: 16 channels of 5x5 after the second pooling
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)  # zh: 每个类别一个得分
                                      # en: one score per class

    def forward(self, x):
        # zh: 卷积、ReLU、池化
        # en: convolution, ReLU, pooling
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)  # zh: 每张图片展平成 400 个数
                                 # en: one row of 400 numbers per image
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        # zh: 原始得分（logits），softmax 由 CrossEntropyLoss 负责
        # en: raw scores (logits); CrossEntropyLoss applies the softmax
        return self.fc3(x)
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)  # zh: 各层的初始权重是随机的
                      # en: the layers start with random weights
net = Net().to(device)
print(net)
print("learnable parameters:", sum(p.numel() for p in net.parameters()))
# --8<-- [end:net-create]

# --8<-- [start:forward-shape]
torch.manual_seed(1)
# zh: 形状和 trainloader 给出的一批相同
# en: a batch shaped like one from trainloader
batch = torch.randn(64, 3, 32, 32).to(device)
print("input: ", tuple(batch.shape))
print("output:", tuple(net(batch).shape))
# --8<-- [end:forward-shape]

# --8<-- [start:loss-optimizer]
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
# --8<-- [end:loss-optimizer]

# --8<-- [start:one-step]
torch.manual_seed(4)
# zh: 8 张随机“图片”，每张配一个 0..9 的随机类别
# en: eight random "images", each with a random class index 0..9
inputs = torch.randn(8, 3, 32, 32).to(device)
labels = torch.randint(0, 10, (8,)).to(device)
print("labels:", labels.tolist())

optimizer.zero_grad()  # zh: 1. 清掉上一步留下的梯度
                       # en: 1. clear the gradients of the previous step
loss = criterion(net(inputs), labels)  # zh: 2. 前向传播，算损失
                                       # en: 2. forward pass and loss
loss.backward()  # zh: 3. 反向传播：每个权重都得到梯度
                 # en: 3. backward pass: a gradient for every weight
optimizer.step()  # zh: 4. 每个权重沿梯度反方向挪一小步
                  # en: 4. move every weight a little against its gradient
print(f"loss before the step: {loss.item():.4f}")

with torch.no_grad():  # zh: 只是测量，不需要梯度
                       # en: only a measurement: no gradients needed
    after = criterion(net(inputs), labels).item()
print(f"loss after the step:  {after:.4f}")
# --8<-- [end:one-step]

# --8<-- [start:train]
torch.manual_seed(0)
# zh: 新建模型：上面那一步已经改过第一个模型的权重
# en: A fresh model: the step above has already changed the first one
net = Net().to(device)
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

net.train()
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
        if i % 200 == 199:  # zh: 每 200 批打印这 200 批的平均损失
                            # en: every 200 batches: their mean loss
            print(f"[{epoch + 1}, {i + 1:4d}] loss: {running_loss / 200:.3f}")
            running_loss = 0.0

print("Finished Training")
# --8<-- [end:train]

# --8<-- [start:steps-per-epoch]
# zh: DataLoader 的长度就是一轮的批数，也就是优化器走的步数
# en: A DataLoader's length is the number of batches, or steps, per epoch
for batch_size in (64, 4):
    steps = len(DataLoader(range(50_000), batch_size=batch_size))
    print(f"batch_size={batch_size:2d}: {steps:5d} steps per epoch, "
          f"{2 * steps:5d} in 2 epochs")
# --8<-- [end:steps-per-epoch]

# --8<-- [start:test-batch]
# zh: 评估模式；对这个模型没有影响，有 dropout 或批归一化时必不可少
# en: Evaluation mode: no effect here, needed with dropout or batch norm
net.eval()
# zh: 测试集的第一批（64 张图片）
# en: the first test batch (64 images)
images, labels = next(iter(testloader))
imshow(torchvision.utils.make_grid(images[:4]))
plt.show()
print("GroundTruth:", " ".join(f"{classes[i]:>5}" for i in labels[:4]))

with torch.no_grad():
    # zh: 得分最高的类别
    # en: the class with the highest score
    predicted = net(images.to(device)).argmax(dim=1)
print("Predicted:  ", " ".join(f"{classes[i]:>5}" for i in predicted[:4]))
# --8<-- [end:test-batch]

# --8<-- [start:test-accuracy]
all_predicted, all_labels = [], []
with torch.no_grad():
    for images, labels in testloader:
        all_predicted.append(net(images.to(device)).argmax(dim=1).cpu())
        all_labels.append(labels)
all_predicted = torch.cat(all_predicted)
all_labels = torch.cat(all_labels)

correct = (all_predicted == all_labels).sum().item()
total = len(all_labels)
print(f"Accuracy of the network on the {total} test images: "
      f"{100 * correct / total:.1f} %")
# --8<-- [end:test-accuracy]

# --8<-- [start:per-class-function]
# zh: 对每个类别，数出它有几张图片、其中几张预测对了
# en: For every class, count its images and the ones predicted right
def per_class_accuracy(predicted, labels, num_classes=10):
    total = torch.bincount(labels, minlength=num_classes)
    right = labels[predicted == labels]
    correct = torch.bincount(right, minlength=num_classes)
    return correct, total


def print_per_class(predicted, labels):
    correct, total = per_class_accuracy(predicted, labels)
    for name, c, t in zip(classes, correct.tolist(), total.tolist()):
        print(f"{name:>5}: {c:4d} / {t:4d} = {100 * c / t:5.1f} %")
# --8<-- [end:per-class-function]

# --8<-- [start:per-class-demo]
torch.manual_seed(7)
# zh: 50 个“测试样本”，每类 5 个
# en: 50 "test images", five of each class
fake_labels = torch.arange(10).repeat(5)
# zh: 大约六成预测正确，其余随机乱猜
# en: right about 60 % of the time, random guesses otherwise
right = torch.rand(50) < 0.6
guesses = torch.randint(0, 10, (50,))
fake_predicted = torch.where(right, fake_labels, guesses)
print_per_class(fake_predicted, fake_labels)
overall = (fake_predicted == fake_labels).float().mean().item()
print(f"overall: {overall:.2f}")
# --8<-- [end:per-class-demo]

# --8<-- [start:per-class-test]
print_per_class(all_predicted, all_labels)
# --8<-- [end:per-class-test]

# --8<-- [start:save]
# zh: 只保存 state_dict：一个由张量组成的字典
# en: Save the state_dict only: a dict of tensors
torch.save(net.state_dict(), "part3_cifar_net.pth")
for name, tensor in net.state_dict().items():
    print(f"{name:12} {tuple(tensor.shape)}")
# --8<-- [end:save]

# --8<-- [start:load]
# zh: 结构相同的新实例，权重仍是随机的
# en: A new instance of the same structure, still with random weights
restored = Net()
state = torch.load(
    "part3_cifar_net.pth", weights_only=True, map_location="cpu"
)
print(restored.load_state_dict(state))
restored = restored.to(device).eval()

torch.manual_seed(5)
check = torch.randn(8, 3, 32, 32).to(device)
net.eval()
with torch.no_grad():
    same = torch.allclose(restored(check), net(check))
print("same outputs as the saved model:", same)
# --8<-- [end:load]
