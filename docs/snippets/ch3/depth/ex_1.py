from mlnotes.nn import Dense, Sequential
from mlnotes.book.i18n import tr


def n_params(hidden, n_in=2, n_out=1):
    """Weights and biases of an MLP: every layer has (inputs + 1) * outputs parameters."""
    sizes = [n_in, *hidden, n_out]
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def n_params_built(hidden, n_in=2, n_out=1):
    """The same count, read off a network built from Dense layers."""
    sizes = [n_in, *hidden, n_out]
    net = Sequential([Dense(a, b, random_state=0) for a, b in zip(sizes[:-1], sizes[1:])])
    return sum(p.size for p in net.params.values())


counts = {}
print(tr("| 隐藏层 | 公式 | 实际网络 |", "| hidden layers | formula | built network |"))
print("|---|---:|---:|")
for hidden in [(220,), (27, 27), (16, 16, 16, 16), (16,) * 8]:
    counts[hidden] = (n_params(hidden), n_params_built(hidden))
    print(f"| {len(hidden)} × {hidden[0]} | {counts[hidden][0]} | {counts[hidden][1]} |")
print()
width = 1
while n_params((width,)) < n_params((16,) * 8):
    width += 1
print(tr(f"参数不少于 8 × 16 网络的最窄单隐藏层：{width} 个神经元",
         f"narrowest single hidden layer with at least as many parameters as 8 × 16: {width} neurons"))
