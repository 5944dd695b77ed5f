"""Speed of mlnotes' trees, forests and SVC against scikit-learn, measured in the same run.

Run ``python benchmarks/bench_trees_svm.py`` (full sizes) or with ``--quick``
(small sizes, a few seconds; used by the test suite as a smoke test). For each
case the table shows the best of several repeats of ``fit`` and of ``predict``
for both libraries, the ratios mlnotes / scikit-learn and the issue's target
for the fit + predict ratio. scikit-learn runs single-threaded (its default
``n_jobs=None``), as does mlnotes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn import ensemble as sk_ensemble
from sklearn import svm as sk_svm
from sklearn import tree as sk_tree
from sklearn.datasets import make_classification, make_regression

from mlnotes.ensemble import RandomForestClassifier, RandomForestRegressor
from mlnotes.svm import SVC
from mlnotes.tree import DecisionTreeClassifier, DecisionTreeRegressor

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _common.py, also when a test loads this file by path
from _common import best_time, format_table, parse_args


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
    args = parse_args(argv, __doc__, repeats=True)
    repeats = args.repeats or (1 if args.quick else 3)
    rows = []
    for name, ours, theirs, (X, y, X_test), target in _cases(args.quick):
        row: dict[str, Any] = {"case": name, "target": target}
        for label, est in (("mlnotes", ours), ("sklearn", theirs)):
            row[f"{label}_fit"] = best_time(lambda est=est, X=X, y=y: est.fit(X, y), repeats)
            row[f"{label}_predict"] = best_time(lambda est=est, X_test=X_test: est.predict(X_test),
                                                 repeats)
        row["fit_ratio"] = row["mlnotes_fit"] / row["sklearn_fit"]
        row["predict_ratio"] = row["mlnotes_predict"] / row["sklearn_predict"]
        row["ratio"] = ((row["mlnotes_fit"] + row["mlnotes_predict"])
                        / (row["sklearn_fit"] + row["sklearn_predict"]))
        rows.append(row)
    cells = [[r["case"], f"{1e3 * r['mlnotes_fit']:.1f} / {1e3 * r['sklearn_fit']:.1f}", f"{r['fit_ratio']:.2f}",
              f"{1e3 * r['mlnotes_predict']:.2f} / {1e3 * r['sklearn_predict']:.2f}", f"{r['predict_ratio']:.2f}",
              f"{r['ratio']:.2f}", f"<= {r['target']:g}", "ok" if r["ratio"] <= r["target"] else "MISSED"]
             for r in rows]
    print(format_table(["case", "fit ms (ml / sk)", "ratio", "predict ms (ml / sk)", "ratio", "fit+pred", "target",
                        ""], cells, align="lrrrrrr"))
    return rows


if __name__ == "__main__":
    main()
