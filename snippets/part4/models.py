# --8<-- [start:imports]
import torch  # tensors and everything else in PyTorch
import torch.nn as nn  # layers (modules) and the nn.Module base class
import torch.nn.functional as F  # layers as plain functions: activations, pooling
import matplotlib.pyplot as plt  # only for the diagram at the end
from matplotlib.patches import FancyArrowPatch, Rectangle
# --8<-- [end:imports]

# --8<-- [start:lenet-class]
class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        # 1 input channel (a grey-scale image) -> 6 channels, 5x5 convolution kernel
        self.conv1 = nn.Conv2d(1, 6, 5)
        # 6 channels -> 16 channels, 5x5 kernel
        self.conv2 = nn.Conv2d(6, 16, 5)
        # affine layers y = Wx + b; 16 * 5 * 5: 16 maps of 5x5 left after the second pooling
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))  # max pooling over 2x2 windows
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)  # a square window can be given as one number
        x = torch.flatten(x, 1)  # keep dim 0 (the batch), flatten the rest: 16*5*5 = 400
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)  # 10 raw scores, no activation
        return x
# --8<-- [end:lenet-class]

# --8<-- [start:lenet-create]
torch.manual_seed(0)  # the weights start random; the seed makes them repeatable
net = LeNet()
print(net)  # a module reports its submodules and their settings
# --8<-- [end:lenet-create]

# --8<-- [start:lenet-forward]
torch.manual_seed(1)  # a different seed from the weights'
image = torch.rand(1, 1, 32, 32)  # stand-in for one 32x32 grey-scale image: (batch, channel, height, width)
print("Image batch shape:")
print(image.shape)

output = net(image)  # call the module itself, not net.forward(image)
print("\nRaw output:")
print(output)
print(output.shape)
# --8<-- [end:lenet-forward]

# --8<-- [start:batch]
torch.manual_seed(2)
batch = torch.rand(16, 1, 32, 32)  # 16 images in one batch
scores = net(batch)
print(scores.shape)  # one row of 10 scores per image
# each image is processed on its own: image 0 alone gives the same scores as in the batch
print(torch.allclose(scores[:1], net(batch[:1])))
# --8<-- [end:batch]

# --8<-- [start:shapes]
# run the layers of forward() one by one, keeping every intermediate result
h0 = image
h1 = F.relu(net.conv1(h0))
h2 = F.max_pool2d(h1, 2)
h3 = F.relu(net.conv2(h2))
h4 = F.max_pool2d(h3, 2)
h5 = F.relu(net.fc1(torch.flatten(h4, 1)))
h6 = F.relu(net.fc2(h5))
h7 = net.fc3(h6)
stages = [
    ("INPUT", "", h0),
    ("C1", "conv1 + relu", h1),
    ("S2", "max_pool2d", h2),
    ("C3", "conv2 + relu", h3),
    ("S4", "max_pool2d", h4),
    ("F5", "flatten, fc1 + relu", h5),
    ("F6", "fc2 + relu", h6),
    ("OUTPUT", "fc3", h7),
]
for name, step, h in stages:
    print(f"{name:<7}{step:<21}{h.shape}")
print(torch.equal(h7, output))  # the same result as net(image)
# --8<-- [end:shapes]

# --8<-- [start:diagram]
fig, ax = plt.subplots(figsize=(12, 3.0))
x = 0.0
centres = []
for name, step, h in stages:
    if h.dim() == 4:  # feature maps: a stack of squares, side proportional to the map's size
        channels, size = h.shape[1], h.shape[2]
        side = size / 12
        layers = min(channels, 4)
        for i in range(layers):
            off = 0.12 * (layers - 1 - i)
            ax.add_patch(Rectangle((x + off, -side / 2 + off), side, side,
                                   facecolor="0.82", edgecolor="0.25", lw=0.8))
        width = side + 0.12 * (layers - 1)
        label = f"{channels}@{size}×{size}"
    else:  # a vector of features: a bar, height proportional to its length
        features = h.shape[1]
        side, width = features / 40, 0.25
        ax.add_patch(Rectangle((x, -side / 2), width, side,
                               facecolor="0.82", edgecolor="0.25", lw=0.8))
        label = str(features)
    ax.text(x + width / 2, 1.9, name, ha="center", fontsize=10, weight="bold")
    ax.text(x + width / 2, -2.05, label, ha="center", fontsize=9)
    centres.append((x, x + width))
    x += width + 1.6

operations = ["conv\n5×5", "max pool\n2×2", "conv\n5×5", "max pool\n2×2", "flatten\n+ full", "full", "full"]
for (_, right), (left, _), op in zip(centres, centres[1:], operations):
    ax.add_patch(FancyArrowPatch((right + 0.1, 0), (left - 0.1, 0), arrowstyle="-|>",
                                 mutation_scale=10, color="0.3"))
    ax.text((right + left) / 2, 0.15, op, ha="center", va="bottom", fontsize=8)

ax.set_xlim(-0.3, x - 0.9)
ax.set_ylim(-2.4, 2.3)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title("LeNet: the shape of the data after each layer (input 1×1×32×32)")
fig.tight_layout()
plt.show()
# --8<-- [end:diagram]
