import numpy as np

from mlnotes.nn import conv2d, conv_output_size
from mlnotes.book.i18n import tr

x = np.array([[10, 10, 10, 0, 0, 0]] * 6)   # the picture of the edge-detection figure
w = np.array([[1, 0, -1]] * 3)              # the same vertical-edge kernel
cases = {
    "flipped": (x[:, ::-1], tr("左暗右亮的图片", "dark left, bright right")),
    "rotated": (x.T, tr("上亮下暗的图片（水平边缘）", "bright top, dark bottom (a horizontal edge)")),
}
outputs = {}
for key, (picture, label) in cases.items():
    outputs[key] = conv2d(picture, w).astype(int)
    print(label + tr("：", ":"))
    print(outputs[key])
    print()
n, f = x.shape[0], w.shape[0]
print(tr(f"输出尺寸：conv_output_size({n}, {f}) = {conv_output_size(n, f)}",
         f"output size: conv_output_size({n}, {f}) = {conv_output_size(n, f)}"))
