"""Tests of the CNN layers: forward against mlnotes.nn.conv, finite-difference gradients, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from mlnotes.nn import avg_pool2d, conv2d, max_pool2d
from mlnotes.nn import (
    SGD,
    AvgPool2D,
    Conv2D,
    Dense,
    Flatten,
    GlobalAvgPool2D,
    GlobalMaxPool2D,
    MaxPool2D,
    ReLU,
    Sequential,
    SoftmaxCrossEntropyLoss,
    Tanh,
    gradient_check,
)

TOL = 1e-6  # maximum relative error of backprop vs central differences (float64)


def numeric_grad(f, arr, eps=1e-6):
    """Central differences of the scalar f() with respect to every entry of arr (perturbed in place)."""
    grad = np.zeros_like(arr)
    for idx in np.ndindex(arr.shape):
        old = arr[idx]
        arr[idx] = old + eps
        up = f()
        arr[idx] = old - eps
        down = f()
        arr[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


def rel_err(a, b):
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


# ---------------------------------------------------------------- Conv2D forward
@pytest.mark.parametrize(("stride", "padding"), [(1, 0), (2, 1), (1, "same"), (3, 2)])
def test_conv2d_layer_forward_equals_conv2d(stride, padding):
    rng = np.random.default_rng(0)
    layer = Conv2D(3, 4, 3, stride=stride, padding=padding, random_state=0)
    layer.params["b"][:] = rng.normal(size=4)
    x = rng.normal(size=(2, 3, 7, 8))
    expected = conv2d(x, layer.params["W"], layer.params["b"], stride=stride, padding=padding)
    np.testing.assert_allclose(layer.forward(x), expected, rtol=0, atol=1e-12)
    assert layer.output_shape(7, 8) == expected.shape[1:]


def test_conv2d_layer_init_is_seeded_he_normal():
    a, b = Conv2D(16, 64, 3, random_state=7), Conv2D(16, 64, 3, random_state=7)
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    assert not np.array_equal(a.params["W"], Conv2D(16, 64, 3, random_state=8).params["W"])
    assert a.params["W"].shape == (64, 16, 3, 3) and np.array_equal(a.params["b"], np.zeros(64))
    assert a.params["W"].std() == pytest.approx(np.sqrt(2 / (16 * 9)), rel=0.05)  # 9216 draws


# ---------------------------------------------------------------- gradients
@pytest.mark.parametrize(("kernel", "stride", "padding"), [(3, 1, 0), (3, 2, 1), ((2, 3), 1, "valid"), (3, 1, "same"),
                                                           (1, 1, 0), (4, 3, 2)])
def test_conv2d_gradient_check(kernel, stride, padding):
    layer = Conv2D(2, 3, kernel, stride=stride, padding=padding, random_state=0)
    layer.params["b"][:] = [0.1, -0.2, 0.3]
    x = np.random.default_rng(1).normal(size=(2, 2, 6, 7))
    result = gradient_check(layer, x)
    assert result < TOL, result


def test_conv2d_gradients_independent_finite_differences():
    """Same check without mlnotes.nn.gradient_check: loss = sum(r * conv2d(x, W, b))."""
    rng = np.random.default_rng(2)
    layer = Conv2D(2, 3, 3, stride=2, padding=1, random_state=3)
    x = rng.normal(size=(2, 2, 5, 6))
    r = rng.normal(size=(2, 3, 3, 3))
    layer.forward(x)
    grad_x = layer.backward(r)
    W, b = layer.params["W"].copy(), layer.params["b"].copy()

    def loss():
        return float(np.sum(r * conv2d(x, W, b, stride=2, padding=1)))

    assert rel_err(grad_x, numeric_grad(loss, x)) < TOL
    assert rel_err(layer.grads["W"], numeric_grad(loss, W)) < TOL
    assert rel_err(layer.grads["b"], numeric_grad(loss, b)) < TOL


@pytest.mark.parametrize(("size", "stride"), [(2, None), (3, 1), (2, 3), (3, 2)])
@pytest.mark.parametrize("pool", [MaxPool2D, AvgPool2D])
def test_pooling_gradient_check(pool, size, stride):
    x = np.random.default_rng(4).normal(size=(2, 3, 7, 6))  # continuous values: no ties in max pooling
    layer = pool(size, stride)
    assert gradient_check(layer, x) < TOL


@pytest.mark.parametrize("pool", [GlobalMaxPool2D, GlobalAvgPool2D])
def test_global_pooling_gradient_check(pool):
    x = np.random.default_rng(5).normal(size=(3, 2, 4, 5))
    assert gradient_check(pool(), x) < TOL


def test_small_cnn_gradient_check():
    net = Sequential([
        Conv2D(1, 3, 3, padding=1, random_state=0), Tanh(), MaxPool2D(2),
        Conv2D(3, 4, 3, random_state=1), ReLU(), AvgPool2D(2, stride=1),
        Flatten(), Dense(4, 3, random_state=2),
    ])
    for layer in net.layers:
        if "b" in layer.params:
            layer.params["b"][:] = np.random.default_rng(6).normal(0, 0.1, size=layer.params["b"].shape)
    x = np.random.default_rng(7).normal(size=(3, 1, 8, 8))
    result = gradient_check(net, x, loss=SoftmaxCrossEntropyLoss(), target=np.array([0, 1, 2]))
    assert set(result.keys()) == {"x", "0.W", "0.b", "3.W", "3.b", "7.W", "7.b"}
    assert result < TOL, result


# ---------------------------------------------------------------- pooling forward/backward by hand
def test_pool_layers_forward_equal_functions():
    x = np.random.default_rng(8).normal(size=(2, 3, 7, 6))
    np.testing.assert_array_equal(MaxPool2D(3, 2).forward(x), max_pool2d(x, 3, 2))
    np.testing.assert_allclose(AvgPool2D(2).forward(x), avg_pool2d(x, 2), atol=1e-15)
    np.testing.assert_array_equal(GlobalMaxPool2D().forward(x), x.max(axis=(2, 3)))
    np.testing.assert_allclose(GlobalAvgPool2D().forward(x), x.mean(axis=(2, 3)), atol=1e-15)


def test_maxpool_overlapping_windows_accumulate_gradient():
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 1] = 5.0  # the maximum of all four 2x2 windows (stride 1)
    pool = MaxPool2D(2, stride=1)
    np.testing.assert_array_equal(pool.forward(x), np.full((1, 1, 2, 2), 5.0))
    grad = pool.backward(np.ones((1, 1, 2, 2)))
    assert grad[0, 0, 1, 1] == 4.0 and grad.sum() == 4.0


def test_maxpool_dropped_border_gets_no_gradient():
    x = np.random.default_rng(9).normal(size=(1, 1, 5, 5))
    pool = MaxPool2D(2)
    pool.forward(x)
    grad = pool.backward(np.ones((1, 1, 2, 2)))
    assert grad[0, 0, 4].sum() == 0 and grad[0, 0, :, 4].sum() == 0 and grad.sum() == 4


# ---------------------------------------------------------------- training and invariance
def test_sgd_step_on_conv_reduces_loss():
    rng = np.random.default_rng(10)
    net = Sequential([Conv2D(1, 2, 3, random_state=0), ReLU(), GlobalMaxPool2D(), Dense(2, 2, random_state=1)])
    x, y = rng.normal(size=(8, 1, 6, 6)), rng.integers(0, 2, size=8)
    loss = SoftmaxCrossEntropyLoss()
    before = loss.forward(net.forward(x), y)
    net.backward(loss.backward())
    SGD(lr=0.1).step(net)
    assert loss.forward(net.forward(x), y) < before


def test_conv_global_max_pool_is_translation_invariant():
    rng = np.random.default_rng(11)
    net = Sequential([Conv2D(1, 3, 3, padding=2, random_state=0), ReLU(), GlobalMaxPool2D()])
    x = np.zeros((1, 1, 10, 10))
    x[0, 0, 1:4, 2:5] = rng.normal(size=(3, 3))
    moved = np.zeros_like(x)
    moved[0, 0, 6:9, 7:10] = x[0, 0, 1:4, 2:5]  # the same pattern, now touching the bottom-right border
    np.testing.assert_allclose(net.forward(moved), net.forward(x), atol=1e-12)


# ---------------------------------------------------------------- bad input
def test_conv2d_layer_bad_input():
    layer = Conv2D(3, 2, 3, random_state=0)
    with pytest.raises(ValueError, match="expected C=3 input channels, got x of shape \\(1, 2, 5, 5\\)"):
        layer.forward(np.ones((1, 2, 5, 5)))
    with pytest.raises(ValueError, match="shape \\(N, C, H, W\\), got shape \\(3, 5, 5\\)"):
        layer.forward(np.ones((3, 5, 5)))
    with pytest.raises(ValueError, match="Kernel size f=3 is larger than the padded input"):
        layer.forward(np.ones((1, 3, 2, 5)))
    with pytest.raises(ValueError, match="containing infinity; expected finite values"):
        layer.forward(np.full((1, 3, 5, 5), np.inf))
    with pytest.raises(TypeError, match="numeric array"):
        layer.forward(np.array([["a"]]))
    with pytest.raises(ValueError, match="backward called before forward"):
        Conv2D(1, 1, 3).backward(np.ones((1, 1, 1, 1)))
    layer.forward(np.ones((2, 3, 5, 5)))
    with pytest.raises(ValueError, match="expected grad_y of shape \\(2, 2, 3, 3\\)"):
        layer.backward(np.ones((2, 2, 3, 4)))


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"in_channels": 0, "out_channels": 1, "kernel_size": 3}, ValueError, "in_channels must be >= 1"),
    ({"in_channels": 1, "out_channels": 1, "kernel_size": 0}, ValueError, "kernel_size must be >= 1"),
    ({"in_channels": 1, "out_channels": 1, "kernel_size": 3, "stride": 0}, ValueError, "stride must be >= 1"),
    ({"in_channels": 1, "out_channels": 1, "kernel_size": 3, "stride": -2}, ValueError, "stride must be >= 1"),
    ({"in_channels": 1, "out_channels": 1, "kernel_size": 2, "padding": "same"}, ValueError, "odd kernel"),
    ({"in_channels": 1, "out_channels": 1, "kernel_size": 3, "padding": -1}, ValueError, "padding must be >= 0"),
    ({"in_channels": 1.5, "out_channels": 1, "kernel_size": 3}, TypeError, "in_channels must be an int"),
])
def test_conv2d_layer_bad_hyperparameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        Conv2D(**kwargs)


def test_pool_layer_bad_input():
    with pytest.raises(ValueError, match="stride must be >= 1"):
        MaxPool2D(2, 0)
    with pytest.raises(ValueError, match="kernel_size must be >= 1"):
        AvgPool2D(0)
    with pytest.raises(ValueError, match="larger than the padded input"):
        MaxPool2D(4).forward(np.ones((1, 1, 3, 3)))
    with pytest.raises(ValueError, match="\\(N, C, H, W\\)"):
        GlobalMaxPool2D().forward(np.ones((3, 3)))
    pool = AvgPool2D(2)
    pool.forward(np.ones((1, 1, 4, 4)))
    with pytest.raises(ValueError, match="expected grad_y of shape \\(1, 1, 2, 2\\)"):
        pool.backward(np.ones((1, 1, 4, 4)))


def test_sequential_reports_conv_errors_with_layer_index():
    net = Sequential([Conv2D(1, 2, 3, random_state=0), ReLU()])
    with pytest.raises(ValueError, match="Sequential layer 0.*expected C=1 input channels"):
        net.forward(np.ones((1, 3, 5, 5)))


def test_repr():
    assert repr(Conv2D(1, 6, 5, padding=2)) == "Conv2D(1 -> 6, kernel_size=5, stride=1, padding=2)"
    assert repr(MaxPool2D(2)) == "MaxPool2D(kernel_size=2, stride=2)"
