# --8<-- [start:imports]
import matplotlib.pyplot as plt
import torch
from torch import nn, optim
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
# --8<-- [end:imports]

# --8<-- [start:model]
# zh: 就是 4.3 的 LeNet-5：两个卷积块，再接三个全连接层
# en: The LeNet-5 of chapter 4.3: two conv blocks, then three linear layers
class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(  # zh: 输出 [n, 6, 12, 12]
                                     # en: out: [n, 6, 12, 12]
            nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2)
        )
        self.conv2 = nn.Sequential(  # zh: 输出 [n, 16, 4, 4]
                                     # en: out: [n, 16, 4, 4]
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2)
        )
        self.fc1 = nn.Sequential(nn.Linear(256, 120), nn.ReLU())
        self.fc2 = nn.Sequential(nn.Linear(120, 84), nn.ReLU())
        # zh: 和 4.3 一样包在 Sequential 里，参数名才对得上
        # en: wrapped as in 4.3, so that the parameter names match
        self.fc3 = nn.Sequential(nn.Linear(84, 10))

    def forward(self, x):
        x = self.conv2(self.conv1(x))
        x = torch.flatten(x, 1)  # zh: [n, 16, 4, 4] 展平成 [n, 256]
                                 # en: [n, 16, 4, 4] -> [n, 256]
        return self.fc3(self.fc2(self.fc1(x)))
# --8<-- [end:model]

# --8<-- [start:data]
transform = transforms.Compose([
    # zh: PNG 可能被读成 RGB，只保留一个灰度通道
    # en: a PNG may be read as RGB: keep one gray channel
    transforms.Grayscale(num_output_channels=1),
    transforms.ToTensor(),
])
train_dataset = datasets.ImageFolder(
    root="data/mnist_images/train", transform=transform
)
test_dataset = datasets.ImageFolder(
    root="data/mnist_images/test", transform=transform
)
print("classes:", train_dataset.classes)
print("train_dataset length:", len(train_dataset))
print("test_dataset length:", len(test_dataset))

image, label = train_dataset[0]
print(f"one sample: image {tuple(image.shape)}, label {label}")
# --8<-- [end:data]

# --8<-- [start:loaders]
# zh: 固定种子：打乱的顺序和初始权重都和本页一样
# en: The same shuffled batches and initial weights as on this page
torch.manual_seed(0)
train_loader = DataLoader(train_dataset, batch_size=64, shuffle=True)
test_loader = DataLoader(test_dataset, batch_size=64)
print("train_loader length:", len(train_loader))
# --8<-- [end:loaders]

# --8<-- [start:setup]
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator().type
else:
    device = "cpu"
model = LeNet5().to(device)
optimizer = optim.Adam(model.parameters())  # zh: 默认学习率 1e-3
                                            # en: default learning rate 1e-3
criterion = nn.CrossEntropyLoss()
print(f"training on {device}")
# --8<-- [end:setup]

# --8<-- [start:train]
epochs = 10
losses = []  # zh: 每一步的损失，画曲线用
             # en: the loss of every step, for the curve
for epoch in range(epochs):  # zh: 一个轮次：把训练集完整过一遍
                             # en: one epoch: one pass over the training set
    model.train()
    for batch_idx, (data, label) in enumerate(train_loader):
        data, label = data.to(device), label.to(device)
        output = model(data)  # zh: 1. 前向传播
                              # en: 1. forward pass
        loss = criterion(output, label)  # zh: 2. 算 output 和 label 的损失
                                         # en: 2. loss of output vs. label
        loss.backward()  # zh: 3. 反向传播求梯度
                         # en: 3. gradients
        optimizer.step()  # zh: 4. 更新参数
                          # en: 4. update the parameters
        optimizer.zero_grad()  # zh: 5. 梯度清零，留给下一批
                               # en: 5. clear the gradients for the next batch
        losses.append(loss.item())
        if batch_idx % 30 == 0:
            print(
                f"Epoch {epoch + 1}/{epochs} | Batch {batch_idx}/"
                f"{len(train_loader)} | Loss: {loss.item():.4f}"
            )
# --8<-- [end:train]

# --8<-- [start:curve]
steps = len(train_loader)  # zh: 每个轮次 63 步
                           # en: 63 steps per epoch
epoch_means = [
    sum(losses[e * steps:(e + 1) * steps]) / steps for e in range(epochs)
]
print("mean loss per epoch:", [round(m, 3) for m in epoch_means])

fig, ax = plt.subplots(figsize=(6, 3.2))
# zh: 第 i 步画在横坐标 (i + 1) / 63 处，每个轮次的均值画在该轮中间
# en: step i sits at (i + 1) / 63, each epoch's mean halfway through it
ax.plot([(i + 1) / steps for i in range(len(losses))], losses,
        color="0.7", linewidth=0.8, label="batch")
ax.plot([e + 0.5 for e in range(epochs)], epoch_means, "o-",
        label="epoch mean")
ax.set_xticks(range(epochs + 1))  # zh: 横轴只标整数轮次
                                  # en: whole epochs on the x axis
ax.set_xlabel("epoch")
ax.set_ylabel("training loss")
ax.legend()
fig.tight_layout()
plt.show()
# --8<-- [end:curve]

# --8<-- [start:test]
# zh: 模型在一个 loader 上的准确率（百分比）
# en: Accuracy of the model on a loader, in percent
def evaluate(model, loader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for data, label in loader:
            predicted = model(data.to(device)).argmax(dim=1)
            correct += (predicted == label.to(device)).sum().item()
    return 100 * correct / len(loader.dataset)


test_acc = evaluate(model, test_loader)
train_acc = evaluate(model, train_loader)
print(f"accuracy on the {len(test_dataset)} test digits: {test_acc:.1f}%")
print(f"accuracy on the {len(train_dataset)} training digits: "
      f"{train_acc:.1f}%")
# --8<-- [end:test]

# --8<-- [start:save]
torch.save(model.state_dict(), "mnist_lenet5.pth")

restored = LeNet5().to(device)
restored.load_state_dict(torch.load("mnist_lenet5.pth", weights_only=True))
print(f"restored model, test accuracy: "
      f"{evaluate(restored, test_loader):.1f}%")
# --8<-- [end:save]

# --8<-- [start:predictions]
picks = range(0, 1000, 100)  # zh: 每个数字取一张
                             # en: one digit of each class
images = torch.stack([test_dataset[i][0] for i in picks])
labels = [test_dataset[i][1] for i in picks]
with torch.no_grad():
    predicted = restored(images.to(device)).argmax(dim=1).tolist()
print("labels:     ", labels)
print("predictions:", predicted)

fig, axes = plt.subplots(1, 10, figsize=(10, 1.4))
for ax, img, true, guess in zip(axes, images, labels, predicted):
    ax.imshow(img.squeeze(), cmap="gray")
    # zh: 标题是预测的数字，猜错的标红
    # en: the title is the predicted digit, red when wrong
    ax.set_title(f"{guess}", color="black" if guess == true else "red")
    ax.axis("off")
fig.tight_layout()
plt.show()
# --8<-- [end:predictions]
