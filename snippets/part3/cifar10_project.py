# --8<-- [start:imports]
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
from PIL import Image
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
# --8<-- [end:imports]

# --8<-- [start:device]
# Use the current accelerator (CUDA, MPS, XPU, ...) if there is one, else the CPU.
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:transforms]
MEAN = (0.4914, 0.4822, 0.4465)  # per-channel statistics used by the source note
STD = (0.2023, 0.1994, 0.2010)

train_transform = transforms.Compose([
    transforms.RandomHorizontalFlip(),  # augmentation: mirror left-right with probability 0.5
    transforms.RandomCrop(32, padding=4),  # augmentation: pad by 4 pixels, cut a random 32x32 window
    transforms.ToTensor(),  # PIL image (H, W, C) of 0..255 -> float tensor (C, H, W) of 0..1
    transforms.Normalize(MEAN, STD),  # (x - mean) / std, channel by channel
])
test_transform = transforms.Compose([  # no augmentation for the images we measure on
    transforms.ToTensor(),
    transforms.Normalize(MEAN, STD),
])
# --8<-- [end:transforms]

# --8<-- [start:transform-demo]
torch.manual_seed(0)  # the random transforms draw from torch's generator
pixels = torch.randint(0, 256, (32, 32, 3), dtype=torch.uint8)  # a random 32x32 colour "photo"
image = Image.fromarray(pixels.numpy())
print("PIL image:", image.size, image.mode)
x = train_transform(image)
print("after train_transform:", tuple(x.shape), x.dtype)
print("after test_transform: ", tuple(test_transform(image).shape))
# --8<-- [end:transform-demo]

# --8<-- [start:augment-demo]
row = torch.arange(6.0).reshape(1, 1, 6)  # one channel, one row: 0 1 2 3 4 5
print("flipped:", transforms.RandomHorizontalFlip(p=1.0)(row).flatten().tolist())

torch.manual_seed(6)
white = torch.ones(1, 32, 32)  # an all-white one-channel image
cropped = transforms.RandomCrop(32, padding=4)(white)
print("cropped:", tuple(cropped.shape))
print("black rows:", int((cropped[0].sum(dim=1) == 0).sum()), " black columns:", int((cropped[0].sum(dim=0) == 0).sum()))
# --8<-- [end:augment-demo]

# --8<-- [start:data]
try:
    trainset = datasets.CIFAR10(root="data", train=True, download=True, transform=train_transform)
    testset = datasets.CIFAR10(root="data", train=False, download=True, transform=test_transform)
except OSError as error:  # offline, and the data is not in data/ yet
    raise SystemExit(f"CIFAR-10 is not in data/ and could not be downloaded ({error}): connect to the internet and run again.")
trainloader = DataLoader(trainset, batch_size=64, shuffle=True, num_workers=2,
                         generator=torch.Generator().manual_seed(0))  # seeded shuffling
testloader = DataLoader(testset, batch_size=64, shuffle=False, num_workers=2)
print(len(trainset), "training images,", len(trainloader), "batches per epoch")
# --8<-- [end:data]

# --8<-- [start:classes]
classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
# --8<-- [end:classes]

# --8<-- [start:imshow]
def denormalize(img):
    """Undo Normalize(MEAN, STD): x * std + mean, channel by channel."""
    return img * torch.tensor(STD).view(3, 1, 1) + torch.tensor(MEAN).view(3, 1, 1)


def imshow(img):
    """Show a normalised (3, H, W) image tensor with matplotlib, which wants (H, W, 3)."""
    img = denormalize(img.cpu()).clamp(0, 1)
    plt.imshow(np.transpose(img.numpy(), (1, 2, 0)))
    plt.axis("off")
# --8<-- [end:imshow]

# --8<-- [start:denormalize-check]
back = denormalize(test_transform(image))
print("denormalize gives back ToTensor's pixels:", torch.allclose(back, transforms.ToTensor()(image), atol=1e-6))
# --8<-- [end:denormalize-check]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)  # 3 colour channels in, 6 out, 5x5 kernel
        self.pool = nn.MaxPool2d(2, 2)  # 2x2 windows, stride 2: halves height and width
        self.conv2 = nn.Conv2d(6, 16, 5)  # 6 channels in, 16 out, 5x5 kernel
        self.fc1 = nn.Linear(16 * 5 * 5, 120)  # 16 channels of 5x5 after the second pooling
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)  # one score per CIFAR-10 class

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))  # convolution, ReLU, pooling
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)  # one row of 400 numbers per image
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)  # raw scores (logits); CrossEntropyLoss applies softmax itself
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)  # the layers start with random weights
net = Net().to(device)
print(net)
print("learnable parameters:", sum(p.numel() for p in net.parameters()))
# --8<-- [end:net-create]

