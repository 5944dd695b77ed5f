"""Tests of the trainable CNNs (mlnotes.book.cnn) and their data (make_strokes, load_sample_image)."""

from __future__ import annotations

import numpy as np
import pytest

from mlnotes.book.cnn import digits_experiment, make_lenet, make_stroke_cnn, make_stroke_mlp, stroke_experiment, stroke_position_split
from mlnotes.nn import KERNELS, conv2d
from mlnotes.book.data import load_sample_image, make_strokes
from mlnotes.nn import Conv2D, Dense, MaxPool2D


# ---------------------------------------------------------------- make_strokes
def test_make_strokes_draws_the_labelled_stroke_at_its_position():
    X, y, pos = make_strokes(300, size=10, stroke_size=4, noise=0.0, random_state=0)
    assert X.shape == (300, 10, 10) and y.shape == (300,) and pos.shape == (300, 2)
    assert 0.4 < y.mean() < 0.6
    hengzhe = np.array([[1, 1, 1, 1], [0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 0, 1]], dtype=float)  # ┐
    for img, label, (r, c) in zip(X, y, pos):
        box = img[r:r + 4, c:c + 4]
        assert img.sum() == box.sum()  # all the ink is inside the stroke's box
        assert np.array_equal(box, hengzhe) == (label == 1)
    # The negatives are all five other strokes, including the three other corners.
    negatives = {tuple(img[r:r + 4, c:c + 4].ravel()) for img, label, (r, c) in zip(X, y, pos) if label == 0}
    assert len(negatives) == 5


def test_make_strokes_positions_noise_and_seed():
    X, y, pos = make_strokes(200, size=12, stroke_size=4, positions=[(0, 0), (8, 8)], random_state=1)
    assert set(map(tuple, pos)) == {(0, 0), (8, 8)}
    assert np.std(X[:, 6, 0]) == pytest.approx(0.1, rel=0.2)  # background pixel: noise only
    X2, y2, pos2 = make_strokes(200, size=12, stroke_size=4, positions=[(0, 0), (8, 8)], random_state=1)
    assert np.array_equal(X, X2) and np.array_equal(y, y2) and np.array_equal(pos, pos2)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"positions": [(0, 9)]}, "positions must lie in 0..8"),
    ({"positions": [(-1, 0)]}, "positions must lie in 0..8"),
    ({"positions": [1, 2]}, "shape \\(n, 2\\)"),
    ({"positions": [(0.5, 1.0)]}, "integer array"),
    ({"stroke_size": 13}, "stroke_size must be <= 12"),
    ({"noise": -0.1}, "noise must be >= 0"),
])
def test_make_strokes_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        make_strokes(10, size=12, **kwargs)


# ---------------------------------------------------------------- sample photo + kernels
def test_load_sample_image_and_kernels_on_it():
    rgb = load_sample_image("grace_hopper")
    gray = load_sample_image(as_gray=True)
    assert rgb.shape == (600, 512, 3) and rgb.dtype == np.uint8 and gray.dtype == np.uint8
    expected = np.clip(np.round(rgb @ [0.299, 0.587, 0.114]), 0, 255)
    np.testing.assert_array_equal(gray, expected)
    img = gray / 255.0
    blurred = conv2d(img, KERNELS["gaussian_blur"], padding="same")
    edges = conv2d(img, KERNELS["edge"], padding="same")
    assert np.abs(np.diff(blurred, axis=1)).mean() < np.abs(np.diff(img, axis=1)).mean()  # smoother
    assert abs(edges[1:-1, 1:-1].mean()) < 0.01 and edges.std() > 0.02  # ~0 on flat areas, large on edges
    with pytest.raises(ValueError, match="name must be one of"):
        load_sample_image("lena")


