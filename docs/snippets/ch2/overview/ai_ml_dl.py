from matplotlib.patches import Ellipse

from mlnotes.book.i18n import tr
from mlnotes.book.plots import canvas
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(7.0, 4.6))
rings = [  # (centre y, width, height, colour, name, examples)
    (0.0, 11.0, 7.0, "#DCEBF7", tr("人工智能 AI", "Artificial intelligence (AI)"),
     tr("专家系统、搜索与规划、人工编写的规则", "expert systems, search and planning, hand-written rules")),
    (-0.75, 8.4, 5.2, "#D9EAD3", tr("机器学习 ML", "Machine learning (ML)"),
     tr("线性回归、决策树、支持向量机、K 均值", "linear regression, decision trees, SVM, k-means")),
    (-1.45, 5.6, 3.0, "#FCE5CD", tr("深度学习 DL", "Deep learning (DL)"),
     tr("CNN、RNN/LSTM、GAN、Transformer", "CNN, RNN/LSTM, GAN, Transformer")),
]
for i, (cy, w, h, color, name, examples) in enumerate(rings):
    ax.add_patch(Ellipse((0, cy), w, h, facecolor=color, edgecolor="#34495E", linewidth=1.2))
    top = cy + h / 2
    ax.text(0, top - 0.45, name, ha="center", va="center", fontsize=11)
    ax.text(0, top - 0.95, examples, ha="center", va="center", fontsize=8.5, color="#34495E")
canvas(ax, (-5.7, 5.7), (-3.6, 3.6))
print(figure_html(fig, tr("人工智能 ⊃ 机器学习 ⊃ 深度学习：深度学习是机器学习的一个分支，机器学习又是人工智能的一个分支。",
                                              "AI ⊃ ML ⊃ DL: deep learning is a branch of machine learning, which is a branch of AI.")))