# --8<-- [start:forward-shape]
torch.manual_seed(1)
batch = torch.randn(64, 3, 32, 32).to(device)  # a batch shaped like one from trainloader
print("input: ", tuple(batch.shape))
print("output:", tuple(net(batch).shape))
# --8<-- [end:forward-shape]

# --8<-- [start:loss-optimizer]
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
# --8<-- [end:loss-optimizer]

# --8<-- [start:one-step]
torch.manual_seed(4)
inputs = torch.randn(8, 3, 32, 32).to(device)  # eight random "images"
labels = torch.randint(0, 10, (8,)).to(device)  # and a random class index 0..9 for each
print("labels:", labels.tolist())

optimizer.zero_grad()  # 1. clear the gradients left by the previous step
loss = criterion(net(inputs), labels)  # 2. forward pass and loss
loss.backward()  # 3. backward pass: a gradient for every weight
optimizer.step()  # 4. move every weight a little against its gradient
print(f"loss before the step: {loss.item():.4f}")

with torch.no_grad():  # only a measurement: no gradients needed
    print(f"loss after the step:  {criterion(net(inputs), labels).item():.4f}")
# --8<-- [end:one-step]

# --8<-- [start:train]
torch.manual_seed(0)
net = Net().to(device)  # a fresh model: the step above has already changed the first one
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

net.train()
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
        if i % 200 == 199:  # every 200 batches: the mean loss over them
            print(f"[{epoch + 1}, {i + 1:4d}] loss: {running_loss / 200:.3f}")
            running_loss = 0.0

print("Finished Training")
# --8<-- [end:train]

# --8<-- [start:test-batch]
net.eval()  # evaluation mode; no effect on this model, but needed with dropout or batch norm
images, labels = next(iter(testloader))  # the first test batch (64 images)
imshow(torchvision.utils.make_grid(images[:4]))
plt.show()
print("GroundTruth:", " ".join(f"{classes[label]:>5}" for label in labels[:4]))

with torch.no_grad():
    predicted = net(images.to(device)).argmax(dim=1)  # the class with the highest score
print("Predicted:  ", " ".join(f"{classes[label]:>5}" for label in predicted[:4]))
# --8<-- [end:test-batch]

# --8<-- [start:test-accuracy]
all_predicted, all_labels = [], []
with torch.no_grad():
    for images, labels in testloader:
        all_predicted.append(net(images.to(device)).argmax(dim=1).cpu())
        all_labels.append(labels)
all_predicted, all_labels = torch.cat(all_predicted), torch.cat(all_labels)

correct = (all_predicted == all_labels).sum().item()
print(f"Accuracy of the network on the {len(all_labels)} test images: {100 * correct / len(all_labels):.1f} %")
# --8<-- [end:test-accuracy]

# --8<-- [start:per-class-function]
def per_class_accuracy(predicted, labels, num_classes=10):
    """Count, for every class, how many of its images there are and how many were predicted right."""
    total = torch.bincount(labels, minlength=num_classes)
    correct = torch.bincount(labels[predicted == labels], minlength=num_classes)
    return correct, total


def print_per_class(predicted, labels):
    correct, total = per_class_accuracy(predicted, labels)
    for name, c, t in zip(classes, correct.tolist(), total.tolist()):
        print(f"{name:>5}: {c:4d} / {t:4d} = {100 * c / t:5.1f} %")
# --8<-- [end:per-class-function]

# --8<-- [start:per-class-demo]
torch.manual_seed(7)
fake_labels = torch.arange(10).repeat(5)  # 50 "test images", five of each class
fake_predicted = torch.where(torch.rand(50) < 0.6, fake_labels, torch.randint(0, 10, (50,)))  # right about 60 % of the time
print_per_class(fake_predicted, fake_labels)
print(f"overall: {(fake_predicted == fake_labels).float().mean().item():.2f}")
# --8<-- [end:per-class-demo]

# --8<-- [start:per-class-test]
print_per_class(all_predicted, all_labels)
# --8<-- [end:per-class-test]

# --8<-- [start:save]
torch.save(net.state_dict(), "part3_cifar_net.pth")  # the weights only, as a dict of tensors
print(list(net.state_dict().keys()))
# --8<-- [end:save]

# --8<-- [start:load]
restored = Net()  # a new instance with the same structure, still random weights
print(restored.load_state_dict(torch.load("part3_cifar_net.pth", weights_only=True, map_location="cpu")))
restored = restored.to(device).eval()

torch.manual_seed(5)
check = torch.randn(8, 3, 32, 32).to(device)
net.eval()
with torch.no_grad():
    print("same outputs as the saved model:", torch.allclose(restored(check), net(check)))
# --8<-- [end:load]
