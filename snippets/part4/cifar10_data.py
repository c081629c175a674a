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
# Mean and standard deviation of the red, green and blue values over the CIFAR-10 training images
CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)

transform = transforms.Compose([
    transforms.ToTensor(),  # PIL image (H, W, C) of 0..255 -> float tensor (C, H, W) of 0..1
    transforms.Normalize(CIFAR_MEAN, CIFAR_STD),  # (x - mean) / std, channel by channel
])
print(transform)
# --8<-- [end:transform]

# --8<-- [start:to-tensor]
torch.manual_seed(0)
pixels = torch.randint(0, 256, (32, 32, 3), dtype=torch.uint8)  # height, width, RGB: the layout of a CIFAR-10 image
pil_image = Image.fromarray(pixels.numpy())
print(f"PIL image: size {pil_image.size}, mode {pil_image.mode}")

x = transforms.ToTensor()(pil_image)
print(f"tensor: shape {tuple(x.shape)}, dtype {x.dtype}, values in [{x.min().item()}, {x.max().item()}]")
print("same as pixels / 255, channels first:", torch.equal(x, pixels.permute(2, 0, 1) / 255))
# --8<-- [end:to-tensor]

# --8<-- [start:normalize]
mean = torch.tensor(CIFAR_MEAN).view(3, 1, 1)  # one value per channel, broadcast over height and width
std = torch.tensor(CIFAR_STD).view(3, 1, 1)

y = transform(pil_image)
print("transform(pil_image) == (x - mean) / std:", torch.allclose(y, (x - mean) / std))
print("a pixel value of 0 becomes", ((0 - mean) / std).flatten())
print("a pixel value of 1 becomes", ((1 - mean) / std).flatten())
# --8<-- [end:normalize]

# --8<-- [start:channel-stats]
def channel_mean_std(dataset):
    """Per-channel mean and standard deviation over every image of a dataset of (image, label) pairs."""
    images = torch.stack([image for image, _ in dataset])  # (N, C, H, W)
    # Reduce over the images (0), the rows (2) and the columns (3): one number per channel is left.
    return images.mean(dim=(0, 2, 3)), images.std(dim=(0, 2, 3))
# --8<-- [end:channel-stats]

# --8<-- [start:synthetic-set]
torch.manual_seed(0)
colours = torch.rand(64, 3, 1, 1)  # one random colour per image
fake_images = (colours + 0.1 * torch.randn(64, 3, 32, 32)).clamp(0, 1)  # plus noise, kept in 0..1 like ToTensor's output
fake_labels = torch.randint(0, 10, (64,))
fake_set = TensorDataset(fake_images, fake_labels)  # 64 (image, label) pairs
print(f"{len(fake_set)} samples; the first: image {tuple(fake_set[0][0].shape)}, label {fake_set[0][1].item()}")
# --8<-- [end:synthetic-set]

# --8<-- [start:synthetic-stats]
fake_mean, fake_std = channel_mean_std(fake_set)
print("mean:", fake_mean)
print("std: ", fake_std)
# --8<-- [end:synthetic-stats]

# --8<-- [start:normalize-check]
normalized = transforms.Normalize(fake_mean, fake_std)(fake_images)  # Normalize also accepts a batch (N, C, H, W)
print("per-channel mean is 0:", torch.allclose(normalized.mean(dim=(0, 2, 3)), torch.zeros(3), atol=1e-6))
print("per-channel std:", normalized.std(dim=(0, 2, 3)))
# --8<-- [end:normalize-check]

# --8<-- [start:cifar-stats]
try:
    plain_trainset = torchvision.datasets.CIFAR10(root="data", train=True, download=True,
                                                  transform=transforms.ToTensor())  # no Normalize: raw pixel statistics
except OSError as error:  # offline, and the data is not in data/ yet
    raise SystemExit(f"CIFAR-10 is not in data/ and could not be downloaded ({error}): connect to the internet and run again.")
train_mean, train_std = channel_mean_std(plain_trainset)  # stacks 50,000 images: about 600 MB
print("mean:", train_mean)
print("std: ", train_std)
# --8<-- [end:cifar-stats]

# --8<-- [start:trainset]
trainset = torchvision.datasets.CIFAR10(root="data", train=True, download=True, transform=transform)
# --8<-- [end:trainset]

# --8<-- [start:loader-synthetic]
fake_normalized = TensorDataset(transforms.Normalize(CIFAR_MEAN, CIFAR_STD)(fake_images), fake_labels)
fake_loader = DataLoader(fake_normalized, batch_size=4, shuffle=True,
                         generator=torch.Generator().manual_seed(0))  # a seeded generator for the shuffling alone
print(f"{len(fake_loader)} batches of 4")

fake_batch, fake_batch_labels = next(iter(fake_loader))
print(f"images {tuple(fake_batch.shape)}, labels {fake_batch_labels}")

same_seed = DataLoader(fake_normalized, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
print("same seed, same first batch:", torch.equal(next(iter(same_seed))[1], fake_batch_labels))
# --8<-- [end:loader-synthetic]

# --8<-- [start:trainloader]
trainloader = DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2,
                         generator=torch.Generator().manual_seed(0))
# --8<-- [end:trainloader]

# --8<-- [start:classes]
classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
# --8<-- [end:classes]

# --8<-- [start:imshow]
def imshow(img):
    """Show a (3, H, W) tensor that `transform` normalised with CIFAR_MEAN and CIFAR_STD."""
    img = img * std + mean  # undo Normalize channel by channel: back to pixel values in 0..1
    img = img.clamp(0, 1)  # float rounding can leave a value a hair outside 0..1
    plt.imshow(np.transpose(img.numpy(), (1, 2, 0)))  # matplotlib wants (H, W, C)
# --8<-- [end:imshow]

# --8<-- [start:show-synthetic]
plt.figure(figsize=(6, 2))
imshow(torchvision.utils.make_grid(fake_batch))  # the four images side by side, with borders between them
plt.axis("off")
plt.show()
print(" ".join(f"{classes[label]:>5}" for label in fake_batch_labels))
# --8<-- [end:show-synthetic]

# --8<-- [start:show-real]
dataiter = iter(trainloader)
images, labels = next(dataiter)

plt.figure(figsize=(6, 2))
imshow(torchvision.utils.make_grid(images))
plt.axis("off")
plt.show()
print(" ".join(f"{classes[label]:>5}" for label in labels))
# --8<-- [end:show-real]

# --8<-- [start:clipping]
lowest = (0 - mean) / std  # what Normalize makes of a pixel value of 0, per channel
highest = (1 - mean) / std  # ... and of a pixel value of 1
print("img / 2 + 0.5 reaches    ", (lowest / 2 + 0.5).min().numpy(), "..", (highest / 2 + 0.5).max().numpy())
print("img * std + mean reaches ", (lowest * std + mean).min().numpy(), "..", (highest * std + mean).max().numpy())
# --8<-- [end:clipping]

# --8<-- [start:compare]
grid = torchvision.utils.make_grid(fake_batch)
fig, (top, bottom) = plt.subplots(2, 1, figsize=(6, 4))
top.imshow(np.transpose((grid / 2 + 0.5).clamp(0, 1).numpy(), (1, 2, 0)))  # clamped, as matplotlib clips it
top.set_title("img / 2 + 0.5 (the source note), clipped to 0..1")
bottom.imshow(np.transpose((grid * std + mean).clamp(0, 1).numpy(), (1, 2, 0)))
bottom.set_title("img * std + mean (this chapter's imshow)")
for ax in (top, bottom):
    ax.axis("off")
plt.show()
# --8<-- [end:compare]
