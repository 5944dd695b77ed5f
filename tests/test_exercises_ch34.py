"""The answers of the exercises of chapters 3 and 4, checked against independent references.

Each ``test_ex_<page>_<N>`` runs ``docs/snippets/<chN>/<page>/ex_<N>.py`` (the block the answer shows on
both language pages) with ``MLNOTES_LANG=en`` and compares the values it computes with a reference that
does not use the code under test: finite differences, numpy/scipy closed forms, scikit-learn, or a
value worked out by hand.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.special import expit

SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets"


@pytest.fixture
def run(monkeypatch, capsys):
    """Run a snippet as a script in English; return its globals and what it printed."""

    def _run(relpath: str) -> tuple[dict, str]:
        monkeypatch.setenv("MLNOTES_LANG", "en")
        namespace = runpy.run_path(str(SNIPPETS / relpath), run_name="__main__")
        return namespace, capsys.readouterr().out

    return _run


def _sigmoid_grad(z):
    s = expit(z)
    return s * (1 - s)


# ---------------------------------------------------------------- 3.3 activations


def test_tanh_crossing_printed_on_the_page(run):
    ns, out = run("ch3/activations/tanh.py")
    reference = brentq(lambda z: (1 - np.tanh(z) ** 2) - _sigmoid_grad(z), 0.5, 3.0, xtol=1e-12)
    assert ns["crossing"] == pytest.approx(reference, abs=1e-9)
    assert f"{reference:.4f}" in out


def test_ch3_ex_activations_1(run):
    ns, out = run("ch3/activations/ex_1.py")
    z, h = np.linspace(-6, 6, 241), 1e-5
    finite_diff_tanh = (np.tanh(z + h) - np.tanh(z - h)) / (2 * h)
    np.testing.assert_allclose(4 * _sigmoid_grad(2 * z), finite_diff_tanh, atol=1e-9)
    assert ns["identity_err"] < 1e-12 and ns["grad_err"] < 1e-12
    assert ns["ratio_at_0"] == pytest.approx(4.0)
    assert "= 4" in out


def test_ch3_ex_activations_2(run):
    ns, out = run("ch3/activations/ex_2.py")
    layers = ns["net"].layers
    W_ref = layers[0].params["W"] @ layers[1].params["W"] @ layers[2].params["W"]
    b_ref = (layers[0].params["b"] @ layers[1].params["W"] + layers[1].params["b"]) @ layers[2].params["W"] + layers[2].params["b"]
    np.testing.assert_allclose(ns["W"], W_ref, atol=1e-12)
    np.testing.assert_allclose(ns["b"], b_ref, atol=1e-12)
    assert ns["diff"] < 1e-12
    # 2*3 + 3 + 3*4 + 4 + 4*1 + 1 = 30 parameters before, 2 + 1 after (counted by hand)
    assert (ns["n_before"], ns["n_after"]) == (30, 3)
    assert "30 before, 3 after" in out


# ---------------------------------------------------------------- 4.2 convolution


def test_invariance_check_on_the_page(run):
    ns, _ = run("ch4/convolution/equivariance.py")
    assert ns["equivariance"] == 0 and ns["pooled"] == 0 and ns["logits"] < 1e-12
    assert ns["same_maps"] > 0.1 and ns["flat_logits"] > 1e-3


def test_ch4_ex_convolution_1(run):
    from scipy.signal import correlate2d

    ns, out = run("ch4/convolution/ex_1.py")
    x = np.array([[10, 10, 10, 0, 0, 0]] * 6)
    w = np.array([[1, 0, -1]] * 3)
    np.testing.assert_array_equal(ns["outputs"]["flipped"], correlate2d(x[:, ::-1], w, mode="valid"))
    np.testing.assert_array_equal(ns["outputs"]["rotated"], correlate2d(x.T, w, mode="valid"))
    # by hand: the two middle columns straddle the edge with dark on the left: 3 * (0 - 10) = -30
    np.testing.assert_array_equal(ns["outputs"]["flipped"], [[0, -30, -30, 0]] * 4)
    assert not ns["outputs"]["rotated"].any()
    assert "-30" in out


def test_ch4_ex_convolution_2(run):
    ns, _ = run("ch4/convolution/ex_2.py")
    cnn = lambda k: 9 * k + k + 2 * k + 2  # noqa: E731  conv weights + biases, dense weights + biases
    mlp = lambda px, h: px * h + h + 2 * h + 2  # noqa: E731
    assert ns["counts"] == {"cnn_8": cnn(8), "cnn_16": cnn(16), "mlp_64": mlp(144, 64),
                            "mlp_128": mlp(144, 128), "mlp_24px": mlp(576, 64)}
    assert cnn(8) == 98 and mlp(144, 64) == 9410  # the numbers of the table in 4.2.1


# ---------------------------------------------------------------- 4.3 channels, pooling, architecture


def test_ch4_ex_cnn_1(run):
    from scipy.signal import correlate

    ns, out = run("ch4/cnn/ex_1.py")
    assert ns["y"].shape == (1, 8, 130 - 5 + 1, 130 - 5 + 1)
    assert ns["n_params"] == 8 * (3 * 5 * 5 + 1) == 608  # K (C F^2 + 1), by hand
    W, b = ns["layer"].params["W"], ns["layer"].params["b"]
    for k in (0, 7):  # a 3-D correlation over (C, H, W) with the (C, F, F) kernel, scipy as the reference
        reference = correlate(ns["x"][0], W[k], mode="valid")[0] + b[k]
        np.testing.assert_allclose(ns["y"][0, k], reference, atol=1e-10)
    assert "608" in out


def test_ch4_ex_cnn_2(run):
    ns, _ = run("ch4/cnn/ex_2.py")
    by_hand = {0: [[9, 0], [0, 0]], 1: [[9, 0], [0, 0]], 2: [[0, 9], [0, 0]]}
    for shift, (pooled, glob) in ns["results"].items():
        moved = np.roll(ns["x"], shift, axis=1)
        reference = moved.reshape(2, 2, 2, 2).max(axis=(1, 3))  # 2x2 blocks by reshaping
        np.testing.assert_array_equal(pooled, reference)
        np.testing.assert_array_equal(pooled, by_hand[shift])
        assert glob == moved.max() == 9


# ---------------------------------------------------------------- 4.1 images


def test_ch4_ex_images_1(run):
    ns, out = run("ch4/images/ex_1.py")
    assert ns["rgb"].shape == (600, 512, 3)  # matplotlib's grace_hopper.jpg
    assert ns["n_numbers"] == 600 * 512 * 3 == 921600
    assert (ns["bytes_uint8"], ns["bytes_float64"]) == (921600, 8 * 921600)
    assert ns["fc_weights"] == 921600 * 1000
    assert "921,600,000" in out


def test_ch4_ex_images_2(run):
    ns, _ = run("ch4/images/ex_2.py")
    r, g, b = (int(v) for v in ns["rgb"][0, 0])
    assert ns["by_hand"] == round(0.299 * r + 0.587 * g + 0.114 * b) == ns["gray"]
    assert ns["plain_mean"] == round((r + g + b) / 3)
    assert b > max(r, g) and ns["plain_mean"] > ns["gray"]  # a bluish pixel gets brighter with equal weights


# ---------------------------------------------------------------- 3.1 neuron


def test_ch3_ex_neuron_1(run):
    ns, _ = run("ch3/neuron/ex_1.py")
    # w.x = 2*1 + (-1)*(-2) + 1*(-1) = 3 by hand, so z = 4 for b = 1 and z = 0 for b = -3
    assert ns["outputs"][1.0, "sigmoid"] == pytest.approx(expit(4.0))
    assert ns["outputs"][1.0, "tanh"] == pytest.approx(np.tanh(4.0))
    assert ns["outputs"][-3.0, "sigmoid"] == pytest.approx(0.5)
    assert ns["outputs"][-3.0, "tanh"] == pytest.approx(0.0, abs=1e-15)


def test_ch3_ex_neuron_2(run):
    ns, _ = run("ch3/neuron/ex_2.py")
    from scipy.special import logit

    assert ns["b_needed"] == pytest.approx(logit(0.9) - 3.0)
    assert expit(3.0 + ns["b_needed"]) == pytest.approx(0.9)
    assert ns["a"] == pytest.approx(0.9)


# ---------------------------------------------------------------- 3.2 perceptron


def test_ch3_ex_perceptron_1(run):
    from sklearn.linear_model import Perceptron as SkPerceptron

    ns, _ = run("ch3/perceptron/ex_1.py")
    X, y = ns["X"], ns["y_and"]
    assert ns["model"].converged_ and ns["model"].errors_[-1] == 0
    np.testing.assert_array_equal(ns["pred"], [0, 0, 0, 1])  # the AND truth table
    # the learned line separates the data as the rule m >= 0 -> 1 says, and scikit-learn's perceptron agrees
    m = X @ ns["model"].coef_.ravel() + np.ravel(ns["model"].intercept_)
    np.testing.assert_array_equal((m >= 0).astype(int), y)
    assert SkPerceptron(max_iter=100, tol=None, random_state=0).fit(X, y).score(X, y) == 1.0


def test_ch3_ex_perceptron_2(run):
    ns, _ = run("ch3/perceptron/ex_2.py")
    X = ns["X"].astype(int)
    np.testing.assert_array_equal(ns["out"], np.logical_xor(X[:, 0], X[:, 1]))
    np.testing.assert_array_equal(ns["h_or"], X[:, 0] | X[:, 1])
    np.testing.assert_array_equal(ns["h_and"], X[:, 0] & X[:, 1])


# ---------------------------------------------------------------- 3.4 training


def _net_221_loss(params, t, kind="mse"):
    """The 2-2-1 sigmoid network of section 3.4 written out in numpy: loss for x = (0.5, 1)."""
    W1, b1, v, bo = params[:4].reshape(2, 2), params[4:6], params[6:8], params[8]
    h = expit(np.array([0.5, 1.0]) @ W1 + b1)
    o = expit(h @ v + bo)
    return (o - t) ** 2 if kind == "mse" else -(t * np.log(o) + (1 - t) * np.log(1 - o))


_PARAMS_221 = np.array([0.1, 0.4, -0.2, 0.3, 0.1, -0.1, 0.5, -0.6, 0.2])


def _finite_diff(f, p, eps=1e-6):
    return np.array([(f(p + eps * e) - f(p - eps * e)) / (2 * eps) for e in np.eye(len(p))])


def test_ch3_ex_training_1(run):
    ns, _ = run("ch3/training/ex_1.py")
    for t in (1.0, 0.0):
        g = _finite_diff(lambda p: _net_221_loss(p, t), _PARAMS_221)
        np.testing.assert_allclose(ns["grads"][t]["w"], g[:4], atol=1e-8)
        np.testing.assert_allclose(ns["grads"][t]["v"], g[6:8], atol=1e-8)
        assert ns["grads"][t]["delta_o"] == pytest.approx(g[8], abs=1e-8)
    assert np.all(np.sign(ns["grads"][1.0]["w"]) == -np.sign(ns["grads"][0.0]["w"]))


def test_ch3_ex_training_2(run):
    ns, _ = run("ch3/training/ex_2.py")
    o = ns["o"]
    for t in (1.0, 0.0):
        assert ns["delta"][t, "MSE"] == pytest.approx(_finite_diff(lambda p: _net_221_loss(p, t), _PARAMS_221)[8], abs=1e-8)
        ce = _finite_diff(lambda p: _net_221_loss(p, t, "ce"), _PARAMS_221)[8]
        assert ns["delta"][t, "cross-entropy"] == pytest.approx(ce, abs=1e-7)
        assert ns["delta"][t, "cross-entropy"] == pytest.approx(o - t, abs=1e-9)  # the closed form
        assert ns["delta"][t, "MSE"] == pytest.approx(2 * (o - t) * o * (1 - o), abs=1e-9)


# ---------------------------------------------------------------- 3.5 depth


def test_ch3_ex_depth_1(run):
    import warnings

    from sklearn.neural_network import MLPClassifier as SkMLP

    ns, _ = run("ch3/depth/ex_1.py")
    X, y = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0]]), np.array([0, 1, 1])
    for hidden, (formula, built) in ns["counts"].items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sk = SkMLP(hidden_layer_sizes=hidden, max_iter=1).fit(X, y)
        reference = sum(W.size for W in sk.coefs_) + sum(b.size for b in sk.intercepts_)
        assert formula == built == reference
    assert ns["counts"][(220,)][0] == 881 and ns["counts"][(16,) * 8][0] == 1969
    assert ns["width"] == 492  # 4h + 1 >= 1969  <=>  h >= 492


def test_ch3_ex_depth_2(run):
    ns, _ = run("ch3/depth/ex_2.py")
    x = np.linspace(0.0, 1.0, 2**12 + 1)
    for k, pieces in ns["pieces"].items():
        assert pieces == 2**k
        y = x.copy()
        for _ in range(k):  # the tent map composed k times, in plain numpy
            y = np.where(y < 0.5, 2 * y, 2 - 2 * y)
        np.testing.assert_allclose(ns["tent_network"](k).forward(x[:, None]).ravel(), y, atol=1e-12)
