# --8<-- [start:imports]
import numpy as np
import torch
# --8<-- [end:imports]

# --8<-- [start:from-data]
data = [[1, 2], [3, 4]]
x_data = torch.tensor(data)
print(f"Tensor:\n{x_data}")
print(f"Inferred dtype: {x_data.dtype}")
# --8<-- [end:from-data]

# --8<-- [start:from-numpy]
np_array = np.array(data)
x_np = torch.from_numpy(np_array)
print(f"From NumPy:\n{x_np}")
# --8<-- [end:from-numpy]

# --8<-- [start:from-tensor]
torch.manual_seed(0)  # fixes the random values below, so you get the same numbers

x_ones = torch.ones_like(x_data)  # same shape and dtype as x_data, filled with 1
print(f"Ones Tensor:\n{x_ones}\n")

x_rand = torch.rand_like(x_data, dtype=torch.float)  # same shape, dtype overridden
print(f"Random Tensor:\n{x_rand}\n")
print(f"x_data is unchanged:\n{x_data}")
# --8<-- [end:from-tensor]

# --8<-- [start:random-constant]
torch.manual_seed(0)
shape = (2, 3)
rand_tensor = torch.rand(shape)
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)

print(f"Random Tensor:\n{rand_tensor}\n")
print(f"Ones Tensor:\n{ones_tensor}\n")
print(f"Zeros Tensor:\n{zeros_tensor}")
# --8<-- [end:random-constant]

# --8<-- [start:attributes]
torch.manual_seed(0)
tensor = torch.rand(3, 4)

print(f"Shape of tensor: {tensor.shape}")
print(f"Number of dimensions (rank): {tensor.ndim}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")
# --8<-- [end:attributes]

# --8<-- [start:to-accelerator]
# Move the tensor to the current accelerator (CUDA, MPS, XPU, ...) if there is one.
if torch.accelerator.is_available():
    tensor = tensor.to(torch.accelerator.current_accelerator())
print(f"Device tensor is stored on: {tensor.device}")
# --8<-- [end:to-accelerator]

# --8<-- [start:indexing]
tensor = torch.ones(4, 4)
print(f"First row: {tensor[0]}")
print(f"First column: {tensor[:, 0]}")
print(f"Last column: {tensor[..., -1]}")
tensor[:, 1] = 0
print(tensor)
# --8<-- [end:indexing]

# --8<-- [start:cat]
t1 = torch.cat([tensor, tensor, tensor], dim=1)
print(t1)
print(t1.shape)
# --8<-- [end:cat]

# --8<-- [start:cat-dims]
torch.manual_seed(0)
x = torch.randn(2, 3)
print(x)
print(torch.cat((x, x, x), dim=0).shape)  # rows pile up: (6, 3)
print(torch.cat((x, x, x), dim=1).shape)  # columns pile up: (2, 9)
# --8<-- [end:cat-dims]

# --8<-- [start:stack]
t2 = torch.stack([tensor, tensor, tensor], dim=1)
print(t2)
print(t2.shape)  # a new dimension of size 3 at position 1
# --8<-- [end:stack]

# --8<-- [start:arithmetic]
# Matrix multiplication: y1, y2 and y3 hold the same values.
# tensor.T is the transpose of tensor.
y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)
y3 = torch.empty_like(y1)
torch.matmul(tensor, tensor.T, out=y3)
print(y1)
print(torch.equal(y1, y2), torch.equal(y1, y3))

# Element-wise product: z1, z2 and z3 hold the same values.
z1 = tensor * tensor
z2 = tensor.mul(tensor)
z3 = torch.empty_like(tensor)
torch.mul(tensor, tensor, out=z3)
print(z1)
print(torch.equal(z1, z2), torch.equal(z1, z3))
# --8<-- [end:arithmetic]

# --8<-- [start:single-element]
agg = tensor.sum()
agg_item = agg.item()
print(agg, agg_item, type(agg_item))
# --8<-- [end:single-element]

# --8<-- [start:in-place]
print(tensor, "\n")
tensor.add_(5)
print(tensor)
# --8<-- [end:in-place]

# --8<-- [start:broadcasting]
torch.manual_seed(0)
x = torch.tensor([1.0, 2.0, 3.0])  # shape (3,)
y = torch.rand(5, 3)  # shape (5, 3)
print(x.shape, y.shape)
print(x + y)  # x is broadcast to (5, 3): added to every row of y
print((x + y).shape)
# --8<-- [end:broadcasting]

# --8<-- [start:reshape]
torch.manual_seed(0)
a = torch.randn(4, 4)
b = a.view(16)  # the same 16 numbers as one row
c = a.view(-1, 8)  # -1: PyTorch works out this size (2)
print(a)
print(b)
print(c)
print(a.shape, b.shape, c.shape)
# --8<-- [end:reshape]

# --8<-- [start:shared-view]
b[0] = 100.0  # a view shares memory with the tensor it came from
print(a[0, 0], c[0, 0])
# --8<-- [end:shared-view]

# --8<-- [start:tensor-to-numpy]
t = torch.ones(5)
n = t.numpy()
print(f"t: {t}")
print(f"n: {n}")

t.add_(1)  # changing the tensor changes the array too
print(f"t: {t}")
print(f"n: {n}")
# --8<-- [end:tensor-to-numpy]

# --8<-- [start:numpy-to-tensor]
n = np.ones(5)
t = torch.from_numpy(n)

np.add(n, 1, out=n)  # changing the array changes the tensor too
print(f"t: {t}")
print(f"n: {n}")
# --8<-- [end:numpy-to-tensor]
