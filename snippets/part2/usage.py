# --8<-- [start:imports]
import torch
# --8<-- [end:imports]

# --8<-- [start:tensors]
a = torch.Tensor([1, 2, 3])  # the class used as a constructor: always the default float type
b = torch.tensor([1, 2, 3])  # the factory function: infers the dtype from the data
c = torch.tensor([1, 2, 3], dtype=torch.float32)  # ask for a dtype explicitly
print(a, a.dtype)
print(b, b.dtype)
print(c, c.dtype)
# --8<-- [end:tensors]

# --8<-- [start:autograd]
x = torch.tensor(2.0, requires_grad=True)  # a leaf tensor whose gradient we want
y = x**2 + 3 * x + 1  # autograd records each operation as it runs
y.backward()  # dy/dx, stored in x.grad
print(x.grad)
print("by hand, 2*x + 3 =", 2 * x.item() + 3)
# --8<-- [end:autograd]

# --8<-- [start:nn-module]
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()  # Python 3 form of super(Net, self).__init__()
        self.fc1 = nn.Linear(2, 3)  # 2 input features -> 3 hidden units
        self.fc2 = nn.Linear(3, 1)  # 3 hidden units -> 1 output

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        x = self.fc2(x)
        return x


torch.manual_seed(0)  # the layers start with random weights
model = Net()
print(model)
print("parameters:", sum(p.numel() for p in model.parameters()))
print("output shape for 4 samples:", model(torch.randn(4, 2)).shape)
# --8<-- [end:nn-module]

# --8<-- [start:dataset]
from torch.utils.data import DataLoader, Dataset


class CustomDataset(Dataset):
    def __init__(self, data, labels):
        self.data = data
        self.labels = labels

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        return self.data[idx], self.labels[idx]


torch.manual_seed(0)
data = torch.randn(100, 2)  # 100 samples with 2 features each, as Net expects
# targets: a fixed function of the features plus a little noise, one value per sample
labels = (2 * data[:, :1] - data[:, 1:]) + 0.1 * torch.randn(100, 1)

dataset = CustomDataset(data, labels)
dataloader = DataLoader(dataset, batch_size=32, shuffle=True)
print("samples:", len(dataset), "| batches per epoch:", len(dataloader))
sample, target = dataset[0]
print("one sample:", sample, "target:", target)
print("batch sizes in one epoch:", [len(inputs) for inputs, targets in dataloader])
# --8<-- [end:dataset]

# --8<-- [start:optimizer]
import torch.optim as optim

criterion = nn.MSELoss()  # mean squared error: a regression loss for the one output of Net
optimizer = optim.Adam(model.parameters(), lr=0.001)

torch.manual_seed(0)  # fixes the order in which the DataLoader shuffles
inputs, targets = next(iter(dataloader))  # one batch of 32 samples

optimizer.zero_grad()  # clear the gradients left over from the previous step
outputs = model(inputs)
loss = criterion(outputs, targets)
loss.backward()  # fill .grad of every parameter
optimizer.step()  # update the parameters with those gradients
print(f"loss on this batch before the step: {loss.item():.4f}")
print(f"loss on this batch after the step:  {criterion(model(inputs), targets).item():.4f}")
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
        with torch.no_grad():  # evaluation only: no graph needed
            full_loss = criterion(model(data), labels).item()
        print(f"epoch {epoch:3d}: loss on all 100 samples {full_loss:.4f}")
# --8<-- [end:training-loop]

# --8<-- [start:gpu]
# The current accelerator (CUDA, MPS, XPU, ...) if there is one, else the CPU.
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

x = torch.tensor([[1.0, 2.0]])
x = x.to(device)  # for a tensor, .to returns a copy on the device: keep the result
model = model.to(device)  # a module moves its parameters in place and returns itself
print("x is on:", x.device)
print("model is on:", next(model.parameters()).device)
print("output is on:", model(x).device)
# --8<-- [end:gpu]

# --8<-- [start:save]
torch.save(model.state_dict(), "part2_model.pth")  # only the parameter tensors, keyed by name
for name, tensor in model.state_dict().items():
    print(f"{name}: {tuple(tensor.shape)}")
# --8<-- [end:save]

# --8<-- [start:load]
loaded = Net().to(device)  # the same architecture, with fresh random weights
state = torch.load("part2_model.pth", weights_only=True, map_location=device)
print(loaded.load_state_dict(state))
loaded.eval()  # evaluation mode (matters for dropout and batch norm layers)
print("training mode:", loaded.training)

test_inputs = data.to(device)
with torch.no_grad():
    print("same outputs as the saved model:", torch.equal(loaded(test_inputs), model(test_inputs)))
# --8<-- [end:load]
