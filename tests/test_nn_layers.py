"""Layers, Sequential, gradient checks, linear collapse and the network diagram."""

from __future__ import annotations

import copy

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlnotes.book import i18n, plots, render
from mlnotes.nn import (
    BCELoss,
    BCEWithLogitsLoss,
    Dense,
    Flatten,
    Identity,
    Layer,
    MSELoss,
    ReLU,
    Sequential,
    Sigmoid,
    SoftmaxCrossEntropyLoss,
    Tanh,
    collapse_linear,
    gradient_check,
)
from mlnotes.nn.gradcheck import relative_error

TOL = 1e-6  # the bound on the relative error in float64


def rng(seed=0):
    return np.random.default_rng(seed)


# --- gradient checks ----------------------------------------------------------------------------
@pytest.mark.parametrize("layer, shape", [
    (Dense(4, 3, random_state=0), (5, 4)),
    (Dense(4, 3, init="he", random_state=1), (5, 4)),
    (Sigmoid(), (5, 4)),
    (Tanh(), (5, 4)),
    (ReLU(), (5, 4)),
    (Identity(), (5, 4)),
    (Flatten(), (3, 2, 2, 3)),
])
def test_every_layer_passes_gradient_check(layer, shape):
    x = rng(1).normal(size=shape)
    result = gradient_check(layer, x)
    assert result < TOL, repr(result)
    assert set(result.keys()) == {"x", *layer.params}


def test_gradient_check_detects_a_wrong_backward():
    class BrokenTanh(Tanh):
        def backward(self, grad_y):
            return grad_y * (1.0 - self._y)  # missing square

    assert gradient_check(BrokenTanh(), rng().normal(size=(4, 3))) > 1e-2

    class StaleBias(Dense):
        def backward(self, grad_y):
            out = super().backward(grad_y)
            self.grads["b"] = 2 * self.grads["b"]
            return out

    result = gradient_check(StaleBias(3, 2, random_state=0), rng().normal(size=(4, 3)))
    assert result["W"] < TOL and result["b"] > 0.1


@pytest.mark.parametrize("loss, target", [
    (MSELoss(), rng(2).normal(size=(6, 3))),
    (BCEWithLogitsLoss(), rng(3).integers(0, 2, size=(6, 3)).astype(float)),
    (SoftmaxCrossEntropyLoss(), np.array([0, 1, 2, 2, 1, 0])),
    (SoftmaxCrossEntropyLoss(), np.eye(3)[[2, 1, 0, 0, 1, 2]]),
])
def test_whole_network_gradient_check_with_each_loss(loss, target):
    net = Sequential([Dense(4, 8, random_state=0), Tanh(), Dense(8, 6, init="he", random_state=1), ReLU(),
                      Dense(6, 5, random_state=2), Sigmoid(), Dense(5, 3, random_state=3)])
    result = gradient_check(net, rng(4).normal(size=(6, 4)), loss=loss, target=target)
    assert result < TOL, repr(result)
    assert set(result.keys()) == {"x", "0.W", "0.b", "2.W", "2.b", "4.W", "4.b", "6.W", "6.b"}


def test_gradient_check_with_probability_loss_and_nested_sequential():
    inner = Sequential([Dense(3, 4, random_state=0), Tanh()])
    net = Sequential([inner, Dense(4, 2, random_state=1), Sigmoid()])
    target = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    assert gradient_check(net, rng().normal(size=(3, 3)), loss=BCELoss(), target=target) < TOL
    assert net.layer_sizes == [3, 4, 2]


def test_gradient_check_restores_parameters_and_validates():
    layer = Dense(3, 2, random_state=0)
    before = copy.deepcopy(layer.params)
    gradient_check(layer, rng().normal(size=(2, 3)))
    for key in before:
        np.testing.assert_array_equal(layer.params[key], before[key])
    with pytest.raises(ValueError, match="loss and target must be given together"):
        gradient_check(layer, np.zeros((2, 3)), loss=MSELoss())
    with pytest.raises(TypeError, match="model must be a Layer"):
        gradient_check(lambda x: x, np.zeros((2, 3)))
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0


