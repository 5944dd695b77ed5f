import numpy as np

from mlnotes.book.data import load_market_baskets
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

baskets = load_market_baskets()
print(tr("| 交易编号 TID | 购买的商品 |", "| TID | items bought |"))
print("|---|---|")
for i, basket in enumerate(baskets, start=1):
    print(f"| {i} | {', '.join(basket)} |")
print()

items = ["Bread", "Milk", "Diaper", "Beer", "Eggs", "Coke"]
B = np.array([[item in basket for item in items] for basket in baskets])  # (transactions, items)
fig, ax = figure(figsize=(6.4, 3.2))
ax.imshow(B, cmap="Blues", vmin=0, vmax=1.6, aspect="auto")
for (r, c), v in np.ndenumerate(B):
    ax.text(c, r, "✓" if v else "", ha="center", va="center", fontsize=12, color="white")
ax.set_xticks(range(len(items)), [f"{item}\nσ = {n}" for item, n in zip(items, B.sum(axis=0))])
ax.set_yticks(range(len(baskets)), [f"T{i}" for i in range(1, len(baskets) + 1)])
ax.set_xticks(np.arange(len(items) + 1) - 0.5, minor=True)
ax.set_yticks(np.arange(len(baskets) + 1) - 0.5, minor=True)
ax.grid(False)
ax.grid(which="minor", color="white", linewidth=2)
ax.tick_params(which="minor", length=0)
print(figure_html(fig, tr(
    "购物篮数据：每行一笔交易，每列一种商品；商品名下方是它的支持数量 σ。",
    "Market baskets: one row per transaction, one column per item; under each item, its support count σ.")))
