import numpy as np

from mlnotes.nn import Dense, MSELoss, ReLU, Sequential, Sigmoid
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

depth, width = 15, 32
rng = np.random.default_rng(0)
X = rng.normal(size=(128, width))
y = rng.normal(size=(128, 1))


def gradient_norms(activation, init):
    """Norm of dL/dW of every hidden Dense layer (layer 1 = next to the input) after one backward pass."""
    layers = []
    for i in range(depth):
        layers += [Dense(width, width, init=init, random_state=i), activation()]
    net = Sequential(layers + [Dense(width, 1, init=init, random_state=depth)])
    loss = MSELoss()
    loss.forward(net.forward(X), y)
    net.backward(loss.backward())
    return np.array([np.linalg.norm(net.layers[2 * i].grads["W"]) for i in range(depth)])


sig = gradient_norms(Sigmoid, "xavier")
rel = gradient_norms(ReLU, "he")
layer = np.arange(1, depth + 1)

fig, ax = figure(figsize=(6.4, 3.8))
ax.semilogy(layer, sig, "o-", label=tr("Sigmoid（Xavier 初始化）", "sigmoid (Xavier init)"))
ax.semilogy(layer, rel, "s-", label=tr("ReLU（He 初始化）", "ReLU (He init)"))
ax.set_xlabel(tr("第几个隐藏层（1 = 紧挨输入层）", "hidden layer (1 = next to the input)"))
ax.set_ylabel(r"$\|\partial L / \partial W\|$")
ax.set_xticks(layer)
ax.legend()
print(figure_html(fig, tr(
    f"{depth} 层网络中每层权重梯度的大小（对数坐标）。Sigmoid 网络的梯度从输出往输入逐层缩小，"
    f"到第 1 层只剩最后一层的 {sig[0] / sig[-1]:.1e} 倍；ReLU 网络各层梯度最多相差 {rel.max() / rel.min():.1f} 倍。",
    f"Size of the weight gradient of each layer in a {depth}-layer network (log scale). In the sigmoid network the "
    f"gradient shrinks layer by layer on its way back to the input: layer 1 gets {sig[0] / sig[-1]:.1e} times the "
    f"gradient of the last layer. With ReLU the layers' gradients differ by at most a factor of {rel.max() / rel.min():.1f}.")))
print(tr("| 网络 | 第 1 层 | 第 5 层 | 第 10 层 | 第 15 层 | 第 1 层 / 第 15 层 |",
         "| network | layer 1 | layer 5 | layer 10 | layer 15 | layer 1 / layer 15 |"))
print("|---|---:|---:|---:|---:|---:|")
for name, g in (("Sigmoid", sig), ("ReLU", rel)):
    print(f"| {name} | {g[0]:.2e} | {g[4]:.2e} | {g[9]:.2e} | {g[14]:.2e} | {g[0] / g[14]:.1e} |")
