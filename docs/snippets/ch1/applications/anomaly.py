import numpy as np

from mlnotes.anomaly import IsolationForest, ZScoreDetector
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

rng = np.random.default_rng(0)
groups = {  # the notes' picture: two normal regions N1, N2, two lone points O1, O2 and a small group O3
    "N1": rng.normal((2, 2), 0.6, size=(150, 2)),
    "N2": rng.normal((7, 7), 0.6, size=(150, 2)),
    "O1": np.array([[6.0, 2.5]]),
    "O2": np.array([[1.5, 7.5]]),
    "O3": rng.normal((9.5, 1.5), 0.15, size=(8, 2)),
}
X = np.vstack(list(groups.values()))
group = np.repeat(list(groups), [len(g) for g in groups.values()])

detectors = {
    tr("Z 分数（阈值 3）", "z-score (threshold 3)"): ZScoreDetector(threshold=3.0).fit(X),
    tr("孤立森林（5% 异常）", "isolation forest (5 % outliers)"):
        IsolationForest(contamination=0.05, random_state=0).fit(X),
}
scores = {name: d.score_samples(X) for name, d in detectors.items()}  # lower = more abnormal
flagged = {name: d.predict(X) == -1 for name, d in detectors.items()}

names = list(detectors)
print(tr("| 区域 | 点数 | Z 分数：平均分 | Z 分数：判为异常 | 孤立森林：平均分 | 孤立森林：判为异常 |",
         "| region | points | z-score: mean score | z-score: flagged | forest: mean score | forest: flagged |"))
print("|---|---:|" + "---:|---:|" * len(names))
for g in groups:
    cells = " | ".join(f"{scores[n][group == g].mean():.2f} | {flagged[n][group == g].sum()}" for n in names)
    print(f"| {g} | {(group == g).sum()} | {cells} |")
print()
z, forest = names
lowest = group[np.argsort(scores[z])[:8]]  # the 8 points the z-score finds most abnormal
print(tr(
    f"Z 分数最低的 8 个点中有 {np.sum(lowest == 'O3')} 个属于 O3，但 |z| 超过阈值、被判为异常的点数为 {flagged[z].sum()}；"
    f"O1 的分数（{scores[z][group == 'O1'][0]:.2f}）比 N1 的平均分数（{scores[z][group == 'N1'].mean():.2f}）还高。"
    f"孤立森林判定 O1 {flagged[forest][group == 'O1'].sum()}/1、O2 {flagged[forest][group == 'O2'].sum()}/1、"
    f"O3 {flagged[forest][group == 'O3'].sum()}/8 为异常，另外还误报了 N1、N2 中的 "
    f"{flagged[forest][np.isin(group, ['N1', 'N2'])].sum()} 个点。",
    f"Of the 8 points with the lowest z-scores, {np.sum(lowest == 'O3')} belong to O3, yet the number of points "
    f"past the threshold, and so flagged, is {flagged[z].sum()}; O1 even scores higher ({scores[z][group == 'O1'][0]:.2f}) than N1 on "
    f"average ({scores[z][group == 'N1'].mean():.2f}). The isolation forest flags O1 {flagged[forest][group == 'O1'].sum()}/1, "
    f"O2 {flagged[forest][group == 'O2'].sum()}/1 and O3 {flagged[forest][group == 'O3'].sum()}/8, plus "
    f"{flagged[forest][np.isin(group, ['N1', 'N2'])].sum()} false alarms in N1 and N2."))
print()

fig, axes = figure(1, 2, figsize=(10, 4.2))
g0, g1 = np.meshgrid(np.linspace(-0.5, 11, 80), np.linspace(-0.5, 10, 80))
grid = np.column_stack([g0.ravel(), g1.ravel()])
label_at = {"N1": (3.4, 0.0), "N2": (8.2, 9.0), "O1": (4.6, 4.0), "O2": (0.0, 9.0), "O3": (8.6, 3.4)}
for ax, (name, det) in zip(axes, detectors.items()):
    cs = ax.contourf(g0, g1, det.score_samples(grid).reshape(g0.shape), levels=12, cmap="RdYlBu", alpha=0.6)
    fig.colorbar(cs, ax=ax, label=tr("分数（越低越异常）", "score (lower = more abnormal)"))
    ax.scatter(X[:, 0], X[:, 1], s=8, color="black")
    ax.scatter(X[flagged[name], 0], X[flagged[name], 1], s=90, facecolor="none", edgecolor="red", linewidth=1.3,
               label=tr("判为异常", "flagged as outlier"))
    for g, pts in groups.items():
        n_out = flagged[name][group == g].sum()
        ax.annotate(f"{g}: {n_out}/{len(pts)}", pts.mean(axis=0), xytext=label_at[g], fontsize=9,
                    arrowprops={"arrowstyle": "-", "color": "#34495E", "linewidth": 0.8},
                    bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.9})
    ax.set_title(name, fontsize=10)
    ax.legend(loc="upper center", fontsize=8)
print(figure_html(fig, tr(
    "两个真实的检测器给出的异常分数（背景颜色）和判定（红圈）；标签“区域: 判为异常的点数/总点数”。",
    "Anomaly scores (background) and verdicts (red circles) of two real detectors; "
    "each label reads \"region: points flagged / points\".")))
