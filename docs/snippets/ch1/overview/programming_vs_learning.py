from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, (top, bottom) = figure(2, 1, figsize=(7.5, 5.4))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.93, hspace=0.25)
diagram(top, {
    "rules": (0, 1, tr("规则\n（程序员写）", "rules\n(written by hand)")),
    "data": (0, -1, tr("数据\n单价、数量", "data\nprice, quantity")),
    "program": (4.0, 0, tr("程序\n总价 = 单价 × 数量", "program\ntotal = price × qty")),
    "answer": (8.0, 0, tr("答案", "answers")),
}, [("rules", "program", ""), ("data", "program", ""), ("program", "answer", "")], box_width=2.6, box_height=0.9, fontsize=9)
top.set_title(tr("传统编程：规则已知", "Traditional programming: the rules are known"))
diagram(bottom, {
    "data": (0, 1, tr("数据\n手写数字图片", "data\nimages of digits")),
    "answers": (0, -1, tr("答案\n每张图的标签", "answers\nthe label of each")),
    "learn": (4.0, 0, tr("学习算法", "learning\nalgorithm")),
    "model": (8.0, 0, tr("模型\n（学到的规则）", "model\n(learned rules)")),
}, [("data", "learn", ""), ("answers", "learn", ""), ("learn", "model", "")], box_width=2.6, box_height=0.9, fontsize=9,
    colors={"model": "#FCE5CD"})
bottom.set_title(tr("机器学习：规则从数据中学出来", "Machine learning: the rules are learned from data"))
print(figure_html(fig, tr("上：能直接编程的任务；下：需要机器学习的任务。", "Top: a task we can program directly; bottom: one we must learn.")))
