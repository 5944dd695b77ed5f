from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(8.5, 4.2))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
diagram(ax, {
    "collect": (0, 2.2, tr("① 数据收集", "① data\ncollection")),
    "clean": (3.6, 2.2, tr("② 数据预处理", "② pre-\nprocessing")),
    "features": (7.2, 2.2, tr("③ 特征工程", "③ feature\nengineering")),
    "train": (10.8, 2.2, tr("④ 模型训练", "④ training")),
    "evaluate": (10.8, 0, tr("⑤ 模型评估", "⑤ evaluation")),
    "tune": (7.2, 0, tr("⑥ 模型调优", "⑥ tuning")),
    "predict": (10.8, -2.2, tr("⑦ 模型预测", "⑦ prediction")),
}, [("collect", "clean", ""), ("clean", "features", ""), ("features", "train", ""), ("train", "evaluate", ""),
    ("evaluate", "predict", tr("通过", "pass")), ("evaluate", "tune", tr("未通过", "fail")), ("tune", "train", "")],
    box_width=2.6, box_height=0.9, fontsize=9, colors={"predict": "#FCE5CD", "tune": "#F4CCCC"})
print(figure_html(fig, tr(
    "机器学习建模流程：评估未通过时调优，再重新训练，直到模型可以用来预测。",
    "The machine-learning workflow: if evaluation fails, tune and train again, until the model is fit to predict.")))
