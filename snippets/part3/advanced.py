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
x = torch.rand(3, 3)  # created on the CPU
x_dev = x.to(device)  # a copy on `device`; x itself stays where it was
x_cpu = x_dev.cpu()  # and back to the CPU
print(x.device, x_dev.device, x_cpu.device)
print("same values:", torch.equal(x, x_cpu))
# --8<-- [end:tensor-to]

# --8<-- [start:tensor-cuda]
if torch.cuda.is_available():  # .cuda() fails on a machine without CUDA
    x_gpu = x.cuda()  # the same as x.to("cuda")
    x_back = x_gpu.cpu()
# --8<-- [end:tensor-cuda]

# --8<-- [start:model-to]
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
model.to(device)  # moves every parameter and buffer, in place
print("parameters on:", {str(p.device) for p in model.parameters()})
out = model(x.to(device))  # the input must be on the model's device too
print(out.shape, out.device)
# --8<-- [end:model-to]

# --8<-- [start:fashion-mnist]
train_data = datasets.FashionMNIST(root="data", train=True, download=True)
print(len(train_data), "training images")
print(train_data.classes[:4])
image, label = train_data[0]  # without a transform: a PIL image and an int
print(type(image).__name__, image.size, image.mode, "label", label, train_data.classes[label])
# --8<-- [end:fashion-mnist]

# --8<-- [start:transform]
transform = transforms.Compose([
    transforms.ToTensor(),  # PIL image, 0..255 -> float tensor (C, H, W), 0..1
    transforms.Normalize((0.5,), (0.5,)),  # one channel: (x - 0.5) / 0.5, in -1..1
])
print(transform)
tensor = transform(image)
print(tensor.shape, tensor.dtype)
print(f"min {tensor.min().item():.4f}, max {tensor.max().item():.4f}, mean {tensor.mean().item():.4f}")
# --8<-- [end:transform]

# --8<-- [start:normalize-channels]
rgb_normalize = transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))  # three numbers: for RGB images
try:
    rgb_normalize(transforms.ToTensor()(image))  # a grayscale image has one channel
except RuntimeError as error:
    print(error)
# --8<-- [end:normalize-channels]

# --8<-- [start:augment]
augment = transforms.Compose([
    transforms.RandomHorizontalFlip(p=0.5),
    transforms.RandomCrop(28, padding=2),  # pad by 2 pixels, cut a random 28x28 window
    transforms.ToTensor(),
])
torch.manual_seed(0)  # the random transforms draw from torch's generator
a, b = augment(image), augment(image)
print(a.shape, "two draws differ:", not torch.equal(a, b))
# --8<-- [end:augment]

# --8<-- [start:pretrained-deprecated]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    models.resnet18(pretrained=False)  # the old argument; False downloads nothing
print(caught[0].message)
# --8<-- [end:pretrained-deprecated]

# --8<-- [start:weights-enum]
weights = models.ResNet18_Weights.DEFAULT  # an enum member: nothing is downloaded yet
print(weights)
print(weights.meta["categories"][:5])
print(weights.meta["num_params"], "parameters,", weights.meta["_file_size"], "MB")
print(weights.meta["_metrics"])
print(weights.transforms())
# --8<-- [end:weights-enum]

# --8<-- [start:pretrained]
try:
    resnet18 = models.resnet18(weights=models.ResNet18_Weights.DEFAULT)
    resnet18.eval()
except OSError as error:  # offline, and the weights are not in the cache yet
    print(f"the pretrained weights could not be downloaded ({error})")
# --8<-- [end:pretrained]

# --8<-- [start:untrained]
torch.manual_seed(0)
resnet18 = models.resnet18(weights=None)  # the architecture with random weights
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
resnet18.fc = nn.Linear(resnet18.fc.in_features, 10)  # a new last layer for 10 classes
with torch.no_grad():
    print(resnet18(batch).shape)
# --8<-- [end:new-head]
