from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

nodes = {
    "init": (0, 0, tr("初始化权重 W", "initialise the weights W")),
    "fp": (3.2, 0, tr("正向传播 FP\n逐层算 z、a", "forward propagation (FP)\nz and a, layer by layer")),
    "loss": (6.4, 0, tr("计算损失 L", "compute the loss L")),
    "bp": (6.4, -2.0, tr("反向传播 BP\n逐层回传误差 ∂L/∂W", "backpropagation (BP)\nerrors ∂L/∂W, layer by layer")),
    "update": (3.2, -2.0, tr("更新权重\nW ← W − η ∂L/∂W", "update the weights\nW ← W − η ∂L/∂W")),
    "stop": (0, -2.0, tr("损失足够小？\n是：结束", "loss small enough?\nyes: stop")),
}
edges = [("init", "fp", ""), ("fp", "loss", ""), ("loss", "bp", ""), ("bp", "update", ""),
         ("update", "stop", ""), ("stop", "fp", "")]
fig, ax = figure(figsize=(9, 3.6))
diagram(ax, nodes, edges, box_width=2.5, box_height=0.95, fontsize=9,
        colors={"fp": "#DCEBF7", "bp": "#FCE5CD", "loss": "#F4CCCC", "update": "#D9EAD3"})
ax.text(1.3, -0.85, tr("否：继续迭代", "no: iterate again"), ha="right", va="center", fontsize=8, color="#34495E")
print(figure_html(fig, tr(
    "神经网络的求解流程：正向传播求损失，反向传播回传误差，根据误差修改每层的权重，继续迭代。",
    "How a network is trained: forward propagation gives the loss, backpropagation sends the error back, "
    "every layer's weights are corrected, and the loop repeats.")))
