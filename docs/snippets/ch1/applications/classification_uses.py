from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

uses = [  # (input x, the classes y can take)
    (tr("一封邮件的内容", "the text of an e-mail"), tr("垃圾邮件 / 正常邮件", "spam / not spam")),
    (tr("一张图片", "a photo"), tr("猫 / 狗 / 鸟 / …", "cat / dog / bird / …")),
    (tr("一笔刷卡交易", "a card payment"), tr("欺诈 / 正常", "fraud / genuine")),
    (tr("贷款申请人的信息", "a loan application"), tr("会违约 / 不会违约", "will default / will repay")),
    (tr("一条商品评论", "a product review"), tr("正面 / 负面", "positive / negative")),
    (tr("病人的检查结果", "a patient's test results"), tr("患病 / 健康", "ill / healthy")),
]
nodes, edges = {}, []
for i, (x, labels) in enumerate(uses):
    row = -1.0 * i
    nodes[f"x{i}"] = (0, row, x)
    nodes[f"f{i}"] = (3.4, row, tr("分类器 y = f(x)", "classifier y = f(x)"))
    nodes[f"y{i}"] = (6.8, row, labels)
    edges += [(f"x{i}", f"f{i}", ""), (f"f{i}", f"y{i}", "")]
fig, ax = figure(figsize=(9, 5.2))
diagram(ax, nodes, edges, box_width=2.6, box_height=0.62, fontsize=9,
        colors={f"f{i}": "#FCE5CD" for i in range(len(uses))})
ax.text(0, 0.75, tr("输入 x（特征变量）", "input x (features)"), ha="center", fontsize=10)
ax.text(6.8, 0.75, tr("输出 y（类别标签）", "output y (a class label)"), ha="center", fontsize=10)
ax.set_ylim(-len(uses) + 0.4, 1.1)
print(figure_html(fig, tr(
    "分类问题的常见应用：输出都是有限个类别中的一个。", "Common uses of classification: the output is always one of a few classes.")))
