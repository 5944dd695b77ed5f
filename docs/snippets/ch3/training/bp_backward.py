import numpy as np

from mlnotes.nn import MSELoss, sigmoid
from mlnotes.book.ch3_training import worked_example, worked_network
from mlnotes.book.i18n import tr

x, t, W1, b1, W2, b2 = worked_example()
a1 = sigmoid(x @ W1 + b1)  # forward pass (previous block)
a2 = sigmoid(a1 @ W2 + b2)

# backward pass by hand, with the chain rule, from the output back to the input
dL_da2 = 2 * (a2 - t)                 # L = (a2 - t)^2
delta2 = dL_da2 * a2 * (1 - a2)       # dL/dz2, using sigma'(z) = a (1 - a)
dW2 = np.outer(a1, delta2)            # dL/dW2[j] = a1[j] * delta2
db2 = delta2
delta1 = (W2 @ delta2) * a1 * (1 - a1)  # dL/dz1: the error sent back through W2
dW1 = np.outer(x, delta1)             # dL/dW1[i, j] = x[i] * delta1[j]
db1 = delta1

# the same network in mlnotes, Sequential([Dense(2, 2), Sigmoid(), Dense(2, 1), Sigmoid()]):
# its Dense layers 0 and 2 hold W1, b1 and W2, b2, and backward() fills their grads
net = worked_network()
loss = MSELoss()
loss.forward(net.forward(x[None, :]), np.array([[t]]))
net.backward(loss.backward())
lib = net.grads

print(tr("| 量 | 链式法则 | 手算 | 库的反向传播 |", "| quantity | chain rule | by hand | library backprop |"))
print("|---|---|---:|---:|")
print(f"| $\\delta_o = \\partial L/\\partial z_o$ | $2(o - t)\\,o(1 - o)$ | {delta2[0]:.5f} | |")
for j in range(2):
    print(f"| $\\partial L/\\partial v_{j + 1}$ | $\\delta_o h_{j + 1}$ | {dW2[j, 0]:.5f} | {lib['2.W'][j, 0]:.5f} |")
print(f"| $\\partial L/\\partial b_o$ | $\\delta_o$ | {db2[0]:.5f} | {lib['2.b'][0]:.5f} |")
for j in range(2):
    print(f"| $\\delta_{{h{j + 1}}}$ | $\\delta_o v_{j + 1}\\,h_{j + 1}(1 - h_{j + 1})$ | {delta1[j]:.5f} | |")
for i in range(2):
    for j in range(2):
        print(f"| $\\partial L/\\partial w_{{{i + 1}{j + 1}}}$ | $\\delta_{{h{j + 1}}} x_{i + 1}$ | {dW1[i, j]:.5f} | {lib['0.W'][i, j]:.5f} |")
for j in range(2):
    print(f"| $\\partial L/\\partial b_{{h{j + 1}}}$ | $\\delta_{{h{j + 1}}}$ | {db1[j]:.5f} | {lib['0.b'][j]:.5f} |")
worst = max(np.abs(dW1 - lib["0.W"]).max(), np.abs(dW2 - lib["2.W"]).max(),
            np.abs(db1 - lib["0.b"]).max(), np.abs(db2 - lib["2.b"]).max())
print()
print(tr(f"手算与库的结果最大相差 {worst:.1e}。", f"Hand and library results differ by at most {worst:.1e}."))
