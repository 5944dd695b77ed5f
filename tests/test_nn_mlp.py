"""MLPClassifier / MLPRegressor: XOR, agreement with scikit-learn, one exact training step, bad input."""

from __future__ import annotations

import copy
import warnings

import numpy as np
import pytest
from conftest import load_benchmark
from sklearn.exceptions import ConvergenceWarning as SkConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier as SkMLPClassifier
from sklearn.neural_network import MLPRegressor as SkMLPRegressor

from mlnotes._validation import ConvergenceWarning, NotFittedError
from mlnotes.datasets import make_blobs, make_moons, make_spirals
from mlnotes.nn import (
    Adam,
    BCEWithLogitsLoss,
    Dense,
    Identity,
    MLPClassifier,
    MLPRegressor,
    ReLU,
    Sequential,
    Sigmoid,
    SoftmaxCrossEntropyLoss,
    Tanh,
    make_mlp,
    train,
)
from mlnotes.nn.mlp import _HalfSquaredError

X_XOR = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_XOR = np.array([0, 1, 1, 0])


def quiet_fit(model, X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", SkConvergenceWarning)
        return model.fit(X, y)


@pytest.mark.parametrize("seed", range(10))
def test_default_mlp_learns_xor_exactly(seed):
    clf = quiet_fit(MLPClassifier(hidden_layer_sizes=(8,), random_state=seed), X_XOR, Y_XOR)
    np.testing.assert_array_equal(clf.predict(X_XOR), Y_XOR)
    proba = clf.predict_proba(X_XOR)
    assert (proba[np.arange(4), Y_XOR] > 0.5).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


# --- accuracy within 2 % of scikit-learn on generated data --------------------------------------
CASES = {
    "moons": (lambda: make_moons(400, noise=0.2, random_state=0), dict(hidden_layer_sizes=(16,), max_iter=500)),
    "spirals": (lambda: make_spirals(400, n_classes=3, noise=0.05, random_state=0),
                dict(hidden_layer_sizes=(32, 32), max_iter=500)),
    "blobs10": (lambda: make_blobs(800, centers=10, cluster_std=0.7, random_state=0),
                dict(hidden_layer_sizes=(32,), max_iter=300)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_accuracy_within_two_percent_of_scikit_learn(name):
    make, params = CASES[name]
    X, y = make()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.5, random_state=0)
    ours, ref = [], []
    for seed in range(3):  # average over initialisations: a single seed varies by a few %
        kw = dict(params, learning_rate_init=0.01, random_state=seed)
        ours.append(quiet_fit(MLPClassifier(**kw), X_tr, y_tr).score(X_te, y_te))
        ref.append(quiet_fit(SkMLPClassifier(**kw), X_tr, y_tr).score(X_te, y_te))
    assert abs(np.mean(ours) - np.mean(ref)) <= 0.02, (ours, ref)
    assert np.mean(ours) > 0.85


def test_regressor_close_to_scikit_learn():
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(300, 2))
    y = np.sin(X[:, 0]) + 0.5 * X[:, 1] ** 2 + rng.normal(scale=0.05, size=300)
    kw = dict(hidden_layer_sizes=(32,), activation="tanh", max_iter=400, learning_rate_init=0.01)
    ours = np.mean([quiet_fit(MLPRegressor(random_state=s, **kw), X, y).score(X, y) for s in range(2)])
    ref = np.mean([quiet_fit(SkMLPRegressor(random_state=s, **kw), X, y).score(X, y) for s in range(2)])
    assert ours > 0.97 and abs(ours - ref) < 0.02


# --- one training epoch equals scikit-learn's from the same weights ---------------------------
def network_from(coefs, intercepts, act):
    layers = []
    for i, (W, b) in enumerate(zip(coefs, intercepts)):
        dense = Dense(*W.shape)
        dense.params["W"][...] = W
        dense.params["b"][...] = b
        layers.append(dense)
        if i < len(coefs) - 1:
            layers.append(act())
    return Sequential(layers)


@pytest.mark.parametrize("Ours, Ref, y_kind, act, act_layer", [
    (MLPClassifier, SkMLPClassifier, "binary", "tanh", Tanh),
    (MLPClassifier, SkMLPClassifier, "multiclass", "relu", ReLU),
    (MLPClassifier, SkMLPClassifier, "multiclass", "logistic", Sigmoid),
    (MLPRegressor, SkMLPRegressor, "continuous", "tanh", Tanh),
])
@pytest.mark.parametrize("solver", ["sgd", "adam"])
def test_one_epoch_matches_scikit_learn_exactly(monkeypatch, Ours, Ref, y_kind, act, act_layer, solver):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(12, 3))
    y = {"binary": rng.integers(0, 2, 12), "multiclass": rng.integers(0, 3, 12),
         "continuous": rng.normal(size=12)}[y_kind]
    params = dict(hidden_layer_sizes=(5, 4), activation=act, solver=solver, alpha=0.1, batch_size=5,
                  shuffle=False, momentum=0.5, learning_rate_init=0.05, max_iter=1,
                  epsilon=1e-16)  # Adam's eps sits in a slightly different place in scikit-learn
    ref = quiet_fit(Ref(warm_start=True, random_state=0, **params), X, y)
    start = network_from(copy.deepcopy(ref.coefs_), copy.deepcopy(ref.intercepts_), act_layer)
    quiet_fit(ref, X, y)  # one more epoch from `start` (a fresh optimizer, as in our fit)
    monkeypatch.setattr("mlnotes.nn.mlp.make_mlp", lambda *args, **kwargs: start)
    ours = quiet_fit(Ours(**params), X, y)
    assert ours.loss_curve_[0] == pytest.approx(ref.loss_curve_[-1], rel=1e-9)
    for a, b in zip(ours.coefs_ + ours.intercepts_, ref.coefs_ + ref.intercepts_):
        np.testing.assert_allclose(a, b, rtol=1e-7, atol=1e-10)  # Adam magnifies round-off of tiny grads


