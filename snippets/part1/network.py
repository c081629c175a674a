# --8<-- [start:imports]
import torch
import torch.nn.functional as F
from torch import nn
# --8<-- [end:imports]

# --8<-- [start:device]
# Use the current accelerator (CUDA, MPS, MTIA, XPU, ...) if there is one, else the CPU.
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:model-class]
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()  # set up the nn.Module machinery first
        self.flatten = nn.Flatten()  # (N, 28, 28) -> (N, 784)
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),  # one raw score (logit) per class
        )

    def forward(self, x):  # indented inside the class, so it is a method of NeuralNetwork
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits
# --8<-- [end:model-class]

# --8<-- [start:model-create]
torch.manual_seed(0)  # the layers start with random weights; the seed makes them repeatable
model = NeuralNetwork()
print(model)
# --8<-- [end:model-create]

# --8<-- [start:predict]
torch.manual_seed(1)  # not 0: the input should not reuse the random numbers of the weights
X = torch.rand(1, 28, 28)  # a batch holding one random 28x28 "image"
logits = model(X)  # call the model itself, not model.forward(X)
print(f"Logits shape: {logits.shape}")

pred_probab = nn.Softmax(dim=1)(logits)  # normalise over dim 1, the 10 class scores
y_pred = pred_probab.argmax(1)
print(f"Predicted class: {y_pred}")
# --8<-- [end:predict]

# --8<-- [start:minibatch]
torch.manual_seed(1)
input_image = torch.rand(3, 28, 28)  # a minibatch of 3 images
print(input_image.size())
# --8<-- [end:minibatch]

# --8<-- [start:flatten]
flatten = nn.Flatten()
flat_image = flatten(input_image)
print(flat_image.size())
# --8<-- [end:flatten]

# --8<-- [start:linear]
torch.manual_seed(0)  # the layer's weights and bias are initialised randomly
layer1 = nn.Linear(in_features=28 * 28, out_features=20)
hidden1 = layer1(flat_image)
print(hidden1.size())
# --8<-- [end:linear]

# --8<-- [start:relu]
print(f"Before ReLU: {hidden1}\n")
hidden1 = nn.ReLU()(hidden1)
print(f"After ReLU: {hidden1}")
# --8<-- [end:relu]

# --8<-- [start:sequential]
torch.manual_seed(0)
seq_modules = nn.Sequential(
    flatten,
    layer1,
    nn.ReLU(),
    nn.Linear(20, 10),
)
input_image = torch.rand(3, 28, 28)
logits = seq_modules(input_image)
print(logits.shape)
# --8<-- [end:sequential]

# --8<-- [start:softmax]
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)
print(pred_probab.shape)
print(pred_probab.sum(dim=1))  # each image's 10 probabilities add up to 1
# --8<-- [end:softmax]

# --8<-- [start:parameters]
print(f"Model structure: {model}\n")

for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values: {param[:2]}\n")
# --8<-- [end:parameters]

# --8<-- [start:to-device]
model = model.to(device)  # moves every parameter listed above
X = X.to(device)  # the input must live on the same device as the model
print(f"Parameters are on: {next(model.parameters()).device}")
print(f"Predicted class: {model(X).argmax(1).item()}")
# --8<-- [end:to-device]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)  # 1 input channel -> 6 channels, 3x3 kernel
        self.conv2 = nn.Conv2d(6, 16, 3)  # 6 channels -> 16 channels, 3x3 kernel
        self.fc1 = nn.Linear(16 * 6 * 6, 120)  # 16 channels of 6x6 after the second pooling
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)  # 2x2 max pooling
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)  # flatten every dimension except the batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)
# --8<-- [end:net-class]

# --8<-- [start:net-create]
torch.manual_seed(0)
net = Net()
print(net)
# --8<-- [end:net-create]

# --8<-- [start:net-forward]
torch.manual_seed(1)
x = torch.randn(1, 1, 32, 32)  # a batch of one single-channel 32x32 image
out = net(x)
print(out.shape)
# --8<-- [end:net-forward]

# --8<-- [start:net-shapes]
h = F.relu(net.conv1(x))
print(f"after conv1: {h.shape}")
h = F.max_pool2d(h, 2)
print(f"after pool1: {h.shape}")
h = F.relu(net.conv2(h))
print(f"after conv2: {h.shape}")
h = F.max_pool2d(h, 2)
print(f"after pool2: {h.shape}")
h = torch.flatten(h, 1)
print(f"flattened:   {h.shape}")
# --8<-- [end:net-shapes]

# --8<-- [start:net-28]
torch.manual_seed(1)
small = torch.randn(1, 1, 28, 28)  # the size of a Fashion-MNIST image
try:
    net(small)
except RuntimeError as error:
    print(error)
# --8<-- [end:net-28]
