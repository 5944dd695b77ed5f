from mlnotes.nn import collapse_linear
from mlnotes.book.ch3_activations import no_activation_network
from mlnotes.book.i18n import tr
from mlnotes.book.plots import draw_network
from mlnotes.book.render import figure, figure_html

net = no_activation_network()  # the network of the block above
W, b = collapse_linear(net)

fig, (before, after) = figure(1, 2, figsize=(10, 3.4), gridspec_kw={"width_ratios": [3, 2]})
draw_network(before, net, labels=["x", tr("隐藏层（无激活）", "hidden (no activation)"), "$z_4$"])
draw_network(after, [2, 1], labels=["x", "$z_4$"])
for (y, w) in zip((0.275, -0.275), W[:, 0]):  # input neurons sit at y = +-0.275 in draw_network
    after.text(0.8, y / 2 + 0.06, f"{w:+.3f}", ha="center", va="bottom" if y > 0 else "top", fontsize=9)
after.text(1.6, -0.55, f"b = {b[0]:+.3f}", ha="center", va="top", fontsize=9)
before.set_title(tr(f"原网络：{net.n_params} 个参数", f"original network: {net.n_params} parameters"), fontsize=10)
after.set_title(tr(f"化简后：{W.size + b.size} 个参数", f"collapsed: {W.size + b.size} parameters"), fontsize=10)
print(figure_html(fig, tr(
    "没有激活函数时，隐藏层可以删去：左边的网络与右边单层的线性映射（权重由 collapse_linear 算出）输出完全相同。",
    "Without activations the hidden layer can be removed: the network on the left and the single linear map on the "
    "right (weights from collapse_linear) give the same outputs.")))