def test_initialisation_like_scikit_learn():
    clf = quiet_fit(MLPClassifier(hidden_layer_sizes=(50, 20), max_iter=1, random_state=0),
                    np.zeros((5, 30)), [0, 1, 2, 0, 1])
    assert [W.shape for W in clf.coefs_] == [(30, 50), (50, 20), (20, 3)]
    assert [b.shape for b in clf.intercepts_] == [(50,), (20,), (3,)]
    assert clf.n_layers_ == 4 and clf.n_outputs_ == 3 and clf.out_activation_ == "softmax"
    assert clf.network_.layer_sizes == [30, 50, 20, 3]


# --- estimator behaviour ------------------------------------------------------------------------
def test_fitted_attributes_and_reproducibility():
    X, y = make_moons(100, noise=0.1, random_state=1)
    a = quiet_fit(MLPClassifier(hidden_layer_sizes=(10,), max_iter=30, random_state=3), X, y)
    b = quiet_fit(MLPClassifier(hidden_layer_sizes=(10,), max_iter=30, random_state=3), X, y)
    np.testing.assert_array_equal(a.coefs_[0], b.coefs_[0])
    assert len(a.loss_curve_) == a.n_iter_ == 30 and a.t_ == 30 * 100
    assert a.loss_ == a.loss_curve_[-1] and a.best_loss_ == min(a.loss_curve_)
    assert a.loss_curve_[-1] < a.loss_curve_[0]
    assert a.get_params()["hidden_layer_sizes"] == (10,)
    assert repr(a) == "MLPClassifier(hidden_layer_sizes=(10,), max_iter=30, random_state=3)"


