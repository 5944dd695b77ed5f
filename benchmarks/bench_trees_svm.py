"""Speed of mlnotes' trees, forests and SVC against scikit-learn, measured in the same run.

Run ``python benchmarks/bench_trees_svm.py`` (full sizes) or with ``--quick``
(small sizes, a few seconds; used by the test suite as a smoke test). For each
case the table shows the best of several repeats of ``fit`` and of ``predict``
for both libraries, the ratios mlnotes / scikit-learn and the issue's target
for the fit + predict ratio. scikit-learn runs single-threaded (its default
``n_jobs=None``), as does mlnotes.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sklearn import ensemble as sk_ensemble
from sklearn import svm as sk_svm
from sklearn import tree as sk_tree
from sklearn.datasets import make_classification, make_regression

from mlnotes.ensemble import RandomForestClassifier, RandomForestRegressor
from mlnotes.svm import SVC
from mlnotes.tree import DecisionTreeClassifier, DecisionTreeRegressor


def _best_time(fn: Callable[[], Any], repeats: int) -> float:
    best = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _cases(quick: bool) -> list[tuple[str, Any, Any, tuple[np.ndarray, ...], float]]:
    """(name, mlnotes estimator, scikit-learn estimator, (X_train, y_train, X_test), target)."""
    n, d, trees = (300, 10, 10) if quick else (2000, 20, 100)

    def clf_data(seed: int, n_samples: int = n) -> tuple[np.ndarray, ...]:
        X, y = make_classification(2 * n_samples, d, n_informative=d // 2, random_state=seed)
        return X[:n_samples], y[:n_samples], X[n_samples:]

    def reg_data(seed: int, n_samples: int = n) -> tuple[np.ndarray, ...]:
        X, y = make_regression(2 * n_samples, d, n_informative=d // 2, noise=5.0,
                               random_state=seed)
        return X[:n_samples], y[:n_samples], X[n_samples:]

    big = 1000 if quick else 10000
    return [
        (f"DecisionTreeClassifier {n}x{d}", DecisionTreeClassifier(random_state=0),
         sk_tree.DecisionTreeClassifier(random_state=0), clf_data(0), 5.0),
        (f"DecisionTreeClassifier entropy {big}x{d}",
         DecisionTreeClassifier(criterion="entropy", random_state=0),
         sk_tree.DecisionTreeClassifier(criterion="entropy", random_state=0),
         clf_data(1, big), 5.0),
        (f"DecisionTreeRegressor {n}x{d}", DecisionTreeRegressor(random_state=0),
         sk_tree.DecisionTreeRegressor(random_state=0), reg_data(2), 5.0),
        (f"RandomForestClassifier({trees}) {n}x{d}",
         RandomForestClassifier(n_estimators=trees, random_state=0),
         sk_ensemble.RandomForestClassifier(n_estimators=trees, random_state=0),
         clf_data(3), 5.0),
        (f"RandomForestRegressor({trees}) {n}x{d}",
         RandomForestRegressor(n_estimators=trees, random_state=0),
         sk_ensemble.RandomForestRegressor(n_estimators=trees, random_state=0),
         reg_data(4), 5.0),
        (f"SVC rbf binary {n}x{d}", SVC(), sk_svm.SVC(), clf_data(5), 10.0),
        (f"SVC linear binary {n}x{d}", SVC(kernel="linear", C=0.1),
         sk_svm.SVC(kernel="linear", C=0.1), clf_data(6), 10.0),
    ]


def main(argv: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Time every case, print the table and return its rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repeat")
    parser.add_argument("--repeats", type=int, default=None, help="repeats per timing")
    args = parser.parse_args(argv)
    repeats = args.repeats or (1 if args.quick else 3)
    rows = []
    for name, ours, theirs, (X, y, X_test), target in _cases(args.quick):
        row: dict[str, Any] = {"case": name, "target": target}
        for label, est in (("mlnotes", ours), ("sklearn", theirs)):
            row[f"{label}_fit"] = _best_time(lambda est=est, X=X, y=y: est.fit(X, y), repeats)
            row[f"{label}_predict"] = _best_time(lambda est=est, X_test=X_test: est.predict(X_test),
                                                 repeats)
        row["fit_ratio"] = row["mlnotes_fit"] / row["sklearn_fit"]
        row["predict_ratio"] = row["mlnotes_predict"] / row["sklearn_predict"]
        row["ratio"] = ((row["mlnotes_fit"] + row["mlnotes_predict"])
                        / (row["sklearn_fit"] + row["sklearn_predict"]))
        rows.append(row)
    header = (f"{'case':<40} {'fit ms (ml / sk)':>20} {'ratio':>6} {'predict ms (ml / sk)':>22}"
              f" {'ratio':>6} {'fit+pred':>8} {'target':>7}")
    print(header)
    print("-" * len(header))
    for r in rows:
        verdict = "ok" if r["ratio"] <= r["target"] else "MISSED"
        print(f"{r['case']:<40} {1e3 * r['mlnotes_fit']:9.1f} / {1e3 * r['sklearn_fit']:8.1f}"
              f" {r['fit_ratio']:6.2f} {1e3 * r['mlnotes_predict']:10.2f} / "
              f"{1e3 * r['sklearn_predict']:9.2f} {r['predict_ratio']:6.2f} {r['ratio']:8.2f}"
              f" {'<= ' + format(r['target'], 'g'):>7} {verdict}")
    return rows


if __name__ == "__main__":
    main()
