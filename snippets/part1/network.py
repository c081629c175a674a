# --8<-- [start:imports]
import torch
import torch.nn.functional as F
from torch import nn
# --8<-- [end:imports]

# --8<-- [start:device]
# zh: 有加速器（CUDA、MPS、MTIA、XPU……）就用它，否则用 CPU
# en: Use the current accelerator (CUDA, MPS, MTIA, XPU, ...) if there
# en: is one, else the CPU
device = (
    torch.accelerator.current_accelerator().type
    if torch.accelerator.is_available()
    else "cpu"
)
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:model-class]
class NeuralNetwork(nn.Module):
    def __init__(self):
        # zh: 先把 nn.Module 的内部机制初始化好
        # en: set up the nn.Module machinery first
        super().__init__()
        self.flatten = nn.Flatten()  # zh: (N, 28, 28) 展平成 (N, 784)
                                     # en: (N, 28, 28) -> (N, 784)
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),  # zh: 输入层：784 维 -> 512 维
                                      # en: input layer: 784 -> 512
            nn.ReLU(),
            nn.Linear(512, 512),  # zh: 隐藏层：512 维 -> 512 维
                                  # en: hidden layer: 512 -> 512
            nn.ReLU(),
            nn.Linear(512, 10),  # zh: 输出层：每个类别一个得分（logit）
                                 # en: output layer: one logit per class
        )

    # zh: forward 缩进在类里面，才是 NeuralNetwork 的方法
    # en: indented inside the class, so it is a method of NeuralNetwork
    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits  # zh: 原始得分，还没有经过 softmax
                       # en: raw scores, no softmax applied yet
# --8<-- [end:model-class]

# --8<-- [start:model-create]
# zh: 各层的初始权重是随机的，固定种子才能每次都一样
# en: the layers start with random weights; the seed makes them repeatable
torch.manual_seed(0)
model = NeuralNetwork()
print(model)
# --8<-- [end:model-create]

# --8<-- [start:predict]
# zh: 不用 0：输入不该重放生成权重的那串随机数
# en: not 0: the input should not replay the random numbers of the weights
torch.manual_seed(1)
X = torch.rand(1, 28, 28)  # zh: 一个批量，里面只有一张随机“图像”
                           # en: a batch holding one random 28x28 "image"
logits = model(X)  # zh: 调用模型本身，而不是 model.forward(X)
                   # en: call the model itself, not model.forward(X)
print(f"Logits shape: {logits.shape}")

# zh: 沿第 1 维（10 个类别得分）做 softmax
# en: softmax over dim 1, the 10 class scores
pred_probab = nn.Softmax(dim=1)(logits)
y_pred = pred_probab.argmax(1)
print(f"Predicted class: {y_pred}")
# --8<-- [end:predict]

# --8<-- [start:argmax]
torch.manual_seed(2)
batch_logits = model(torch.rand(64, 28, 28))
batch_probs = nn.Softmax(dim=1)(batch_logits)
# zh: softmax 不改变得分的大小顺序，最大值的位置也就不变
# en: softmax keeps the order of the scores, so the largest stays largest
same = torch.equal(batch_logits.argmax(1), batch_probs.argmax(1))
print(f"same class for all 64 images: {same}")
# --8<-- [end:argmax]

# --8<-- [start:minibatch]
torch.manual_seed(1)
input_image = torch.rand(3, 28, 28)  # zh: 3 张图像组成的小批量
                                     # en: a minibatch of 3 images
print(input_image.size())
# --8<-- [end:minibatch]

# --8<-- [start:flatten]
flatten = nn.Flatten()
flat_image = flatten(input_image)
print(flat_image.size())
# --8<-- [end:flatten]

# --8<-- [start:linear]
# zh: 这一层的权重和偏置是随机初始化的
# en: the layer's weights and bias are initialized randomly
torch.manual_seed(0)
layer1 = nn.Linear(in_features=28 * 28, out_features=20)
hidden1 = layer1(flat_image)
print(hidden1.size())
# --8<-- [end:linear]

# --8<-- [start:relu]
# zh: 只打印 20 列中的前 6 列：3 x 6 = 18 个数
# en: print only the first 6 of the 20 columns: 3 x 6 = 18 numbers
print(f"Before ReLU: {hidden1[:, :6]}\n")
hidden1 = nn.ReLU()(hidden1)
print(f"After ReLU: {hidden1[:, :6]}")
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
# zh: 每张图像的 10 个概率加起来是 1
# en: each image's 10 probabilities add up to 1
print(pred_probab.sum(dim=1))
# --8<-- [end:softmax]

# --8<-- [start:parameters]
print(f"Model structure: {model}\n")

for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values: {param[:2]}\n")
# --8<-- [end:parameters]

# --8<-- [start:to-device]
model = model.to(device)  # zh: 上面列出的每个参数都会移过去
                          # en: moves every parameter listed above
X = X.to(device)  # zh: 输入必须和模型在同一个设备上
                  # en: the input must live on the same device as the model
print(f"Parameters are on: {next(model.parameters()).device}")
scores = model(X)
print(f"Predicted class: {scores.argmax(1).item()}")
# zh: 最高的两个得分相差多少
# en: how far apart the two highest scores are
top2 = scores.topk(2).values[0]
print(f"gap between the two top scores: {top2[0] - top2[1]:.4f}")
# --8<-- [end:to-device]

# --8<-- [start:net-class]
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 1 个输入通道 -> 6 个通道，3x3 卷积核
        # en: 1 input channel -> 6 channels, 3x3 kernel
        self.conv1 = nn.Conv2d(1, 6, 3)
        # zh: 6 个通道 -> 16 个通道，3x3 卷积核
        # en: 6 channels -> 16 channels, 3x3 kernel
        self.conv2 = nn.Conv2d(6, 16, 3)
        # zh: 第二次池化后是 16 个 6x6 的通道
        # en: 16 channels of 6x6 after the second pooling
        self.fc1 = nn.Linear(16 * 6 * 6, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        # zh: 2x2 最大池化
        # en: 2x2 max pooling
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)  # zh: 展平除批量维以外的所有维度
                                 # en: flatten every dimension except the batch
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
# zh: 一个批量，一张单通道的 32x32 图像
# en: a batch of one single-channel 32x32 image
x = torch.randn(1, 1, 32, 32)
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
# zh: Fashion-MNIST 图像的大小
# en: the size of a Fashion-MNIST image
small = torch.randn(1, 1, 28, 28)
try:
    net(small)
except RuntimeError as error:
    print(error)
# --8<-- [end:net-28]