# --- Dense --------------------------------------------------------------------------------------
def test_dense_forward_backward_by_hand():
    layer = Dense(2, 2)
    layer.params["W"][...] = [[1.0, 2.0], [3.0, 4.0]]
    layer.params["b"][...] = [0.5, -0.5]
    x = np.array([[1.0, 1.0], [2.0, 0.0]])
    np.testing.assert_array_equal(layer.forward(x), [[4.5, 5.5], [2.5, 3.5]])
    g = np.array([[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(layer.backward(g), [[1.0, 3.0], [2.0, 4.0]])  # g @ W.T
    np.testing.assert_array_equal(layer.grads["W"], [[1.0, 2.0], [1.0, 0.0]])  # x.T @ g
    np.testing.assert_array_equal(layer.grads["b"], [1.0, 1.0])
    # grads are overwritten, not accumulated
    layer.forward(x)
    layer.backward(g)
    np.testing.assert_array_equal(layer.grads["b"], [1.0, 1.0])


def test_dense_initialisation_scales_and_seeding():
    fan_in, fan_out = 400, 300
    W = Dense(fan_in, fan_out, random_state=0).params["W"]
    limit = np.sqrt(6 / (fan_in + fan_out))
    assert np.abs(W).max() <= limit
    assert W.var() == pytest.approx(limit ** 2 / 3, rel=0.02)  # variance of U(-a, a)
    He = Dense(fan_in, fan_out, init="he", random_state=0).params["W"]
    assert He.std() == pytest.approx(np.sqrt(2 / fan_in), rel=0.02)
    np.testing.assert_array_equal(Dense(3, 2, random_state=5).params["W"], Dense(3, 2, random_state=5).params["W"])
    assert Dense(3, 2).params["b"].tolist() == [0.0, 0.0]


def test_dense_errors_name_the_layer_and_shapes():
    layer = Dense(3, 4)
    with pytest.raises(ValueError, match=r"Dense\(3 -> 4\) expected input of shape \(N, 3\), got \(5, 2\)"):
        layer.forward(np.zeros((5, 2)))
    with pytest.raises(ValueError, match=r"Dense\(3 -> 4\) expected input of shape \(N, 3\), got \(3,\)"):
        layer.forward(np.zeros(3))
    with pytest.raises(ValueError, match=r"Dense\(3 -> 4\) received input of shape \(2, 3\) containing NaN"):
        layer.forward(np.array([[0, 1, np.nan], [0, 0, 0]]))
    with pytest.raises(ValueError, match="backward called before forward"):
        Dense(3, 4).backward(np.zeros((2, 4)))
    layer.forward(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"expected grad_y of shape \(2, 4\).*got \(2, 3\)"):
        layer.backward(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="init must be 'xavier' or 'he'"):
        Dense(3, 4, init="lecun")
    with pytest.raises(ValueError, match="out_features must be >= 1"):
        Dense(3, 0)
    with pytest.raises(TypeError, match="expected a numeric array"):
        layer.forward(np.array([["a", "b", "c"]]))


def test_activation_layers_by_hand_and_errors():
    x = np.array([[-1.0, 0.0, 2.0]])
    relu = ReLU()
    np.testing.assert_array_equal(relu.forward(x), [[0, 0, 2]])
    np.testing.assert_array_equal(relu.backward(np.ones((1, 3))), [[0, 0, 1]])
    sig = Sigmoid()
    y = sig.forward(np.array([[0.0]]))
    assert y[0, 0] == 0.5 and sig.backward(np.array([[1.0]]))[0, 0] == 0.25
    with pytest.raises(ValueError, match=r"Tanh\(\) backward expected grad_y of shape \(1, 3\)"):
        t = Tanh()
        t.forward(x)
        t.backward(np.ones((3, 1)))
    with pytest.raises(ValueError, match=r"Flatten\(\) expected input of shape \(N, \.\.\.\)"):
        Flatten().forward(np.zeros(4))
    with pytest.raises(ValueError, match="containing infinity"):
        ReLU().forward(np.array([[np.inf]]))


# --- Sequential ---------------------------------------------------------------------------------
def test_sequential_shape_mismatch_names_layer_and_shapes():
    net = Sequential([Dense(3, 4), ReLU(), Dense(5, 2)])
    with pytest.raises(ValueError, match=r"Sequential layer 2, Dense\(5 -> 2\): expected input of shape "
                                         r"\(N, 5\), got \(7, 4\)"):
        net.forward(np.zeros((7, 3)))
    with pytest.raises(ValueError, match=r"Sequential layer 0, Dense\(3 -> 4\): received input of shape "
                                         r"\(1, 3\) containing NaN"):
        net.forward(np.array([[1.0, np.nan, 0.0]]))
    with pytest.raises(TypeError, match="item 1 is int"):
        Sequential([Dense(3, 4), 5])


def test_sequential_parameters_modes_and_state():
    net = Sequential([Dense(2, 3, random_state=0), Tanh(), Dense(3, 1, random_state=1)])
    pairs = net.parameters()
    assert [(type(layer).__name__, key) for layer, key in pairs] == [
        ("Dense", "W"), ("Dense", "b"), ("Dense", "W"), ("Dense", "b")]
    assert net.params["0.W"] is net.layers[0].params["W"]
    assert net.n_params == 2 * 3 + 3 + 3 + 1
    assert net.eval() is net and not any(layer.training for layer in net.layers)
    assert net.set_training() is net and net.training
    assert all(layer.training for layer in net.layers)
    net.set_training(False)
    assert not net.training and not any(layer.training for layer in net.layers)
    assert not hasattr(net, "train")  # the word train is the loop function nn.train only
    state = net.state_dict()
    other = Sequential([Dense(2, 3, random_state=7), Tanh(), Dense(3, 1, random_state=8)])
    other.load_state_dict(state)
    x = rng().normal(size=(4, 2))
    np.testing.assert_array_equal(other.forward(x), net.forward(x))
    state["0.W"] += 1.0  # a copy: the network is unchanged
    assert not np.array_equal(net.params["0.W"], state["0.W"])
    with pytest.raises(ValueError, match="do not match the parameters"):
        other.load_state_dict({"0.W": state["0.W"]})
    with pytest.raises(ValueError, match=r"has shape \(3, 3\), expected \(2, 3\)"):
        other.load_state_dict({**state, "0.W": np.zeros((3, 3))})
    assert len(net) == 3 and isinstance(net[1], Tanh) and list(net)[0] is net.layers[0]
    assert "Dense(2 -> 3)" in repr(net) and "total" in net.summary()
    assert isinstance(net, Layer)
    np.testing.assert_array_equal(net.predict(x), net.forward(x))


def test_sequential_backward_equals_manual_chain_rule():
    d1, d2 = Dense(3, 4, random_state=0), Dense(4, 2, random_state=1)
    net = Sequential([d1, Sigmoid(), d2])
    x = rng().normal(size=(5, 3))
    g = rng(1).normal(size=(5, 2))
    net.forward(x)
    grad_x = net.backward(g)
    a = 1 / (1 + np.exp(-(x @ d1.params["W"] + d1.params["b"])))
    delta = (g @ d2.params["W"].T) * a * (1 - a)
    np.testing.assert_allclose(d2.grads["W"], a.T @ g)
    np.testing.assert_allclose(d1.grads["W"], x.T @ delta)
    np.testing.assert_allclose(grad_x, delta @ d1.params["W"].T)


# --- depth without activations collapses --------------------------------------------------------
def test_collapse_linear_equals_the_stack():
    net = Sequential([Dense(4, 6, random_state=0), Identity(), Dense(6, 5, random_state=1),
                      Dense(5, 3, random_state=2)])
    W, b = collapse_linear(net)
    x = rng().normal(size=(10, 4))
    np.testing.assert_allclose(x @ W + b, net.forward(x), rtol=1e-12, atol=1e-12)
    W2, _ = collapse_linear(net.layers)
    np.testing.assert_array_equal(W, W2)
    with pytest.raises(ValueError, match=r"found ReLU\(\), which is not linear"):
        collapse_linear(Sequential([Dense(2, 2), ReLU(), Dense(2, 1)]))
    with pytest.raises(ValueError, match="at least one Dense layer"):
        collapse_linear([Identity()])


def test_activation_breaks_the_collapse():
    # with a ReLU in between, no single affine map reproduces the network on XOR
    net = Sequential([Dense(2, 2), ReLU(), Dense(2, 1)])
    net.layers[0].params["W"][...] = [[1, 1], [1, 1]]
    net.layers[0].params["b"][...] = [0, -1]
    net.layers[2].params["W"][...] = [[1], [-2]]
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = net.forward(X).ravel()
    np.testing.assert_array_equal(y, [0, 1, 1, 0])  # XOR
    A = np.column_stack([X, np.ones(4)])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    assert np.abs(A @ coef - y).max() > 0.4  # the best affine fit is 0.5 everywhere


# --- network diagram ----------------------------------------------------------------------------
def test_draw_network_counts_and_labels():
    with i18n.language("en"):
        fig, ax = render.figure()
        plots.draw_network(ax, [3, 4, 2])
        texts = [t.get_text() for t in ax.texts]
        plt.close(fig)
    assert texts == ["input layer", "hidden layer", "output layer"]
    assert len(ax.patches) == 9
    assert len(ax.lines) == 3 * 4 + 4 * 2
    with i18n.language("zh"):
        fig, ax = render.figure()
        net = Sequential([Dense(784, 256), ReLU(), Dense(256, 64), ReLU(), Dense(64, 10)])
        plots.draw_network(ax, net, max_neurons=6)
        texts = [t.get_text() for t in ax.texts]
        plt.close(fig)
    assert "输入层" in texts and "隐藏层 2" in texts and "n = 784" in texts and "n = 10" in texts
    assert len(ax.patches) == 4 * 5  # 4 layers, each wider than 6: 5 circles + an ellipsis


def test_draw_network_custom_labels_and_errors():
    fig, ax = render.figure()
    plots.draw_network(ax, [2, 1], labels=["x", "y"])
    assert [t.get_text() for t in ax.texts] == ["x", "y"]
    with pytest.raises(ValueError, match="labels has 1 entries but the network has 2 layers"):
        plots.draw_network(ax, [2, 1], labels=["x"])
    with pytest.raises(ValueError, match="at least two positive layer sizes"):
        plots.draw_network(ax, [3])
    with pytest.raises(ValueError, match="max_neurons must be an int >= 3"):
        plots.draw_network(ax, [3, 2], max_neurons=2)
    plt.close(fig)
