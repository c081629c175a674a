# --8<-- [start:imports]
import os
import pickle
import re
import textwrap

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import (
    DataLoader,
    Dataset,
    RandomSampler,
    SequentialSampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)
from torchvision import datasets, transforms
# --8<-- [end:imports]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 1 个输入通道 -> 6 个通道，5x5 卷积核
        # en: 1 input channel -> 6 channels, 5x5 kernel
        self.conv1 = nn.Conv2d(1, 6, 5)
        # zh: 6 个通道 -> 16 个通道，5x5 卷积核
        # en: 6 channels -> 16 channels, 5x5 kernel
        self.conv2 = nn.Conv2d(6, 16, 5)
        # zh: 第二次池化后是 16 个 5x5 的通道
        # en: 16 channels of 5x5 after the second pooling
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        # zh: 2x2 最大池化
        # en: 2x2 max pooling
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        # zh: 窗口是正方形时，给一个数就够了
        # en: A square window needs only one number
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        # zh: 展平除批量维以外的所有维度
        # en: Flatten every dimension except the batch
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)  # zh: 各层的初始权重是随机的
                      # en: the layers start with random weights
net = Net()
print(net)
# --8<-- [end:net-create]

# --8<-- [start:net-parameters]
params = list(net.parameters())
print(len(params), "parameter tensors")
for name, param in net.named_parameters():
    print(f"{name:12} {tuple(param.shape)}")
print("learnable numbers:", sum(p.numel() for p in net.parameters()))
# --8<-- [end:net-parameters]

# --8<-- [start:net-forward]
torch.manual_seed(1)
# zh: 一个批量，里面是一张 32x32 的单通道图像
# en: A batch of one single-channel 32x32 image
image = torch.randn(1, 1, 32, 32)
out = net(image)
print(out.shape)
print(out)
# --8<-- [end:net-forward]

# --8<-- [start:samplers]
# zh: 列表有 len() 和下标访问，就能当数据集用
# en: A list has len() and indexing: enough to serve as a dataset
data = list(range(10))
g = torch.Generator().manual_seed(0)

# zh: 按顺序取，shuffle=False 时用的就是它
# en: In order: what shuffle=False uses
print(list(SequentialSampler(data)))
# zh: 一个随机排列，shuffle=True 时用的就是它
# en: A random permutation: what shuffle=True uses
print(list(RandomSampler(data, generator=g)))
# zh: 只在给定的下标里打乱抽取
# en: Only these indices, in random order
print(list(SubsetRandomSampler([0, 2, 4, 6, 8], generator=g)))

# zh: 第 1 类只有 2 个样本；每个样本的权重取它所在类大小的倒数
# en: Class 1 has only 2 samples; weight each sample by 1 / its class size
labels = torch.tensor([0] * 8 + [1] * 2)
weights = 1.0 / torch.bincount(labels)[labels]
print(list(WeightedRandomSampler(weights, 10, generator=g)))
many = WeightedRandomSampler(weights, 1000, generator=g)
counts = torch.bincount(labels[list(many)])
print("class counts in 1000 draws:", counts.tolist())

# zh: 把采样器交给 DataLoader；这时不能再设 shuffle
# en: Hand a sampler to a DataLoader; then leave out shuffle
evens = SubsetRandomSampler([0, 2, 4, 6, 8], generator=g)
loader = DataLoader(data, batch_size=2, sampler=evens)
print([batch.tolist() for batch in loader])
print(type(DataLoader(data, shuffle=True).sampler).__name__)
# --8<-- [end:samplers]

# --8<-- [start:cifar-transform]
transform = transforms.Compose([
    # zh: PIL 图像 (H, W, C)，0..255 -> 浮点张量 (C, H, W)，0..1
    # en: PIL image (H, W, C) in 0..255 -> float tensor (C, H, W) in 0..1
    transforms.ToTensor(),
    # zh: 每个通道：(x - 0.5) / 0.5，落在 -1..1
    # en: Each channel: (x - 0.5) / 0.5, in -1..1
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
])
print(transform)
# --8<-- [end:cifar-transform]

# --8<-- [start:cifar-loaders]
try:
    trainset = datasets.CIFAR10(root="data", train=True, download=True,
                                transform=transform)
    testset = datasets.CIFAR10(root="data", train=False, download=True,
                               transform=transform)
except OSError:  # zh: 离线，data/ 里也还没有数据
                 # en: offline, and the data is not in data/ yet
    print("CIFAR-10 is not in data/ and could not be downloaded: connect "
          "to the internet and run again (the rest runs without it).")
    trainset = testset = None

