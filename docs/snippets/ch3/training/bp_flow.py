from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

nodes = {
    "init": (0, 0, tr("初始化权重 W", "initialise\nthe weights W")),
    "fp": (3.8, 0, tr("正向传播 FP\n逐层算 z、a", "forward pass (FP)\nz, a layer by layer")),
    "loss": (7.6, 0, tr("计算损失 L", "compute\nthe loss L")),
    "bp": (7.6, -2.4, tr("反向传播 BP\n逐层回传误差 ∂L/∂W", "backpropagation (BP)\n∂L/∂W layer by layer")),
    "update": (3.8, -2.4, tr("更新权重\nW ← W − η ∂L/∂W", "update the weights\nW ← W − η ∂L/∂W")),
    "stop": (0, -2.4, tr("损失足够小？\n是：结束", "loss small enough?\nyes: stop")),
}
edges = [("init", "fp", ""), ("fp", "loss", ""), ("loss", "bp", ""), ("bp", "update", ""),
         ("update", "stop", ""), ("stop", "fp", tr("否：继续迭代", "no: iterate"))]
fig, ax = figure(figsize=(8.5, 3.9))
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
diagram(ax, nodes, edges, box_width=2.6, box_height=0.95, fontsize=9,
        colors={"fp": "#DCEBF7", "bp": "#FCE5CD", "loss": "#F4CCCC", "update": "#D9EAD3"})
print(figure_html(fig, tr(
    "神经网络的求解流程：正向传播求损失，反向传播回传误差，根据误差修改每层的权重，继续迭代。",
    "How a network is trained: forward propagation gives the loss, backpropagation sends the error back, "
    "every layer's weights are corrected, and the loop repeats.")))
