"""Speed of the supervised estimators of mlnotes against scikit-learn, measured in the same run.

Run ``python benchmarks/bench_supervised.py`` (the issue's size: 2,000 x 20 training
data, 2,000 query rows) or ``--quick`` (300 x 10, a few seconds).

For each estimator, ``fit`` and ``predict`` are timed on the same data for
mlnotes and scikit-learn (best of several alternating repeats,
``time.perf_counter``), and the table prints the ratio mlnotes / scikit-learn
with the issue's target: k-NN, linear regression and Gaussian naive Bayes
<= 1.5, logistic regression <= 3. scikit-learn runs with its defaults (k-NN: ``algorithm="auto"``, which
picks brute force for 20 features; logistic regression: ``lbfgs``).
Predictions of both libraries are checked to agree before timing.
``--threads 1`` limits both to one BLAS/OpenMP thread (scikit-learn's k-NN
search is OpenMP-parallel, mlnotes' only in the matrix product), which also
makes the ratios steadier on a busy machine.
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn import linear_model as sk_linear
from sklearn import naive_bayes as sk_nb
from sklearn import neighbors as sk_neighbors
from threadpoolctl import threadpool_limits

from mlnotes import linear_model, naive_bayes, neighbors

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _common.py, also when a test loads this file by path
from _common import format_table, parse_args


def best_times(fn_a: Callable[[], object], fn_b: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Best wall-clock times of ``fn_a()`` and ``fn_b()``, run alternately so both see the same load."""
    best_a = best_b = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn_a()
        middle = time.perf_counter()
        fn_b()
        best_a, best_b = min(best_a, middle - start), min(best_b, time.perf_counter() - middle)
    return best_a, best_b


def make_data(n: int, d: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    X, Q = rng.normal(size=(n, d)), rng.normal(size=(n, d))
    w = rng.normal(size=d)
    logits3 = X @ rng.normal(size=(d, 3)) * 0.5 + rng.gumbel(size=(n, 3))
    return {
        "X": X, "Q": Q,
        "y_reg": X @ w + rng.normal(scale=0.5, size=n),
        "y_bin": (X @ w * 0.3 + rng.logistic(size=n) > 0).astype(int),
        "y_3": np.argmax(logits3, axis=1),
    }


def cases(data: dict[str, np.ndarray]) -> list[tuple[str, object, object, str, float]]:
    """(name, mlnotes estimator, scikit-learn estimator, target key, target ratio)."""
    return [
        ("KNeighborsClassifier", neighbors.KNeighborsClassifier(), sk_neighbors.KNeighborsClassifier(), "y_3", 1.5),
        ("KNeighborsRegressor", neighbors.KNeighborsRegressor(), sk_neighbors.KNeighborsRegressor(), "y_reg", 1.5),
        ("LinearRegression", linear_model.LinearRegression(), sk_linear.LinearRegression(), "y_reg", 1.5),
        ("GaussianNB", naive_bayes.GaussianNB(), sk_nb.GaussianNB(), "y_3", 1.5),
        ("LogisticRegression (2 classes)", linear_model.LogisticRegression(),
         sk_linear.LogisticRegression(), "y_bin", 3.0),
        ("LogisticRegression (3 classes)", linear_model.LogisticRegression(),
         sk_linear.LogisticRegression(), "y_3", 3.0),
    ]


def run(n: int, d: int, repeats: int) -> list[list[str]]:
    data = make_data(n, d)
    X, Q = data["X"], data["Q"]
    rows = []
    for name, ours, ref, target_key, target in cases(data):
        y = data[target_key]
        ours.fit(X, y)
        ref.fit(X, y)
        pred_ours, pred_ref = ours.predict(Q), ref.predict(Q)
        agree = np.mean(np.isclose(pred_ours, pred_ref, rtol=1e-6, atol=1e-6))
        if agree < 0.99:
            raise RuntimeError(f"{name}: mlnotes and scikit-learn predictions agree on only {agree:.1%}")
        for step, fn_ours, fn_ref in (
            ("fit", lambda: ours.fit(X, y), lambda: ref.fit(X, y)),  # noqa: B023
            ("predict", lambda: ours.predict(Q), lambda: ref.predict(Q)),  # noqa: B023
        ):
            t_ours, t_ref = best_times(fn_ours, fn_ref, repeats)
            ratio = t_ours / t_ref
            rows.append([name, step, f"{t_ours * 1e3:.2f}", f"{t_ref * 1e3:.2f}", f"{ratio:.2f}",
                         f"<= {target:g}", "yes" if ratio <= target else "NO"])
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv, __doc__, threads=True)
    n, d, repeats = (300, 10, 3) if args.quick else (2000, 20, 15)
    with warnings.catch_warnings(), threadpool_limits(args.threads):
        warnings.simplefilter("ignore")  # convergence warnings are not what is measured here
        rows = run(n, d, repeats)
    threads = "all threads" if args.threads is None else f"{args.threads} thread(s)"
    print(f"mlnotes vs scikit-learn, {n} x {d} training data, {n} query rows, best of {repeats}, {threads}")
    print(format_table(["estimator", "step", "mlnotes ms", "sklearn ms", "ratio", "target", "met"], rows))


if __name__ == "__main__":
    main()
