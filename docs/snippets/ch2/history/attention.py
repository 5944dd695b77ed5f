import numpy as np

from mlnotes.nn import softmax
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

tokens = ["the", "cat", "sat", "on", "the", "mat", "because", "it", "was", "tired"]
# hand-made 5-d embeddings: (animal, thing, action, state, function word)
E = np.array([
    [0, 0, 0, 0, 1], [2, 0, 0, 0, 0], [0, 0, 2, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 0, 1],
    [0, 2, 0, 0, 0], [0, 0, 0, 0, 1], [1.5, 0.5, 0, 0, 0.3], [0, 0, 0.5, 0, 0.5], [0.8, 0, 0, 2, 0],
])
d = E.shape[1]
W_q, W_k, W_v = np.eye(d), np.eye(d), np.eye(d)  # identity projections keep the toy readable
Q, K, V = E @ W_q, E @ W_k, E @ W_v
A = softmax(Q @ K.T / np.sqrt(d), axis=1)  # attention weights: each row sums to 1
out = A @ V  # every token's new representation: a weighted mix of all value vectors

fig, ax = figure(figsize=(6.4, 5.4))
im = ax.imshow(A, cmap="Blues", vmin=0, vmax=A.max())
for (r, c), a in np.ndenumerate(A):
    ax.text(c, r, f"{a:.2f}", ha="center", va="center", fontsize=7, color="white" if a > 0.5 * A.max() else "black")
ax.set_xticks(range(len(tokens)), tokens, rotation=45, ha="right")
ax.set_yticks(range(len(tokens)), tokens)
ax.set_xlabel(tr("被关注的词（Key）", "attended word (key)"))
ax.set_ylabel(tr("当前词（Query）", "current word (query)"))
ax.grid(False)
fig.colorbar(im, ax=ax, shrink=0.8)
print(figure_html(fig, tr("一句话的自注意力权重 softmax(QKᵀ/√d)：每一行是一个词分给所有词的注意力。",
                                               "Self-attention weights softmax(QKᵀ/√d) of a sentence: each row is how one word spreads its attention.")))
it = tokens.index("it")
best = int(np.argmax(A[it]))
assert np.allclose(A.sum(axis=1), 1.0)  # each row is a probability distribution
print(tr(f"每一行的和都是 1。代词 “it” 把最多的注意力"
         f"（{A[it, best]:.2f}）给了 “{tokens[best]}”，所以它的新表示 `out[{it}]` 里混入了最多的 “{tokens[best]}” 的信息。",
         f"Every row sums to 1. The pronoun “it” gives most of its "
         f"attention ({A[it, best]:.2f}) to “{tokens[best]}”, so its new representation `out[{it}]` mixes in most of "
         f"“{tokens[best]}”."))
