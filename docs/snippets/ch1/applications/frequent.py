from itertools import combinations

from mlnotes.association import apriori, support_count
from mlnotes.book.data import load_market_baskets
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

baskets = load_market_baskets()
frequent = apriori(baskets, min_support=0.4)   # minsup = 40 %: at least 2 of the 5 transactions

print(tr("| k | 频繁项集 | σ | 支持度 |", "| k | frequent itemset | σ | support |"))
print("|---:|---|---:|---:|")
for itemset, s in frequent.items():
    print(f"| {len(itemset)} | `{{{', '.join(sorted(itemset))}}}` | {support_count(baskets, itemset)} | {s:.1f} |")
print()

# the lattice of all itemsets of the five items; frequent ones in blue
items = sorted({item for basket in baskets for item in basket} - {"Eggs"})  # Eggs (σ = 1) left out to save space
fig, ax = figure(figsize=(10, 7.6))
pos, rows = {}, [0.0, -1.4, -3.1, -5.2, -7.6]  # row heights grow with the number of items per box
for k in range(1, len(items) + 1):
    level = list(combinations(items, k))
    for i, combo in enumerate(level):
        pos[frozenset(combo)] = ((i - (len(level) - 1) / 2) * 1.1, rows[k - 1])
for s, (x, y) in pos.items():
    for t, (x2, y2) in pos.items():
        if len(t) == len(s) + 1 and s < t:
            ax.plot([x, x2], [y, y2], color="#BDC3C7", linewidth=0.6, zorder=1)
for s, (x, y) in pos.items():
    is_frequent = s in frequent
    ax.text(x, y, "\n".join(sorted(s)) + f"\nσ = {support_count(baskets, s)}", ha="center", va="center", fontsize=9,
            zorder=2, bbox={"boxstyle": "round,pad=0.3", "edgecolor": "#34495E",
                            "facecolor": "#9FC5E8" if is_frequent else "#EEEEEE"})
ax.set_xlim(-5.6, 5.6)
ax.set_ylim(-8.5, 0.5)
ax.axis("off")
n_freq = sum(1 for s in pos if s in frequent)
print(figure_html(fig, tr(
    f"五种商品（Eggs 只出现一次，略去）的全部 {len(pos)} 个项集，蓝色的 {n_freq} 个是频繁项集（σ ≥ 2，即支持度 ≥ 0.4）。"
    "一个项集不频繁，包含它的更大项集也一定不频繁：这就是 Apriori 算法剪枝的依据。",
    f"All {len(pos)} itemsets of five items (Eggs, bought once, left out); the {n_freq} in blue are frequent (σ ≥ 2, support ≥ 0.4). "
    "A superset of an infrequent itemset is infrequent too: the pruning rule of Apriori.")))
