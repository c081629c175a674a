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
    target_transform=Lambda(lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)),
)
image, target = ds[0]
print(f"image: {type(image).__name__} {tuple(image.shape)} {image.dtype}")
print(f"target: {target}")
# --8<-- [end:dataset]

# --8<-- [start:raw]
raw = datasets.FashionMNIST(root="data", train=True)  # no transforms
pil_image, label = raw[0]
print(f"image: {type(pil_image).__name__}, mode {pil_image.mode}, size {pil_image.size}")
print(f"pixel range: {pil_image.getextrema()}, label: {label} ({type(label).__name__})")
# --8<-- [end:raw]

# --8<-- [start:to-tensor]
tensor_image = ToTensor()(pil_image)
print(f"{tuple(tensor_image.shape)} {tensor_image.dtype}, range [{tensor_image.min()}, {tensor_image.max()}]")
print(f"pixel (row 14, column 14): {pil_image.getpixel((14, 14))} -> {tensor_image[0, 14, 14]:.4f}")
print(f"same as pixel / 255: {pil_image.getpixel((14, 14)) / 255:.4f}")
# --8<-- [end:to-tensor]

# --8<-- [start:to-tensor-v2]
from torchvision.transforms import v2

to_float_image = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
v2_image = to_float_image(pil_image)
print(type(v2_image).__name__, tuple(v2_image.shape), v2_image.dtype)
# v2 multiplies by 1/255 where ToTensor divides by 255: equal up to float rounding.
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
