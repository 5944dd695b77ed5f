import numpy as np

from mlnotes.nn import Dense, Sequential, collapse_linear
from mlnotes.book.i18n import tr

# 2 -> 3 -> 4 -> 1: three Dense layers and still no activation function
net = Sequential([Dense(2, 3, random_state=0), Dense(3, 4, random_state=1), Dense(4, 1, random_state=2)])
for i, layer in enumerate(net.layers):
    layer.params["b"][:] = 0.1 * (i + 1)  # non-zero biases

W, b = collapse_linear(net)
X = np.random.default_rng(0).normal(size=(1000, 2))
diff = np.abs(net.forward(X) - (X @ W + b)).max()
n_before = sum(p.size for layer in net.layers for p in layer.params.values())
n_after = W.size + b.size
print(tr(f"合并后：W = {W.ravel().round(4).tolist()}，b = {b.round(4).tolist()}",
         f"merged: W = {W.ravel().round(4).tolist()}, b = {b.round(4).tolist()}"))
print(tr(f"在 {len(X)} 个随机输入上，max |network(x) - (x W + b)| = {diff:.1e}",
         f"max |network(x) - (x W + b)| over {len(X)} random inputs: {diff:.1e}"))
print(tr(f"参数个数：合并前 {n_before}，合并后 {n_after}", f"parameters: {n_before} before, {n_after} after"))
