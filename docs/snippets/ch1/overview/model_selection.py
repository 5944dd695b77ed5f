import numpy as np

from mlnotes.datasets import make_line
from mlnotes.linear_model import LinearRegression
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

X_train, y_train = make_line(12, noise=1.0, random_state=1)   # training set: data to learn from
X_val, y_val = make_line(200, noise=1.0, random_state=2)      # validation set: used to choose a model
X_test, y_test = make_line(200, noise=1.0, random_state=3)    # test set: used once, on the chosen model


def poly(X, degree):
    """Features x, x², …, x^degree (x scaled to [0, 1] to keep the columns comparable)."""
    return np.hstack([(X / 5.0) ** k for k in range(1, degree + 1)])


degrees = {"f1": 1, "f2": 3, "f3": 9}
rows, fits = [], {}
for name, d in degrees.items():
    model = LinearRegression().fit(poly(X_train, d), y_train)
    train_mse = np.mean((model.predict(poly(X_train, d)) - y_train) ** 2)
    val_mse = np.mean((model.predict(poly(X_val, d)) - y_val) ** 2)
    rows.append((name, d, train_mse, val_mse))
    fits[name] = model
best = min(rows, key=lambda r: r[3])          # chosen on the validation set, never on the test set
test_mse = np.mean((fits[best[0]].predict(poly(X_test, best[1])) - y_test) ** 2)
head = tr("| 模型 | 多项式次数 | 训练误差 MSE | 验证误差 MSE |", "| model | degree | training MSE | validation MSE |")
print(head + "\n|---|---:|---:|---:|")
for name, d, tr_mse, va_mse in rows:
    mark = " ✔" if name == best[0] else ""
    print(f"| {name}{mark} | {d} | {tr_mse:.2f} | {va_mse:.2f} |")
print()
print(tr(f"验证误差最小的是 **{best[0]}**（{best[1]} 次多项式），它被选为最终模型；"
         f"它在测试集上的误差（只算这一次）为 {test_mse:.2f}。",
         f"The lowest validation error belongs to **{best[0]}** (degree {best[1]}), so it is the model we keep; "
         f"its test error, computed once at the very end, is {test_mse:.2f}."))
print()

fig, (ax, bar) = figure(1, 2, figsize=(10, 3.6), gridspec_kw={"wspace": 0.3})
grid = np.linspace(0, 5, 200).reshape(-1, 1)
ax.scatter(X_train, y_train, color="black", s=18, zorder=3, label=tr("训练数据", "training data"))
for i, (name, d) in enumerate(degrees.items()):
    ax.plot(grid, fits[name].predict(poly(grid, d)), color=f"C{i}", label=f"{name} ({tr('次数', 'degree')} {d})")
ax.set_ylim(-4, 16)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend(fontsize=8)
bars = bar.bar([r[0] for r in rows], [r[3] for r in rows], color=[f"C{i}" for i in range(len(rows))])
bar.bar_label(bars, labels=[f"{r[3]:.2f}" for r in rows], padding=2)  # the values: f1 and f2 are close
bar.set_ylim(0, max(r[3] for r in rows) * 1.15)
bar.set_ylabel(tr("验证误差 MSE", "validation MSE"))
print(figure_html(fig, tr("三个候选模型：在验证集（训练时没见过的数据）上评估后，选误差最小的。",
                          "Three candidate models, judged on a validation set they never saw; the smallest error wins.")))
