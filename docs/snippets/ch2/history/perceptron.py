import numpy as np
from matplotlib.patches import Circle

from mlnotes.datasets import make_blobs
from mlnotes.nn import Perceptron, step
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas, plot_decision_boundary
from mlnotes.book.render import figure, figure_html

X, y = make_blobs(40, centers=[[0.0, 0.0], [2.0, 1.0]], cluster_std=0.6, random_state=1)
clf = Perceptron(random_state=0).fit(X, y)
w, b = clf.coef_[0], clf.intercept_[0]

fig, (net, unit, data) = figure(1, 3, figsize=(12, 3.4), gridspec_kw={"width_ratios": [1.2, 1, 1]})
# the perceptron: inputs, weights, weighted sum, unit step
for i, yy in enumerate((0.6, -0.6)):
    net.add_patch(Circle((0, yy), 0.22, facecolor="#56B4E9", edgecolor="#2C3E50"))
    net.text(0, yy, f"$x_{i + 1}$", ha="center", va="center")
    net.plot([0.22, 1.55], [yy, 0], color="#7F8C8D")
    net.text(0.3, yy + (0.18 if yy > 0 else -0.3), f"$w_{i + 1}$ = {w[i]:.2f}", fontsize=8)
net.add_patch(Circle((1.85, 0), 0.32, facecolor="#009E73", edgecolor="#2C3E50"))
net.text(1.85, 0, "Σ", ha="center", va="center", color="white", fontsize=12)
net.text(1.85, -0.5, f"+ b = {b:.2f}", ha="center", va="top", fontsize=8)
net.annotate("", xy=(2.9, 0), xytext=(2.17, 0), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
net.add_patch(Circle((3.2, 0), 0.3, facecolor="white", edgecolor="#2C3E50"))
net.plot([3.02, 3.2, 3.2, 3.38], [-0.12, -0.12, 0.12, 0.12], color="#D55E00", linewidth=1.5)
net.annotate("", xy=(4.05, 0), xytext=(3.5, 0), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
net.text(4.1, 0, "0 / 1", va="center", fontsize=10)
canvas(net, (-0.4, 4.8), (-1.0, 1.0))
net.set_title(tr("感知机", "The perceptron"))
# the unit step, evaluated by mlnotes.nn.step
z = np.linspace(-3, 3, 601)
unit.plot(z, step(z), color="C3", linewidth=2)
unit.set_xlabel("$z = w^T x + b$")
unit.set_ylabel(tr("输出", "output"))
unit.set_title(tr("单位阶跃函数", "Unit step function"))
unit.set_yticks([0, 1])
# the decision boundary it learned
plot_decision_boundary(data, clf, X, y)
data.set_title(tr(f"学到的分界线（{clf.n_iter_} 轮收敛）", f"Learned boundary (converged in {clf.n_iter_} epochs)"))
data.set_xlabel("$x_1$")
data.set_ylabel("$x_2$")
print(figure_html(fig, tr("感知机：加权求和后经过单位阶跃函数，输出 0 或 1；右图是它在 40 个点上学到的分界线。",
                                                "The perceptron: a weighted sum through the unit step gives 0 or 1; right, the boundary it learned on 40 points.")))
print(tr("| 轮次 | " + " | ".join(str(i + 1) for i in range(clf.n_iter_)) + " |",
         "| epoch | " + " | ".join(str(i + 1) for i in range(clf.n_iter_)) + " |"))
print("|---" * (clf.n_iter_ + 1) + "|")
print(tr("| 分错（更新）次数 | ", "| mistakes (updates) | ") + " | ".join(str(e) for e in clf.errors_) + " |")
print()
print(tr(f"学到的参数：$w = ({w[0]:.2f}, {w[1]:.2f})$，$b = {b:.2f}$；训练集准确率 {clf.score(X, y):.0%}。",
         f"Learned parameters: $w = ({w[0]:.2f}, {w[1]:.2f})$, $b = {b:.2f}$; training accuracy {clf.score(X, y):.0%}."))
