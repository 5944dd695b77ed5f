import numpy as np

from mlnotes.cluster import DBSCAN, KMeans
from mlnotes.datasets import make_moons
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

X, moon = make_moons(300, noise=0.07, random_state=0)  # `moon` is only used to score the result
results = {
    tr("K 均值（k = 2）", "k-means (k = 2)"): KMeans(n_clusters=2, random_state=0).fit(X).labels_,
    tr("DBSCAN（eps = 0.2）", "DBSCAN (eps = 0.2)"): DBSCAN(eps=0.2, min_samples=5).fit(X).labels_,
}


def agreement(labels, truth):
    """Share of points whose cluster, matched to the moon it mostly covers, is their true moon."""
    hits = sum(np.bincount(truth[labels == c]).max() for c in np.unique(labels) if c != -1)
    return hits / len(truth)


fig, axes = figure(1, 3, figsize=(10, 3.3), sharex=True, sharey=True)
axes[0].scatter(*X.T, s=10, color="#7F8C8D")
axes[0].set_title(tr("输入：没有标签的点", "input: points without labels"))
rows = []
for ax, (name, labels) in zip(axes[1:], results.items()):
    for k in np.unique(labels):
        pts = X[labels == k]
        if k == -1:
            ax.scatter(*pts.T, s=18, marker="x", color="black", label=tr("噪声", "noise"))
        else:
            ax.scatter(*pts.T, s=10, color=f"C{k}")
    ax.set_title(name)
    n_clusters = len(set(labels) - {-1})
    rows.append((name, n_clusters, int(np.sum(labels == -1)), agreement(labels, moon)))
if rows[-1][2]:  # DBSCAN marked some points as noise
    axes[2].legend(loc="lower left", fontsize=8)
print(figure_html(fig, tr(
    "两个月牙：K 均值按离哪个中心近来分，两簇之间的分界只能是一条直线，于是把月牙拦腰切开；DBSCAN 顺着密集的点连成片，找回了两个月牙。",
    "Two moons: k-means gives each point to the nearer centre, so the border between its two clusters is a straight line that cuts the moons apart; DBSCAN links up "
    "dense points and recovers both moons.")))
print(tr("| 方法 | 找到的簇 | 噪声点 | 与真实月牙一致的比例 |", "| method | clusters found | noise points | agreement with the true moons |"))
print("|---|---:|---:|---:|")
for name, n_clusters, n_noise, agree in rows:
    print(f"| {name} | {n_clusters} | {n_noise} | {agree:.1%} |")
