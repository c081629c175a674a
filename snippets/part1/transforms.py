# --8<-- [start:imports]
import torch
from torchvision import datasets
from torchvision.transforms import Lambda, ToTensor
# --8<-- [end:imports]

# --8<-- [start:dataset]
ds = datasets.FashionMNIST(
    root="data",
    train=True,
    download=True,
    transform=ToTensor(),
    target_transform=Lambda(
        lambda y: torch.zeros(10, dtype=torch.float).scatter_(
            0, torch.tensor(y), value=1
        )
    ),
)
image, target = ds[0]
print(f"image: {type(image).__name__} {tuple(image.shape)} {image.dtype}")
print(f"target: {target}")
# --8<-- [end:dataset]

# --8<-- [start:raw]
# zh: 不传任何变换
# en: no transforms
raw = datasets.FashionMNIST(root="data", train=True)
pil_image, label = raw[0]
print(f"image: {type(pil_image).__name__}, mode {pil_image.mode}, "
      f"size {pil_image.size}")
print(f"pixel range: {pil_image.getextrema()}, "
      f"label: {label} ({type(label).__name__})")
# --8<-- [end:raw]

# --8<-- [start:to-tensor]
tensor_image = ToTensor()(pil_image)
print(f"{tuple(tensor_image.shape)} {tensor_image.dtype}, "
      f"range [{tensor_image.min()}, {tensor_image.max()}]")

row, col = 10, 14
# zh: PIL 的坐标是 (x, y)：先列后行
# en: PIL takes (x, y): the column first, then the row
value = pil_image.getpixel((col, row))
# zh: 张量的下标是 [通道, 行, 列]
# en: a tensor is indexed [channel, row, column]
print(f"row {row}, column {col}: {value} -> {tensor_image[0, row, col]:.4f}")
print(f"same as {value} / 255: {value / 255:.4f}")
print(f"row {col}, column {row}: {tensor_image[0, col, row]:.4f}")
# --8<-- [end:to-tensor]

# --8<-- [start:normalize]
from torchvision.transforms import Compose, Normalize

to_normalized = Compose([ToTensor(), Normalize(mean=(0.5,), std=(0.5,))])
norm_image = to_normalized(pil_image)
print(f"range [{norm_image.min()}, {norm_image.max()}]")
# zh: Normalize 对每个像素算 (x - mean) / std
# en: Normalize computes (x - mean) / std for every pixel
expected = (tensor_image - 0.5) / 0.5
print("same as (x - 0.5) / 0.5:", torch.allclose(norm_image, expected))
# --8<-- [end:normalize]

# --8<-- [start:before-after]
import matplotlib.pyplot as plt

panels = [
    ("PIL image", pil_image, pil_image.getextrema()),
    ("ToTensor()", tensor_image[0],
     (tensor_image.min().item(), tensor_image.max().item())),
    ("Normalize(0.5, 0.5)", norm_image[0],
     (norm_image.min().item(), norm_image.max().item())),
]
fig, axes = plt.subplots(1, 3, figsize=(9, 3), layout="constrained")
for ax, (name, img, (low, high)) in zip(axes, panels):
    # zh: 色条标出每张图的取值刻度
    # en: the color bar shows each image's scale of values
    fig.colorbar(ax.imshow(img, cmap="gray"), ax=ax)
    ax.set_title(f"{name}\n[{low}, {high}]")
    ax.axis("off")
plt.show()
# --8<-- [end:before-after]

# --8<-- [start:to-tensor-v2]
from torchvision.transforms import v2

to_float_image = v2.Compose(
    [v2.ToImage(), v2.ToDtype(torch.float32, scale=True)]
)
v2_image = to_float_image(pil_image)
print(type(v2_image).__name__, tuple(v2_image.shape), v2_image.dtype)
# zh: v2 乘以 1/255，ToTensor 除以 255：只差浮点舍入
# en: v2 multiplies by 1/255 where ToTensor divides by 255:
# en: equal up to float rounding
print("close to ToTensor:", torch.allclose(v2_image, tensor_image))
print(f"largest difference: {(v2_image - tensor_image).abs().max():.1e}")
# --8<-- [end:to-tensor-v2]

# --8<-- [start:lambda]
target_transform = Lambda(lambda y: torch.zeros(
    10, dtype=torch.float).scatter_(dim=0, index=torch.tensor(y), value=1))
print(target_transform(3))
print(target_transform(label))
# --8<-- [end:lambda]

# --8<-- [start:one-hot]
import torch.nn.functional as F

one_hot = F.one_hot(torch.tensor(label), num_classes=10).float()
print(one_hot)
print("same as the Lambda:", torch.equal(one_hot, target_transform(label)))
# --8<-- [end:one-hot]

# --8<-- [start:label-smoothing]
from torch import nn

torch.manual_seed(0)
# zh: 2 个样本的得分，和它们的类别下标
# en: scores for 2 samples, and their class indices
logits = torch.randn(2, 10)
labels = torch.tensor([9, 3])
smoothed = nn.CrossEntropyLoss(label_smoothing=0.1)
print(f"class indices: {smoothed(logits, labels):.4f}")

# zh: 同一个损失的概率写法：真类别 0.9，再把 0.1 平分给 10 个类别
# en: the same loss with probability targets: 0.9 on the true class,
# en: plus 0.1 shared evenly by the 10 classes
probs = nn.functional.one_hot(labels, 10).float() * 0.9 + 0.1 / 10
print(f"probabilities: {nn.CrossEntropyLoss()(logits, probs):.4f}")
# --8<-- [end:label-smoothing]
