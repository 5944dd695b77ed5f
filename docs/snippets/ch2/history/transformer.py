from mlnotes.book.i18n import tr
from mlnotes.book.plots import diagram
from mlnotes.book.render import figure, figure_html

fig, ax = figure(figsize=(8, 5.6))
enc = [tr("输入词向量 + 位置编码", "input embedding\n+ positional encoding"), tr("多头自注意力", "multi-head\nself-attention"),
       tr("残差连接 + 层归一化", "add & norm"), tr("前馈网络", "feed-forward"), tr("残差连接 + 层归一化", "add & norm")]
dec = [tr("输出词向量 + 位置编码", "output embedding\n+ positional encoding"),
       tr("带掩码的多头自注意力", "masked multi-head\nself-attention"), tr("残差连接 + 层归一化", "add & norm"),
       tr("编码器-解码器注意力", "encoder–decoder\nattention"), tr("残差连接 + 层归一化", "add & norm"),
       tr("前馈网络", "feed-forward"), tr("残差连接 + 层归一化", "add & norm"), tr("线性层 + softmax", "linear + softmax")]
attention_like = {"e1", "d1", "d3"}
nodes = {f"e{i}": (0, 1.1 * i, t) for i, t in enumerate(enc)} | {f"d{i}": (4.2, 1.1 * i, t) for i, t in enumerate(dec)}
edges = [(f"e{i}", f"e{i + 1}", "") for i in range(len(enc) - 1)] + [(f"d{i}", f"d{i + 1}", "") for i in range(len(dec) - 1)]
edges.append(("e4", "d3", ""))
colors = {n: "#FCE5CD" for n in attention_like} | {"e0": "#F4F6F7", "d0": "#F4F6F7", "d7": "#D9EAD3"}
diagram(ax, nodes, edges, box_width=3.1, box_height=0.75, fontsize=8.5, colors=colors)
ax.text(0, 1.1 * len(enc) - 0.35, tr("编码器（× N）", "encoder (× N)"), ha="center", fontsize=11)
ax.text(4.2, 1.1 * len(dec) - 0.35, tr("解码器（× N）", "decoder (× N)"), ha="center", fontsize=11)
ax.set_ylim(-0.8, 1.1 * len(dec) + 0.1)
print(figure_html(fig, tr("Transformer 的结构（简化）：编码器和解码器都由注意力层和前馈层堆叠而成，没有循环。",
                                                 "The Transformer (simplified): encoder and decoder are stacks of attention and feed-forward layers, with no recurrence.")))
