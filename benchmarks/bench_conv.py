"""Speed of mlnotes.nn.conv and the CNN layers, against the loop version, SciPy and the machine's matmul rate.

Run ``python benchmarks/bench_conv.py`` (the issue's sizes) or ``--quick`` (small sizes, a few seconds).

Table 1 (reference timings, same data, same run, best of several repeats):

* ``conv2d`` vs ``conv2d_naive`` (the notes' loop) on a batch N=32, C=8, 28x28,
  K=16 kernels of 3x3. Target: ratio <= 0.01 (at least 100x faster).
* ``conv2d`` vs ``scipy.signal.correlate2d`` on one 512x512 image with a 3x3
  kernel, "valid" and "same". Target: ratio <= 1.5.

Table 2: the batched forward pass ``conv2d`` in GFLOP/s (2*N*K*Ho*Wo*C*F*F
floating-point operations) as a share of this machine's float64 matmul rate,
measured in the same run on a 1024x1024 ``A @ B`` (best of 21). Target >= 50 %. The last
columns time the two halves of the computation separately on the whole batch,
``im2col(x)`` (copying every window: memory traffic, no arithmetic) and the
product ``w.reshape(K, -1) @ cols`` alone (its own share of the peak in
brackets), which shows what bounds a layer with few channels. (``conv2d`` itself
works on cache-sized blocks of images, so it can beat the sum of the two.)

The machine is shared: run it when the load is low. With BLAS threads
competing with other processes, one thread gives steadier figures
(SciPy's ``correlate2d`` is single-threaded anyway): ``--threads 1``.

Table 3: training time per epoch of the LeNet-5-style network
(:func:`mlnotes.book.cnn.make_lenet`) with Adam, batch 32: on scikit-learn's 8x8
digits (1,347 training images) and on 1,000 random 28x28 images.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.signal import correlate2d
from threadpoolctl import threadpool_limits

from mlnotes.book.cnn import make_lenet
from mlnotes.nn import conv2d, conv2d_naive, im2col
from mlnotes.nn import Adam, SoftmaxCrossEntropyLoss, train

sys.path.insert(0, str(Path(__file__).resolve().parent))  # _common.py, also when a test loads this file by path
from _common import best_time, format_table, parse_args

SPEEDUP_TARGET = 100.0
SCIPY_TARGET = 1.5
FLOP_SHARE_TARGET = 0.5


def reference_rows(quick: bool, repeats: int) -> list[list[str]]:
    rng = np.random.default_rng(0)
    rows = []
    n = 2 if quick else 32
    x, w, b = rng.normal(size=(n, 8, 28, 28)), rng.normal(size=(16, 8, 3, 3)), rng.normal(size=16)
    if not np.allclose(conv2d(x, w, b), conv2d_naive(x, w, b), rtol=0, atol=1e-10):
        raise RuntimeError("conv2d and conv2d_naive disagree")
    ours = best_time(lambda: conv2d(x, w, b), repeats)
    ref = best_time(lambda: conv2d_naive(x, w, b), 1 if not quick else 2)
    rows.append([f"N={n} C=8 28x28 K=16 3x3", "conv2d_naive", f"{ours * 1e3:.2f}", f"{ref * 1e3:.0f}",
                 f"{ours / ref:.4f} ({ref / ours:.0f}x faster)", f"<= {1 / SPEEDUP_TARGET:.2f}",
                 "yes" if ref / ours >= SPEEDUP_TARGET else "NO"])
    side = 128 if quick else 512
    img, k = rng.normal(size=(side, side)), rng.normal(size=(3, 3))
    for mode, padding in (("valid", 0), ("same", "same")):
        if not np.allclose(conv2d(img, k, padding=padding), correlate2d(img, k, mode=mode), rtol=0, atol=1e-10):
            raise RuntimeError("conv2d and correlate2d disagree")
        ours = best_time(lambda: conv2d(img, k, padding=padding), repeats)  # noqa: B023
        ref = best_time(lambda: correlate2d(img, k, mode=mode), repeats)  # noqa: B023
        rows.append([f"{side}x{side} 3x3 {mode}", "scipy correlate2d", f"{ours * 1e3:.2f}", f"{ref * 1e3:.2f}",
                     f"{ours / ref:.2f}", f"<= {SCIPY_TARGET}", "yes" if ours / ref <= SCIPY_TARGET else "NO"])
    return rows


def matmul_rate(repeats: int, n: int = 1024) -> float:
    """The machine's float64 matmul rate in FLOP/s, from a large square product."""
    rng = np.random.default_rng(1)
    A, B = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    return 2.0 * n**3 / best_time(lambda: A @ B, repeats)


