# --8<-- [start:imports]
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import ToTensor
# --8<-- [end:imports]

# --8<-- [start:data]
training_data = datasets.FashionMNIST(
    root="data", train=True, download=True, transform=ToTensor()
)
test_data = datasets.FashionMNIST(
    root="data", train=False, download=True, transform=ToTensor()
)

batch_size = 64
train_dataloader = DataLoader(
    training_data, batch_size=batch_size, shuffle=True
)
test_dataloader = DataLoader(test_data, batch_size=batch_size)
print(
    f"{len(train_dataloader)} training batches, "
    f"{len(test_dataloader)} test batches"
)
# --8<-- [end:data]

# --8<-- [start:device]
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator().type
else:
    device = "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:model]
# zh: 1.4 章的网络：784 -> 512 -> 512 -> 10，层与层之间用 ReLU
# en: The network of chapter 1.4: 784 -> 512 -> 512 -> 10, ReLU in between
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512), nn.ReLU(),
            nn.Linear(512, 512), nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))
# --8<-- [end:model]

# --8<-- [start:targets]
torch.manual_seed(0)
logits = torch.randn(2, 10)  # zh: 模型对两个样本给出的原始分数
                             # en: a model's raw scores for two samples
loss_fn = nn.CrossEntropyLoss()

# zh: 形式一：每个样本的类别下标（int64）
# en: Form 1: the class of each sample (int64)
class_indices = torch.tensor([3, 7])
# zh: 形式二：每个类别一个概率，每行加起来是 1
# en: Form 2: one probability per class, each row summing to 1
probabilities = torch.zeros(2, 10)
probabilities[0, 3] = probabilities[1, 7] = 1.0
print(f"class indices:       {loss_fn(logits, class_indices):.4f}")
print(f"class probabilities: {loss_fn(logits, probabilities):.4f}")

# zh: 原笔记的写法：随机数当目标，两种形式都不是
# en: What the source note feeds in: neither form
random_targets = torch.randn(2, 10)
print(f"random 'targets':    {loss_fn(logits, random_targets):.4f}")
print(f"row sums of the random targets: {random_targets.sum(dim=1)}")
# --8<-- [end:targets]

# --8<-- [start:few-steps]
torch.manual_seed(0)
model = NeuralNetwork().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)

# zh: 一个真实的批次：64 张图片和 64 个类别下标
# en: One real batch: 64 images and 64 class indices
inputs, labels = next(iter(train_dataloader))
inputs, labels = inputs.to(device), labels.to(device)
for step in range(5):
    outputs = model(inputs)   # zh: 前向传播
                              # en: forward pass
    loss = loss_fn(outputs, labels)
    optimizer.zero_grad()     # zh: 清掉上一步的梯度
                              # en: clear the previous step's gradients
    loss.backward()           # zh: 反向传播，算出新的梯度
                              # en: backward pass: new gradients
    optimizer.step()          # zh: 更新参数
                              # en: update the parameters
    print(f"step {step + 1}, loss: {loss.item():.4f}")
# --8<-- [end:few-steps]

# --8<-- [start:hyperparameters]
learning_rate = 1e-3
epochs = 5
# --8<-- [end:hyperparameters]

# --8<-- [start:train-loop]
# zh: 把训练集过一遍，返回这一轮的平均训练损失
# en: One pass over the training data; returns the mean training loss
def train_loop(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    # zh: 训练模式（对 dropout、batch norm 这类层有影响）
    # en: Training mode (matters for layers such as dropout and batch norm)
    model.train()
    total_loss = 0.0
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        loss = loss_fn(model(X), y)

        loss.backward()
        optimizer.step()
        # zh: 用完就清零，下一批的 backward 从零开始累加
        # en: Clear right after use: the next backward starts from zero
        optimizer.zero_grad()

        total_loss += loss.item()
        if batch % 300 == 0:
            seen = batch * batch_size + len(X)
            print(f"loss: {loss.item():>7f}  [{seen:>5d}/{size:>5d}]")
    return total_loss / len(dataloader)
# --8<-- [end:train-loop]

# --8<-- [start:test-loop]
# zh: 在测试集上评估，返回（平均损失，准确率）
# en: Evaluate on the test data; returns (mean loss, accuracy)
def test_loop(dataloader, model, loss_fn):
    model.eval()  # zh: 评估模式
                  # en: evaluation mode
    size, num_batches = len(dataloader.dataset), len(dataloader)
    test_loss, correct = 0.0, 0
    # zh: 评估不需要梯度：更快，也更省内存
    # en: No gradients needed: faster, and less memory
    with torch.no_grad():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).sum().item()
    test_loss /= num_batches
    accuracy = correct / size
    print(
        f"Test Error: \n Accuracy: {100 * accuracy:>0.1f}%, "
        f"Avg loss: {test_loss:>8f} \n"
    )
    return test_loss, accuracy
