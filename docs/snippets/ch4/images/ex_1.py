import numpy as np

from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr

rgb = load_sample_image()                          # (height, width, depth), uint8
n_numbers = rgb.size
bytes_uint8 = rgb.nbytes
bytes_float64 = rgb.astype(np.float64).nbytes
hidden = 1000
fc_weights = n_numbers * hidden                    # one weight per (input number, hidden unit) pair
print(tr(f"形状 {rgb.shape}：共 {n_numbers} 个数", f"shape {rgb.shape}: {n_numbers} numbers"))
print(tr(f"以 uint8 存储：{bytes_uint8} 字节；转成 float64：{bytes_float64} 字节",
         f"stored as uint8: {bytes_uint8} bytes; as float64: {bytes_float64} bytes"))
print(tr(f"展平后接 {hidden} 个隐藏节点的全连接层：{fc_weights:,} 个权重",
         f"a fully connected layer of {hidden} hidden units on the flattened photo: {fc_weights:,} weights"))
