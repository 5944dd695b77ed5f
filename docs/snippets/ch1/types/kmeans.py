import numpy as np

from mlnotes.cluster import KMeans
from mlnotes.datasets import make_blobs
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

X, _ = make_blobs(150, centers=[[-3, 0], [3, 0], [0, 4]], cluster_std=1.1, random_state=0)  # labels thrown away
km = KMeans(n_clusters=3, init="random", n_init=1, random_state=6).fit(X)  # random seeds: a slow start to watch

steps = km.history_  # step t: the centres used, the labels they give, the inertia J
fig, axes = figure(2, 3, figsize=(10, 6.4), sharex=True, sharey=True)
trail = np.stack([step.centers for step in steps])  # (n_steps, k, 2)
for t, (ax, step) in enumerate(zip(axes.ravel(), steps)):
    for k, marker in enumerate("os^"):
        ax.scatter(*X[step.labels == k].T, s=12, marker=marker, color=f"C{k}", alpha=0.7)
    for k in range(3):
        ax.plot(trail[: t + 1, k, 0], trail[: t + 1, k, 1], color="black", lw=1, alpha=0.6)
    ax.scatter(*step.centers.T, s=160, marker="X", color=[f"C{k}" for k in range(3)], edgecolor="black",
               linewidth=1.2, zorder=3)
    ax.set_title(tr(f"初始中心：J = {step.inertia:.0f}", f"initial centres: J = {step.inertia:.0f}") if t == 0 else
                 tr(f"第 {t} 次更新后：J = {step.inertia:.0f}", f"after update {t}: J = {step.inertia:.0f}"))
for ax in axes.ravel()[len(steps):]:
    ax.axis("off")
print(figure_html(fig, tr(
    "K 均值的迭代：把每个点分给最近的中心（颜色），再把中心移到各簇的均值（黑线是中心走过的路）；"
    "J 是各点到所属中心的距离平方和，每一步都不会上升。",
    "K-means step by step: give every point to its nearest centre (colour), then move each centre to the mean "
    "of its cluster (black lines: the centres' paths). J, the sum of squared distances to the centres, "
    "never goes up.")))
print(tr(f"从随机选的 {km.n_clusters} 个初始中心出发，经过 {len(steps) - 1} 次更新后簇不再变化，"
         f"J 从 {steps[0].inertia:.0f} 降到 {km.inertia_:.0f}。",
         f"Starting from {km.n_clusters} randomly chosen centres, the clusters stop changing after "
         f"{len(steps) - 1} updates, and J falls from {steps[0].inertia:.0f} to {km.inertia_:.0f}."))
