# --8<-- [start:imports]
import matplotlib.pyplot as plt
import torch
from torch.utils.data import Dataset
from torchvision import datasets
from torchvision.transforms import ToTensor
# --8<-- [end:imports]

# --8<-- [start:load]
training_data = datasets.FashionMNIST(
    root="data",          # where the files live (downloaded there if missing)
    train=True,           # the 60,000 training images
    download=True,
    transform=ToTensor(),  # PIL image -> float tensor in [0, 1]
)
test_data = datasets.FashionMNIST(
    root="data",
    train=False,          # the 10,000 test images
    download=True,
    transform=ToTensor(),
)
print(f"training samples: {len(training_data)}, test samples: {len(test_data)}")
print(training_data.classes)
# --8<-- [end:load]

# --8<-- [start:index]
img, label = training_data[0]
print(f"image: shape {tuple(img.shape)}, dtype {img.dtype}, values in [{img.min():.1f}, {img.max():.1f}]")
print(f"label: {label} ({training_data.classes[label]})")
# --8<-- [end:index]

# --8<-- [start:sample-grid]
labels_map = {
    0: "T-Shirt", 1: "Trouser", 2: "Pullover", 3: "Dress", 4: "Coat",
    5: "Sandal", 6: "Shirt", 7: "Sneaker", 8: "Bag", 9: "Ankle Boot",
}
torch.manual_seed(0)  # the same nine samples every time
figure = plt.figure(figsize=(8, 8))
cols, rows = 3, 3
for i in range(1, cols * rows + 1):
    sample_idx = torch.randint(len(training_data), size=(1,)).item()
    img, label = training_data[sample_idx]
    figure.add_subplot(rows, cols, i)
    plt.title(f"{labels_map[label]} (#{sample_idx})")
    plt.axis("off")
    plt.imshow(img.squeeze(), cmap="gray")  # squeeze: 1x28x28 -> 28x28
plt.show()
# --8<-- [end:sample-grid]

# --8<-- [start:custom-dataset]
import os

import pandas as pd
from torchvision.io import read_image


class CustomImageDataset(Dataset):
    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        # The CSV has no header row: every line is "file name,label".
        self.img_labels = pd.read_csv(annotations_file, header=None)
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        img_path = os.path.join(self.img_dir, self.img_labels.iloc[idx, 0])
        image = read_image(img_path)  # uint8 tensor, shape (channels, height, width)
        label = int(self.img_labels.iloc[idx, 1])
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label
# --8<-- [end:custom-dataset]

# --8<-- [start:labels-csv]
annotations_file = "data/fashion-mnist-images/labels.csv"
img_dir = "data/fashion-mnist-images/images"

with open(annotations_file) as csv_file:
    lines = csv_file.read().splitlines()
print(f"{len(lines)} lines, the first three:")
print("\n".join(lines[:3]))
print(f"{len(os.listdir(img_dir))} image files in {img_dir}")
# --8<-- [end:labels-csv]

# --8<-- [start:init]
custom_data = CustomImageDataset(annotations_file, img_dir)
print(custom_data.img_labels.head(3))
# --8<-- [end:init]

# --8<-- [start:header-pitfall]
with_header = pd.read_csv(annotations_file)  # header=None forgotten
print(f"columns: {list(with_header.columns)}, rows: {len(with_header)}")
# --8<-- [end:header-pitfall]

# --8<-- [start:len]
print(len(custom_data))
# --8<-- [end:len]

# --8<-- [start:getitem]
image, label = custom_data[0]
print(f"image: shape {tuple(image.shape)}, dtype {image.dtype}, label: {label}")

# ToTensor divides by 255, so the two datasets hold the same picture.
reference, reference_label = training_data[0]
print("same pixels as training_data[0]:", torch.equal(image / 255, reference))
print("same label:", label == reference_label)
# --8<-- [end:getitem]

# --8<-- [start:dataloaders]
from torch.utils.data import DataLoader

train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=64, shuffle=False)
# --8<-- [end:dataloaders]

# --8<-- [start:iterate]
torch.manual_seed(0)  # fixes the shuffled order, so you get the same first batch
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
img = train_features[0].squeeze()
label = train_labels[0]
plt.imshow(img, cmap="gray")
plt.show()
print(f"Label: {label} ({labels_map[label.item()]})")
# --8<-- [end:iterate]
