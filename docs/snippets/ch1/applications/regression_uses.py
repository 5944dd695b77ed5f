import numpy as np

from mlnotes.linear_model import LinearRegression
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

rng = np.random.default_rng(1)
fig, (ax1, ax2, ax3) = figure(1, 3, figsize=(10, 3.4))

# 1. sales from a feature of the product: ice-cream sales vs the day's temperature
temp = rng.uniform(15, 35, 40)
sold = 8 * temp - 60 + rng.normal(0, 15, temp.size)
m1 = LinearRegression().fit(temp.reshape(-1, 1), sold)
g = np.array([[14.0], [36.0]])
ax1.scatter(temp, sold, s=12)
ax1.plot(g, m1.predict(g), color="C1")
ax1.set_title(tr("销量预测", "Sales forecast"))
ax1.set_xlabel(tr("气温（°C）", "temperature (°C)"))
ax1.set_ylabel(tr("冰淇淋销量（支）", "ice creams sold"))

# 2. price trend: fit the last 60 days, extend the trend 15 days
days = np.arange(60)
price = 50 + 0.15 * days + np.cumsum(rng.normal(0, 0.8, days.size))
m2 = LinearRegression().fit(days.reshape(-1, 1), price)
future = np.arange(60, 75).reshape(-1, 1)
ax2.plot(days, price, linewidth=1, label=tr("历史价格", "past prices"))
ax2.plot(days, m2.predict(days.reshape(-1, 1)), color="C1", label=tr("趋势", "trend"))
ax2.plot(future, m2.predict(future), color="C1", linestyle="--", label=tr("外推", "extrapolated"))
ax2.set_title(tr("价格走势预测", "Price trend"))
ax2.set_xlabel(tr("天", "day"))
ax2.set_ylabel(tr("价格", "price"))
ax2.legend(fontsize=8)

# 3. stock to order: forecast next 4 weeks of demand, subtract what is in the warehouse
weeks = np.arange(12)
demand = 100 + 6 * weeks + rng.normal(0, 8, weeks.size)
m3 = LinearRegression().fit(weeks.reshape(-1, 1), demand)
next_weeks = np.arange(12, 16).reshape(-1, 1)
need = m3.predict(next_weeks).sum()
in_stock = 300
ax3.bar(weeks, demand, color="C0", label=tr("历史销量", "past sales"))
ax3.bar(next_weeks.ravel(), m3.predict(next_weeks), color="C1", label=tr("预测销量", "forecast"))
ax3.set_title(tr(f"库存：需进货 {need - in_stock:.0f} 件", f"Stock: order {need - in_stock:.0f} units"))
ax3.set_xlabel(tr("周", "week"))
ax3.set_ylabel(tr("销量（件）", "units sold"))
ax3.legend(fontsize=8, loc="upper left")
print(figure_html(fig, tr(
    f"回归的三种常见应用（模拟数据）：由气温预测销量；沿历史趋势外推价格；预测未来 4 周销量 {need:.0f} 件，"
    f"减去库存 {in_stock} 件即为进货量。",
    f"Three common uses of regression (simulated data): sales from temperature; a price trend extended; "
    f"demand over the next 4 weeks forecast at {need:.0f} units, minus {in_stock} in stock, gives the order.")))
