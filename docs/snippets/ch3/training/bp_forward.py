from mlnotes.nn import sigmoid
from mlnotes.book.ch3_training import worked_example
from mlnotes.book.i18n import tr

x, t, W1, b1, W2, b2 = worked_example()  # the numbers of the figure: hidden w_ij, b_hj; output v_j, b_o

z1 = x @ W1 + b1          # hidden pre-activations, shape (2,)
a1 = sigmoid(z1)          # hidden outputs h_1, h_2
z2 = a1 @ W2 + b2         # output pre-activation, shape (1,)
a2 = sigmoid(z2)          # the network's output o
L = float((a2[0] - t) ** 2)


def num(v, digits=None):
    """A number for the table, negative ones in parentheses."""
    s = f"{v:.{digits}f}" if digits else f"{v:g}"
    return f"({s})" if v < 0 else s


print(tr("| 神经元 | z = Σ 权重·输入 + b | a = σ(z) |", "| neuron | z = Σ weight·input + b | a = σ(z) |"))
print("|---|---|---:|")
for j in range(2):
    terms = " + ".join(f"{num(W1[i, j])}·{num(x[i])}" for i in range(2))
    print(f"| $h_{j + 1}$ | {terms} + {num(b1[j])} = {z1[j]:.4f} | {a1[j]:.4f} |")
terms = " + ".join(f"{num(W2[j, 0])}·{num(a1[j], 4)}" for j in range(2))
print(f"| $o$ | {terms} + {num(b2[0])} = {z2[0]:.4f} | {a2[0]:.4f} |")
print()
print(tr("损失", "Loss") + f" $L = (o - t)^2 = ({a2[0]:.4f} - {t:g})^2 = {L:.4f}$")
