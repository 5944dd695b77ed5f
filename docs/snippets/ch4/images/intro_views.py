import numpy as np
from matplotlib.patches import Rectangle

from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

# Rubin's vase: one black-and-white picture, two readings. The vase's outline
# (half-width as a function of height) is at the same time the profile of two faces.
y_pts = [0.00, 0.06, 0.16, 0.30, 0.38, 0.46, 0.52, 0.57, 0.62, 0.70, 0.80, 0.90, 1.00]
w_pts = [0.36, 0.30, 0.14, 0.16, 0.27, 0.18, 0.24, 0.18, 0.26, 0.15, 0.30, 0.40, 0.44]
y = np.linspace(0, 1, 400)
half = np.convolve(np.interp(y, y_pts, w_pts), np.ones(15) / 15, mode="same")  # smooth outline
half[:8], half[-8:] = w_pts[0], w_pts[-1]

fig, axes = figure(1, 3, figsize=(10, 3.8))
views = [(tr("同一张图片", "one picture"), "black", "white"),
         (tr("看成一只花瓶", "seen as a vase"), "#C0392B", "#F2F2F2"),
         (tr("看成两张相对的脸", "seen as two faces"), "#F2F2F2", "#2E86C1")]
for ax, (title, vase, faces) in zip(axes, views):
    ax.fill_between([-0.6, 0.6], 0, 1, color=faces)
    ax.fill_betweenx(y, -half, half, color=vase)
    ax.add_patch(Rectangle((-0.6, 0), 1.2, 1, fill=False, edgecolor="#34495E"))
    canvas(ax, (-0.6, 0.6), (0, 1))
    ax.set_title(title, fontsize=11)
print(figure_html(fig, tr(
    "鲁宾花瓶：同一张黑白图片，注意中间的黑色区域就是一只花瓶，注意两侧的白色区域就是两张相对的侧脸。",
    "Rubin's vase: the same black-and-white picture is a vase if you attend to the dark middle, "
    "and two faces in profile if you attend to the light sides.")))
