# --8<-- [start:imports]
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets, transforms
# --8<-- [end:imports]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)  # 1 input channel -> 6 channels, 5x5 kernel
        self.conv2 = nn.Conv2d(6, 16, 5)  # 6 channels -> 16 channels, 5x5 kernel
        self.fc1 = nn.Linear(16 * 5 * 5, 120)  # 16 channels of 5x5 after the second pooling
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))  # 2x2 max pooling
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)  # a square window needs only one number
        x = torch.flatten(x, 1)  # flatten every dimension except the batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)  # the layers start with random weights
net = Net()
print(net)
# --8<-- [end:net-create]

# --8<-- [start:net-parameters]
params = list(net.parameters())
print(len(params), "parameter tensors")
for name, param in net.named_parameters():
    print(f"{name:12} {tuple(param.shape)}")
print("learnable numbers:", sum(p.numel() for p in net.parameters()))
# --8<-- [end:net-parameters]

# --8<-- [start:net-forward]
torch.manual_seed(1)
image = torch.randn(1, 1, 32, 32)  # a batch of one single-channel 32x32 image
out = net(image)
print(out.shape)
print(out)
# --8<-- [end:net-forward]

# --8<-- [start:cifar-transform]
transform = transforms.Compose([
    transforms.ToTensor(),  # PIL image (H, W, C) in 0..255 -> float tensor (C, H, W) in 0..1
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),  # each channel: (x - 0.5) / 0.5, in -1..1
])
print(transform)
# --8<-- [end:cifar-transform]

# --8<-- [start:cifar-loaders]
try:
    trainset = datasets.CIFAR10(root="data", train=True, download=True, transform=transform)
except OSError as error:  # offline, and the data is not in data/ yet
    raise SystemExit(f"CIFAR-10 is not in data/ and could not be downloaded ({error}): connect to the internet and run again.")
trainloader = DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2)

testset = datasets.CIFAR10(root="data", train=False, download=True, transform=transform)
testloader = DataLoader(testset, batch_size=4, shuffle=False, num_workers=2)
# --8<-- [end:cifar-loaders]

# --8<-- [start:my-dataset]
class MyDataset(Dataset):
    def __init__(self, x_tensor, y_tensor):
        self.x = x_tensor
        self.y = y_tensor

    def __getitem__(self, index):
        return self.x[index], self.y[index]  # one sample: (input, target)

    def __len__(self):
        return len(self.x)


x = torch.arange(10)
y = torch.arange(10) + 1
my_dataset = MyDataset(x, y)
print(len(my_dataset), my_dataset[3])
# --8<-- [end:my-dataset]

# --8<-- [start:my-loader]
loader = DataLoader(my_dataset, batch_size=4, shuffle=True, num_workers=0,
                    generator=torch.Generator().manual_seed(0))  # seeds the shuffling alone
for epoch in range(2):
    print("epoch", epoch)
    for xb, yb in loader:  # new names: x and y still hold the whole data
        print("  x:", xb, "y:", yb)
# --8<-- [end:my-loader]

# --8<-- [start:save-params]
state = net.state_dict()  # an ordered dict: parameter name -> tensor
print(type(state).__name__, "with", len(state), "entries:", list(state))
torch.save(state, "part3_net_params.pth")
# --8<-- [end:save-params]

# --8<-- [start:load-params]
torch.manual_seed(1)
model = Net()  # same class, different random weights
print("same output before loading:", torch.equal(model(image), out))
print(model.load_state_dict(torch.load("part3_net_params.pth", weights_only=True)))
model.eval()  # dropout and batch norm layers switch to evaluation behaviour
print("training mode:", model.training)
print("same output after loading:", torch.equal(model(image), out))
# --8<-- [end:load-params]

# --8<-- [start:save-whole]
torch.save(net, "part3_net_whole.pth")  # pickles the module object itself, class reference included
# --8<-- [end:save-whole]

# --8<-- [start:load-whole-default]
try:
    torch.load("part3_net_whole.pth")  # weights_only=True by default since PyTorch 2.6
except Exception as error:
    message = str(error)
    print(f"{type(error).__name__}: {message.split('.')[0]}")
    reason = next(line.strip() for line in message.splitlines() if "Unsupported global" in line)
    print(reason[:reason.index(" by default")])
# --8<-- [end:load-whole-default]

# --8<-- [start:load-whole]
whole = torch.load("part3_net_whole.pth", weights_only=False)  # only for files you trust
whole.eval()
print(type(whole).__name__)
print("same output:", torch.equal(whole(image), out))
# --8<-- [end:load-whole]
