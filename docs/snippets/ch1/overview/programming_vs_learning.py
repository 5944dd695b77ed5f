from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, (left, right) = figure(1, 2, figsize=(10, 3.2))
diagram(left, {
    "rules": (0, 1, tr("规则\n（程序员写）", "rules\n(written by hand)")),
    "data": (0, -1, tr("数据\n单价、数量", "data\nprice, quantity")),
    "program": (3, 0, tr("程序\n总价 = 单价 × 数量", "program\ntotal = price × qty")),
    "answer": (6, 0, tr("答案", "answers")),
}, [("rules", "program", ""), ("data", "program", ""), ("program", "answer", "")], box_width=2.7, box_height=0.95, fontsize=9)
left.set_title(tr("传统编程：规则已知", "Traditional programming: the rules are known"))
diagram(right, {
    "data": (0, 1, tr("数据\n手写数字图片", "data\nimages of digits")),
    "answers": (0, -1, tr("答案\n每张图的标签", "answers\nthe label of each")),
    "learn": (3, 0, tr("学习算法", "learning\nalgorithm")),
    "model": (6, 0, tr("模型\n（学到的规则）", "model\n(learned rules)")),
}, [("data", "learn", ""), ("answers", "learn", ""), ("learn", "model", "")], box_width=2.7, box_height=0.95, fontsize=9,
    colors={"model": "#FCE5CD"})
right.set_title(tr("机器学习：规则从数据中学出来", "Machine learning: the rules are learned from data"))
print(figure_html(fig, tr("左：能直接编程的任务；右：需要机器学习的任务。", "Left: a task we can program directly; right: one we must learn.")))
