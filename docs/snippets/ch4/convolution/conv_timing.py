import timeit

import numpy as np

from mlnotes.nn import conv2d, conv2d_naive, conv_output_size
from mlnotes.book.i18n import tr

rng = np.random.default_rng(0)
k = rng.normal(size=(3, 3))
print(tr("| 图片 | 卷积核 | conv2d_naive 的循环次数 | conv2d 的矩阵乘法次数 | 结果相同 | 实测加速比（下限） |",
         "| image | kernel | loop iterations of conv2d_naive | matrix products of conv2d | same result | "
         "measured speed-up (lower bound) |"))
print("|---|---|---:|---:|---|---:|")
for n in (64, 128):
    x = rng.normal(size=(n, n))
    same = np.allclose(conv2d_naive(x, k), conv2d(x, k))
    t_naive = min(timeit.repeat(lambda x=x: conv2d_naive(x, k), number=1, repeat=2))
    t_fast = min(timeit.repeat(lambda x=x: conv2d(x, k), number=20, repeat=3)) / 20
    speedup = t_naive / t_fast
    # timings differ from run to run and with the machine's load (300× to 700× on the 2-core machine
    # this site is built on); the page shows a bound far below them, so that two builds give the same page
    bound = "≥ 10×" if speedup >= 10 else "< 10×"
    print(f"| {n}×{n} | 3×3 | {conv_output_size(n, 3) ** 2} | 1 | {tr('是', 'yes') if same else tr('否', 'no')} | {bound} |")
print()
print(tr("循环版每个输出像素都要回到 Python 调用一次 NumPy；向量化版本用 im2col 把所有窗口排成一个矩阵，只做一次矩阵乘法。"
         "确切的耗时每次运行都不同：表中只给出一个保守的下限（本站构建机上实测通常为几百倍），这样每次构建得到的页面相同；"
         "可用 `make bench` 在自己的机器上测量。",
         "The loop goes back to Python and calls NumPy once per output pixel; the vectorised version lays out every "
         "window as a column of one matrix (im2col) and does a single matrix product. Exact timings vary from run to "
         "run, so the table shows only a conservative lower bound (typically several hundred times on the machine that "
         "builds this site), which keeps every build's page the same; `make bench` measures them on your machine."))
