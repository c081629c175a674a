# --8<-- [start:imports]
import torch
# --8<-- [end:imports]

# --8<-- [start:zeros]
z = torch.zeros(5, 3)  # zh: 5×3 的全零矩阵
                       # en: a 5x3 matrix filled with zeros
print(z)
print(z.dtype)  # zh: 浮点张量的默认类型
                # en: the default dtype of floating-point tensors
# --8<-- [end:zeros]

# --8<-- [start:ones-int16]
# zh: 用 dtype 覆盖默认类型
# en: override the default dtype
i = torch.ones((5, 3), dtype=torch.int16)
print(i)
# --8<-- [end:ones-int16]

# --8<-- [start:seed]
torch.manual_seed(1729)
r1 = torch.rand(2, 2)
print("A random tensor:")
print(r1)

r2 = torch.rand(2, 2)  # zh: 生成器接着往下走，得到新的值
                       # en: the generator moves on: new values
print("\nA different random tensor:")
print(r2)

torch.manual_seed(1729)  # zh: 回到同一序列的起点
                         # en: back to the start of the same sequence
r3 = torch.rand(2, 2)
print("\nShould match r1:")
print(r3)

print("\nr3 equals r1:", torch.equal(r3, r1))
print("r2 equals r1:", torch.equal(r2, r1))
# --8<-- [end:seed]

# --8<-- [start:arithmetic]
ones = torch.ones(2, 3)
print(ones)

twos = torch.ones(2, 3) * 2  # zh: 标量乘到每个元素上
                             # en: the scalar multiplies every element
print(twos)

threes = ones + twos  # zh: 可以相加：两个形状都是 (2, 3)
                      # en: allowed: both shapes are (2, 3)
print(threes)  # zh: 逐元素相加
               # en: added element by element
print(threes.shape)  # zh: 形状与输入相同
                     # en: the same shape as the inputs
# --8<-- [end:arithmetic]

# --8<-- [start:shape-error]
torch.manual_seed(1729)
r1 = torch.rand(2, 3)
r2 = torch.rand(3, 2)  # zh: 同样是 6 个元素，但形状不同
                       # en: six elements too, but a different shape
try:
    r3 = r1 + r2
except RuntimeError as error:
    print(error)
# --8<-- [end:shape-error]

# --8<-- [start:broadcasting]
m = torch.ones(2, 3)
row = torch.tensor([10.0, 20.0, 30.0])  # zh: 形状 (3,)，当作 (1, 3)
                                        # en: shape (3,): acts as (1, 3)
col = torch.tensor([[100.0], [200.0]])  # zh: 形状 (2, 1)
                                        # en: shape (2, 1)
print(m + row)  # zh: 这一行加到 2 行中的每一行
                # en: the row is added to each of the 2 rows
print(m + col)  # zh: 这一列加到 3 列中的每一列
                # en: the column is added to each of the 3 columns
print((row + col).shape)  # zh: (3,) 和 (2, 1) 得到 (2, 3)
                          # en: (3,) with (2, 1) gives (2, 3)
print((r1 + r2.T).shape)  # zh: 把 r2 转置后形状就对上了
                          # en: transposing r2 makes the shapes match
# --8<-- [end:broadcasting]

# --8<-- [start:random-matrix]
torch.manual_seed(1)
r = (torch.rand(2, 2) - 0.5) * 2  # zh: 元素落在 [-1, 1) 内
                                  # en: values in [-1, 1)
print("A random matrix, r:")
print(r)
# --8<-- [end:random-matrix]

# --8<-- [start:elementwise]
print("Absolute value of r:")
print(torch.abs(r))

print("\nInverse sine of r:")
print(torch.asin(r))  # zh: 定义域是 [-1, 1]，超出就得到 nan
                      # en: defined on [-1, 1]; nan outside it
# --8<-- [end:elementwise]

# --8<-- [start:determinant]
print("Determinant of r:")
print(torch.det(r))
print("By hand:", r[0, 0] * r[1, 1] - r[0, 1] * r[1, 0])
# --8<-- [end:determinant]

# --8<-- [start:svd]
svd = torch.linalg.svd(r)  # zh: 返回 U、S 和 Vh（V 的转置）
                           # en: returns U, S and Vh (V transposed)
print("Singular value decomposition of r:")
print(svd)

U, S, Vh = svd
rebuilt = U @ torch.diag(S) @ Vh
print("\nU @ diag(S) @ Vh == r:", torch.allclose(rebuilt, r))
# --8<-- [end:svd]

# --8<-- [start:statistics]
print("Standard deviation and mean of r:")
print(torch.std_mean(r))  # zh: 一个元组：(标准差, 平均值)，顺序固定
                          # en: a tuple: (std, mean), in that order
std, mean = torch.std_mean(r)
print(f"std = {std:.4f}, mean = {mean:.4f}")

print("\nMaximum value of r:")
print(torch.max(r))
# --8<-- [end:statistics]
