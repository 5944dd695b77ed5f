import numpy as np

from mlnotes.nn import conv2d
from mlnotes.book.data import load_sample_image
from mlnotes.nn import Conv2D
from mlnotes.book.i18n import tr

x = load_sample_image()[120:380:2, 120:380:2].transpose(2, 0, 1)[None] / 255.0  # (1, 3, 130, 130) RGB
layer = Conv2D(3, 8, 5, random_state=0)       # 8 kernels of shape (3, 5, 5), no padding
y = layer.forward(x)
n_params = sum(p.size for p in layer.params.values())
print(tr(f"输出形状：{y.shape}", f"output shape: {y.shape}"))
print(tr(f"参数个数：{n_params}", f"parameters: {n_params}"))
# the same first feature map by hand: sum of three single-channel convolutions plus the bias
by_hand = sum(conv2d(x[0, c], layer.params["W"][0, c]) for c in range(3)) + layer.params["b"][0]
print(tr(f"第 1 张特征图与逐通道相加的结果一致：{np.allclose(by_hand, y[0, 0])}",
         f"feature map 1 equals the per-channel sum: {np.allclose(by_hand, y[0, 0])}"))
