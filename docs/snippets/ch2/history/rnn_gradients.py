import numpy as np

from mlnotes.nn import tanh, tanh_grad
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

rng = np.random.default_rng(0)
n_hidden, n_in, T = 16, 4, 50
xs = rng.normal(size=(T, n_in))  # one input sequence of 50 steps
U = rng.normal(0, 0.5, size=(n_hidden, n_in))

fig, ax = figure(figsize=(7, 3.8))
rows = []
for scale in (0.5, 0.8, 1.0):
    W = rng.normal(0, scale / np.sqrt(n_hidden), size=(n_hidden, n_hidden))  # small random weights
    h, jacobians = np.zeros(n_hidden), []
    for t in range(T):
        z = W @ h + U @ xs[t]  # h_t = tanh(W h_{t-1} + U x_t)
        h = tanh(z)
        jacobians.append(tanh_grad(z)[:, None] * W)  # dh_t/dh_{t-1} = diag(1 - h_t^2) W
    # dh_T/dh_t = J_T J_{T-1} ... J_{t+1}, accumulated backwards from the last step
    grad, norms = np.eye(n_hidden), []
    for J in reversed(jacobians):
        grad = grad @ J
        norms.append(np.linalg.norm(grad, 2))
    steps = np.arange(1, T + 1)
    ax.semilogy(steps, norms, label=tr(f"权重尺度 {scale}", f"weight scale {scale}"))
    rows.append((scale, norms[9], norms[-1]))
ax.set_xlabel(tr("往回传播的时间步数 T − t", "steps back in time, T − t"))
ax.set_ylabel(r"$\|\partial h_T / \partial h_t\|$")
ax.legend()
print(figure_html(fig, tr("tanh RNN 中梯度随时间反向传播而指数衰减（对数坐标）。",
                                                   "In a tanh RNN the gradient shrinks exponentially as it goes back in time (log scale).")))
print(tr("| 权重尺度 | 往回 10 步 | 往回 50 步 |", "| weight scale | 10 steps back | 50 steps back |"))
print("|---:|---:|---:|")
for scale, n10, n50 in rows:
    print(f"| {scale} | {n10:.1e} | {n50:.1e} |")
