from mlnotes.nn import conv_output_size
from mlnotes.book.i18n import tr

cases = [(5, 0, 3, 1, tr("笔记中的 5×5 图片、3×3 卷积核", "the notes' 5×5 image, 3×3 kernel")),
         (4, 1, 3, 1, tr("笔记中的填充例子", "the notes' padding example")),
         (4, 0, 2, 1, tr("4.2.2 的 2×2 卷积核", "the 2×2 kernel of 4.2.2")),
         (7, 0, 3, 2, tr("步长 2", "stride 2")),
         (7, 1, 3, 2, tr("步长 2 加填充", "stride 2 with padding")),
         (6, 0, 3, 2, tr("除不尽：向下取整", "not divisible: rounded down")),
         (32, 0, 5, 1, tr("LeNet-5 的 C1 层：32×32 输入、5×5 卷积核、不填充", "LeNet-5's layer C1: 32×32 input, 5×5 kernel, no padding")),
         (28, 2, 5, 1, tr("28×28 的 MNIST 图片填充 2 再卷积：尺寸不变", "a 28×28 MNIST digit padded by 2: size kept")),
         (224, 3, 7, 2, tr("ResNet（He 等，2016）的第一层：7×7 卷积核、步长 2", "ResNet's first layer (He et al., 2016): 7×7 kernel, stride 2"))]
print("| n | p | f | s | $(n + 2p - f) / s$ | " + tr("输出尺寸", "output size") + " | " + tr("说明", "note") + " |")
print("|---:|---:|---:|---:|---:|---:|---|")
for n, p, f, s, note in cases:
    out = conv_output_size(n, f, p, s)
    print(f"| {n} | {p} | {f} | {s} | {(n + 2 * p - f) / s:g} | **{out}×{out}** | {note} |")
print()