# ---------------------------------------------------------------- the weight-sharing experiment
def test_stroke_position_split_separates_positions():
    data = stroke_position_split(50, 40, random_state=0)
    assert data["X_train"].shape == (50, 1, 12, 12) and data["X_unseen"].shape == (40, 1, 12, 12)
    assert data["pos_train"][:, 1].max() <= 3 and data["pos_seen"][:, 1].max() <= 3
    assert data["pos_unseen"][:, 1].min() >= 5
    # The MLP's input pixels in the right-most columns never carry ink during training.
    assert np.abs(data["X_train"][..., 8:]).max() < 1.0


@pytest.mark.parametrize("seed", [0, 1])
def test_cnn_generalises_to_unseen_positions_mlp_does_not(seed):
    result = stroke_experiment(n_train=300, n_test=300, epochs=25, random_state=seed)
    mlp, cnn = result["mlp"], result["cnn"]
    # Both learn the training positions ...
    assert mlp["train"] >= 0.95 and cnn["train"] >= 0.95
    assert mlp["seen"] >= 0.75 and cnn["seen"] >= 0.95
    # ... but only the weight-shared detector carries over to positions never seen.
    assert cnn["unseen"] >= 0.95
    assert mlp["unseen"] <= 0.65
    assert cnn["unseen"] - mlp["unseen"] >= 0.3
    assert cnn["n_params"] < mlp["n_params"] / 50


def test_stroke_networks_shapes():
    x = np.zeros((3, 1, 12, 12))
    assert make_stroke_cnn(random_state=0).forward(x).shape == (3, 2)
    assert make_stroke_cnn(random_state=0).forward(np.zeros((3, 1, 20, 16))).shape == (3, 2)  # any size
    assert make_stroke_mlp(12, random_state=0).forward(x).shape == (3, 2)


# ---------------------------------------------------------------- LeNet-5
@pytest.mark.parametrize(("size", "flat"), [(8, 64), (28, 400), (32, 576)])
def test_lenet_layout(size, flat):
    net = make_lenet(size, random_state=0)
    assert net.forward(np.zeros((2, 1, size, size))).shape == (2, 10)
    dense = [layer for layer in net.layers if isinstance(layer, Dense)]
    assert [d.params["W"].shape for d in dense] == [(flat, 120), (120, 84), (84, 10)]
    convs = [layer for layer in net.layers if isinstance(layer, Conv2D)]
    assert [c.params["W"].shape[:2] for c in convs] == [(6, 1), (16, 6)]
    assert sum(isinstance(layer, MaxPool2D) for layer in net.layers) == 2


def test_lenet_28_has_lenet5_parameter_count():
    # C1 156 + C3 2416 + C5 48120 + F6 10164 + output 850 = 61706 (LeCun et al. 1998, with full C3 connections)
    net = make_lenet(28, random_state=0)
    assert sum(p.size for p in net.params.values()) == 61706


def test_digits_experiment_learning_curve():
    from sklearn.datasets import load_digits

    digits = load_digits()
    result = digits_experiment(digits.images, digits.target, epochs=3, random_state=1)
    assert result["train_loss"].shape == result["test_accuracy"].shape == (3,)
    assert result["train_loss"][-1] < result["train_loss"][0] / 2
    assert result["final_test_accuracy"] >= 0.85
    assert result["test_accuracy"][-1] > result["test_accuracy"][0] - 0.05
    assert result["seconds_per_epoch"] > 0


def test_digits_experiment_bad_input():
    with pytest.raises(ValueError, match="shape \\(n_samples, H, H\\)"):
        digits_experiment(np.zeros((10, 64)), np.zeros(10, dtype=int))
    with pytest.raises(ValueError, match="integer class indices of shape \\(10,\\)"):
        digits_experiment(np.zeros((10, 8, 8)), np.zeros(9, dtype=int))
    with pytest.raises(ValueError, match="test_size must be < 1"):
        digits_experiment(np.zeros((10, 8, 8)), np.zeros(10, dtype=int), test_size=1.0)
    with pytest.raises(ValueError, match="leaves no training images"):
        digits_experiment(np.zeros((2, 8, 8)), np.array([0, 1]), test_size=0.9)
