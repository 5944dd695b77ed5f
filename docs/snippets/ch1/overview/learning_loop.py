from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(8.5, 3.8))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
diagram(ax, {
    "data": (0, 2.3, tr("训练数据", "training data")),
    "algo": (0, 0.7, tr("算法 f1, f2, …", "algorithms\nf1, f2, …")),
    "train": (4.0, 1.5, tr("训练", "train")),
    "models": (8.0, 1.5, tr("模型", "models")),
    "eval": (8.0, -1.0, tr("用验证数据评估", "evaluate on\nvalidation data")),
    "best": (12.0, -1.0, tr("选出最优模型", "keep the\nbest model")),
    "tune": (4.0, -1.0, tr("调优：换算法\n或参数", "tune: algorithm\nor parameters")),
}, [("data", "train", ""), ("algo", "train", ""), ("train", "models", ""), ("models", "eval", ""),
    ("eval", "best", tr("通过", "pass")), ("eval", "tune", tr("未通过", "fail")), ("tune", "train", "")],
    box_width=2.6, box_height=0.9, colors={"best": "#FCE5CD", "tune": "#F4CCCC"})
print(figure_html(fig, tr("机器如何学习：训练、评估、调优，直到选出最优模型。",
                                       "How a machine learns: train, evaluate, tune, until the best model is found.")))
