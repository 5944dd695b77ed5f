"""Losses, optimizers and the training loop: references (scikit-learn), finite differences, properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics import log_loss, mean_squared_error
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

from mlnotes.nn import (
    SGD,
    Adam,
    BCELoss,
    BCEWithLogitsLoss,
    Dense,
    Momentum,
    MSELoss,
    ReLU,
    Sequential,
    SoftmaxCrossEntropyLoss,
    Tanh,
    train,
)


def numeric_grad(loss, pred, target, eps=1e-6):
    grad = np.zeros_like(pred)
    for idx in np.ndindex(pred.shape):
        p = pred.copy()
        p[idx] += eps
        up = loss.forward(p, target)
        p[idx] -= 2 * eps
        grad[idx] = (up - loss.forward(p, target)) / (2 * eps)
    return grad


def rel_err(a, b):
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


# --- losses: reference values -------------------------------------------------------------------
def test_losses_match_scikit_learn():
    rng = np.random.default_rng(0)
    pred, target = rng.normal(size=(8, 3)), rng.normal(size=(8, 3))
    assert MSELoss()(pred, target) == pytest.approx(mean_squared_error(target, pred))
    p = rng.uniform(0.05, 0.95, size=10)
    t = rng.integers(0, 2, size=10)
    assert BCELoss()(p, t) == pytest.approx(log_loss(t, p))
    z = rng.normal(scale=3, size=10)
    assert BCEWithLogitsLoss()(z, t) == pytest.approx(log_loss(t, 1 / (1 + np.exp(-z))))
    logits = rng.normal(size=(9, 4))
    labels = np.array([0, 1, 2, 3, 0, 1, 2, 3, 3])
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert SoftmaxCrossEntropyLoss()(logits, labels) == pytest.approx(log_loss(labels, probs))
    assert SoftmaxCrossEntropyLoss()(logits, np.eye(4)[labels]) == pytest.approx(log_loss(labels, probs))


def test_bce_with_logits_is_stable_where_naive_fails():
    loss = BCEWithLogitsLoss()
    assert loss(np.array([[800.0], [-800.0]]), np.array([[0.0], [1.0]])) == pytest.approx(800.0)
    np.testing.assert_allclose(loss.backward(), [[0.5], [-0.5]])
    assert SoftmaxCrossEntropyLoss()(np.array([[1e4, 0.0]]), [1]) == pytest.approx(1e4)


@pytest.mark.parametrize("loss, make_target", [
    (MSELoss(), lambda r, shape: r.normal(size=shape)),
    (BCEWithLogitsLoss(), lambda r, shape: r.integers(0, 2, size=shape).astype(float)),
    (BCELoss(), lambda r, shape: r.integers(0, 2, size=shape).astype(float)),
    (SoftmaxCrossEntropyLoss(), lambda r, shape: r.integers(0, shape[1], size=shape[0])),
    (SoftmaxCrossEntropyLoss(), lambda r, shape: r.dirichlet(np.ones(shape[1]), size=shape[0])),
])
def test_loss_gradients_match_finite_differences(loss, make_target):
    r = np.random.default_rng(1)
    pred = r.uniform(0.1, 0.9, size=(5, 3)) if isinstance(loss, BCELoss) else r.normal(size=(5, 3))
    target = make_target(r, pred.shape)
    loss.forward(pred, target)
    analytic = loss.backward()
    assert rel_err(analytic, numeric_grad(loss, pred, target)) < 1e-6


def test_loss_errors_name_the_loss_and_shapes():
    with pytest.raises(ValueError, match=r"MSELoss\(\): target of shape \(4, 2\) does not match "
                                         r"pred of shape \(4, 1\)"):
        MSELoss()(np.zeros((4, 1)), np.zeros((4, 2)))
    with pytest.raises(ValueError, match=r"SoftmaxCrossEntropyLoss\(\): target of shape \(3,\) does not match "
                                         r"logits of shape \(4, 3\)"):
        SoftmaxCrossEntropyLoss()(np.zeros((4, 3)), [0, 1, 2])
    with pytest.raises(ValueError, match=r"class indices must be in 0\.\.2, got values in \[0, 3\]"):
        SoftmaxCrossEntropyLoss()(np.zeros((2, 3)), [0, 3])
    with pytest.raises(TypeError, match="integer class indices"):
        SoftmaxCrossEntropyLoss()(np.zeros((2, 3)), [0.5, 1.0])
    with pytest.raises(ValueError, match="containing NaN"):
        BCEWithLogitsLoss()(np.array([np.nan, 0.0]), [0, 1])
    with pytest.raises(ValueError, match="target containing NaN"):
        MSELoss()(np.zeros(2), [np.nan, 0])
    with pytest.raises(ValueError, match=r"expects probabilities in \[0, 1\]"):
        BCELoss()(np.array([1.5, 0.5]), [1, 0])
    with pytest.raises(ValueError, match="backward called before forward"):
        MSELoss().backward()
    # (N,) targets are accepted for a single output column
    assert MSELoss()(np.array([[1.0], [2.0]]), [1.0, 2.0]) == 0.0


finite = st.floats(-50, 50, allow_nan=False)


@settings(max_examples=30, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(2, 4)), elements=finite), st.data())
def test_losses_non_negative_and_zero_at_perfect_prediction(pred, data):
    n, c = pred.shape
    target = data.draw(arrays(np.float64, pred.shape, elements=finite))
    assert MSELoss()(pred, target) >= 0 and MSELoss()(pred, pred) == 0
    bits = data.draw(arrays(np.int64, pred.shape, elements=st.integers(0, 1)))
    assert BCEWithLogitsLoss()(pred, bits) >= 0
    assert BCELoss()(bits.astype(float), bits) == pytest.approx(0.0, abs=1e-10)
    assert BCEWithLogitsLoss()(np.where(bits == 1, 1e4, -1e4), bits) == 0.0
    labels = data.draw(arrays(np.int64, (n,), elements=st.integers(0, c - 1)))
    assert SoftmaxCrossEntropyLoss()(pred, labels) >= 0
    confident = np.full((n, c), -1e4)
    confident[np.arange(n), labels] = 1e4
    assert SoftmaxCrossEntropyLoss()(confident, labels) == 0.0


# --- optimizers ---------------------------------------------------------------------------------
def quadratic_run(opt, sk_opt, steps=5):
    """Apply both optimizers to the gradients of f(W) = 0.5 * ||A W||^2 and compare the iterates."""
    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 3))
    layer = Dense(3, 2, random_state=0)
    ref = [layer.params["W"].copy(), layer.params["b"].copy()]
    sk = sk_opt(ref)
    for _ in range(steps):
        layer.grads["W"] = A.T @ A @ layer.params["W"]
        layer.grads["b"] = layer.params["b"] - 1.0
        opt.step(layer)
        sk.update_params(ref, [A.T @ A @ ref[0], ref[1] - 1.0])
    return layer, ref


def test_sgd_and_momentum_match_scikit_learn():
    layer, ref = quadratic_run(SGD(lr=0.1), lambda p: SGDOptimizer(p, learning_rate_init=0.1, momentum=0.0))
    np.testing.assert_allclose(layer.params["W"], ref[0], rtol=1e-13)
    for nesterov in (False, True):
        layer, ref = quadratic_run(Momentum(lr=0.05, momentum=0.8, nesterov=nesterov),
                                   lambda p: SGDOptimizer(p, learning_rate_init=0.05, momentum=0.8,
                                                          nesterov=nesterov))
        np.testing.assert_allclose(layer.params["W"], ref[0], rtol=1e-13)
        np.testing.assert_allclose(layer.params["b"], ref[1], rtol=1e-13)


def test_adam_matches_scikit_learn_and_algorithm_1():
    layer, ref = quadratic_run(Adam(lr=0.01), lambda p: AdamOptimizer(p, learning_rate_init=0.01))
    # scikit-learn adds eps to sqrt(v) rather than to sqrt(v_hat): equal up to ~eps
    np.testing.assert_allclose(layer.params["W"], ref[0], rtol=1e-7)
    # Kingma & Ba, Algorithm 1, written out for one scalar
    theta, m, v = 1.0, 0.0, 0.0
    p = Dense(1, 1)
    p.params["W"][...] = theta
    opt = Adam(lr=0.1, beta1=0.5, beta2=0.9, eps=1e-3)
    for t in range(1, 4):
        g = 2 * theta
        m, v = 0.5 * m + 0.5 * g, 0.9 * v + 0.1 * g * g
        theta -= 0.1 * (m / (1 - 0.5 ** t)) / (np.sqrt(v / (1 - 0.9 ** t)) + 1e-3)
        p.grads["W"] = 2 * p.params["W"].copy()
        p.grads["b"] = np.zeros(1)
        opt.step(p)
        assert p.params["W"][0, 0] == pytest.approx(theta, rel=1e-14)


def test_optimizer_validation():
    with pytest.raises(ValueError, match="lr must be > 0.0"):
        SGD(lr=0)
    with pytest.raises(ValueError, match="momentum must be < 1.0"):
        Momentum(momentum=1.0)
    with pytest.raises(ValueError, match="beta2 must be < 1.0"):
        Adam(beta2=1.0)
    layer = Dense(2, 1)
    layer.grads["W"] = np.zeros((3, 1))
    with pytest.raises(ValueError, match=r"grads\['W'\] has shape \(3, 1\) but params\['W'\] has shape \(2, 1\)"):
        SGD().step(layer)


# --- training loop ------------------------------------------------------------------------------
def xor_data():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return X, np.array([0, 1, 1, 0])


def test_train_learns_xor_and_records_history():
    X, y = xor_data()
    net = Sequential([Dense(2, 8, random_state=0), Tanh(), Dense(8, 2, random_state=1)])
    hist = train(net, X, y, loss=SoftmaxCrossEntropyLoss(), optimizer=Adam(lr=0.05), epochs=200,
                 batch_size=2, random_state=0, X_val=X, y_val=y)
    assert hist["loss"].shape == (200,) and hist["val_loss"].shape == (200,)
    assert hist["loss"][-1] < 0.05 < hist["loss"][0]
    np.testing.assert_array_equal(np.argmax(net.forward(X), axis=1), y)


def test_train_is_reproducible_and_shuffling_matters():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(40, 3)), rng.normal(size=(40, 1))

    def run(seed, shuffle=True):
        net = Sequential([Dense(3, 5, random_state=0), ReLU(), Dense(5, 1, random_state=1)])
        return train(net, X, y, loss=MSELoss(), optimizer=Momentum(lr=0.05), epochs=3, batch_size=8,
                     shuffle=shuffle, random_state=seed)["loss"]

    np.testing.assert_array_equal(run(1), run(1))
    assert not np.array_equal(run(1), run(2))
    np.testing.assert_array_equal(run(1, shuffle=False), run(2, shuffle=False))


def test_full_batch_epoch_loss_is_the_loss_before_the_step():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(10, 2)), rng.normal(size=(10, 1))
    net = Sequential([Dense(2, 1, random_state=0)])
    before = MSELoss()(net.forward(X), y)
    hist = train(net, X, y, loss=MSELoss(), optimizer=SGD(lr=0.1), epochs=1, batch_size=10, shuffle=False)
    assert hist["loss"][0] == pytest.approx(before)


def test_train_bad_input():
    X, y = xor_data()
    net = Sequential([Dense(2, 2)])
    kw = dict(loss=SoftmaxCrossEntropyLoss(), optimizer=SGD())
    with pytest.raises(ValueError, match=r"y of shape \(3,\) does not match X of shape \(4, 2\); expected 4 rows"):
        train(net, X, y[:3], **kw)
    with pytest.raises(ValueError, match="X contains NaN"):
        train(net, np.where(X == 1, np.nan, X), y, **kw)
    with pytest.raises(ValueError, match=r"Sequential layer 0, Dense\(2 -> 2\): expected input of shape "
                                         r"\(N, 2\), got \(4, 3\)"):
        train(net, np.zeros((4, 3)), y, **kw)
    with pytest.raises(ValueError, match=r"target of shape \(4, 3\) does not match logits of shape \(4, 2\)"):
        train(net, X, np.zeros((4, 3)), **kw)
    with pytest.raises(ValueError, match="X_val and y_val must be given together"):
        train(net, X, y, X_val=X, **kw)
    with pytest.raises(TypeError, match="loss must be a Loss instance"):
        train(net, X, y, loss=lambda p, t: 0.0, optimizer=SGD())
    with pytest.raises(ValueError, match="epochs must be >= 1"):
        train(net, X, y, epochs=0, **kw)


# --- the loop's options: L2 penalty, stopping rule, callbacks, backward_params -----------------
def test_l2_penalty_step_and_recorded_loss_match_hand_computation():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    net = Sequential([Dense(3, 2, random_state=0)])
    W0, b0 = net.params["0.W"].copy(), net.params["0.b"].copy()
    alpha, lr = 0.3, 0.1
    hist = train(net, X, y, loss=MSELoss(), optimizer=SGD(lr=lr), epochs=1, batch_size=6, shuffle=False,
                 alpha=alpha)
    diff = X @ W0 + b0 - y
    grad_W = X.T @ (2 * diff / diff.size) + alpha / 6 * W0
    grad_b = (2 * diff / diff.size).sum(axis=0)
    np.testing.assert_allclose(net.params["0.W"], W0 - lr * grad_W, rtol=1e-12)
    np.testing.assert_allclose(net.params["0.b"], b0 - lr * grad_b, rtol=1e-12)  # biases are not penalised
    expected = np.mean(diff**2) + 0.5 * alpha * np.sum(W0**2) / 6
    assert hist["loss"][0] == pytest.approx(expected, rel=1e-12)


def test_stopping_rule_on_plateau_and_callback():
    X, y = xor_data()

    def fit(**kw):
        net = Sequential([Dense(2, 4, random_state=0), Tanh(), Dense(4, 2, random_state=1)])
        return train(net, X, y, loss=SoftmaxCrossEntropyLoss(), optimizer=SGD(lr=1e-9), epochs=50,
                     batch_size=4, random_state=0, **kw)["loss"]

    assert fit().size == 50  # no tol: every epoch runs
    # a learning rate of 1e-9 changes nothing: no improvement by 1e-3, so epoch 0 is the best and the
    # rule stops after n_iter_no_change + 1 further epochs
    assert fit(tol=1e-3, n_iter_no_change=3).size == 5
    plateaus = []
    assert fit(tol=1e-3, n_iter_no_change=3, on_plateau=lambda: plateaus.append(1) or len(plateaus) < 3).size == 13
    assert len(plateaus) == 3
    seen = []
    assert fit(callback=lambda epoch, loss: seen.append((epoch, loss)) or epoch == 6).size == 7
    assert [e for e, _ in seen] == list(range(7))
    with pytest.raises(TypeError, match="callback must be callable"):
        fit(callback=3)


def test_backward_params_fills_the_same_grads_as_backward():
    rng = np.random.default_rng(0)
    x, g = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    nets = [Sequential([Dense(3, 4, random_state=0), ReLU(), Dense(4, 2, random_state=1)]) for _ in range(2)]
    for net in nets:
        net.forward(x)
    assert nets[0].backward_params(g) is None
    nets[1].backward(g)
    for key in nets[0].grads:
        np.testing.assert_array_equal(nets[0].grads[key], nets[1].grads[key])
