import numpy as np

from mlnotes.nn import sigmoid, tanh
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

rng = np.random.default_rng(0)
n_hidden, n_in, T = 16, 4, 50
xs = rng.normal(size=(T, n_in))  # the same kind of 50-step input sequence as for the RNN
fig, ax = figure(figsize=(7, 3.6))
print(tr("| 遗忘门偏置 $b_f$ | 遗忘门平均值 | 往回 50 步 |", "| forget-gate bias $b_f$ | mean forget gate | 50 steps back |"))
print("|---:|---:|---:|")
# small random weights for the four gates, acting on [h_{t-1}, x_t]; only the forget-gate bias changes
W = {g: rng.normal(0, 1.0 / np.sqrt(n_hidden + n_in), size=(n_hidden, n_hidden + n_in)) for g in "figo"}
for b_f in (0.0, 1.0, 3.0):
    h, c, forget = np.zeros(n_hidden), np.zeros(n_hidden), []
    for t in range(T):
        v = np.concatenate([h, xs[t]])
        f, i = sigmoid(W["f"] @ v + b_f), sigmoid(W["i"] @ v)
        g, o = tanh(W["g"] @ v), sigmoid(W["o"] @ v)
        c = f * c + i * g  # c_t = f_t * c_{t-1} + i_t * g_t
        h = o * tanh(c)
        forget.append(f)
    # along the cell state, dc_T/dc_t = diag(f_T * f_{T-1} * ... * f_{t+1}); its norm is the largest entry
    norms = np.cumprod(np.array(forget[::-1]), axis=0).max(axis=1)
    ax.semilogy(np.arange(1, T + 1), norms, label=f"$b_f$ = {b_f:g}")
    print(f"| {b_f:g} | {np.mean(forget):.2f} | {norms[-1]:.1e} |")
print()
ax.set_xlabel(tr("往回传播的时间步数 T − t", "steps back in time, T − t"))
ax.set_ylabel(r"$\|\partial c_T / \partial c_t\|$")
ax.set_title(tr("沿细胞状态往回传的梯度", "Gradient carried back along the cell state"))
ax.legend()
print(figure_html(fig, tr("LSTM 沿细胞状态的梯度：遗忘门接近 1 时，50 步之后仍然没有消失。",
                                                 "An LSTM's gradient along the cell state: with forget gates near 1 it survives 50 steps.")))
n_lstm = 4 * (n_hidden * (n_hidden + n_in) + n_hidden)  # four gates, each with weights and a bias
n_gru = 3 * (n_hidden * (n_hidden + n_in) + n_hidden)  # GRU: update gate, reset gate, candidate
print(tr(f"参数量：{n_hidden} 个隐藏单元、{n_in} 维输入时，LSTM 有 {n_lstm} 个参数，同样大小的 GRU 只有 {n_gru} 个。",
         f"Size: with {n_hidden} hidden units and {n_in} inputs an LSTM has {n_lstm} parameters; a GRU of the same size has {n_gru}."))
