"""API-wide robustness test: every public callable of mlnotes, fed bad input.

In the spirit of scikit-learn's ``check_estimator``, but for the whole package. The public
API is discovered from the package itself (``pkgutil`` over every public module, every
function and class in its ``__all__`` -- or, without ``__all__``, every public function and
class defined in it), so a new callable cannot escape: it needs a valid *seed* call in
``SEEDS`` or a line with the reason in ``NOT_DRIVEN``, or this test fails.

From each seed call the test derives bad calls, changing one argument at a time: wrong type,
``None``, strings, complex numbers, NaN and +-inf, wrong number of dimensions, empty input,
one sample, a row or a feature fewer than its partner array or than seen in ``fit``, unknown
options, invalid hyper-parameters, unfitted calls, and huge (1e300) or tiny (1e-300) values.
Each case runs with a time limit and must

* raise ``ValueError`` or ``TypeError`` (``NotFittedError`` for an unfitted estimator) from
  mlnotes's own code, with a message of its own (not numpy's or Python's), or, where the bad
  value is in fact acceptable (huge or tiny magnitudes, one sample, ...),
* return normally with finite numbers,

and must never hang, leak a ``RuntimeWarning`` or raise any other exception. A tally per
module (cases tried / passed) is printed at the end of the run.
"""
from __future__ import annotations

import copy
import importlib
import inspect
import math
import os
import pkgutil
import re
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

import mlnotes

MLNOTES_DIR = os.path.dirname(mlnotes.__file__)
TIME_LIMIT = 5.0  # seconds per case: a case that takes longer counts as a hang

# --------------------------------------------------------------------------------- discovery


def public_modules() -> list[Any]:
    modules = [mlnotes]
    for info in pkgutil.walk_packages(mlnotes.__path__, "mlnotes."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            modules.append(importlib.import_module(info.name))
    return modules


def public_callables() -> dict[str, Any]:
    """Every public function and class of mlnotes, by ``module.qualname`` (where it is defined)."""
    found: dict[str, Any] = {}
    for module in public_modules():
        names = getattr(module, "__all__", None)
        if names is None:
            names = [n for n in vars(module) if not n.startswith("_")
                     and getattr(vars(module)[n], "__module__", None) == module.__name__]
        for name in names:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj) or hasattr(obj, "__wrapped__"):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return found


# ----------------------------------------------------------------------------------- seeds
INVALID, EXTREME = "invalid", "extreme"


@dataclass
class Call:
    """A valid call ``target(*args, **kwargs)``; for a method, ``name`` is the method."""

    name: str | None
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass
class Seed:
    """Valid use of one public callable.

    ``ctor`` builds the object (for a function: the one call); ``calls`` are method calls made
    on it in order. ``ok`` maps a parameter name to the variant labels that are acceptable for
    it (e.g. any string for a caption); ``nonfinite`` allows infinite results (documented ones).
    ``estimator``: unfitted calls must raise ``NotFittedError``.
    """

    ctor: Call
    calls: list[Call] = field(default_factory=list)
    ok: dict[str, set[str]] = field(default_factory=dict)
    nonfinite: bool = False
    estimator: bool = False
    cleanup: Callable[[], None] | None = None


def F(*args: Any, ok: dict | None = None, nonfinite: bool = False, cleanup: Any = None,
      **kwargs: Any) -> Seed:
    return Seed(Call(None, args, kwargs), ok=ok or {}, nonfinite=nonfinite, cleanup=cleanup)


def C(*args: Any, calls: tuple = (), ok: dict | None = None, nonfinite: bool = False,
      estimator: bool = False, cleanup: Any = None, **kwargs: Any) -> Seed:
    return Seed(Call(None, args, kwargs), [c if isinstance(c, Call) else M(*c) for c in calls],
                ok=ok or {}, nonfinite=nonfinite, estimator=estimator, cleanup=cleanup)


def M(name: str, *args: Any, **kwargs: Any) -> Call:
    return Call(name, args, kwargs)


RNG = np.random.default_rng(0)
X = np.round(RNG.normal(size=(12, 3)), 3)  # (n_samples, n_features)
X_TEST = np.round(RNG.normal(size=(5, 3)), 3)
Y_CLASS = np.array([0, 1] * 6)
Y_REG = np.round(X @ [1.0, -2.0, 0.5] + 0.1 * RNG.normal(size=12), 3)
X_COUNTS = RNG.integers(0, 5, size=(12, 3)).astype(float)


def estimator(cls_kwargs: dict, y: Any = Y_CLASS, *, fit_X: Any = X, extra: tuple = (),
              ok: dict | None = None, nonfinite: bool = False) -> Seed:
    """Seed of a scikit-learn style estimator: fit(X, y), then every public method with X_TEST."""
    return Seed(Call(None, (), cls_kwargs), [Call("fit", (fit_X, y))] + list(extra), ok=ok or {},
                nonfinite=nonfinite, estimator=True)


def _close_figures() -> None:
    import matplotlib.pyplot as plt

    plt.close("all")


