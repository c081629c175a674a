# --8<-- [start:imports]
import matplotlib.pyplot as plt
import numpy as np
import torch
import torchvision
import torchvision.transforms as transforms
from PIL import Image
from torch.utils.data import DataLoader, TensorDataset
# --8<-- [end:imports]

# --8<-- [start:transform]
# zh: CIFAR-10 训练图片红、绿、蓝三个通道的均值和标准差
# en: Mean and standard deviation of the red, green and blue values
# en: over the CIFAR-10 training images
CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)

transform = transforms.Compose([
    # zh: PIL 图片 (H, W, C)，0..255 -> 浮点张量 (C, H, W)，0..1
    # en: PIL image (H, W, C) of 0..255 -> float tensor (C, H, W) of 0..1
    transforms.ToTensor(),
    # zh: 逐通道计算 (x - mean) / std
    # en: (x - mean) / std, channel by channel
    transforms.Normalize(CIFAR_MEAN, CIFAR_STD),
])
print(transform)
# --8<-- [end:transform]

# --8<-- [start:activation-grads]
points = torch.tensor([-3.0, 0.0, 3.0], requires_grad=True)
for f in (torch.sigmoid, torch.tanh, torch.relu):
    points.grad = None  # zh: 清掉上一个函数留下的梯度
                        # en: clear the previous function's gradient
    f(points).sum().backward()  # zh: grad 就是 f 在这三点的斜率
                                # en: grad: f's slope at the three points
    print(f"{f.__name__:>7}'s slope at -3, 0, 3:", points.grad)
# --8<-- [end:activation-grads]

# --8<-- [start:to-tensor]
torch.manual_seed(0)
# zh: 高、宽、RGB：CIFAR-10 图片的排列方式
# en: height, width, RGB: the layout of a CIFAR-10 image
pixels = torch.randint(0, 256, (32, 32, 3), dtype=torch.uint8)
pil_image = Image.fromarray(pixels.numpy())
print(f"PIL image: size {pil_image.size}, mode {pil_image.mode}")

x = transforms.ToTensor()(pil_image)
print(f"tensor: shape {tuple(x.shape)}, dtype {x.dtype}, "
      f"values in [{x.min().item()}, {x.max().item()}]")
print("same as pixels / 255, channels first:",
      torch.equal(x, pixels.permute(2, 0, 1) / 255))
# --8<-- [end:to-tensor]

# --8<-- [start:normalize]
# zh: 每个通道一个数，沿高和宽广播
# en: one value per channel, broadcast over height and width
mean = torch.tensor(CIFAR_MEAN).view(3, 1, 1)
std = torch.tensor(CIFAR_STD).view(3, 1, 1)

y = transform(pil_image)
print("transform(pil_image) == (x - mean) / std:",
      torch.allclose(y, (x - mean) / std))
print("a pixel value of 0 becomes", ((0 - mean) / std).flatten())
print("a pixel value of 1 becomes", ((1 - mean) / std).flatten())
# --8<-- [end:normalize]

# --8<-- [start:channel-stats]
# zh: 一个 (图片, 标签) 数据集里全部图片的逐通道均值和标准差
# en: Per-channel mean and standard deviation over every image
# en: of a dataset of (image, label) pairs
def channel_mean_std(dataset):
    # zh: 叠成一个张量，形状 (N, C, H, W)
    # en: one tensor of shape (N, C, H, W)
    images = torch.stack([image for image, _ in dataset])
    # zh: 沿图片(0)、行(2)、列(3)求值，每个通道剩一个数
    # en: Reduce over the images (0), the rows (2) and the columns (3):
    # en: one number per channel is left.
    return images.mean(dim=(0, 2, 3)), images.std(dim=(0, 2, 3))
# --8<-- [end:channel-stats]

# --8<-- [start:synthetic-set]
torch.manual_seed(0)
colors = torch.rand(64, 3, 1, 1)  # zh: 每张图一种随机颜色
                                  # en: one random color per image
# zh: 加上噪声，再截到 0..1，和 ToTensor 的输出一样
# en: plus noise, kept in 0..1 like the output of ToTensor
fake_images = (colors + 0.1 * torch.randn(64, 3, 32, 32)).clamp(0, 1)
fake_labels = torch.randint(0, 10, (64,))
# zh: 配成 64 个 (图片, 标签) 对
# en: 64 (image, label) pairs
fake_set = TensorDataset(fake_images, fake_labels)
first_image, first_label = fake_set[0]
print(f"{len(fake_set)} samples; the first: "
      f"image {tuple(first_image.shape)}, label {first_label.item()}")
# --8<-- [end:synthetic-set]

# --8<-- [start:synthetic-stats]
fake_mean, fake_std = channel_mean_std(fake_set)
print("mean:", fake_mean)
print("std: ", fake_std)
# --8<-- [end:synthetic-stats]

# --8<-- [start:normalize-check]
# zh: Normalize 也能处理一整批 (N, C, H, W)
# en: Normalize also takes a whole batch (N, C, H, W)
normalized = transforms.Normalize(fake_mean, fake_std)(fake_images)
per_channel_mean = normalized.mean(dim=(0, 2, 3))
print("per-channel mean is 0:",
      torch.allclose(per_channel_mean, torch.zeros(3), atol=1e-6))
print("per-channel std:", normalized.std(dim=(0, 2, 3)))
# --8<-- [end:normalize-check]

