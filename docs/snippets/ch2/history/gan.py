from matplotlib.patches import FancyArrowPatch

from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(10, 3.8))
nodes = {
    "z": (0, 0, tr("随机噪声 z", "random\nnoise z")),
    "G": (3, 0, tr("生成器 G", "generator G")),
    "fake": (6, 0, tr("生成的样本\nG(z)", "generated\nsample G(z)")),
    "real": (6, 2, tr("真实样本\n（训练数据）", "real samples\n(training data)")),
    "D": (9, 1, tr("判别器 D", "discriminator\nD")),
    "out": (12, 1, tr("真 / 假？", "real / fake?")),
}
edges = [("z", "G", ""), ("G", "fake", ""), ("fake", "D", ""), ("real", "D", ""), ("D", "out", "")]
diagram(ax, nodes, edges, box_width=2.2, box_height=0.9, fontsize=10,
        colors={"G": "#D9EAD3", "D": "#FCE5CD", "out": "#F4F6F7"})
for target, rad, text, y in (("G", -0.35, tr("G 的目标：让 D 判断为“真”", "G learns to make D say “real”"), -2.1),
                             ("D", 0.6, tr("D 的目标：分清真假", "D learns to tell real from fake"), 2.6)):
    x = nodes[target][0]
    start = (12, 1 - 0.45) if target == "G" else (12.4, 1 + 0.45)
    end = (x, -0.45) if target == "G" else (x + 0.6, 1 + 0.45)
    ax.add_patch(FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={rad}", arrowstyle="-|>",
                                 mutation_scale=12, color="#C0392B", linestyle="--", linewidth=1.1))
    ax.text((start[0] + end[0]) / 2 + (1.2 if target == "D" else 0), y, text, ha="center", fontsize=9,
            color="#C0392B")
ax.set_ylim(-2.3, 3.0)
print(figure_html(fig, tr("生成对抗网络 GAN：生成器和判别器相互对抗，一起训练。",
                                         "A generative adversarial network: the generator and the discriminator are trained against each other.")))
