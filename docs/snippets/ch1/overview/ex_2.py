import numpy as np

from mlnotes.datasets import make_line
from mlnotes.linear_model import LinearRegression
from mlnotes.book.i18n import tr

X_train, y_train = make_line(12, noise=1.0, random_state=1)   # the same data as in 1.1.2
X_val, y_val = make_line(200, noise=1.0, random_state=2)


def poly(X, degree):
    return np.hstack([(X / 5.0) ** k for k in range(1, degree + 1)])


errors = {}
for d in range(1, 12):                           # degree 11: 12 parameters for 12 points
    model = LinearRegression().fit(poly(X_train, d), y_train)
    errors[d] = (np.mean((model.predict(poly(X_train, d)) - y_train) ** 2),
                 np.mean((model.predict(poly(X_val, d)) - y_val) ** 2))

print(tr("| 次数 | 训练误差 MSE | 验证误差 MSE |", "| degree | training MSE | validation MSE |"))
print("|---:|---:|---:|")
for d, (train_mse, val_mse) in errors.items():
    print(f"| {d} | {train_mse:.3g} | {val_mse:.3g} |")
best_degree = min(errors, key=lambda d: errors[d][1])
print()
print(tr(f"验证误差最小的次数：{best_degree}。", f"Degree with the lowest validation error: {best_degree}."))
