import numpy as np

from mlnotes.linear_model import LinearRegression
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

rng = np.random.default_rng(0)
ads = rng.uniform(1, 10, size=30)                          # advertising spend per month (10k yuan)
sales = 20 + 3.5 * ads + rng.normal(0, 3, size=ads.size)   # units sold (thousands): the target is a number
reg = LinearRegression().fit(ads.reshape(-1, 1), sales)
new_ads = np.array([[4.0], [8.0], [12.0]])
forecast = reg.predict(new_ads)

print(tr("| 广告投入（万元） | 预测销量（千件） |", "| advertising (10k yuan) | forecast sales (thousand units) |"))
print("|---:|---:|")
for a, s in zip(new_ads.ravel(), forecast):
    print(f"| {a:.0f} | {s:.1f} |")
print()

fig, ax = figure()
grid = np.linspace(0, 13, 50).reshape(-1, 1)
ax.scatter(ads, sales, label=tr("历史数据", "past months"), zorder=3)
ax.plot(grid, reg.predict(grid), color="C1", label=tr(
    f"回归器 y = {reg.coef_[0]:.2f}x + {reg.intercept_:.2f}", f"regressor y = {reg.coef_[0]:.2f}x + {reg.intercept_:.2f}"))
ax.scatter(new_ads, forecast, marker="*", s=180, color="C3", zorder=4, label=tr("预测", "forecasts"))
ax.set_xlabel(tr("广告投入 x（万元）", "advertising x (10k yuan)"))
ax.set_ylabel(tr("销量 y（千件）", "sales y (thousand units)"))
ax.legend()
print(figure_html(fig, tr(
    "回归器：由广告投入预测销量，输出是一个数值。", "A regressor predicts sales from advertising spend: the output is a number.")))
