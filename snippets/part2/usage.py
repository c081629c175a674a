# --8<-- [start:imports]
import torch
# --8<-- [end:imports]

# --8<-- [start:tensors]
# zh: 把类当构造函数用：总是默认的浮点类型
# en: The class used as a constructor: always the default float type
a = torch.Tensor([1, 2, 3])
# zh: 工厂函数：根据数据推断 dtype
# en: The factory function: infers the dtype from the data
b = torch.tensor([1, 2, 3])
# zh: 也可以明确指定 dtype
# en: Or ask for a dtype explicitly
c = torch.tensor([1, 2, 3], dtype=torch.float32)
print(a, a.dtype)
print(b, b.dtype)
print(c, c.dtype)
# --8<-- [end:tensors]

# --8<-- [start:autograd]
# zh: 叶子张量，我们要它的梯度
# en: A leaf tensor whose gradient we want
x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 3 * x + 1  # zh: 运算一边执行，autograd 一边记录
                      # en: autograd records each operation as it runs
y.backward()  # zh: 求 dy/dx，结果存进 x.grad
              # en: dy/dx, stored in x.grad
print(x.grad)  # zh: 梯度本身也是张量
               # en: the gradient is a tensor too
print(x.grad.item())  # zh: .item() 取出 Python 数
                      # en: .item() gives a Python number
print("by hand, 2*x + 3 =", 2 * x.item() + 3)
# --8<-- [end:autograd]

# --8<-- [start:nn-module]
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        # zh: super(Net, self).__init__() 在 Python 3 里的写法
        # en: The Python 3 form of super(Net, self).__init__()
        super().__init__()
        self.fc1 = nn.Linear(2, 3)  # zh: 2 个输入特征 -> 3 个隐藏单元
                                    # en: 2 input features -> 3 hidden units
        self.fc2 = nn.Linear(3, 1)  # zh: 3 个隐藏单元 -> 1 个输出
                                    # en: 3 hidden units -> 1 output

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        x = self.fc2(x)
        return x


torch.manual_seed(0)  # zh: 各层的初始权重是随机的
                      # en: the layers start with random weights
model = Net()
print(model)
print("parameters:", sum(p.numel() for p in model.parameters()))
print("output shape for 4 samples:", model(torch.randn(4, 2)).shape)
# --8<-- [end:nn-module]

# --8<-- [start:dataset]
from torch.utils.data import DataLoader, Dataset


class CustomDataset(Dataset):
    # zh: __init__ 不是 Dataset 要求的，这里用它存下数据
    # en: Dataset does not require __init__; here it keeps the data
    def __init__(self, data, labels):
        self.data = data
        self.labels = labels

    # zh: 必须实现：样本个数
    # en: Required: the number of samples
    def __len__(self):
        return len(self.data)

    # zh: 必须实现：按下标取出一个样本和它的目标值
    # en: Required: one sample and its target, by index
    def __getitem__(self, idx):
        return self.data[idx], self.labels[idx]


torch.manual_seed(0)
# zh: 100 个样本，每个 2 个特征，正好是 Net 的输入
# en: 100 samples with 2 features each, as Net expects
data = torch.randn(100, 2)
# zh: 目标值：特征的固定函数加一点噪声，每个样本一个数
# en: Targets: a fixed function of the features plus a little noise,
# en: one value per sample
labels = (2 * data[:, :1] - data[:, 1:]) + 0.1 * torch.randn(100, 1)

dataset = CustomDataset(data, labels)
dataloader = DataLoader(dataset, batch_size=32, shuffle=True)
print("samples:", len(dataset), "| batches per epoch:", len(dataloader))
sample, target = dataset[0]
print("one sample:", sample, "target:", target)
print("batch sizes in one epoch:", [len(inputs) for inputs, _ in dataloader])
# --8<-- [end:dataset]

# --8<-- [start:optimizer]
import torch.optim as optim

# zh: 均方误差：Net 只有一个输出，用回归损失
# en: Mean squared error: a regression loss for Net's single output
criterion = nn.MSELoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)

torch.manual_seed(0)  # zh: 固定 DataLoader 打乱的顺序
                      # en: fixes the order the DataLoader shuffles in
