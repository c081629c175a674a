# --8<-- [start:imports]
import torch
# --8<-- [end:imports]

# --8<-- [start:empty]
x = torch.empty(5, 3)  # memory is allocated but not filled: the values are whatever was there
print(x.shape, x.dtype)
# --8<-- [end:empty]

# --8<-- [start:create]
torch.manual_seed(0)
x = torch.rand(5, 3)  # uniform random numbers in [0, 1)
print(x)

x = torch.zeros(5, 3, dtype=torch.long)  # 64-bit integers
print(x)

x = torch.tensor([5.5, 3])  # straight from Python data; the int 3 becomes a float
print(x)
print(x.dtype)
# --8<-- [end:create]

# --8<-- [start:arithmetic]
a = torch.ones(2, 2)
b = a + 2  # the scalar is added to every element
c = b * b * 3  # element-wise products, not matrix products
print(b)
print(c)
print(c.mean())  # a tensor with no dimensions (a scalar)
# --8<-- [end:arithmetic]

# --8<-- [start:gpu-check]
print("CUDA available:", torch.cuda.is_available())
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("Using device:", device)
# --8<-- [end:gpu-check]

# --8<-- [start:to-device]
t = torch.tensor([1.0, 2.0])  # tensors are created on the CPU unless told otherwise
print(t.device)
t = t.to(device)  # .to returns a tensor on `device`, so assign the result
print(t.device)

w = torch.tensor([1.0, 2.0], device=device)  # created on `device` directly, no copy
print(w.device)
# --8<-- [end:to-device]

# --8<-- [start:model-to-device]
torch.manual_seed(0)
model = torch.nn.Linear(10, 1)
data = torch.randn(100, 10)  # 100 samples with 10 features each

model = model.to(device)  # moves the weight and the bias
data = data.to(device)  # model and data must live on the same device
output = model(data)
print(output.shape, output.device)
# --8<-- [end:model-to-device]

# --8<-- [start:cuda-only]
if torch.cuda.is_available():  # lets the file still run on a machine without a GPU
    g = torch.tensor([1.0, 2.0], device="cuda")  # made directly in the GPU's memory
    h = (g * 2).cpu()  # computed on the GPU, then copied back to the CPU
    assert g.is_cuda and not h.is_cuda
# --8<-- [end:cuda-only]

# --8<-- [start:track]
x = torch.ones(2, 2, requires_grad=True)  # record every operation on x
print(x)
y = x + 2
print(y)
print(y.grad_fn.name())  # the operation that produced y
# --8<-- [end:track]

# --8<-- [start:more-ops]
z = y * y * 3
out = z.mean()
print(z, out)
# --8<-- [end:more-ops]

# --8<-- [start:backward]
out.backward()  # out is a scalar, so this is out.backward(torch.tensor(1.))
print(x.grad)  # d(out)/dx
# --8<-- [end:backward]

# --8<-- [start:vjp]
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)

y = x * 2
doublings = 1
while y.detach().norm() < 1000:  # read the value without recording the check
    y = y * 2
    doublings += 1
print(y)
print("doublings:", doublings)

v = torch.tensor([0.1, 1.0, 0.0001])
y.backward(v)  # y is not a scalar: pass the vector v of the vector-Jacobian product
print(x.grad)
print(x.grad / v)  # every element is 2 ** doublings
# --8<-- [end:vjp]
