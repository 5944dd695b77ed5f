from matplotlib.patches import FancyBboxPatch

from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

steps = [tr("数据采集", "collect\ndata"), tr("数据标注", "label\ndata"), tr("数据预处理", "pre-\nprocess")]
W, H, S, ML, DL = 2.4, 1.0, 2.8, 1.5, -0.7  # box size, spacing, y of the two rows
fig, ax = figure(figsize=(10, 3.4))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)  # the axes fill the figure: room for "（人工设计特征）"
nodes = {f"{row}{i}": (S * i, y, text) for row, y in (("ml", ML), ("dl", DL)) for i, text in enumerate(steps)}
nodes |= {"ml3": (3 * S, ML, tr("特征工程\n（人工设计特征）", "feature\nengineering\n(by hand)")),
          "ml4": (4 * S, ML, tr("模型训练\n（浅层模型）", "train a model\n(shallow)")),
          "ml5": (5 * S, ML, tr("预测", "predict")), "dl5": (5 * S, DL, tr("预测", "predict"))}
edges = [(f"{r}{i}", f"{r}{i + 1}", "") for r in ("ml", "dl") for i in range(2)]
edges += [("ml2", "ml3", ""), ("ml3", "ml4", ""), ("ml4", "ml5", "")]
diagram(ax, nodes, edges, box_width=W, box_height=H, fontsize=10, colors={"ml3": "#F4CCCC"})
# deep learning: one network takes the place of both "feature engineering" and "train a model"
left, right = 3 * S - W / 2, 4 * S + W / 2
h = ax.mlnotes_diagram["boxes"]["dl0"].get_height()  # as tall as the boxes beside it (grown to their text)
ax.add_patch(FancyBboxPatch((left, DL - h / 2), right - left, h, boxstyle="round,pad=0.02,rounding_size=0.08",
                            facecolor="#FCE5CD", edgecolor="#34495E"))
ax.text((left + right) / 2, DL, tr("深度神经网络：特征和分类器\n一起从数据中学出来",
                                   "one deep network learns\nfeatures and classifier together"),
        ha="center", va="center", fontsize=10)
for x0, x1 in ((2 * S + W / 2, left), (right, 5 * S - W / 2)):
    ax.annotate("", xy=(x1, DL), xytext=(x0, DL), arrowprops={"arrowstyle": "-|>", "color": "#34495E"})
for y, name in ((ML, tr("机器学习", "Machine learning")), (DL, tr("深度学习", "Deep learning"))):
    ax.text(-W / 2, y + h / 2 + 0.12, name, ha="left", va="bottom", fontsize=11)
ax.set_xlim(-W / 2 - 0.1, 5 * S + W / 2 + 0.1)
ax.set_ylim(DL - H, ML + H + 0.3)
print(figure_html(fig, tr("机器学习要靠人设计特征；深度学习从数据中直接学出特征。",
                                              "Machine learning needs hand-designed features; deep learning learns them from the data.")))