inputs, targets = next(iter(dataloader))  # zh: 一批 32 个样本
                                          # en: one batch of 32 samples

optimizer.zero_grad()  # zh: 清掉之前留下的梯度
                       # en: clear any gradients left from before
outputs = model(inputs)
loss = criterion(outputs, targets)
loss.backward()  # zh: 填好每个参数的 .grad
                 # en: fill .grad of every parameter
optimizer.step()  # zh: 用这些梯度更新参数
                  # en: update the parameters with those gradients
loss_after = criterion(model(inputs), targets).item()
print(f"loss on this batch before the step: {loss.item():.4f}")
print(f"loss on this batch after the step:  {loss_after:.4f}")
# --8<-- [end:optimizer]

# --8<-- [start:training-loop]
torch.manual_seed(0)
for epoch in range(1, 201):
    for inputs, targets in dataloader:
        optimizer.zero_grad()
        loss = criterion(model(inputs), targets)
        loss.backward()
        optimizer.step()
    if epoch % 50 == 0:
        with torch.no_grad():  # zh: 只是评估，不需要计算图
                               # en: evaluation only: no graph needed
            full_loss = criterion(model(data), labels).item()
        print(f"epoch {epoch:3d}: loss on all 100 samples {full_loss:.4f}")
# --8<-- [end:training-loop]

# --8<-- [start:gpu]
# zh: 有加速器（CUDA、MPS、XPU……）就用它，否则用 CPU
# en: The current accelerator (CUDA, MPS, XPU, ...) if any, else the CPU
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

x = torch.tensor([[1.0, 2.0]])
# zh: 张量的 .to 返回目标设备上的张量，要接住结果
# en: For a tensor, .to returns the tensor on the device: keep the result
x = x.to(device)
# zh: 模块原地移动参数，并返回它自己
# en: A module moves its parameters in place and returns itself
model = model.to(device)
print("x is on:", x.device)
print("model is on:", next(model.parameters()).device)
print("output is on:", model(x).device)
# zh: 已经在目标设备上时，.to 不复制，直接返回原对象
# en: Already on the device: .to makes no copy and returns the object
print("x.to(device) is x:", x.to(device) is x)
print("model.to(device) is model:", model.to(device) is model)
# --8<-- [end:gpu]

# --8<-- [start:save]
# zh: state_dict 按名字存下参数和缓冲区；Net 只有参数
# en: A state_dict holds the parameters and the buffers, by name;
# en: Net has parameters only
torch.save(model.state_dict(), "part2_model.pth")
for name, tensor in model.state_dict().items():
    print(f"{name}: {tuple(tensor.shape)}")
# --8<-- [end:save]

# --8<-- [start:buffers]
# zh: BatchNorm 层除了参数，还有训练中统计出来的缓冲区
# en: A BatchNorm layer has buffers too: statistics kept during training
bn = nn.BatchNorm1d(3)
print("parameters:", [name for name, _ in bn.named_parameters()])
print("buffers:   ", [name for name, _ in bn.named_buffers()])
print("state_dict:", list(bn.state_dict().keys()))
# --8<-- [end:buffers]

# --8<-- [start:load]
# zh: 结构相同的新模型，权重是新的随机数
# en: The same architecture, with fresh random weights
loaded = Net().to(device)
state = torch.load("part2_model.pth", weights_only=True, map_location=device)
print(loaded.load_state_dict(state))
loaded.eval()  # zh: 评估模式（对 dropout 和 batch norm 层有影响）
               # en: evaluation mode (matters for dropout and batch norm)
print("training mode:", loaded.training)

test_inputs = data.to(device)
with torch.no_grad():
    same = torch.equal(loaded(test_inputs), model(test_inputs))
print("same outputs as the saved model:", same)
# --8<-- [end:load]

# --8<-- [start:strict]
# zh: 只有 fc1 的参数；strict=False 时不报错，而是列出对不上的键
# en: Only fc1's parameters; with strict=False, no error, but a list of
# en: the keys that did not match
fc1_only = {k: v for k, v in state.items() if k.startswith("fc1.")}
print(Net().load_state_dict(fc1_only, strict=False))
# --8<-- [end:strict]
