import numpy as np
from sklearn.datasets import load_digits  # only the data

from mlnotes.decomposition import PCA
from mlnotes.book.i18n import tr

X = load_digits().data
cumulative = np.cumsum(PCA().fit(X).explained_variance_ratio_)
needed = {share: int(np.searchsorted(cumulative, share) + 1) for share in (0.5, 0.9, 0.95, 0.99)}
print(tr("| 要保留的方差 | 需要的主成分个数（共 64 个） |", "| variance kept | components needed (of 64) |"))
print("|---:|---:|")
for share, k in needed.items():
    print(f"| {share:.0%} | {k} |")
