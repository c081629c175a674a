# --8<-- [start:imports]
import warnings

import torch
from torch import nn
from torchvision import datasets, models, transforms
# --8<-- [end:imports]

# --8<-- [start:cuda-available]
print(torch.cuda.is_available())
# --8<-- [end:cuda-available]

# --8<-- [start:device]
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)
# --8<-- [end:device]

# --8<-- [start:tensor-to]
torch.manual_seed(0)
x = torch.rand(3, 3)  # zh: 建在 CPU 上
                      # en: created on the CPU
# zh: 在别的设备上时得到一份拷贝；已经在 device 上时就是 x 本身
# en: A copy when `device` is elsewhere; x itself when x is already there
x_dev = x.to(device)
x_cpu = x_dev.cpu()  # zh: 再回到 CPU
                     # en: and back to the CPU
print(x.device, x_dev.device, x_cpu.device)
print("same values:", torch.equal(x, x_cpu))
# zh: x 已经在 CPU 上：不复制，返回的就是它自己
# en: x is already on the CPU: no copy, the same object comes back
print("x.to('cpu') is x:", x.to("cpu") is x)
# --8<-- [end:tensor-to]

# --8<-- [start:tensor-cuda]
if torch.cuda.is_available():  # zh: 没有 CUDA 时 .cuda() 会报错
                               # en: .cuda() fails on a machine without CUDA
    x_gpu = x.cuda()  # zh: 相当于 x.to("cuda")
                      # en: the same as x.to("cuda")
    x_back = x_gpu.cpu()
# --8<-- [end:tensor-cuda]

# --8<-- [start:model-to]
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
model.to(device)  # zh: 就地移动全部参数和缓冲区
                  # en: moves every parameter and buffer, in place
print("parameters on:", {str(p.device) for p in model.parameters()})
out = model(x.to(device))  # zh: 输入也要放到模型所在的设备上
                           # en: the input must be on the model's device too
print(out.shape, out.device)
# --8<-- [end:model-to]

# --8<-- [start:imagenet]
try:
    # zh: ImageNet 没有 download 参数，压缩包要自己下载
    # en: ImageNet has no `download` argument: fetch the archives yourself
    datasets.ImageNet(root="data", split="val")
except RuntimeError as error:
    print(error)
# --8<-- [end:imagenet]

# --8<-- [start:fashion-mnist]
train_data = datasets.FashionMNIST(root="data", train=True, download=True)
print(len(train_data), "training images")
print(train_data.classes[:4])
# zh: 没有 transform：得到 PIL 图像和一个整数
# en: Without a transform: a PIL image and an int
image, label = train_data[0]
print(type(image).__name__, image.size, image.mode,
      "label", label, train_data.classes[label])
# --8<-- [end:fashion-mnist]

# --8<-- [start:transform]
transform = transforms.Compose([
    # zh: PIL 图像，0..255 -> 浮点张量 (C, H, W)，0..1
    # en: PIL image, 0..255 -> float tensor (C, H, W), 0..1
    transforms.ToTensor(),
    # zh: 单通道：(x - 0.5) / 0.5，落在 -1..1
    # en: One channel: (x - 0.5) / 0.5, in -1..1
    transforms.Normalize((0.5,), (0.5,)),
])
print(transform)
tensor = transform(image)
print(tensor.shape, tensor.dtype)
print(f"min {tensor.min().item():.4f}, max {tensor.max().item():.4f}, "
      f"mean {tensor.mean().item():.4f}")
# --8<-- [end:transform]

# --8<-- [start:normalize-channels]
# zh: 三个数：给 RGB 图像用的
# en: Three numbers: meant for RGB images
rgb_normalize = transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
try:
    # zh: 灰度图只有一个通道
    # en: A grayscale image has one channel
    rgb_normalize(transforms.ToTensor()(image))
except RuntimeError as error:
    print(error)
# --8<-- [end:normalize-channels]

# --8<-- [start:augment]
augment = transforms.Compose([
    transforms.RandomHorizontalFlip(p=0.5),
    # zh: 四周各补 2 个像素，再随机裁出 28x28 的一块
    # en: Pad by 2 pixels, then cut a random 28x28 window
    transforms.RandomCrop(28, padding=2),
    transforms.ToTensor(),
])
# zh: 随机变换从 torch 的随机数生成器取数
# en: The random transforms draw from torch's generator
torch.manual_seed(0)
a, b = augment(image), augment(image)
print(a.shape, "two draws differ:", not torch.equal(a, b))
# --8<-- [end:augment]

# --8<-- [start:pretrained-deprecated]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # zh: 旧参数；False 不会下载任何东西
    # en: The old argument; False downloads nothing
    models.resnet18(pretrained=False)
print(caught[0].message)
# --8<-- [end:pretrained-deprecated]

# --8<-- [start:weights-enum]
# zh: 一个枚举成员：这时还什么都没下载
# en: An enum member: nothing is downloaded yet
weights = models.ResNet18_Weights.DEFAULT
print(weights)
print(weights.meta["categories"][:5])
print(weights.meta["num_params"], "parameters,",
      weights.meta["_file_size"], "MB")
print(weights.meta["_metrics"])
print(weights.transforms())
# --8<-- [end:weights-enum]

# --8<-- [start:pretrained]
try:
    resnet18 = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
    resnet18.eval()
except OSError as error:  # zh: 离线，而且缓存里还没有权重
                          # en: offline, and the weights are not cached yet
    print(f"the pretrained weights could not be downloaded ({error})")
# --8<-- [end:pretrained]

# --8<-- [start:untrained]
torch.manual_seed(0)
# zh: 同样的网络结构，权重随机
# en: The architecture with random weights
resnet18 = models.resnet18(weights=None)
print(sum(p.numel() for p in resnet18.parameters()), "parameters")
print(resnet18.fc)
resnet18.eval()
batch = torch.randn(2, 3, 224, 224)
with torch.no_grad():
    logits = resnet18(batch)
print(logits.shape)
# --8<-- [end:untrained]

# --8<-- [start:new-head]
torch.manual_seed(0)
# zh: 换上新的最后一层，输出 10 类
# en: A new last layer for 10 classes
resnet18.fc = nn.Linear(resnet18.fc.in_features, 10)
with torch.no_grad():
    print(resnet18(batch).shape)
# --8<-- [end:new-head]
