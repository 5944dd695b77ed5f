from mlnotes.nn import conv_output_size
from mlnotes.book.i18n import tr
from mlnotes.book.render import figure, figure_html

n, f, layers = 32, 3, 10
valid, same = [n], [n]
for _ in range(layers):
    valid.append(conv_output_size(valid[-1], f, p=0))  # no padding: 2 pixels less per layer
    same.append(conv_output_size(same[-1], f, p=1))    # padding 1: size kept

fig, ax = figure(figsize=(6.4, 3.4))
ax.plot(range(layers + 1), valid, "o-", label=tr("不填充 (p = 0)", "no padding (p = 0)"))
ax.plot(range(layers + 1), same, "s-", label=tr("零填充（p = 1）", "zero padding (p = 1)"))
ax.set_xlabel(tr("经过的 3×3 卷积层数", "number of 3×3 convolution layers"))
ax.set_ylabel(tr("特征图边长", "feature-map side"))
ax.set_ylim(0, n + 4)
ax.legend()
print(figure_html(fig, tr(
    f"{n}×{n} 的图片每经过一层 3×3 卷积就小一圈，{layers} 层后只剩 {valid[-1]}×{valid[-1]}；补一圈 0 后尺寸保持不变。",
    f"Without padding a {n}×{n} image loses a ring of pixels per 3×3 layer and is {valid[-1]}×{valid[-1]} "
    f"after {layers} layers; with a border of zeros its size is kept.")))
