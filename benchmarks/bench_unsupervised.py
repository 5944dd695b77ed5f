"""Speed of mlnotes' unsupervised estimators against scikit-learn and mlxtend, in the same run.

Run ``python benchmarks/bench_unsupervised.py`` (full sizes) or with ``--quick``
(small sizes, a few seconds; the test suite uses it as a smoke test). Each case
times the same work on the same data for both libraries and keeps the best of
several repeats (``time.perf_counter``):

* KMeans: ``fit`` with k-means++ and ``n_init=10`` (scikit-learn's Lloyd);
* PCA: ``fit_transform`` with the default solver choice of each library;
* DBSCAN: ``fit``;
* IsolationForest: ``fit`` + ``score_samples`` on the training data, 100 trees;
* Apriori: frequent itemsets from a list of baskets. mlxtend needs a one-hot
  DataFrame first, so "end to end" includes its ``TransactionEncoder``; a second
  row times mlxtend's ``apriori`` alone on the pre-encoded DataFrame against
  mlnotes end to end.

Both sides run with BLAS and OpenMP limited to one thread (``threadpoolctl``), so
the ratios compare algorithms rather than core counts on a shared machine. The
table also shows a quality check (inertia ratio, label agreement, AUC, ...).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from mlxtend.frequent_patterns import apriori as mlx_apriori
from mlxtend.preprocessing import TransactionEncoder
from sklearn import cluster as sk_cluster
from sklearn import decomposition as sk_decomposition
from sklearn import ensemble as sk_ensemble
from sklearn.datasets import make_blobs, make_moons
from sklearn.metrics import adjusted_rand_score, roc_auc_score
from threadpoolctl import threadpool_limits

from mlnotes.anomaly import IsolationForest
from mlnotes.association import apriori
from mlnotes.cluster import DBSCAN, KMeans
from mlnotes.datasets import make_baskets, make_outliers
from mlnotes.decomposition import PCA

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _common.py, also when a test loads this file by path
from _common import best_run, format_table, parse_args


def _cases(quick: bool) -> list[tuple[str, Callable, Callable, Callable, float]]:
    """(name, mlnotes run, reference run, quality check(ours, theirs) -> str, target ratio)."""
    n = 2000 if quick else 20000
    cases = []

    for d, k in ((2, 8), (10, 10)):
        X, _ = make_blobs(n, n_features=d, centers=k, cluster_std=1.5, random_state=d)
        cases.append((
            f"KMeans k={k} {n}x{d}",
            lambda X=X, k=k: KMeans(n_clusters=k, n_init=10, random_state=0).fit(X),
            lambda X=X, k=k: sk_cluster.KMeans(n_clusters=k, n_init=10, random_state=0).fit(X),
            lambda a, b: f"inertia ratio {a.inertia_ / b.inertia_:.4f}", 2.0))

    rng = np.random.default_rng(0)
    for shape in ((5 * n, 20), (n // 4, 200) if quick else (2000, 500)):
        X = rng.normal(size=shape) @ rng.normal(size=(shape[1], shape[1]))
        cases.append((
            f"PCA {shape[0]}x{shape[1]}",
            lambda X=X: PCA().fit(X).transform(X),
            lambda X=X: sk_decomposition.PCA().fit(X).transform(X),
            lambda a, b: f"max |dZ| {np.abs(a - b).max():.1e}", 1.5))

    Xm, _ = make_moons(n, noise=0.05, random_state=0)
    Xb, _ = make_blobs(n, n_features=3, centers=5, random_state=1)
    for name, X, eps in (("moons", Xm, 0.05), ("blobs 3D", Xb, 0.5)):
        cases.append((
            f"DBSCAN {name} {n}x{X.shape[1]} eps={eps}",
            lambda X=X, eps=eps: DBSCAN(eps=eps, min_samples=10).fit(X).labels_,
            lambda X=X, eps=eps: sk_cluster.DBSCAN(eps=eps, min_samples=10).fit(X).labels_,
            lambda a, b: f"labels equal {bool(np.array_equal(a, b))}, ARI {adjusted_rand_score(a, b):.3f}",
            3.0))

    X, is_out = make_outliers(n, n // 50, 10, random_state=0)
    cases.append((
        f"IsolationForest {X.shape[0]}x10",
        lambda X=X: IsolationForest(random_state=0).fit(X).score_samples(X),
        lambda X=X: sk_ensemble.IsolationForest(random_state=0).fit(X).score_samples(X),
        lambda a, b, m=is_out: f"AUC {roc_auc_score(m, -a):.3f} vs {roc_auc_score(m, -b):.3f}", 5.0))

    baskets = make_baskets(n // 2 if quick else 10000, 60, avg_size=6.0, random_state=0)
    min_support = 0.02

    def mlx_end_to_end(baskets=baskets):
        encoder = TransactionEncoder()
        df = pd.DataFrame(encoder.fit(baskets).transform(baskets), columns=encoder.columns_)
        return mlx_apriori(df, min_support, use_colnames=True)

    encoder = TransactionEncoder()
    onehot = pd.DataFrame(encoder.fit(baskets).transform(baskets), columns=encoder.columns_)

    def same(a, b):
        return f"{len(a)} itemsets, equal {a == dict(zip(b.itemsets, b.support, strict=True))}"

    cases.append((f"Apriori {len(baskets)} baskets, end to end",
                  lambda: apriori(baskets, min_support), mlx_end_to_end, same, 1.0))
    cases.append((f"Apriori {len(baskets)} baskets, vs mlxtend apriori only",
                  lambda: apriori(baskets, min_support),
                  lambda: mlx_apriori(onehot, min_support, use_colnames=True), same, 1.0))
    return cases


def main(argv: Sequence[str] | None = None) -> str:
    """Run the benchmark, print the table and return it as text."""
    args = parse_args(argv, __doc__, repeats=True)
    repeats = args.repeats or (1 if args.quick else 5)
    rows = []
    with threadpool_limits(limits=1):
        for name, ours, theirs, check, target in _cases(args.quick):
            t_ours, out_ours = best_run(ours, repeats)
            t_ref, out_ref = best_run(theirs, repeats)
            ratio = t_ours / t_ref
            rows.append([name, f"{1e3 * t_ours:.1f}", f"{1e3 * t_ref:.1f}", f"{ratio:.2f}", f"<= {target:g}",
                         "yes" if ratio <= target else "NO", check(out_ours, out_ref)])
    text = format_table(["case", "mlnotes ms", "reference ms", "ratio", "target", "ok", "check"], rows,
                        align="lrrrr")
    print(text)
    return text


if __name__ == "__main__":
    main()
