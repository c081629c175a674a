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
# zh: 固定随机种子，下面的随机数每次都一样
# en: Fix the seed so the random values below are the same every run
torch.manual_seed(0)

# zh: 形状、dtype 都照搬 x_data，元素全是 1
# en: same shape and dtype as x_data, filled with 1
x_ones = torch.ones_like(x_data)
print(f"Ones Tensor:\n{x_ones}\n")

# zh: 形状照搬，dtype 改成浮点
# en: same shape, dtype overridden to floating point
x_rand = torch.rand_like(x_data, dtype=torch.float)
print(f"Random Tensor:\n{x_rand}\n")
print(f"x_data is unchanged:\n{x_data}")
# --8<-- [end:from-tensor]

# --8<-- [start:rand-like-int]
# zh: 不指定 dtype，rand_like 就沿用 x_data 的 int64
# en: Without dtype=, rand_like keeps x_data's int64
try:
    torch.rand_like(x_data)
except RuntimeError as err:
    print(type(err).__name__, str(err).splitlines()[0])
# --8<-- [end:rand-like-int]

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
# zh: 有加速器（CUDA、MPS、XPU 等）就把张量搬过去
# en: Move the tensor to the accelerator (CUDA, MPS, XPU...) if there is one
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
# zh: dim=0：行往下摞，得到 (6, 3)
# en: dim=0: rows stacked on top of each other, (6, 3)
print(torch.cat((x, x, x), dim=0).shape)
# zh: dim=1：列左右并排，得到 (2, 9)
# en: dim=1: columns placed side by side, (2, 9)
print(torch.cat((x, x, x), dim=1).shape)
# --8<-- [end:cat-dims]

# --8<-- [start:stack]
t2 = torch.stack([tensor, tensor, tensor], dim=1)
print(t2)
print(t2.shape)  # zh: 在第 1 维新增了一个大小为 3 的维度
                 # en: a new dimension of size 3 at position 1
# --8<-- [end:stack]

# --8<-- [start:arithmetic]
# zh: 矩阵乘法，y1、y2、y3 的值相同；tensor.T 是转置
# en: Matrix multiplication: y1, y2 and y3 hold the same values.
# en: tensor.T is the transpose of tensor.
y1 = tensor @ tensor.T
y2 = tensor.matmul(tensor.T)
y3 = torch.empty_like(y1)
torch.matmul(tensor, tensor.T, out=y3)
print(y1)
print(torch.equal(y1, y2), torch.equal(y1, y3))

# zh: 逐元素相乘，z1、z2、z3 的值相同
# en: Element-wise product: z1, z2 and z3 hold the same values.
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

# --8<-- [start:in-place-autograd]
w = torch.tensor([1.0, 2.0], requires_grad=True)
# zh: sigmoid 求导时要用到自己的输出 s
# en: sigmoid's backward pass needs its own output s
s = w.sigmoid()
s.mul_(2)  # zh: 原地改写了 s
           # en: overwrites s in place
try:
    s.sum().backward()
except RuntimeError as err:
    print(type(err).__name__, str(err).split(":")[0])

# zh: 换成普通乘法，得到一个新张量，s 本身不动
# en: An ordinary product makes a new tensor and leaves s alone
s = w.sigmoid()
(s * 2).sum().backward()
print(w.grad)
# --8<-- [end:in-place-autograd]

# --8<-- [start:broadcasting]
torch.manual_seed(0)
x = torch.tensor([1.0, 2.0, 3.0])  # zh: 形状 (3,)
                                   # en: shape (3,)
y = torch.rand(5, 3)  # zh: 形状 (5, 3)
                      # en: shape (5, 3)
print(x.shape, y.shape)
print(x + y)  # zh: x 广播成 (5, 3)，加到 y 的每一行上
              # en: x is broadcast to (5, 3): added to every row of y
print((x + y).shape)
# --8<-- [end:broadcasting]

# --8<-- [start:broadcasting-figure]
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle


