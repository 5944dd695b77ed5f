from mlnotes.book.cnn import make_stroke_cnn, make_stroke_mlp
from mlnotes.book.i18n import tr


def n_weights(net):
    """Weights and biases of a network."""
    return sum(p.size for p in net.params.values())


counts = {
    "cnn_8": n_weights(make_stroke_cnn(8, random_state=0)),
    "cnn_16": n_weights(make_stroke_cnn(16, random_state=0)),
    "mlp_64": n_weights(make_stroke_mlp(12, 64, random_state=0)),
    "mlp_128": n_weights(make_stroke_mlp(12, 128, random_state=0)),
    "mlp_24px": n_weights(make_stroke_mlp(24, 64, random_state=0)),
}
print(tr("| 网络 | 参数个数（权重和偏置） |", "| network | parameters (weights and biases) |"))
print("|---|---:|")
for key, label in [("cnn_8", tr("CNN，8 个卷积核（正文）", "CNN, 8 kernels (the text)")),
                   ("cnn_16", tr("CNN，16 个卷积核", "CNN, 16 kernels")),
                   ("mlp_64", tr("MLP，12×12 图片、64 个隐藏节点（正文）", "MLP, 12×12 pictures, 64 hidden units (the text)")),
                   ("mlp_128", tr("MLP，128 个隐藏节点", "MLP, 128 hidden units")),
                   ("mlp_24px", tr("MLP，24×24 的图片", "MLP, 24×24 pictures"))]:
    print(f"| {label} | {counts[key]} |")
