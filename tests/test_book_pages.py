"""The book helpers that single pages share between their blocks, checked against references.

* ``mlnotes.book.ch3_training``: the worked 2-2-1 network, forward by hand and backward against
  central finite differences of a plain-numpy loss (no library code in the reference);
* ``mlnotes.book.ch1_workflow``: the split, the standardisation (training statistics only) and
  the polynomial features, against products built one by one;
* ``mlnotes.book.plots`` drawing chores (``hide_ticks``, ``canvas``, ``draw_cells``): the same SVG
  as the matplotlib calls they stand for.
"""

from __future__ import annotations

import itertools
import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import Rectangle

from mlnotes.book.ch1_workflow import features, moons_split, standardise
from mlnotes.book.ch3_activations import no_activation_network
from mlnotes.book.ch3_neuron import neuron_example
from mlnotes.book.ch3_training import worked_example, worked_network
from mlnotes.book.plots import canvas, draw_cells, hide_ticks
from mlnotes.book.render import figure, to_svg
from mlnotes.datasets import make_moons
from mlnotes.nn import MSELoss

# ------------------------------------------------------------------ ch3: the worked 2-2-1 network


def _sigma(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _loss(theta: np.ndarray) -> float:
    """L = (o - t)^2 of the worked example as a function of all 9 parameters, plain numpy."""
    x, t = np.array([0.5, 1.0]), 1.0
    W1, b1, W2, b2 = theta[:4].reshape(2, 2), theta[4:6], theta[6:8].reshape(2, 1), theta[8:]
    h = 1.0 / (1.0 + np.exp(-(x @ W1 + b1)))
    o = 1.0 / (1.0 + np.exp(-(h @ W2 + b2)))
    return float((o[0] - t) ** 2)


def test_worked_example_is_the_page_numbers_and_fresh():
    x, t, W1, b1, W2, b2 = worked_example()
    assert x.tolist() == [0.5, 1.0] and t == 1.0
    assert W1.tolist() == [[0.1, 0.4], [-0.2, 0.3]] and b1.tolist() == [0.1, -0.1]
    assert W2.tolist() == [[0.5], [-0.6]] and b2.tolist() == [0.2]
    W1[:] = 0.0  # a block that changes its copy does not change the next one
    assert worked_example().W1[0, 1] == 0.4


def test_worked_network_forward_matches_hand_computation():
    x, t, W1, b1, W2, b2 = worked_example()
    h = [_sigma(x[0] * W1[0, j] + x[1] * W1[1, j] + b1[j]) for j in range(2)]  # one neuron at a time
    o = _sigma(h[0] * W2[0, 0] + h[1] * W2[1, 0] + b2[0])
    net = worked_network()
    out = net.forward(x[None, :])
    assert out.shape == (1, 1)
    assert out[0, 0] == pytest.approx(o, abs=1e-12)
    assert round(o, 4) == 0.5211  # the output the page quotes (o = 0.5211)


def test_worked_network_backward_matches_finite_differences():
    example = worked_example()
    net = worked_network()
    loss = MSELoss()
    loss.forward(net.forward(example.x[None, :]), np.array([[example.t]]))
    net.backward(loss.backward())
    grads = np.concatenate([net.grads[k].ravel() for k in ("0.W", "0.b", "2.W", "2.b")])
    theta = np.concatenate([example.W1.ravel(), example.b1, example.W2.ravel(), example.b2])
    eps, numeric = 1e-6, np.zeros_like(theta)
    for k in range(theta.size):
        step = np.zeros_like(theta)
        step[k] = eps
        numeric[k] = (_loss(theta + step) - _loss(theta - step)) / (2 * eps)
    assert np.allclose(grads, numeric, rtol=1e-6, atol=1e-10)
    assert _loss(theta) == pytest.approx(float(loss.forward(net.forward(example.x[None, :]),
                                                            np.array([[example.t]]))), abs=1e-12)


def test_worked_networks_are_independent():
    a, b = worked_network(), worked_network()
    a.params["0.W"][:] = 0.0
    assert b.params["0.W"][0, 1] == 0.4


# --------------------------------------------------------------------- ch3: the worked neuron


def test_neuron_example_gives_the_page_output():
    x, w, b = neuron_example()
    z = sum(xi * wi for xi, wi in zip(x, w)) + b  # 2*1 + (-1)*(-2) + 1*(-1) + 1
    assert (x.shape, w.shape, z) == ((3,), (3,), 4.0)
    assert _sigma(z) == pytest.approx(0.98201379, abs=1e-8)  # the page's a = sigma(4) = 0.982
    x[:] = 0.0
    assert neuron_example()[0].tolist() == [1.0, -2.0, -1.0]  # new arrays on every call


# ------------------------------------------------------- ch3: the network without activations


def test_no_activation_network_is_one_affine_map():
    net = no_activation_network()
    assert net.layer_sizes == [2, 3, 1] and len(net.layers) == 2  # Dense, Dense: nothing in between
    (W1, b1), (W2, b2) = [(layer.params["W"], layer.params["b"]) for layer in net.layers]
    assert b1.tolist() == [0.5, -0.2, 0.1] and b2.tolist() == [0.3]
    X = np.random.default_rng(1).normal(size=(50, 2))
    assert np.allclose(net.forward(X), X @ (W1 @ W2) + (b1 @ W2 + b2), atol=1e-12)  # by hand, not collapse_linear
    other = no_activation_network()
    net.layers[0].params["W"][:] = 0.0
    assert other.layers[0].params["W"].any()  # a new network on every call


# ------------------------------------------------------------------------ ch1: the workflow data


def test_moons_split_is_the_stratified_split_of_the_page():
    X_train, X_test, y_train, y_test = moons_split()
    assert X_train.shape == (225, 2) and X_test.shape == (75, 2)
    X, y = make_moons(300, noise=0.3, random_state=0)
    rows = {tuple(r) for r in X}
    assert {tuple(r) for r in np.vstack([X_train, X_test])} == rows  # a partition of the 300 samples
    assert abs(np.mean(y_train) - np.mean(y)) < 0.01 and abs(np.mean(y_test) - np.mean(y)) < 0.02


def test_standardise_uses_training_statistics_only():
    X_train, X_test, _, _ = moons_split()
    Z = standardise(X_train)
    assert np.allclose(Z.mean(axis=0), 0.0) and np.allclose(Z.std(axis=0), 1.0)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    assert np.array_equal(standardise(X_test), (X_test - mean) / std)  # not the test set's own statistics
    assert not np.allclose(standardise(X_test).mean(axis=0), 0.0, atol=1e-3)


@pytest.mark.parametrize("degree", [1, 2, 3, 6])
def test_features_are_every_product_up_to_degree(degree):
    X = np.array([[0.3, -1.2], [2.0, 0.5], [-0.7, 0.1]])
    z = standardise(X)
    F = features(X, degree)
    pairs = [(i, j) for i, j in itertools.product(range(degree + 1), repeat=2) if 1 <= i + j <= degree]
    assert F.shape == (3, (degree + 1) * (degree + 2) // 2 - 1) == (3, len(pairs))
    for i, j in pairs:  # every product z1^i z2^j is one of the columns
        assert any(np.allclose(F[:, c], z[:, 0] ** i * z[:, 1] ** j) for c in range(F.shape[1])), (i, j)
    if degree == 3:
        assert np.array_equal(F, features(X))  # the page's default


def test_features_reject_bad_input():
    with pytest.raises(ValueError, match="2 features"):
        features(np.zeros((4, 3)))
    with pytest.raises(ValueError, match="degree"):
        features(np.zeros((4, 2)), degree=0)


# ------------------------------------------------------------------ plots: small drawing chores


def _svg(draw) -> str:
    fig, ax = figure(figsize=(4.0, 3.0))
    draw(ax)
    return to_svg(fig)


def test_hide_ticks_is_the_matplotlib_calls():
    def by_hand(ax):
        ax.imshow(np.eye(3))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        ax.spines[:].set_visible(True)

    def helper(ax):
        ax.imshow(np.eye(3))
        hide_ticks(ax, frame=True)

    assert _svg(helper) == _svg(by_hand)
    fig, axes = figure(2, 2)
    hide_ticks(axes)  # an array of panels
    assert all(len(a.get_xticks()) == 0 and len(a.get_yticks()) == 0 for a in axes.ravel())
    assert not axes[0, 0].spines["top"].get_visible()
    plt.close(fig)
    with pytest.raises(TypeError):
        hide_ticks("not axes")


def test_canvas_is_the_matplotlib_calls():
    def by_hand(ax):
        ax.plot([0, 3], [0, 1])
        ax.set_xlim(-0.5, 3.5)
        ax.set_ylim(-0.2, 1.2)
        ax.set_aspect("equal")
        ax.axis("off")

    def helper(ax):
        ax.plot([0, 3], [0, 1])
        canvas(ax, (-0.5, 3.5), (-0.2, 1.2))

    assert _svg(helper) == _svg(by_hand)
    fig, ax = figure()
    with pytest.raises(ValueError):
        canvas(ax, (1.0, 1.0), (0.0, 1.0))
    plt.close(fig)


def test_draw_cells_geometry_and_styles():
    fig, ax = figure()
    a = np.array([[1.0, np.nan, 3.0], [4.0, 5.5, 6.0]])
    seen = []
    draw_cells(ax, a, 2.0, 5.0, box=(0, 1, 2),
               facecolor=lambda i, j, v: seen.append((i, j)) or ("#FFFFFF" if np.isnan(v) else "#D6EAF8"))
    cells, frame = ax.patches[:-1], ax.patches[-1]
    assert len(cells) == 6 and seen == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    assert [(p.get_x(), p.get_y()) for p in cells] == [(2.0, 4.0), (3.0, 4.0), (4.0, 4.0), (2.0, 3.0), (3.0, 3.0),
                                                         (4.0, 3.0)]
    assert [t.get_text() for t in ax.texts] == ["1", "3", "4", "5.5", "6"]  # no number in the NaN cell
    assert ax.texts[3].get_position() == (3.5, 3.5)  # the centre of cell (1, 1)
    assert (frame.get_x(), frame.get_y(), frame.get_width(), frame.get_height()) == (3.0, 3.0, 2, 2)
    assert not frame.get_fill()
    plt.close(fig)


def test_draw_cells_is_the_hand_drawn_grid():
    a = np.array([[1, 2], [3, 40]])

    def by_hand(ax):
        for (i, j), v in np.ndenumerate(a):
            ax.add_patch(Rectangle((j, 2 - i - 1), 1, 1, facecolor="#D6EAF8", edgecolor="#7F8C8D"))
            ax.text(j + 0.5, 2 - i - 0.5, f"{v:g}", ha="center", va="center", fontsize=9)
        ax.add_patch(Rectangle((0, 1), 1, 1, fill=False, edgecolor="#E74C3C", linewidth=2))
        canvas(ax, (-0.2, 2.2), (-0.2, 2.2))

    def helper(ax):
        draw_cells(ax, a, 0, 2, box=(0, 0, 1))
        canvas(ax, (-0.2, 2.2), (-0.2, 2.2))

    assert _svg(helper) == _svg(by_hand)


def test_draw_cells_rejects_bad_styles():
    fig, ax = figure()
    with pytest.raises(ValueError, match="facecolor"):
        draw_cells(ax, [[1.0]], 0, 1, facecolor="not a colour")
    with pytest.raises(ValueError, match="returned for cell"):
        draw_cells(ax, [[1.0]], 0, 1, linestyle=lambda i, j, v: "wavy")
    with pytest.raises(ValueError):
        draw_cells(ax, [1.0, 2.0], 0, 1)  # 1-D: not a grid
    plt.close(fig)
