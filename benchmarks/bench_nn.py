"""Speed of mlnotes.nn against scikit-learn's MLPClassifier, and against the machine's matmul rate.

Run ``python benchmarks/bench_nn.py`` (full sizes) or ``--quick`` (small sizes, a few seconds).

Table 1: training time per epoch of ``mlnotes.nn.MLPClassifier`` and
``sklearn.neural_network.MLPClassifier`` with the same architecture, batch size
and solver (adam), on the same data, in the same run (best of several repeats).
Target: ratio mlnotes / scikit-learn <= 1.5.

Table 2: one forward + backward pass (with the loss) of a 784-256-10 ReLU MLP on
a batch of 256, as a share of this machine's measured float64 matmul rate (a
large square ``A @ B``), and of the rate of matmuls with the same shapes.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from mlnotes.nn import Dense, ReLU, Sequential, SoftmaxCrossEntropyLoss
from mlnotes.nn import MLPClassifier as OurMLP

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _common.py, also when a test loads this file by path
from _common import best_time, parse_args

TARGET = 1.5


def epoch_times(classes: Sequence[type], X: np.ndarray, y: np.ndarray, hidden: tuple[int, ...],
                batch: int, epochs: int, repeats: int) -> list[float]:
    """Best seconds per epoch of ``cls(...).fit(X, y)`` for each class, run for exactly ``epochs`` epochs.

    The repeats alternate between the classes so that both see the same machine load.
    """
    params = dict(hidden_layer_sizes=hidden, solver="adam", batch_size=batch, max_iter=epochs,
                  learning_rate_init=0.001, tol=0.0, n_iter_no_change=10 ** 6, random_state=0)

    def fit(cls: type) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ConvergenceWarning: max_iter is reached on purpose
            model = cls(**params).fit(X, y)
        if model.n_iter_ != epochs:
            raise RuntimeError(f"{cls.__module__} ran {model.n_iter_} epochs instead of {epochs}.")

    best = [np.inf] * len(classes)
    for _ in range(repeats):
        for i, cls in enumerate(classes):
            best[i] = min(best[i], best_time(lambda: fit(cls), 1))
    return [t / epochs for t in best]


def training_cases(quick: bool) -> list[tuple[str, np.ndarray, np.ndarray, tuple[int, ...], int]]:
    rng = np.random.default_rng(0)
    scale = 0.05 if quick else 1.0
    cases = []
    n = int(6000 * scale)
    X = rng.normal(size=(n, 784))
    y = rng.integers(0, 10, size=n)
    cases.append((f"784-256-10, n={n}, batch 256", X, y, (256,), 256))
    n = int(20000 * scale)
    X = rng.normal(size=(n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    cases.append((f"2-100-2 (xor), n={n}, batch 200", X, y, (100,), 200))
    n = int(10000 * scale)
    X = rng.normal(size=(n, 64))
    y = rng.integers(0, 10, size=n)
    cases.append((f"64-128-64-10, n={n}, batch 64", X, y, (128, 64), 64))
    return cases


def forward_backward_share(repeats: int) -> dict[str, float]:
    """GFLOP/s of a 784-256-10 forward+backward at batch 256, and of plain float64 matmuls."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(256, 784))
    y = rng.integers(0, 10, size=256)
    net = Sequential([Dense(784, 256, random_state=0), ReLU(), Dense(256, 10, random_state=1)])
    loss = SoftmaxCrossEntropyLoss()

    def step() -> None:
        loss.forward(net.forward(x), y)
        net.backward(loss.backward())

    # forward: 2*N*(784*256 + 256*10); backward: weight and input gradients, twice that.
    flops = 3 * 2 * 256 * (784 * 256 + 256 * 10)
    a = rng.normal(size=(1024, 1024))
    b = rng.normal(size=(1024, 1024))
    w1, w2 = net.layers[0].params["W"], net.layers[2].params["W"]
    h = rng.normal(size=(256, 256))
    g2 = rng.normal(size=(256, 10))

    def same_shapes() -> None:  # the six matmuls of the step, nothing else
        _ = x @ w1, h @ w2, h.T @ g2, g2 @ w2.T, x.T @ h, h @ w1.T

    # interleaved, so that the three timings see the same machine load
    t_step = t_peak = t_shapes = np.inf
    for _ in range(repeats):
        t_step = min(t_step, best_time(step, 3))
        t_peak = min(t_peak, best_time(lambda: a @ b, 1))
        t_shapes = min(t_shapes, best_time(same_shapes, 3))
    return {
        "step_ms": t_step * 1e3,
        "step_gflops": flops / t_step / 1e9,
        "peak_gflops": 2 * 1024 ** 3 / t_peak / 1e9,
        "shapes_gflops": flops / t_shapes / 1e9,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv, __doc__)
    from sklearn.neural_network import MLPClassifier as SkMLP

    repeats = 1 if args.quick else 5
    epochs = 1 if args.quick else 5
    print(f"Training time per epoch, adam, {epochs} epochs, best of {repeats} "
          f"(target ratio <= {TARGET})")
    header = f"| {'case':<36} | {'mlnotes ms':>10} | {'sklearn ms':>10} | {'ratio':>6} | {'ok':>3} |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    worst = 0.0
    for name, X, y, hidden, batch in training_cases(args.quick):
        ours, ref = epoch_times([OurMLP, SkMLP], X, y, hidden, batch, epochs, repeats)
        ratio = ours / ref
        worst = max(worst, ratio)
        ok = "yes" if ratio <= TARGET else "no"
        print(f"| {name:<36} | {ours * 1e3:>10.2f} | {ref * 1e3:>10.2f} | {ratio:>6.2f} | {ok:>3} |")
    fb = forward_backward_share(3 if args.quick else 50)
    print()
    print("Forward+backward of a 784-256-10 MLP (ReLU, softmax cross-entropy), batch 256, float64")
    print(f"| {'quantity':<44} | {'value':>10} |")
    print(f"|{'-' * 46}|{'-' * 12}|")
    print(f"| {'time per step (ms)':<44} | {fb['step_ms']:>10.3f} |")
    print(f"| {'achieved GFLOP/s (6 matmuls)':<44} | {fb['step_gflops']:>10.2f} |")
    print(f"| {'matmul peak GFLOP/s (1024x1024 @ 1024x1024)':<44} | {fb['peak_gflops']:>10.2f} |")
    print(f"| {'matmul GFLOP/s, the same six shapes alone':<44} | {fb['shapes_gflops']:>10.2f} |")
    print(f"| {'share of peak':<44} | {fb['step_gflops'] / fb['peak_gflops']:>10.1%} |")
    print(f"| {'share of same-shape matmuls':<44} | {fb['step_gflops'] / fb['shapes_gflops']:>10.1%} |")
    print()
    print(f"worst training ratio: {worst:.2f} (target <= {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
