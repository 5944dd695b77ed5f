import warnings

import numpy as np

from mlnotes.datasets import make_spirals
from mlnotes.nn import MLPClassifier
from mlnotes.book.i18n import tr
from mlnotes.book.plots import plot_decision_boundary
from mlnotes.book.render import figure, figure_html

# two interleaved spiral arms with 2.5 turns each: the boundary winds around many times
X, y = make_spirals(400, n_classes=2, turns=2.5, noise=0.0, random_state=0)
X_test, y_test = make_spirals(1000, n_classes=2, turns=2.5, noise=0.0, random_state=1)

# hidden layers: about the same number of parameters, spent on width or on depth
architectures = [(220,), (27, 27), (16, 16, 16, 16)]
seeds = [0, 1, 2]
errors, models = {}, {}
for hidden in architectures:
    errors[hidden] = []
    for seed in seeds:
        clf = MLPClassifier(hidden_layer_sizes=hidden, max_iter=300, tol=0.0, n_iter_no_change=300,
                            batch_size=100, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # every run stops at max_iter (a ConvergenceWarning); same budget for all
            clf.fit(X, y)
        errors[hidden].append(1 - clf.score(X_test, y_test))
        models.setdefault(hidden, clf)  # keep seed 0 for the picture

wide, deep = architectures[0], architectures[-1]
names = dict(zip(architectures, [tr("1 层 × 220（浅而宽）", "1 × 220 (shallow, wide)"),
                                 tr("2 层 × 27", "2 × 27"),
                                 tr("4 层 × 16（深而窄）", "4 × 16 (deep, narrow)")]))

print(tr("| 网络 | 参数个数 | 测试错误率（3 个随机种子） | 平均 |", "| network | parameters | test error (3 random seeds) | mean |"))
print("|---|---:|---|---:|")
for hidden, clf in models.items():
    errs = errors[hidden]
    print(f"| {names[hidden]} | {clf.network_.n_params} | {', '.join(f'{e:.1%}' for e in errs)} | **{np.mean(errs):.1%}** |")
print()
wide_err, deep_err = np.mean(errors[wide]), np.mean(errors[deep])
print(tr(f"参数个数几乎相同、训练轮数相同，深而窄的网络平均测试错误率为 **{deep_err:.1%}**，"
         f"浅而宽的网络为 **{wide_err:.1%}**：在这个任务上，把参数花在**深度**上效果好得多。",
         f"With almost the same number of parameters and the same training budget, the deep, narrow network has a mean "
         f"test error of **{deep_err:.1%}** and the shallow, wide one **{wide_err:.1%}**: on this task, parameters "
         f"spent on **depth** pay off far better."))
print()

fig, axes = figure(1, 3, figsize=(12, 4))
for ax, hidden in zip(axes, architectures):
    plot_decision_boundary(ax, models[hidden], X, y, resolution=150, margin=0.2)
    error = errors[hidden][0]
    ax.set_title(tr(f"{names[hidden]}：测试错误率 {error:.1%}", f"{names[hidden]}: test error {error:.1%}"), fontsize=10)
    ax.set_aspect("equal")
print(figure_html(fig, tr(
    "同样的参数预算、同样的训练轮数（随机种子 0）：浅而宽的网络画不出绕了 2.5 圈的边界，加深以后就可以。",
    "Same parameter budget, same number of epochs (random seed 0): the shallow, wide network cannot draw a boundary "
    "that winds 2.5 times; deeper networks can.")))

fig, ax = figure(figsize=(6.4, 3.2))
for i, hidden in enumerate(architectures):
    ax.bar(i, np.mean(errors[hidden]) * 100, color=f"C{i}", alpha=0.7)
    ax.scatter([i] * len(seeds), np.array(errors[hidden]) * 100, color="black", s=14, zorder=3)
ax.set_xticks(range(len(architectures)), [names[hidden] for hidden in architectures])
ax.set_ylabel(tr("测试错误率 (%)", "test error (%)"))
print(figure_html(fig, tr(
    "测试错误率：柱高为 3 次训练的平均值，黑点为每一次的结果。",
    "Test error: bars show the mean of 3 training runs, dots each run.")))
