"""Chapter 4's experiments: small convolutional networks trained on the CPU in seconds.

Used on the pages "4.2 卷积神经网络原理 / How convolutional networks work" (the stroke experiment)
and "4.3 多通道、池化与卷积网络结构 / Channels, pooling and the network architecture" (LeNet-5).

Two experiments that turn the notes' arguments into measured numbers:

* **Weight sharing gives translation invariance** ([`stroke_experiment`][mlnotes.book.cnn.stroke_experiment]).
  Images contain the notes' "横折" stroke (┐) or another stroke
  ([`mlnotes.book.data.make_strokes`][mlnotes.book.data.make_strokes]). Both networks train on strokes in the
  *left* part of the image and are tested on strokes in the *right* part, at
  positions never seen. A multi-layer perceptron on the flattened pixels learns
  one weight per pixel and has never seen ink in the right-hand pixels, so it
  fails there; the CNN ([`make_stroke_cnn`][mlnotes.book.cnn.make_stroke_cnn]) slides the same 3x3 kernels
  everywhere and takes the global maximum of each feature map ("is the pattern
  anywhere?"), so what it learned on the left applies on the right.
* **LeNet-5** ([`make_lenet`][mlnotes.book.cnn.make_lenet],
  [`digits_experiment`][mlnotes.book.cnn.digits_experiment]): convolution ->
  pooling -> convolution -> pooling -> three dense layers, here on 8x8 digit
  images (or the original 28x28 layout), with its learning curve.

References
----------
LeCun, Bottou, Bengio & Haffner, "Gradient-based learning applied to document
recognition", *Proc. IEEE* 86(11), 1998. Goodfellow, Bengio & Courville, *Deep
Learning*, MIT Press, 2016, §9.2 (parameter sharing, equivariance) and §9.3 (pooling).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from .._validation import check_array, check_random_state, check_scalar, float_errors_as_value_error
from ..metrics import accuracy_score
from ..nn import (Adam, Conv2D, Dense, Flatten, GlobalMaxPool2D, MaxPool2D, ReLU, Sequential,
                  SoftmaxCrossEntropyLoss, conv_output_size, make_mlp, train)
from .data import make_strokes

_DIVERGED = "The training diverged (weights or logits beyond float64); lower the learning rate."

__all__ = ["make_stroke_cnn", "make_stroke_mlp", "stroke_position_split", "stroke_experiment",
           "make_lenet", "digits_experiment"]


def _accuracy(net: Sequential, X: np.ndarray, y: np.ndarray) -> float:
    """[`accuracy_score`][mlnotes.metrics.accuracy_score] of the class with the largest logit."""
    return accuracy_score(y, net.predict(X).argmax(axis=1))


def make_stroke_cnn(n_filters: int = 8, *, random_state: Any = None) -> Sequential:
    """Stroke detector: 3x3 convolution -> ReLU -> global max pooling -> dense (2 classes).

    Parameters
    ----------
    n_filters : int
        Number of 3x3 kernels.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation.

    Returns
    -------
    Sequential
        Input (N, 1, H, W) of any size, output logits (N, 2).

    Notes
    -----
    The padding of 2 (a "full" convolution) gives every stroke, even one
    touching the border, the same set of windows as anywhere else, so with
    global max pooling the network's output does not depend on where the
    stroke is. It has only ``12 * n_filters + 2`` weights (98 for 8 kernels).

    Examples
    --------
    >>> import numpy as np
    >>> net = make_stroke_cnn(4, random_state=0)
    >>> net.forward(np.zeros((5, 1, 12, 12))).shape
    (5, 2)
    """
    check_scalar(n_filters, "n_filters", int, min_val=1)
    rng = check_random_state(random_state)
    return Sequential([
        Conv2D(1, n_filters, 3, padding=2, random_state=rng),  # (N, F, H + 2, W + 2)
        ReLU(),
        GlobalMaxPool2D(),  # (N, F): the strongest response of each kernel
        Dense(n_filters, 2, random_state=rng),  # (N, 2) logits
    ])


def make_stroke_mlp(size: int = 12, hidden: int = 64, *, random_state: Any = None) -> Sequential:
    """Baseline: flatten the ``size x size`` image -> dense -> ReLU -> dense (2 classes).

    Parameters
    ----------
    size : int
        Image side length (the input layer has ``size**2`` neurons).
    hidden : int
        Hidden-layer width.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation.

    Returns
    -------
    Sequential
        Input (N, 1, size, size) or (N, size, size), output logits (N, 2).

    Examples
    --------
    >>> import numpy as np
    >>> make_stroke_mlp(12, random_state=0).forward(np.zeros((5, 1, 12, 12))).shape
    (5, 2)
    """
    check_scalar(size, "size", int, min_val=1)
    check_scalar(hidden, "hidden", int, min_val=1)
    rng = check_random_state(random_state)
    return Sequential([Flatten(), *make_mlp([size * size, hidden, 2], init="he", random_state=rng)])


def stroke_position_split(n_train: int = 600, n_test: int = 600, *, size: int = 12, stroke_size: int = 4,
                          noise: float = 0.1, random_state: Any = None) -> dict[str, np.ndarray]:
    """Stroke images split by position: train on the left, test on the left *and* on the right.

    With ``m = size - stroke_size + 1`` possible columns for the stroke's left
    edge, training (and the ``"seen"`` test set) uses the columns ``< m // 2``,
    the ``"unseen"`` test set the columns ``> m // 2``; all rows are used.

    Parameters
    ----------
    n_train, n_test : int
        Images in the training set and in each test set.
    size, stroke_size, noise : int, int, float
        Passed to [`make_strokes`][mlnotes.book.data.make_strokes].
    random_state : int, numpy.random.Generator or None
        Seed of the three datasets.

    Returns
    -------
    dict
        ``X_train``, ``y_train``, ``X_seen``, ``y_seen``, ``X_unseen``, ``y_unseen``
        (images of shape (n, 1, size, size), labels 1 = 横折), and
        ``pos_train``/``pos_seen``/``pos_unseen`` (the strokes' (row, col)).

    Examples
    --------
    >>> data = stroke_position_split(20, 10, random_state=0)
    >>> data["X_train"].shape, int(data["pos_train"][:, 1].max()) < int(data["pos_unseen"][:, 1].min())
    ((20, 1, 12, 12), True)
    """
    check_scalar(n_train, "n_train", int, min_val=1)
    check_scalar(n_test, "n_test", int, min_val=1)
    check_scalar(stroke_size, "stroke_size", int, min_val=2)
    check_scalar(size, "size", int, min_val=stroke_size + 2)
    rng = check_random_state(random_state)
    m = size - stroke_size + 1
    grid = np.array([(r, c) for r in range(m) for c in range(m)])
    left, right = grid[grid[:, 1] < m // 2], grid[grid[:, 1] > m // 2]
    out: dict[str, np.ndarray] = {}
    for name, n, positions in (("train", n_train, left), ("seen", n_test, left), ("unseen", n_test, right)):
        X, y, pos = make_strokes(n, size=size, stroke_size=stroke_size, positions=positions,
                                 noise=noise, random_state=rng)
        out[f"X_{name}"], out[f"y_{name}"], out[f"pos_{name}"] = X[:, None], y, pos  # X: (n, 1, size, size)
    return out


def stroke_experiment(*, n_train: int = 600, n_test: int = 600, epochs: int = 40, batch_size: int = 32,
                      n_filters: int = 8, hidden: int = 64,
                      random_state: Any = 0) -> dict[str, dict[str, float]]:
    """Train the MLP and the CNN on left-side strokes; measure accuracy on seen and unseen positions.

    Parameters
    ----------
    n_train, n_test : int
        Sizes of the training set and of each test set ([`stroke_position_split`][mlnotes.book.cnn.stroke_position_split]).
    epochs, batch_size : int
        Training schedule (Adam, cross-entropy) of both networks.
    n_filters : int
        Kernels of the CNN.
    hidden : int
        Hidden units of the MLP.
    random_state : int, numpy.random.Generator or None
        Seed of the data, the initialisations and the shuffling.

    Returns
    -------
    dict
        ``{"mlp": {...}, "cnn": {...}}``, each with the accuracies ``"train"``,
        ``"seen"`` (new images, training positions), ``"unseen"`` (new
        positions), the number of weights ``"n_params"`` and the training time
        ``"seconds"``.

    Examples
    --------
    >>> result = stroke_experiment(n_train=200, n_test=200, epochs=20, random_state=0)
    >>> result["cnn"]["unseen"] > 0.95 > 0.7 > result["mlp"]["unseen"]
    True
    """
    check_scalar(epochs, "epochs", int, min_val=1)
    rng = check_random_state(random_state)
    data = stroke_position_split(n_train, n_test, random_state=rng)
    size = data["X_train"].shape[-1]
    nets = {"mlp": (make_stroke_mlp(size, hidden, random_state=rng), 0.01),
            "cnn": (make_stroke_cnn(n_filters, random_state=rng), 0.03)}
    result: dict[str, dict[str, float]] = {}
    with float_errors_as_value_error("stroke_experiment", _DIVERGED):
        for name, (net, lr) in nets.items():
            start = time.perf_counter()
            train(net, data["X_train"], data["y_train"], loss=SoftmaxCrossEntropyLoss(), optimizer=Adam(lr=lr),
                  epochs=epochs, batch_size=batch_size, random_state=rng)
            seconds = time.perf_counter() - start
            result[name] = {split: _accuracy(net, data[f"X_{split}"], data[f"y_{split}"])
                            for split in ("train", "seen", "unseen")}
            result[name]["n_params"] = float(sum(p.size for p in net.params.values()))
            result[name]["seconds"] = seconds
    return result


def make_lenet(image_size: int = 8, n_classes: int = 10, *, in_channels: int = 1,
               random_state: Any = None) -> Sequential:
    """A LeNet-5-style network: (conv -> ReLU -> max-pool) x 2 -> dense 120 -> dense 84 -> classes.

    Parameters
    ----------
    image_size : int
        Side of the square input images. For ``image_size >= 28`` the layout is
        LeNet-5's (5x5 kernels, 6 and 16 maps; padding 2 on the first layer so
        28x28 behaves like the original 32x32); for small images such as
        scikit-learn's 8x8 digits the kernels are 3x3 with padding 1.
    n_classes : int
        Output logits.
    in_channels : int
        Image channels.
    random_state : int, numpy.random.Generator or None
        Seed of the initialisation.

    Returns
    -------
    Sequential
        Input (N, in_channels, image_size, image_size), output logits (N, n_classes).

    Notes
    -----
    The 1998 network used tanh-like squashing and trainable average
    ("sub-sampling") pooling; ReLU and max pooling are today's usual choice
    and train faster. For 28x28: 6@28x28 -> 6@14x14 -> 16@10x10 -> 16@5x5 ->
    120 -> 84 -> 10.

    Examples
    --------
    >>> import numpy as np
    >>> net = make_lenet(8, random_state=0)
    >>> net.forward(np.zeros((2, 1, 8, 8))).shape
    (2, 10)
    >>> make_lenet(28, random_state=0).forward(np.zeros((1, 1, 28, 28))).shape
    (1, 10)
    """
    check_scalar(image_size, "image_size", int, min_val=4)
    check_scalar(n_classes, "n_classes", int, min_val=2)
    check_scalar(in_channels, "in_channels", int, min_val=1)
    rng = check_random_state(random_state)
    f, p1, p3 = (5, 2, 0) if image_size >= 28 else (3, 1, 1)
    side = conv_output_size(image_size, f, p1) // 2  # after C1 and S2
    side = conv_output_size(side, f, p3) // 2  # after C3 and S4
    return Sequential([
        Conv2D(in_channels, 6, f, padding=p1, random_state=rng), ReLU(), MaxPool2D(2),  # C1, S2
        Conv2D(6, 16, f, padding=p3, random_state=rng), ReLU(), MaxPool2D(2),  # C3, S4
        Flatten(),  # (N, 16 * side * side)
        Dense(16 * side * side, 120, init="he", random_state=rng), ReLU(),  # C5
        Dense(120, 84, init="he", random_state=rng), ReLU(),  # F6
        Dense(84, n_classes, random_state=rng),  # output logits
    ])


def digits_experiment(images: Any, target: Any, *, test_size: float = 0.25, epochs: int = 15,
                      batch_size: int = 32, lr: float = 0.003,
                      random_state: Any = 0) -> dict[str, Any]:
    """Train [`make_lenet`][mlnotes.book.cnn.make_lenet] on digit images and record its learning curve.

    Parameters
    ----------
    images : array-like of shape (n_samples, H, W)
        Grey images, e.g. ``sklearn.datasets.load_digits().images`` (8x8, values
        0..16); scaled to [0, 1] by their maximum.
    target : array-like of shape (n_samples,)
        Class indices ``0 .. n_classes - 1``.
    test_size : float
        Fraction held out (random, seeded) for testing.
    epochs, batch_size : int
        Training schedule.
    lr : float
        Adam learning rate.
    random_state : int, numpy.random.Generator or None
        Seed of the split, initialisation and shuffling.

    Returns
    -------
    dict
        ``"train_loss"``, ``"train_accuracy"``, ``"test_accuracy"``: arrays of
        shape (epochs,) (the learning curve); ``"final_test_accuracy"`` (float);
        ``"seconds_per_epoch"`` (float); ``"model"`` (the trained Sequential).

    Examples
    --------
    >>> from sklearn.datasets import load_digits  # only the data come from scikit-learn
    >>> digits = load_digits()
    >>> result = digits_experiment(digits.images, digits.target, epochs=5, random_state=0)
    >>> result["test_accuracy"].shape, bool(result["final_test_accuracy"] > 0.9)
    ((5,), True)
    """
    X = check_array(images, name="images", allow_nd=True)
    if X.ndim != 3 or X.shape[1] != X.shape[2]:
        raise ValueError(f"images must have shape (n_samples, H, H) (square grey images), got {X.shape}.")
    y = np.asarray(target)
    if y.shape != (X.shape[0],) or y.dtype.kind not in "iu":
        raise ValueError(f"target must be integer class indices of shape ({X.shape[0]},), "
                         f"got shape {y.shape} and dtype {y.dtype}.")
    check_scalar(test_size, "test_size", min_val=0.0, max_val=1.0, include_min=False, include_max=False)
    check_scalar(epochs, "epochs", int, min_val=1)
    rng = check_random_state(random_state)
    X = X[:, None] / max(float(X.max()), 1e-12)  # (N, 1, H, W) in [0, 1]
    order = rng.permutation(X.shape[0])
    n_test = max(1, round(test_size * X.shape[0]))
    if n_test >= X.shape[0]:
        raise ValueError(f"test_size={test_size} leaves no training images out of {X.shape[0]}.")
    test, tr = order[:n_test], order[n_test:]
    model = make_lenet(X.shape[-1], int(y.max()) + 1, random_state=rng)
    loss, optimizer = SoftmaxCrossEntropyLoss(), Adam(lr=lr)
    curve: dict[str, list[float]] = {"train_loss": [], "train_accuracy": [], "test_accuracy": []}
    seconds = 0.0
    with float_errors_as_value_error("digits_experiment", _DIVERGED):
        for _ in range(epochs):
            start = time.perf_counter()
            history = train(model, X[tr], y[tr], loss=loss, optimizer=optimizer, epochs=1,
                            batch_size=batch_size, random_state=rng)
            seconds += time.perf_counter() - start
            curve["train_loss"].append(float(history["loss"][-1]))
            curve["train_accuracy"].append(_accuracy(model, X[tr], y[tr]))
            curve["test_accuracy"].append(_accuracy(model, X[test], y[test]))
    out: dict[str, Any] = {key: np.asarray(values) for key, values in curve.items()}
    out.update(final_test_accuracy=curve["test_accuracy"][-1], seconds_per_epoch=seconds / epochs, model=model)
    return out
