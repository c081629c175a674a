# --8<-- [start:imports]
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import ToTensor
# --8<-- [end:imports]

# --8<-- [start:data]
training_data = datasets.FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=ToTensor())

batch_size = 64
train_dataloader = DataLoader(training_data, batch_size=batch_size, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=batch_size)
print(f"{len(train_dataloader)} training batches, {len(test_dataloader)} test batches")
# --8<-- [end:data]

# --8<-- [start:device]
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
# --8<-- [end:device]

# --8<-- [start:model]
class NeuralNetwork(nn.Module):
    """The network of chapter 1.4: 784 -> 512 -> 512 -> 10, ReLU in between."""

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
logits = torch.randn(2, 10)            # raw scores of a model for two samples
loss_fn = nn.CrossEntropyLoss()

class_indices = torch.tensor([3, 7])  # form 1: the class of each sample (int64)
probabilities = torch.zeros(2, 10)    # form 2: a probability per class, each row summing to 1
probabilities[0, 3] = probabilities[1, 7] = 1.0
print(f"class indices:       {loss_fn(logits, class_indices):.4f}")
print(f"class probabilities: {loss_fn(logits, probabilities):.4f}")

random_targets = torch.randn(2, 10)   # what the source note feeds in: neither form
print(f"random 'targets':    {loss_fn(logits, random_targets):.4f}")
print(f"row sums of the random targets: {random_targets.sum(dim=1)}")
# --8<-- [end:targets]

# --8<-- [start:few-steps]
torch.manual_seed(0)
model = NeuralNetwork().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)

inputs, labels = next(iter(train_dataloader))  # one real batch: 64 images, 64 class indices
inputs, labels = inputs.to(device), labels.to(device)
for step in range(5):
    outputs = model(inputs)            # forward pass
    loss = loss_fn(outputs, labels)
    optimizer.zero_grad()              # clear the gradients of the previous step
    loss.backward()                    # backward pass: compute new gradients
    optimizer.step()                   # update the parameters
    print(f"step {step + 1}, loss: {loss.item():.4f}")
# --8<-- [end:few-steps]

# --8<-- [start:hyperparameters]
learning_rate = 1e-3
epochs = 5
# --8<-- [end:hyperparameters]

# --8<-- [start:train-loop]
def train_loop(dataloader, model, loss_fn, optimizer):
    """One pass over the training data; returns the mean training loss."""
    size = len(dataloader.dataset)
    model.train()  # training mode (matters for layers such as dropout and batch norm)
    total_loss = 0.0
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        loss = loss_fn(model(X), y)

        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        total_loss += loss.item()
        if batch % 300 == 0:
            print(f"loss: {loss.item():>7f}  [{batch * batch_size + len(X):>5d}/{size:>5d}]")
    return total_loss / len(dataloader)
# --8<-- [end:train-loop]

# --8<-- [start:test-loop]
def test_loop(dataloader, model, loss_fn):
    """Evaluate on the test data; returns (mean loss, accuracy)."""
    model.eval()  # evaluation mode
    size, num_batches = len(dataloader.dataset), len(dataloader)
    test_loss, correct = 0.0, 0
    with torch.no_grad():  # no gradients needed: faster, and less memory
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).sum().item()
    test_loss /= num_batches
    accuracy = correct / size
    print(f"Test Error: \n Accuracy: {100 * accuracy:>0.1f}%, Avg loss: {test_loss:>8f} \n")
    return test_loss, accuracy
# --8<-- [end:test-loop]

# --8<-- [start:train]
torch.manual_seed(0)  # the same initial weights and the same shuffling as on this page
model = NeuralNetwork().to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

history = {"train loss": [], "test loss": [], "test accuracy": []}
for t in range(epochs):
    print(f"Epoch {t + 1}\n-------------------------------")
    history["train loss"].append(train_loop(train_dataloader, model, loss_fn, optimizer))
    test_loss, accuracy = test_loop(test_dataloader, model, loss_fn)
    history["test loss"].append(test_loss)
    history["test accuracy"].append(accuracy)
print("Done!")
# --8<-- [end:train]

# --8<-- [start:curves]
epoch_numbers = range(1, epochs + 1)
fig, (loss_axes, accuracy_axes) = plt.subplots(1, 2, figsize=(10, 4))
loss_axes.plot(epoch_numbers, history["train loss"], marker="o", label="training loss")
loss_axes.plot(epoch_numbers, history["test loss"], marker="o", label="test loss")
loss_axes.set(xlabel="epoch", ylabel="cross-entropy loss", xticks=list(epoch_numbers), ylim=(0, 2.5))
loss_axes.legend()
accuracy_axes.plot(epoch_numbers, [100 * a for a in history["test accuracy"]], marker="o", color="tab:green")
accuracy_axes.set(xlabel="epoch", ylabel="test accuracy (%)", xticks=list(epoch_numbers), ylim=(0, 100))
fig.tight_layout()
plt.show()
# --8<-- [end:curves]

# --8<-- [start:gpu]
# The source note's way: name the CUDA device explicitly, falling back to the CPU.
cuda_or_cpu = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

model.to(cuda_or_cpu)           # a module moves in place (and returns itself)
inputs = inputs.to(cuda_or_cpu)  # a tensor does not: .to returns a copy, so assign it
labels = labels.to(cuda_or_cpu)
print(f"model on {next(model.parameters()).device}, inputs on {inputs.device}, labels on {labels.device}")
# --8<-- [end:gpu]

# --8<-- [start:save]
torch.save(model.state_dict(), "model_weights.pth")
for name, tensor in model.state_dict().items():
    print(f"{name}: {tuple(tensor.shape)}")
# --8<-- [end:save]

# --8<-- [start:load]
loaded = NeuralNetwork().to(device)  # the same architecture, fresh random weights
print(loaded.load_state_dict(torch.load("model_weights.pth", weights_only=True)))
loaded.eval()  # evaluation mode before predicting

X, y = next(iter(test_dataloader))
X = X.to(device)
with torch.no_grad():
    print("same predictions as the trained model:", torch.equal(loaded(X), model.to(device)(X)))
    predicted = loaded(X[:5]).argmax(1).tolist()
print("predicted:", [test_data.classes[i] for i in predicted])
print("actual:   ", [test_data.classes[i] for i in y[:5].tolist()])
# --8<-- [end:load]