# --8<-- [start:cifar-stats]
try:
    plain_trainset = torchvision.datasets.CIFAR10(
        root="data", train=True, download=True,
        transform=transforms.ToTensor(),  # zh: 不做 Normalize：统计原始像素
                                          # en: no Normalize: raw pixel values
    )
    have_cifar10 = True
except OSError as error:  # zh: 没有网络，data/ 里也还没有数据
                          # en: offline, and the data is not in data/ yet
    have_cifar10 = False
    print(f"CIFAR-10 is not in data/ and could not be downloaded ({error}): "
          "connect to the internet and run again.")

if have_cifar10:  # zh: 没有数据就跳过，脚本接着往下运行
                  # en: skipped without the data; the script goes on
    # zh: 要叠起 50,000 张图片，约占 600 MB 内存
    # en: stacks 50,000 images: about 600 MB of memory
    train_mean, train_std = channel_mean_std(plain_trainset)
    print("mean:", train_mean)
    print("std: ", train_std)
# --8<-- [end:cifar-stats]

# --8<-- [start:trainset]
if have_cifar10:
    trainset = torchvision.datasets.CIFAR10(
        root="data", train=True, download=True, transform=transform
    )
# --8<-- [end:trainset]

# --8<-- [start:loader-synthetic]
fake_normalized = TensorDataset(
    transforms.Normalize(CIFAR_MEAN, CIFAR_STD)(fake_images), fake_labels
)
fake_loader = DataLoader(
    fake_normalized, batch_size=4, shuffle=True,
    # zh: 这个生成器只管打乱顺序
    # en: this generator seeds the shuffling alone
    generator=torch.Generator().manual_seed(0),
)
print(f"{len(fake_loader)} batches of 4")

fake_batch, fake_batch_labels = next(iter(fake_loader))
print(f"images {tuple(fake_batch.shape)}, labels {fake_batch_labels}")

same_seed = DataLoader(fake_normalized, batch_size=4, shuffle=True,
                       generator=torch.Generator().manual_seed(0))
print("same seed, same first batch:",
      torch.equal(next(iter(same_seed))[1], fake_batch_labels))
# --8<-- [end:loader-synthetic]

# --8<-- [start:trainloader]
if have_cifar10:
    trainloader = DataLoader(
        trainset, batch_size=4, shuffle=True,
        num_workers=0,  # zh: 在主进程里读，脚本不需要 __main__ 保护
                        # en: load in the main process: no __main__ guard
        generator=torch.Generator().manual_seed(0),
    )
# --8<-- [end:trainloader]

# --8<-- [start:classes]
classes = ("plane", "car", "bird", "cat", "deer",
           "dog", "frog", "horse", "ship", "truck")
# --8<-- [end:classes]

# --8<-- [start:imshow]
# zh: 显示一个用 CIFAR_MEAN、CIFAR_STD 归一化过的 (3, H, W) 张量
# en: Show a (3, H, W) tensor normalized with CIFAR_MEAN and CIFAR_STD
def imshow(img):
    img = img * std + mean  # zh: 逐通道撤销 Normalize，回到 0..1
                            # en: undo Normalize per channel: back to 0..1
    img = img.clamp(0, 1)  # zh: 浮点误差可能让个别值略出 0..1
                           # en: rounding can leave a value just outside 0..1
    # zh: matplotlib 要的是 (H, W, C)
    # en: matplotlib wants (H, W, C)
    plt.imshow(np.transpose(img.numpy(), (1, 2, 0)))
# --8<-- [end:imshow]

# --8<-- [start:show-synthetic]
plt.figure(figsize=(6, 2))
# zh: 四张图横着拼在一起，中间留边框
# en: the four images side by side, with borders between them
imshow(torchvision.utils.make_grid(fake_batch))
plt.axis("off")
plt.show()
print(" ".join(f"{classes[label]:>5}" for label in fake_batch_labels))
# --8<-- [end:show-synthetic]

# --8<-- [start:show-real]
if have_cifar10:
    dataiter = iter(trainloader)
    images, labels = next(dataiter)

    plt.figure(figsize=(6, 2))
    imshow(torchvision.utils.make_grid(images))
    plt.axis("off")
    plt.show()
    print(" ".join(f"{classes[label]:>5}" for label in labels))
# --8<-- [end:show-real]

# --8<-- [start:clipping]
lowest = (0 - mean) / std  # zh: Normalize 把像素值 0 变成的数，每通道一个
                           # en: what Normalize makes of a pixel value of 0
highest = (1 - mean) / std  # zh: 像素值 1 变成的数
                            # en: ... and of a pixel value of 1
print("img / 2 + 0.5 reaches    ",
      (lowest / 2 + 0.5).min().numpy(), "..",
      (highest / 2 + 0.5).max().numpy())
print("img * std + mean reaches ",
      (lowest * std + mean).min().numpy(), "..",
      (highest * std + mean).max().numpy())
# --8<-- [end:clipping]

# --8<-- [start:compare]
grid = torchvision.utils.make_grid(fake_batch)
fig, (top, bottom) = plt.subplots(2, 1, figsize=(6, 4))
# zh: 先截到 0..1，matplotlib 显示时也会这样截断
# en: clamped to 0..1, as matplotlib clips it
top.imshow(np.transpose((grid / 2 + 0.5).clamp(0, 1).numpy(), (1, 2, 0)))
top.set_title("img / 2 + 0.5, clipped to 0..1")
bottom.imshow(np.transpose((grid * std + mean).clamp(0, 1).numpy(),
                           (1, 2, 0)))
bottom.set_title("img * std + mean")
for ax in (top, bottom):
    ax.axis("off")
plt.show()
# --8<-- [end:compare]
