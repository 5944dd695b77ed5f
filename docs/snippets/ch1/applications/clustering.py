import numpy as np

from mlnotes.cluster import KMeans
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# 300 simulated phone users, two features per user (no labels!):
#   column 0: mobile data used per month (GB), column 1: minutes of calls per month after 22:00
rng = np.random.default_rng(0)
groups = [((4, 30), (2, 12), 120), ((25, 40), (5, 15), 90), ((6, 220), (3, 40), 90)]  # hidden truth: mean, std, size
X = np.vstack([rng.normal(mean, std, size=(n, 2)) for mean, std, n in groups]).clip(min=0)

Z = (X - X.mean(axis=0)) / X.std(axis=0)  # standardise: GB and minutes are on different scales
km = KMeans(n_clusters=3, random_state=0).fit(Z)
centers = km.cluster_centers_ * X.std(axis=0) + X.mean(axis=0)  # back to GB and minutes

names = {}
names[int(np.argmax(centers[:, 0]))] = tr("爱上网", "heavy data users")
names[int(np.argmax(centers[:, 1]))] = tr("爱夜间通话", "night-time callers")
for k in range(3):
    names.setdefault(k, tr("轻度用户", "light users"))
sizes = np.bincount(km.labels_, minlength=3)

print(tr("| 用户群 | 人数 | 平均月流量（GB） | 平均夜间通话（分钟/月） |",
         "| segment | users | mean data (GB/month) | mean night calls (min/month) |"))
print("|---|---:|---:|---:|")
for k in np.argsort(-sizes):
    print(f"| {names[k]} | {sizes[k]} | {centers[k, 0]:.1f} | {centers[k, 1]:.0f} |")
print()

fig, ax = figure()
for k in range(3):
    pts = X[km.labels_ == k]
    ax.scatter(pts[:, 0], pts[:, 1], s=12, color=f"C{k}", label=names[k])
ax.scatter(centers[:, 0], centers[:, 1], marker="X", s=160, color="black", label=tr("簇中心", "cluster centres"))
ax.set_xlabel(tr("月上网流量（GB）", "mobile data per month (GB)"))
ax.set_ylabel(tr("夜间通话时长（分钟/月）", "night-time calls (min/month)"))
ax.legend()
print(figure_html(fig, tr(
    "K 均值按通话和上网行为把用户分成 3 群（模拟数据，训练时没有任何标签）。",
    "K-means splits phone users into 3 segments by how they call and browse (simulated data, no labels given).")))
