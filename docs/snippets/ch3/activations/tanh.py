import numpy as np

from mlnotes.nn import sigmoid_grad, tanh, tanh_grad
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html


def gap(z):
    """tanh'(z) - σ'(z): positive where tanh has the larger derivative."""
    return tanh_grad(z) - sigmoid_grad(z)


# the crossing |z| where the two derivatives are equal, by bisection on [0.5, 3]
lo, hi = 0.5, 3.0  # gap(lo) > 0 > gap(hi)
for _ in range(60):
    mid = (lo + hi) / 2
    lo, hi = (mid, hi) if gap(mid) > 0 else (lo, mid)
crossing = (lo + hi) / 2

z = np.linspace(-6, 6, 601)
fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(z, tanh(z), linewidth=2, label="tanh(z)")
ax.plot(z, tanh_grad(z), linewidth=2, linestyle="--", label="tanh'(z) = 1 − tanh²(z)")
ax.plot(z, sigmoid_grad(z), linewidth=1.5, linestyle=":", color="gray", label="σ'(z)")
for c in (-crossing, crossing):
    ax.axvline(c, color="gray", linewidth=0.6, linestyle="-.")
ax.axhline(0, color="black", linewidth=0.6)
ax.axvline(0, color="black", linewidth=0.6)
ax.set_xlabel("z")
ax.legend(loc="upper left")
print(figure_html(fig, tr(
    f"tanh 函数及其导数（虚线），点线是 Sigmoid 的导数：tanh 的输出以 0 为中心，导数最大为 {float(tanh_grad(0.0)):g}（在 z = 0 处），"
    f"在 z = ±5 处只剩 {float(tanh_grad(5.0)):.2g}。两条导数曲线在 z = ±{crossing:.2f}（竖线）处相交。",
    f"tanh and its derivative (dashed); the dotted curve is the sigmoid's derivative. The output of tanh is centred on 0, "
    f"its derivative is at most {float(tanh_grad(0.0)):g} (at z = 0) and only {float(tanh_grad(5.0)):.2g} at z = ±5. "
    f"The two derivatives cross at z = ±{crossing:.2f} (vertical lines).")))
print()
print(tr("| z | σ'(z) | tanh'(z) | 导数较大的是 |", "| z | σ'(z) | tanh'(z) | larger derivative |"))
print("|---:|---:|---:|---|")
for v in (0.0, 1.0, crossing, 3.0, 5.0):
    s, t = float(sigmoid_grad(v)), float(tanh_grad(v))
    winner = "tanh" if t > s * (1 + 1e-3) else ("Sigmoid" if s > t * (1 + 1e-3) else tr("两者相等", "equal"))
    print(f"| {v:.4g} | {s:.4f} | {t:.4f} | {winner} |")
print()
print(tr(f"交点：|z| = {crossing:.4f}", f"Crossing: |z| = {crossing:.4f}"))
