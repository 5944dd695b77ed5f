import numpy as np

from mlnotes.nn import collapse_linear
from mlnotes.book.ch3_activations import no_activation_network
from mlnotes.book.i18n import tr

# 2 inputs -> 3 hidden neurons -> 1 output (z4), and NO activation function anywhere:
# Sequential([Dense(2, 3), Dense(3, 1)]), with non-zero biases too (printed below)
net = no_activation_network()

W, b = collapse_linear(net)  # one affine map x -> x W + b with the same outputs
print("W1 =", net.layers[0].params["W"].round(3).tolist(), " b1 =", net.layers[0].params["b"].tolist())
print("W2 =", net.layers[1].params["W"].ravel().round(3).tolist(), " b2 =", net.layers[1].params["b"].tolist())
print("W = W1 @ W2 =", W.ravel().round(4).tolist(), "  b = b1 @ W2 + b2 =", b.round(4).tolist())

X = np.random.default_rng(0).normal(size=(1000, 2))
diff = np.abs(net.forward(X) - (X @ W + b)).max()
print(tr(f"在 {len(X)} 个随机输入上，max |network(x) - (x W + b)| = {diff:.1e}",
         f"max |network(x) - (x W + b)| over {len(X)} random inputs: {diff:.1e}"))
