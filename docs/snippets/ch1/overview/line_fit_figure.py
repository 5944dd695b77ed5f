import numpy as np

from mlnotes.datasets import make_line
from mlnotes.linear_model import LinearRegression
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

X, y = make_line(10, slope=2.0, intercept=1.0, noise=0.3, random_state=0)
model = LinearRegression().fit(X, y)
w, b = model.coef_[0], model.intercept_
f4 = model.predict([[4.0]])[0]

fig, ax = figure()
grid = np.linspace(0, 5, 50).reshape(-1, 1)
ax.scatter(X, y, label=tr("训练数据", "training data"), zorder=3)
ax.plot(grid, model.predict(grid), color="C1",
        label=tr(f"学到的模型 f(x) = {w:.2f}x + {b:.2f}", f"learned model f(x) = {w:.2f}x + {b:.2f}"))
ax.scatter([4.0], [f4], marker="*", s=180, color="C3", zorder=4,
           label=tr(f"预测 f(4) = {f4:.2f}", f"prediction f(4) = {f4:.2f}"))
ax.set_xlabel(tr("特征 x", "feature x"))
ax.set_ylabel(tr("目标变量 y", "target y"))
ax.legend()
print(figure_html(fig, tr("从数据学到 y ≈ 2x + 1，再用它预测 x = 4。",
                                               "Learning y ≈ 2x + 1 from data, then predicting at x = 4.")))
