# --8<-- [start:imports]
import torch
from torch import nn
# --8<-- [end:imports]

# --8<-- [start:conv]
# 5 single-channel 28x28 images: (batch, channel, height, width)
x = torch.zeros([5, 1, 28, 28])

# a convolution layer: 1 input channel, 6 output channels, 5x5 kernel
conv = nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5)

c = conv(x)
print(c.shape)  # 28 - 5 + 1 = 24
# --8<-- [end:conv]

# --8<-- [start:pool]
pool = nn.MaxPool2d(2)  # max pooling over 2x2 windows, stride 2

s = pool(c)  # feed the feature maps c into the pooling layer
print(s.shape)  # 24 / 2 = 12
# --8<-- [end:pool]

# --8<-- [start:lenet5-class]
class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        # first convolution block: [n, 1, 28, 28] -> [n, 6, 12, 12]
        self.conv1 = nn.Sequential(
            nn.Conv2d(1, 6, 5),  # convolution, 28 -> 24
            nn.ReLU(),  # activation
            nn.MaxPool2d(2),  # max pooling, 24 -> 12
        )
        # second convolution block: [n, 6, 12, 12] -> [n, 16, 4, 4]
        self.conv2 = nn.Sequential(
            nn.Conv2d(6, 16, 5),  # 12 -> 8
            nn.ReLU(),
            nn.MaxPool2d(2),  # 8 -> 4
        )
        # fully connected layers: 16 * 4 * 4 = 256 -> 120 -> 84 -> 10
        self.fc1 = nn.Sequential(
            nn.Linear(256, 120),
            nn.ReLU(),
        )
        self.fc2 = nn.Sequential(
            nn.Linear(120, 84),
            nn.ReLU(),
        )
        self.fc3 = nn.Sequential(
            nn.Linear(84, 10),  # 10 raw scores, one per digit
        )

    def forward(self, x):  # x: [n, 1, 28, 28]
        x = self.conv1(x)  # [n, 6, 12, 12]
        x = self.conv2(x)  # [n, 16, 4, 4]
        x = torch.flatten(x, 1)  # [n, 256]: keep the batch dimension, flatten the rest
        x = self.fc1(x)  # [n, 120]
        x = self.fc2(x)  # [n, 84]
        x = self.fc3(x)  # [n, 10]
        return x
# --8<-- [end:lenet5-class]

# --8<-- [start:lenet5-create]
torch.manual_seed(0)  # repeatable initial weights
model = LeNet5()
print(model)
# --8<-- [end:lenet5-create]

# --8<-- [start:parameters]
for name, block in model.named_children():
    print(f"{name}: {sum(p.numel() for p in block.parameters())} parameters")
print(f"total: {sum(p.numel() for p in model.parameters())} parameters")
# --8<-- [end:parameters]

# --8<-- [start:lenet5-shapes]
torch.manual_seed(1)
n = 4
batch = torch.rand(n, 1, 28, 28)  # a batch of 4 random 28x28 "digits"
print(f"input:       {batch.shape}")
h = model.conv1(batch)
print(f"after conv1: {h.shape}")
h = model.conv2(h)
print(f"after conv2: {h.shape}")
h = torch.flatten(h, 1)
print(f"flattened:   {h.shape}")
h = model.fc1(h)
print(f"after fc1:   {h.shape}")
h = model.fc2(h)
print(f"after fc2:   {h.shape}")
h = model.fc3(h)
print(f"after fc3:   {h.shape}")
# --8<-- [end:lenet5-shapes]

# --8<-- [start:lenet5-output]
scores = model(batch)  # forward() runs the same steps in one call
print(torch.equal(scores, h))
print(scores)
print(scores.argmax(dim=1))  # the highest-scoring class of each image (untrained, so meaningless)
# --8<-- [end:lenet5-output]

# --8<-- [start:view-pitfall]
torch.manual_seed(2)
big = torch.rand(16, 1, 32, 32)  # 16 images of the wrong size: 32x32 instead of 28x28
features = model.conv2(model.conv1(big))
print(features.shape)  # 16 maps of 5x5 per image, not 4x4
print(features.view(-1, 256).shape)  # the source note's flattening: 25 "images"
print(torch.flatten(features, 1).shape)  # still 16 images, 400 features each
# --8<-- [end:view-pitfall]
