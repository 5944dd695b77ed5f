import warnings

import numpy as np

from mlnotes.model_selection import train_test_split
from mlnotes.nn import Perceptron
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# Synthetic customers (one row each), with the notes' input neurons:
#   X1 complaints (count), X2 order total (thousand yuan), X3 support hours, Xn company capital (million yuan)
rng = np.random.default_rng(0)
n = 600
X = np.column_stack([
    rng.poisson(2.0, n),                        # X1: complaints in the last year
    rng.lognormal(np.log(50), 0.5, n).round(1),  # X2: order total
    rng.gamma(2.0, 5.0, n).round(1),             # X3: support hours
    rng.lognormal(np.log(20), 0.8, n).round(1),  # Xn: company capital
])
# The hidden truth (unknown to the model): complaints and support hours push a customer away,
# large orders and a large company keep it. Customers too close to the boundary are dropped,
# so the two classes are linearly separable and the perceptron rule can converge.
score = 0.9 * X[:, 0] - 0.04 * X[:, 1] + 0.08 * X[:, 2] - 0.03 * X[:, 3] - 0.2
keep = np.abs(score) > 0.1
X, y = X[keep], (score[keep] > 0).astype(int)  # 1 = the customer leaves

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)  # standardise: yuan and hours have different scales
clf = Perceptron(max_iter=1000, random_state=0)
with warnings.catch_warnings():
    warnings.simplefilter("error")  # fail loudly if the rule did not converge
    clf.fit((X_train - mean) / std, y_train)
accuracy = clf.score((X_test - mean) / std, y_test)

names = [tr("X1 投诉数量", "X1 complaints"), tr("X2 订单总金额（千元）", "X2 order total (k¥)"),
         tr("X3 支持总小时数", "X3 support hours"), tr("Xn 公司总资本（百万元）", "Xn company capital (M¥)")]
print(tr(f"模拟了 {len(y)} 个客户（其中 {y.sum()} 个离开），前 5 个：",
         f"{len(y)} simulated customers ({y.sum()} of them leave); the first 5:"))
print()
print("| " + " | ".join(names) + tr(" | 会离开？ |", " | leaves? |"))
print("|" + "---:|" * 5)
for row, label in zip(X[:5], y[:5]):
    print(f"| {row[0]:.0f} | {row[1]:.1f} | {row[2]:.1f} | {row[3]:.1f} | {tr('是', 'yes') if label else tr('否', 'no')} |")
print()
print(tr("| 输入神经元 | 学到的权重 $w_i$（标准化后的特征） |", "| input neuron | learned weight $w_i$ (standardised feature) |"))
print("|---|---:|")
for name, w in zip(names, clf.coef_[0]):
    print(f"| {name} | {w:+.2f} |")
print(tr(f"| 偏置 $b$ | {clf.intercept_[0]:+.2f} |", f"| bias $b$ | {clf.intercept_[0]:+.2f} |"))
print()
print(tr(f"感知机规则在第 {clf.n_iter_} 轮遍历时不再犯错（收敛），在没参与训练的 {len(y_test)} 个客户上准确率为 **{accuracy:.1%}**。"
         "权重的符号与生成数据的规则一致：投诉和支持时长越多越可能离开，订单金额和公司资本越大越可能留下。",
         f"The perceptron rule stopped making mistakes in epoch {clf.n_iter_} (it converged); on the {len(y_test)} "
         f"held-out customers its accuracy is **{accuracy:.1%}**. The signs of the weights match the rule that "
         "generated the data: more complaints and support hours make leaving likelier, larger orders and a larger "
         "company make staying likelier."))
print()

fig, ax = figure(figsize=(6.4, 3.0))
ax.bar(np.arange(1, clf.n_iter_ + 1), clf.errors_, color="C0")
ax.set_xlabel(tr("遍历轮数（epoch）", "epoch"))
ax.set_ylabel(tr("这一轮的错误（= 更新）次数", "mistakes (= updates) in the epoch"))
print(figure_html(fig, tr(
    "感知机学习规则：只在预测错误时更新权重，错误次数有起有落，最终降到 0。",
    "The perceptron learning rule updates the weights only after a mistake; the mistakes per epoch go up and down and finally reach 0.")))