class Fresh:
    """An argument made anew for every case (matplotlib axes cannot be deep-copied)."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory


def _new_ax() -> Any:
    from mlnotes.book.render import figure

    return figure()[1]


def _ax() -> Fresh:
    return Fresh(_new_ax)


def _fig() -> Fresh:
    return Fresh(lambda: _new_ax().figure)


def _fresh(arguments: dict) -> dict:
    """Deep copies of the arguments, with Fresh placeholders built."""
    return {k: v.factory() if isinstance(v, Fresh) else copy.deepcopy(v) for k, v in arguments.items()}


def _fitted_tree() -> Any:
    from mlnotes.tree import DecisionTreeClassifier

    return DecisionTreeClassifier(max_depth=2).fit(X, Y_CLASS)


def _net() -> Any:
    from mlnotes.nn import Dense, Sequential, Tanh

    return Sequential([Dense(3, 4, random_state=0), Tanh(), Dense(4, 2, random_state=1)])


def _grid() -> Any:
    from mlnotes.rl import GridWorld

    return GridWorld((2, 3), max_steps=20)


def _point_mass() -> Any:
    from mlnotes.rl import PointMass

    return PointMass(max_steps=5)


def seeds() -> dict[str, Seed]:
    """Valid seed calls, by qualified name. Values are deep-copied for every case."""
    from mlnotes.association import apriori
    from mlnotes.linear_model import LogisticRegression
    from mlnotes.neighbors import KNeighborsClassifier
    from mlnotes.nn import (SGD, Adam, BCEWithLogitsLoss, Dense, MSELoss, ReLU, Sequential,
                            SoftmaxCrossEntropyLoss)
    from mlnotes.rl import Box, Discrete

    baskets = [["Bread", "Milk"], ["Bread", "Beer"], ["Milk", "Bread", "Eggs"], ["Beer"]]
    frequent = apriori(baskets, 0.25)
    images = RNG.random((6, 8, 8))
    batch = RNG.normal(size=(2, 1, 6, 6))  # (N, C, H, W)
    q_table = np.zeros((6, 4))
    text = {"zh", "en", "a string"}
    BINARY_OK = {"average": {"None"}, "labels": {"a string", "NaN"}}  # labels are unused with average="binary"
    SPLIT_OK = {"X": {"NaN", "+inf", "-inf", "complex", "strings", "object with a string", "one axis less",
                      "one axis more", "huge", "tiny", "objects"}}  # a splitter only counts the rows of X
    rl_fast = dict(hidden_sizes=(4,), buffer_size=50, batch_size=4, learning_starts=2,
                   random_state=0)
    return {
        # ---- anomaly
        "mlnotes.anomaly.IsolationForest": estimator(dict(n_estimators=5, random_state=0), None,
                                                     extra=(M("score_samples", X_TEST),)),
        "mlnotes.anomaly.ZScoreDetector": estimator({}, None, extra=(M("score_samples", X_TEST),)),
        "mlnotes.anomaly.average_path_length": F(np.array([1.0, 2.0, 10.0])),
        # ---- association
        "mlnotes.association.apriori": F(baskets, 0.25, max_len=None),
        "mlnotes.association.association_rules": F(frequent, 0.5, nonfinite=True),  # conviction = inf at confidence 1
        "mlnotes.association.support": F(baskets, {"Bread"}),
        "mlnotes.association.support_count": F(baskets, {"Bread"}),
        # ---- base
        "mlnotes.base.clone": F(LogisticRegression(C=0.5)),
        # ---- cluster
        "mlnotes.cluster.DBSCAN": estimator(dict(eps=1.0, min_samples=2), None),
        "mlnotes.cluster.KMeans": estimator(dict(n_clusters=2, n_init=2, random_state=0), None),
        "mlnotes.cluster.kmeans_naive": F(X, 2, init="k-means++", max_iter=300, tol=1e-4, random_state=0),
        # ---- cnn (book helpers of chapter 4)
        "mlnotes.book.cnn.make_stroke_cnn": F(2, random_state=0),
        "mlnotes.book.cnn.make_stroke_mlp": F(6, 4, random_state=0),
        "mlnotes.book.cnn.stroke_position_split": F(4, 4, size=8, stroke_size=3, noise=0.1, random_state=0),
        "mlnotes.book.cnn.stroke_experiment": F(n_train=4, n_test=4, epochs=1, batch_size=4, n_filters=2,
                                           hidden=4, random_state=0),
        "mlnotes.book.cnn.make_lenet": F(8, 3, in_channels=1, random_state=0),
        "mlnotes.book.cnn.digits_experiment": F(images, np.array([0, 1, 2, 0, 1, 2]), test_size=0.5,
                                           epochs=1, batch_size=4, lr=0.003, random_state=0),
        # ---- conv
        "mlnotes.nn.conv.conv_output_size": F(5, 3, 1, 1),
        "mlnotes.nn.conv.conv_padding": F("same", 3, ok={"padding": {"an int"}}),  # an int is a valid padding
        "mlnotes.nn.conv.pad2d": F(np.ones((3, 3)), 1, value=0.0, ok={"x": {"one axis more", "one axis less"}}),
        "mlnotes.nn.conv.conv2d_naive": F(np.arange(16.0).reshape(4, 4), np.ones((3, 3)), None, stride=1,
                                       padding=0),
        "mlnotes.nn.conv.conv2d": F(ok={"x": {"one row short", "one sample"}, "w": {"one row short", "one sample"}}, *(batch, RNG.normal(size=(2, 1, 3, 3)), np.zeros(2)), stride=1, padding=1),
        "mlnotes.nn.conv.im2col": F(batch, 3, stride=1, padding=0),
        "mlnotes.nn.conv.col2im": F(np.ones((4, 4)), (1, 1, 3, 3), 2, stride=1, padding=0),
        "mlnotes.nn.conv.max_pool2d": F(batch, 2, None, ok={"x": {"one axis less"}}),
        "mlnotes.nn.conv.avg_pool2d": F(batch, 2, None, ok={"x": {"one axis less"}}),
        "mlnotes.nn.conv.gaussian_kernel": F(3, 1.0),
        # ---- datasets
        "mlnotes.book.data.load_market_baskets": F(),
        "mlnotes.book.data.load_sample_image": F("grace_hopper", as_gray=True),
        "mlnotes.datasets.make_ar_series": F((0.5, -0.2), 20),
        "mlnotes.datasets.make_baskets": F(10, 6, pattern_size=2),
        "mlnotes.datasets.make_blobs": F(12, 2, random_state=0),
        "mlnotes.datasets.make_circles": F(12, noise=0.1, random_state=0),
        "mlnotes.datasets.make_line": F(10, random_state=0),
        "mlnotes.datasets.make_moons": F(12, noise=0.1, random_state=0),
        "mlnotes.datasets.make_outliers": F(20, 3, random_state=0),
        "mlnotes.datasets.make_seasonal_series": F(24, random_state=0),
        "mlnotes.datasets.make_spirals": F(12, random_state=0),
        "mlnotes.book.data.make_strokes": F(4, size=6, stroke_size=3, random_state=0),
        "mlnotes.book.data.make_viewing_histories": F(5, random_state=0),
        "mlnotes.datasets.make_xor": F(12, noise=0.1, random_state=0),
        # ---- decomposition
        "mlnotes.decomposition.PCA": estimator({}, None, extra=(M("inverse_transform", X_TEST),)),
        # ---- ensemble
        "mlnotes.ensemble.RandomForestClassifier": estimator(dict(n_estimators=5, random_state=0)),
        "mlnotes.ensemble.RandomForestRegressor": estimator(dict(n_estimators=5, random_state=0), Y_REG),
        # ---- linear models
        "mlnotes.linear_model.LinearRegression": estimator({}, Y_REG),
        "mlnotes.linear_model.LogisticRegression": estimator({}),
        # ---- metrics
        "mlnotes.metrics.accuracy_score": F(Y_CLASS, Y_CLASS[::-1]),
        "mlnotes.metrics.confusion_matrix": F(Y_CLASS, Y_CLASS[::-1]),
        "mlnotes.metrics.precision_score": F(Y_CLASS, Y_CLASS[::-1], ok=BINARY_OK),
        "mlnotes.metrics.recall_score": F(Y_CLASS, Y_CLASS[::-1], ok=BINARY_OK),
        "mlnotes.metrics.f1_score": F(Y_CLASS, Y_CLASS[::-1], ok=BINARY_OK),
        "mlnotes.metrics.mean_squared_error": F(Y_REG, Y_REG[::-1]),
        "mlnotes.metrics.r2_score": F(Y_REG, Y_REG[::-1]),
        "mlnotes.metrics.roc_auc_score": F(Y_CLASS, Y_REG),
        # ---- model selection
        "mlnotes.model_selection.train_test_split": F(X, Y_CLASS, test_size=0.25, random_state=0),
        "mlnotes.model_selection.KFold": C(3, ok=SPLIT_OK, calls=(M("split", X), M("get_n_splits"))),
        "mlnotes.model_selection.StratifiedKFold": C(3, ok=SPLIT_OK, calls=(M("split", X, Y_CLASS),)),
        "mlnotes.model_selection.cross_val_score": F(KNeighborsClassifier(n_neighbors=1), X, Y_CLASS, cv=3),
        "mlnotes.model_selection.GridSearchCV": estimator(
            dict(estimator=KNeighborsClassifier(), param_grid={"n_neighbors": [1, 3]}, cv=3)),
        # ---- naive Bayes
        "mlnotes.naive_bayes.GaussianNB": estimator({}),
        "mlnotes.naive_bayes.MultinomialNB": estimator({}, fit_X=X_COUNTS),
        # ---- neighbours
        "mlnotes.neighbors.KNeighborsClassifier": estimator(dict(n_neighbors=3),
                                                            extra=(M("kneighbors", X_TEST, 2),)),
        "mlnotes.neighbors.KNeighborsRegressor": estimator(dict(n_neighbors=3), Y_REG),
        "mlnotes.neighbors.knn_predict_naive": F(X, Y_CLASS, X_TEST, 3),
        # ---- nn: activations
        **{f"mlnotes.nn.activations.{name}": F(np.array([[-2.0, 0.0, 3.0]]), ok={"z": {"empty", "one sample",
                                                                                        "one axis less", "one axis more"}})
           for name in ("sigmoid", "tanh", "relu", "step", "identity", "sigmoid_grad", "tanh_grad",
                        "relu_grad")},
        "mlnotes.nn.activations.softmax": F(np.array([[1.0, 2.0, 3.0]]), axis=-1,
                                            ok={"z": {"one sample", "one axis less", "one axis more"}}),
        "mlnotes.nn.activations.log_softmax": F(np.array([[1.0, 2.0, 3.0]]), axis=-1,
                                                ok={"z": {"one sample", "one axis less", "one axis more"}}),
        "mlnotes.nn.activations.neuron": F(np.array([1.0, -2.0, -1.0]), np.array([2.0, -1.0, 1.0]), 1.0,
                                           "sigmoid", ok={"x": {"one axis more"}}),
        # ---- nn: layers
        "mlnotes.nn.layers.Dense": C(3, 2, init="xavier", random_state=0,
                                     calls=(M("forward", X), M("backward", np.ones((12, 2))),
                                            M("backward_params", np.ones((12, 2))))),
        **{f"mlnotes.nn.layers.{name}": C(calls=(M("forward", X), M("backward", np.ones((12, 3)))),
                                          ok={"x": {"one axis less", "one axis more"}})
           for name in ("Sigmoid", "Tanh", "ReLU", "Identity")},
        "mlnotes.nn.layers.Flatten": C(calls=(M("forward", batch), M("backward", np.ones((2, 36)))),
                                       ok={"x": {"one axis less", "one axis more"}}),
        "mlnotes.nn.conv_layers.Conv2D": C(1, 2, 3, 1, 1, random_state=0,
                                           calls=(M("forward", batch), M("backward", np.ones((2, 2, 6, 6))),
                                                  M("output_shape", 6, 6))),
        "mlnotes.nn.conv_layers.MaxPool2D": C(2, None, calls=(M("forward", batch),
                                                             M("backward", np.ones((2, 1, 3, 3))))),
        "mlnotes.nn.conv_layers.AvgPool2D": C(2, None, calls=(M("forward", batch),
                                                             M("backward", np.ones((2, 1, 3, 3))))),
        "mlnotes.nn.conv_layers.GlobalMaxPool2D": C(calls=(M("forward", batch), M("backward", np.ones((2, 1))))),
        "mlnotes.nn.conv_layers.GlobalAvgPool2D": C(calls=(M("forward", batch), M("backward", np.ones((2, 1))))),
        "mlnotes.nn.model.Sequential": C([Dense(3, 4, random_state=0), ReLU(), Dense(4, 2, random_state=1)],
                                         calls=(M("forward", X), M("backward", np.ones((12, 2))),
                                                M("predict", X_TEST), M("summary"), M("named_params"),
                                                M("parameters"), M("set_training", True), M("eval"),
                                                M("state_dict"))),
        "mlnotes.nn.losses.MSELoss": C(calls=(M("forward", np.ones((4, 2)), np.zeros((4, 2))), M("backward"))),
        "mlnotes.nn.losses.BCELoss": C(1e-12, calls=(M("forward", np.full((4, 1), 0.3), np.array([[0.0], [1.0]] * 2)),
                                                     M("backward"))),
        "mlnotes.nn.losses.BCEWithLogitsLoss": C(calls=(M("forward", np.ones((4, 1)), np.array([[0.0], [1.0]] * 2)),
                                                        M("backward"))),
        "mlnotes.nn.losses.SoftmaxCrossEntropyLoss": C(calls=(M("forward", np.ones((4, 3)), np.array([0, 1, 2, 0])),
                                                              M("backward"))),
        "mlnotes.nn.optim.SGD": C(0.1, calls=(M("step", _with_grads()), M("reset"))),
        "mlnotes.nn.optim.Momentum": C(0.1, 0.9, False, calls=(M("step", _with_grads()),)),
        "mlnotes.nn.optim.Adam": C(0.01, 0.9, 0.999, 1e-8, calls=(M("step", _with_grads()),)),
        "mlnotes.nn.training.train": F(_net(), X, Y_CLASS, loss=SoftmaxCrossEntropyLoss(), optimizer=SGD(0.1),
                                       epochs=2, batch_size=4, random_state=0, alpha=0.01, tol=1e-4,
                                       n_iter_no_change=1, on_plateau=lambda: False,
                                       callback=lambda epoch, loss: None),
        "mlnotes.nn.model.make_mlp": F([3, 4, 2], activation="tanh", out_activation=None, init="glorot",
                                       random_state=0),
        "mlnotes.nn.model.collapse_linear": F(Sequential([Dense(3, 4, random_state=0), Dense(4, 2, random_state=1)])),
        "mlnotes.nn.gradcheck.gradient_check": F(_net(), X[:3], eps=1e-6, random_state=0),
        "mlnotes.nn.gradcheck.GradCheckResult": C({"x": 1e-9, "0.W": 1e-10}, calls=(M("keys"),)),
        "mlnotes.nn.gradcheck.relative_error": F(np.array([1.0, 2.0]), np.array([1.0, 2.1])),
        "mlnotes.nn.perceptron.Perceptron": estimator(dict(max_iter=5, random_state=0)),
        "mlnotes.nn.mlp.MLPClassifier": estimator(dict(hidden_layer_sizes=(4,), max_iter=5, random_state=0)),
        "mlnotes.nn.mlp.MLPRegressor": estimator(dict(hidden_layer_sizes=(4,), max_iter=5, random_state=0), Y_REG),
        # ---- rl
        "mlnotes.rl.spaces.Box": C(-1.0, 1.0, (2,), seed=0, calls=(M("sample"), M("contains", np.zeros(2)),
                                                                 M("seed", 1)),
                                   ok={"low": {"-inf", "+inf", "huge", "negative"}, "high": {"+inf", "-inf", "huge"},
                                       "x": {"*"}}),  # contains() is a predicate: False for anything else
        "mlnotes.rl.spaces.Discrete": C(4, seed=0, ok={"x": {"*"}}, calls=(M("sample"), M("contains", 2), M("seed", 1))),
        "mlnotes.rl.gridworld.GridWorld": C((2, 3), max_steps=20, calls=(
            M("reset", seed=0), M("step", 1), M("render"), M("to_state", (1, 2)), M("to_cell", 5), M("close"))),
        "mlnotes.rl.gridworld.CliffWalking": C(max_steps=20, calls=(M("reset", seed=0), M("step", 0),
                                                                   M("render"))),
        "mlnotes.rl.continuous.PointMass": C(dim=1, max_steps=5, calls=(M("reset", seed=0),
                                                                       M("step", np.array([0.5])), M("render"))),
        "mlnotes.rl.tabular.q_learning": F(_grid(), episodes=2, random_state=0, max_steps=20),
        "mlnotes.rl.tabular.sarsa": F(_grid(), episodes=2, random_state=0, max_steps=20),
        "mlnotes.rl.tabular.greedy_path": F(_grid(), q_table, max_steps=5, seed=0),
        "mlnotes.rl.tabular.epsilon_greedy": F(np.array([0.0, 2.0, 1.0]), 0.1, np.random.default_rng(0)),
        "mlnotes.rl.dqn.DQN": C(**rl_fast, calls=(M("learn", _grid(), 2, max_steps=10), M("q_values", [0, 1]),
                                                  M("policy", [0, 1]), M("act", 0))),
        "mlnotes.rl.ddpg.DDPG": C(**rl_fast, calls=(M("learn", _point_mass(), 2, max_steps=5),
                                                    M("act", np.array([0.1, 0.0])),
                                                    M("policy", np.zeros((2, 2))),
                                                    M("q_values", np.zeros((2, 2)), np.zeros((2, 1))))),
        "mlnotes.rl.replay.ReplayBuffer": C(5, 2, None, calls=(M("add", np.zeros(2), 1, 0.5, np.ones(2), False),
                                                               M("sample", 3, np.random.default_rng(0)))),
        "mlnotes.rl.networks.StateEncoder": C(Box(-1.0, 1.0, (2,)), calls=(M("one", np.zeros(2)),
                                                                           M("many", np.zeros((3, 2))))),
        "mlnotes.rl.networks.one_hot": F(np.array([2, 0]), 3),
        "mlnotes.rl.networks.hard_update": F(_net(), _net()),
        "mlnotes.rl.networks.soft_update": F(_net(), _net(), 0.1),
        # ---- sequence
        "mlnotes.sequence.AutoRegressive": C(order=1, calls=(M("fit", Y_REG), M("predict", 3, None))),
        "mlnotes.sequence.NGramModel": C(n=2, smoothing=0.5, ok={"context": {"empty", "a string"}}, calls=(
            M("fit", [["a", "b", "c"], ["a", "b"]]), M("predict_proba", ["a"]), M("predict", ["a"]),
            M("generate", 3, random_state=0), M("perplexity", [["a", "b"]])), nonfinite=True),  # perplexity inf documented
        # ---- svm, tree
        "mlnotes.svm.SVC": estimator({}),
        "mlnotes.tree.DecisionTreeClassifier": estimator({}, extra=(M("apply", X_TEST), M("get_depth"),
                                                                     M("get_n_leaves"))),
        "mlnotes.tree.DecisionTreeRegressor": estimator({}, Y_REG),
        "mlnotes.tree.build_tree_naive": F(X, Y_CLASS, criterion="gini", max_depth=3, min_samples_split=2,
                                           min_samples_leaf=1),
        "mlnotes.tree.export_text": F(_fitted_tree(), feature_names=["a", "b", "c"], max_depth=3, decimals=2,
                                      ok={"feature_names": {"a string"}}),
        # ---- viz (book helpers: figures)
        "mlnotes.book.i18n.current_language": F(),
        "mlnotes.book.i18n.set_language": F("en", cleanup=lambda: _reset_language()),
        "mlnotes.book.i18n.language": F("en"),
        "mlnotes.book.i18n.tr": F("中文", "English", ok={"zh": text, "en": text}),
        "mlnotes.book.render.cjk_font": F(),
        "mlnotes.book.render.style": F(),
        "mlnotes.book.render.use_style": F(cleanup=lambda: _reset_style()),
        "mlnotes.book.render.figure": F(1, 2, figsize=(4.0, 2.0), cleanup=_close_figures),
        "mlnotes.book.render.to_svg": F(_fig(), alt="a line", ok={"alt": {"a string"}}, cleanup=_close_figures),
        "mlnotes.book.render.figure_html": F(_fig(), "A caption", alt="a line", ok={"caption": {"a string"}, "alt": {"a string"}},
                                     cleanup=_close_figures),
        "mlnotes.book.render.figure_id": F(1),
        "mlnotes.book.render.readable_fontsize": F(_fig(), cleanup=_close_figures),
        "mlnotes.book.plots.plot_decision_boundary": F(_ax(), KNeighborsClassifier(n_neighbors=1).fit(X[:, :2], Y_CLASS),
                                                X[:, :2], Y_CLASS, resolution=10, margin=0.5, alpha=0.25,
                                                cleanup=_close_figures),
        "mlnotes.book.plots.diagram": F(_ax(), {"a": (0.0, 0.0, "A"), "b": (2.0, 0.0, "B")}, [("a", "b", "")],
                                 cleanup=_close_figures, ok={"edges": {"empty"}}),
        "mlnotes.book.plots.draw_network": F(_ax(), [2, 3, 1], cleanup=_close_figures),
        "mlnotes.book.plots.draw_neuron": F(_ax(), ["$x_1$", "$x_2$"], cleanup=_close_figures),
        "mlnotes.book.plots.hide_ticks": F(_ax(), frame=True, cleanup=_close_figures),
        "mlnotes.book.plots.canvas": F(_ax(), (0.0, 4.0), (0.0, 2.0), cleanup=_close_figures),
        "mlnotes.book.plots.draw_cells": F(_ax(), np.array([[1.0, 2.0], [3.0, 4.0]]), 0.0, 2.0, box=(0, 0, 1),
                                           cleanup=_close_figures),
        # ---- page code (book helpers of single pages)
        "mlnotes.book.ch1_workflow.moons_split": F(),
        "mlnotes.book.ch1_workflow.standardise": F(np.array([[0.5, 0.25], [1.0, -0.5]])),
        "mlnotes.book.ch1_workflow.features": F(np.array([[0.5, 0.25], [1.0, -0.5]]), degree=3),
        "mlnotes.book.ch3_training.worked_example": F(),
        "mlnotes.book.ch3_training.worked_network": F(),
        "mlnotes.book.ch3_activations.no_activation_network": F(),
        "mlnotes.book.ch3_neuron.neuron_example": F(),
    }


def _with_grads() -> Any:
    from mlnotes.nn import Dense

    layer = Dense(2, 1, random_state=0)
    layer.grads["W"] = np.ones((2, 1))
    layer.grads["b"] = np.ones(1)
    return layer


def _reset_language() -> None:
    from mlnotes.book.i18n import set_language

    set_language(os.environ.get("MLNOTES_LANG", "zh") if os.environ.get("MLNOTES_LANG") in ("zh", "en") else "zh")


def _reset_style() -> None:
    import matplotlib

    matplotlib.rcdefaults()


# Bad-looking values that these callables accept by design (documented options), by parameter
OK = {
    "mlnotes.anomaly.IsolationForest": {"max_samples": {"an int"}},
    "mlnotes.ensemble.RandomForestClassifier": {"max_features": {"None", "an int"}},
    "mlnotes.ensemble.RandomForestRegressor": {"max_features": {"None"}},
    "mlnotes.linear_model.LogisticRegression": {"penalty": {"None"}},
    "mlnotes.linear_model.LinearRegression": {"y": {"one axis more"}},
    "mlnotes.neighbors.KNeighborsRegressor": {"y": {"one axis more"}, "X": {"None"}},
    "mlnotes.neighbors.KNeighborsClassifier": {"X": {"None"}},
    "mlnotes.model_selection.GridSearchCV": {"X": {"None"}},
    "mlnotes.nn.mlp.MLPClassifier": {"batch_size": {"an int"}, "hidden_layer_sizes": {"empty"}},
    "mlnotes.nn.mlp.MLPRegressor": {"batch_size": {"an int"}, "hidden_layer_sizes": {"empty"}, "y": {"one axis more"}},
    "mlnotes.datasets.make_spirals": {"noise": {"None"}},
    "mlnotes.datasets.make_xor": {"noise": {"None"}},
    "mlnotes.book.cnn.digits_experiment": {"random_state": {"None"}},
    "mlnotes.book.cnn.stroke_experiment": {"random_state": {"None"}},
    "mlnotes.nn.gradcheck.gradient_check": {"random_state": {"None"}},
    "mlnotes.rl.gridworld.GridWorld": {"max_steps": {"None"}, "walls": {"empty"}, "cliff": {"empty"}},
    "mlnotes.rl.networks.one_hot": {"states": {"empty", "one axis less"}},
    "mlnotes.nn.model.Sequential": {"layers": {"empty"}},
    "mlnotes.nn.training.train": {"y": {"one axis more"}},
    "mlnotes.rl.continuous.PointMass": {"action": {"one axis less"}},
    "mlnotes.anomaly.average_path_length": {"n": {"empty", "one axis less", "one axis more"}},
    "mlnotes.book.plots.draw_neuron": {"bias": {"None", "a string"}, "body": {"a string"}, "output": {"a string"},
                                "fontsize": {"a float"}},  # labels are free text
    "mlnotes.book.plots.diagram": {"fontsize": {"a float"}},
    "mlnotes.book.plots.draw_cells": {"a": {"NaN"}, "fontsize": {"a float"}},  # NaN marks an empty cell (documented)
    "mlnotes.nn.activations.softmax": {"z": {"empty"}},  # an empty batch of rows, each of 3 scores
    "mlnotes.nn.activations.log_softmax": {"z": {"empty"}},
    "mlnotes.nn.losses.BCELoss": {"target": {"one axis less"}},  # (N,) targets for (N, 1) predictions
    "mlnotes.nn.losses.BCEWithLogitsLoss": {"target": {"one axis less"}},
    "mlnotes.model_selection.KFold": {"get_n_splits.X": {"*"}},  # ignored, as in scikit-learn
    "mlnotes.rl.replay.ReplayBuffer": {"rng": {"None"}},  # a fresh generator, like random_state=None
    "mlnotes.rl.tabular.epsilon_greedy": {"rng": {"None"}},
    "mlnotes.rl.spaces.Box": {"shape": {"empty"}},  # shape () is a scalar box
    "mlnotes.rl.ddpg.DDPG": {"policy.states": {"one axis less"}, "q_values.actions": {"one axis less"}},
    "mlnotes.svm.SVC": {"gamma": {"an int"}},
}

# Public callables that cannot be driven generically, with the reason (keep this list short).
NOT_DRIVEN = {
    "mlnotes.base.BaseEstimator": "base class: driven through every estimator (get_params, set_params, repr)",
    "mlnotes.base.ClassifierMixin": "mixin: its score is driven through every classifier",
    "mlnotes.base.RegressorMixin": "mixin: its score is driven through every regressor",
    "mlnotes.base.TransformerMixin": "mixin: its fit_transform is driven through PCA and KMeans",
    "mlnotes.base.ClusterMixin": "mixin: its fit_predict is driven through KMeans and DBSCAN",
    "mlnotes.nn.base.Layer": "abstract base: forward/backward raise NotImplementedError; driven through every layer",
    "mlnotes.nn.losses.Loss": "abstract base: driven through every loss",
    "mlnotes.nn.optim.Optimizer": "abstract base: driven through SGD, Momentum and Adam",
    "mlnotes.rl.core.Env": "abstract base: driven through GridWorld, CliffWalking and PointMass",
    "mlnotes.cluster.KMeansStep": "record type (NamedTuple) the library fills in; no behaviour to check",
    "mlnotes.anomaly.IsolationTrees": "record type (NamedTuple) the library fills in; no behaviour to check",
    "mlnotes.association.Rule": "record type (frozen dataclass) the library fills in; no behaviour to check",
}

# ------------------------------------------------------------------------------ variants
_RAW_MESSAGES = re.compile(
    r"^(could not convert|operands could not be broadcast|invalid literal for|unsupported operand"
    r"|'?\w+'? object (is not|has no)|can't multiply|cannot reshape|setting an array element"
    r"|only integer scalar|index \d+ is out of bounds|too many indices|unhashable type"
    r"|\w+\(\) (takes|got|missing|argument)|float\(\) argument|int\(\) argument|not enough values"
    r"|zero-size array|math domain error|axis \d+ is out of bounds|attempt to get arg(max|min)"
    r"|The truth value of an array|Cannot cast|ufunc|string indices|list indices|tuple indices"
    r"|object of type|bad operand type|'<' not supported|'>' not supported|negative dimensions"
    r"|maximum supported dimension|array must not contain infs or NaNs|SVD did not converge)")


def _with_value(a: np.ndarray, value: Any) -> np.ndarray:
    out = a.astype(np.float64 if not isinstance(value, complex) else np.complex128).copy()
    out.flat[out.size // 2] = value
    return out


def variants(value: Any, *, paired: bool, fitted: bool, default: Any = inspect.Parameter.empty) -> list:
    """(label, bad value, kind) for one argument whose valid value is ``value``."""
    out: list[tuple[str, Any, str]] = []
    if default is not None:
        out.append(("None", None, INVALID))
    if isinstance(value, (bool, np.bool_)):
        return out + [("a string", "yes", INVALID), ("an int", 2, INVALID)]
    if isinstance(value, (int, np.integer)):
        return out + [("a float", value + 0.5, INVALID), ("a string", str(value), INVALID),
                      ("NaN", math.nan, INVALID), ("negative", -1 - int(value), EXTREME), ("zero", 0, EXTREME)]
    if isinstance(value, (float, np.floating)):
        return out + [("NaN", math.nan, INVALID), ("+inf", math.inf, INVALID), ("-inf", -math.inf, INVALID),
                      ("a string", "1.0", INVALID), ("complex", complex(value, 1.0), INVALID),
                      ("huge", 1e300, EXTREME), ("tiny", 1e-300, EXTREME), ("negative", -abs(value) - 1.0, EXTREME),
                      ("zero", 0.0, EXTREME)]
    if isinstance(value, str):
        return out + [("a string", "__no_such_option__", INVALID), ("an int", 3, INVALID)]
    if value is None:
        return [("a string", "__bad__", INVALID), ("NaN", math.nan, INVALID)]
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return out + _array_variants(value, paired=paired, fitted=fitted)
    if isinstance(value, (list, tuple)):
        out += [("a string", "ab", INVALID), ("a number", 3.5, INVALID), ("empty", type(value)(), INVALID)]
        if value and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            bad = list(value)
            bad[-1] = math.nan
            out.append(("NaN", type(value)(bad), INVALID))
        return out
    if isinstance(value, (set, frozenset, Mapping)):
        return out + [("a string", "ab", INVALID), ("a number", 3.5, INVALID)]
    return out + [("a string", "ab", INVALID), ("a number", 3.5, INVALID)]


def _array_variants(a: np.ndarray, *, paired: bool, fitted: bool) -> list:
    out = [("a string", "abc", INVALID), ("NaN", _with_value(a, math.nan), INVALID),
           ("+inf", _with_value(a, math.inf), INVALID), ("-inf", _with_value(a, -math.inf), INVALID),
           ("complex", a + 1j, INVALID)]
    if a.dtype.kind == "f":
        out += [("strings", a.astype(str), INVALID), ("huge", a * 1e300, EXTREME), ("tiny", a * 1e-300, EXTREME),
                ("objects", a.astype(object), EXTREME)]
    else:
        out += [("strings", a.astype(str), EXTREME)]  # string class labels can be valid
    obj = a.astype(object)
    obj.flat[0] = "x"
    out.append(("object with a string", obj, INVALID if a.dtype.kind == "f" else EXTREME))  # labels may mix
    if a.ndim >= 1:
        # with a partner array of the same length, a shorter one is a length mismatch
        out += [("empty", a[:0], INVALID), ("one sample", a[:1], INVALID if paired else EXTREME)]
        if paired:
            out.append(("one row short", a[:-1], INVALID))
    if a.ndim == 1:
        out += [("one axis less", a[0], INVALID), ("one axis more", np.column_stack([a, a]), INVALID)]
    elif a.ndim >= 2:
        out += [("one axis less", a[0] if a.ndim > 2 else a[:, 0], INVALID), ("one axis more", a[..., None], INVALID)]
        if fitted and a.ndim == 2:
            out.append(("one feature short", a[:, :-1], INVALID))
    return out


# ----------------------------------------------------------------------------- running


class _Hang(BaseException):
    """Raised by the alarm when a case runs past TIME_LIMIT (BaseException: not swallowed)."""


def _alarm(signum: int, frame: Any) -> None:
    raise _Hang


def run_with_limit(thunk: Callable[[], Any]) -> tuple[str, Any, list]:
    """Run ``thunk``; returns (status, value_or_exc, warnings) with status in returned/raised/hang."""
    main = threading.current_thread() is threading.main_thread()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if main:
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
        try:
            return "returned", thunk(), caught
        except _Hang:
            return "hang", None, caught
        except Exception as exc:  # noqa: BLE001 - judged below
            return "raised", exc, caught
        finally:
            if main:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old)


def _nonfinite(value: Any, depth: int = 0) -> str | None:
    """Where ``value`` holds NaN or inf (arrays, numbers, containers, fitted attributes)."""
    if depth > 3:
        return None
    if isinstance(value, (float, np.floating, complex)):
        return None if np.isfinite(value) else f"{value}"
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc" and not np.isfinite(value).all():
            return f"array of shape {value.shape} with NaN/inf"
        return None
    if isinstance(value, Mapping):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value[:50])
    elif hasattr(value, "__dict__") and type(value).__module__.startswith("mlnotes"):
        items = [(k, v) for k, v in vars(value).items() if k.endswith("_") or isinstance(v, np.ndarray)]
    else:
        return None
    for key, item in items:
        where = _nonfinite(item, depth + 1)
        if where:
            return f"{key}: {where}"
    return None


def _raise_site(exc: BaseException) -> str:
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return last.tb_frame.f_code.co_filename if last is not None else "?"


def judge(status: str, value: Any, caught: list, kind: str, seed: Seed, *, unfitted: bool = False) -> str | None:
    """None if the outcome is acceptable, else what went wrong."""
    leaked = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    if leaked:
        return f"leaked RuntimeWarning: {leaked[0].message}"
    if status == "hang":
        return f"did not finish within {TIME_LIMIT} s (hang)"
    if status == "raised":
        exc = value
        if unfitted and seed.estimator:
            from mlnotes._validation import NotFittedError

            if not isinstance(exc, NotFittedError):
                return f"unfitted call raised {type(exc).__name__} instead of NotFittedError: {exc}"
        if not isinstance(exc, (ValueError, TypeError)):
            return f"raised {type(exc).__name__}: {str(exc)[:200]}"
        site = _raise_site(exc)
        if not site.startswith(MLNOTES_DIR):
            return f"raw {type(exc).__name__} from {os.path.relpath(site)}: {str(exc)[:200]}"
        if _RAW_MESSAGES.search(str(exc)):
            return f"raw {type(exc).__name__} message: {str(exc)[:200]}"
        return None
    if unfitted and seed.estimator:
        return "unfitted call returned instead of raising NotFittedError"
    if kind == INVALID:
        return f"accepted invalid input silently (returned {type(value).__name__})"
    if not seed.nonfinite:
        where = _nonfinite(value)
        if where:
            return f"returned non-finite values: {where}"
    return None


def _bind(fn: Callable, call: Call) -> tuple[inspect.Signature | None, dict]:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None, {}
    bound = sig.bind(*call.args, **call.kwargs)
    bound.apply_defaults()
    return sig, dict(bound.arguments)


def _invoke(fn: Callable, sig: inspect.Signature | None, arguments: dict, call: Call) -> Any:
    if sig is None:
        return fn(*call.args, **call.kwargs)
    args, kwargs = [], {}
    for name, p in sig.parameters.items():
        if name not in arguments:
            continue
        if p.kind is p.VAR_POSITIONAL:
            args.extend(arguments[name])
        elif p.kind is p.VAR_KEYWORD:
            kwargs.update(arguments[name])
        elif p.kind is p.POSITIONAL_ONLY:
            args.append(arguments[name])
        elif p.kind is p.POSITIONAL_OR_KEYWORD and not kwargs:
            args.append(arguments[name])
        else:
            kwargs[name] = arguments[name]
    return fn(*args, **kwargs)


IGNORED = ("y", "groups")  # accepted and ignored by unsupervised fit and by splitters (scikit-learn's API)


def _perturbable(sig: inspect.Signature | None, arguments: dict) -> list[tuple[str, Any, Any]]:
    if sig is None:
        return []
    out = []
    for name, value in arguments.items():
        p = sig.parameters[name]
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or name in ("self", "kwargs"):
            continue
        if name in IGNORED and value is None:
            continue
        out.append((name, value, p.default))
    return out


def _paired(arguments: dict, name: str) -> bool:
    value = arguments[name]
    if not isinstance(value, np.ndarray) or value.ndim == 0:
        return False
    return any(isinstance(v, np.ndarray) and v.ndim >= 1 and k != name and v.shape[0] == value.shape[0]
               for k, v in arguments.items())


def estimator_methods(cls: type) -> list[str]:
    """Public methods of an estimator taking X (besides fit), discovered from the class."""
    names = []
    for name in dir(cls):
        if name.startswith("_") or name in ("fit", "get_params", "set_params"):
            continue
        attr = getattr(cls, name, None)
        if not callable(attr):
            continue
        params = list(inspect.signature(attr).parameters)
        if len(params) >= 2 and params[1] == "X":
            names.append(name)
    return names


def expand(qualname: str, obj: Any, seed: Seed) -> list[Call]:
    calls = list(seed.calls)
    if seed.estimator:
        have = {c.name for c in calls}
        for name in estimator_methods(obj):
            if name in have:
                continue
            params = list(inspect.signature(getattr(obj, name)).parameters)
            y = calls[0].args[1] if len(calls[0].args) > 1 else None
            test_y = None if y is None else y[:5]
            if name.startswith("fit_"):
                calls.append(M(name, *calls[0].args))
            elif "y" in params and params.index("y") == 2 and name == "score" and test_y is not None:
                calls.append(M(name, X_TEST if calls[0].args[0] is X else calls[0].args[0][:5], test_y))
            else:
                calls.append(M(name, X_TEST if calls[0].args[0] is X else calls[0].args[0][:5]))
    return calls


def _is_ok(seed: Seed, name: str, label: str, method: str | None = None) -> bool:
    """Whether ``label`` is an accepted value of parameter ``name`` (or ``"method.name"``)."""
    allowed = set(seed.ok.get(name, ())) | set(seed.ok.get(f"{method}.{name}", ()))
    return label in allowed or "*" in allowed


def cases(qualname: str, obj: Any, seed: Seed):
    """Yield (label, kind, thunk, unfitted) for every bad call derived from ``seed``."""
    is_class = inspect.isclass(obj)
    calls = expand(qualname, obj, seed) if is_class else []
    ctor_sig, ctor_args = _bind(obj, seed.ctor)

    def build(arguments: dict) -> Any:
        return _invoke(obj, ctor_sig, _fresh(arguments), seed.ctor)

    def run_calls(target: Any, upto: int, override: tuple[int, str, Any] | None = None) -> Any:
        result = target
        for j, call in enumerate(calls[:upto]):
            fn = getattr(target, call.name)
            sig, arguments = _bind(fn, call)
            arguments = _fresh(arguments)
            if override is not None and override[0] == j:
                arguments[override[1]] = override[2]
            result = _invoke(fn, sig, arguments, call)
            if inspect.isgenerator(result):
                result = list(result)
        return result

    # 1. constructor (or the function's own) arguments
    for name, value, default in _perturbable(ctor_sig, ctor_args):
        for label, bad, kind in variants(value, paired=_paired(ctor_args, name), fitted=False, default=default):
            if _is_ok(seed, name, label):
                kind = EXTREME
            arguments = dict(ctor_args, **{name: bad})

            def thunk(arguments: dict = arguments) -> Any:
                target = build(arguments)
                if not is_class:
                    return _consume(target)
                return run_calls(target, len(calls))

            yield f"{name}={label}", kind, thunk, False
    if not is_class:
        return
    # 2. method arguments, one call at a time, after the valid calls before it
    probe = build(ctor_args)
    for j, call in enumerate(calls):
        sig, arguments = _bind(getattr(probe, call.name), call)
        for name, value, default in _perturbable(sig, arguments):
            fitted = j > 0 and not call.name.startswith("fit")
            for label, bad, kind in variants(value, paired=_paired(arguments, name), fitted=fitted,
                                             default=default):
                if _is_ok(seed, name, label, call.name):
                    kind = EXTREME

                def thunk(j: int = j, name: str = name, bad: Any = bad) -> Any:
                    return run_calls(build(ctor_args), j + 1, (j, name, bad))

                yield f".{call.name}({name}={label})", kind, thunk, False
        # 3. the call without the calls before it (unfitted / not started)
        if j > 0 and not call.name.startswith("fit"):
            def thunk(j: int = j) -> Any:
                target = build(ctor_args)
                fn = getattr(target, calls[j].name)
                sig, arguments = _bind(fn, calls[j])
                return _invoke(fn, sig, _fresh(arguments), calls[j])

            yield f".{call.name}() before {calls[0].name}()", EXTREME, thunk, True


# ------------------------------------------------------------------------------- tests

CALLABLES = public_callables()
SEEDS = seeds()
for _name, _ok in OK.items():
    for _param, _labels in _ok.items():
        SEEDS[_name].ok[_param] = set(SEEDS[_name].ok.get(_param, ())) | set(_labels)
TALLY_KEY = "robustness_tally"


def test_every_public_callable_is_seeded_or_listed():
    missing = sorted(set(CALLABLES) - set(SEEDS) - set(NOT_DRIVEN))
    assert not missing, f"public callables without a seed in SEEDS or a reason in NOT_DRIVEN: {missing}"
    stale = sorted((set(SEEDS) | set(NOT_DRIVEN)) - set(CALLABLES))
    assert not stale, f"SEEDS/NOT_DRIVEN name callables that are not public (any more): {stale}"
    assert len(NOT_DRIVEN) <= 15, "keep the list of callables that are not driven short"


def test_seed_calls_are_valid():
    """Every seed itself must run cleanly, or the derived cases test nothing."""
    for qualname, seed in SEEDS.items():
        obj = CALLABLES[qualname]
        status, value, caught = run_with_limit(lambda: _run_seed(obj, seed))
        if seed.cleanup:
            seed.cleanup()
        assert status == "returned", f"seed of {qualname} failed: {value!r}"


def _consume(result: Any) -> Any:
    """Run generators and context managers (``language``) that a call returns."""
    if inspect.isgenerator(result):
        return list(result)
    if hasattr(result, "__enter__") and hasattr(result, "__exit__"):
        with result:
            pass
    return result


def _run_seed(obj: Any, seed: Seed) -> Any:
    sig, arguments = _bind(obj, seed.ctor)
    target = _consume(_invoke(obj, sig, _fresh(arguments), seed.ctor))
    if inspect.isclass(obj):
        for call in expand("", obj, seed):
            fn = getattr(target, call.name)
            s, a = _bind(fn, call)
            result = _invoke(fn, s, _fresh(a), call)
            if inspect.isgenerator(result):
                list(result)
    return target


@pytest.mark.parametrize("qualname", sorted(SEEDS))
def test_bad_input_gives_a_clear_error(qualname, record_property):
    obj, seed = CALLABLES[qualname], SEEDS[qualname]
    failures, tried = [], 0
    np_state = np.random.get_state()
    try:
        for label, kind, thunk, unfitted in cases(qualname, obj, seed):
            tried += 1
            status, value, caught = run_with_limit(thunk)
            problem = judge(status, value, caught, kind, seed, unfitted=unfitted)
            if problem:
                failures.append(f"{qualname.removeprefix('mlnotes.')}{label}: {problem}")
            if seed.cleanup:
                seed.cleanup()
    finally:
        np.random.set_state(np_state)
    record_property(TALLY_KEY, (obj.__module__, tried, tried - len(failures)))
    assert not failures, f"{len(failures)} of {tried} cases broke the promise:\n  " + "\n  ".join(failures[:60])


def test_make_outliers_never_hangs():
    """The hang from issue 15: no room left for outliers must be an error, not an endless loop."""
    from mlnotes.datasets import make_outliers

    status, value, _ = run_with_limit(lambda: make_outliers(n_clusters=60, box=4.5, random_state=0))
    assert status == "raised" and isinstance(value, ValueError), (status, value)



def test_issue_15_examples():
    """The failures listed in issue 15, each now a clear error or a finite result."""
    from mlnotes.association import association_rules
    from mlnotes.base import clone
    from mlnotes.cluster import KMeans
    from mlnotes.nn import gaussian_kernel
    from mlnotes.datasets import make_line
    from mlnotes.linear_model import LogisticRegression
    from mlnotes.model_selection import GridSearchCV, cross_val_score
    from mlnotes.nn import make_mlp, sigmoid, softmax
    from mlnotes.rl import ReplayBuffer, epsilon_greedy, soft_update

    clf = LogisticRegression().fit(X, Y_CLASS)
    for bad_y in (None, [0], [np.nan] * 5, Y_CLASS):  # y missing, too short, NaN, too long
        with pytest.raises((ValueError, TypeError)):
            clf.score(X_TEST, bad_y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        cross_val_score(LogisticRegression(), X, np.r_[Y_CLASS, 0], cv=3)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        cross_val_score(LogisticRegression(), X, Y_CLASS[:-2], cv=3)
    with pytest.raises(TypeError, match="cv must be an int"):
        GridSearchCV(LogisticRegression(), {"C": [1.0]}, cv="5").fit(X, Y_CLASS)
    with pytest.raises(TypeError, match="Cannot clone the class LogisticRegression"):
        clone(LogisticRegression)
    with pytest.raises(ValueError, match="Floating-point overflow"):  # the inertia has no float64 value
        KMeans(n_clusters=2, n_init=1, random_state=0).fit(X * 1e300)
    assert np.isfinite(KMeans(n_clusters=2, n_init=1, random_state=0).fit(X).transform(X * 1e300)).all()
    assert np.isfinite(gaussian_kernel(3, 1e-200)).all()
    with pytest.raises(TypeError, match="got None"):
        sigmoid(None)
    with pytest.raises(ValueError, match="minimum of 1 is required"):
        softmax(np.zeros((2, 0)))
    with pytest.raises(ValueError, match="shape"):
        epsilon_greedy(np.zeros((2, 3)), 0.0, np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"state must have shape \(2,\)"):
        ReplayBuffer(4, 2).add(np.zeros(3), 0, 1.0, np.zeros(2), False)
    net = make_mlp([2, 3, 1], random_state=np.random.default_rng(0))
    with pytest.raises(ValueError, match="tau must be finite"):
        soft_update(net, make_mlp([2, 3, 1], random_state=np.random.default_rng(1)), float("nan"))
    with pytest.raises(ValueError, match="out_activation must be one of"):
        make_mlp([2, 3, 1], out_activation="softplus", random_state=np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"the support of \{a\} must be > 0"):
        association_rules({frozenset("a"): 0.0, frozenset("b"): 0.5, frozenset("ab"): 0.0}, 0.5)
    from mlnotes.datasets import make_moons

    for flag in ("yes", None):  # flags refuse strings and None
        with pytest.raises(TypeError, match="shuffle must be a bool"):
            make_moons(10, shuffle=flag)
    with pytest.raises(ValueError, match="slope must be finite"):
        make_line(5, slope=float("nan"))
