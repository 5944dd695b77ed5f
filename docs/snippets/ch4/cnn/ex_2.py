import numpy as np

from mlnotes.nn import max_pool2d
from mlnotes.nn import GlobalMaxPool2D
from mlnotes.book.i18n import tr

x = np.zeros((4, 4))
x[1, 0] = 9.0                          # one strong response in the top-left 2x2 window
results = {}
for shift in (0, 1, 2):
    moved = np.roll(x, shift, axis=1)  # the same response, `shift` columns to the right
    results[shift] = (max_pool2d(moved, 2), GlobalMaxPool2D().forward(moved[None, None])[0, 0])
    pooled, glob = results[shift]
    print(tr(f"右移 {shift} 列：2×2 最大池化 = {pooled.tolist()}，全局最大池化 = {glob:g}",
             f"shifted {shift} column(s): 2×2 max pooling = {pooled.tolist()}, global max pooling = {glob:g}"))
