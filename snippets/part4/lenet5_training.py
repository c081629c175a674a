# --8<-- [start:imports]
import matplotlib.pyplot as plt
import torch
from torch import nn, optim
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
# --8<-- [end:imports]

# --8<-- [start:model]
class LeNet5(nn.Module):
    """LeNet-5 of chapter 4.3: two conv blocks, then three fully connected layers."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2))   # -> [n, 6, 12, 12]
        self.conv2 = nn.Sequential(nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2))  # -> [n, 16, 4, 4]
        self.fc1 = nn.Sequential(nn.Linear(256, 120), nn.ReLU())
        self.fc2 = nn.Sequential(nn.Linear(120, 84), nn.ReLU())
        self.fc3 = nn.Sequential(nn.Linear(84, 10))  # as in 4.3, so the parameter names match

    def forward(self, x):
        x = self.conv2(self.conv1(x))
        x = torch.flatten(x, 1)  # [n, 16, 4, 4] -> [n, 256]
        return self.fc3(self.fc2(self.fc1(x)))
# --8<-- [end:model]

# --8<-- [start:data]
transform = transforms.Compose([
    transforms.Grayscale(num_output_channels=1),  # PNG files may be read as RGB: keep one channel
    transforms.ToTensor(),
])
train_dataset = datasets.ImageFolder(root="data/mnist_images/train", transform=transform)
test_dataset = datasets.ImageFolder(root="data/mnist_images/test", transform=transform)
print("classes:", train_dataset.classes)
print("train_dataset length:", len(train_dataset))
print("test_dataset length:", len(test_dataset))

image, label = train_dataset[0]
print(f"one sample: image {tuple(image.shape)}, label {label}")
# --8<-- [end:data]

# --8<-- [start:loaders]
torch.manual_seed(0)  # the same shuffled batches and initial weights as on this page
train_loader = DataLoader(train_dataset, batch_size=64, shuffle=True)
test_loader = DataLoader(test_dataset, batch_size=64)
print("train_loader length:", len(train_loader))
# --8<-- [end:loaders]

# --8<-- [start:setup]
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
model = LeNet5().to(device)
optimizer = optim.Adam(model.parameters())  # default learning rate 1e-3
criterion = nn.CrossEntropyLoss()
print(f"training on {device}")
# --8<-- [end:setup]

# --8<-- [start:train]
epochs = 10
for epoch in range(epochs):          # one epoch: one pass over the training set
    model.train()
    for batch_idx, (data, label) in enumerate(train_loader):
        data, label = data.to(device), label.to(device)
        output = model(data)              # 1. forward pass
        loss = criterion(output, label)   # 2. loss between output and label
        loss.backward()                   # 3. gradients
        optimizer.step()                  # 4. update the parameters
        optimizer.zero_grad()             # 5. clear the gradients for the next batch
        if batch_idx % 30 == 0:
            print(f"Epoch {epoch + 1}/{epochs} | Batch {batch_idx}/{len(train_loader)} | Loss: {loss.item():.4f}")
# --8<-- [end:train]

# --8<-- [start:test]
def evaluate(model, loader):
    """Accuracy of the model on a loader, in percent."""
    model.eval()
    correct = 0
    with torch.no_grad():
        for data, label in loader:
            predicted = model(data.to(device)).argmax(dim=1)
            correct += (predicted == label.to(device)).sum().item()
    return 100 * correct / len(loader.dataset)


print(f"accuracy on the {len(test_dataset)} test digits: {evaluate(model, test_loader):.1f}%")
print(f"accuracy on the {len(train_dataset)} training digits: {evaluate(model, train_loader):.1f}%")
# --8<-- [end:test]

# --8<-- [start:save]
torch.save(model.state_dict(), "mnist_lenet5.pth")

restored = LeNet5().to(device)
restored.load_state_dict(torch.load("mnist_lenet5.pth", weights_only=True))
print(f"restored model, test accuracy: {evaluate(restored, test_loader):.1f}%")
# --8<-- [end:save]

# --8<-- [start:predictions]
images = torch.stack([test_dataset[i][0] for i in range(0, 1000, 100)])  # one digit of each class
labels = [test_dataset[i][1] for i in range(0, 1000, 100)]
with torch.no_grad():
    predicted = restored(images.to(device)).argmax(dim=1).tolist()
print("labels:     ", labels)
print("predictions:", predicted)

fig, axes = plt.subplots(1, 10, figsize=(10, 1.6))
for ax, img, true, guess in zip(axes, images, labels, predicted):
    ax.imshow(img.squeeze(), cmap="gray")
    ax.set_title(f"{guess}", color="black" if guess == true else "red")
    ax.axis("off")
fig.suptitle("predicted digit above each test image (red: wrong)")
fig.tight_layout()
plt.show()
# --8<-- [end:predictions]
