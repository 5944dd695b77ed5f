import numpy as np

from mlnotes.datasets import make_seasonal_series
from mlnotes.sequence import AutoRegressive
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

# 8 years of monthly mean temperatures (°C): a yearly cycle plus weather noise
t, temp = make_seasonal_series(96, period=12, trend=0.0, amplitude=13, level=12, noise=1.2, random_state=0)
train, test = temp[:84], temp[84:]                # learn from 7 years, forecast the 8th
model = AutoRegressive(order=12).fit(train)       # this month from the 12 months before it
forecast = model.predict(steps=12)
mae = np.mean(np.abs(forecast - test))
flat = np.mean(np.abs(train.mean() - test))      # baseline that ignores the order: the average of all months
print(tr(f"未来 12 个月的平均绝对误差：AR(12) 模型 {mae:.2f} °C；若不看时间顺序、一律用历史平均气温，误差为 {flat:.2f} °C。",
         f"Mean absolute error over the next 12 months: {mae:.2f} °C for AR(12), against {flat:.2f} °C for "
         "ignoring the order and always predicting the average temperature."))
print()

fig, ax = figure(figsize=(9, 3.6))
ax.plot(t[:84], train, color="C0", label=tr("历史气温（训练）", "past temperatures (training)"))
ax.plot(t[84:], test, color="C0", linestyle=":", marker="o", markersize=3, label=tr("实际气温", "actual"))
ax.plot(t[84:], forecast, color="C3", marker="s", markersize=3, label=tr("AR(12) 预测", "AR(12) forecast"))
ax.axvline(83.5, color="gray", linewidth=0.8)
ax.set_xlabel(tr("月份", "month"))
ax.set_ylabel(tr("月平均气温（°C）", "monthly mean temperature (°C)"))
ax.legend(fontsize=8, loc="lower left", ncol=3)
print(figure_html(fig, tr(
    "时间序列预测：自回归模型根据过去 12 个月的气温预测下一个月，逐月递推出未来一年。",
    "Time-series forecasting: an autoregressive model predicts each month from the 12 before it, "
    "and rolls forward a whole year.")))