def flop_rows(quick: bool, repeats: int, peak: float) -> list[list[str]]:
    rng = np.random.default_rng(2)
    n = 4 if quick else 32
    rows = []
    for C, K in ((8, 16), (32, 32), (64, 64)):
        x, w = rng.normal(size=(n, C, 28, 28)), rng.normal(size=(K, C, 3, 3))
        flops = 2.0 * n * K * 26 * 26 * C * 9
        t_conv = best_time(lambda: conv2d(x, w), repeats)  # noqa: B023
        cols = im2col(x, 3)
        W2 = w.reshape(K, -1)
        t_cols = best_time(lambda: im2col(x, 3), repeats)  # noqa: B023
        t_mm = best_time(lambda: W2 @ cols, repeats)  # noqa: B023
        share = flops / t_conv / peak
        rows.append([f"N={n} C={C} 28x28 K={K} 3x3", f"{t_conv * 1e3:.2f}", f"{flops / t_conv / 1e9:.1f}",
                     f"{share:.0%}", f"{t_cols * 1e3:.2f}", f"{t_mm * 1e3:.2f} ({flops / t_mm / peak:.0%})",
                     f">= {FLOP_SHARE_TARGET:.0%}", "yes" if share >= FLOP_SHARE_TARGET else "NO"])
    return rows


def epoch_rows(quick: bool) -> list[list[str]]:
    from sklearn.datasets import load_digits

    rows = []
    digits = load_digits()
    X = digits.images[:, None] / 16.0  # (1797, 1, 8, 8)
    y = digits.target
    n_train = 300 if quick else 1347
    rng = np.random.default_rng(3)
    X28, y28 = rng.normal(size=(200 if quick else 1000, 1, 28, 28)), rng.integers(0, 10, size=1000)
    for name, Xs, ys in (("digits 8x8", X[:n_train], y[:n_train]), ("random 28x28", X28, y28[:len(X28)])):
        net = make_lenet(Xs.shape[-1], random_state=0)
        opt = Adam(lr=0.003)
        epochs = 1 if quick else 3
        start = time.perf_counter()
        train(net, Xs, ys, loss=SoftmaxCrossEntropyLoss(), optimizer=opt, epochs=epochs, batch_size=32,
              random_state=0)
        per_epoch = (time.perf_counter() - start) / epochs
        n_params = sum(p.size for p in net.params.values())
        rows.append([name, f"{len(Xs)}", f"{n_params}", f"{per_epoch:.3f}",
                     f"{per_epoch / len(Xs) * 1e6:.0f}"])
    return rows


def main(argv: Sequence[str] | None = None) -> str:
    args = parse_args(argv, __doc__, threads=True)
    with threadpool_limits(args.threads):
        text = run(args.quick, args.threads)
    print(text)
    return text


def run(quick: bool, threads: int | None) -> str:
    repeats = 3 if quick else 7
    size = 256 if quick else 1024
    peak = matmul_rate(3 * repeats, size)  # many repeats: the best one is the least disturbed
    out = [
        f"BLAS threads: {'no limit' if threads is None else threads}",
        "",
        format_table(["case", "reference", "mlnotes", "reference", "ratio mlnotes/ref", "target", "met"],
                     reference_rows(quick, repeats),
                     title="Table 1: conv2d against the loop version and SciPy (times in ms)"),
        "",
        format_table(["case", "conv2d ms", "GFLOP/s", "share", "im2col ms", "matmul ms (share)", "target", "met"],
                     flop_rows(quick, 2 * repeats, peak),
                     title=f"Table 2: batched conv2d forward vs the float64 matmul rate ({peak / 1e9:.1f} GFLOP/s, "
                           f"{size}x{size} A @ B, same run)"),
        "",
        format_table(["data", "images", "weights", "s/epoch", "us/image"], epoch_rows(quick),
                     title="Table 3: LeNet-5-style training (Adam, batch 32), seconds per epoch"),
    ]
    return "\n".join(out)


if __name__ == "__main__":
    main()