# zh: 没有数据时只跳过这一段，后面各节照常运行
# en: Without the data only this part is skipped; the rest still runs
if trainset is not None:
    trainloader = DataLoader(trainset, batch_size=4, shuffle=True,
                             num_workers=2)
    testloader = DataLoader(testset, batch_size=4, shuffle=False,
                            num_workers=2)
# --8<-- [end:cifar-loaders]

# --8<-- [start:my-dataset]
class MyDataset(Dataset):
    def __init__(self, x_tensor, y_tensor):
        self.x = x_tensor
        self.y = y_tensor

    def __getitem__(self, index):
        # zh: 一个样本：(输入, 目标)
        # en: One sample: (input, target)
        return self.x[index], self.y[index]

    def __len__(self):
        return len(self.x)


x = torch.arange(10)
y = torch.arange(10) + 1
my_dataset = MyDataset(x, y)
print(len(my_dataset), my_dataset[3])
# --8<-- [end:my-dataset]

# --8<-- [start:my-loader]
loader = DataLoader(my_dataset, batch_size=4, shuffle=True, num_workers=0,
                    # zh: 种子只管打乱的顺序
                    # en: seeds the shuffling alone
                    generator=torch.Generator().manual_seed(0))
for epoch in range(2):
    print("epoch", epoch)
    for xb, yb in loader:  # zh: 换个名字：x 和 y 还存着全部数据
                           # en: new names: x and y still hold all the data
        print("  x:", xb, "y:", yb)
# --8<-- [end:my-loader]

# --8<-- [start:save-params]
state = net.state_dict()  # zh: 有序字典：参数名 -> 张量
                          # en: an ordered dict: parameter name -> tensor
print(type(state).__name__, "with", len(state), "entries")
names = [name for name, _ in net.named_parameters()]
print("keys are the parameter names:", list(state) == names)
# zh: BatchNorm 层除了参数，还有缓冲区：滑动均值、方差和计数
# en: A BatchNorm layer also has buffers: running mean, variance, count
print("BatchNorm1d:", list(nn.BatchNorm1d(3).state_dict()))
torch.save(state, "part3_net_params.pth")
# --8<-- [end:save-params]

# --8<-- [start:load-params]
torch.manual_seed(1)
model = Net()  # zh: 同一个类，不同的随机权重
               # en: same class, different random weights
print("same output before loading:", torch.equal(model(image), out))
state = torch.load("part3_net_params.pth", weights_only=True)
print(model.load_state_dict(state))
# zh: dropout 和 batch norm 层切换到评估时的行为
# en: Dropout and batch norm layers switch to their evaluation behavior
model.eval()
print("training mode:", model.training)
print("same output after loading:", torch.equal(model(image), out))
# --8<-- [end:load-params]

# --8<-- [start:save-whole]
# zh: 用 pickle 保存模块对象本身，包括对它的类的引用
# en: Pickles the module object itself, a reference to its class included
torch.save(net, "part3_net_whole.pth")
# --8<-- [end:save-whole]

# --8<-- [start:load-whole-default]
try:
    # zh: PyTorch 2.6 起默认 weights_only=True
    # en: weights_only=True by default since PyTorch 2.6
    torch.load("part3_net_whole.pth")
except pickle.UnpicklingError as error:
    message = f"{type(error).__name__}: {error}"
# --8<-- [end:load-whole-default]

# --8<-- [start:show-message]
# zh: 报错信息用终端控制码把一句话加粗，去掉这些控制码
# en: The message makes one phrase bold with terminal codes: drop them
message = re.sub(r"\033\[\d+m", "", message)
# zh: 长行折成不超过 79 列，文字一个不改
# en: Wrap the long lines at 79 columns; not a word is changed
for line in message.splitlines():
    print(textwrap.fill(line.strip(), width=79))
# --8<-- [end:show-message]

# --8<-- [start:load-whole]
# zh: 只用于你信得过的文件
# en: Only for files you trust
whole = torch.load("part3_net_whole.pth", weights_only=False)
whole.eval()
print(type(whole).__name__)
print("same output:", torch.equal(whole(image), out))
# zh: 两个文件的大小（字节）
# en: The sizes of the two files, in bytes
print("parameters only:", os.path.getsize("part3_net_params.pth"))
print("whole model:    ", os.path.getsize("part3_net_whole.pth"))
# --8<-- [end:load-whole]
