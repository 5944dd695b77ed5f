import numpy as np

from mlnotes.book.cnn import make_stroke_cnn
from mlnotes.book.data import make_strokes
from mlnotes.nn import Dense, Flatten, Sequential
from mlnotes.book.i18n import tr

# one 横折 on the left (a training position) and the same stroke 6 columns to the right (unseen)
X, y, _ = make_strokes(10, size=12, stroke_size=4, positions=[(3, 1)], noise=0.0, random_state=0)
left = X[y == 1][:1][:, None]           # (1, 1, 12, 12)
right = np.roll(left, 6, axis=3)        # the same pixels, shifted 6 columns to the right

net = make_stroke_cnn(8, random_state=0)  # 3x3 convolution -> ReLU -> global max pooling -> dense
conv, relu, pool, dense = net.layers
maps_left = relu.forward(conv.forward(left))    # (1, 8, 14, 14) feature maps
maps_right = relu.forward(conv.forward(right))
equivariance = np.abs(maps_right - np.roll(maps_left, 6, axis=3)).max()  # shifted input -> shifted maps
same_maps = np.abs(maps_right - maps_left).max()                          # ... but not the same maps
pooled = np.abs(pool.forward(maps_right) - pool.forward(maps_left)).max()  # the maxima do not move
logits = np.abs(net.forward(right) - net.forward(left)).max()

# the same convolution followed by flatten + dense instead of global max pooling
flat_net = Sequential([conv, relu, Flatten(), Dense(8 * 14 * 14, 2, random_state=0)])
flat_logits = np.abs(flat_net.forward(right) - flat_net.forward(left)).max()

print(tr("| 比较（笔画右移 6 列） | 最大差 |", "| comparison (stroke shifted 6 columns right) | largest difference |"))
print("|---|---:|")
for label, value in [
    (tr("特征图与右移后的原特征图（等变）", "feature maps vs. the original maps shifted (equivariance)"), equivariance),
    (tr("特征图与原特征图（不移动）", "feature maps vs. the original maps, unshifted"), same_maps),
    (tr("全局最大池化的输出（不变）", "output of global max pooling (invariance)"), pooled),
    (tr("网络的输出", "network output"), logits),
    (tr("把全局最大池化换成展平 + 全连接层后的输出", "output with flatten + fully connected layer instead of global max pooling"),
     flat_logits),
]:
    print(f"| {label} | {value:.3g} |")