# --8<-- [end:test-loop]

# --8<-- [start:train]
# zh: 固定初始权重和每一轮的打乱顺序
# en: Fix the initial weights and the shuffling of every epoch
torch.manual_seed(0)
model = NeuralNetwork().to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

history = {"train loss": [], "test loss": [], "test accuracy": []}
for t in range(epochs):
    print(f"Epoch {t + 1}\n-------------------------------")
    train_loss = train_loop(train_dataloader, model, loss_fn, optimizer)
    test_loss, accuracy = test_loop(test_dataloader, model, loss_fn)
    history["train loss"].append(train_loss)
    history["test loss"].append(test_loss)
    history["test accuracy"].append(accuracy)
print("Done!")
# --8<-- [end:train]

# --8<-- [start:curves]
epoch_numbers = range(1, epochs + 1)
fig, (loss_axes, accuracy_axes) = plt.subplots(1, 2, figsize=(10, 4))
loss_axes.plot(
    epoch_numbers, history["train loss"], marker="o", label="training loss"
)
loss_axes.plot(
    epoch_numbers, history["test loss"], marker="o", label="test loss"
)
loss_axes.set(
    xlabel="epoch", ylabel="cross-entropy loss",
    xticks=list(epoch_numbers), ylim=(0, 2.5),
)
loss_axes.legend()
accuracy_axes.plot(
    epoch_numbers, [100 * a for a in history["test accuracy"]],
    marker="o", color="tab:green",
)
accuracy_axes.set(
    xlabel="epoch", ylabel="test accuracy (%)",
    xticks=list(epoch_numbers), ylim=(0, 100),
)
fig.tight_layout()
plt.show()
# --8<-- [end:curves]

# --8<-- [start:gpu]
# zh: 原笔记的写法：明确指定 CUDA 设备，没有就退回 CPU
# en: The source note's way: name the CUDA device, falling back to the CPU
cuda_or_cpu = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

# zh: 模块原地移动参数，并返回它自己
# en: A module moves its parameters in place and returns itself
model.to(cuda_or_cpu)
# zh: 张量不会原地移动：.to 返回目标设备上的张量，要接住它
# en: A tensor does not move in place: .to returns the tensor on the
# en: target device, so assign the result
inputs = inputs.to(cuda_or_cpu)
labels = labels.to(cuda_or_cpu)
print(
    f"model on {next(model.parameters()).device}, "
    f"inputs on {inputs.device}, labels on {labels.device}"
)
# --8<-- [end:gpu]

# --8<-- [start:save]
torch.save(model.state_dict(), "model_weights.pth")
for name, tensor in model.state_dict().items():
    print(f"{name}: {tuple(tensor.shape)}")
# --8<-- [end:save]

# --8<-- [start:load]
# zh: 结构相同的新模型，权重是新的随机数
# en: The same architecture, with fresh random weights
loaded = NeuralNetwork().to(device)
state = torch.load("model_weights.pth", weights_only=True)
print(loaded.load_state_dict(state))
loaded.eval()  # zh: 预测前切换到评估模式
               # en: evaluation mode before predicting

X, y = next(iter(test_dataloader))
X = X.to(device)
with torch.no_grad():
    same = torch.equal(loaded(X), model.to(device)(X))
    print("same predictions as the trained model:", same)
    predicted = loaded(X[:5]).argmax(1).tolist()
print("predicted:", [test_data.classes[i] for i in predicted])
print("actual:   ", [test_data.classes[i] for i in y[:5].tolist()])
# --8<-- [end:load]