def test_stopping_rule_and_convergence_warning():
    X, y = make_moons(100, noise=0.1, random_state=1)
    with pytest.warns(ConvergenceWarning, match="reached max_iter=5"):
        MLPClassifier(hidden_layer_sizes=(4,), max_iter=5, random_state=0).fit(X, y)
    kw = dict(hidden_layer_sizes=(4,), tol=10.0, n_iter_no_change=3, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        clf = MLPClassifier(**kw).fit(X, y)
        ref = SkMLPClassifier(**kw).fit(X, y)
    # epoch 1 sets best_loss_; then no epoch improves by tol = 10, and training stops once
    # the count of such epochs exceeds n_iter_no_change (as in scikit-learn)
    assert clf.n_iter_ == ref.n_iter_ == 1 + 3 + 1


def test_sgd_schedules():
    X, y = make_moons(60, noise=0.1, random_state=0)
    inv = quiet_fit(MLPClassifier(hidden_layer_sizes=(4,), solver="sgd", learning_rate="invscaling",
                                  max_iter=3, random_state=0), X, y)
    assert inv.t_ == 180
    ada = quiet_fit(MLPClassifier(hidden_layer_sizes=(4,), solver="sgd", learning_rate="adaptive", tol=10.0,
                                  n_iter_no_change=1, max_iter=50, random_state=0), X, y)
    # adaptive: the step is divided by 5 after each stall until it is <= 1e-6, then training stops
    assert ada.n_iter_ < 50


def test_labels_and_multioutput():
    X, y = make_blobs(90, centers=3, random_state=0)
    names = np.array(["a", "b", "c"])[y]
    clf = quiet_fit(MLPClassifier(hidden_layer_sizes=(8,), random_state=0), X, names)
    assert set(clf.predict(X)) <= {"a", "b", "c"} and clf.score(X, names) > 0.9
    assert clf.predict_proba(X).shape == (90, 3)
    Y = np.column_stack([X[:, 0], X[:, 0] - X[:, 1]])
    reg = quiet_fit(MLPRegressor(hidden_layer_sizes=(8,), random_state=0), X, Y)
    assert reg.predict(X).shape == (90, 2) and reg.n_outputs_ == 2
    reg1 = quiet_fit(MLPRegressor(hidden_layer_sizes=(8,), max_iter=5, random_state=0), X, Y[:, 0])
    assert reg1.predict(X).shape == (90,)


def test_bad_input_and_hyper_parameters():
    X, y = X_XOR, Y_XOR
    with pytest.raises(ValueError, match=r"y must be 1D, got array of shape \(4, 2\)"):
        MLPClassifier().fit(X, np.zeros((4, 2)))
    with pytest.raises(ValueError, match="X contains NaN"):
        MLPClassifier().fit(np.where(X == 1, np.nan, X), y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        MLPClassifier().fit(X, y[:3])
    with pytest.raises(ValueError, match="at least 2 classes"):
        MLPClassifier().fit(X, np.zeros(4))
    with pytest.raises(ValueError, match="continuous values"):
        MLPClassifier().fit(X, [0.5, 1.0, 0.0, 1.0])
    with pytest.raises(ValueError, match="activation must be one of"):
        MLPClassifier(activation="softplus").fit(X, y)
    with pytest.raises(ValueError, match="lbfgs' is not implemented"):
        MLPClassifier(solver="lbfgs").fit(X, y)
    with pytest.raises(ValueError, match="hidden_layer_sizes must contain positive ints"):
        MLPClassifier(hidden_layer_sizes=(4, 0)).fit(X, y)
    with pytest.raises(TypeError, match="batch_size must be an int"):
        MLPClassifier(batch_size="all").fit(X, y)
    with pytest.raises(ValueError, match="learning_rate_init must be > 0.0"):
        MLPRegressor(learning_rate_init=0).fit(X, y)
    with pytest.raises(NotFittedError):
        MLPClassifier().predict(X)
    clf = quiet_fit(MLPClassifier(hidden_layer_sizes=(3,), max_iter=2, random_state=0), X, y)
    with pytest.raises(ValueError, match="X has 3 features, but MLPClassifier is expecting 2 features"):
        clf.predict(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="Floating-point overflow in train .*The training diverged|NaN or infinity"):
        quiet_fit(MLPRegressor(hidden_layer_sizes=(4,), solver="sgd", learning_rate_init=1e3, max_iter=50,
                               random_state=0), X, np.array([1e150, -1e150, 1e150, -1e150]))


@pytest.mark.slow
def test_benchmark_quick_mode_prints_its_tables(capsys):
    bench = load_benchmark("bench_nn")
    assert bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "| case" in out and "ratio" in out
    assert out.count("| yes |") + out.count("|  no |") == 3
    assert "share of peak" in out and "worst training ratio" in out


# --- one loop, one builder ------------------------------------------------------------------------
@pytest.mark.parametrize("Est, y_kind", [(MLPClassifier, "multiclass"), (MLPClassifier, "binary"),
                                         (MLPRegressor, "continuous")])
def test_fit_is_make_mlp_plus_nn_train(Est, y_kind):
    """The estimator's loss curve and weights equal an explicit make_mlp + nn.train run with the same seed."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(90, 4))
    y = {"multiclass": rng.integers(0, 3, 90), "binary": rng.integers(0, 2, 90),
         "continuous": rng.normal(size=90)}[y_kind]
    est = quiet_fit(Est(hidden_layer_sizes=(6, 5), activation="tanh", alpha=0.01, batch_size=32, max_iter=15,
                        tol=0.0, n_iter_no_change=100, random_state=7), X, y)
    gen = np.random.default_rng(7)
    n_out, loss, target = {"multiclass": (3, SoftmaxCrossEntropyLoss(), y),
                           "binary": (1, BCEWithLogitsLoss(), y.reshape(-1, 1).astype(float)),
                           "continuous": (1, _HalfSquaredError(), y.reshape(-1, 1))}[y_kind]
    net = make_mlp([4, 6, 5, n_out], activation="tanh", init="glorot", random_state=gen)
    hist = train(net, X, target, loss=loss, optimizer=Adam(lr=0.01), epochs=15, batch_size=32,
                 random_state=gen, alpha=0.01)
    np.testing.assert_allclose(est.loss_curve_, hist["loss"], rtol=1e-12, atol=0)
    for W, W_ref in zip(est.coefs_, [net.params[k] for k in net.params if k.endswith("W")]):
        np.testing.assert_allclose(W, W_ref, rtol=1e-12, atol=0)


def test_fit_calls_nn_train_once(monkeypatch):
    import mlnotes.nn.mlp as mlp_module

    calls, real_train = [], mlp_module.train

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real_train(*args, **kwargs)

    monkeypatch.setattr(mlp_module, "train", spy)
    quiet_fit(MLPClassifier(hidden_layer_sizes=(4,), max_iter=3, random_state=0), X_XOR, Y_XOR)
    assert len(calls) == 1 and calls[0]["epochs"] == 3 and calls[0]["batch_size"] == 4


def test_make_mlp_layers_shapes_and_initialisations():
    net = make_mlp([5, 7, 3, 2], activation="tanh", out_activation="logistic", random_state=0)
    assert [type(layer) for layer in net.layers] == [Dense, Tanh, Dense, Tanh, Dense, Sigmoid]
    assert [net.params[k].shape for k in net.params] == [(5, 7), (7,), (7, 3), (3,), (3, 2), (2,)]
    assert net.layer_sizes == [5, 7, 3, 2]
    assert type(make_mlp([2, 2], activation="identity", random_state=0).layers[0]) is Dense
    assert type(make_mlp([2, 3, 2], activation="identity", random_state=0).layers[1]) is Identity
    # "he": the layers Dense(init="he") ... Dense(init="xavier") would draw from the same generator, zero biases
    rng = np.random.default_rng(4)
    ref = [Dense(5, 7, init="he", random_state=rng), Dense(7, 2, init="xavier", random_state=rng)]
    he = make_mlp([5, 7, 2], random_state=np.random.default_rng(4))
    for layer, expected in zip(he.layers[::2], ref):
        np.testing.assert_array_equal(layer.params["W"], expected.params["W"])
        np.testing.assert_array_equal(layer.params["b"], 0.0)
    # "glorot": scikit-learn's bounds sqrt(6 / (fan_in + fan_out)) (sqrt(2 / ...) for logistic), on the biases too
    for act, factor in (("relu", 6.0), ("logistic", 2.0)):
        net = make_mlp([300, 200, 100], activation=act, init="glorot", random_state=0)
        for layer in net.layers[::2]:
            bound = np.sqrt(factor / (layer.in_features + layer.out_features))
            for arr in layer.params.values():
                assert np.abs(arr).max() <= bound and np.abs(arr).max() > 0.95 * bound
    with pytest.raises(TypeError, match="sizes must be a sequence of at least two ints"):
        make_mlp([3], random_state=0)
    with pytest.raises(ValueError, match="init must be one of"):
        make_mlp([3, 2], init="zeros", random_state=0)
