import numpy as np

from mlnotes.book.data import load_sample_image
from mlnotes.book.i18n import tr

rgb = load_sample_image()
r, g, b = rgb[0, 0].astype(int)                     # the top-left pixel
by_hand = round(0.299 * r + 0.587 * g + 0.114 * b)  # the luma weights of ITU-R BT.601
gray = int(load_sample_image(as_gray=True)[0, 0])
plain_mean = round((r + g + b) / 3)
print(tr(f"左上角像素 (R, G, B) = ({r}, {g}, {b})", f"top-left pixel (R, G, B) = ({r}, {g}, {b})"))
print(tr(f"0.299 R + 0.587 G + 0.114 B = {by_hand}；load_sample_image(as_gray=True) 给出 {gray}",
         f"0.299 R + 0.587 G + 0.114 B = {by_hand}; load_sample_image(as_gray=True) gives {gray}"))
print(tr(f"三个通道的简单平均：{plain_mean}", f"plain mean of the three channels: {plain_mean}"))
