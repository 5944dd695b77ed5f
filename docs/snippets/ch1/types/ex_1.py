import numpy as np

from mlnotes.cluster import DBSCAN
from mlnotes.datasets import make_moons
from mlnotes.book.i18n import tr

X, moon = make_moons(300, noise=0.07, random_state=0)   # the two moons of the page
found = {}
for eps in (0.05, 0.2, 0.5):                              # the page used eps = 0.2
    labels = DBSCAN(eps=eps, min_samples=5).fit(X).labels_
    found[eps] = (len(set(labels) - {-1}), int(np.sum(labels == -1)))

print(tr("| eps | 簇数 | 噪声点 |", "| eps | clusters | noise points |"))
print("|---:|---:|---:|")
for eps, (n_clusters, n_noise) in found.items():
    print(f"| {eps} | {n_clusters} | {n_noise} |")
