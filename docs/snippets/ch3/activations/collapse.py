import numpy as np

from mlnotes.nn import Dense, Sequential, collapse_linear
from mlnotes.book.i18n import tr

# 2 inputs -> 3 hidden neurons -> 1 output (z4), and NO activation function anywhere
net = Sequential([Dense(2, 3, random_state=0), Dense(3, 1, random_state=1)])
net.layers[0].params["b"][:] = [0.5, -0.2, 0.1]  # give the biases non-zero values too
net.layers[1].params["b"][:] = [0.3]

W, b = collapse_linear(net)  # one affine map x -> x W + b with the same outputs
print("W1 =", net.layers[0].params["W"].round(3).tolist(), " b1 =", net.layers[0].params["b"].tolist())
print("W2 =", net.layers[1].params["W"].ravel().round(3).tolist(), " b2 =", net.layers[1].params["b"].tolist())
print("W = W1 @ W2 =", W.ravel().round(4).tolist(), "  b = b1 @ W2 + b2 =", b.round(4).tolist())

X = np.random.default_rng(0).normal(size=(1000, 2))
diff = np.abs(net.forward(X) - (X @ W + b)).max()
print(tr(f"在 {len(X)} 个随机输入上，max |network(x) - (x W + b)| = {diff:.1e}",
         f"max |network(x) - (x W + b)| over {len(X)} random inputs: {diff:.1e}"))
