from matplotlib.patches import Rectangle

from mlnotes.nn import conv_output_size
from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

fig, axes = figure(1, 2, figsize=(10, 4.4))
for ax, s in zip(axes, [1, 2]):
    n, f = 7, 3
    out = conv_output_size(n, f, 0, s)
    for i in range(n):
        for j in range(n):
            ax.add_patch(Rectangle((j, -i - 1), 1, 1, facecolor="#EBF5FB", edgecolor="#AEB6BF"))
    ax.add_patch(Rectangle((0, -f), f, f, fill=False, edgecolor="C0", linewidth=2.5))  # the first window
    for k in range(out):  # the columns each window covers along the first row, drawn under the image
        yk = -n - 0.5 - 0.45 * k
        ax.plot([k * s + 0.05, k * s + f - 0.05], [yk, yk], color=f"C{k}", linewidth=4, solid_capstyle="butt")
        ax.text(k * s + f + 0.15, yk, tr(f"位置 {k + 1}", f"position {k + 1}"), va="center", fontsize=7)
    ax.set_title(tr(f"步长 s = {s}：每行 {out} 个位置，输出 {out}×{out}", f"stride s = {s}: {out} positions per row, "
                    f"output {out}×{out}"), fontsize=10)
    canvas(ax, (-0.2, n + 1.6), (-n - 0.9 - 0.45 * 5, 0.2))
one, two = conv_output_size(7, 3, 0, 1), conv_output_size(7, 3, 0, 2)
print(figure_html(fig, tr(
    f"3×3 卷积核在 7×7 图片上沿第一行移动：步长为 1 时有 {one} 个位置，步长为 2 时只有 {two} 个。",
    f"A 3×3 kernel moving along the first row of a 7×7 image: {one} positions with stride 1, only {two} with stride 2.")))
