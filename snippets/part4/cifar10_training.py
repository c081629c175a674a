# --8<-- [start:imports]
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
# --8<-- [end:imports]

# --8<-- [start:device]
# Use the current accelerator (CUDA, MPS, XPU, ...) if there is one, else the CPU.
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:transform]
transform = transforms.Compose([
    transforms.ToTensor(),  # pixel values 0..1
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),  # (x - 0.5) / 0.5: 0..1 becomes -1..1
])
# --8<-- [end:transform]

# --8<-- [start:data]
try:
    trainset = torchvision.datasets.CIFAR10(root="data", train=True, download=True, transform=transform)
    testset = torchvision.datasets.CIFAR10(root="data", train=False, download=True, transform=transform)
except OSError as error:  # offline, and the data is not in data/ yet
    raise SystemExit(f"CIFAR-10 is not in data/ and could not be downloaded ({error}): connect to the internet and run again.")
trainloader = DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2,
                         generator=torch.Generator().manual_seed(0))  # seeded shuffling
testloader = DataLoader(testset, batch_size=4, shuffle=False, num_workers=2)
# --8<-- [end:data]

# --8<-- [start:classes]
classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
# --8<-- [end:classes]

# --8<-- [start:imshow]
def imshow(img):
    """Show a (3, H, W) tensor normalised by this chapter's `transform`."""
    img = img / 2 + 0.5  # undo Normalize((0.5,) * 3, (0.5,) * 3): x * 0.5 + 0.5
    plt.imshow(np.transpose(img.numpy(), (1, 2, 0)))  # matplotlib wants (H, W, C)
# --8<-- [end:imshow]

# --8<-- [start:show-batch]
dataiter = iter(trainloader)
images, labels = next(dataiter)

plt.figure(figsize=(6, 2))
imshow(torchvision.utils.make_grid(images))
plt.axis("off")
plt.show()
print(" ".join(f"{classes[label]:>5}" for label in labels))
# --8<-- [end:show-batch]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)  # 3 colour channels in, 6 out, 5x5 kernel
        self.pool = nn.MaxPool2d(2, 2)  # 2x2 windows, stride 2: halves height and width
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)  # 16 channels of 5x5 after the second pooling
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)  # one score per class

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)  # flatten every dimension but the batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)  # the layers start with random weights
net = Net().to(device)
print(net)
# --8<-- [end:net-create]

# --8<-- [start:shapes]
torch.manual_seed(1)
x = torch.randn(4, 3, 32, 32).to(device)  # a batch of four random 32x32 colour "images"
h = F.relu(net.conv1(x))
print(f"after conv1:  {tuple(h.shape)}")  # a 5x5 kernel without padding: 32 - 4 = 28
h = net.pool(h)
print(f"after pool:   {tuple(h.shape)}")
h = F.relu(net.conv2(h))
print(f"after conv2:  {tuple(h.shape)}")
h = net.pool(h)
print(f"after pool:   {tuple(h.shape)}")
print(f"flattened:    {tuple(torch.flatten(h, 1).shape)}")
print(f"net(x):       {tuple(net(x).shape)}")
# --8<-- [end:shapes]

# --8<-- [start:loss-optimizer]
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
# --8<-- [end:loss-optimizer]

# --8<-- [start:one-step]
torch.manual_seed(2)
inputs = torch.randn(4, 3, 32, 32).to(device)
labels = torch.randint(0, 10, (4,)).to(device)  # random class indices, one per image
print("labels:", labels.tolist())

optimizer.zero_grad()  # clear the gradients of the previous step
loss = criterion(net(inputs), labels)  # forward pass
loss.backward()  # gradients of the loss with respect to every weight
optimizer.step()  # move the weights against their gradients
print(f"loss before the step: {loss.item():.4f}")

with torch.no_grad():  # just a measurement: no gradients needed
    print(f"loss after the step:  {criterion(net(inputs), labels).item():.4f}")
# --8<-- [end:one-step]

# --8<-- [start:grad-accumulates]
optimizer.zero_grad()
criterion(net(inputs), labels).backward()
once = net.fc3.bias.grad.clone()
criterion(net(inputs), labels).backward()  # a second backward pass without zero_grad() in between
print("gradient after two backward passes == 2 x one pass:", torch.allclose(net.fc3.bias.grad, 2 * once))
optimizer.zero_grad()
# --8<-- [end:grad-accumulates]

# --8<-- [start:train]
torch.manual_seed(0)
net = Net().to(device)  # a fresh model: the demonstration step above has already changed the first one
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

for epoch in range(2):  # two passes over the training set
    running_loss = 0.0
    for i, (inputs, labels) in enumerate(trainloader):
        inputs, labels = inputs.to(device), labels.to(device)  # the batch goes where the model is

        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()

        running_loss += loss.item()
        if i % 2000 == 1999:  # every 2,000 batches: the mean loss over them
            print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2000:.3f}")
            running_loss = 0.0

print("Finished Training")
# --8<-- [end:train]

# --8<-- [start:test]
net.eval()  # evaluation mode; this model behaves the same, but a model with dropout would not
correct = 0
total = 0
with torch.no_grad():
    for images, labels in testloader:
        images, labels = images.to(device), labels.to(device)
        predicted = net(images).argmax(dim=1)  # the class with the highest score
        total += labels.size(0)
        correct += (predicted == labels).sum().item()

print(f"Accuracy of the network on the 10000 test images: {100 * correct // total} %")
# --8<-- [end:test]
