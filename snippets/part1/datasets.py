# --8<-- [start:imports]
import matplotlib.pyplot as plt  # zh: 画图
                                 # en: plotting
import torch
from torch.utils.data import Dataset  # zh: 自定义数据集的基类
                                      # en: base class of custom datasets
from torchvision import datasets  # zh: 现成的视觉数据集
                                  # en: ready-made vision datasets
from torchvision.transforms import ToTensor  # zh: PIL 图片 -> 张量
                                             # en: PIL image -> tensor
# --8<-- [end:imports]

# --8<-- [start:load]
training_data = datasets.FashionMNIST(
    root="data",  # zh: 数据文件所在目录，没有就下载到这里
                  # en: where the files live (downloaded there if missing)
    train=True,  # zh: 六万张训练图片
                 # en: the 60,000 training images
    download=True,
    transform=ToTensor(),  # zh: PIL 图片 -> [0, 1] 的浮点张量
                           # en: PIL image -> float tensor in [0, 1]
)
test_data = datasets.FashionMNIST(
    root="data",
    train=False,  # zh: 一万张测试图片
                  # en: the 10,000 test images
    download=True,
    transform=ToTensor(),
)
print(f"training samples: {len(training_data)}, "
      f"test samples: {len(test_data)}")
print(training_data.classes)
# --8<-- [end:load]

# --8<-- [start:index]
img, label = training_data[0]
print(f"image: shape {tuple(img.shape)}, dtype {img.dtype}, "
      f"values in [{img.min():.1f}, {img.max():.1f}]")
print(f"label: {label} ({training_data.classes[label]})")
# --8<-- [end:index]

# --8<-- [start:sample-grid]
labels_map = {
    0: "T-Shirt", 1: "Trouser", 2: "Pullover", 3: "Dress", 4: "Coat",
    5: "Sandal", 6: "Shirt", 7: "Sneaker", 8: "Bag", 9: "Ankle Boot",
}
torch.manual_seed(0)  # zh: 每次抽到同样的 9 张
                      # en: the same nine samples every time
figure = plt.figure(figsize=(8, 8))  # zh: 8×8 英寸的画布
                                     # en: an 8x8-inch canvas
cols, rows = 3, 3  # zh: 3 行 3 列，共 9 个样本
                   # en: 3 rows by 3 columns: nine samples
for i in range(1, cols * rows + 1):
    # zh: 随机取一个下标
    # en: pick a random index into the training set
    sample_idx = torch.randint(len(training_data), size=(1,)).item()
    img, label = training_data[sample_idx]  # zh: 按下标取图片和标签
                                            # en: image and label by index
    figure.add_subplot(rows, cols, i)  # zh: 网格里的第 i 个子图
                                       # en: the i-th subplot of the grid
    plt.title(f"{labels_map[label]} (#{sample_idx})")
    plt.axis("off")  # zh: 不画坐标轴
                     # en: no axes
    # zh: squeeze 去掉大小为 1 的通道维：1x28x28 -> 28x28；
    # zh: cmap="gray" 按灰度显示
    # en: squeeze drops the channel of size 1: 1x28x28 -> 28x28;
    # en: cmap="gray" shows it in shades of gray
    plt.imshow(img.squeeze(), cmap="gray")
plt.show()
# --8<-- [end:sample-grid]

# --8<-- [start:custom-dataset]
import os

import pandas as pd
from torchvision.io import read_image


class CustomImageDataset(Dataset):
    def __init__(
        self, annotations_file, img_dir, transform=None, target_transform=None
    ):
        # zh: CSV 没有表头，每行是“文件名,标签”
        # en: The CSV has no header row: every line is "file name,label"
        self.img_labels = pd.read_csv(annotations_file, header=None)
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        img_path = os.path.join(self.img_dir, self.img_labels.iloc[idx, 0])
        # zh: uint8 张量，形状 (通道, 高, 宽)
        # en: a uint8 tensor of shape (channels, height, width)
        image = read_image(img_path)
        label = self.img_labels.iloc[idx, 1]
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
# zh: 忘了 header=None
# en: header=None forgotten
with_header = pd.read_csv(annotations_file)
print(f"columns: {list(with_header.columns)}, rows: {len(with_header)}")
# --8<-- [end:header-pitfall]

# --8<-- [start:len]
print(len(custom_data))
# --8<-- [end:len]

# --8<-- [start:getitem]
image, label = custom_data[0]
print(f"image: shape {tuple(image.shape)}, dtype {image.dtype}, "
      f"label: {label}")

# zh: ToTensor 会除以 255，除完两边应是同一张图
# en: ToTensor divides by 255, so the two should hold the same picture
reference, reference_label = training_data[0]
print("same pixels as training_data[0]:",
      torch.equal(image / 255, reference))
print("same label:", label == reference_label)
# --8<-- [end:getitem]

# --8<-- [start:dataloaders]
from torch.utils.data import DataLoader

train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=64, shuffle=True)
# --8<-- [end:dataloaders]

# --8<-- [start:iterable]
# zh: DataLoader 本身不是迭代器，没有 next 可调
# en: A DataLoader is not an iterator itself: next() refuses it
try:
    next(train_dataloader)
except TypeError as err:
    print("TypeError:", err)
# --8<-- [end:iterable]

# --8<-- [start:iterate]
# zh: 固定打乱的顺序，取到的第一批每次都一样
# en: Fix the shuffled order, so you get the same first batch
torch.manual_seed(0)
# zh: iter() 开始新的一轮，next() 取出其中第一批
# en: iter() starts a new pass; next() takes its first batch
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
img = train_features[0].squeeze()
label = train_labels[0]
plt.imshow(img, cmap="gray")
plt.show()
print(f"Label: {label} ({labels_map[label.item()]})")
# --8<-- [end:iterate]
