from matplotlib.patches import FancyArrowPatch

from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, (ff, rnn) = figure(1, 2, figsize=(11, 3.6), gridspec_kw={"width_ratios": [1, 2.4]})
kw = {"box_width": 1.1, "box_height": 0.6, "fontsize": 10,
      "colors": {**{f"x{t}": "#DCEBF7" for t in range(4)}, **{f"h{t}": "#D9EAD3" for t in range(4)},
                 **{f"y{t}": "#FCE5CD" for t in range(4)}}}
diagram(ff, {"x0": (0, 0, "x"), "h0": (0, 1.4, "h"), "y0": (0, 2.8, "y")}, [("x0", "h0", ""), ("h0", "y0", "")], **kw)
ff.set_title(tr("前馈网络（如 MLP）：信息只向前流动", "Feed-forward (e.g. an MLP):\ninformation flows one way"))
ff.set_xlim(-2, 2)

nodes = {"x0": (0, 0, "x"), "h0": (0, 1.4, "h"), "y0": (0, 2.8, "y")}
edges = [("x0", "h0", ""), ("h0", "y0", "")]
for t in (1, 2, 3):
    x = 1.8 + 1.9 * t
    nodes |= {f"x{t}": (x, 0, f"$x_{t}$"), f"h{t}": (x, 1.4, f"$h_{t}$"), f"y{t}": (x, 2.8, f"$y_{t}$")}
    edges += [(f"x{t}", f"h{t}", ""), (f"h{t}", f"y{t}", "")] + ([(f"h{t - 1}", f"h{t}", "")] if t > 1 else [])
diagram(rnn, nodes, edges, **kw)
rnn.add_patch(FancyArrowPatch((0.55, 1.55), (0.55, 1.25), connectionstyle="arc,angleA=0,angleB=0,armA=22,armB=22,rad=8", arrowstyle="-|>",
                              mutation_scale=12, color="#C0392B", linewidth=1.3))
rnn.text(1.02, 1.95, tr("反馈\n回路", "feedback\nloop"), color="#C0392B", fontsize=9, va="bottom")
rnn.text(2.3, 1.4, "=", fontsize=16, ha="center", va="center")
rnn.text(5.6, -0.75, tr("按时间展开：同一组权重在每个时间步重复使用", "unrolled in time: the same weights at every step"),
         ha="center", fontsize=9, color="#34495E")
rnn.set_title(tr("循环神经网络 RNN：隐藏状态 h 带着过去的信息进入下一步",
                 "Recurrent network (RNN): the hidden state h carries the past into the next step"))
rnn.set_ylim(-1.1, 3.5)
print(figure_html(fig, tr("前馈网络与循环神经网络：RNN 多了一条从隐藏层回到自身的反馈回路。",
                                               "Feed-forward vs recurrent: the RNN has a loop from its hidden layer back to itself.")))
