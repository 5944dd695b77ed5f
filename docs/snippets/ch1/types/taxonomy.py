from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

families = [  # (name, colour, algorithms)
    (tr("监督学习\nSupervised Learning", "supervised\nlearning"), "#DCEBF7", [
        tr("K 近邻（KNN）", "k-nearest neighbours (KNN)"), tr("线性回归", "linear regression"),
        tr("逻辑回归", "logistic regression"), tr("支持向量机（SVM）", "support vector machine (SVM)"),
        tr("朴素贝叶斯", "naive Bayes"), tr("决策树", "decision tree"),
        tr("随机森林", "random forest"), tr("神经网络", "neural network")]),
    (tr("无监督学习\nUnsupervised Learning", "unsupervised\nlearning"), "#D9EAD3", [
        tr("K 均值聚类（K-Means）", "k-means clustering"), tr("密度聚类（DBSCAN）", "density-based clustering (DBSCAN)"),
        tr("主成分分析（PCA）", "principal component analysis (PCA)")]),
    (tr("强化学习\nReinforcement Learning", "reinforcement\nlearning"), "#FCE5CD", [
        "Q-learning", "SARSA", tr("深度 Q 网络（DQN）", "deep Q-network (DQN)"),
        tr("深度确定性策略梯度（DDPG）", "deep deterministic policy gradient (DDPG)")]),
]


def box(ax, x, y, text, color, ha="center", size=10):
    ax.text(x, y, text, ha=ha, va="center", fontsize=size, zorder=3,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": color, "edgecolor": "#34495E", "linewidth": 0.9})


fig, ax = figure(figsize=(8.5, 6.2))
x_root, x_family, x_leaf = 0.0, 2.6, 5.0
y, family_ys = 0.0, []
for name, color, algos in families:
    ys = [y - i for i in range(len(algos))]
    y_family = sum(ys) / len(ys)
    family_ys.append(y_family)
    box(ax, x_family, y_family, name, color, size=11)
    x_mid = (x_family + x_leaf) / 2 + 0.35
    ax.plot([x_family + 0.9, x_mid], [y_family, y_family], color="#34495E", lw=1)
    ax.plot([x_mid, x_mid], [ys[0], ys[-1]], color="#34495E", lw=1)
    for y_leaf, algo in zip(ys, algos):
        ax.plot([x_mid, x_leaf - 0.1], [y_leaf, y_leaf], color="#34495E", lw=1)
        box(ax, x_leaf, y_leaf, algo, color, ha="left")
    y -= len(algos) + 0.8
y_root = sum(family_ys) / len(family_ys)
box(ax, x_root, y_root, tr("机器学习", "machine\nlearning"), "#F4CCCC", size=12)
x_split = (x_root + x_family) / 2
ax.plot([x_root + 0.6, x_split], [y_root, y_root], color="#34495E", lw=1)
ax.plot([x_split, x_split], [family_ys[0], family_ys[-1]], color="#34495E", lw=1)
for y_family in family_ys:
    ax.plot([x_split, x_family - 0.9], [y_family, y_family], color="#34495E", lw=1)
ax.set_xlim(-0.8, 9.5)
ax.set_ylim(y + 0.3, 0.8)
ax.axis("off")
print(figure_html(fig, tr("机器学习的三大类及各自的常用算法（本页对每个算法都运行了代码）。",
                                           "The three kinds of machine learning and their common algorithms "
                                           "(each of them runs on this page).")))