# zh: 把二维张量画成一格一格的表，左上角在 x=left
# en: Draw a 2-D tensor as a grid of cells, its top-left corner at x=left
def draw_grid(ax, values, left, title, color, real_rows=None, fmt=".2f"):
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            # zh: 广播“补出来”的行画得浅一些，边框用虚线
            # en: Rows added by broadcasting are pale, with dashed edges
            real = real_rows is None or i < real_rows
            ax.add_patch(Rectangle(
                (left + j, -i - 1), 1, 1,
                facecolor=color, alpha=1.0 if real else 0.35,
                edgecolor="black", linestyle="-" if real else "--",
            ))
            text = format(values[i, j].item(), fmt)
            ax.text(left + j + 0.5, -i - 0.5, text, ha="center",
                    va="center", fontsize=9,
                    color="black" if real else "dimgray")
    ax.text(left + cols / 2, 0.4, title, ha="center", fontsize=11)


fig, ax = plt.subplots(figsize=(9, 3.5))
fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
# zh: 只画 x 本身的一行
# en: x itself: a single row
draw_grid(ax, x.view(1, 3), 0, "x  (3,)", "#9ecae1", fmt=".0f")
ax.annotate("", xy=(4.6, -0.5), xytext=(3.3, -0.5),
            arrowprops={"arrowstyle": "->"})
draw_grid(ax, x.expand(5, 3), 5, "x  → (5, 3)", "#9ecae1", 1, ".0f")
ax.text(8.5, -2.5, "+", ha="center", va="center", fontsize=16)
draw_grid(ax, y, 9, "y  (5, 3)", "#fdd0a2")
ax.text(12.5, -2.5, "=", ha="center", va="center", fontsize=16)
draw_grid(ax, x + y, 13, "x + y  (5, 3)", "#c7e9c0")
ax.set_xlim(-0.2, 16.2)
ax.set_ylim(-5.3, 1.0)
ax.set_aspect("equal")
ax.axis("off")
plt.show()
# --8<-- [end:broadcasting-figure]

# --8<-- [start:reshape]
torch.manual_seed(0)
a = torch.randn(4, 4)
b = a.view(16)  # zh: 同样 16 个数，排成一行
                # en: the same 16 numbers as one row
c = a.view(-1, 8)  # zh: -1：这一维由 PyTorch 算出来（2）
                   # en: -1: PyTorch works out this size (2)
print(a)
print(b)
print(c)
print(a.shape, b.shape, c.shape)
# --8<-- [end:reshape]

# --8<-- [start:shared-view]
b[0] = 100.0  # zh: 视图和原张量共用内存
              # en: a view shares memory with the tensor it came from
print(a[0, 0], c[0, 0])
# --8<-- [end:shared-view]

# --8<-- [start:contiguous]
t = torch.arange(6).view(2, 3)
tt = t.T  # zh: 转置不搬数据，只交换步长
          # en: transposing moves no data, it swaps the strides
print(t.stride(), tt.stride())
print(tt.is_contiguous())
try:
    tt.view(6)
except RuntimeError as err:
    print(type(err).__name__, str(err).splitlines()[0])
print(tt.reshape(6))  # zh: reshape 在需要时复制一份
                      # en: reshape copies when it has to
# --8<-- [end:contiguous]

# --8<-- [start:tensor-to-numpy]
t = torch.ones(5)
n = t.numpy()
print(f"t: {t}")
print(f"n: {n}")

t.add_(1)  # zh: 改张量，数组也跟着变
           # en: changing the tensor changes the array too
print(f"t: {t}")
print(f"n: {n}")
# --8<-- [end:tensor-to-numpy]

# --8<-- [start:numpy-to-tensor]
n = np.ones(5)
t = torch.from_numpy(n)

np.add(n, 1, out=n)  # zh: 改数组，张量也跟着变
                     # en: changing the array changes the tensor too
print(f"t: {t}")
print(f"n: {n}")
# --8<-- [end:numpy-to-tensor]
