# --8<-- [start:imports]
import torch
# --8<-- [end:imports]

# --8<-- [start:empty]
# zh: 只分配内存、不写入数值：里面是内存里原有的内容
# en: Memory is allocated but not filled: the values are whatever was there
x = torch.empty(5, 3)
print(x.shape, x.dtype)
# --8<-- [end:empty]

# --8<-- [start:create]
torch.manual_seed(0)
x = torch.rand(5, 3)  # zh: [0, 1) 上的均匀分布
                      # en: uniform random numbers in [0, 1)
print(x)

x = torch.zeros(5, 3, dtype=torch.long)  # zh: 整数类型（int64）
                                         # en: an integer type (int64)
print(x)
# zh: int32 不是默认的整数类型，打印时会标出 dtype
# en: int32 is not the default integer type, so its dtype is printed
print(torch.zeros(3, dtype=torch.int32))

# zh: 直接用 Python 数据创建；整数 3 会变成浮点数
# en: Straight from Python data; the int 3 becomes a float
x = torch.tensor([5.5, 3])
print(x)
print(x.dtype)
# --8<-- [end:create]

# --8<-- [start:arithmetic]
a = torch.ones(2, 2)
b = a + 2  # zh: 标量加到每个元素上
           # en: the scalar is added to every element
c = b * b * 3  # zh: 逐元素相乘，不是矩阵乘法
               # en: element-wise products, not matrix products
print(b)
print(c)
print(c.mean())  # zh: 0 维张量（标量）
                 # en: a tensor with no dimensions (a scalar)
# --8<-- [end:arithmetic]

# --8<-- [start:gpu-check]
print("CUDA available:", torch.cuda.is_available())
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("Using device:", device)
# --8<-- [end:gpu-check]

# --8<-- [start:to-device]
# zh: 没有特别指定时，张量建在 CPU 上
# en: Tensors are created on the CPU unless told otherwise
t = torch.tensor([1.0, 2.0])
print(t.device)
t = t.to(device)  # zh: .to 返回 device 上的张量，要把结果赋回去
                  # en: .to returns a tensor on `device`: assign it
print(t.device)

# zh: 直接建在 device 上，不用复制
# en: Created on `device` directly, no copy
w = torch.tensor([1.0, 2.0], device=device)
print(w.device)
# --8<-- [end:to-device]

# --8<-- [start:model-to-device]
torch.manual_seed(0)
model = torch.nn.Linear(10, 1)
data = torch.randn(100, 10)  # zh: 100 个样本，每个 10 个特征
                             # en: 100 samples with 10 features each

model = model.to(device)  # zh: 移动权重和偏置
                          # en: moves the weight and the bias
data = data.to(device)  # zh: 模型和数据必须在同一个设备上
                        # en: model and data must be on the same device
output = model(data)
print(output.shape, output.device)
# --8<-- [end:model-to-device]

# --8<-- [start:cuda-only]
# zh: 有了这个 if，没有 GPU 的机器也能运行整个文件
# en: The `if` lets the file run on a machine without a GPU too
if torch.cuda.is_available():
    g = torch.tensor([1.0, 2.0], device="cuda")  # zh: 直接建在显存里
                                                 # en: made in GPU memory
    h = (g * 2).cpu()  # zh: 在 GPU 上计算，再复制回 CPU
                       # en: computed on the GPU, copied back to the CPU
    assert g.is_cuda and not h.is_cuda
# --8<-- [end:cuda-only]

# --8<-- [start:track]
# zh: 记录在 x 上做的每一步运算
# en: Record every operation on x
x = torch.ones(2, 2, requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.grad_fn.name())  # zh: 产生 y 的那一步运算
                         # en: the operation that produced y
# --8<-- [end:track]

# --8<-- [start:more-ops]
z = y * y * 3
out = z.mean()
print(z, out)
# --8<-- [end:more-ops]

# --8<-- [start:backward]
# zh: out 是标量，这一行等价于 out.backward(torch.tensor(1.))
# en: out is a scalar, so this is out.backward(torch.tensor(1.))
out.backward()
print(x.grad)  # zh: 即 d(out)/dx
               # en: that is, d(out)/dx
# --8<-- [end:backward]

# --8<-- [start:vjp]
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)

y = x * 2
doublings = 1
# zh: 只读取数值，这次比较不记入计算图
# en: Read the value without recording the comparison
while y.detach().norm() < 1000:
    y = y * 2
    doublings += 1
print(y)
print("doublings:", doublings)

v = torch.tensor([0.1, 1.0, 0.0001])
# zh: y 不是标量：传入向量-雅可比积里的向量 v
# en: y is not a scalar: pass the v of the vector-Jacobian product
y.backward(v)
print(x.grad)
print(x.grad / v)  # zh: 每个元素都是 2 ** doublings
                   # en: every element is 2 ** doublings
# --8<-- [end:vjp]
